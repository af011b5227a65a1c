"""Every staff and citizen e-mail links to the one configured site address
(``WAGTAILADMIN_BASE_URL``, core/links.py), never to the host a request came on nor to the
development default; production refuses to start without it and ``check --deploy`` refuses a
local one."""

import re
import time

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse

from cases.models import ComplaintCategory
from cases.protection import started_token
from cases.setup import CENTRE_GROUP
from news.models import AnnouncementPage
from oversight import sitecheck
from tests.factories import ComplaintPageFactory, DepartmentPageFactory, UserFactory, home_page
from tests.moderation_support import ModerationTestCase
from tests.test_settings import run_manage

SITE = "https://www.nakhonsawancity.go.th"
LINK = re.compile(r"https?://[^\s\"'<>]+")


def links(message):
    return LINK.findall(message.body)


def assert_all_on_site(test, message):
    found = links(message)
    test.assertTrue(found, message.body)
    for link in found:
        test.assertTrue(link.startswith(SITE + "/"), (link, message.subject))


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
class ApprovalMailTests(ModerationTestCase):
    def test_the_supervisor_and_the_creator_get_links_on_the_site_address(self):
        title = "ประกาศสำนักงานคลัง เรื่อง ภาษีป้าย ๒๕๖๙"
        self.create(self.creator, title, self.finance.pk, action="action-submit")
        page = AnnouncementPage.objects.get(title=title)
        [to_supervisor] = mail.outbox
        self.assertEqual(to_supervisor.to, ["finance-supervisor@example.org"])
        assert_all_on_site(self, to_supervisor)
        self.assertIn(SITE + reverse("wagtailadmin_home"), to_supervisor.body)

        self.workflow_action(self.supervisor, page, "approve")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.workflow_action(self.operator, page, "approve")
        [published] = mail.outbox
        assert_all_on_site(self, published)
        page.refresh_from_db()
        self.assertIn(SITE + page.url, published.body)  # the live page, on the site address


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
class ComplaintMailTests(TestCase):
    def test_the_complainant_and_the_centre_get_links_on_the_site_address(self):
        page = ComplaintPageFactory(parent=home_page(), slug="complaints", title="ร้องเรียน")
        centre = UserFactory(username="centre", email="centre@example.org")
        centre.groups.add(Group.objects.get(name=CENTRE_GROUP))
        data = {
            "category": ComplaintCategory.objects.get(slug="roads").pk,
            "description": "ถนนหน้าตลาดเป็นหลุมลึก",
            "place": "ถนนโกสีย์",
            "contact_name": "สมชาย ใจดี",
            "contact_phone": "0812345678",
            "contact_email": "somchai@example.org",
            "website": "",
            "started": started_token(time.time() - 30),
        }
        # Sent to another host name than the configured one (a proxy, an internal address).
        response = self.client.post(page.url, data, HTTP_HOST="127.0.0.1")
        self.assertEqual(response.status_code, 302)
        by_recipient = {message.to[0]: message for message in mail.outbox}
        citizen, staff = by_recipient["somchai@example.org"], by_recipient["centre@example.org"]
        assert_all_on_site(self, citizen)
        assert_all_on_site(self, staff)
        self.assertIn("/complaints/track/", links(citizen)[0])
        self.assertIn("/admin/", links(staff)[0])


@override_settings(
    WAGTAILADMIN_BASE_URL=SITE,
    OVERSIGHT_CHECK_EXTERNAL_LINKS=False,
    OVERSIGHT_CHECK_IN_BACKGROUND=False,
)
class DailyCheckMailTests(ModerationTestCase):
    def test_the_units_report_links_on_the_site_address(self):
        # A unit page without personnel: a finding for the Finance Office.
        DepartmentPageFactory(unit=self.finance)
        sitecheck.run_check()
        [report] = [m for m in mail.outbox if "finance-supervisor@example.org" in m.to]
        assert_all_on_site(self, report)
        self.assertIn(SITE + reverse("oversight_site_check"), report.body)


class SiteAddressCheckTests(SimpleTestCase):
    def deploy_check(self):
        call_command("check", "--deploy", "--tag", "security", "--fail-level", "ERROR")

    def test_a_local_address_fails_the_deployment_check(self):
        for address in ("http://127.0.0.1:8000", "http://localhost:8000", "", "http://10.0.0.5"):
            with (
                self.subTest(address=address),
                override_settings(WAGTAILADMIN_BASE_URL=address),
                self.assertRaisesMessage(SystemCheckError, "core.E001"),
            ):
                self.deploy_check()

    @override_settings(WAGTAILADMIN_BASE_URL=SITE)
    def test_the_public_address_passes(self):
        from core.checks import check_site_address

        self.assertEqual(check_site_address(None), [])

    def test_production_refuses_to_start_without_it(self):
        result = run_manage("check", SECRET_KEY="x" * 60, ALLOWED_HOSTS="www.nakhonsawancity.go.th")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("WAGTAILADMIN_BASE_URL is not set", result.stderr)
