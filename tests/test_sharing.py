"""What a citizen's chat app or search engine shows of a page: description, sharing card,
canonical address and the page in the other language."""

import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import factory
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import SimpleTestCase, TestCase

import tests.factories as factories
from core.management.commands.make_icons import draw_emblem
from core.sharing import shorten
from tests.factories import (
    AnnouncementPageFactory,
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    PolicyPageFactory,
    english_home,
    home_page,
    paragraph,
    site_settings,
    translate,
)
from tests.utils import QUERY_BUDGET, count_queries

PAGE_FACTORIES = [
    getattr(factories, name) for name in factories.__all__ if name.endswith("PageFactory")
]
# What a page type cannot be published without.
REQUIRED = {
    "MapPageFactory": {
        "address": "๓๒๙ ถนนโกสีย์",
        "latitude": Decimal("15.703"),
        "longitude": Decimal("100.137"),
    },
    "VisionPageFactory": {"vision": "เมืองน่าอยู่ ศูนย์กลางการค้าภาคเหนือตอนล่าง"},
    "PublicationPageFactory": {
        "document": factory.SubFactory(DocumentFactory),
        "kind": "annual_report",
        "year": 2567,
    },
}


def head_tags(response):
    """``{name or property: content}`` of the page head's meta tags, and its links by rel."""
    html = response.content.decode()
    head = html[: html.index("</head>")]
    meta = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', head))
    links = re.findall(r'<link rel="([^"]+)"(?: hreflang="([^"]+)")? href="([^"]+)"', head)
    return meta, links


def static_bytes(url):
    """The static file served at ``url`` (the test server serves no static files)."""
    return Path(finders.find(url.removeprefix(settings.STATIC_URL))).read_bytes()


class EveryPageTypeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.pages = [home_page()] + [
            factory(**REQUIRED.get(factory.__name__, {})) for factory in PAGE_FACTORIES
        ]

    def test_every_page_type_has_a_description_a_card_and_a_canonical_address(self):
        self.assertEqual(len({type(page) for page in self.pages}), len(PAGE_FACTORIES) + 1)
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                meta, links = head_tags(response)
                self.assertTrue(meta["description"].strip())
                self.assertLessEqual(len(meta["description"]), 161)
                self.assertEqual(meta["og:title"], page.seo_title or page.title)
                self.assertEqual(meta["og:description"], meta["description"])
                self.assertRegex(meta["og:image"], r"^http://testserver/.+\.(png|jpg)$")
                self.assertEqual(meta["og:locale"], "th_TH")
                self.assertIn(("canonical", "", f"http://testserver{page.url}"), links)
                self.assertEqual(meta["og:url"], f"http://testserver{page.url}")


class DescriptionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.image = ImageFactory(file__width=1600, file__height=900)
        cls.news = NewsPageFactory(
            title="ประชุมสภาเทศบาล",
            listing_image=cls.image,
            body=[paragraph("<p>สภาเทศบาลนครนครสวรรค์ <b>ประชุมสามัญ</b> สมัยที่ ๑</p>")],
        )

    def test_an_editors_search_description_comes_first(self):
        self.news.search_description = "คำอธิบายที่บรรณาธิการเขียน"
        self.news.save_revision().publish()
        meta, _ = head_tags(self.client.get(self.news.url))
        self.assertEqual(meta["description"], "คำอธิบายที่บรรณาธิการเขียน")

    def test_the_summary_comes_before_the_body(self):
        self.news.listing_summary = "สรุปการประชุม"
        self.news.save_revision().publish()
        meta, _ = head_tags(self.client.get(self.news.url))
        self.assertEqual(meta["description"], "สรุปการประชุม")

    def test_without_them_the_body_text_is_the_description_without_markup(self):
        meta, _ = head_tags(self.client.get(self.news.url))
        self.assertEqual(meta["description"], "สภาเทศบาลนครนครสวรรค์ ประชุมสามัญ สมัยที่ ๑")

    def test_a_long_thai_text_is_cut_between_words(self):
        text = "ประกาศเทศบาลนครนครสวรรค์เรื่องการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง" * 5
        short = shorten(text)
        self.assertLessEqual(len(short), 161)
        self.assertTrue(short.endswith("…"))
        # The cut falls at the end of a word: the text goes on with a new word there.
        cut = short[:-1]
        self.assertTrue(text.startswith(cut))
        self.assertRegex(text[len(cut) :], r"^(ประกาศ|เทศบาล|นคร|เรื่อง|การ|ภาษี|ที่ดิน|และ)")

    def test_a_page_with_a_picture_shares_a_wide_rendition_of_it(self):
        meta, _ = head_tags(self.client.get(self.news.url))
        self.assertRegex(meta["og:image"], r"^http://testserver/media/images/.+1200x630.*\.jpg$")
        self.assertEqual(meta["twitter:card"], "summary_large_image")

    def test_a_page_without_a_picture_shares_the_emblem(self):
        page = PolicyPageFactory()
        meta, _ = head_tags(self.client.get(page.url))
        self.assertRegex(meta["og:image"], r"^http://testserver/static/img/icons/icon-512.*\.png$")
        self.assertEqual(meta["twitter:card"], "summary")

    def test_a_shared_news_page_stays_within_the_query_budget(self):
        self.assertLessEqual(count_queries(self.client, self.news.url), QUERY_BUDGET)


class LanguageAlternateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.home = home_page()
        with cls.captureOnCommitCallbacks(execute=True):
            english_home()
        cls.policy = PolicyPageFactory(title="นโยบายคุ้มครองข้อมูลส่วนบุคคล")
        cls.policy_en = translate(cls.policy, {"นโยบายคุ้มครองข้อมูลส่วนบุคคล": "Privacy policy"})

    def test_a_page_in_both_languages_names_each_and_thai_as_default(self):
        for url in (self.policy.url, self.policy_en.url):
            _, links = head_tags(self.client.get(url))
            alternates = {code: href for rel, code, href in links if rel == "alternate" and code}
            self.assertEqual(
                alternates,
                {
                    "th": f"http://testserver{self.policy.url}",
                    "en": f"http://testserver{self.policy_en.url}",
                    "x-default": f"http://testserver{self.policy.url}",
                },
            )

    def test_an_english_page_shares_in_english(self):
        meta, _ = head_tags(self.client.get(self.policy_en.url))
        self.assertEqual(meta["og:title"], "Privacy policy")
        self.assertEqual(meta["og:locale"], "en_US")
        self.assertEqual(meta["og:locale:alternate"], "th_TH")

    def test_a_page_only_in_thai_has_no_alternates(self):
        page = PolicyPageFactory(title="ประกาศเฉพาะภาษาไทย", slug="thai-only")
        _, links = head_tags(self.client.get(page.url))
        self.assertFalse([link for link in links if link[1]])

    def test_pages_with_alternates_stay_within_the_query_budget(self):
        self.assertLessEqual(count_queries(self.client, self.policy.url), QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/"), QUERY_BUDGET)


class IconTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        home_page()

    def test_favicon_ico_leads_to_the_emblem_icon(self):
        response = self.client.get("/favicon.ico")
        self.assertRedirects(
            response, "/static/img/icons/favicon.ico", 302, fetch_redirect_response=False
        )
        self.assertEqual(static_bytes(response["Location"])[:4], b"\x00\x00\x01\x00")  # ICO

    def test_every_page_names_its_icons_manifest_and_theme_colour(self):
        response = self.client.get("/")
        self.assertContains(response, '<link rel="apple-touch-icon" href="/static/img/icons/')
        self.assertContains(response, '<link rel="icon" href="/static/img/seal.svg"')
        self.assertContains(response, '<link rel="manifest" href="/manifest.webmanifest">')
        self.assertContains(response, '<meta name="theme-color" content="#0b4f6c">')

    def test_the_manifest_names_the_municipality_in_each_language(self):
        for url, name, start in (
            ("/manifest.webmanifest", "เทศบาลนครนครสวรรค์", "/"),
            ("/en/manifest.webmanifest", "Nakhon Sawan City Municipality", "/en/"),
        ):
            response = self.client.get(url)
            self.assertEqual(response["Content-Type"], "application/manifest+json")
            manifest = response.json()
            self.assertEqual(manifest["name"], name)
            self.assertEqual(manifest["start_url"], start)
            self.assertEqual(manifest["theme_color"], "#0b4f6c")
            self.assertEqual(
                {icon["sizes"] for icon in manifest["icons"]}, {"192x192", "512x512", "any"}
            )
            for icon in manifest["icons"]:
                with self.subTest(icon=icon["src"]):
                    picture = static_bytes(icon["src"])
                    self.assertTrue(picture.startswith((b"\x89PNG", b"<svg")))


class ShareLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.news = NewsPageFactory(slug="festival")
        cls.notice = AnnouncementPageFactory(slug="tax-notice")
        cls.policy = PolicyPageFactory()

    def test_news_and_notices_offer_line_facebook_and_copy_link(self):
        for page in (self.news, self.notice):
            with self.subTest(page=page.slug):
                response = self.client.get(page.url)
                address = quote(f"http://testserver{page.url}", safe="")
                self.assertContains(
                    response,
                    f'href="https://social-plugins.line.me/lineit/share?url={address}"',
                )
                self.assertContains(
                    response, f'href="https://www.facebook.com/sharer/sharer.php?u={address}"'
                )
                # "Copy link" waits for the script: without it there is nothing to press.
                self.assertContains(
                    response,
                    f'<li hidden><button type="button" class="share__link" '
                    f'data-copy-url="http://testserver{page.url}"',
                )

    def test_share_links_load_no_third_party_script(self):
        response = self.client.get(self.news.url)
        scripts = re.findall(r'<script[^>]+src="([^"]+)"', response.content.decode())
        self.assertTrue(scripts)
        self.assertTrue(all(src.startswith("/static/") for src in scripts), scripts)

    def test_other_pages_offer_no_share_links(self):
        self.assertNotContains(self.client.get(self.policy.url), "lineit/share")

    def test_english_share_links_are_labelled_in_english(self):
        english = translate(self.news)
        response = self.client.get(english.url)
        self.assertContains(response, "Share this page")
        self.assertContains(response, ">Copy link</button>")


class HomeFeedDiscoveryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        home_page()
        with cls.captureOnCommitCallbacks(execute=True):
            english_home()

    def test_the_home_page_advertises_the_announcement_and_news_feeds(self):
        for url, feeds, titles in (
            (
                "/",
                ("/feeds/announcements/rss/", "/feeds/news/rss/"),
                ("ประกาศทั้งหมด", "ข่าวสารทั้งหมด"),
            ),
            (
                "/en/",
                ("/en/feeds/announcements/rss/", "/en/feeds/news/rss/"),
                ("All announcements", "All news"),
            ),
        ):
            response = self.client.get(url)
            html = response.content.decode()
            head = html[: html.index("</head>")]
            found = re.findall(
                r'<link rel="alternate" type="application/rss\+xml" title="([^"]+)" href="([^"]+)">',
                head,
            )
            self.assertEqual([href for _, href in found], list(feeds))
            for (title, _), expected in zip(found, titles, strict=True):
                self.assertTrue(title.startswith(expected), title)
            for feed in feeds:
                with self.subTest(feed=feed):
                    answer = self.client.get(feed)
                    self.assertEqual(answer.status_code, 200)
                    self.assertIn("xml", answer["Content-Type"])


class EmblemDrawingTests(SimpleTestCase):
    def assertColour(self, pixel, expected):
        """Within a few levels: reducing the drawing smooths the colours near an edge."""
        for channel, value in zip(pixel[:3], expected, strict=True):
            self.assertAlmostEqual(channel, value, delta=8)

    def test_the_icons_are_drawn_from_the_emblem_svg(self):
        icon = draw_emblem(64)
        self.assertEqual(icon.size, (64, 64))
        self.assertEqual(icon.getpixel((0, 0))[3], 0)  # transparent outside the circle
        self.assertColour(icon.getpixel((32, 8)), (0xFD, 0xF6, 0xE3))  # the emblem's ground
        self.assertColour(icon.getpixel((32, 3)), (0xB8, 0x86, 0x0B))  # its gold ring

    def test_the_touch_icon_is_opaque(self):
        self.assertEqual(draw_emblem(32, "#ffffff").getpixel((0, 0)), (255, 255, 255, 255))
