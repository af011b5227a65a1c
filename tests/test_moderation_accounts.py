"""Accounts: groups created by data, lock-out, two-factor for operators, idle sessions, the
sign-in audit log and its retention, and the demo accounts."""

import time
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission, ModelLogEntry, PageLogEntry

from moderation import demo
from moderation.middleware import LAST_ACTIVITY_KEY
from moderation.models import GroupRole, Role
from moderation.setup import IT_ADMINS_GROUP, OPERATORS_GROUP
from tests.factories import Unit, UnitFactory
from tests.moderation_support import PASSWORD, ModerationTestCase, make_user, totp_token

LOGIN = "/admin/login/"


def sign_in_form(username, password):
    return {"username": username, "password": password, "next": "/admin/"}


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
        unit = UnitFactory(name="หน่วยตรวจสอบภายใน", name_en="Internal Audit Unit", slug="audit")
        groups = Group.objects.filter(moderation_role__unit=unit)
        self.assertEqual(
            sorted(groups.values_list("name", flat=True)),
            [
                "ผู้จัดทำเนื้อหา หน่วยตรวจสอบภายใน (Content creators, Internal Audit Unit)",
                "ผู้บังคับบัญชา หน่วยตรวจสอบภายใน (Supervisors, Internal Audit Unit)",
            ],
        )
        creators = groups.get(moderation_role__role=Role.CREATOR)
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

    def test_passwords_must_be_long_and_uncommon(self):
        for weak in ["short-pw", "password1234", "123456789012"]:
            with self.subTest(weak), self.assertRaises(ValidationError):
                validate_password(weak)


class LockOutTests(ModerationTestCase):
    def fail(self, times, address="10.0.0.5"):
        for _ in range(times):
            self.client.post(
                LOGIN, sign_in_form("finance-creator", "wrong-password"), REMOTE_ADDR=address
            )

    def test_five_failures_lock_that_username_from_that_address(self):
        self.fail(5)
        response = self.client.post(
            LOGIN, sign_in_form("finance-creator", PASSWORD), REMOTE_ADDR="10.0.0.5"
        )
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "บัญชีถูกล็อกชั่วคราว", status_code=429)
        self.assertContains(response, "15 นาที", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)
        # The same person from another address is not locked out.
        other = self.client_class()
        response = other.post(
            LOGIN, sign_in_form("finance-creator", PASSWORD), REMOTE_ADDR="10.0.0.9"
        )
        self.assertEqual(response.status_code, 302)
        # Each failure is in the audit log, with the address.
        failures = ModelLogEntry.objects.filter(
            action="moderation.sign_in_failed", object_id=str(self.creator.pk)
        )
        self.assertEqual(failures.count(), 6)
        self.assertEqual(failures.first().data["ip_address"], "10.0.0.5")
        self.assertTrue(ModelLogEntry.objects.filter(action="moderation.locked_out").exists())

    def test_four_failures_do_not_lock(self):
        self.fail(4)
        response = self.client.post(
            LOGIN, sign_in_form("finance-creator", PASSWORD), REMOTE_ADDR="10.0.0.5"
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(
            ModelLogEntry.objects.filter(
                action="moderation.sign_in", object_id=str(self.creator.pk)
            ).exists()
        )

    def test_an_it_administrator_unlocks_the_account(self):
        self.fail(5)
        admin_client = self.client_class()
        from tests.moderation_support import sign_in

        sign_in(admin_client, self.it_admin)
        listing = admin_client.get(reverse("moderation_locked_accounts"))
        self.assertContains(listing, "finance-creator")
        attempt_id = listing.context["attempts"][0].pk
        admin_client.post(reverse("moderation_unlock_account", args=[attempt_id]))
        response = self.client.post(
            LOGIN, sign_in_form("finance-creator", PASSWORD), REMOTE_ADDR="10.0.0.5"
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            ModelLogEntry.objects.get(action="moderation.unlocked").user, self.it_admin
        )
        # Others cannot see or unlock.
        sign_in(self.client, self.operator)
        self.assertRefused(self.client.get(reverse("moderation_locked_accounts")))

    def test_failed_sign_in_with_an_unknown_name_is_logged_and_the_report_shows_it(self):
        self.client.post(LOGIN, sign_in_form("no-such-person", "whatever-123"))
        entry = ModelLogEntry.objects.get(action="moderation.sign_in_failed")
        self.assertEqual(entry.label, "no-such-person")
        from tests.moderation_support import sign_in

        sign_in(self.client, self.it_admin)
        report = self.client.get(reverse("wagtailadmin_reports:site_history"))
        self.assertContains(report, "no-such-person")
        self.assertContains(report, "เข้าสู่ระบบไม่สำเร็จ")


class TwoFactorTests(ModerationTestCase):
    def test_an_operator_must_set_up_and_then_use_two_factor(self):
        response = self.client.post(LOGIN, sign_in_form("web-operator", PASSWORD))
        self.assertEqual(response.status_code, 302)
        # Signed in with the password only, the admin sends them to set up an authenticator.
        response = self.client.get("/admin/pages/")
        self.assertRedirects(
            response,
            f"{reverse('moderation_two_factor_setup')}?next=%2Fadmin%2Fpages%2F",
            fetch_redirect_response=False,
        )
        setup = self.client.get(response["Location"])
        self.assertContains(setup, "<svg")
        self.assertContains(setup, "ตั้งค่าการยืนยันตัวตนสองขั้นตอน")
        device = TOTPDevice.objects.get(user=self.operator, confirmed=False)
        wrong = self.client.post(response["Location"], {"token": "000000"})
        self.assertContains(wrong, "รหัสไม่ถูกต้อง")
        TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
        done = self.client.post(response["Location"], {"token": totp_token(device)})
        self.assertRedirects(done, "/admin/pages/", fetch_redirect_response=False)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)
        self.assertTrue(
            ModelLogEntry.objects.filter(
                action="moderation.two_factor_enabled", object_id=str(self.operator.pk)
            ).exists()
        )
        # Next sign-in: the code is asked for again.
        self.client.logout()
        self.client.post(LOGIN, sign_in_form("web-operator", PASSWORD))
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("moderation_two_factor_verify")))
        bad = self.client.post(reverse("moderation_two_factor_verify"), {"token": "12ab"})
        self.assertEqual(bad.status_code, 200)
        device.refresh_from_db()
        # django-otp refuses a code already used; the next time step's code works.
        device.last_t = -1
        device.throttling_failure_count = 0
        device.throttling_failure_timestamp = None
        device.save()
        self.client.post(reverse("moderation_two_factor_verify"), {"token": totp_token(device)})
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_superuser_must_use_two_factor_too(self):
        get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
        self.client.post(LOGIN, sign_in_form("root", PASSWORD))
        response = self.client.get("/admin/users/")
        self.assertRedirects(
            response,
            f"{reverse('moderation_two_factor_setup')}?next=%2Fadmin%2Fusers%2F",
            fetch_redirect_response=False,
        )

    def test_a_content_creator_is_not_asked_for_a_code(self):
        self.client.post(LOGIN, sign_in_form("finance-creator", PASSWORD))
        self.assertEqual(self.client.get("/admin/").status_code, 200)


class IdleSessionTests(ModerationTestCase):
    def test_admin_session_ends_after_thirty_idle_minutes(self):
        self.client.post(LOGIN, sign_in_form("finance-creator", PASSWORD))
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        session = self.client.session
        session[LAST_ACTIVITY_KEY] = time.time() - 29 * 60
        session.save()
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        session = self.client.session
        session[LAST_ACTIVITY_KEY] = time.time() - 31 * 60
        session.save()
        response = self.client.get("/admin/pages/")
        self.assertTrue(response["Location"].startswith(LOGIN))
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertTrue(
            ModelLogEntry.objects.filter(
                action="moderation.sign_out", object_id=str(self.creator.pk)
            ).exists()
        )

    def test_the_editors_background_pings_do_not_keep_a_session_alive(self):
        self.client.post(LOGIN, sign_in_form("finance-creator", PASSWORD))
        session = self.client.session
        session[LAST_ACTIVITY_KEY] = last = time.time() - 20 * 60
        session.save()
        self.client.post(
            f"/admin/editing-sessions/ping/wagtailcore.page/{self.finance_notice.pk}/0/"
        )
        self.assertEqual(self.client.session[LAST_ACTIVITY_KEY], last)


class AuditRetentionTests(ModerationTestCase):
    def test_nothing_younger_than_ninety_days_can_be_pruned(self):
        with self.assertRaises(CommandError):
            call_command("prune_audit_log", days=30, stdout=StringIO())
        old = PageLogEntry.objects.create(
            page=self.finance_notice,
            content_type_id=self.finance_notice.content_type_id,
            label="old",
            action="wagtail.edit",
            timestamp=timezone.now() - timedelta(days=400),
        )
        recent = PageLogEntry.objects.create(
            page=self.finance_notice,
            content_type_id=self.finance_notice.content_type_id,
            label="recent",
            action="wagtail.edit",
            timestamp=timezone.now() - timedelta(days=89),
        )
        call_command("prune_audit_log", days=365, stdout=StringIO())
        self.assertFalse(PageLogEntry.objects.filter(pk=old.pk).exists())
        self.assertTrue(PageLogEntry.objects.filter(pk=recent.pk).exists())


class DemoAccountsTests(TestCase):
    def test_demo_accounts_for_every_role_and_two_units_load_twice_without_duplicates(self):
        demo.load_accounts()
        users = demo.load_accounts()
        self.assertEqual(len(users), 6)
        self.assertEqual(
            {(role, unit) for _name, role, unit, *_ in demo.ACCOUNTS},
            {
                (Role.CREATOR, "finance"),
                (Role.SUPERVISOR, "finance"),
                (Role.CREATOR, "education"),
                (Role.SUPERVISOR, "education"),
                (Role.OPERATOR, None),
                (Role.IT_ADMIN, None),
            },
        )
        operator = users["web-operator"]
        self.assertTrue(operator.check_password(demo.DEMO_PASSWORD))
        self.assertEqual(TOTPDevice.objects.filter(user=operator, confirmed=True).count(), 1)
        self.assertTrue(
            users["finance-supervisor"]
            .groups.filter(
                moderation_role__role=Role.SUPERVISOR, moderation_role__unit__slug="finance"
            )
            .exists()
        )
        self.assertIn(demo.DEMO_PASSWORD, "\n".join(demo.logins()))

    def test_the_demo_loader_refuses_to_run_in_production(self):
        with self.settings(DEBUG=False), self.assertRaises(CommandError):
            call_command("load_demo_content", stdout=StringIO())

    def test_a_user_without_a_role_is_not_limited_to_a_unit(self):
        nobody = make_user("nobody")
        from moderation.permissions import assignable_units

        self.assertIsNone(assignable_units(nobody))


class ResetTwoFactorTests(ModerationTestCase):
    def test_a_lost_phone_means_setting_up_again(self):
        TOTPDevice.objects.create(user=self.operator, name="phone", confirmed=True)
        call_command("reset_two_factor", "web-operator", stdout=StringIO())
        self.assertFalse(TOTPDevice.objects.filter(user=self.operator).exists())
        with self.assertRaises(CommandError):
            call_command("reset_two_factor", "nobody-here", stdout=StringIO())
