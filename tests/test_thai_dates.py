"""Dates a citizen reads: the Buddhist Era in Bangkok time, and the Thai fiscal year."""

import datetime

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils import translation

from thai import dates as thai

NEW_YEAR_EVE_UTC = datetime.datetime(2024, 12, 31, 20, 0, tzinfo=datetime.UTC)


def render(value, style=None):
    arg = f':"{style}"' if style else ""
    return Template("{% load thai_dates %}{{ value|thai_date" + arg + " }}").render(
        Context({"value": value})
    )


class ThaiDateFilterTests(SimpleTestCase):
    def test_three_thai_styles(self):
        day = datetime.date(2024, 3, 15)
        with translation.override("th"):
            self.assertEqual(render(day), "15 มีนาคม 2567")
            self.assertEqual(render(day, "short"), "15 มี.ค. 67")
            self.assertEqual(render(day, "notice"), "๑๕ มีนาคม พ.ศ. ๒๕๖๗")

    def test_utc_evening_of_31_december_is_new_year_in_bangkok(self):
        with translation.override("th"):
            self.assertEqual(render(NEW_YEAR_EVE_UTC), "1 มกราคม 2568")
            self.assertEqual(render(NEW_YEAR_EVE_UTC, "short"), "1 ม.ค. 68")
            self.assertEqual(render(NEW_YEAR_EVE_UTC, "notice"), "๑ มกราคม พ.ศ. ๒๕๖๘")

    def test_english_pages_show_the_common_era(self):
        with translation.override("en"):
            self.assertEqual(render(NEW_YEAR_EVE_UTC), "1 January 2025")
            self.assertEqual(render(datetime.date(2024, 3, 15), "short"), "15 Mar 2024")

    def test_empty_value_renders_nothing(self):
        self.assertEqual(render(None), "")


class FiscalYearTests(SimpleTestCase):
    def test_fiscal_year_starts_on_1_october(self):
        self.assertEqual(thai.fiscal_year(datetime.date(2024, 9, 30)), 2567)
        self.assertEqual(thai.fiscal_year(datetime.date(2024, 10, 1)), 2568)
        # 30 September 17:00 UTC is already 1 October in Bangkok.
        late = datetime.datetime(2024, 9, 30, 17, 0, tzinfo=datetime.UTC)
        self.assertEqual(thai.fiscal_year(late), 2568)

    def test_fiscal_year_bounds(self):
        self.assertEqual(
            thai.fiscal_year_bounds(2568),
            (datetime.date(2024, 10, 1), datetime.date(2025, 9, 30)),
        )

    def test_digits_both_ways(self):
        self.assertEqual(thai.thai_digits("2567"), "๒๕๖๗")
        self.assertEqual(thai.arabic_digits("๒๕๖๗"), "2567")
