"""The site frame a citizen meets on every page: languages, footer, 404, query budget."""

from django.test import TestCase
from wagtail.models import Site

from core.models import SiteSettings
from tests.factories import english_home, home_page, hotline, site_settings
from tests.utils import QUERY_BUDGET, count_queries


class SiteFrameTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings(
            address_en="329 Kosi Road, Pak Nam Pho",
            facebook_url="https://www.facebook.com/nakhonsawancity",
            hotlines=[hotline("สายด่วนร้องทุกข์", "Complaints hotline", "0 5621 9555")],
        )
        cls.home = home_page()
        # wagtail-localize publishes a translation once the transaction commits.
        with cls.captureOnCommitCallbacks(execute=True):
            english_home()

    def test_thai_home_is_served_at_root_in_thai(self):
        response = self.client.get("/")
        self.assertContains(response, '<html lang="th">')
        self.assertContains(response, "<h1>เทศบาลนครนครสวรรค์</h1>", html=True)
        self.assertContains(response, "ข้ามไปยังเนื้อหาหลัก")

    def test_english_home_is_served_under_en_in_english(self):
        response = self.client.get("/en/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "<h1>Nakhon Sawan City Municipality</h1>", html=True)
        self.assertContains(response, "Skip to main content")

    def test_language_switcher_leads_to_the_same_page_in_the_other_language(self):
        self.assertContains(self.client.get("/"), 'href="/en/" hreflang="en"')
        self.assertContains(self.client.get("/en/"), 'href="/" hreflang="th"')

    def test_footer_shows_contact_and_channels_from_the_site_setting(self):
        contact = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        contact.phone = "0 5699 1234"
        contact.save()
        response = self.client.get("/")
        self.assertContains(response, "0 5699 1234")
        self.assertContains(response, "สายด่วนร้องทุกข์")
        self.assertContains(response, 'href="https://www.facebook.com/nakhonsawancity"')
        english = self.client.get("/en/")
        self.assertContains(english, "Kosi Road")
        self.assertContains(english, "Complaints hotline")

    def test_unknown_url_gets_the_thai_404_page_inside_the_site_frame(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "ไม่พบหน้าที่ต้องการ", status_code=404)
        self.assertContains(response, "ช่องทางร้องเรียน", status_code=404)
        english = self.client.get("/en/no-such-page/")
        self.assertContains(english, "Page not found", status_code=404)

    def test_public_page_sends_security_headers(self):
        response = self.client.get("/")
        policy = response["Content-Security-Policy"]
        script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        self.assertNotIn("unsafe-inline", script_src)
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertIn("object-src 'none'", policy)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")

    def test_home_page_stays_within_the_query_budget(self):
        thai = count_queries(self.client, "/")
        self.assertLessEqual(thai, QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/"), QUERY_BUDGET)


class SearchInputTests(TestCase):
    def test_overlong_and_odd_input_never_breaks_the_search_page(self):
        for query in ("ก" * 5000, "' OR 1=1 --", "%00", "<script>"):
            response = self.client.get("/search/", {"query": query, "page": "x"})
            self.assertEqual(response.status_code, 200)
        self.assertContains(self.client.get("/search/", {"query": "<script>"}), "&lt;script&gt;")
