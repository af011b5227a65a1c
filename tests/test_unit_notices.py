"""A unit page lists the unit's own newest announcements, found by their responsible unit."""

import datetime

from django.test import TestCase

from core import demo
from departments.models import DepartmentIndexPage, DepartmentPage
from news.models import AnnouncementIndexPage, AnnouncementPage
from tests.utils import QUERY_BUDGET, count_queries


class UnitAnnouncementsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        demo.load_site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            home = demo.load_home()
        units = demo.child_page(home, DepartmentIndexPage, "departments", title="หน่วยงาน")
        cls.finance = demo.unit("finance")
        demo.child_page(units, DepartmentPage, "finance", title="สำนักงานคลัง", unit=cls.finance)
        cls.notices = demo.child_page(home, AnnouncementIndexPage, "announcements", title="ประกาศ")
        cls.add_notice("finance-1", "ประกาศภาษีป้ายประจำปี", "finance")
        cls.add_notice("clerk-1", "ประกาศรับสมัครพนักงานจ้าง", "clerk")

    @classmethod
    def add_notice(cls, slug, title, unit):
        demo.child_page(
            cls.notices,
            AnnouncementPage,
            slug,
            title=title,
            kind="other",
            date=datetime.date(2025, 5, 1),
            responsible_unit=demo.unit(unit),
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
