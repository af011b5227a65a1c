"""Search that forgives (issue 20): ``q`` as well as ``query``, highlighting on word
boundaries, misspelled words corrected against the index's vocabulary (on the page and in the
API), synonyms, ranking."""

import datetime

from django.test import SimpleTestCase, TestCase

from home.models import HomePage
from search.snippets import highlight, snippet
from search.testset import build_sections
from tests.test_search import notice


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
        return [card.page.title for card in response.context["cards"]]

    def test_q_and_query_both_search(self):
        expected = ["ประกาศจัดซื้อจัดจ้างก่อสร้างถนน"]
        self.assertEqual(self.titles(self.client.get("/search/", {"q": "ถนน"})), expected)
        self.assertEqual(self.titles(self.client.get("/search/", {"query": "ถนน"})), expected)

    def test_the_forms_send_q(self):
        response = self.client.get("/search/", {"q": "ถนน"})
        self.assertContains(response, 'name="q" value="ถนน"')
        self.assertContains(response, 'id="site-search-query" type="search" name="q"')
