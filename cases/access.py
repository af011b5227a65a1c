"""Who sees which case and what they may do with it.

- Corruption reports: only holders of ``cases.view_corruption`` (the restricted group).
- General complaints: every one for ``cases.handle_all_units`` (the complaints centre); else
  those assigned to a unit of the person's unit groups (``moderation``).
- The complainant's name, phone and e-mail: only with ``cases.view_personal_data``.
- Assigning (and reassigning) a case: whoever sees all cases of its kind.
Superusers see and do everything.
"""

from django.db.models import Q

from cases.models import Complaint, ComplaintCategory, Status
from ownership.permissions import unit_scoped_groups

GENERAL = ComplaintCategory.Kind.GENERAL
CORRUPTION = ComplaintCategory.Kind.CORRUPTION


def can_use_cases(user):
    return user.is_active and (
        user.has_perm("cases.view_complaint") or user.has_perm("cases.change_complaint")
    )


def user_unit_ids(user):
    return set(unit_scoped_groups(user).values())


def visible_complaints(user):
    complaints = Complaint.objects.all()
    if user.is_superuser:
        return complaints
    if not can_use_cases(user):
        return complaints.none()
    scope = Q(pk__in=[])
    if user.has_perm("cases.handle_all_units"):
        scope |= Q(category__kind=GENERAL)
    if user.has_perm("cases.view_corruption"):
        scope |= Q(category__kind=CORRUPTION)
    units = user_unit_ids(user)
    if units:
        scope |= Q(category__kind=GENERAL, unit_id__in=units)
    return complaints.filter(scope)


def sees_personal_data(user):
    return user.is_superuser or user.has_perm("cases.view_personal_data")


def can_assign(user, case):
    if user.is_superuser:
        return True
    if not user.has_perm("cases.change_complaint"):
        return False
    if case.category.is_corruption:
        return user.has_perm("cases.view_corruption")
    return user.has_perm("cases.handle_all_units")


def allowed_actions(user, case):
    """The actions ``user`` may take on ``case`` (which they can see), in button order."""
    if not (user.is_superuser or user.has_perm("cases.change_complaint")):
        return []
    actions = []
    if case.status in (Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS) and can_assign(
        user, case
    ):
        actions.append("assign")
    if case.status == Status.ASSIGNED:
        actions.append("start")
    if case.status in (Status.ASSIGNED, Status.IN_PROGRESS):
        actions.append("resolve")
    if case.is_open:
        actions.append("reject")
    actions.append("note")
    return actions
