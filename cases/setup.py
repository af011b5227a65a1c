"""The groups that handle cases, as data (run by the migration ``cases/0002``; idempotent, and
never takes away what an IT administrator granted since):

- ศูนย์รับเรื่องร้องเรียน (Complaints centre): receives every general complaint, sees the
  complainants' details, assigns cases to units;
- ผู้รับเรื่องร้องเรียนการทุจริต (Corruption reports): the only group that sees and handles
  corruption and misconduct reports;
- ผู้ดำเนินการเรื่องร้องเรียนของหน่วยงาน (Unit complaint handlers): handles the general cases
  assigned to the unit(s) of the person's unit groups (``moderation``), without the
  complainants' details.
"""

from ownership.grants import ACCESS_ADMIN, permission

CENTRE_GROUP = "ศูนย์รับเรื่องร้องเรียน (Complaints centre)"
CORRUPTION_GROUP = "ผู้รับเรื่องร้องเรียนการทุจริต (Corruption reports)"
UNIT_HANDLERS_GROUP = "ผู้ดำเนินการเรื่องร้องเรียนของหน่วยงาน (Unit complaint handlers)"


def _complaint(codename, name):
    return ("cases", "complaint", codename, name)


VIEW = _complaint("view_complaint", "Can view complaint")
CHANGE = _complaint("change_complaint", "Can change complaint")
PERSONAL_DATA = _complaint("view_personal_data", "ดูข้อมูลส่วนบุคคลของผู้ร้องเรียน")
CORRUPTION = _complaint("view_corruption", "ดูและดำเนินการเรื่องทุจริต")
ALL_UNITS = _complaint("handle_all_units", "รับและส่งต่อเรื่องทุกหน่วยงาน")
CATEGORIES = [
    ("cases", "complaintcategory", f"{action}_complaintcategory", f"Can {action} category")
    for action in ("add", "change", "view")
]

GROUPS = {
    CENTRE_GROUP: [ACCESS_ADMIN, VIEW, CHANGE, PERSONAL_DATA, ALL_UNITS, *CATEGORIES],
    CORRUPTION_GROUP: [ACCESS_ADMIN, VIEW, CHANGE, PERSONAL_DATA, CORRUPTION],
    UNIT_HANDLERS_GROUP: [ACCESS_ADMIN, VIEW, CHANGE],
}


def ensure_groups(apps):
    Group = apps.get_model("auth", "Group")
    for name, permissions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(apps, *spec) for spec in permissions))
