"""A unit page lists the unit's own newest announcements, found by their responsible unit."""

import datetime

from django.test import TestCase

from tests.factories import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    DepartmentPageFactory,
    site_settings,
    unit,
)
from tests.utils import QUERY_BUDGET, count_queries


class UnitAnnouncementsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.finance = unit("finance")
        DepartmentPageFactory(unit=cls.finance, slug="finance", title="สำนักงานคลัง")
        cls.notices = AnnouncementIndexPageFactory()
        cls.add_notice("finance-1", "ประกาศภาษีป้ายประจำปี", "finance")
        cls.add_notice("clerk-1", "ประกาศรับสมัครพนักงานจ้าง", "clerk")

    @classmethod
    def add_notice(cls, slug, title, unit_slug):
        AnnouncementPageFactory(
            parent=cls.notices,
            slug=slug,
            title=title,
            kind="other",
            date=datetime.date(2025, 5, 1),
            responsible_unit=unit(unit_slug),
        )

    def test_unit_page_lists_only_its_own_announcements(self):
        response = self.client.get("/departments/finance/")
        self.assertContains(response, "ประกาศล่าสุดของหน่วยงาน")
        self.assertContains(response, "ประกาศภาษีป้ายประจำปี")
        self.assertNotContains(response, "ประกาศรับสมัครพนักงานจ้าง")

    def test_unit_page_query_count_does_not_grow_with_its_announcements(self):
        few = count_queries(self.client, "/departments/finance/")
        for n in range(6):
            self.add_notice(f"finance-more-{n}", f"ประกาศสำนักงานคลัง ฉบับที่ {n}", "finance")
        self.assertEqual(count_queries(self.client, "/departments/finance/"), few)
        self.assertLessEqual(few, QUERY_BUDGET)
