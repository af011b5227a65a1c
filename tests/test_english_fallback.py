"""English that never 404s (issue 19): a Thai page without an English translation answers at
its ``/en/`` address in the English frame, its Thai marked ``lang="th"``, with a note, a
canonical link to the Thai page and ``noindex``; a translation, once live, takes the address
back; the sitemap lists the page once."""

from bs4 import BeautifulSoup
from django.test import TestCase

from tests.factories import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    PolicyIndexPageFactory,
    PolicyPageFactory,
    ProcurementIndexPageFactory,
    ProcurementNoticePageFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
    english_home,
    translate,
)
from tests.utils import QUERY_BUDGET, count_queries, thai_text_not_marked


class EnglishAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            english_home()
            cls.index = AnnouncementIndexPageFactory()
            translate(cls.index, {"ประกาศ": "Announcements"})
            school = SchoolPageFactory(
                parent=SchoolIndexPageFactory(), slug="school-1", title="โรงเรียนเทศบาล ๑"
            )
            translate(school.get_parent().specific, {})
            translate(school, {"โรงเรียนเทศบาล ๑": "Municipal School 1"})
        cls.notice = AnnouncementPageFactory(
            parent=cls.index, slug="water-outage", title="ประกาศงดจ่ายน้ำประปา"
        )
        cls.school_notice = ProcurementNoticePageFactory(
            parent=school, slug="milk", title="ประกาศจัดซื้ออาหารเสริม (นม)"
        )

    def test_a_thai_notice_answers_at_its_english_address_in_the_english_frame(self):
        response = self.client.get("/en/announcements/water-outage/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, '<h1 lang="th">ประกาศงดจ่ายน้ำประปา</h1>', html=True)
        self.assertContains(response, "This page is available in Thai only")
        self.assertContains(response, "Skip to main content")  # the English frame
        self.assertContains(response, '<meta name="robots" content="noindex">')
        self.assertContains(
            response, '<link rel="canonical" href="http://testserver/announcements/water-outage/">'
        )
        # The breadcrumbs lead back through the English section.
        self.assertContains(response, '<a href="/en/announcements/">Announcements</a>', html=True)

    def test_a_notice_below_a_translated_school_answers_too(self):
        response = self.client.get("/en/schools/school-1/milk/")
        self.assertContains(response, '<h1 lang="th">ประกาศจัดซื้ออาหารเสริม (นม)</h1>', html=True)
        self.assertLessEqual(count_queries(self.client, "/en/schools/school-1/milk/"), QUERY_BUDGET)
        self.assertLessEqual(
            count_queries(self.client, "/en/announcements/water-outage/"), QUERY_BUDGET
        )

    def test_the_thai_page_offers_its_english_address_and_the_english_page_the_thai_one(self):
        thai = self.client.get("/announcements/water-outage/")
        self.assertContains(thai, 'href="/en/announcements/water-outage/" hreflang="en"')
        self.assertNotContains(thai, "This page is available in Thai only")
        self.assertNotContains(thai, 'lang="th">ประกาศงดจ่ายน้ำประปา')
        english = self.client.get("/en/announcements/water-outage/")
        self.assertContains(english, 'href="/announcements/water-outage/" hreflang="th"')

    def test_the_english_listing_marks_the_thai_title(self):
        response = self.client.get("/en/announcements/")
        self.assertContains(response, '<h3 lang="th">', count=1)

    def test_a_page_published_later_answers_at_once(self):
        AnnouncementPageFactory(parent=self.index, slug="new-notice", title="ประกาศใหม่")
        self.assertEqual(self.client.get("/en/announcements/new-notice/").status_code, 200)

    def test_a_translation_takes_its_address_back_and_a_draft_one_does_not(self):
        notice = AnnouncementPageFactory(parent=self.index, slug="holiday", title="วันหยุด")
        translate(notice, {"วันหยุด": "Holiday"})
        response = self.client.get("/en/announcements/holiday/")
        self.assertContains(response, "<h1>Holiday</h1>", html=True)
        self.assertNotContains(response, "available in Thai only")
        self.assertNotContains(response, "noindex")
        english = notice.get_translation(english_home().locale)
        english.unpublish()
        self.assertContains(
            self.client.get("/en/announcements/holiday/"), '<h1 lang="th">วันหยุด</h1>', html=True
        )

    def test_what_does_not_exist_in_either_language_is_still_404(self):
        self.assertEqual(self.client.get("/en/announcements/no-such/").status_code, 404)
        self.assertEqual(self.client.get("/en/announcements/water-outage/x/").status_code, 404)
        self.notice.unpublish()
        self.assertEqual(self.client.get("/en/announcements/water-outage/").status_code, 404)

    def test_the_sitemap_lists_a_thai_only_page_once_in_thai(self):
        sitemap = self.client.get("/sitemap.xml").content.decode()
        self.assertEqual(sitemap.count("/announcements/water-outage/</loc>"), 1)
        self.assertNotIn("/en/announcements/water-outage/", sitemap)


class FooterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            english_home()
            index = PolicyIndexPageFactory()
            translate(index, {"นโยบายเว็บไซต์": "Website policies"})
        PolicyPageFactory(parent=index, kind="cookies", slug="cookies", title="นโยบายคุกกี้")

    def test_a_thai_policy_in_the_english_footer_is_marked_thai_and_stays_english(self):
        response = self.client.get("/en/")
        self.assertContains(
            response, '<a href="/en/policies/cookies/" lang="th">นโยบายคุกกี้</a>', html=True
        )
        self.assertEqual(self.client.get("/en/policies/cookies/").status_code, 200)


class ThaiMarkedTests(TestCase):
    """WCAG 3.1.2: wherever Thai text shows on an English page (titles of notices never
    translated, in listings, search results, the home page and breadcrumbs; names; a school's
    code), it sits in an element marked ``lang="th"``, so that a screen reader reads it in Thai."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            english_home()
            index = AnnouncementIndexPageFactory()
            translate(index, {"ประกาศ": "Announcements"})
            procurement = ProcurementIndexPageFactory()
            translate(procurement, {"จัดซื้อจัดจ้าง": "Procurement"})
            schools = SchoolIndexPageFactory()
            translate(schools, {"จัดซื้อจัดจ้างโรงเรียนเทศบาล": "Schools"})
            translated_school = SchoolPageFactory(
                parent=schools, slug="school-1", code="ท.๑", title="โรงเรียนเทศบาล ๑"
            )
            translate(translated_school, {"โรงเรียนเทศบาล ๑": "Municipal School 1"})
        AnnouncementPageFactory(parent=index, slug="water-outage", title="ประกาศงดจ่ายน้ำประปา")
        ProcurementNoticePageFactory(
            parent=procurement,
            slug="road",
            title="ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างถนน",
            kind="winner",
            winner_name="ห้างหุ้นส่วนจำกัด ก่อสร้างดี",
            agreed_price="95000.00",
        )
        thai_school = SchoolPageFactory(
            parent=schools,
            slug="school-2",
            code="ท.๒",
            title="โรงเรียนเทศบาล ๒",
            director="นางสาวใจดี มีสุข",
        )
        ProcurementNoticePageFactory(parent=thai_school, slug="milk", title="ประกาศจัดซื้อนม")

    def assert_thai_marked(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(thai_text_not_marked(response.content.decode()), [], url)
        return response

    def test_the_checker_finds_thai_that_is_not_marked(self):
        html = '<main><p>Title: ประกาศ</p><p lang="th">ประกาศ</p></main><nav>เมนู</nav>'
        self.assertEqual(thai_text_not_marked(html), ["Title: ประกาศ", "เมนู"])

    def test_the_english_home_page_marks_the_thai_notices(self):
        response = self.assert_thai_marked("/en/")
        self.assertContains(
            response,
            '<a href="/announcements/water-outage/" lang="th">ประกาศงดจ่ายน้ำประปา</a>',
            html=True,
        )

    def test_english_listings_mark_thai_titles_and_names(self):
        self.assert_thai_marked("/en/announcements/")
        response = self.assert_thai_marked("/en/procurement/")
        self.assertContains(response, '<span lang="th">ห้างหุ้นส่วนจำกัด ก่อสร้างดี</span>')
        self.assert_thai_marked("/en/schools/")

    def test_english_search_results_mark_a_thai_notice(self):
        response = self.assert_thai_marked("/en/search/?q=ประปา")
        self.assertContains(response, '<h3 lang="th">')

    def test_the_breadcrumbs_of_a_thai_page_mark_its_thai_ancestors_and_itself(self):
        response = self.assert_thai_marked("/en/schools/school-2/milk/")
        self.assertContains(response, '<a href="/en/schools/">Schools</a>', html=True)
        self.assertContains(response, '<li aria-current="page" lang="th">ประกาศจัดซื้อนม</li>')
        self.assert_thai_marked("/en/schools/school-2/")
        self.assert_thai_marked("/en/schools/school-1/")  # translated, its code Thai

    def test_thai_pages_mark_nothing(self):
        for url in ("/", "/procurement/", "/schools/school-2/milk/"):
            soup = BeautifulSoup(self.client.get(url).content, "html.parser")
            self.assertEqual(soup.select("main [lang], .breadcrumbs [lang]"), [], url)
