"""The home page, the main menu, the H1 information pages and the complaint-channels page (H6)."""

import datetime

from django.test import TestCase
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from home import demo as home_demo
from home.models import ChannelsPage, HomePage, InformationPage
from news.models import AnnouncementPage, NewsCategory
from tests.factories import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    ChannelsPageFactory,
    ComplaintPageFactory,
    DocumentFactory,
    ImageFactory,
    InformationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    home_page,
    hotline,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.utils import QUERY_BUDGET, count_queries


def fiscal_year(year, *documents):
    """A block of the documents of one fiscal year."""
    return (
        "fiscal_year",
        {"fiscal_year": year, "documents": [{"document": d, "title": ""} for d in documents]},
    )


class HomeSectionTests(WagtailPageTestCase):
    """The main menu's policy, budget and structure pages, in the notice's order, and the
    complaint channels page; each in Thai and English."""

    @classmethod
    def setUpTestData(cls):
        site_settings(
            app_name="NSM Smart City",
            app_url="https://example.org/app",
            hotlines=[
                hotline("ศูนย์รับเรื่องร้องเรียน", "Complaints centre", "0 5621 9555"),
                hotline("เหตุเพลิงไหม้และกู้ภัย", "Fire and rescue", "199"),
            ],
        )
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()
            pages = [
                ("policy", "นโยบายการบริหาร", "Policy", []),
                (
                    "budget",
                    "งบประมาณ",
                    "Budget",
                    [
                        fiscal_year(2569, DocumentFactory(title="เทศบัญญัติงบประมาณ พ.ศ. 2569")),
                        fiscal_year(2568, DocumentFactory(title="เทศบัญญัติงบประมาณ พ.ศ. 2568")),
                    ],
                ),
                ("structure", "โครงสร้างการบริหารงาน", "Structure", []),
            ]
            for slug, title, title_en, documents in pages:
                page = InformationPageFactory(
                    slug=slug,
                    title=title,
                    show_in_menus=True,
                    responsible_unit=unit("planning"),
                    documents=documents,
                )
                translate(page, {title: title_en})
            channels = ChannelsPageFactory(
                slug="complaint-channels", title="ช่องทางร้องเรียน", responsible_unit=unit("clerk")
            )
            translate(channels, {"ช่องทางร้องเรียน": "Complaint channels"})
        cls.home = home_page()  # with its children counted

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(InformationPage, {HomePage})
        self.assertAllowedSubpageTypes(InformationPage, {})
        self.assertAllowedSubpageTypes(ChannelsPage, {})
        self.assertCanNotCreateAt(InformationPage, InformationPage)
        self.assertCanNotCreateAt(Page, ChannelsPage)

    def test_only_one_channels_page_per_home(self):
        self.assertFalse(ChannelsPage.can_create_at(self.home))

    def test_budget_page_shows_documents_grouped_by_fiscal_year(self):
        response = self.client.get("/budget/")
        self.assertContains(response, "<h1>งบประมาณ</h1>", html=True)
        content = response.content.decode()
        self.assertLess(content.index("ปีงบประมาณ 2569"), content.index("ปีงบประมาณ 2568"))
        self.assertContains(response, "เทศบัญญัติงบประมาณ พ.ศ. 2569")
        self.assertContains(response, "(PDF, ")
        self.assertContains(response, "กองวิชาการและแผนงาน")

    def test_information_pages_render_in_english(self):
        response = self.client.get("/en/budget/")
        self.assertContains(response, "<h1>Budget</h1>", html=True)
        self.assertContains(response, "Fiscal year 2569")
        self.assertContains(response, "Academic Affairs and Planning Division")

    def test_main_menu_groups_the_sections_and_keeps_the_notice_order(self):
        content = self.client.get("/").content.decode()
        nav = content[content.index('class="main-nav"') : content.index("</nav>")]
        # The tasks in view: contact (the channels page) among them, with a short label.
        self.assertInHTML('<a href="/complaint-channels/">ติดต่อ</a>', nav)
        # The whole menu behind a button that says it is closed, the H1 items in order.
        self.assertIn('aria-expanded="false" aria-controls="main-menu"', nav)
        self.assertIn('id="main-menu" class="main-nav__panel" hidden', nav)
        panel = nav[nav.index('id="main-menu"') :]
        positions = [panel.index(f'href="/{slug}/"') for slug in ("policy", "budget", "structure")]
        self.assertEqual(positions, sorted(positions))
        self.assertLess(panel.index("ร้องเรียนและติดต่อ"), panel.index("ข้อมูลการบริหาร"))
        self.assertLess(panel.index("ข้อมูลการบริหาร"), panel.index('href="/policy/"'))
        english = self.client.get("/en/").content.decode()
        self.assertIn(">Contact</a>", english[english.index('class="main-nav"') :])

    def test_home_ends_with_every_section_and_the_channels(self):
        content = self.client.get("/").content.decode()
        sections = content[content.index('id="sections-heading"') :]
        for slug in ("policy", "budget", "structure", "complaint-channels"):
            self.assertIn(f'href="/{slug}/"', sections)
        self.assertIn('href="tel:056219555"', content[: content.index('id="sections-heading"')])

    def test_consent_banner_comes_after_the_menu_and_before_the_content(self):
        content = self.client.get("/budget/").content.decode()
        order = [
            content.index('class="skip-link"'),
            content.index('class="main-nav"'),
            content.index('id="consent-banner"'),
            content.index('<main id="main"'),
        ]
        self.assertEqual(order, sorted(order))

    def test_channels_page_lists_the_channels_from_the_site_setting(self):
        response = self.client.get("/complaint-channels/")
        self.assertContains(response, "ศูนย์รับเรื่องร้องเรียน")
        self.assertContains(response, 'href="tel:056219555"')
        self.assertContains(response, "NSM Smart City")
        english = self.client.get("/en/complaint-channels/")
        self.assertContains(english, "<h1>Complaint channels</h1>", html=True)
        self.assertContains(english, "Fire and rescue")

    def test_new_page_starts_with_its_parents_unit(self):
        budget = InformationPage.objects.get(slug="budget", locale__language_code="th")
        form_class = InformationPage.get_edit_handler().get_form_class()
        form = form_class(instance=InformationPage(), parent_page=budget)
        self.assertEqual(form.fields["responsible_unit"].initial, budget.responsible_unit_id)

    def test_pages_stay_within_the_query_budget(self):
        for url in ("/budget/", "/structure/", "/complaint-channels/", "/en/budget/"):
            with self.subTest(url=url):
                self.assertLessEqual(count_queries(self.client, url), QUERY_BUDGET)


class HomeDemoTests(TestCase):
    def test_loading_twice_creates_no_duplicates(self):
        site_settings()
        with self.captureOnCommitCallbacks(execute=True):
            home = translated_home()
            home_demo.load(home)
        count = Page.objects.count()
        with self.captureOnCommitCallbacks(execute=True):
            home_demo.load(home)
        self.assertEqual(Page.objects.count(), count)
        self.assertEqual(InformationPage.objects.filter(locale__language_code="th").count(), 7)


class HomeListingTests(TestCase):
    """The home page leads with what citizens come for: the newest notices and procurement
    notices side by side, news with pictures; in a fixed number of queries."""

    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()
        cls.news_index = NewsIndexPageFactory(parent=cls.home, slug="news", title="ข่าวสาร")
        cls.notices = AnnouncementIndexPageFactory(
            parent=cls.home, slug="announcements", title="ประกาศ"
        )
        cls.add_items(0, 2)

    @classmethod
    def add_items(cls, start, count):
        image = ImageFactory(title="ภาพข่าว", file__width=320, file__height=200)
        for n in range(start, start + count):
            day = datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
            for category in NewsCategory.values:
                NewsPageFactory(
                    parent=cls.news_index,
                    slug=f"{category}-{n}",
                    title=f"ข่าว {category} ลำดับ {n}",
                    date=day,
                    category=category,
                    listing_image=image,
                )
            for kind in ("council", "recruitment", "procurement", "winner"):
                AnnouncementPageFactory(
                    parent=cls.notices,
                    slug=f"{kind}-{n}",
                    title=f"ประกาศ {kind} ลำดับ {n}",
                    date=day,
                    kind=kind,
                )

    def section(self, heading_id):
        """The text of the home page's section under the heading ``heading_id``."""
        content = self.client.get("/").content.decode()
        start = content.index(f'id="{heading_id}"')
        return content[start : content.index("</section>", start)]

    def test_newest_notices_and_procurement_side_by_side(self):
        notices = self.section("announcements-heading")
        self.assertIn("ประกาศ council ลำดับ 1", notices)
        self.assertIn("ประกาศการประชุมสภาเทศบาล", notices)  # the kind, under the title
        self.assertNotIn("ประกาศ procurement", notices)
        self.assertIn('href="/announcements/"', notices)
        procurement = self.section("procurement-heading")
        self.assertIn("ประกาศ winner ลำดับ 1", procurement)
        self.assertIn("ประกาศผู้ชนะการเสนอราคา", procurement)
        self.assertNotIn("ประกาศ council", procurement)
        self.assertLess(procurement.index("ลำดับ 1"), procurement.index("ประกาศ procurement ลำดับ 0"))

    def test_at_most_five_of_each_and_four_news(self):
        self.add_items(2, 4)
        notices = self.section("announcements-heading")
        self.assertEqual(notices.count("<li>"), 5)
        self.assertNotIn("ลำดับ 2<", notices)
        self.assertEqual(self.section("procurement-heading").count("<li>"), 5)
        news = self.section("news-heading")
        self.assertEqual(news.count('class="card"'), 4)
        self.assertIn("ข่าว activity ลำดับ 5", news)
        self.assertIn('loading="lazy"', news)  # below the first screen

    def test_tasks_and_newest_notices_come_before_the_news(self):
        content = self.client.get("/").content.decode()
        order = [
            content.index("<h1"),
            content.index('id="tasks-heading"'),
            content.index('id="announcements-heading"'),
            content.index('id="news-heading"'),
            content.index('id="sections-heading"'),
        ]
        self.assertEqual(order, sorted(order))
        self.assertIn('<a href="/news/">ข่าวสาร</a>', self.section("tasks-heading"))

    def test_a_citizen_finds_the_complaint_lookup_among_the_tasks(self):
        with self.captureOnCommitCallbacks(execute=True):
            complaints = ComplaintPageFactory(parent=self.home)
            translate(complaints, {"ร้องเรียน/ร้องทุกข์": "Complaints"})
        tasks = self.section("tasks-heading")
        self.assertIn('<a href="/complaints/">ร้องเรียน/ร้องทุกข์</a>', tasks)
        self.assertIn('<a href="/complaints/track/">ติดตามเรื่องร้องเรียน</a>', tasks)
        self.assertLess(tasks.index('"/complaints/"'), tasks.index('"/complaints/track/"'))
        lookup = self.client.get("/complaints/track/")
        self.assertContains(lookup, "<h1>ติดตามเรื่องร้องเรียน</h1>", html=True)
        english = self.client.get("/en/")
        self.assertContains(english, '<a href="/en/complaints/track/">Follow a complaint</a>')
        self.assertEqual(self.client.get("/en/complaints/track/").status_code, 200)

    def test_a_private_notice_is_not_listed(self):
        private = AnnouncementPage.objects.get(slug="council-1")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        notices = self.section("announcements-heading")
        self.assertNotIn("ประกาศ council ลำดับ 1", notices)
        self.assertIn("ประกาศ council ลำดับ 0", notices)

    def test_query_count_does_not_grow_with_the_number_of_items(self):
        few = count_queries(self.client, "/")
        self.add_items(2, 6)
        self.assertEqual(count_queries(self.client, "/"), few)
        self.assertLessEqual(few, QUERY_BUDGET)
