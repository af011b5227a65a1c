"""The about section: basic information (B1, B2), history (HI1, HI2), vision (V1–V4), map (M1)."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.test import TestCase
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from about import demo as about_demo
from about.models import BasicInformationPage, HistoryPage, MapPage, VisionPage
from home.models import HomePage
from ownership.models import Office
from tests.factories import (
    BasicInformationPageFactory,
    DepartmentPageFactory,
    HistoryPageFactory,
    ImageFactory,
    MapPageFactory,
    Unit,
    UnitFactory,
    VisionPageFactory,
    paragraph,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.utils import QUERY_BUDGET, count_queries

ABOUT_PAGES = [BasicInformationPage, HistoryPage, VisionPage, MapPage]
VISION = "คนสุขภาพดี การศึกษาได้มาตรฐาน รักษาสิ่งแวดล้อม เป็นเมืองน่าอยู่ ชูเศรษฐกิจพอเพียง"


def section(html, element_id):
    """The HTML inside the <section> labelled by ``element_id``, nested sections included."""
    start = html.index(f'<section aria-labelledby="{element_id}">')
    depth = 0
    for tag in re.finditer(r"<(/?)section\b", html[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start : start + tag.start()]
    raise AssertionError(f"unclosed section {element_id}")


class AboutTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")

    def test_each_about_page_goes_directly_under_the_home_page_and_has_no_children(self):
        for model in ABOUT_PAGES:
            with self.subTest(model=model.__name__):
                self.assertCanCreateAt(HomePage, model)
                self.assertAllowedParentPageTypes(model, {HomePage})
                self.assertAllowedSubpageTypes(model, {})
                self.assertCanNotCreateAt(Page, model)

    def test_an_about_page_cannot_go_under_another_about_page(self):
        for parent in ABOUT_PAGES:
            for child in ABOUT_PAGES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    self.assertCanNotCreateAt(parent, child)

    def test_each_about_page_exists_only_once_under_the_home_page(self):
        VisionPageFactory(parent=self.home, slug="vision", title="วิสัยทัศน์", vision=VISION)
        self.assertFalse(VisionPage.can_create_at(self.home))
        self.assertTrue(MapPage.can_create_at(self.home))


class BasicInformationPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = {
            "size_and_location": "<p>เทศบาลนครนครสวรรค์มีพื้นที่ 27.87 ตารางกิโลเมตร</p>",
            "boundaries": "<ul><li>ทิศเหนือ ติดต่อตำบลนครสวรรค์ออก</li></ul>",
            "geography": "<p>ตั้งอยู่ที่แม่น้ำปิงและแม่น้ำน่านไหลมาบรรจบกัน</p>",
            "climate": "<p>อากาศร้อนชื้น</p>",
            "tourist_attractions": "<ul><li>อุทยานสวรรค์</li></ul>",
            "arts_and_culture": "<p>ประเพณีแห่เจ้าพ่อเจ้าแม่ปากน้ำโพ</p>",
            "recreation": "<ul><li>สวนสาธารณะริมน้ำ</li></ul>",
            "legislative_branch": "<p>สภาเทศบาลนครนครสวรรค์มีสมาชิก 24 คน</p>",
            "executive_branch": "<p>นายกเทศมนตรีและรองนายกเทศมนตรี</p>",
        }
        cls.page = BasicInformationPageFactory(responsible_unit=unit("planning"), **sections)
        with cls.captureOnCommitCallbacks(execute=True):
            translate(
                cls.page,
                {
                    "ข้อมูลพื้นฐาน": "Basic information",
                    "ตั้งอยู่ที่แม่น้ำปิงและแม่น้ำน่านไหลมาบรรจบกัน": (
                        "It lies where the Ping and Nan rivers meet"
                    ),
                    "สภาเทศบาลนครนครสวรรค์มีสมาชิก 24 คน": (
                        "The Nakhon Sawan City Council has 24 members"
                    ),
                },
            )

    def test_thai_page_shows_a_table_of_contents_of_the_sections_it_has(self):
        response = self.client.get("/basic-information/")
        self.assertContains(response, "<h1>ข้อมูลพื้นฐาน</h1>", html=True)
        toc = re.search(r'<nav class="about-toc".*?</nav>', response.content.decode(), re.S)
        for anchor, heading in [
            ("size-and-location", "ขนาดและที่ตั้ง"),
            ("boundaries", "อาณาเขต"),
            ("geography", "สภาพภูมิประเทศและทรัพยากรธรรมชาติ"),
            ("climate", "ภูมิอากาศ"),
            ("tourist-attractions", "สถานที่ท่องเที่ยวที่สำคัญ"),
            ("arts-and-culture", "ศิลปวัฒนธรรมท้องถิ่น"),
            ("recreation", "สถานที่พักผ่อนหย่อนใจ"),
            ("legislative-branch", "ฝ่ายนิติบัญญัติ"),
            ("executive-branch", "ฝ่ายบริหาร"),
            ("units", "หน่วยงานในสังกัด"),
        ]:
            with self.subTest(anchor=anchor):
                self.assertIn(f'<a href="#{anchor}">{heading}</a>', toc.group(0))
                self.assertContains(response, f'<h3 id="{anchor}">{heading}</h3>', html=True)
        self.assertContains(response, "27.87 ตารางกิโลเมตร")
        self.assertContains(response, "แห่เจ้าพ่อเจ้าแม่ปากน้ำโพ")

    def test_empty_sections_are_left_out_of_the_page_and_its_table_of_contents(self):
        self.page.climate = ""
        self.page.save_revision().publish()
        response = self.client.get("/basic-information/")
        self.assertNotContains(response, 'href="#climate"')
        self.assertNotContains(response, 'id="climate"')
        self.assertContains(response, 'href="#boundaries"')

    def test_units_are_listed_from_the_unit_data_in_each_language(self):
        UnitFactory(name="สำนักงานทดสอบใหม่", name_en="New Test Office", slug="new-test")
        clerk_page = DepartmentPageFactory(unit=unit("clerk"))
        thai = section(self.client.get("/basic-information/").content.decode(), "units")
        self.assertEqual(thai.count("<li>"), Unit.objects.count())
        # A unit with a page links to it (B2 names the units; each unit page tells more).
        self.assertIn(f'<li><a href="{clerk_page.url}">สำนักปลัดเทศบาล</a></li>', thai)
        self.assertIn("<li>สำนักงานทดสอบใหม่</li>", thai)
        self.assertIn("หน่วยตรวจสอบภายใน", thai)  # the unit the notice names
        english = section(self.client.get("/en/basic-information/").content.decode(), "units")
        self.assertIn("Office of the Municipal Clerk", english)
        self.assertIn("<li>New Test Office</li>", english)
        self.assertIn("Internal Audit Unit", english)

    def test_english_page_shows_the_translated_texts(self):
        response = self.client.get("/en/basic-information/")
        self.assertContains(response, "<h1>Basic information</h1>", html=True)
        self.assertContains(response, "where the Ping and Nan rivers meet")
        self.assertContains(response, "The Nakhon Sawan City Council has 24 members")

    def test_page_stays_within_the_query_budget_however_many_units_there_are(self):
        nine_units = count_queries(self.client, "/basic-information/")
        self.assertLessEqual(nine_units, QUERY_BUDGET)
        for number in range(1, 4):
            UnitFactory(name=f"หน่วยงานใหม่ {number}", slug=f"new-{number}")
        self.assertEqual(count_queries(self.client, "/basic-information/"), nine_units)
        self.assertLessEqual(count_queries(self.client, "/en/basic-information/"), QUERY_BUDGET)


class HistoryPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        photo = ImageFactory(title="อาคารสำนักงานเทศบาล")
        alt = "ด้านหน้าอาคารสำนักงานเทศบาลนครนครสวรรค์"
        history = "<p>พ.ศ. 2538 ยกฐานะเป็นเทศบาลนครนครสวรรค์</p>"
        cls.page = HistoryPageFactory(
            responsible_unit=unit("clerk"),
            body=[
                paragraph(history),
                {
                    "type": "figure",
                    "value": {
                        "image": {"image": photo.pk, "decorative": False, "alt_text": alt},
                        "caption": photo.title,
                    },
                },
            ],
        )
        Office.objects.create(unit=unit("finance"), floor=1, room="101–103", sort_order=1)
        Office.objects.create(
            name="ห้องประชุมสภาเทศบาล", name_en="Council chamber", floor=2, room="201", sort_order=2
        )
        Office.objects.create(unit=unit("engineering"), floor=3, room="301", sort_order=3)
        Office.objects.create(name="ห้องนายกเทศมนตรี", floor=4, room="401", sort_order=4)
        with cls.captureOnCommitCallbacks(execute=True):
            translate(
                cls.page,
                {
                    "ประวัติความเป็นมา": "History",
                    "พ.ศ. 2538 ยกฐานะเป็นเทศบาลนครนครสวรรค์": (
                        "The town was raised to city municipality status in 1995"
                    ),
                },
            )

    def test_thai_page_shows_the_history_and_a_table_per_floor(self):
        response = self.client.get("/history/")
        self.assertContains(response, "<h1>ประวัติความเป็นมา</h1>", html=True)
        self.assertContains(response, "ยกฐานะเป็นเทศบาลนครนครสวรรค์")
        self.assertContains(response, 'alt="ด้านหน้าอาคารสำนักงานเทศบาลนครนครสวรรค์"')
        directory = section(response.content.decode(), "building-directory")
        self.assertEqual(directory.count("<table>"), 4)
        self.assertEqual(directory.count('<th scope="col">หน่วยงาน / ห้อง</th>'), 4)
        self.assertEqual(directory.count('<th scope="col">ที่ตั้ง</th>'), 4)
        self.assertIn("<h3>อาคารสำนักงานเทศบาล</h3>", directory)
        self.assertIn("<caption>ชั้น 1</caption>", directory)
        self.assertIn("<caption>ชั้น 4</caption>", directory)
        self.assertRegex(
            directory,
            r'<th scope="row">สำนักงานคลัง</th>\s*<td>อาคารสำนักงานเทศบาล ชั้น 1 ห้อง 101–103</td>',
        )

    def test_english_page_shows_translated_history_and_directory(self):
        response = self.client.get("/en/history/")
        self.assertContains(response, "<h1>History</h1>", html=True)
        self.assertContains(response, "raised to city municipality status in 1995")
        self.assertContains(response, "<caption>Floor 2</caption>", html=True)
        self.assertContains(response, '<th scope="row">Council chamber</th>', html=True)
        self.assertContains(
            response, "<td>Municipal office building, floor 1, room 101–103</td>", html=True
        )

    def test_page_stays_within_the_query_budget(self):
        self.assertLessEqual(count_queries(self.client, "/history/"), QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/history/"), QUERY_BUDGET)


def items(*texts):
    return [{"type": "item", "value": text} for text in texts]


class VisionPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        strategies = ["ด้านการสาธารณสุขและสิ่งแวดล้อม", *(f"ยุทธศาสตร์ที่ {n}" for n in (2, 3, 4, 5))]
        cls.page = VisionPageFactory(
            title="วิสัยทัศน์และยุทธศาสตร์",
            responsible_unit=unit("planning"),
            vision=VISION,
            strategies=items(*strategies, "ด้านการบริหารจัดการที่ดี"),
            missions=items("ส่งเสริมสุขภาพของประชาชน", *(f"พันธกิจที่ {n}" for n in range(2, 8))),
            goals=items(*(f"จุดมุ่งหมายที่ {n}" for n in range(1, 7))),
        )
        with cls.captureOnCommitCallbacks(execute=True):
            translate(
                cls.page,
                {
                    "วิสัยทัศน์และยุทธศาสตร์": "Vision and strategy",
                    VISION: "Healthy people, education up to standard, a liveable city",
                    "ส่งเสริมสุขภาพของประชาชน": "Promote people's health",
                    "ด้านการบริหารจัดการที่ดี": "Good governance",
                },
            )

    def test_thai_page_shows_the_vision_verbatim_and_numbered_lists(self):
        response = self.client.get("/vision/")
        html = response.content.decode()
        self.assertContains(response, f"<p>{VISION}</p>", html=True)
        for element_id, count in [("strategies", 6), ("missions", 7), ("goals", 6)]:
            with self.subTest(list=element_id):
                part = section(html, element_id)
                self.assertEqual(part.count("<ol"), 1)
                self.assertEqual(part.count("<li>"), count)
        strategies = section(html, "strategies")
        self.assertIn("<li>ด้านการสาธารณสุขและสิ่งแวดล้อม</li>", strategies)
        self.assertIn("<li>ด้านการบริหารจัดการที่ดี</li>", strategies)

    def test_english_page_shows_the_translated_vision_and_lists(self):
        response = self.client.get("/en/vision/")
        html = response.content.decode()
        self.assertContains(response, "<h1>Vision and strategy</h1>", html=True)
        self.assertContains(response, "Healthy people, education up to standard")
        self.assertIn("<li>Promote people&#x27;s health", section(html, "missions"))
        self.assertIn("<li>Good governance</li>", section(html, "strategies"))
        self.assertEqual(section(html, "goals").count("<li>"), 6)

    def test_page_stays_within_the_query_budget(self):
        self.assertLessEqual(count_queries(self.client, "/vision/"), QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/vision/"), QUERY_BUDGET)


class MapPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        address = "329 ถนนโกสีย์ ตำบลปากน้ำโพ อำเภอเมืองนครสวรรค์"
        cls.page = MapPageFactory(
            title="แผนที่ตั้ง",
            responsible_unit=unit("clerk"),
            address=address,
            latitude=Decimal("15.703"),
            longitude=Decimal("100.137"),
        )
        with cls.captureOnCommitCallbacks(execute=True):
            translate(
                cls.page,
                {"แผนที่ตั้ง": "Location map", address: "329 Kosi Road, Pak Nam Pho, Mueang"},
            )

    def test_thai_page_links_to_google_maps_without_loading_google(self):
        response = self.client.get("/map/")
        self.assertContains(response, "<h1>แผนที่ตั้ง</h1>", html=True)
        self.assertContains(response, "ถนนโกสีย์")
        self.assertContains(
            response,
            'href="https://www.google.com/maps/search/?api=1&amp;query=15.703,100.137"',
        )
        self.assertNotContains(response, "<iframe")
        # The click-to-load map waits, hidden, for the script; the script comes from the site.
        self.assertContains(
            response, 'data-map-src="https://www.google.com/maps?q=15.703,100.137&amp;output=embed"'
        )
        self.assertContains(response, "แสดงแผนที่ Google")
        self.assertContains(response, '<script src="/static/about/map.js" defer></script>')
        self.assertRegex(response.content.decode(), r"<div class=\"about-map\"[^>]* hidden>")
        # The site's CSP lets the map into a frame once it is asked for.
        frame_src = next(
            directive
            for directive in response["Content-Security-Policy"].split(";")
            if directive.strip().startswith("frame-src")
        )
        self.assertIn("https://www.google.com", frame_src)

    def test_english_page_shows_the_english_address_and_the_same_link(self):
        response = self.client.get("/en/map/")
        self.assertContains(response, "<h1>Location map</h1>", html=True)
        self.assertContains(response, "Kosi Road")
        self.assertContains(response, "query=15.703,100.137")
        self.assertNotContains(response, "<iframe")

    def test_coordinates_out_of_range_are_refused(self):
        for latitude, longitude in [("91", "100.137"), ("-90.5", "100"), ("15.7", "180.1")]:
            with self.subTest(latitude=latitude, longitude=longitude):
                self.page.latitude = Decimal(latitude)
                self.page.longitude = Decimal(longitude)
                with self.assertRaises(ValidationError) as caught:
                    self.page.full_clean()
                self.assertTrue({"latitude", "longitude"} & caught.exception.message_dict.keys())

    def test_page_stays_within_the_query_budget(self):
        self.assertLessEqual(count_queries(self.client, "/map/"), QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/map/"), QUERY_BUDGET)


class AboutDemoTests(TestCase):
    """The about section's demo loader (the rest of this module builds its own pages)."""

    def test_loading_the_demo_twice_creates_no_duplicates(self):
        site_settings()
        with self.captureOnCommitCallbacks(execute=True):
            home = translated_home()
        for _run in range(2):
            with self.captureOnCommitCallbacks(execute=True):
                about_demo.load(home)
        for model in ABOUT_PAGES:
            with self.subTest(model=model.__name__):
                self.assertEqual(model.objects.filter(locale__language_code="th").count(), 1)
                self.assertEqual(model.objects.filter(locale__language_code="en").count(), 1)
                self.assertEqual(model.objects.live().count(), 2)
        self.assertEqual(
            self.client.get("/en/basic-information/").status_code, 200, "English page is live"
        )
