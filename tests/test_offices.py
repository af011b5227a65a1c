"""Offices in one place (ownership.Office): the building directory, the unit's page and the
phone directory show the same floor and room for a unit, and an edit in the admin shows on
all three at once, through the page cache, in both languages."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse

from departments.models import PhoneEntry
from ownership.models import Office
from tests.factories import (
    DepartmentPageFactory,
    HistoryPageFactory,
    PhoneDirectoryPageFactory,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.moderation_support import sign_in
from tests.utils import QUERY_BUDGET, count_queries

PAGES = ["/history/", "/departments/finance/", "/phone-directory/"]


@override_settings(PAGE_CACHE_SECONDS=600)
class OfficeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            home = translated_home()
        cls.finance = unit("finance")
        cls.office = Office.objects.create(unit=cls.finance, floor=1, room="101–103")
        cls.procurement = Office.objects.create(
            unit=cls.finance, name="งานพัสดุและจัดซื้อจัดจ้าง", name_en="Procurement", floor=1, room="103"
        )
        cls.mayor = Office.objects.create(name="ห้องนายกเทศมนตรี", floor=4, room="401")
        with cls.captureOnCommitCallbacks(execute=True):
            for page in (
                HistoryPageFactory(parent=home, slug="history", title="ประวัติความเป็นมา"),
                DepartmentPageFactory(unit=cls.finance, slug="finance", title="สำนักงานคลัง"),
                PhoneDirectoryPageFactory(
                    parent=home,
                    slug="phone-directory",
                    title="เบอร์โทรศัพท์ภายใน",
                    entries=[
                        PhoneEntry(
                            sort_order=0, office=cls.office, unit=cls.finance, extension="1103"
                        ),
                        PhoneEntry(
                            sort_order=1, office=cls.procurement, unit=cls.finance, extension="1105"
                        ),
                        PhoneEntry(sort_order=2, office=cls.mayor, extension="4401"),
                    ],
                ),
            ):
                translate(page, {page.title: page.title})
        cls.operator = get_user_model().objects.create_superuser("operator", "op@example.org", "x")

    def setUp(self):
        cache.clear()

    def shows(self, location, prefix=""):
        for url in PAGES:
            response = self.client.get(prefix + url)
            self.assertContains(response, location, msg_prefix=prefix + url)

    def test_the_three_pages_show_the_same_location(self):
        self.shows("อาคารสำนักงานเทศบาล ชั้น 1 ห้อง 101–103")
        self.shows("Municipal office building, floor 1, room 101–103", prefix="/en")
        # A section of the unit, with its own room, is on all three too.
        self.shows("อาคารสำนักงานเทศบาล ชั้น 1 ห้อง 103")
        self.assertContains(self.client.get("/departments/finance/"), "งานพัสดุและจัดซื้อจัดจ้าง:")
        self.assertContains(self.client.get("/en/phone-directory/"), "Procurement")

    def test_an_edit_in_the_admin_shows_on_all_three_through_the_page_cache(self):
        self.shows("ชั้น 1 ห้อง 101–103")
        for url in PAGES:  # each is cached now
            self.assertEqual(count_queries(self.client, url), 1, url)
        sign_in(self.client, self.operator)
        edit = reverse("wagtailsnippets_ownership_office:edit", args=[self.office.pk])
        response = self.client.post(
            edit,
            {
                "unit": self.finance.pk,
                "sort_order": 0,
                "name": "",
                "name_en": "",
                "building": "อาคารสำนักงานเทศบาล",
                "building_en": "Municipal office building",
                "floor": 2,
                "room": "210",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.shows("อาคารสำนักงานเทศบาล ชั้น 2 ห้อง 210")
        self.shows("Municipal office building, floor 2, room 210", prefix="/en")
        for url in PAGES:
            self.assertNotContains(self.client.get(url), "ห้อง 101–103")

    def test_a_bad_floor_gets_a_thai_message(self):
        sign_in(self.client, self.operator)
        add = reverse("wagtailsnippets_ownership_office:add")
        response = self.client.post(add, {"building": "อาคารสำนักงานเทศบาล", "floor": "หนึ่ง"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "กรอกจำนวนเต็ม")
        self.assertEqual(Office.objects.count(), 3)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_the_pages_stay_within_the_query_budget_whatever_the_number_of_offices(self):
        before = {url: count_queries(self.client, url) for url in PAGES}
        for room in range(10):
            Office.objects.create(unit=self.finance, name=f"งานที่ {room}", floor=3, room=str(room))
        for url in PAGES:
            after = count_queries(self.client, url)
            self.assertEqual(after, before[url], url)
            self.assertLessEqual(after, QUERY_BUDGET, url)
