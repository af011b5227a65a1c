"""Coverage of the current assessment year in the admin, and its gaps in the daily site check:
O11 turns red when a month's procurement summary is missing and green when it appears."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import TestCase, override_settings
from django.utils import timezone, translation

from departments.models import DirectoryPerson
from oversight import sitecheck
from oversight.models import Finding, FindingKind
from tests.factories import DocumentFactory
from tests.moderation_support import sign_in
from tests.oversight_support import at
from tests.transparency_support import build_tree, summary
from transparency.coverage import year_coverage
from transparency.models import AssessmentYear, EvidenceLink, OITItem, Period
from transparency.sources import Status

JANUARY_15 = datetime.date(2026, 1, 15)  # fiscal year 2569: October to December have ended
OCTOBER, DECEMBER = datetime.date(2025, 10, 1), datetime.date(2025, 12, 1)


def status_of(code, today=JANUARY_15, year=2569):
    coverage = year_coverage(AssessmentYear.objects.get(year=year), today)
    return next(row for row in coverage if row.item.code == code)


class CoverageRulesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)  # engineering has a summary for November 2568 only
        summary(cls.summaries, OCTOBER)

    def test_o11_is_red_while_an_ended_month_has_no_summary_and_green_when_it_appears(self):
        row = status_of("O11")
        self.assertEqual(row.status, Status.RED)
        self.assertIn("ธันวาคม 2568", " ".join(row.notes))
        page = summary(self.summaries, DECEMBER)  # a month without procurement still has its page
        self.assertEqual(status_of("O11").status, Status.GREEN)
        page.unpublish()
        self.assertEqual(status_of("O11").status, Status.RED)

    def test_o11_is_amber_when_a_unit_that_files_summaries_skipped_a_month(self):
        summary(self.summaries, DECEMBER)
        summary(self.summaries, OCTOBER, unit="finance")
        row = status_of("O11")
        self.assertEqual(row.status, Status.AMBER)
        self.assertIn("พฤศจิกายน 2568", " ".join(row.notes))

    def test_o2_is_amber_until_every_executive_has_a_photo_and_a_direct_contact(self):
        self.assertEqual(status_of("O2").status, Status.GREEN)
        DirectoryPerson.objects.create(
            page=self.executives,
            locale=self.executives.locale,
            name="นางสาวมาลี ศรีสุข",
            position="รองนายกเทศมนตรี",
            term_start=2566,
        )
        row = status_of("O2")
        self.assertEqual(row.status, Status.AMBER)
        self.assertIn("นางสาวมาลี ศรีสุข", " ".join(row.notes))

    def test_coverage_is_judged_on_the_thai_pages_whatever_language_is_active(self):
        with translation.override("en"):  # e.g. an admin user who works in English
            self.assertEqual(status_of("O2").status, Status.GREEN)
            self.assertEqual(status_of("O4").status, Status.GREEN)

    def test_o4_needs_news_dated_in_the_fiscal_year(self):
        self.assertEqual(status_of("O4").status, Status.GREEN)
        self.news_2569.unpublish()
        self.assertEqual(status_of("O4").status, Status.RED)

    def test_items_without_links_or_with_pages_not_live_are_red(self):
        row = status_of("O9")
        self.assertEqual((row.status, row.notes), (Status.RED, ["ยังไม่มีลิงก์หลักฐาน"]))
        self.assertEqual(status_of("O1").status, Status.GREEN)
        self.structure.unpublish()
        row = status_of("O1")
        self.assertEqual(row.status, Status.RED)
        self.assertIn("ยังไม่เผยแพร่", " ".join(row.notes))

    def test_a_document_must_be_tagged_with_the_fiscal_year_of_the_period(self):
        item = OITItem.objects.get(year__year=2569, code="O7")  # the previous fiscal year
        item.links.all().delete()
        document = DocumentFactory(title="รายงานผลการดำเนินงานประจำปี 2568")
        link = EvidenceLink.objects.create(item=item, document=document, document_fiscal_year=2567)
        self.assertEqual(status_of("O7").status, Status.AMBER)
        link.document_fiscal_year = 2568
        link.save()
        self.assertEqual(status_of("O7").status, Status.GREEN)
        self.assertEqual(item.period, Period.PREVIOUS)

    def test_the_admin_report_shows_each_item_with_a_text_label(self):
        admin = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 16)
        sign_in(self.client, admin)
        response = self.client.get("/admin/reports/ita-coverage/?year=2569")
        self.assertContains(response, "ITA 2569")
        self.assertContains(response, "O11")
        self.assertContains(response, "ขาดหลักฐาน (Missing)")
        self.assertContains(response, "ครบ (Complete)")
        response = self.client.get("/admin/reports/ita-coverage/?year=abc")
        self.assertContains(response, "ไม่มีปีการประเมิน abc")

    def test_an_account_without_a_role_cannot_see_the_report(self):
        url = "/admin/reports/ita-coverage/"
        self.assertEqual(self.client.get(url).status_code, 302)  # to the sign-in page
        user = get_user_model().objects.create_user("citizen", password="x" * 16)
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        sign_in(self.client, user)
        response = self.client.get(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotContains(response, "O11", status_code=response.status_code)


@override_settings(OVERSIGHT_CHECK_IN_BACKGROUND=False, OVERSIGHT_CHECK_EXTERNAL_LINKS=False)
class DailyCheckTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        summary(cls.summaries, OCTOBER)

    def check(self):
        moment = timezone.make_aware(datetime.datetime(2026, 1, 15, 6))
        with at(moment):
            sitecheck.run_check(external=False, mail=False)

    def test_a_gap_is_a_finding_of_the_daily_check_until_it_is_filled(self):
        self.check()
        finding = Finding.objects.get(kind=FindingKind.ITA_GAP, target="ita:2569:O11")
        self.assertIsNone(finding.fixed_at)
        self.assertEqual(finding.page_id, self.ita.pk)
        self.assertIn("ธันวาคม 2568", finding.detail)
        self.assertFalse(Finding.objects.filter(target="ita:2569:O1").exists())  # complete
        summary(self.summaries, DECEMBER)
        self.check()
        finding.refresh_from_db()
        self.assertIsNotNone(finding.fixed_at)
