"""The eight municipal schools and their procurement notices (S1), and the H5/S1 demo."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.test import TestCase
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news import demo_announcements
from news.models import AnnouncementIndexPage, AnnouncementKind, AnnouncementPage
from procurement import demo as procurement_demo
from procurement.models import ProcurementNoticePage
from schools import demo as schools_demo
from schools.models import SchoolIndexPage, SchoolPage
from tests.factories import (
    SchoolIndexPageFactory,
    SchoolPageFactory,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.test_announcements import add_notice
from tests.utils import QUERY_BUDGET, count_queries

WINNER = AnnouncementKind.WINNER


def notice_links(response):
    """The notices a school page lists, in the order a citizen reads them."""
    html = response.content.decode()
    return re.findall(r'<li class="notice-list__item">\s*<a href="[^"]+"[^>]*>([^<]+)</a>', html)


def year_headings(response):
    return re.findall(r"<h3>ปีงบประมาณ (\d+)</h3>", response.content.decode())


def school_index(home):
    return SchoolIndexPageFactory(
        parent=home,
        slug="schools",
        title="จัดซื้อจัดจ้างโรงเรียนเทศบาล",
        responsible_unit=unit("education"),
    )


def add_school(index, number, code, title, **fields):
    return SchoolPageFactory(
        parent=index,
        slug=f"school-{number}",
        title=title,
        code=code,
        responsible_unit=unit("education"),
        **fields,
    )


class SchoolTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")

    def test_schools_sit_under_their_index_and_hold_only_procurement_notices(self):
        self.assertAllowedParentPageTypes(SchoolIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SchoolIndexPage, {SchoolPage})
        self.assertAllowedParentPageTypes(SchoolPage, {SchoolIndexPage})
        self.assertAllowedSubpageTypes(SchoolPage, {ProcurementNoticePage})
        self.assertCanNotCreateAt(SchoolPage, AnnouncementPage)
        self.assertCanNotCreateAt(HomePage, SchoolPage)
        self.assertCanNotCreateAt(Page, SchoolIndexPage)

    def test_one_school_index_per_home_page(self):
        self.assertTrue(SchoolIndexPage.can_create_at(self.home))
        school_index(self.home)
        self.assertFalse(SchoolIndexPage.can_create_at(self.home))

    def test_school_codes_are_unique(self):
        index = school_index(self.home)
        add_school(index, 1, "ท.๑", "โรงเรียนเทศบาลวัดไทรใต้")
        twin = SchoolPage(title="โรงเรียนซ้ำ", slug="twin", code="ท.๑")
        index.add_child(instance=SchoolPage(title="โรงเรียนใหม่", slug="new", code="ท.๙"))
        with self.assertRaises(ValidationError) as raised:
            index.add_child(instance=twin)
        self.assertEqual(raised.exception.message_dict["code"], ["รหัสโรงเรียนนี้มีอยู่แล้ว"])


class SchoolPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        home = translated_home()
        cls.index = school_index(home)
        cls.school = add_school(
            cls.index,
            1,
            "ท.๑",
            "โรงเรียนเทศบาลวัดไทรใต้",
            director="นางสาวทดสอบ ระบบ",
            phone="0 5622 0001",
            address="อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์ 60000",
        )
        cls.other_school = add_school(cls.index, 2, "ท.๒", "โรงเรียนเทศบาลวัดปากน้ำโพใต้")

        def notice(slug, title, date, **fields):
            return add_notice(cls.school, slug, title, date, unit="education", **fields)

        # Fiscal year 2569 runs from 1 October 2025 to 30 September 2026.
        cls.milk = notice("milk", "ซื้ออาหารเสริม (นม) ภาคเรียนที่ ๒", datetime.date(2025, 10, 20))
        cls.milk_winner = notice(
            "milk-winner", "ผู้ชนะ ซื้ออาหารเสริม (นม)", datetime.date(2025, 11, 2), kind=WINNER
        )
        cls.restroom = notice("restroom", "จ้างปรับปรุงห้องน้ำนักเรียน", datetime.date(2025, 4, 1))
        cls.computers = notice("computers", "ซื้อครุภัณฑ์คอมพิวเตอร์", datetime.date(2025, 9, 30))
        cls.old = notice("old", "จ้างซ่อมหลังคาโรงอาหาร", datetime.date(2023, 12, 1))
        add_notice(cls.other_school, "other", "ประกาศของโรงเรียนอื่น", datetime.date(2025, 10, 1))
        translate(cls.index, {cls.index.title: "Municipal school procurement"})
        translate(cls.school, {cls.school.title: "Thesaban 1 School (Wat Sai Tai)"})
        translate(cls.other_school, {cls.other_school.title: "Thesaban 2 School"})

    def test_index_lists_the_schools_with_code_and_link(self):
        response = self.client.get("/schools/")
        self.assertContains(response, "<h1>จัดซื้อจัดจ้างโรงเรียนเทศบาล</h1>", html=True)
        html = response.content.decode()
        self.assertLess(html.index("ท.๑"), html.index("ท.๒"))
        self.assertContains(response, 'href="/schools/school-1/"')
        self.assertContains(response, "โรงเรียนเทศบาลวัดไทรใต้")

    def test_school_shows_its_details(self):
        response = self.client.get("/schools/school-1/")
        self.assertContains(response, "<h1>โรงเรียนเทศบาลวัดไทรใต้</h1>", html=True)
        self.assertContains(response, "<dt>รหัสโรงเรียน</dt><dd>ท.๑</dd>", html=True)
        self.assertContains(response, "นางสาวทดสอบ ระบบ")
        self.assertContains(response, "0 5622 0001")

    def test_school_lists_its_own_notices_grouped_by_fiscal_year_newest_first(self):
        response = self.client.get("/schools/school-1/")
        self.assertEqual(year_headings(response), ["2569", "2568", "2567"])
        self.assertEqual(
            notice_links(response),
            [
                self.milk_winner.title,
                self.milk.title,
                self.computers.title,
                self.restroom.title,
                self.old.title,
            ],
        )
        self.assertNotContains(response, "ประกาศของโรงเรียนอื่น")
        self.assertContains(response, "ประกาศผู้ชนะการเสนอราคา")
        self.assertContains(response, "20 ตุลาคม 2568")

    def test_year_filter_in_arabic_or_thai_digits(self):
        for year in ("2568", "๒๕๖๘"):
            with self.subTest(year=year):
                response = self.client.get("/schools/school-1/", {"year": year})
                self.assertEqual(year_headings(response), ["2568"])
                self.assertEqual(
                    notice_links(response), [self.computers.title, self.restroom.title]
                )
                self.assertContains(response, 'href="/schools/school-1/">ทุกปีงบประมาณ</a>')

    def test_year_links_lead_to_each_year(self):
        response = self.client.get("/schools/school-1/")
        self.assertContains(response, 'href="/schools/school-1/?year=2567"')
        self.assertContains(response, 'aria-current="page">ทุกปีงบประมาณ</a>')

    def test_bad_year_is_ignored_and_never_breaks_the_page(self):
        for year in ("abc", "99999999999", "<script>", "ก" * 2000):
            with self.subTest(year=year[:10]):
                response = self.client.get("/schools/school-1/", {"year": year})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(notice_links(response)), 5)

    def test_a_school_notice_opens_with_its_details(self):
        response = self.client.get("/schools/school-1/milk-winner/")
        self.assertContains(response, f"<h1>{self.milk_winner.title}</h1>", html=True)
        self.assertContains(response, "ห้างหุ้นส่วนจำกัด ทดสอบการโยธา")
        self.assertContains(response, "99,000.00 บาท")
        self.assertContains(response, "สำนักงานการศึกษา")

    def test_school_pages_render_in_english(self):
        index = self.client.get("/en/schools/")
        self.assertContains(index, '<html lang="en">')
        self.assertContains(index, "<h1>Municipal school procurement</h1>", html=True)
        self.assertContains(index, 'href="/en/schools/school-1/"')
        self.assertContains(index, "Thesaban 1 School (Wat Sai Tai)")
        school = self.client.get("/en/schools/school-1/")
        self.assertContains(school, "<h1>Thesaban 1 School (Wat Sai Tai)</h1>", html=True)
        # The notices are only in Thai: the English page lists the Thai originals.
        self.assertEqual(len(notice_links(school)), 5)
        self.assertContains(school, 'href="/schools/school-1/milk/"')
        self.assertContains(school, "20 October 2025")

    def test_school_pages_are_renderable(self):
        for page in (self.index, self.school, self.milk):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_school_pages_stay_within_the_query_budget(self):
        for url in (
            "/schools/",
            "/en/schools/",
            "/schools/school-1/",
            "/en/schools/school-1/",
            "/schools/school-1/?year=2568",
            "/schools/school-1/milk-winner/",
        ):
            with self.subTest(url=url):
                self.assertLessEqual(count_queries(self.client, url), QUERY_BUDGET)


class SchoolFilterTests(TestCase):
    """The school filters (search page, procurement listing) read a cached list of the live
    public schools (schools.cache), which publishing and privacy changes clear."""

    def school_filter(self):
        return [
            (slug, title) for slug, title, _lang in self.client.get("/search/").context["schools"]
        ]

    def test_the_school_filter_follows_publishing_and_privacy(self):
        index = school_index(HomePage.objects.get(locale__language_code="th"))
        first = add_school(index, 1, "ท.๑", "โรงเรียนเทศบาลวัดไทรใต้")
        self.assertEqual(self.school_filter(), [("school-1", "โรงเรียนเทศบาลวัดไทรใต้")])
        second = add_school(index, 2, "ท.๒", "โรงเรียนเทศบาลวัดปากน้ำโพใต้")
        self.assertEqual(
            self.school_filter(),
            [("school-1", "โรงเรียนเทศบาลวัดไทรใต้"), ("school-2", "โรงเรียนเทศบาลวัดปากน้ำโพใต้")],
        )
        second.unpublish()
        self.assertEqual(self.school_filter(), [("school-1", "โรงเรียนเทศบาลวัดไทรใต้")])
        PageViewRestriction.objects.create(page=first, restriction_type="login")
        self.assertEqual(self.school_filter(), [])


class SchoolQueryCountTests(TestCase):
    def test_a_school_runs_as_many_queries_for_15_notices_as_for_2(self):
        site_settings()
        index = school_index(HomePage.objects.get(locale__language_code="th"))
        school = add_school(index, 3, "ท.๓", "โรงเรียนเทศบาลวัดพรหมจริยาวาส")
        start = datetime.date(2024, 1, 1)
        for n in range(2):
            add_notice(school, f"n{n}", f"ประกาศ {n}", start + datetime.timedelta(days=n * 40))
        two = count_queries(self.client, "/schools/school-3/")
        for n in range(2, 15):
            add_notice(
                school,
                f"n{n}",
                f"ประกาศ {n}",
                start + datetime.timedelta(days=n * 40),
                kind=WINNER if n % 2 else AnnouncementKind.PROCUREMENT,
            )
        fifteen = count_queries(self.client, "/schools/school-3/")
        self.assertEqual(len(notice_links(self.client.get("/schools/school-3/"))), 15)
        self.assertEqual(two, fifteen)
        self.assertLessEqual(fifteen, QUERY_BUDGET)

    def test_the_school_index_runs_as_many_queries_for_8_schools_as_for_2(self):
        site_settings()
        index = school_index(HomePage.objects.get(locale__language_code="th"))
        for number in (1, 2):
            add_school(index, number, f"ท.{number}", f"โรงเรียน {number}")
        two = count_queries(self.client, "/schools/")
        for number in range(3, 9):
            add_school(index, number, f"ท.{number}", f"โรงเรียน {number}")
        self.assertEqual(count_queries(self.client, "/schools/"), two)


class DemoContentTests(TestCase):
    """The announcements, procurement and schools demo, loaded twice as ``make demo`` may."""

    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.home = translated_home()
        cls.load()

    @classmethod
    def load(cls):
        demo_announcements.load(cls.home)
        procurement_demo.load(cls.home)
        schools_demo.load(cls.home)

    def counts(self):
        from wagtail.documents import get_document_model

        return {
            "pages": Page.objects.count(),
            "notices": ProcurementNoticePage.objects.count(),
            "documents": get_document_model().objects.count(),
        }

    def test_loading_twice_creates_no_duplicates(self):
        before = self.counts()
        self.load()
        self.assertEqual(self.counts(), before)

    def test_announcements_of_every_kind_from_several_units(self):
        index = AnnouncementIndexPage.objects.get(locale__language_code="th")
        plain = AnnouncementPage.objects.child_of(index).filter(procurementnoticepage=None)
        self.assertGreaterEqual(plain.count(), 26)
        self.assertEqual(
            set(plain.values_list("kind", flat=True)), {"council", "recruitment", "other"}
        )
        self.assertGreaterEqual(plain.values("responsible_unit").distinct().count(), 5)
        self.assertTrue(
            plain.filter(title__contains="ประกาศเรียกประชุมสภาเทศบาลนครนครสวรรค์").exists()
        )
        notices = ProcurementNoticePage.objects.child_of(index)
        self.assertGreaterEqual(notices.count(), 10)
        self.assertEqual(set(notices.values_list("kind", flat=True)), {"procurement", "winner"})
        self.assertGreaterEqual(notices.values("responsible_unit").distinct().count(), 3)
        for notice in notices.filter(kind=WINNER):
            self.assertTrue(notice.winner_name and notice.agreed_price)
        for notice in notices:
            self.assertRegex(notice.egp_number, r"^[0-9]{11}$")
            self.assertEqual(notice.documents[0].value["role"], "announcement")

    def test_the_eight_schools_with_their_notices(self):
        schools = SchoolPage.objects.filter(locale__language_code="th").order_by("path")
        self.assertEqual(
            [(school.code, school.title, school.slug) for school in schools],
            [
                (code, name, f"school-{number}")
                for number, code, name, _english in schools_demo.SCHOOLS
            ],
        )
        self.assertEqual(schools[0].code, "ท.๑")
        self.assertEqual(schools[7].title, "โรงเรียนเทศบาลวัดไทรเหนือ")
        for school in schools:
            notices = ProcurementNoticePage.objects.child_of(school)
            self.assertIn(notices.count(), (2, 3))
            self.assertEqual({n.responsible_unit.slug for n in notices}, {"education"})
            self.assertEqual(school.responsible_unit.slug, "education")

    def test_the_indexes_and_schools_are_translated_into_english(self):
        self.assertContains(
            self.client.get("/en/announcements/"), "Announcements and public relations"
        )
        self.assertContains(self.client.get("/en/schools/"), "Municipal school procurement")
        response = self.client.get("/en/schools/school-1/")
        self.assertContains(response, "<h1>Thesaban 1 School (Wat Sai Tai)</h1>", html=True)

    def test_demo_pages_render(self):
        for url in ("/announcements/", "/schools/", "/schools/school-8/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
