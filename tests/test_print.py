"""A printed page as a citizen gets it on paper: A4 portrait for notices, with the
municipality's name, the page's address, the print date and the attachments' addresses;
landscape only for the wide สขร.๑ summary and statistics tables.

The pages are laid out by WeasyPrint (already a dependency, for the yearly report) with the
site's stylesheet for print, as a browser's "print to PDF" would lay them out."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.test import TestCase
from weasyprint import CSS, HTML

from tests.factories import (
    AnnouncementPageFactory,
    CaseStatisticsPageFactory,
    DocumentFactory,
    ProcurementSummaryPageFactory,
    site_settings,
)

A4_PORTRAIT = (210, 297)
A4_LANDSCAPE = (297, 210)
MM_PER_PX = 25.4 / 96


def printed(response):
    """The page as printed: its pages' sizes in millimetres, and its text."""
    document = HTML(string=response.content.decode(), base_url="http://testserver/").render(
        stylesheets=[CSS(filename=finders.find("css/portal.css"))]
    )
    sizes = [
        (round(page.width * MM_PER_PX), round(page.height * MM_PER_PX)) for page in document.pages
    ]
    return sizes, response.content.decode()


class PrintTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.document = DocumentFactory(title="ประกาศฉบับลงนาม")
        cls.notice = AnnouncementPageFactory(
            slug="water-notice",
            title="ประกาศงดจ่ายน้ำประปา",
            attachments=[{"type": "document", "value": {"document": cls.document.pk, "title": ""}}],
        )

    def test_a_notice_prints_on_a4_portrait(self):
        sizes, _ = printed(self.client.get(self.notice.url))
        self.assertTrue(sizes)
        self.assertEqual(set(sizes), {A4_PORTRAIT})

    def test_a_printed_notice_names_the_municipality_its_address_date_and_attachments(self):
        response = self.client.get(self.notice.url)
        self.assertContains(response, '<p class="print-header__name">เทศบาลนครนครสวรรค์</p>')
        self.assertContains(response, "ที่อยู่หน้านี้: http://testserver/")
        self.assertContains(response, f"{self.notice.url}</p>")
        self.assertRegex(
            response.content.decode(), r"พิมพ์เมื่อ \d{1,2} [ก-๙]+ 25\d\d"
        )  # the Buddhist Era
        self.assertContains(
            response, f"<li>ประกาศฉบับลงนาม: http://testserver{self.document.url}</li>"
        )

    def test_print_only_parts_stay_off_the_screen(self):
        stylesheet = Path(finders.find("css/portal.css")).read_text(encoding="utf-8")
        screen_rules = stylesheet.split("@media print")[0]
        self.assertIn(".print-only { display: none; }", stylesheet)
        self.assertNotIn(".print-only { display: block; }", screen_rules)

    def test_the_summary_and_statistics_tables_print_on_landscape_pages(self):
        for page in (ProcurementSummaryPageFactory(), CaseStatisticsPageFactory()):
            with self.subTest(page=type(page).__name__):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                sizes, _ = printed(response)
                self.assertEqual(set(sizes), {A4_LANDSCAPE})
