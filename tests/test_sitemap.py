"""sitemap.xml (both languages, hreflang alternates, only live public pages) and robots.txt."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from demo import loader
from home.models import HomePage
from tests.factories import translate
from tests.test_announcements import add_announcement, announcements_index
from tests.utils import QUERY_BUDGET, count_queries

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(response):
    """``{path: {hreflang: path}}`` of the sitemap's URLs and their alternates."""
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        location = urlsplit(url.find("s:loc", NS).text).path
        entries[location] = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in url.findall("x:link", NS)
        }
    return entries


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")
        cls.index = announcements_index(cls.home)
        day = datetime.date(2025, 6, 1)
        cls.live = add_announcement(cls.index, "council", "ประกาศเรียกประชุมสภาเทศบาล", day)
        cls.thai_only = add_announcement(cls.index, "water", "ประกาศงดจ่ายน้ำประปา", day)
        cls.draft = add_announcement(cls.index, "draft", "ประกาศฉบับร่าง", day)
        cls.draft.unpublish()
        cls.private = add_announcement(cls.index, "private", "ประกาศภายใน", day)
        PageViewRestriction.objects.create(page=cls.private, restriction_type="login")
        cls.expired = add_announcement(cls.index, "expired", "ประกาศที่หมดอายุ", day)
        cls.expired.expire_at = timezone.now() - datetime.timedelta(days=1)
        cls.expired.expired, cls.expired.live = True, False
        cls.expired.save()
        # Past its expiry time, but the scheduler has not unpublished it yet.
        cls.ending = add_announcement(cls.index, "ending", "ประกาศที่ครบกำหนดแล้ว", day)
        cls.ending.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        cls.ending.save()
        translate(cls.index, {cls.index.title: "Announcements"})
        translate(cls.live, {cls.live.title: "Council meeting called"})

    def test_the_demo_site_links_to_the_address_it_is_served_at(self):
        # Wagtail's initial site is localhost:80; make run serves on 127.0.0.1:8000.
        loader.serve_site_at("127.0.0.1", 8000)
        locations = ET.fromstring(self.client.get("/sitemap.xml").content).findall(
            "s:url/s:loc", NS
        )
        self.assertIn(
            "http://127.0.0.1:8000/announcements/council/", [loc.text for loc in locations]
        )
        for bad in ("8000", "127.0.0.1:http", "127.0.0.1:70000"):
            refused = self.assertRaisesMessage(CommandError, "ใช้รูปแบบ โฮสต์:พอร์ต")
            with self.subTest(address=bad), self.settings(DEBUG=True), refused:
                call_command("load_demo_content", f"--address={bad}")
        self.assertEqual(Site.objects.get(is_default_site=True).port, 8000)

    def test_lists_thai_and_english_pages_with_their_other_language_version(self):
        entries = sitemap_entries(self.client.get("/sitemap.xml"))
        for path in ("/", "/en/", "/announcements/", "/en/announcements/"):
            self.assertIn(path, entries)
        council = {"th": "/announcements/council/", "en": "/en/announcements/council/"}
        council["x-default"] = council["th"]
        self.assertEqual(entries["/announcements/council/"], council)
        self.assertEqual(entries["/en/announcements/council/"], council)
        # Not translated: listed once, in Thai, without alternates.
        self.assertEqual(entries["/announcements/water/"], {})
        self.assertNotIn("/en/announcements/water/", entries)

    def test_leaves_out_drafts_private_and_expired_pages(self):
        entries = sitemap_entries(self.client.get("/sitemap.xml"))
        for page in (self.draft, self.private, self.expired, self.ending):
            with self.subTest(page=page.slug):
                self.assertNotIn(f"/announcements/{page.slug}/", entries)

    def test_lastmod_is_the_last_publication_date(self):
        response = self.client.get("/sitemap.xml")
        today = timezone.localdate().isoformat()
        self.assertContains(response, f"<lastmod>{today}</lastmod>")

    def test_queries_stay_the_same_whatever_the_number_of_pages(self):
        few = count_queries(self.client, "/sitemap.xml")
        for n in range(6):
            add_announcement(
                self.index, f"more-{n}", f"ประกาศเพิ่ม {n}", datetime.date(2025, 7, n + 1)
            )
        self.assertEqual(count_queries(self.client, "/sitemap.xml"), few)
        self.assertLessEqual(few, QUERY_BUDGET)

    def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
