"""The policy pages (government website standard, PDPA), the HTML site map, the footer links
and the cookie-consent parts the server renders (the banner, the map page before consent)."""

import re
from decimal import Decimal

from django.template import Context, Template
from django.test import TestCase
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import HomePage
from news.models import NewsPage
from policies import demo as policies_demo
from policies.consent import CATEGORIES, CONSENT_COOKIE
from policies.models import PolicyIndexPage, PolicyKind, PolicyPage, SiteMapPage
from tests.factories import (
    MapPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PolicyIndexPageFactory,
    PolicyPageFactory,
    SiteMapPageFactory,
    home_page,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.utils import QUERY_BUDGET, count_queries

PRIVACY_PARTS = [
    # (what the PDPA asks the notice to say, text that says it)
    ("controller", "เป็นผู้ควบคุมข้อมูลส่วนบุคคล"),
    ("purposes and legal basis", "ฐานทางกฎหมาย"),
    ("legal basis given per purpose", "ภารกิจเพื่อประโยชน์สาธารณะหรือการใช้อำนาจรัฐ (มาตรา 24(4))"),
    ("data kept", "ข้อมูลที่เก็บ"),
    ("for how long", "5 ปีนับแต่วันที่ยุติเรื่อง"),
    ("recipients", "ผู้รับข้อมูล"),
    ("rights", "ขอเข้าถึงและขอรับสำเนาข้อมูลของท่าน (มาตรา 30)"),
    ("withdrawing consent", "ถอนความยินยอมเมื่อใดก็ได้"),
    ("contact", "dpo@nakhonsawancity.go.th"),
    ("complaint to the PDPC", "สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล"),
]


POLICY_TITLES = {
    PolicyKind.WEBSITE: ("นโยบายเว็บไซต์", "Website policy"),
    PolicyKind.PRIVACY: ("ประกาศความเป็นส่วนตัว", "Privacy notice"),
    PolicyKind.COOKIES: ("นโยบายคุกกี้", "Cookie policy"),
    PolicyKind.SECURITY: ("นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์", "Website security policy"),
    PolicyKind.ACCESSIBILITY: ("การเข้าถึงเว็บไซต์", "Accessibility statement"),
}


def policy_section():
    """The policies section with a page of each kind (at /policies/<kind>/) and the site map;
    the section, the privacy notice and the site map in English too."""
    index = PolicyIndexPageFactory(title="นโยบายเว็บไซต์", responsible_unit=unit("clerk"))
    pages = {
        kind: PolicyPageFactory(parent=index, slug=kind, kind=kind, title=thai)
        for kind, (thai, _english) in POLICY_TITLES.items()
    }
    site_map = SiteMapPageFactory(parent=index)
    translate(index, {"นโยบายเว็บไซต์": "Website policies"})
    translate(pages[PolicyKind.PRIVACY], {"ประกาศความเป็นส่วนตัว": "Privacy notice"})
    translate(site_map, {"แผนผังเว็บไซต์": "Site map"})
    return index


def render(source, language="th"):
    with translation.override(language):
        return Template("{% load policy_tags %}" + source).render(Context({}))


class PolicyTreeTests(WagtailPageTestCase):
    def test_one_policies_section_under_home_holding_the_policies_and_one_site_map(self):
        self.assertAllowedParentPageTypes(PolicyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PolicyIndexPage, {PolicyPage, SiteMapPage})
        self.assertAllowedParentPageTypes(PolicyPage, {PolicyIndexPage})
        self.assertAllowedParentPageTypes(SiteMapPage, {PolicyIndexPage})
        self.assertAllowedSubpageTypes(PolicyPage, {})
        self.assertAllowedSubpageTypes(SiteMapPage, {})
        self.assertCanNotCreateAt(Page, PolicyIndexPage)
        self.assertCanNotCreateAt(HomePage, PolicyPage)


class PolicyPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            cls.index = policy_section()
        MapPageFactory(address="ถนนโกสีย์", latitude=Decimal("15.703"), longitude=Decimal("100.137"))
        cls.home = home_page()

    def test_each_kind_exists_once_and_a_second_of_a_kind_is_refused(self):
        self.assertEqual(
            sorted(
                PolicyPage.objects.filter(locale__language_code="th").values_list("kind", flat=True)
            ),
            sorted(PolicyKind.values),
        )
        self.assertFalse(SiteMapPage.can_create_at(self.index))
        self.assertFalse(PolicyIndexPage.can_create_at(self.home))
        form_class = PolicyPage.get_edit_handler().get_form_class()
        form = form_class(
            data=nested_form_data(
                {
                    "title": "นโยบายซ้ำ",
                    "slug": "duplicate",
                    "kind": PolicyKind.PRIVACY,
                    "body": streamfield([]),
                    "processing": streamfield([]),
                    "comments": inline_formset([]),
                }
            ),
            instance=PolicyPage(),
            parent_page=self.index,
            for_user=None,
        )
        self.assertFalse(form.is_valid())
        self.assertIn("kind", form.errors)

    def test_cookie_policy_lists_every_cookie_the_consent_banner_covers(self):
        response = self.client.get("/policies/cookies/")
        for category in CATEGORIES:
            self.assertContains(response, str(category.name))
            for cookie in category.cookies:
                self.assertContains(response, f"<code>{cookie.name}</code>", html=True)
        self.assertContains(response, "ไม่ใช้คุกกี้เพื่อวิเคราะห์การใช้งานหรือโฆษณา")

    def test_footer_links_every_policy_and_the_site_map_in_the_language_served(self):
        html = self.client.get("/").content.decode()
        footer = html[html.index('<nav class="site-footer__policies"') :]
        for url in ("website", "privacy", "cookies", "security", "accessibility", "site-map"):
            self.assertIn(f'href="/policies/{url}/"', footer)
        self.assertIn("ตั้งค่าคุกกี้", footer)
        english = self.client.get("/en/").content.decode()
        english_footer = english[english.index('<nav class="site-footer__policies"') :]
        self.assertIn('href="/en/policies/privacy/">Privacy notice<', english_footer)
        # Not yet translated: the Thai page at its English address, its title marked Thai.
        self.assertIn('href="/en/policies/security/" lang="th">', english_footer)

    def test_policy_url_tag_gives_the_privacy_notice_of_the_language_served(self):
        self.assertEqual(
            render('{% policy_url "privacy" as url %}[{{ url }}]'), "[/policies/privacy/]"
        )
        self.assertEqual(render('{% policy_url "privacy" %}', "en"), "/en/policies/privacy/")
        self.assertEqual(render('{% policy_url "nonsense" %}'), "")

    def test_policy_url_tag_runs_no_query_after_the_first_call(self):
        render('{% policy_url "privacy" %}')
        with self.assertNumQueries(0):
            render('{% policy_url "privacy" %}{% policy_url "cookies" %}')

    def test_unpublishing_a_policy_removes_its_link(self):
        PolicyPage.objects.get(slug="security", locale__language_code="th").unpublish()
        self.assertEqual(render('{% policy_url "security" %}'), "")
        self.assertNotContains(self.client.get("/"), 'href="/policies/security/"')

    def test_consent_banner_is_rendered_hidden_for_javascript_to_show(self):
        html = self.client.get("/").content.decode()
        banner = re.search(r"<section id=\"consent-banner\"[^>]*>", html).group(0)
        self.assertIn(" hidden", banner)
        self.assertIn(f'data-cookie="{CONSENT_COOKIE}"', banner)
        for label in ("ยอมรับทั้งหมด", "ปฏิเสธทั้งหมด", "เลือกเอง"):
            self.assertIn(label, html)
        self.assertIn('<script src="/static/js/consent.js" defer></script>', html)
        self.assertNotIn("<script>", html)
        self.assertNotIn("style=", html)

    def test_map_page_before_consent_is_a_plain_link_and_loads_nothing_from_google(self):
        response = self.client.get("/map/")
        html = response.content.decode()
        self.assertIn(
            'href="https://www.google.com/maps/search/?api=1&amp;query=15.703,100.137"', html
        )
        self.assertNotIn("<iframe", html)
        self.assertNotRegex(html, r"""(?<![-\w])src=["']https?://[^"']*google""")
        self.assertIn("ยินยอมเนื้อหาจากผู้ให้บริการภายนอก", html)

    def test_policy_pages_stay_within_the_query_budget(self):
        for url in (
            "/policies/",
            "/policies/privacy/",
            "/policies/cookies/",
            "/en/policies/privacy/",
        ):
            with self.subTest(url=url):
                self.assertLessEqual(count_queries(self.client, url), QUERY_BUDGET)


class SiteMapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        with cls.captureOnCommitCallbacks(execute=True):
            policy_section()
        cls.news = NewsIndexPageFactory(parent=cls.home, slug="news", title="ข่าวประชาสัมพันธ์")
        cls.private = NewsIndexPageFactory(parent=cls.home, slug="staff-news", title="ข่าวภายใน")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        cls.draft = NewsPage(title="ข่าวฉบับร่าง", slug="draft", live=False)
        cls.news.add_child(instance=cls.draft)

    def add_news(self, count):
        """News items until the section holds ``count`` of them."""
        existing = set(self.news.get_children().values_list("slug", flat=True))
        for n in range(count):
            if f"news-{n}" not in existing:
                NewsPageFactory(parent=self.news, slug=f"news-{n}", title=f"ข่าวที่ {n}")

    def test_site_map_lists_live_public_pages_not_drafts_or_private_sections(self):
        self.add_news(3)
        response = self.client.get("/policies/site-map/")
        self.assertContains(response, '<a href="/news/">ข่าวประชาสัมพันธ์</a>', html=True)
        self.assertContains(response, '<a href="/news/news-2/">ข่าวที่ 2</a>', html=True)
        self.assertContains(
            response, '<a href="/policies/privacy/">ประกาศความเป็นส่วนตัว</a>', html=True
        )
        self.assertNotContains(response, "ข่าวฉบับร่าง")
        self.assertNotContains(response, "ข่าวภายใน")

    def test_english_site_map_lists_the_english_tree(self):
        response = self.client.get("/en/policies/site-map/")
        self.assertContains(response, "<h1>Site map</h1>", html=True)
        self.assertContains(response, 'href="/en/policies/privacy/"')
        self.assertNotContains(response, "ข่าวประชาสัมพันธ์")

    def test_site_map_runs_the_same_queries_whatever_the_number_of_pages(self):
        self.add_news(2)
        few = count_queries(self.client, "/policies/site-map/")
        self.add_news(30)
        many = count_queries(self.client, "/policies/site-map/")
        self.assertEqual(few, many)
        self.assertLessEqual(many, QUERY_BUDGET)
        # A long section shows its first items and says how many more its own page lists.
        self.assertContains(self.client.get("/policies/site-map/"), "และอีก 10 รายการ")


class PolicyDemoTests(TestCase):
    """The demo's policy texts: the privacy notice the demo ships must say what the PDPA asks
    (the other tests of this module build their own pages)."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            policies_demo.load(translated_home())

    def test_the_demo_privacy_notice_says_what_the_pdpa_asks_in_thai_and_english(self):
        response = self.client.get("/policies/privacy/")
        self.assertContains(response, "<h1>ประกาศความเป็นส่วนตัว</h1>", html=True)
        for part, text in PRIVACY_PARTS:
            with self.subTest(part=part):
                self.assertContains(response, text)
        english = self.client.get("/en/policies/privacy/")
        self.assertContains(english, "<h1>Privacy notice</h1>", html=True)
        for text in (
            "Personal Data Protection Committee",
            "section 73",
            "5 years after the matter",
        ):
            self.assertContains(english, text)
