"""Redis down: a REDIS_URL on which nothing listens. Pages are served from the database, the
outage is logged once (not on every request), and the site's own Thai 500 page needs no cache."""

import logging

from django.core.cache import cache
from django.test import RequestFactory, TestCase, override_settings

from core.errors import server_error
from tests import faults_support as faults
from tests.factories import NewsIndexPageFactory, NewsPageFactory, site_settings, translated_home
from tests.utils import count_queries

CLOSED = f"redis://127.0.0.1:{faults.free_port()}/3"


def redis_cache(backend):
    return {
        "default": {
            "BACKEND": backend,
            "LOCATION": CLOSED,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


class RedisDownTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()
        cls.news = NewsPageFactory(title="ข่าวถนนโกสีย์ปิดซ่อม", slug="road-works")

    @override_settings(CACHES=redis_cache("portal.cache.ForgivingRedisCache"))
    def test_pages_come_from_the_database_and_the_outage_is_logged_once(self):
        with self.assertLogs("portal.cache", logging.WARNING) as logged:
            for _ in range(3):
                for url in ("/", "/news/", self.news.url, "/en/", "/search/?q=ถนน"):
                    with self.subTest(url=url):
                        response = self.client.get(url)
                        self.assertEqual(response.status_code, 200)
            self.assertContains(self.client.get(self.news.url), "ข่าวถนนโกสีย์ปิดซ่อม")
            self.assertIsNone(cache.get("anything"))
            self.assertFalse(cache.add("counter", 0))
        self.assertEqual(len(logged.records), 1, [r.getMessage() for r in logged.records])
        self.assertIn("Redis", logged.records[0].getMessage())

    @override_settings(CACHES=redis_cache("django.core.cache.backends.redis.RedisCache"))
    def test_the_500_page_is_the_sites_own_even_with_a_cache_that_fails(self):
        request = RequestFactory().get("/")
        with self.assertLogs("core.errors", logging.ERROR):
            response = server_error(request)
        self.assertEqual(response.status_code, 500)
        self.assertIn("ขออภัย ระบบขัดข้องชั่วคราว", response.content.decode())


class RedisDownBudgetTests(TestCase):
    """While Redis is down each process keeps values itself: pages keep their usual number of
    queries (before, every page address asked the database for Wagtail's site root paths: one
    query per link, about a second per page), and a change still shows on the next request."""

    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()
            cls.index = NewsIndexPageFactory(parent=cls.home, title="ข่าวสาร", slug="news")
            cls.items = [
                NewsPageFactory(parent=cls.index, title=f"ข่าวซ่อมถนนสายที่ {n}", slug=f"road-{n}")
                for n in range(12)
            ]

    @override_settings(CACHES=redis_cache("portal.cache.ForgivingRedisCache"))
    def test_pages_keep_their_query_budget_and_changes_show_at_once(self):
        for url in ("/", "/news/", self.items[0].url, "/en/"):
            with self.subTest(url=url):
                self.assertLessEqual(count_queries(self.client, url), 12)
        self.assertContains(self.client.get("/news/"), "ข่าวซ่อมถนนสายที่ 5")
        with self.captureOnCommitCallbacks(execute=True):
            self.items[5].unpublish()
        self.assertNotContains(self.client.get("/news/"), "ข่าวซ่อมถนนสายที่ 5")
        self.assertEqual(self.client.get(self.items[5].url).status_code, 404)
