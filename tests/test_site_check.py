"""The daily site check (O2): what it finds, whom it tells, and how findings close themselves.

External sites are two tiny HTTP servers on 127.0.0.1 started by the tests ("up" and "down");
the check's HTTP client is injected, and refuses any other address, so no test reaches the
internet.
"""

import datetime
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from departments.models import DepartmentPerson, DirectoryPerson, PersonDirectoryPage
from home.models import HomePage, InformationPage
from news.models import AnnouncementPage
from oversight import content_checks, scheduler, sitecheck
from oversight.external import ExternalLinkChecker, urllib_fetch
from oversight.models import CheckRun, Finding, FindingKind, JobRun, Severity
from ownership.models import Role
from tests.factories import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DocumentFactory,
    ImageFactory,
    InformationPageFactory,
    PersonDirectoryPageFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
    translated_home,
    unit,
)
from tests.oversight_support import at, make_user, sign_in

START = timezone.make_aware(datetime.datetime(2026, 3, 2, 6, 0))  # a Monday, 06:00 Bangkok


class ExternalSites(BaseHTTPRequestHandler):
    """/up answers 200, /down 503, /flaky 503 once and then 200."""

    hits = {}

    def do_HEAD(self):
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path.startswith("/up"):
            status = 200
        elif self.path.startswith("/flaky"):
            status = 503 if self.hits[self.path] == 1 else 200
        else:
            status = 503
        self.send_response(status)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


def local_only(url, timeout):
    """The real client, for the test servers only: anything else fails as if unreachable."""
    if urlsplit(url).hostname != "127.0.0.1":
        raise OSError("tests reach no other site")
    return urllib_fetch(url, timeout)


def paragraph(html):
    return [("paragraph", html)]


class SiteCheckTestCase(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), ExternalSites)
        cls.external = f"http://127.0.0.1:{cls.server.server_address[1]}"
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        super().tearDownClass()

    @classmethod
    def setUpTestData(cls):
        cls.finance, cls.education = unit("finance"), unit("education")
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()  # Thai and English home pages
        cls.index = AnnouncementIndexPageFactory(
            parent=cls.home,
            slug="announcements",
            title="ประกาศ",
            responsible_unit=unit("clerk"),
        )
        cls.finance_notice = AnnouncementPageFactory(
            parent=cls.index,
            slug="land-tax",
            title="ประกาศการชำระภาษีที่ดินและสิ่งปลูกสร้าง",
            responsible_unit=cls.finance,
            body=paragraph('<p>อ่าน<a href="/announcements/no-such-notice/">ประกาศเดิม</a></p>'),
        )
        cls.document = DocumentFactory(title="ใบสมัครนักเรียนอนุบาล")
        cls.education_notice = AnnouncementPageFactory(
            parent=cls.index,
            slug="kindergarten",
            title="ประกาศรับสมัครนักเรียนชั้นอนุบาล",
            responsible_unit=cls.education,
            attachments=[("document", {"document": cls.document, "title": "ใบสมัคร"})],
        )
        departments = DepartmentIndexPageFactory(
            parent=cls.home,
            slug="departments",
            title="หน่วยงานในสังกัด",
            responsible_unit=unit("clerk"),
        )
        cls.finance_page = DepartmentPageFactory(
            parent=departments,
            slug="finance",
            title="สำนักงานคลัง",
            unit=cls.finance,
            duties=paragraph("<p>จัดเก็บรายได้ และควบคุมการเบิกจ่ายเงินงบประมาณ</p>"),
        )
        cls.finance_supervisor = make_user("finance-supervisor", Role.SUPERVISOR, "finance")
        cls.education_supervisor = make_user("education-supervisor", Role.SUPERVISOR, "education")
        cls.finance_creator = make_user("finance-creator", Role.CREATOR, "finance")
        cls.operator = make_user("web-operator", Role.OPERATOR)

    def setUp(self):
        ExternalSites.hits.clear()

    def checker(self):
        return ExternalLinkChecker(fetch=local_only, timeout=2, workers=4, retry_delay=0)

    def check(self, moment=START, **options):
        options.setdefault("external_checker", self.checker())
        with at(moment):
            return sitecheck.run_check(**options)

    def open_findings(self, **filters):
        return Finding.objects.filter(fixed_at__isnull=True, **filters)

    def fix_everything(self):
        notice = AnnouncementPage.objects.get(pk=self.finance_notice.pk)
        notice.body = paragraph('<p>อ่าน<a href="/announcements/kindergarten/">ประกาศ</a></p>')
        notice.save_revision().publish()
        DepartmentPerson.objects.create(
            page=self.finance_page,
            locale=self.finance_page.locale,
            name="นางสาวสมใจ ตั้งใจงาน",
            position="ผู้อำนวยการสำนักงานคลัง",
        )


class FindingAndReportingTests(SiteCheckTestCase):
    def remove_document_file(self):
        with self.document.file.open("rb") as original:
            content = original.read()
        default_storage.delete(self.document.file.name)
        return content

    def restore_document_file(self, content):
        default_storage.save(self.document.file.name, io.BytesIO(content))

    def test_problems_are_found_reported_to_their_units_and_closed_when_fixed(self):
        content = self.remove_document_file()
        run = self.check()
        self.assertEqual(run.status, CheckRun.Status.COMPLETE)
        self.assertGreaterEqual(run.pages_checked, 6)  # both languages' home pages included

        broken = self.open_findings(kind=FindingKind.BROKEN_LINK).get()
        self.assertEqual(broken.page_id, self.finance_notice.pk)
        self.assertEqual(broken.unit, self.finance)
        self.assertEqual(broken.severity, Severity.ERROR)
        self.assertEqual(broken.target, "/announcements/no-such-notice/")
        missing = self.open_findings(kind=FindingKind.MISSING_DOCUMENT).get()
        self.assertEqual(
            (missing.page_id, missing.unit), (self.education_notice.pk, self.education)
        )
        required = self.open_findings(kind=FindingKind.NO_PERSONNEL).get()
        self.assertEqual((required.page_id, required.unit), (self.finance_page.pk, self.finance))

        # One Thai e-mail per unit, to that unit's supervisors and the web operators only.
        by_recipients = {frozenset(message.to): message for message in mail.outbox}
        finance = by_recipients[
            frozenset({"finance-supervisor@example.org", "web-operator@example.org"})
        ]
        education = by_recipients[
            frozenset({"education-supervisor@example.org", "web-operator@example.org"})
        ]
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("สำนักงานคลัง", finance.subject)
        self.assertIn("พบปัญหาใหม่ 2 รายการ", finance.subject)
        self.assertIn("ประกาศการชำระภาษีที่ดินและสิ่งปลูกสร้าง", finance.body)
        self.assertIn("ลิงก์ภายในเสีย", finance.body)
        self.assertIn("หน่วยงานไม่มีทำเนียบบุคลากร", finance.body)
        self.assertNotIn("ประกาศรับสมัครนักเรียนชั้นอนุบาล", finance.body)
        self.assertIn(
            reverse("wagtailadmin_pages:edit", args=[self.finance_notice.pk]), finance.body
        )
        self.assertIn("ไม่พบเอกสาร", education.body)
        self.assertNotIn("finance-creator@example.org", {a for m in mail.outbox for a in m.to})

        # A second run with nothing new tells nobody, and keeps the findings open.
        mail.outbox.clear()
        self.check(START + datetime.timedelta(hours=1))
        self.assertEqual(mail.outbox, [])
        self.assertEqual(self.open_findings().exclude(kind=FindingKind.EXTERNAL_LINK).count(), 3)

        # The units fix their content; the next check closes the findings, with time-to-fix.
        self.fix_everything()
        self.restore_document_file(content)
        later = START + datetime.timedelta(hours=27)
        run = self.check(later)
        self.assertEqual(run.fixed_findings, 3)
        for finding in (broken, missing, required):
            finding.refresh_from_db()
            self.assertEqual(finding.fixed_at, later)
            self.assertEqual(finding.time_to_fix, datetime.timedelta(hours=27))
        self.assertFalse(self.open_findings().exists())
        self.assertEqual(mail.outbox, [])

    def test_a_finding_that_comes_back_is_a_new_finding(self):
        self.check()
        first = self.open_findings(kind=FindingKind.NO_PERSONNEL).get()
        person = DepartmentPerson.objects.create(
            page=self.finance_page, locale=self.finance_page.locale, name="ก", position="ข"
        )
        self.check(START + datetime.timedelta(days=1))
        person.delete()
        self.check(START + datetime.timedelta(days=2))
        again = self.open_findings(kind=FindingKind.NO_PERSONNEL).get()
        self.assertNotEqual(again.pk, first.pk)
        first.refresh_from_db()
        self.assertEqual(first.time_to_fix, datetime.timedelta(days=1))

    def test_an_external_site_that_is_down_gives_a_warning_not_an_error(self):
        notice = AnnouncementPage.objects.get(pk=self.finance_notice.pk)
        notice.body = paragraph(
            f'<p><a href="{self.external}/up">ขึ้น</a> <a href="{self.external}/down">ล่ม</a> '
            f'<a href="{self.external}/flaky">สะดุด</a></p>'
        )
        notice.save_revision().publish()
        run = self.check()
        external = self.open_findings(kind=FindingKind.EXTERNAL_LINK)
        self.assertEqual([f.target for f in external], [f"{self.external}/down"])
        self.assertEqual(external.get().severity, Severity.WARNING)
        self.assertEqual(external.get().unit, self.finance)
        self.assertIn("HTTP 503", external.get().detail)
        self.assertEqual(ExternalSites.hits["/down"], 2)  # tried again once
        self.assertEqual(ExternalSites.hits["/flaky"], 2)  # failed once, then answered
        self.assertEqual(run.external_checked, 3)
        self.assertEqual(run.open_warnings, 1)
        self.assertFalse(
            self.open_findings(severity=Severity.ERROR, kind=FindingKind.EXTERNAL_LINK)
        )

    def test_a_page_that_answers_5xx_is_an_error_of_its_unit(self):
        with mock.patch.object(AnnouncementPage, "serve", side_effect=RuntimeError("boom")):
            self.check()
        failing = self.open_findings(kind=FindingKind.PAGE_ERROR)
        self.assertEqual(
            set(failing.values_list("page_id", flat=True)),
            {self.finance_notice.pk, self.education_notice.pk},
        )
        self.assertIn("HTTP 500", failing.first().detail)

    def test_a_run_stopped_at_its_time_limit_closes_nothing_it_did_not_check(self):
        self.check()
        broken = self.open_findings(kind=FindingKind.BROKEN_LINK).get()
        self.fix_everything()
        run = self.check(START + datetime.timedelta(hours=1), limit=0)
        self.assertEqual(run.status, CheckRun.Status.INCOMPLETE)
        self.assertEqual(run.pages_checked, 0)
        broken.refresh_from_db()
        self.assertIsNone(broken.fixed_at)  # its page was not visited
        # Content records are always checked whole: the unit's new person closes that one.
        self.assertFalse(self.open_findings(kind=FindingKind.NO_PERSONNEL).exists())

    def test_only_one_check_runs_at_a_time(self):
        run = sitecheck.start_run(CheckRun.Trigger.COMMAND)
        with self.assertRaises(sitecheck.CheckAlreadyRunning):
            sitecheck.start_run(CheckRun.Trigger.ADMIN)
        sitecheck.execute(run, external=False, mail=False)
        sitecheck.execute(sitecheck.start_run(CheckRun.Trigger.ADMIN), external=False, mail=False)

    def test_command_shows_progress_and_a_summary(self):
        out = io.StringIO()
        with at(START):
            call_command("check_site", "--no-external", "--no-email", stdout=out)
        text = out.getvalue()
        self.assertIn("เปิดหน้าเว็บ (pages)", text)
        self.assertIn("ตรวจครบ (Complete)", text)
        self.assertIn("พบใหม่ (new) 2", text)
        self.assertEqual(mail.outbox, [])
        with self.assertRaisesMessage(Exception, "--max-seconds"):
            call_command("check_site", "--max-seconds", "0", stdout=out)

    @override_settings(OVERSIGHT_CHECK_EXTERNAL_LINKS=False)
    def test_the_scheduler_runs_the_check_daily_at_six_bangkok_time(self):
        job = next(job for job in scheduler.JOBS if job.name == "check_site")
        self.assertEqual(job.daily_at, datetime.time(6, 0))
        JobRun.objects.create(job="check_site", started_at=START - datetime.timedelta(days=1))
        with at(START - datetime.timedelta(minutes=1)):
            self.assertNotIn("check_site", [run.job for run in scheduler.tick("test", [job])])
        with at(START):
            runs = scheduler.tick("test", [job])
        self.assertTrue(runs[0].succeeded, runs[0].output)
        self.assertEqual(CheckRun.objects.get().trigger, CheckRun.Trigger.SCHEDULER)


class ContentCheckTests(TestCase):
    """What the notice requires, schedules, approvals and review dates."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")
        cls.education = unit("education")
        schools = SchoolIndexPageFactory(
            parent=cls.home, slug="schools", title="โรงเรียน", responsible_unit=cls.education
        )
        cls.school = SchoolPageFactory(
            parent=schools, slug="school-1", title="โรงเรียนเทศบาลวัดไทรใต้", code="ท.๑"
        )
        document = DocumentFactory(title="เทศบัญญัติงบประมาณ 2568")
        cls.budget = InformationPageFactory(
            parent=cls.home,
            slug="budget",
            title="งบประมาณ",
            documents=[
                (
                    "fiscal_year",
                    {"fiscal_year": 2568, "documents": [{"document": document, "title": ""}]},
                )
            ],
        )
        image = ImageFactory(title="ภาพไม่มีคำอธิบาย")
        image.description = ""
        image.save()
        cls.structure = InformationPageFactory(
            parent=cls.home,
            slug="structure",
            title="โครงสร้าง",
            body=[("figure", {"image": {"image": image, "decorative": False, "alt_text": ""}})],
            review_by=datetime.date(2026, 1, 31),
        )
        cls.unit_page = DepartmentPageFactory(
            parent=DepartmentIndexPageFactory(parent=cls.home, slug="departments", title="หน่วยงาน"),
            slug="education",
            title="สำนักงานการศึกษา",
            unit=cls.education,
            people=[DepartmentPerson(name="นายสมชาย ใจดี", position="")],
        )
        cls.council = PersonDirectoryPageFactory(
            parent=cls.home,
            slug="council",
            title="สมาชิกสภาเทศบาล",
            kind=PersonDirectoryPage.Kind.COUNCIL,
            people=[
                DirectoryPerson(name="นายสมศักดิ์ รักเมือง", position="", term_start=2564),
                DirectoryPerson(name="นางสมศรี รักเมือง", position="สมาชิกสภา", term_start=2564),
            ],
        )

    def kinds(self, moment):
        with at(moment):
            return {
                (observation.kind, observation.page_id)
                for observation in content_checks.run_all(moment)
            }

    def test_what_the_notice_requires_is_checked(self):
        # 2 March 2026 is in fiscal year 2569: the budget page has 2568 but not 2569.
        found = self.kinds(START)
        self.assertIn((FindingKind.SCHOOL_NO_NOTICE, self.school.pk), found)
        self.assertIn((FindingKind.NO_FISCAL_YEAR_DOCUMENT, self.budget.pk), found)
        self.assertIn((FindingKind.IMAGE_NO_ALT, self.structure.pk), found)
        self.assertIn((FindingKind.NO_DUTIES, self.unit_page.pk), found)
        self.assertIn((FindingKind.NO_POSITION, self.unit_page.pk), found)
        self.assertIn((FindingKind.NO_POSITION, self.council.pk), found)
        self.assertIn((FindingKind.REVIEW_OVERDUE, self.structure.pk), found)
        self.assertNotIn(FindingKind.NO_PERSONNEL, {kind for kind, _page in found})
        # In fiscal year 2568 the budget page is complete, and the review is not yet due.
        found = self.kinds(timezone.make_aware(datetime.datetime(2025, 3, 3, 9, 0)))
        self.assertNotIn((FindingKind.NO_FISCAL_YEAR_DOCUMENT, self.budget.pk), found)
        self.assertNotIn((FindingKind.REVIEW_OVERDUE, self.structure.pk), found)

    def test_a_go_live_that_did_not_happen_is_a_schedule_failure(self):
        page = InformationPage(title="ประกาศตั้งเวลา", slug="timed", live=False)
        self.home.add_child(instance=page)
        page.go_live_at = START - datetime.timedelta(hours=2)
        with at(START - datetime.timedelta(hours=3)):
            page.save_revision().publish()  # scheduled, and the scheduler never ran
        self.assertIn((FindingKind.SCHEDULE_FAILED, page.pk), self.kinds(START))
        self.assertNotIn(
            (FindingKind.SCHEDULE_FAILED, page.pk), self.kinds(START - datetime.timedelta(hours=2))
        )

    def test_approval_waiting_over_two_working_days_is_reported(self):
        creator = make_user("education-creator", Role.CREATOR, "education")
        page = Page.objects.get(pk=self.structure.pk).specific
        page.title = "โครงสร้าง (แก้ไข)"
        friday = timezone.make_aware(datetime.datetime(2026, 3, 6, 15, 0))
        with at(friday):
            page.save_revision(user=creator)
            page.get_workflow().start(page, creator)
        waiting = (FindingKind.WORKFLOW_WAITING, page.pk)
        # Friday 15:00 + two working days = Tuesday 15:00; the weekend does not count.
        self.assertNotIn(
            waiting, self.kinds(timezone.make_aware(datetime.datetime(2026, 3, 10, 14, 0)))
        )
        self.assertIn(
            waiting, self.kinds(timezone.make_aware(datetime.datetime(2026, 3, 10, 16, 0)))
        )

    def test_working_days_skip_weekends(self):
        saturday = timezone.make_aware(datetime.datetime(2026, 3, 7, 10, 0))
        due = content_checks.add_working_days(saturday, 2)
        self.assertEqual((due.weekday(), due.hour), (2, 0))  # Wednesday 00:00


@override_settings(OVERSIGHT_CHECK_IN_BACKGROUND=False, OVERSIGHT_CHECK_EXTERNAL_LINKS=False)
class SiteCheckAdminTests(SiteCheckTestCase):
    def setUp(self):
        super().setUp()
        with at(START):
            sitecheck.run_check(external=False, mail=False)

    def sign_in(self, user, client=None):
        sign_in(client or self.client, user)

    def test_report_lists_open_findings_with_links_to_the_page_editor(self):
        self.sign_in(self.finance_supervisor)
        response = self.client.get(reverse("oversight_site_check"))
        self.assertContains(response, "ประกาศการชำระภาษีที่ดินและสิ่งปลูกสร้าง")
        self.assertContains(
            response, reverse("wagtailadmin_pages:edit", args=[self.finance_notice.pk])
        )
        self.assertContains(response, "ลิงก์ภายในเสีย")
        self.assertContains(response, "ตรวจครบ (Complete)")  # the last run
        self.assertNotContains(response, "ตรวจเดี๋ยวนี้")  # supervisors do not run it

    def test_report_filters_by_unit_severity_and_status(self):
        self.sign_in(self.operator)
        url = reverse("oversight_site_check")
        response = self.client.get(url, {"unit": self.finance.pk, "severity": "error"})
        self.assertContains(response, "ประกาศการชำระภาษีที่ดินและสิ่งปลูกสร้าง")
        response = self.client.get(url, {"unit": self.education.pk})
        self.assertNotContains(response, "ประกาศการชำระภาษีที่ดินและสิ่งปลูกสร้าง")
        response = self.client.get(url, {"status": "fixed"})
        self.assertNotContains(response, "ประกาศการชำระภาษีที่ดินและสิ่งปลูกสร้าง")
        self.assertEqual(self.client.get(url, {"unit": "x", "severity": "?"}).status_code, 200)

    def test_report_exports_csv_and_xlsx(self):
        self.sign_in(self.operator)
        url = reverse("oversight_site_check")
        csv = b"".join(self.client.get(url, {"export": "csv"}).streaming_content).decode()
        self.assertIn("ลิงก์ภายในเสีย (Broken internal link)", csv)
        self.assertIn("สำนักงานคลัง", csv)
        self.assertIn("2 มีนาคม 2569 เวลา 06.00 น.", csv)  # Bangkok time, Buddhist Era
        xlsx = self.client.get(url, {"export": "xlsx"})
        self.assertIn("spreadsheetml", xlsx["Content-Type"])

    def test_only_web_operators_run_the_check_now_by_post_with_csrf(self):
        url = reverse("oversight_site_check_run")
        runs = CheckRun.objects.count()
        self.sign_in(self.finance_creator)
        refused = self.client.post(url)  # Wagtail answers 403 in the admin with the dashboard
        self.assertRedirects(refused, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertEqual(CheckRun.objects.count(), runs)
        self.sign_in(self.operator)
        self.assertEqual(self.client.get(url).status_code, 405)
        csrf_client = Client(enforce_csrf_checks=True)
        self.sign_in(self.operator, csrf_client)
        self.assertEqual(csrf_client.post(url).status_code, 403)  # no CSRF token
        self.sign_in(self.operator)
        response = self.client.post(url)
        self.assertRedirects(response, reverse("oversight_site_check"))
        run = CheckRun.objects.order_by("-started_at").first()
        self.assertEqual((run.trigger, run.requested_by), (CheckRun.Trigger.ADMIN, self.operator))
        self.assertEqual(run.status, CheckRun.Status.COMPLETE)

    def test_citizens_and_accounts_without_a_role_cannot_see_the_report(self):
        url = reverse("oversight_site_check")
        self.assertEqual(self.client.get(url).status_code, 302)  # to the sign-in page
        nobody = get_user_model().objects.create_user("nobody", password="x-long-test-password")
        self.client.force_login(nobody)
        self.assertNotEqual(self.client.get(url).status_code, 200)

    def test_dashboard_shows_the_last_run(self):
        self.sign_in(self.operator)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "ตรวจเว็บไซต์ประจำวัน (Daily site check)")
        self.assertContains(response, "ข้อผิดพลาดค้างอยู่ (open errors) <strong>2</strong>")
        self.assertContains(response, reverse("oversight_site_check_run"))
