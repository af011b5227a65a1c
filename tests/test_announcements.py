"""Announcements (H5): the index, its filters, the notice page and the home-page helpers."""

import datetime
import re
from decimal import Decimal

from django.test import TestCase
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.models import (
    AnnouncementIndexPage,
    AnnouncementKind,
    AnnouncementPage,
    NewsIndexPage,
)
from procurement.models import ProcurementNoticePage
from tests.factories import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    DocumentFactory,
    ProcurementNoticePageFactory,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.factories import unit as unit_named
from tests.utils import QUERY_BUDGET, count_queries

COUNCIL, RECRUITMENT, OTHER = (
    AnnouncementKind.COUNCIL,
    AnnouncementKind.RECRUITMENT,
    AnnouncementKind.OTHER,
)
PROCUREMENT, WINNER = AnnouncementKind.PROCUREMENT, AnnouncementKind.WINNER


def listed_titles(response):
    """The titles of the notices in a listing, in the order a citizen reads them."""
    return re.findall(r"<h3[^>]*><a href=\"[^\"]+\">([^<]+)</a></h3>", response.content.decode())


def add_announcement(parent, slug, title, date, kind=OTHER, unit="clerk", **fields):
    return AnnouncementPageFactory(
        parent=parent,
        slug=slug,
        title=title,
        date=date,
        kind=kind,
        responsible_unit=unit_named(unit),
        **fields,
    )


def add_notice(parent, slug, title, date, kind=PROCUREMENT, unit="engineering", **fields):
    fields.setdefault("budget", Decimal("100000.00"))
    if kind == WINNER:
        fields.setdefault("winner_name", "ห้างหุ้นส่วนจำกัด ทดสอบการโยธา")
        fields.setdefault("agreed_price", Decimal("99000.00"))
    return ProcurementNoticePageFactory(
        parent=parent,
        slug=slug,
        title=title,
        date=date,
        kind=kind,
        responsible_unit=unit_named(unit),
        **fields,
    )


def announcements_index(home):
    return AnnouncementIndexPageFactory(
        parent=home, slug="announcements", title="ประกาศ / ข่าวประชาสัมพันธ์"
    )


class AnnouncementTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")

    def test_the_index_holds_announcements_and_procurement_notices_only(self):
        self.assertAllowedParentPageTypes(AnnouncementIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(
            AnnouncementIndexPage, {AnnouncementPage, ProcurementNoticePage}
        )
        self.assertAllowedParentPageTypes(AnnouncementPage, {AnnouncementIndexPage})
        self.assertAllowedSubpageTypes(AnnouncementPage, {})
        self.assertCanNotCreateAt(HomePage, AnnouncementPage)
        self.assertCanNotCreateAt(NewsIndexPage, AnnouncementPage)
        self.assertCanNotCreateAt(Page, AnnouncementIndexPage)

    def test_one_announcements_index_per_home_page(self):
        self.assertTrue(AnnouncementIndexPage.can_create_at(self.home))
        announcements_index(self.home)
        self.assertFalse(AnnouncementIndexPage.can_create_at(self.home))

    def test_fiscal_year_defaults_from_the_date_and_turns_on_1_october(self):
        index = announcements_index(self.home)
        before = add_announcement(index, "sep", "ประกาศ ก.ย.", datetime.date(2025, 9, 30))
        after = add_announcement(index, "oct", "ประกาศ ต.ค.", datetime.date(2025, 10, 1))
        chosen = add_announcement(
            index, "chosen", "ประกาศแผน", datetime.date(2025, 9, 1), fiscal_year=2569
        )
        self.assertEqual(before.fiscal_year, 2568)
        self.assertEqual(after.fiscal_year, 2569)
        self.assertEqual(chosen.fiscal_year, 2569)


class AnnouncementListingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.home = translated_home()
        cls.index = announcements_index(cls.home)
        cls.council = add_announcement(
            cls.index,
            "council",
            "ประกาศเรียกประชุมสภาเทศบาลนครนครสวรรค์ สมัยสามัญ สมัยที่ ๓ ประจำปี ๒๕๖๘",
            datetime.date(2025, 8, 1),
            kind=COUNCIL,
        )
        cls.road = add_notice(
            cls.index,
            "road",
            "ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยมาตุลี ๑๒",
            datetime.date(2025, 10, 20),
        )
        cls.recruit = add_announcement(
            cls.index,
            "recruit",
            "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้าง ตำแหน่งผู้ช่วยนักวิชาการสาธารณสุข",
            datetime.date(2025, 3, 3),
            kind=RECRUITMENT,
            unit="health",
        )
        cls.road_winner = add_notice(
            cls.index,
            "road-winner",
            "ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยมาตุลี ๑๒",
            datetime.date(2025, 12, 5),
            kind=WINNER,
        )
        translate(cls.index, {cls.index.title: "Announcements"})
        translate(cls.recruit, {cls.recruit.title: "Recruitment: public health assistant"})
        cls.everything = [cls.road_winner, cls.road, cls.council, cls.recruit]

    def titles(self, pages):
        return [page.title for page in pages]

    def test_lists_every_notice_newest_first_procurement_notices_included(self):
        response = self.client.get("/announcements/")
        self.assertContains(response, "<h1>ประกาศ / ข่าวประชาสัมพันธ์</h1>", html=True)
        self.assertEqual(listed_titles(response), self.titles(self.everything))
        self.assertContains(response, "ประกาศผู้ชนะการเสนอราคา")
        self.assertContains(response, "5 ธันวาคม 2568")
        self.assertContains(response, "สำนักงานการสาธารณสุขและสิ่งแวดล้อม")
        self.assertContains(response, "พบ 4 ประกาศ")

    def test_filter_by_kind(self):
        response = self.client.get("/announcements/", {"kind": "winner"})
        self.assertEqual(listed_titles(response), [self.road_winner.title])
        self.assertContains(
            response, '<option value="winner" selected>ประกาศผู้ชนะการเสนอราคา</option>', html=True
        )

    def test_filter_by_unit(self):
        response = self.client.get("/announcements/", {"unit": "health"})
        self.assertEqual(listed_titles(response), [self.recruit.title])

    def test_filter_by_fiscal_year_in_arabic_or_thai_digits(self):
        # Fiscal year 2569 runs from 1 October 2025 to 30 September 2026.
        for year in ("2569", "๒๕๖๙", " 2569 "):
            with self.subTest(year=year):
                response = self.client.get("/announcements/", {"year": year})
                self.assertEqual(listed_titles(response), self.titles(self.everything[:2]))
        response = self.client.get("/announcements/", {"year": "๒๕๖๘"})
        self.assertEqual(listed_titles(response), self.titles(self.everything[2:]))
        self.assertContains(response, '<option value="2568" selected>2568</option>', html=True)

    def test_filters_combine_and_say_so_when_nothing_matches(self):
        response = self.client.get("/announcements/", {"kind": "procurement", "year": "2569"})
        self.assertEqual(listed_titles(response), [self.road.title])
        response = self.client.get("/announcements/", {"kind": "council", "unit": "health"})
        self.assertEqual(listed_titles(response), [])
        self.assertContains(response, "ไม่พบประกาศตามเงื่อนไขที่เลือก")

    def test_every_filter_control_has_a_label(self):
        html = self.client.get("/announcements/").content.decode()
        for control in ("kind", "unit", "year"):
            self.assertIn(f'<label for="announcement-{control}">', html)
            self.assertIn(f'id="announcement-{control}"', html)

    def test_bad_filter_values_are_ignored_and_never_break_the_page(self):
        for query in (
            {"year": "abc"},
            {"year": "99999999999999999999"},
            {"year": "๒๕"},
            {"unit": "nope"},
            {"kind": "sports"},
            {"page": "999"},
            {"page": "abc"},
            {"page": "-1"},
            {"year": "ก" * 3000, "unit": "<script>", "kind": "%00"},
        ):
            with self.subTest(query=query):
                response = self.client.get("/announcements/", query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(listed_titles(response), self.titles(self.everything))

    def test_drafts_are_not_listed(self):
        draft = add_announcement(self.index, "draft", "ประกาศฉบับร่าง", datetime.date(2026, 1, 1))
        draft.unpublish()
        self.assertNotIn(draft.title, listed_titles(self.client.get("/announcements/")))

    def test_english_index_lists_translations_and_the_thai_notices_not_yet_translated(self):
        response = self.client.get("/en/announcements/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "<h1>Announcements</h1>", html=True)
        self.assertEqual(
            listed_titles(response),
            [
                self.road_winner.title,
                self.road.title,
                self.council.title,
                "Recruitment: public health assistant",
            ],
        )
        self.assertContains(response, 'href="/en/announcements/recruit/"')
        self.assertContains(response, 'href="/announcements/road/"')
        self.assertContains(response, "5 December 2025")
        self.assertContains(response, '<label for="announcement-unit">Unit</label>', html=True)
        self.assertContains(response, '<option value="">All units</option>', html=True)

    def test_announcement_page_shows_kind_date_fiscal_year_unit_body_and_attachment(self):
        document = DocumentFactory(title="ประกาศรับสมัคร ฉบับลงนาม")
        page = add_announcement(
            self.index,
            "with-pdf",
            "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างทั่วไป ตำแหน่งคนงานประจำรถขยะ",
            datetime.date(2024, 3, 15),
            kind=RECRUITMENT,
            unit="health",
            body=[{"type": "paragraph", "value": "<p>รับสมัคร ๑๐ อัตรา</p>"}],
            attachments=[{"type": "document", "value": {"document": document.pk, "title": ""}}],
        )
        response = self.client.get(page.url)
        self.assertContains(response, f"<h1>{page.title}</h1>", html=True)
        self.assertContains(response, "<dd>ประกาศรับสมัคร</dd>", html=True)
        self.assertContains(response, "15 มีนาคม 2567")
        self.assertContains(response, "พ.ศ. 2567")
        self.assertContains(response, "สำนักงานการสาธารณสุขและสิ่งแวดล้อม")
        self.assertContains(response, "รับสมัคร ๑๐ อัตรา")
        self.assertContains(response, f'href="{document.url}"')
        self.assertContains(response, "(PDF, ")

    def test_notice_pages_render_in_thai_and_english(self):
        self.assertPageIsRenderable(self.council)
        self.assertPageIsRenderable(self.index)
        english = self.client.get("/en/announcements/recruit/")
        self.assertContains(english, "<h1>Recruitment: public health assistant</h1>", html=True)
        self.assertContains(english, "3 March 2025")

    def test_pages_stay_within_the_query_budget(self):
        for url in ("/announcements/", "/en/announcements/", self.council.url, self.road.url):
            with self.subTest(url=url):
                self.assertLessEqual(count_queries(self.client, url), QUERY_BUDGET)


class AnnouncementPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.index = announcements_index(home)
        start = datetime.date(2025, 1, 1)
        for n in range(22):
            add_announcement(
                cls.index, f"n{n}", f"ประกาศฉบับที่ {n}", start + datetime.timedelta(days=n)
            )

    def test_twenty_to_a_page_and_the_next_page_keeps_the_filters(self):
        first = self.client.get("/announcements/", {"kind": "other"})
        self.assertEqual(len(listed_titles(first)), 20)
        self.assertEqual(listed_titles(first)[0], "ประกาศฉบับที่ 21")
        self.assertContains(first, "หน้า 1 จาก 2")
        self.assertContains(first, 'href="?kind=other&amp;page=2" rel="next"')
        second = self.client.get("/announcements/", {"kind": "other", "page": "2"})
        self.assertEqual(listed_titles(second), ["ประกาศฉบับที่ 1", "ประกาศฉบับที่ 0"])


class AnnouncementQueryCountTests(TestCase):
    def test_the_listing_runs_as_many_queries_for_15_notices_as_for_2(self):
        site_settings()
        index = announcements_index(HomePage.objects.get(locale__language_code="th"))
        day = datetime.date(2025, 5, 1)
        add_announcement(index, "a0", "ประกาศ 0", day, kind=COUNCIL)
        add_notice(index, "p0", "ประกาศจัดซื้อ 0", day, unit="finance")
        two = count_queries(self.client, "/announcements/")
        for n in range(1, 7):
            add_announcement(index, f"a{n}", f"ประกาศ {n}", day, kind=RECRUITMENT, unit="health")
            add_notice(index, f"p{n}", f"ประกาศจัดซื้อ {n}", day, kind=WINNER, unit="welfare")
        add_announcement(index, "a7", "ประกาศ 7", day.replace(year=2026))
        fifteen = count_queries(self.client, "/announcements/")
        self.assertEqual(len(listed_titles(self.client.get("/announcements/"))), 15)
        self.assertEqual(two, fifteen)
        self.assertLessEqual(fifteen, QUERY_BUDGET)


class LatestAnnouncementTests(TestCase):
    """The helpers the home page uses for its "latest notices" block."""

    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.index = announcements_index(home)
        day = datetime.date(2025, 6, 1)

        def on(n):
            return day + datetime.timedelta(days=n)

        cls.council = [
            add_announcement(cls.index, f"council-{n}", f"ประชุมสภา {n}", on(n), kind=COUNCIL)
            for n in range(5)
        ]
        cls.procurement = [
            add_notice(cls.index, f"buy-{n}", f"จัดซื้อ {n}", on(n), unit="finance") for n in range(4)
        ]
        cls.recruitment = [
            add_announcement(cls.index, "recruit", "รับสมัคร", on(1), kind=RECRUITMENT, unit="health")
        ]
        cls.newest_draft = add_announcement(cls.index, "draft", "ร่างประชุมสภา", on(30), kind=COUNCIL)
        cls.newest_draft.unpublish()

    def test_latest_of_a_unit_newest_first(self):
        finance = unit("finance")
        with self.assertNumQueries(1):
            latest = list(AnnouncementPage.latest(unit=finance, limit=2))
        self.assertEqual([page.title for page in latest], ["จัดซื้อ 3", "จัดซื้อ 2"])
        self.assertEqual(len(AnnouncementPage.latest()), 5)
        self.assertEqual(AnnouncementPage.latest()[0].title, "ประชุมสภา 4")

    def test_latest_in_english_falls_back_to_thai_notices(self):
        with translation.override("en"):
            titles = [page.title for page in AnnouncementPage.latest(limit=2)]
        self.assertEqual(titles, ["ประชุมสภา 4", "จัดซื้อ 3"])


class KindLabelTests(TestCase):
    """A notice's kind reads in the language served (``core.models.choice_display``), and a
    value no longer among the kinds (an old import) as it is stored."""

    def test_the_kind_reads_in_the_language_served(self):
        notice = AnnouncementPage(kind=AnnouncementKind.COUNCIL)
        with translation.override("th"):
            self.assertEqual(notice.get_kind_display(), "ประกาศการประชุมสภาเทศบาล")
        with translation.override("en"):
            self.assertEqual(notice.get_kind_display(), "Council meeting announcement")
        notice.kind = "bulletin"
        self.assertEqual(notice.get_kind_display(), "bulletin")
