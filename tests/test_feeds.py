"""RSS and Atom feeds: announcements (all, per kind, unit and school) and news, read back with
a real feed parser."""

import datetime

import feedparser
from django.test import TestCase
from wagtail.models import PageViewRestriction

from feeds.views import FEED_ITEMS
from home.models import HomePage
from news.models import AnnouncementKind, NewsCategory
from tests.factories import NewsIndexPageFactory, translate
from tests.test_announcements import add_announcement, add_notice, announcements_index
from tests.test_news import add_news
from tests.test_schools import add_school, school_index
from tests.utils import QUERY_BUDGET, count_queries

WINNER, COUNCIL = AnnouncementKind.WINNER, AnnouncementKind.COUNCIL


class FeedTestCase(TestCase):
    def feed(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        parsed = feedparser.parse(response.content)
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        return parsed

    def titles(self, url):
        return [entry.title for entry in self.feed(url).entries]


class AnnouncementFeedTests(FeedTestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.index = announcements_index(home)
        cls.road = add_notice(
            cls.index, "road", "ประกวดราคาจ้างก่อสร้างถนน ซอยมาตุลี ๑๒", datetime.date(2025, 11, 3)
        )
        cls.council = add_announcement(
            cls.index,
            "council",
            "ประกาศเรียกประชุมสภาเทศบาล",
            datetime.date(2025, 6, 2),
            kind=COUNCIL,
        )
        cls.recruit = add_announcement(
            cls.index,
            "recruit",
            "ประกาศรับสมัครผู้ช่วยเจ้าหน้าที่สาธารณสุข",
            datetime.date(2025, 3, 3),
            kind=AnnouncementKind.RECRUITMENT,
            unit="health",
        )
        cls.winner = add_notice(
            cls.index,
            "road-winner",
            "ประกาศผู้ชนะ จ้างก่อสร้างถนน",
            datetime.date(2025, 12, 5),
            kind=WINNER,
        )
        schools = school_index(home)
        cls.school = add_school(schools, 1, "ท.๑", "โรงเรียนเทศบาลวัดไทรใต้")
        cls.other_school = add_school(schools, 2, "ท.๒", "โรงเรียนเทศบาลวัดปากน้ำโพใต้")
        cls.milk = add_notice(
            cls.school,
            "milk",
            "ซื้ออาหารเสริม (นม) โรงเรียน",
            datetime.date(2025, 10, 20),
            unit="education",
        )
        add_notice(
            cls.other_school, "desks", "ซื้อโต๊ะเรียน", datetime.date(2025, 10, 21), unit="education"
        )
        translate(cls.index, {cls.index.title: "Announcements"})
        translate(cls.council, {cls.council.title: "Council meeting called"})

    def test_all_announcements_newest_first_in_thai_with_the_municipality_named(self):
        feed = self.feed("/feeds/announcements/rss/")
        self.assertEqual(feed.feed.title, "ประกาศ / ข่าวประชาสัมพันธ์ | เทศบาลนครนครสวรรค์")
        self.assertEqual(feed.feed.link, "http://testserver/announcements/")
        self.assertEqual(
            [entry.title for entry in feed.entries],
            [
                self.winner.title,
                self.road.title,
                "ซื้อโต๊ะเรียน",
                self.milk.title,
                self.council.title,
                self.recruit.title,
            ],
        )
        first = feed.entries[0]
        self.assertEqual(first.link, "http://testserver/announcements/road-winner/")
        self.assertIn("ประกาศผู้ชนะการเสนอราคา", first.summary)
        self.assertIn("5 ธันวาคม 2568", first.summary)
        self.assertIn("สำนักงานช่าง", first.summary)

    def test_dates_are_bangkok_dates(self):
        response = self.client.get("/feeds/announcements/rss/")
        self.assertContains(response, "<pubDate>Fri, 05 Dec 2025 00:00:00 +0700</pubDate>")
        entry = self.feed("/feeds/announcements/rss/").entries[0]
        # 00:00 in Bangkok is 17:00 UTC the day before.
        self.assertEqual(tuple(entry.published_parsed[:4]), (2025, 12, 4, 17))

    def test_atom_feed_lists_the_same_items(self):
        feed = self.feed("/feeds/announcements/atom/")
        self.assertEqual(feed.version, "atom10")
        self.assertEqual(
            [entry.title for entry in feed.entries], self.titles("/feeds/announcements/rss/")
        )
        self.assertTrue(all(entry.get("updated") for entry in feed.entries))

    def test_per_kind(self):
        self.assertEqual(self.titles("/feeds/announcements/kind/winner/rss/"), [self.winner.title])
        feed = self.feed("/feeds/announcements/kind/council/atom/")
        self.assertEqual([entry.title for entry in feed.entries], [self.council.title])
        self.assertEqual(feed.feed.title, "ประกาศการประชุมสภาเทศบาล | เทศบาลนครนครสวรรค์")
        self.assertEqual(feed.feed.link, "http://testserver/announcements/?kind=council")

    def test_per_unit(self):
        self.assertEqual(self.titles("/feeds/announcements/unit/health/rss/"), [self.recruit.title])
        self.assertEqual(
            self.titles("/feeds/announcements/unit/education/rss/"), ["ซื้อโต๊ะเรียน", self.milk.title]
        )

    def test_per_school_lists_only_that_schools_notices(self):
        feed = self.feed("/feeds/announcements/school/school-1/rss/")
        self.assertEqual([entry.title for entry in feed.entries], [self.milk.title])
        self.assertEqual(feed.feed.link, "http://testserver/schools/school-1/")
        self.assertEqual(feed.entries[0].link, "http://testserver/schools/school-1/milk/")

    def test_english_feed_has_translations_and_links_the_thai_notices_not_translated(self):
        feed = self.feed("/en/feeds/announcements/rss/")
        titles = [entry.title for entry in feed.entries]
        self.assertIn("Council meeting called", titles)
        self.assertNotIn(self.council.title, titles)
        self.assertIn(self.road.title, titles)
        links = {entry.title: entry.link for entry in feed.entries}
        self.assertEqual(
            links["Council meeting called"], "http://testserver/en/announcements/council/"
        )
        self.assertEqual(links[self.road.title], "http://testserver/announcements/road/")
        self.assertEqual(feed.feed.link, "http://testserver/en/announcements/")
        self.assertIn("5 December 2025", feed.entries[0].summary)

    def test_drafts_and_private_notices_are_left_out(self):
        draft = add_announcement(self.index, "draft", "ประกาศฉบับร่าง", datetime.date(2026, 1, 1))
        draft.unpublish()
        private = add_announcement(self.index, "private", "ประกาศภายใน", datetime.date(2026, 1, 2))
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        titles = self.titles("/feeds/announcements/rss/")
        self.assertNotIn(draft.title, titles)
        self.assertNotIn(private.title, titles)

    def test_unknown_kind_unit_or_school_is_a_thai_404(self):
        for url, message in (
            ("/feeds/announcements/kind/sports/rss/", "ไม่พบประเภทประกาศ &#x27;sports&#x27;"),
            ("/feeds/announcements/unit/nowhere/atom/", "ไม่พบหน่วยงาน &#x27;nowhere&#x27;"),
            ("/feeds/announcements/school/school-9/rss/", "ไม่พบโรงเรียน &#x27;school-9&#x27;"),
            ("/feeds/news/sports/rss/", "ไม่พบประเภทข่าว &#x27;sports&#x27;"),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, message, status_code=404)
                self.assertContains(response, "<h1>ไม่พบฟีดที่ต้องการ</h1>", status_code=404, html=True)

    def test_the_listing_pages_advertise_and_link_their_feeds(self):
        response = self.client.get("/announcements/", {"kind": "winner"})
        self.assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" title="ประกาศทั้งหมด (RSS)" '
            'href="/feeds/announcements/rss/">',
            html=True,
        )
        self.assertContains(response, 'href="/feeds/announcements/kind/winner/rss/"', count=2)
        self.assertContains(response, ">ประกาศทั้งหมด (RSS)</a>")
        english = self.client.get("/en/announcements/")
        self.assertContains(english, 'href="/en/feeds/announcements/rss/"', count=2)
        school = self.client.get(self.school.url)
        self.assertContains(school, 'href="/feeds/announcements/school/school-1/rss/"', count=2)


class FeedLengthAndQueryTests(FeedTestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.index = announcements_index(home)
        cls.news_index = NewsIndexPageFactory(parent=home, slug="news", title="ข่าวสาร")
        school = add_school(school_index(home), 1, "ท.๑", "โรงเรียนเทศบาลวัดไทรใต้")
        cls.parents = [cls.index, school]

    def add_items(self, start, count):
        day = datetime.date(2025, 1, 1)
        for n in range(start, start + count):
            date = day + datetime.timedelta(days=n)
            add_notice(self.parents[n % 2], f"n{n}", f"ประกาศฉบับที่ {n}", date, unit="education")
            add_news(self.news_index, f"news{n}", f"ข่าวฉบับที่ {n}", date)

    URLS = (
        "/feeds/announcements/rss/",
        "/en/feeds/announcements/atom/",
        "/feeds/announcements/kind/procurement/rss/",
        "/feeds/announcements/unit/education/rss/",
        "/feeds/announcements/school/school-1/rss/",
        "/feeds/news/rss/",
        "/feeds/news/municipal/atom/",
    )

    def test_queries_stay_the_same_whatever_the_number_of_items(self):
        self.add_items(0, 2)
        few = {url: count_queries(self.client, url) for url in self.URLS}
        self.add_items(2, 8)
        for url in self.URLS:
            with self.subTest(url=url):
                self.assertEqual(count_queries(self.client, url), few[url])
                self.assertLessEqual(few[url], QUERY_BUDGET)

    def test_a_feed_holds_the_newest_items_only(self):
        self.add_items(0, FEED_ITEMS + 2)
        titles = self.titles("/feeds/announcements/rss/")
        self.assertEqual(len(titles), FEED_ITEMS)
        self.assertEqual(titles[0], f"ประกาศฉบับที่ {FEED_ITEMS + 1}")
        self.assertEqual(titles[-1], "ประกาศฉบับที่ 2")
        news = self.titles("/feeds/news/municipal/rss/")
        self.assertEqual(news[:2], [f"ข่าวฉบับที่ {FEED_ITEMS + 1}", f"ข่าวฉบับที่ {FEED_ITEMS}"])
        self.assertEqual(self.titles("/feeds/news/activity/rss/"), [])

    def test_the_news_listing_advertises_its_feeds(self):
        self.add_items(0, 1)
        response = self.client.get("/news/", {"category": NewsCategory.MUNICIPAL})
        self.assertContains(response, 'href="/feeds/news/rss/"', count=2)
        self.assertContains(response, 'href="/feeds/news/municipal/rss/"', count=2)
