"""Money and fiscal years on English pages: baht, not บาท; B.E. after a Buddhist Era year."""

from decimal import Decimal

from django.test import TestCase
from django.utils import translation

from procurement.templatetags.money import baht
from tests.factories import (
    ProcurementNoticePageFactory,
    ProcurementSummaryPageFactory,
    site_settings,
    translate,
)


class EnglishMoneyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.notice = ProcurementNoticePageFactory(
            title="ประกาศจ้างซ่อมถนน", budget=Decimal("1234567.5"), fiscal_year=2569
        )
        cls.english = translate(cls.notice, {"ประกาศจ้างซ่อมถนน": "Road repair invitation"})

    def test_an_english_notice_states_its_budget_in_baht(self):
        response = self.client.get(self.english.url)
        self.assertContains(response, "1,234,567.50 baht")
        self.assertNotContains(response, "บาท")

    def test_a_thai_notice_keeps_baht_in_thai(self):
        self.assertContains(self.client.get(self.notice.url), "1,234,567.50 บาท")

    def test_an_english_notice_marks_its_fiscal_year_as_buddhist_era(self):
        self.assertContains(self.client.get(self.english.url), "B.E. 2569")

    def test_the_filter_follows_the_active_language(self):
        with translation.override("en"):
            self.assertEqual(baht("1000"), "1,000.00 baht")
        self.assertEqual(baht("1000"), "1,000.00 บาท")


class EnglishFiscalYearTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.summary = ProcurementSummaryPageFactory()  # November 2025: fiscal year 2569
        cls.index = cls.summary.get_parent().specific
        cls.english_index = translate(cls.index)

    def test_english_summary_lists_say_fiscal_year_with_be(self):
        response = self.client.get(self.english_index.url)
        self.assertContains(response, "Fiscal year 2569 B.E.")
        thai = self.client.get(self.index.url)
        self.assertContains(thai, "ปีงบประมาณ 2569")
