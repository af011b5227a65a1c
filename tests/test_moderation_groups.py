"""Role groups as data (moderation.setup): every unit's two groups and the site's two, kept in
step with the units, and the command that creates what is missing."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import GroupPagePermission

from moderation.setup import IT_ADMINS_GROUP, OPERATORS_GROUP
from ownership.models import GroupRole, Role, Unit


class GroupsTests(TestCase):
    def test_every_unit_has_its_creators_and_supervisors_and_the_site_roles_exist(self):
        for unit in Unit.objects.all():
            roles = set(GroupRole.objects.filter(unit=unit).values_list("role", flat=True))
            self.assertEqual(roles, {Role.CREATOR, Role.SUPERVISOR}, unit.slug)
        names = set(Group.objects.values_list("name", flat=True))
        self.assertIn(OPERATORS_GROUP, names)
        self.assertIn(IT_ADMINS_GROUP, names)
        self.assertIn("ผู้จัดทำเนื้อหา สำนักงานคลัง (Content creators, Finance Office)", names)
        self.assertIn("ผู้บังคับบัญชา สำนักงานการศึกษา (Supervisors, Education Office)", names)
        # Wagtail's example groups, which edit the whole tree whatever the unit, are gone.
        self.assertFalse(Group.objects.filter(name__in=["Editors", "Moderators"]).exists())

    def test_a_new_unit_gets_its_groups_without_code_and_they_go_with_it(self):
        unit = Unit.objects.create(
            name="กองการเจ้าหน้าที่", name_en="Personnel Division", slug="personnel"
        )
        groups = Group.objects.filter(role__unit=unit)
        self.assertEqual(
            sorted(groups.values_list("name", flat=True)),
            [
                "ผู้จัดทำเนื้อหา กองการเจ้าหน้าที่ (Content creators, Personnel Division)",
                "ผู้บังคับบัญชา กองการเจ้าหน้าที่ (Supervisors, Personnel Division)",
            ],
        )
        creators = groups.get(role__role=Role.CREATOR)
        self.assertEqual(
            set(
                GroupPagePermission.objects.filter(group=creators).values_list(
                    "permission__codename", flat=True
                )
            ),
            {"add_page", "change_page"},
        )
        unit.delete()
        # Left behind, the groups' tree-wide permissions would no longer be limited to a unit.
        self.assertFalse(Group.objects.filter(pk=creators.pk).exists())

    def test_ensure_unit_groups_can_run_again_without_duplicates(self):
        counts = (Group.objects.count(), GroupPagePermission.objects.count())
        call_command("ensure_unit_groups", stdout=StringIO())
        call_command("ensure_unit_groups", stdout=StringIO())
        self.assertEqual((Group.objects.count(), GroupPagePermission.objects.count()), counts)
