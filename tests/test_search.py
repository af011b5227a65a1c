"""The Thai search (issue 6): what a citizen types finds the notice, on SQLite and PostgreSQL;
the search page's filters, sorting, snippets and safety; promotions; the API; indexing."""

import datetime
import re
from decimal import Decimal
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from home.models import ChannelsPage, HomePage, InformationPage
from news.models import (
    AnnouncementKind,
    AnnouncementPage,
    NewsCategory,
    NewsPage,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)
from procurement.models import ProcurementNoticePage
from procurement.models.notices import stage_for_kind
from search import demo as search_demo
from search import results, synonyms
from search.checks import search_card_check, thai_title_check
from search.results import MAX_QUERY_LENGTH
from search.testset import build_sections
from tests.factories import DocumentFactory, ImageFactory, site_settings
from tests.factories import figure as factory_figure
from tests.factories import unit as unit_named
from tests.utils import QUERY_BUDGET, count_queries

PROCUREMENT, WINNER, OTHER = (
    AnnouncementKind.PROCUREMENT,
    AnnouncementKind.WINNER,
    AnnouncementKind.OTHER,
)


def body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def notice(parent, slug, title, date, text="", kind=PROCUREMENT, unit="engineering", **fields):
    """A live procurement notice (or, with ``kind=OTHER``, an announcement) under ``parent``."""
    common = {
        "title": title,
        "slug": slug,
        "date": date,
        "body": body(text),
        "responsible_unit": unit_named(unit),
    }
    if kind in (PROCUREMENT, WINNER):
        fields.setdefault("budget", Decimal("100000"))
        page = ProcurementNoticePage(stage=stage_for_kind(kind), **common, **fields)
    else:
        page = AnnouncementPage(kind=kind, **common, **fields)
    return parent.add_child(instance=page)


def result_titles(response):
    """The result titles in the order shown, without the highlighting."""
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(
            r'<h3(?: lang="th")?><a href="[^"]+">(.+?)</a></h3>',
            response.content.decode().split("ผลการค้นหา", 1)[-1],
        )
    ]


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()  # as on a real site: a first visit would make them, a content change
        cls.home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(cls.home)
        announcements = cls.sections["announcements"]
        cls.road = notice(
            announcements,
            "road",
            "ประกาศเทศบาลนครนครสวรรค์ เรื่อง ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยมาตุลี ๑๒",
            datetime.date(2024, 3, 15),
            "ราคากลาง ๔,๘๑๒,๓๐๐ บาท ยื่นข้อเสนอด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) "
            "ปีงบประมาณ พ.ศ. ๒๕๖๗",
            method="e-bidding",
            egp_number="67019012734",
        )
        cls.milk = notice(
            cls.sections["school-1"],
            "milk",
            "ประกาศโรงเรียนเทศบาลวัดไทรใต้ เรื่อง ซื้ออาหารเสริม (นม) ภาคเรียนที่ ๒",
            datetime.date(2024, 10, 21),
            "โรงเรียนเทศบาลวัดไทรใต้ (ท.๑) จัดซื้อนมยูเอชที",
            unit="education",
            method="specific",
        )
        cls.milk_winner = notice(
            cls.sections["school-1"],
            "milk-winner",
            "ประกาศผู้ชนะการเสนอราคา ซื้ออาหารเสริม (นม) โรงเรียนเทศบาลวัดไทรใต้",
            datetime.date(2024, 11, 8),
            "ผู้ได้รับการคัดเลือก ได้แก่ บริษัท นมสดนครสวรรค์ จำกัด",
            kind=WINNER,
            unit="education",
            method="specific",
            winner_name="บริษัท นมสดนครสวรรค์ จำกัด",
            budget=Decimal("412000"),
            agreed_price=Decimal("411840"),
        )
        cls.desks = notice(
            cls.sections["school-5"],
            "desks",
            "ประกาศโรงเรียนเทศบาลวัดช่องคีรี เรื่อง ซื้อโต๊ะและเก้าอี้นักเรียน",
            datetime.date(2025, 6, 25),
            "ซื้อโต๊ะเก้าอี้นักเรียน จำนวน ๓๐๐ ชุด",
            unit="education",
            method="e-market",
        )
        cls.tax = notice(
            announcements,
            "land-tax",
            "ประกาศ เรื่อง การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี ๒๕๖๗",
            datetime.date(2024, 2, 1),
            "ชำระได้ที่สำนักงานคลัง ห้ามนำข่าวลือมาเผยแพร่",
            kind=OTHER,
            unit="finance",
        )
        # "ถนน" only in the body, many times: it must still come after the title match.
        cls.body_only = notice(
            announcements,
            "body-only",
            "ประกาศ เรื่อง ซ่อมแซมผิวจราจร",
            datetime.date(2024, 4, 1),
            "ซ่อมแซมถนน ถนนสายหลัก ถนนสายรอง ถนนในชุมชน ถนนริมน้ำ",
        )
        cls.channels = cls.home.add_child(
            instance=ChannelsPage(title="ช่องทางร้องเรียน", slug="complaint-channels")
        )
        cls.hidden = notice(
            announcements,
            "draft-notice",
            "ประกาศจ้างขุดลอกคลองระบายน้ำ",
            datetime.date(2024, 7, 1),
            live=False,
        )

    def search(self, **params):
        response = self.client.get("/search/", params)
        self.assertEqual(response.status_code, 200)
        return response

    # --- finding Thai words --------------------------------------------------------------

    def test_a_word_inside_unspaced_thai_finds_the_notice(self):
        self.assertEqual(result_titles(self.search(query="คอนกรีต")), [self.road.title])
        self.assertIn(self.milk_winner.title, result_titles(self.search(query="ผู้ชนะ")))

    def test_thai_and_arabic_digits_are_the_same(self):
        self.assertIn(self.road.title, result_titles(self.search(query="67019012734")))
        self.assertIn(self.road.title, result_titles(self.search(query="๖๗๐๑๙๐๑๒๗๓๔")))
        self.assertIn(self.road.title, result_titles(self.search(query="ซอยมาตุลี 12")))

    def test_a_zero_width_space_pasted_into_the_query_is_ignored(self):
        self.assertIn(self.road.title, result_titles(self.search(query="คอน\u200bกรีต")))

    def test_a_year_is_found_in_the_buddhist_era_and_the_common_era(self):
        # The road notice is dated 15 March 2024 (2567); its text says ๒๕๖๗.
        self.assertIn(self.road.title, result_titles(self.search(query="มีนาคม 2567")))
        self.assertIn(self.road.title, result_titles(self.search(query="2024 ถนน")))

    def test_mixed_thai_and_english(self):
        for query in ("e-bidding", "ebidding", "E-Bidding ถนน"):
            self.assertIn(self.road.title, result_titles(self.search(query=query)), query)

    def test_a_query_with_synonyms_is_matched_by_the_full_text_index(self):
        # e-bidding ↔ ประกวดราคาอิเล็กทรอนิกส์: an Or of the terms, matched by one index
        # condition (on PostgreSQL, the GIN index on title || body of migration thai.0002:
        # matched word by word, a fresh database read every row's body vector again).
        found = results.search(synonyms.expand("e-bidding").query, results.Filters(), "")
        compiler = found.query_compiler
        ranking = compiler.ranked(compiler.get_config(found.backend)).values("object_pk")
        sql, params = ranking.query.sql_with_params()
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                plan = " ".join(str(row) for row in cursor.fetchall())
                self.assertIn("wagtailsearch_indexentry_fts VIRTUAL TABLE INDEX", plan)
            else:
                # However few the rows: whether the index can answer the query as written.
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(f"EXPLAIN {sql}", params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                self.assertIn("Bitmap Index Scan on thai_indexentry_text_gin", plan)
                self.assertNotIn("body @@", plan.split("thai_indexentry_text_gin", 1)[0])
                # The searched pages, and each page's date, are sub-plans of the scan of the
                # matching entries: never a join whose order the statistics (or the lack of
                # them, on a fresh database) decide.
                self.assertIn("SubPlan", plan)
                self.assertNotIn("Join", plan)
                # No JIT compiling and no parallel worker for the portal's short queries (a
                # worker built a hash table of the searched pages of its own).
                cursor.execute("SHOW jit")
                self.assertEqual(cursor.fetchone()[0], "off")
                cursor.execute("SHOW max_parallel_workers_per_gather")
                self.assertEqual(cursor.fetchone()[0], "0")
                # A search reads at most a few pages of the index's pending list (thai.0003).
                cursor.execute(
                    "SELECT reloptions FROM pg_class WHERE relname = 'thai_indexentry_text_gin'"
                )
                self.assertEqual(cursor.fetchone()[0], ["gin_pending_list_limit=64"])
        self.assertEqual(result_titles(self.search(query="e-bidding"))[:1], [self.road.title])

    def test_tone_marks_count(self):
        # ข้าว (rice) is not ข่าว (news, in the tax notice's text).
        self.assertEqual(result_titles(self.search(query="ข้าว")), [])
        self.assertIn(self.tax.title, result_titles(self.search(query="ข่าว")))

    def test_title_matches_rank_above_body_matches(self):
        titles = result_titles(self.search(query="ถนน"))
        self.assertEqual(titles[:2], [self.road.title, self.body_only.title])

    def test_drafts_are_not_found(self):
        self.assertEqual(result_titles(self.search(query="ขุดลอกคลอง")), [])

    def test_private_pages_are_not_found(self):
        PageViewRestriction.objects.create(page=self.sections["school-5"], restriction_type="login")
        self.assertEqual(result_titles(self.search(query="โต๊ะ")), [])

    @override_settings(PAGE_FRAGMENT_SECONDS=600)
    def test_a_section_made_private_leaves_the_search_at_once(self):
        # The restricted paths are kept with the page's parts, under the content version.
        self.assertNotEqual(result_titles(self.search(query="โต๊ะ")), [])
        restriction = PageViewRestriction.objects.create(
            page=self.sections["school-5"], restriction_type="login"
        )
        self.assertEqual(result_titles(self.search(query="โต๊ะ")), [])
        restriction.delete()
        self.assertNotEqual(result_titles(self.search(query="โต๊ะ")), [])

    # --- the page ---------------------------------------------------------------------

    def test_results_show_kind_unit_date_and_a_highlighted_snippet(self):
        html = self.search(query="2567 ภาษี").content.decode()
        self.assertIn("ประกาศอื่น ๆ / ข่าวประชาสัมพันธ์", html)
        self.assertIn("สำนักงานคลัง", html)
        self.assertIn("1 กุมภาพันธ์ 2567", html)
        # The words are marked in the original text: Thai digits, as the notice wrote them.
        self.assertIn("<mark>๒๕๖๗</mark>", html)
        self.assertIn("<mark>ภาษี</mark>", html)
        self.assertNotIn("<mark>2567</mark>", html)

    def test_results_are_not_indexed_by_search_engines(self):
        self.assertContains(self.search(query="ถนน"), '<meta name="robots" content="noindex">')

    def test_an_empty_query_shows_the_filters_and_no_results(self):
        response = self.search()
        self.assertContains(response, 'name="school"')
        self.assertContains(response, "โรงเรียนเทศบาลวัดไทรใต้")
        self.assertIsNone(response.context["search_results"])

    def test_filters_alone_list_what_they_select_newest_first(self):
        titles = result_titles(self.search(school="school-1"))
        self.assertEqual(titles, [self.milk_winner.title, self.milk.title])

    def test_filter_by_kind_unit_school_year_and_dates(self):
        self.assertEqual(
            result_titles(self.search(query="ซื้อ", kind=WINNER)), [self.milk_winner.title]
        )
        self.assertEqual(
            result_titles(self.search(query="ประกาศ", unit="finance")), [self.tax.title]
        )
        self.assertEqual(
            set(result_titles(self.search(query="ซื้อ", school="school-5"))), {self.desks.title}
        )
        # Fiscal year 2568 runs from 1 October 2024 to 30 September 2025.
        self.assertEqual(
            set(result_titles(self.search(query="ซื้อ", year="2568"))),
            {self.milk.title, self.milk_winner.title, self.desks.title},
        )
        self.assertEqual(
            result_titles(self.search(query="ซื้อ", **{"from": "1/11/2567", "to": "๓๐/๑๑/๒๕๖๗"})),
            [self.milk_winner.title],
        )
        self.assertEqual(result_titles(self.search(query="ถนน", kind="news")), [])

    def test_sort_by_newest(self):
        titles = result_titles(self.search(query="ถนน", sort="newest"))
        self.assertEqual(titles[:2], [self.body_only.title, self.road.title])

    def test_pagination(self):
        parent = self.sections["announcements"]
        # More than the first entries the ranking returns (RANKED_AHEAD): the third page and
        # the API's later offset are ranked again, further.
        titles = set()
        for number in range(25):
            titles.add(f"ประกาศจ้างซ่อมไฟฟ้าส่องสว่าง จุดที่ {number}")
            notice(
                parent,
                f"extra-{number}",
                f"ประกาศจ้างซ่อมไฟฟ้าส่องสว่าง จุดที่ {number}",
                datetime.date(2024, 1, 1 + number),
            )
        first = self.search(query="ไฟฟ้าส่องสว่าง")
        self.assertEqual(len(result_titles(first)), 10)
        self.assertContains(first, "หน้า 1 จาก 3")
        pages = [result_titles(self.search(query="ไฟฟ้าส่องสว่าง", page=n)) for n in "123"]
        self.assertEqual([len(found) for found in pages], [10, 10, 5])
        self.assertEqual(sorted(title for found in pages for title in found), sorted(titles))
        self.assertEqual(len(result_titles(self.search(query="ไฟฟ้าส่องสว่าง", page="99"))), 5)
        response = self.client.get(
            "/api/v2/pages/", {"search": "ไฟฟ้าส่องสว่าง", "offset": 20, "limit": 10}
        )
        self.assertEqual(response.json()["meta"]["total_count"], 25)
        self.assertEqual(len(response.json()["items"]), 5)

    def test_a_long_query_is_cut_with_a_message(self):
        response = self.search(query="ถนน " + "ก" * 400)
        self.assertEqual(len(response.context["search_query"]), MAX_QUERY_LENGTH)
        self.assertContains(response, f"คำค้นยาวเกิน {MAX_QUERY_LENGTH} ตัวอักษร")

    def test_no_input_causes_an_error(self):
        odd_inputs = [
            {"query": "\x00ถนน\x00"},
            {"query": "!!! ??? ***"},
            {"query": '"ถนน" OR NOT (ท*'},
            {"query": "ถนน", "page": "-1"},
            {"query": "ถนน", "page": "abc"},
            {"query": "ถนน", "year": "abc", "from": "99/99/9999", "to": "2567-13-45"},
            {"query": "ถนน", "unit": "<script>", "kind": "x", "school": "../", "sort": "x"},
            {"query": "'; DROP TABLE wagtailcore_page; --"},
            {"query": "ถนน", "from": "0/0/0"},
            {"kind": "page", "year": "9999"},
        ]
        for params in odd_inputs:
            self.assertEqual(self.client.get("/search/", params).status_code, 200, params)
        self.assertTrue(Page.objects.filter(pk=self.road.pk).exists())

    def test_english_pages_search_the_thai_notices(self):
        response = self.client.get("/en/search/", {"query": "คอนกรีต"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.road.title, result_titles(response))

    def test_query_budget_is_the_same_for_few_and_many_results(self):
        parent = self.sections["announcements"]
        for number in range(12):
            notice(
                parent,
                f"pump-{number}",
                f"ประกาศซื้อเครื่องสูบน้ำ เครื่องที่ {number}",
                datetime.date(2024, 2, 1 + number),
            )
        few = count_queries(self.client, "/search/?query=ผู้ชนะ")
        many = count_queries(self.client, "/search/?query=เครื่องสูบน้ำ")
        filtered = count_queries(self.client, "/search/?query=ซื้อ&school=school-1&year=2568")
        self.assertLessEqual(max(few, many, filtered), QUERY_BUDGET)
        self.assertEqual(few, many)

    # --- promotions -------------------------------------------------------------------

    def test_a_promotion_leads_to_the_complaint_channels(self):
        SearchPromotion.objects.create(
            query=Query.get("ร้องเรียน"), page=self.channels, description="ช่องทางร้องเรียน"
        )
        for query in ("ร้องเรียน", "ร้องเรียน ถนน"):
            response = self.search(query=query)
            self.assertContains(response, "หน้าที่แนะนำ")
            self.assertEqual(
                [pick.page_id for pick in response.context["promotions"]], [self.channels.pk]
            )

    def test_the_demo_promotions_load_twice_without_duplicates(self):
        search_demo.load(self.home)
        search_demo.load(self.home)
        self.assertEqual(SearchPromotion.objects.filter(page=self.channels).count(), 2)

    def test_an_editor_promotion_to_an_external_link(self):
        SearchPromotion.objects.create(
            query=Query.get("e-gp"),
            external_link_url="https://www.gprocurement.go.th/",
            external_link_text="ระบบการจัดซื้อจัดจ้างภาครัฐ",
        )
        self.assertContains(self.search(query="E-GP"), "https://www.gprocurement.go.th/")


class ResultCardTests(TestCase):
    """Each page type answers for its result card and for the kind and date filters; one query
    loads a page of results of any mix of types."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")
        sections = build_sections(cls.home)
        image = ImageFactory(title="ภาพเครื่องสูบน้ำ", file__width=160, file__height=100)
        manual = DocumentFactory(title="คู่มือเครื่องสูบน้ำ")
        figure = factory_figure(image, "เครื่องสูบน้ำริมตลิ่ง")
        attachment = {"type": "document", "value": {"document": manual.pk, "title": "คู่มือ"}}
        cls.procurement = [
            notice(
                sections["announcements"],
                f"pump-{n}",
                f"ประกาศซื้อเครื่องสูบน้ำ เครื่องที่ {n}",
                datetime.date(2024, 2, 1 + n),
                "ซื้อเครื่องสูบน้ำขนาด ๘ นิ้ว",
            )
            for n in range(3)
        ]
        cls.others = [
            notice(
                sections["announcements"],
                f"pump-rota-{n}",
                f"ประกาศตารางเดินเครื่องสูบน้ำ ชุดที่ {n}",
                datetime.date(2024, 3, 1 + n),
                kind=OTHER,
                unit="finance",
            )
            for n in range(3)
        ]
        for page in cls.others:
            # Images and documents in a body cost no query on the results page.
            page.body = [figure, attachment, *body("เดินเครื่องสูบน้ำทุกคืนช่วงน้ำหลาก")]
            page.save()
        cls.news = [
            sections["news"].add_child(
                instance=NewsPage(
                    title=f"ข่าวซ่อมเครื่องสูบน้ำ ครั้งที่ {n}",
                    slug=f"pump-news-{n}",
                    date=datetime.date(2024, 4, 1 + n),
                    category=NewsCategory.ACTIVITY,
                    body=[figure, *body("ช่างซ่อมเครื่องสูบน้ำประจำชุมชน")],
                )
            )
            for n in range(3)
        ]
        publications = cls.home.add_child(
            instance=PublicationIndexPage(title="เอกสารเผยแพร่", slug="publications")
        )
        cls.publications = [
            publications.add_child(
                instance=PublicationPage(
                    title=f"คู่มือดูแลเครื่องสูบน้ำ เล่มที่ {n}",
                    slug=f"pump-handbook-{n}",
                    kind=PublicationKind.CITIZEN_HANDBOOK,
                    year=2567,
                    summary="วิธีดูแลเครื่องสูบน้ำในบ้าน",
                    document=manual,
                )
            )
            for n in range(3)
        ]
        cls.information = [
            cls.home.add_child(
                instance=InformationPage(
                    title=f"ข้อมูลสถานีเครื่องสูบน้ำ แห่งที่ {n}",
                    slug=f"pump-station-{n}",
                    listing_summary="สถานีสูบน้ำของเทศบาล",
                    body=[
                        {"type": "quote", "value": {"text": "น้ำไม่ท่วมเมือง", "source": ""}},
                        *body("สถานีเครื่องสูบน้ำริมแม่น้ำเจ้าพระยา"),
                        *body("ใกล้ประตูระบายน้ำ" if n == 0 else ""),
                    ],
                )
            )
            for n in range(2)
        ]

    def cards(self, **params):
        response = self.client.get("/search/", {"query": "เครื่องสูบน้ำ", **params})
        self.assertEqual(response.status_code, 200)
        return {card.title: card for card in response.context["cards"]}

    def test_each_page_type_answers_for_its_card(self):
        cards = self.cards(sort="newest")
        news = cards[self.news[0].title]
        self.assertEqual((news.kind, news.date), ("ข่าวกิจกรรม", datetime.date(2024, 4, 1)))
        self.assertIn("<mark>เครื่องสูบน้ำ</mark>ประจำชุมชน", news.snippet)
        rota = cards[self.others[2].title]
        self.assertEqual(rota.kind, "ประกาศอื่น ๆ / ข่าวประชาสัมพันธ์")
        self.assertEqual(rota.unit.slug, "finance")
        self.assertIn("เดิน<mark>เครื่องสูบน้ำ</mark>ทุกคืน", rota.snippet)
        cards = self.cards(kind="publication")
        handbook = cards[self.publications[0].title]
        self.assertEqual((handbook.kind, handbook.date), ("คู่มือประชาชน", None))
        self.assertIn("วิธีดูแล<mark>เครื่องสูบน้ำ</mark>ในบ้าน", handbook.snippet)
        cards = self.cards(kind="page")
        station = cards[self.information[1].title]
        self.assertEqual((station.kind, station.date), ("หน้าข้อมูลเมนูหลัก", None))
        self.assertEqual(
            str(station.snippet),
            "สถานีสูบน้ำของเทศบาล น้ำไม่ท่วมเมือง สถานี<mark>เครื่องสูบน้ำ</mark>ริมแม่น้ำเจ้าพระยา",
        )

    def test_kind_and_date_filters_ask_the_page_types(self):
        def titles(pages):
            return {page.title for page in pages}

        self.assertEqual(set(self.cards(kind="news")), titles(self.news))
        self.assertEqual(set(self.cards(kind="publication")), titles(self.publications))
        self.assertEqual(set(self.cards(kind="page")), titles(self.information))
        self.assertEqual(set(self.cards(kind=OTHER)), titles(self.others))
        self.assertEqual(set(self.cards(kind=PROCUREMENT)), titles(self.procurement))
        self.assertEqual(
            set(self.cards(**{"from": "1/3/2567", "to": "31/3/2567"})), titles(self.others)
        )
        # Fiscal year 2567 runs from 1 October 2023 to 30 September 2024: every dated page.
        self.assertEqual(
            set(self.cards(year="2567")), titles(self.procurement + self.others + self.news)
        )

    def test_newest_first_orders_by_each_page_types_date(self):
        titles = list(self.cards(sort="newest"))
        dated = [*reversed(self.news), *reversed(self.others), *reversed(self.procurement)]
        self.assertEqual(titles[:9], [page.title for page in dated])

    def test_a_page_of_results_of_many_types_costs_as_many_queries_as_one_result(self):
        one = "/search/?query=ประตูระบายน้ำ"
        many = "/search/?query=เครื่องสูบน้ำ"
        self.assertEqual(len(self.client.get(one).context["cards"]), 1)
        shown = self.client.get(many).context["cards"]
        self.assertEqual(len(shown), 10)
        self.assertGreaterEqual(len({card.page_type for card in shown}), 4)
        counts = [
            count_queries(self.client, url)
            for url in (one, many, f"{many}&sort=newest", f"{many}&page=2", f"{many}&year=2567")
        ]
        self.assertEqual(len(set(counts)), 1, counts)
        self.assertLessEqual(counts[0], QUERY_BUDGET)


class IndexingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(cls.home)

    def found(self, query):
        return list(Page.objects.live().search(query))

    def test_a_notice_is_found_once_published_and_not_after_unpublishing(self):
        page = notice(
            self.sections["announcements"],
            "pipes",
            "ประกาศจ้างวางท่อเมนประปา ถนนพหลโยธิน",
            datetime.date(2024, 7, 1),
            live=False,
        )
        self.assertEqual(self.found("ท่อประปา"), [])
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        self.assertEqual([p.pk for p in self.found("ท่อประปา")], [page.pk])
        with self.captureOnCommitCallbacks(execute=True):
            page.title = "ประกาศจ้างซ่อมหลังคาอาคาร"
            page.save_revision().publish()
        self.assertEqual(self.found("ท่อประปา"), [])
        self.assertEqual([p.pk for p in self.found("หลังคา")], [page.pk])
        page.refresh_from_db()
        with self.captureOnCommitCallbacks(execute=True):
            page.unpublish()
        self.assertEqual(self.found("หลังคา"), [])

    def test_update_index_rebuilds_a_thai_index(self):
        page = notice(
            self.sections["announcements"], "meters", "ประกาศซื้อมาตรวัดน้ำ", datetime.date(2024, 7, 1)
        )
        call_command("update_index", verbosity=0)
        self.assertEqual([p.pk for p in self.found("มาตรวัดน้ำ")], [page.pk])

    def test_autocomplete_and_the_admin_search_understand_thai(self):
        page = notice(
            self.sections["announcements"],
            "fogging",
            "ประกาศซื้อน้ำยาพ่นหมอกควันกำจัดยุงลาย",
            datetime.date(2024, 7, 1),
        )
        self.assertEqual([p.pk for p in Page.objects.autocomplete("พ่นหมอก")], [page.pk])
        self.assertEqual([p.pk for p in ProcurementNoticePage.objects.search("ยุงลาย")], [page.pk])

    def test_the_elasticsearch_setting_wraps_a_backend_with_thai_queries(self):
        from thai.backends.elasticsearch import SearchBackend

        # The wrapper around a backend that needs no server: queries are cut into words.
        backend = SearchBackend(
            {"WRAPPED_BACKEND": "modelsearch.backends.database.fallback.DatabaseSearchBackend"}
        )
        page = notice(
            self.sections["announcements"],
            "drain",
            "ประกาศจ้างขุดลอกท่อระบายน้ำ",
            datetime.date(2024, 7, 1),
        )
        self.assertEqual([p.pk for p in backend.search("ขุดลอก", ProcurementNoticePage)], [page.pk])
        self.assertEqual(list(backend.search("!!!", ProcurementNoticePage)), [])

    def test_every_page_type_indexes_its_title_as_thai(self):
        self.assertEqual(thai_title_check(None), [])

    def test_every_page_type_answers_what_the_search_page_asks(self):
        self.assertEqual(search_card_check(None), [])
        with mock.patch.object(NewsPage, "search_date_field", "published_on"):
            [error] = search_card_check(None)
        self.assertEqual((error.id, error.obj), ("search.E003", NewsPage))

    def test_the_database_keeps_thai_marks_in_words(self):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT sql FROM sqlite_master WHERE name = 'wagtailsearch_indexentry_fts'"
                )
                self.assertIn("categories 'L* N* Co M*'", cursor.fetchone()[0])
        else:
            with connection.cursor() as cursor:
                cursor.execute("SELECT to_tsvector('simple', 'ข้าว ข่าว')::text")
                self.assertEqual(cursor.fetchone()[0], "'ข่าว':2 'ข้าว':1")


class APITests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        sections = build_sections(home)
        cls.road = notice(
            sections["announcements"],
            "road",
            "ประกาศประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก",
            datetime.date(2024, 3, 15),
        )
        cls.private = notice(
            sections["school-2"], "secret", "ประกาศจ้างก่อสร้างถนนภายใน", datetime.date(2024, 3, 15)
        )
        PageViewRestriction.objects.create(page=sections["school-2"], restriction_type="login")

    def test_pages_search_uses_the_thai_search(self):
        response = self.client.get("/api/v2/pages/", {"search": "คอนกรีต"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual([item["id"] for item in response.json()["items"]], [self.road.pk])

    def test_private_pages_are_not_listed(self):
        ids = [
            item["id"]
            for item in self.client.get("/api/v2/pages/", {"search": "ถนน"}).json()["items"]
        ]
        self.assertEqual(ids, [self.road.pk])

    def test_images_and_documents_are_listed(self):
        for url in (
            "/api/v2/images/",
            "/api/v2/documents/",
            "/api/v2/pages/?type=procurement.ProcurementNoticePage",
        ):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEqual(response["Content-Type"], "application/json")

    def test_the_api_is_read_only(self):
        for method in (self.client.post, self.client.put, self.client.delete):
            self.assertEqual(method(f"/api/v2/pages/{self.road.pk}/").status_code, 405)

    def test_odd_search_input_is_not_an_error(self):
        for query in ("", "!!!", "\x00", "ก" * 500):
            self.assertEqual(
                self.client.get("/api/v2/pages/", {"search": query}).status_code, 200, query
            )
