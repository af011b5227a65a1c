"""Search that forgives (issue 20): ``q`` as well as ``query``, highlighting on word
boundaries, misspelled words corrected against the index's vocabulary (on the page and in the
API), synonyms, ranking."""

import datetime
import json
from unittest import mock
from urllib.parse import unquote

from django.db import connection
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from home.models import HomePage
from ownership.models import Role
from search.models import SearchMiss, Synonym
from search.snippets import highlight, snippet
from search.testset import build_sections
from search.views import SUGGESTS_PER_MINUTE
from tests.factories import ProcurementSummaryPageFactory, site_settings
from tests.moderation_support import make_user, sign_in
from tests.test_search import OTHER, notice
from thai.backends import common
from thai.spelling import Speller, distance

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


class HighlightTests(SimpleTestCase):
    def test_a_word_inside_a_compound_is_marked_whole_not_cut(self):
        self.assertEqual(
            highlight("ประกาศจัดซื้อจัดจ้างโครงการ", "จัดซื้อ"),
            "ประกาศ<mark>จัดซื้อ</mark>จัดจ้างโครงการ",
        )
        self.assertEqual(
            highlight("ประกาศจัดซื้อจัดจ้างโครงการ", "จัดซื้อจัดจ้าง"),
            "ประกาศ<mark>จัดซื้อจัดจ้าง</mark>โครงการ",
        )

    def test_a_word_the_text_holds_inside_a_longer_word_marks_that_word(self):
        self.assertEqual(highlight("รถยนต์ดับเพลิง", "รถ"), "<mark>รถยนต์</mark>ดับเพลิง")

    def test_compounds_and_digits_as_the_text_wrote_them(self):
        self.assertEqual(
            highlight("ประกวดราคา (e-bidding) ปี ๒๕๖๗", "e-bidding 2567"),
            "ประกวดราคา (<mark>e-bidding</mark>) ปี <mark>๒๕๖๗</mark>",
        )
        self.assertIn("<mark>ท.๑</mark>", snippet("โรงเรียนเทศบาล ท.๑ วัดไทรใต้", "ท.1"))


class QueryParameterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(home)
        notice(
            cls.sections["announcements"],
            "road",
            "ประกาศจัดซื้อจัดจ้างก่อสร้างถนน",
            datetime.date(2024, 3, 1),
        )

    def titles(self, response):
        self.assertEqual(response.status_code, 200)
        return [card.title for card in response.context["cards"]]

    def test_q_and_query_both_search(self):
        expected = ["ประกาศจัดซื้อจัดจ้างก่อสร้างถนน"]
        self.assertEqual(self.titles(self.client.get("/search/", {"q": "ถนน"})), expected)
        self.assertEqual(self.titles(self.client.get("/search/", {"query": "ถนน"})), expected)

    def test_the_page_marks_whole_words_of_the_title(self):
        response = self.client.get("/search/", {"q": "จัดซื้อ"})
        self.assertContains(response, "ประกาศ<mark>จัดซื้อ</mark>จัดจ้างก่อสร้างถนน")
        self.assertNotContains(response, "จัดซื้อจัด</mark>")

    def test_the_forms_send_q(self):
        response = self.client.get("/search/", {"q": "ถนน"})
        self.assertContains(response, 'name="q" value="ถนน"')
        self.assertContains(response, 'id="site-search-query" type="search" name="q"')


class SpellingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()  # made before the searches: its first save would raise the version
        home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(home)
        cls.notice = notice(
            cls.sections["announcements"],
            "council",
            "ประกาศเรียกประชุมสภาเทศบาลนครนครสวรรค์ สมัยสามัญ",
            datetime.date(2024, 2, 1),
            kind=OTHER,
        )

    def test_a_misspelled_word_is_corrected_and_the_page_says_so(self):
        response = self.client.get("/search/", {"q": "ประชุมสะภา"})
        self.assertEqual([card.pk for card in response.context["cards"]], [self.notice.pk])
        self.assertContains(response, "แสดงผลของ <strong>ประชุมสภา</strong> — ค้นหา <a href=")
        self.assertContains(response, "spelling=off")
        self.assertIn("<mark>ประชุมสภา</mark>", str(response.context["cards"][0].title_html))

    def test_the_query_as_typed_on_request(self):
        response = self.client.get("/search/", {"q": "ประชุมสะภา", "spelling": "off"})
        self.assertEqual(response.context["cards"], [])
        self.assertNotContains(response, "แสดงผลของ")

    def test_a_correct_query_is_not_corrected(self):
        response = self.client.get("/search/", {"q": "ประชุมสภา"})
        self.assertIsNone(response.context["correction"])
        # A word near none of the index's words is searched as typed: nothing found.
        response = self.client.get("/search/", {"q": "ฟุตบอลโลก"})
        self.assertIsNone(response.context["correction"])
        self.assertEqual(response.context["cards"], [])

    def test_the_api_corrects_unless_told_not_to(self):
        response = self.client.get("/api/v2/pages/", {"search": "ประชุมสะภา"})
        self.assertEqual([item["id"] for item in response.json()["items"]], [self.notice.pk])
        self.assertEqual(unquote(response["X-Search-Corrected"]), "ประชุมสภา")
        response = self.client.get(
            "/api/v2/pages/", {"search": "ประชุมสะภา", "search_spelling": "off"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["items"], [])
        self.assertNotIn("X-Search-Corrected", response)

    def test_processes_keep_each_others_vocabulary(self):
        """Each process keeps the vocabulary it read under the token the shared cache holds. A
        second process reading it takes the first's token instead of replacing it: the first
        does not read the vocabulary again at its next search (with two workers, each search
        read it again, replacing the other's token)."""
        backend = type(get_search_backend())
        read = mock.patch.object(
            backend, "vocabulary_rows", autospec=True, side_effect=backend.vocabulary_rows
        )
        with read as reads:
            self.client.get("/search/", {"q": "ประชุมสภา"})  # the first process reads it
            first = dict(common._spellers)
            common._spellers.clear()  # a second process, which has read nothing yet

            self.client.get("/search/", {"q": "ประชุมสภา"})
            self.assertEqual(reads.call_count, 2)
            common._spellers.clear()
            common._spellers.update(first)  # the first process again
            self.client.get("/search/", {"q": "ประชุมสะภา"})
            self.assertEqual(reads.call_count, 2)

    def test_a_new_page_s_words_are_known_at_once(self):
        self.client.get("/search/", {"q": "ประชุมสภา"})  # the vocabulary is read
        notice(
            self.sections["announcements"],
            "chlorine",
            "ประกาศจัดซื้อคลอรีน",
            datetime.date(2024, 3, 1),
        )
        response = self.client.get("/search/", {"q": "คลอลีน"})
        self.assertEqual(response.context["correction"].corrected, "คลอรีน")


class DidYouMeanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(home)
        cls.sessions = [
            notice(
                cls.sections["announcements"],
                f"council-{number}",
                f"ประกาศเรียกประชุมสภาเทศบาล สมัยที่ {number}",
                datetime.date(2024, number, 1),
                kind=OTHER,
            )
            for number in (1, 2, 3, 4)
        ]
        # One notice keyed in with the citizen's own typing error: the word is in the index.
        cls.misspelled = notice(
            cls.sections["announcements"],
            "council-typo",
            "ประกาศเรียกประชุมสะภาเทศบาล สมัยวิสามัญ",
            datetime.date(2024, 6, 1),
            kind=OTHER,
        )

    def test_the_page_offers_the_query_that_finds_clearly_more(self):
        response = self.client.get("/search/", {"q": "ประชุมสะภา"})
        # Searched as typed (the index holds the words): the one notice with the same typing.
        self.assertIsNone(response.context["correction"])
        self.assertEqual([card.pk for card in response.context["cards"]], [self.misspelled.pk])
        self.assertContains(response, "หรือคุณหมายถึง <a href=")
        self.assertEqual(response.context["suggestion"].corrected, "ประชุมสภา")
        followed = self.client.get("/search/", {"q": response.context["suggestion"].corrected})
        self.assertEqual(len(followed.context["cards"]), 4)
        self.assertIsNone(followed.context["suggestion"])

    def test_the_api_names_it_in_a_header_unless_spelling_is_off(self):
        response = self.client.get("/api/v2/pages/", {"search": "ประชุมสะภา"})
        self.assertEqual([item["id"] for item in response.json()["items"]], [self.misspelled.pk])
        self.assertEqual(unquote(response["X-Search-Suggestion"]), "ประชุมสภา")
        response = self.client.get(
            "/api/v2/pages/", {"search": "ประชุมสะภา", "search_spelling": "off"}
        )
        self.assertNotIn("X-Search-Suggestion", response)

    def test_nothing_is_offered_when_the_query_finds_enough(self):
        response = self.client.get("/search/", {"q": "ประชุมสภา"})
        self.assertIsNone(response.context["suggestion"])
        self.assertNotContains(response, "หรือคุณหมายถึง")


class SuggestTests(TestCase):
    url = "/search/suggest/"

    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(home)
        cls.road = notice(
            cls.sections["announcements"],
            "road",
            "ประกาศจัดซื้อจัดจ้างก่อสร้างถนนคอนกรีต",
            datetime.date(2024, 3, 1),
        )
        cls.bridge = notice(
            cls.sections["announcements"],
            "bridge",
            "ประกาศจัดจ้างก่อสร้างสะพานข้ามคลอง",
            datetime.date(2024, 3, 3),
        )
        cls.draft = notice(
            cls.sections["announcements"],
            "draft",
            "ประกาศจัดซื้อรถบรรทุกขยะ (ร่าง)",
            datetime.date(2024, 3, 2),
        )
        cls.draft.unpublish()

    def suggestions(self, query, status=200):
        response = self.client.get(self.url, {"q": query})
        self.assertEqual(response.status_code, status)
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()["suggestions"]

    def test_the_titles_of_pages_beginning_as_typed(self):
        found = self.suggestions("ก่อสร้างถน")
        self.assertEqual(found, [{"title": self.road.title, "url": self.road.url}])
        # A draft is never suggested.
        self.assertEqual(self.suggestions("รถบรรทุก"), [])

    def test_the_search_boxes_ask_for_them_and_work_without_the_script(self):
        response = self.client.get("/search/", {"q": "ถนน"})
        self.assertContains(response, 'data-suggest-url="/search/suggest/"', count=2)
        self.assertContains(response, "js/search-suggest.js")
        self.assertContains(response, 'action="/search/" method="get"', count=2)

    def test_bad_input_never_fails(self):
        self.assertEqual(self.suggestions(""), [])
        self.assertEqual(self.suggestions("ถ"), [])  # too short to suggest
        self.assertEqual(self.suggestions("\x00\u200b%%%"), [])
        self.suggestions("ก่อสร้าง")  # the site and the page types, cached from then on
        # Bounded: the same few queries for one suggestion or several.
        with CaptureQueriesContext(connection) as one:
            self.assertEqual(len(self.suggestions("ถนน" * 500)), 1)  # cut, still answered
        with CaptureQueriesContext(connection) as two:
            self.assertEqual(len(self.suggestions("ก่อสร้าง")), 2)
        self.assertEqual(len(one), len(two))
        self.assertLessEqual(len(two), 4)
        response = self.client.get(self.url, {"q": ["ถนน", "ก่อสร้าง"], "query": "x"})
        self.assertEqual(response.status_code, 200)

    def test_too_many_requests_from_one_address_are_refused_in_thai(self):
        with self.settings(CACHES={"default": {"BACKEND": LOCMEM}}):
            for _request in range(SUGGESTS_PER_MINUTE):
                self.suggestions("ถนน")
            response = self.client.get(self.url, {"q": "ถนน"})
            self.assertEqual(response.status_code, 429)
            self.assertIn("ค้นหาถี่เกินไป", response.json()["error"])
            # Another address is still answered.
            response = self.client.get(self.url, {"q": "ถนน"}, REMOTE_ADDR="192.0.2.7")
            self.assertEqual(response.status_code, 200)


class SpellerTests(SimpleTestCase):
    vocabulary = {
        "จัด": 30,
        "ซื้อ": 30,
        "จ้าง": 30,
        "ประชุม": 5,
        "สภา": 5,
        "รับสมัคร": 7,
        "ข่าว": 9,
        "คอมพิวเตอร์": 2,
        "เทศบาล": 40,
        "เทศบัน": 1,
        "โรงเรียน": 30,
    }

    def corrected(self, query):
        correction = Speller(self.vocabulary).correct(query)
        return correction and correction.corrected

    def test_the_common_thai_typing_errors_are_cheap(self):
        self.assertLess(distance("จัดชื้อ", "จัดซื้อ"), 0.5)  # ช for ซ
        self.assertLess(distance("สะภา", "สภา"), 0.5)  # an extra ะ
        self.assertLess(distance("คอมพิวเตอ", "คอมพิวเตอร์"), 0.7)  # การันต์ left out
        self.assertLess(distance("รับสมัค", "รับสมัคร"), 0.6)  # final consonant left out
        self.assertGreaterEqual(distance("ข้าว", "ข่าว"), 1.0)  # another tone: another word
        self.assertLess(distance("ท้วม", "ท่วม", tone_swap=0.4), 0.5)  # …or, among words, a slip
        self.assertLess(distance("เพิง", "เพลิง"), 0.6)  # ล of a cluster left out
        self.assertLess(distance("ประกศ", "ประกาศ"), 0.6)  # า left out

    def test_words_are_corrected_whole_or_joined_with_a_neighbour(self):
        self.assertEqual(self.corrected("จัดชื้อจัดจ้าง"), "จัดซื้อจัดจ้าง")
        self.assertEqual(self.corrected("ประชุมสะภา"), "ประชุมสภา")
        self.assertEqual(self.corrected("รับสมัค"), "รับสมัคร")
        self.assertEqual(self.corrected("ประชุมสภา รับสมค"), "ประชุมสภา รับสมัคร")
        self.assertEqual(self.corrected("จัดซื้อจ้าง ข้าว"), None)  # ข้าว alone: a word
        # The frequent word wins where the breaker cut the misspelled one.
        self.assertEqual(self.corrected("โรงเรียนเทศบาน"), "โรงเรียนเทศบาล")

    def test_known_or_far_words_are_not_corrected(self):
        self.assertIsNone(self.corrected("จัดซื้อ"))
        self.assertIsNone(self.corrected("ข้าว"))
        self.assertIsNone(self.corrected("ฟุตบอลโลก"))


class SynonymTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(home)
        cls.summary = notice(
            cls.sections["announcements"],
            "summary",
            "สรุปผลการจัดซื้อจัดจ้างประจำเดือนมีนาคม ๒๕๖๗",
            datetime.date(2024, 4, 5),
            kind=OTHER,
        )
        cls.bidding = notice(
            cls.sections["announcements"],
            "road",
            "ประกวดราคาจ้างก่อสร้างถนน ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์",
            datetime.date(2024, 3, 1),
        )
        cls.operator = make_user("web-operator", Role.OPERATOR)
        cls.creator = make_user("creator", Role.CREATOR, "engineering")

    def found(self, query, path="/search/"):
        if path == "/search/":
            response = self.client.get(path, {"q": query})
            return {card.pk for card in response.context["cards"]}
        response = self.client.get(path, {"search": query})
        return {item["id"] for item in response.json()["items"]}

    def test_the_first_synonyms_are_there_from_the_start(self):
        self.assertEqual(self.found("สขร"), {self.summary.pk})
        self.assertEqual(self.found("สขร", "/api/v2/pages/"), {self.summary.pk})
        self.assertEqual(self.found("e-bidding ถนน"), {self.bidding.pk})

    def test_a_synonym_added_in_the_admin_takes_effect(self):
        self.assertEqual(self.found("ทำถนน"), set())
        sign_in(self.client, self.operator)
        response = self.client.post(
            "/admin/search/synonyms/add/",
            {"terms": "ทำถนน\nก่อสร้างถนน", "note": ""},
        )
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        self.client.logout()
        self.assertEqual(self.found("ทำถนน"), {self.bidding.pk})
        self.assertEqual(self.found("ทำถนน", "/api/v2/pages/"), {self.bidding.pk})

    def test_a_synonym_edited_in_the_admin_takes_effect_at_once(self):
        bidding = Synonym.objects.get(terms__startswith="e-bidding")
        self.assertEqual(self.found("ประมูลออนไลน์ ถนน"), set())  # the synonyms are cached now
        sign_in(self.client, self.operator)
        response = self.client.get(reverse("search_synonym:edit", args=[bidding.pk]))
        self.assertContains(response, "คำที่มีความหมายเดียวกัน")
        response = self.client.post(
            reverse("search_synonym:edit", args=[bidding.pk]),
            {"terms": f"{bidding.terms}\nประมูลออนไลน์", "note": bidding.note},
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertEqual(self.found("ประมูลออนไลน์ ถนน"), {self.bidding.pk})
        self.assertEqual(self.found("ประมูลออนไลน์ ถนน", "/api/v2/pages/"), {self.bidding.pk})
        self.assertEqual(self.found("e-bidding ถนน"), {self.bidding.pk})  # the others still

    def test_a_synonym_deleted_in_the_admin_no_longer_applies(self):
        summaries = Synonym.objects.get(terms__startswith="สขร")
        self.assertEqual(self.found("สขร"), {self.summary.pk})
        sign_in(self.client, self.operator)
        response = self.client.post(reverse("search_synonym:delete", args=[summaries.pk]))
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertEqual(self.found("สขร"), set())

    def test_only_web_operators_keep_the_synonyms(self):
        sign_in(self.client, self.creator)
        self.assertEqual(self.client.get("/admin/search/synonyms/").status_code, 302)
        sign_in(self.client, self.operator)
        self.assertEqual(self.client.get("/admin/search/synonyms/").status_code, 200)

    def test_one_term_is_not_a_synonym(self):
        sign_in(self.client, self.operator)
        response = self.client.post("/admin/search/synonyms/add/", {"terms": "ถนน", "note": ""})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Synonym.objects.filter(terms="ถนน").exists())


class RankingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(home)
        cls.summaries = [
            ProcurementSummaryPageFactory(month=datetime.date(2024, month, 1)) for month in (2, 3)
        ]
        # Three notices alike but for their dates, published in another order than their
        # dates (a notice keyed in late, an old one re-published), each holding the word in its
        # body only (the summaries hold it in their titles).
        cls.notices = [
            notice(
                cls.sections["announcements"],
                f"pump-{month}",
                "ประกาศเทศบาลนครนครสวรรค์ เรื่อง ซื้อเครื่องสูบน้ำ",
                datetime.date(2024, month, 10),
                text="เทศบาลมีความประสงค์จะจัดซื้อเครื่องสูบน้ำ",
            )
            for month in (2, 3, 1)
        ]
        cls.notices[0].save_revision().publish()  # published again last: still not the newest
        cls.newest_first = [cls.notices[1].pk, cls.notices[0].pk, cls.notices[2].pk]

    def ranked(self, query):
        response = self.client.get("/search/", {"q": query})
        return [card.pk for card in response.context["cards"]]

    def test_notices_come_before_the_monthly_summaries_newest_first(self):
        found = self.ranked("จัดซื้อ")
        self.assertEqual(found[:3], self.newest_first)
        self.assertTrue({page.pk for page in self.summaries} <= set(found[3:]))

    def test_the_api_ranks_the_same(self):
        response = self.client.get("/api/v2/pages/", {"search": "จัดซื้อ"})
        found = [item["id"] for item in response.json()["items"]]
        self.assertEqual(found[:3], self.newest_first)


class SynonymRankingTests(TestCase):
    """A query with synonyms (an ``Or`` of their terms) is ranked as any other query, on
    both databases: title matches first, then equals newest first by their own date."""

    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(home)
        cls.in_title = notice(
            cls.sections["announcements"],
            "bidding-title",
            "ประกาศประกวดราคาอิเล็กทรอนิกส์ จ้างก่อสร้างสะพาน",
            datetime.date(2023, 5, 1),
        )
        # Alike but for their dates, written in another order than their dates; each holds
        # one of the terms in its body only.
        cls.in_body = [
            notice(
                cls.sections["announcements"],
                f"pipe-{month}",
                "ประกาศเทศบาลนครนครสวรรค์ เรื่อง จ้างวางท่อระบายน้ำ",
                datetime.date(2024, month, 10),
                text=f"ยื่นข้อเสนอด้วยวิธี{term}",
            )
            for month, term in ((2, "e-bidding"), (3, "ประกวดราคาอิเล็กทรอนิกส์"), (1, "e-bidding"))
        ]
        cls.expected = [cls.in_title.pk, *(cls.in_body[index].pk for index in (1, 0, 2))]

    def test_title_matches_first_then_the_newest(self):
        for query in ("e-bidding", "ประกวดราคาอิเล็กทรอนิกส์"):
            response = self.client.get("/search/", {"q": query})
            self.assertEqual([card.pk for card in response.context["cards"]], self.expected)
            response = self.client.get("/api/v2/pages/", {"search": query})
            self.assertEqual([item["id"] for item in response.json()["items"]], self.expected)


class SearchMissesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.sections = build_sections(home)
        for number in range(3):
            notice(
                cls.sections["announcements"],
                f"road-{number}",
                f"ประกาศจัดซื้อจัดจ้างก่อสร้างถนน สายที่ {number}",
                datetime.date(2024, 3, 1 + number),
            )
        cls.operator = make_user("web-operator", Role.OPERATOR)
        cls.creator = make_user("creator", Role.CREATOR, "engineering")

    def test_queries_with_no_or_few_results_are_counted_per_week_without_personal_data(self):
        with self.captureOnCommitCallbacks(execute=True):
            for query in ("ฟุตบอลโลก", " ฟุตบอลโลก ", "ถนน", "บัตร 1234567890123"):
                self.client.get("/search/", {"q": query})
            # Counted once, on the first page.
            self.client.get("/search/", {"q": "ฟุตบอลโลก", "page": "2"})
        misses = {miss.query: (miss.searches, miss.results) for miss in SearchMiss.objects.all()}
        self.assertEqual(misses, {"ฟุตบอลโลก": (2, 0), "บัตร #############": (1, 0)})
        self.assertEqual(SearchMiss.objects.get(query="ฟุตบอลโลก").week.weekday(), 0)

    def test_the_report_lists_weeks_newest_first_and_keeps_counts_only(self):
        for week, query, searches in (
            (datetime.date(2024, 3, 4), "ใบขับขี่", 2),
            (datetime.date(2024, 3, 11), "ใบขับขี่", 5),
            (datetime.date(2024, 3, 11), "ภาษีป้าย", 9),
        ):
            SearchMiss.objects.create(week=week, query=query, searches=searches, results=0)
        sign_in(self.client, self.operator)
        response = self.client.get("/admin/reports/search-misses/")
        rows = [(row.week, row.query) for row in response.context["object_list"]]
        self.assertEqual(
            rows,
            [
                (datetime.date(2024, 3, 11), "ภาษีป้าย"),
                (datetime.date(2024, 3, 11), "ใบขับขี่"),
                (datetime.date(2024, 3, 4), "ใบขับขี่"),
            ],
        )
        # Nothing that could name who searched: no user, session, address or time of day.
        stored = {field.name for field in SearchMiss._meta.get_fields()}
        self.assertEqual(stored, {"id", "week", "query", "searches", "results"})
        # The operators find it in the admin's menu (its JSON), under Reports, in Thai.
        menu = self.client.get("/admin/")
        self.assertContains(menu, json.dumps("คำค้นที่ไม่พบผล (Searches with no results)"))
        self.assertContains(menu, '"url": "/admin/reports/search-misses/"')

    def test_web_operators_read_and_export_the_report(self):
        SearchMiss.objects.create(
            week=datetime.date(2024, 3, 4), query="ใบขับขี่", searches=7, results=0
        )
        sign_in(self.client, self.creator)
        self.assertEqual(self.client.get("/admin/reports/search-misses/").status_code, 302)
        sign_in(self.client, self.operator)
        response = self.client.get("/admin/reports/search-misses/")
        self.assertContains(response, "ใบขับขี่")
        for label in ("คำค้นที่ไม่พบผล", "สัปดาห์ที่เริ่ม (วันจันทร์)", "คำค้น", "จำนวนครั้งที่ค้น"):
            self.assertContains(response, label)
        response = self.client.get("/admin/reports/search-misses/", {"export": "csv"})
        self.assertEqual(response.status_code, 200)
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        self.assertIn("week,query,searches,results", content)
        self.assertIn("4 มีนาคม 2567,ใบขับขี่,7,0", content)  # the week as the screen writes it
