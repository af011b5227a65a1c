"""The whole demo site, as ``make run`` loads it: every section in order, the accounts, and
the site's address."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.models import Locale, Page, Site

from demo.loader import DEMO_SUPERUSER


@override_settings(DEBUG=True)
class LoadDemoContentTests(TestCase):
    def test_the_whole_demo_loads_and_its_sections_are_served(self):
        out = StringIO()
        call_command("load_demo_content", "--address=127.0.0.1:8123", stdout=out)
        self.assertIn(f"admin login: {DEMO_SUPERUSER[0]} / {DEMO_SUPERUSER[1]}", out.getvalue())
        self.assertEqual(Site.objects.get(is_default_site=True).port, 8123)
        home = Page.objects.get(depth=2, locale__language_code="th")
        sections = home.get_children().live().public()
        self.assertGreater(sections.count(), 20)
        for page in sections.specific():
            with self.subTest(page=page.slug):
                self.assertEqual(self.client.get(page.url).status_code, 200)
        self.assertEqual(self.client.get("/en/").status_code, 200)
        # English never 404s (issue 19): every live Thai page answers at its English address,
        # its translation's or its own (core/languages.py), as the language switcher gives it.
        english = Locale.objects.get(language_code="en")
        thai_only = []
        for page in Page.objects.live().filter(locale__language_code="th", depth__gt=2):
            translation = page.get_translation_or_none(english)
            if translation is None or not translation.live:
                thai_only.append(page)
            address = "/en" + page.url if page in thai_only else translation.url
            with self.subTest(address=address):
                self.assertEqual(self.client.get(address).status_code, 200)
        self.assertGreater(len(thai_only), 80)
        self.assertContains(
            self.client.get(thai_only[0].url), f'href="/en{thai_only[0].url}" hreflang="en"'
        )
