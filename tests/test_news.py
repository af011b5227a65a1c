"""News (H2 municipal news, H3 activity news) and publications (H4)."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.test import TestCase
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news import demo as news_demo
from news.models import (
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    figure,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.factories import unit as unit_named
from tests.utils import QUERY_BUDGET, count_queries

NEWS_PAGE_TYPES = [NewsIndexPage, NewsPage, PublicationIndexPage, PublicationPage]


def card_titles(response):
    """The titles of the listing cards, in the order a citizen reads them."""
    return re.findall(r"<h3[^>]*><a href=\"[^\"]+\">([^<]+)</a></h3>", response.content.decode())


def add_news(index, slug, title, date, category=NewsCategory.MUNICIPAL, unit="clerk", **fields):
    return NewsPageFactory(
        parent=index,
        slug=slug,
        title=title,
        date=date,
        category=category,
        responsible_unit=unit_named(unit),
        **fields,
    )


class NewsTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")

    def test_indexes_go_under_the_home_page_and_hold_only_their_own_items(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, {})
        self.assertAllowedParentPageTypes(PublicationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PublicationIndexPage, {PublicationPage})
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        self.assertAllowedSubpageTypes(PublicationPage, {})

    def test_news_and_publications_cannot_be_mixed_or_put_elsewhere(self):
        self.assertCanNotCreateAt(NewsIndexPage, PublicationPage)
        self.assertCanNotCreateAt(PublicationIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(HomePage, PublicationPage)
        for model in NEWS_PAGE_TYPES:
            with self.subTest(model=model.__name__):
                self.assertCanNotCreateAt(Page, model)

    def test_each_index_exists_only_once_under_the_home_page(self):
        self.assertTrue(NewsIndexPage.can_create_at(self.home))
        NewsIndexPageFactory(parent=self.home, slug="news", title="ข่าวสาร")
        PublicationIndexPageFactory(parent=self.home, slug="publications", title="เอกสารเผยแพร่")
        self.assertFalse(NewsIndexPage.can_create_at(self.home))
        self.assertFalse(PublicationIndexPage.can_create_at(self.home))


class NewsTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            home = translated_home()
        cls.index = NewsIndexPageFactory(parent=home, slug="news", title="ข่าวสาร")
        cls.image = ImageFactory(title="ภาพข่าวน้ำหลาก", file__width=320, file__height=200)
        cls.flood = add_news(
            cls.index,
            "flood",
            "เตรียมรับมือน้ำหลากริมแม่น้ำเจ้าพระยา",
            datetime.date(2024, 3, 15),
            unit="engineering",
            listing_image=cls.image,
            body=[{"type": "paragraph", "value": "<p>ตรวจเครื่องสูบน้ำตลอดแนวตลิ่ง</p>"}],
            gallery=[figure(cls.image, "แนวกระสอบทรายชุมชนริมน้ำ")],
        )
        cls.dengue = add_news(
            cls.index,
            "dengue",
            "รณรงค์ป้องกันโรคไข้เลือดออก",
            datetime.date(2025, 1, 10),
            category=NewsCategory.ACTIVITY,
            unit="health",
        )
        cls.tax = add_news(cls.index, "tax", "เชิญชำระภาษีที่ดินและสิ่งปลูกสร้าง", datetime.date(2023, 6, 1))
        with cls.captureOnCommitCallbacks(execute=True):
            translate(cls.index, {"ข่าวสาร": "News"})
            translate(
                cls.flood,
                {
                    cls.flood.title: "Preparing for high water on the Chao Phraya",
                    "ตรวจเครื่องสูบน้ำตลอดแนวตลิ่ง": "Pumps checked all along the bank",
                    "แนวกระสอบทรายชุมชนริมน้ำ": "Sandbags in a riverside community",
                },
            )

    def test_index_lists_news_newest_first_with_date_unit_category_and_thumbnail(self):
        response = self.client.get("/news/")
        self.assertContains(response, "<h1>ข่าวสาร</h1>", html=True)
        self.assertEqual(
            card_titles(response), [p.title for p in (self.dengue, self.flood, self.tax)]
        )
        self.assertContains(response, "15 มีนาคม 2567")
        self.assertContains(response, "สำนักงานช่าง")
        self.assertContains(response, "ข่าวกิจกรรม")
        # The thumbnail repeats the title beside it: screen readers skip it.
        self.assertContains(response, 'alt="" class="card__image"', count=1)
        self.assertContains(response, "fill-480x300")

    def test_news_of_the_same_day_show_the_newest_entry_first(self):
        later = add_news(self.index, "later", "ข่าวเพิ่มเติมวันเดียวกัน", self.dengue.date)
        titles = card_titles(self.client.get("/news/"))
        self.assertEqual(titles[:2], [later.title, self.dengue.title])

    def test_filter_form_has_a_label_for_every_control_and_keeps_the_choice(self):
        response = self.client.get("/news/", {"category": "activity", "unit": "health"})
        html = response.content.decode()
        for name in ("category", "unit", "year"):
            self.assertIn(f'<label for="news-{name}">', html)
        self.assertContains(
            response, '<option value="activity" selected>ข่าวกิจกรรม</option>', html=True
        )
        self.assertContains(response, '<option value="health" selected>', html=False)
        self.assertContains(response, 'method="get"')

    def test_category_filter(self):
        response = self.client.get("/news/", {"category": "activity"})
        self.assertEqual(card_titles(response), [self.dengue.title])

    def test_unit_filter(self):
        response = self.client.get("/news/", {"unit": "engineering"})
        self.assertEqual(card_titles(response), [self.flood.title])

    def test_year_filter_takes_the_buddhist_era_in_arabic_or_thai_digits(self):
        for year in ("2567", "๒๕๖๗", " 2567 "):
            with self.subTest(year=year):
                response = self.client.get("/news/", {"year": year})
                self.assertEqual(card_titles(response), [self.flood.title])
        self.assertContains(self.client.get("/news/", {"year": "๒๕๖๗"}), 'value="2567"')

    def test_filters_combine(self):
        response = self.client.get("/news/", {"category": "municipal", "year": "2566"})
        self.assertEqual(card_titles(response), [self.tax.title])
        response = self.client.get("/news/", {"category": "activity", "unit": "engineering"})
        self.assertEqual(card_titles(response), [])
        self.assertContains(response, "ไม่พบข่าวตามเงื่อนไขที่เลือก")

    def test_bad_filter_values_are_ignored_and_never_break_the_page(self):
        everything = [p.title for p in (self.dengue, self.flood, self.tax)]
        for query in (
            {"year": "abc"},
            {"year": "99999999999999999999"},
            {"year": "1200"},
            {"unit": "nope"},
            {"category": "sports"},
            {"page": "999"},
            {"page": "abc"},
            {"page": "-1"},
            {"year": "ก" * 3000, "unit": "<script>", "category": "%00"},
        ):
            with self.subTest(query=query):
                response = self.client.get("/news/", query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(card_titles(response), everything)

    def test_listing_is_paginated_twelve_to_a_page_and_keeps_the_filters(self):
        for n in range(12):
            add_news(self.index, f"extra-{n}", f"ข่าวเพิ่ม {n}", datetime.date(2024, 5, n + 1))
        first = self.client.get("/news/", {"year": "2567"})
        self.assertEqual(len(card_titles(first)), 12)
        self.assertContains(first, "หน้า 1 จาก 2")
        self.assertContains(first, 'href="?year=2567&amp;page=2" rel="next"')
        second = self.client.get("/news/", {"year": "2567", "page": "2"})
        self.assertEqual(card_titles(second), [self.flood.title])
        self.assertContains(second, 'rel="prev"')
        # A page number past the end shows the last page rather than an error.
        self.assertEqual(
            card_titles(self.client.get("/news/", {"page": "999"}))[-1], self.tax.title
        )

    def test_news_page_shows_date_category_unit_body_and_gallery_with_alt_text(self):
        self.assertPageIsRenderable(self.flood)
        response = self.client.get("/news/flood/")
        self.assertContains(response, f"<h1>{self.flood.title}</h1>", html=True)
        self.assertContains(response, '<time datetime="2024-03-15">15 มีนาคม 2567</time>', html=True)
        self.assertContains(response, "ข่าวสารเทศบาล")
        self.assertContains(response, "สำนักงานช่าง")
        self.assertContains(response, "ตรวจเครื่องสูบน้ำตลอดแนวตลิ่ง")
        self.assertContains(response, '<h2 id="news-gallery-heading">ภาพกิจกรรม</h2>', html=True)
        # The caption says what the picture shows; an alt text saying the same is left out.
        self.assertContains(response, "<figcaption>แนวกระสอบทรายชุมชนริมน้ำ</figcaption>")
        self.assertNotContains(response, 'alt="แนวกระสอบทรายชุมชนริมน้ำ"')
        # Lazy, and up to 400 or 800 px wide as the screen needs.
        figure = r'<img alt="" [^>]*loading="lazy"[^>]*srcset="[^"]*width-400[^"]*, [^"]*width-800'
        self.assertRegex(response.content.decode(), figure)

    def test_english_pages_show_the_translation_and_common_era_dates(self):
        index = self.client.get("/en/news/")
        self.assertContains(index, '<html lang="en">')
        self.assertContains(index, "<h1>News</h1>", html=True)
        self.assertEqual(card_titles(index), ["Preparing for high water on the Chao Phraya"])
        self.assertContains(index, "15 March 2024")
        self.assertContains(index, "Engineering Office")
        page = self.client.get("/en/news/flood/")
        self.assertContains(page, "Pumps checked all along the bank")
        self.assertContains(page, "<figcaption>Sandbags in a riverside community</figcaption>")
        self.assertNotContains(page, 'alt="Sandbags in a riverside community"')

    def test_latest_gives_the_newest_news_of_a_category_or_unit_in_the_served_language(self):
        with translation.override("th"):
            self.assertEqual(list(NewsPage.latest(limit=2)), [self.dengue, self.flood])
            self.assertEqual(list(NewsPage.latest(category="municipal")), [self.flood, self.tax])
            self.assertEqual(list(NewsPage.latest(unit=unit("health"))), [self.dengue])
        with translation.override("en"):
            self.assertEqual(
                [p.title for p in NewsPage.latest()],
                ["Preparing for high water on the Chao Phraya"],
            )

    @translation.override("th")
    def test_latest_loads_units_and_thumbnails_in_bulk(self):
        for n in range(5):
            add_news(
                self.index,
                f"pic-{n}",
                f"ข่าวมีภาพ {n}",
                datetime.date(2025, 2, n + 1),
                listing_image=self.image,
            )
        self.image.get_rendition("fill-480x300")  # made once, on the first view
        list(NewsPage.latest())  # fills the cache of private sections
        with self.assertNumQueries(2):  # pages with units and images; renditions
            shown = [
                (item.responsible_unit.name, item.listing_image.get_rendition("fill-480x300").url)
                for item in NewsPage.latest(limit=5)
            ]
        self.assertEqual(len(shown), 5)

    @translation.override("th")
    def test_draft_and_private_news_stay_out_of_the_listing(self):
        draft = NewsPage(title="ข่าวฉบับร่าง", slug="draft", date=datetime.date(2025, 6, 1))
        self.index.add_child(instance=draft)
        draft.save_revision()
        NewsPage.objects.filter(pk=draft.pk).update(live=False)
        private = add_news(self.index, "private", "ข่าวเฉพาะเจ้าหน้าที่", datetime.date(2025, 6, 2))
        private.view_restrictions.create(restriction_type="login")
        titles = card_titles(self.client.get("/news/"))
        self.assertNotIn(draft.title, titles)
        self.assertNotIn(private.title, titles)
        self.assertNotIn(private, NewsPage.latest())

    def test_index_query_count_does_not_grow_with_the_news(self):
        url = "/news/?category=municipal"
        few = count_queries(self.client, url)  # 2 items
        for n in range(12):
            add_news(
                self.index,
                f"more-{n}",
                f"ข่าว {n}",
                datetime.date(2025, 3, n + 1),
                listing_image=self.image,
            )
        many = count_queries(self.client, url)  # 14 items, 12 on the page
        self.assertEqual(few, many)
        self.assertLessEqual(many, QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/news/"), QUERY_BUDGET)

    def test_news_page_stays_within_the_query_budget(self):
        self.assertLessEqual(count_queries(self.client, "/news/flood/"), QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/news/flood/"), QUERY_BUDGET)


class PublicationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            home = translated_home()
        cls.index = PublicationIndexPageFactory(
            parent=home, slug="publications", title="เอกสารเผยแพร่"
        )
        cls.cover = ImageFactory(title="ปกรายงานประจำปี", file__width=300, file__height=400)
        cls.document = DocumentFactory(title="รายงานประจำปี 2567")
        cls.report = cls.add(
            "annual-report-2567",
            "รายงานประจำปี 2567",
            PublicationKind.ANNUAL_REPORT,
            2567,
            summary="ผลการดำเนินงานตามแผนพัฒนาท้องถิ่น",
            cover_image=cls.cover,
        )
        cls.journal = cls.add(
            "journal-2568", "วารสารท้องถิ่น ฉบับที่ 1/2568", PublicationKind.LOCAL_JOURNAL, 2568
        )
        with cls.captureOnCommitCallbacks(execute=True):
            translate(cls.index, {"เอกสารเผยแพร่": "Publications"})
            translate(cls.report, {"รายงานประจำปี 2567": "Annual report 2024"})

    @classmethod
    def add(cls, slug, title, kind, year, **fields):
        return PublicationPageFactory(
            parent=cls.index,
            slug=slug,
            title=title,
            kind=kind,
            year=year,
            document=cls.document,
            responsible_unit=unit("planning"),
            **fields,
        )

    def test_index_groups_publications_by_year_newest_first(self):
        response = self.client.get("/publications/")
        self.assertContains(response, "<h1>เอกสารเผยแพร่</h1>", html=True)
        html = response.content.decode()
        self.assertLess(html.index("ปี พ.ศ. 2568</h2>"), html.index("ปี พ.ศ. 2567</h2>"))
        self.assertEqual(card_titles(response), [self.journal.title, self.report.title])
        self.assertContains(response, "รายงานประจำปี · PDF")
        self.assertContains(response, '<label for="publication-kind">')
        self.assertContains(response, '<label for="publication-year">')

    def test_index_filters_by_kind_and_year_and_ignores_bad_values(self):
        self.assertEqual(
            card_titles(self.client.get("/publications/", {"kind": "annual_report"})),
            [self.report.title],
        )
        self.assertEqual(
            card_titles(self.client.get("/publications/", {"year": "๒๕๖๘"})), [self.journal.title]
        )
        for query in ({"kind": "x"}, {"year": "abc"}, {"page": "999"}, {"year": "3000"}):
            with self.subTest(query=query):
                response = self.client.get("/publications/", query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(card_titles(response)), 2)

    def test_publication_page_shows_cover_summary_and_download_with_type_and_size(self):
        self.assertPageIsRenderable(self.report)
        response = self.client.get("/publications/annual-report-2567/")
        size = filesizeformat(self.document.file_size)
        self.assertGreater(self.document.file_size, 0)
        self.assertContains(response, f"(PDF, {size})")
        self.assertContains(response, f'href="{self.document.url}"')
        self.assertContains(response, "ผลการดำเนินงานตามแผนพัฒนาท้องถิ่น")
        self.assertContains(response, 'alt="ปกรายงานประจำปี"')
        self.assertContains(response, "ปี พ.ศ. 2567")
        download = self.client.get(self.document.url)
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download["Content-Type"], "application/pdf")

    def test_english_publication_pages(self):
        index = self.client.get("/en/publications/")
        self.assertContains(index, "<h1>Publications</h1>", html=True)
        self.assertEqual(card_titles(index), ["Annual report 2024"])
        page = self.client.get("/en/publications/annual-report-2567/")
        self.assertContains(page, "Annual report 2024")
        self.assertContains(page, f'href="{self.document.url}"')

    def test_editor_must_give_a_buddhist_era_year_and_a_document(self):
        self.report.year = 2024
        self.report.document = None
        with self.assertRaises(ValidationError) as caught:
            self.report.full_clean()
        self.assertEqual(set(caught.exception.message_dict), {"year", "document"})

    def test_a_deleted_document_leaves_the_page_readable(self):
        document = DocumentFactory(title="คู่มือที่จะถูกลบ")
        page = self.add("handbook-deleted", "คู่มือประชาชน", "citizen_handbook", 2568)
        PublicationPage.objects.filter(pk=page.pk).update(document=document)
        document.delete()
        response = self.client.get("/publications/handbook-deleted/")
        self.assertContains(response, "เอกสารนี้ยังไม่เปิดให้ดาวน์โหลด")
        self.assertEqual(self.client.get("/publications/").status_code, 200)

    def test_latest_gives_the_newest_publications(self):
        with translation.override("th"):
            self.assertEqual(list(PublicationPage.latest(limit=1)), [self.journal])
        with translation.override("en"):
            self.assertEqual([p.title for p in PublicationPage.latest()], ["Annual report 2024"])

    def test_index_query_count_does_not_grow_with_the_publications(self):
        few = count_queries(self.client, "/publications/")
        for n in range(12):
            self.add(
                f"handbook-{n}",
                f"คู่มือประชาชน {n}",
                "citizen_handbook",
                2560 + n % 5,
                cover_image=self.cover,
            )
        many = count_queries(self.client, "/publications/")
        self.assertEqual(few, many)
        self.assertLessEqual(many, QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/publications/"), QUERY_BUDGET)

    def test_publication_page_stays_within_the_query_budget(self):
        url = "/publications/annual-report-2567/"
        self.assertLessEqual(count_queries(self.client, url), QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, f"/en{url}"), QUERY_BUDGET)


class NewsDemoTests(TestCase):
    def test_demo_content_loads_twice_without_duplicates(self):
        site_settings()
        with self.captureOnCommitCallbacks(execute=True):
            home = translated_home()
            news_demo.load(home)
        counts = self.counts()
        with self.captureOnCommitCallbacks(execute=True):
            news_demo.load(home)
        self.assertEqual(self.counts(), counts)
        thai = counts["th"]
        self.assertEqual(thai["news"], 15)
        self.assertGreaterEqual(thai["municipal"], 7)
        self.assertGreaterEqual(thai["activity"], 6)
        self.assertEqual(thai["publications"], 6)
        self.assertEqual(
            set(PublicationPage.objects.values_list("kind", flat=True)), set(PublicationKind.values)
        )
        self.assertGreaterEqual(counts["en"]["news"], 3)
        self.assertGreaterEqual(counts["en"]["publications"], 2)
        self.assertTrue(
            all(p.listing_image_id and len(p.gallery) >= 2 for p in NewsPage.objects.all())
        )
        self.assertEqual(self.client.get("/news/").status_code, 200)
        self.assertContains(self.client.get("/en/news/"), "<h1>News</h1>", html=True)
        self.assertContains(self.client.get("/publications/"), "รายงานประจำปี 2567")

    def counts(self):
        result = {"images": get_image_model().objects.count()}
        result["documents"] = get_document_model().objects.count()
        for code in ("th", "en"):
            news = NewsPage.objects.live().filter(locale__language_code=code)
            result[code] = {
                "news": news.count(),
                "municipal": news.filter(category="municipal").count(),
                "activity": news.filter(category="activity").count(),
                "publications": PublicationPage.objects.live()
                .filter(locale__language_code=code)
                .count(),
                "indexes": NewsIndexPage.objects.filter(locale__language_code=code).count()
                + PublicationIndexPage.objects.filter(locale__language_code=code).count(),
            }
        return result
