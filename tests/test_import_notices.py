"""``manage.py import_notices``: moving the old site's notices in from a CSV file."""

import csv
import datetime
import io
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models.functions import Length
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from modelsearch.conf import get_app_config
from wagtail.actions.move_page import MovePageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.models import HomePage
from imports.files import COLLECTION
from imports.models import ImportedNotice
from imports.writer import IMPORTED
from news.models import AnnouncementPage, NewsPage
from oversight import annual, content_checks
from oversight.models import FindingKind, Severity, severity_of
from ownership.models import PageUnit
from pagecache.version import database_version
from procurement.models import ProcurementMethod, ProcurementNoticePage
from tests.factories import NewsIndexPageFactory, unit
from tests.moderation_support import sign_in
from tests.test_announcements import announcements_index
from tests.test_schools import add_school, school_index
from thai.dates import fiscal_year
from thai.text import slug

Document = get_document_model()
HEADER = ["source_id", "kind", "title", "body", "published", "department", "school"]
STRUCTURED = ["budget", "method", "winner_name", "agreed_price"]


def row(
    source_id, kind, title, published="2567-03-15", department="สำนักงานช่าง", school="", **extra
):
    return {
        "source_id": source_id,
        "kind": kind,
        "title": title,
        "body": extra.pop("body", "เนื้อหาประกาศ"),
        "published": published,
        "department": department,
        "school": school,
        **extra,
    }


class ImportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.announcements = announcements_index(home)
        cls.news = NewsIndexPageFactory(
            parent=home, slug="news", title="ข่าวสาร", responsible_unit=unit("clerk")
        )
        schools = school_index(home)
        cls.school1 = add_school(schools, 1, "ท.๑", "โรงเรียนเทศบาลวัดไทรใต้")
        cls.school2 = add_school(schools, 2, "ท.๒", "โรงเรียนเทศบาลวัดปากน้ำโพใต้")

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)

    def csv_file(self, rows, header=HEADER + STRUCTURED, name="notices.csv", encoding="utf-8-sig"):
        path = self.folder / name
        with open(path, "w", encoding=encoding, newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, restval="")
            writer.writeheader()
            writer.writerows(rows)
        return str(path)

    def run_import(self, path, *options):
        """``(output, error)`` of the command; ``error`` is its CommandError or None."""
        out = io.StringIO()
        try:
            call_command("import_notices", path, *options, stdout=out)
        except CommandError as error:
            return out.getvalue(), error
        return out.getvalue(), None

    def imported(self, source_id):
        return ImportedNotice.objects.get(source_id=source_id).page.specific


class ImportCreatesPagesTests(ImportTestCase):
    ROWS = [
        row(
            "p-1",
            "procurement",
            "ประกวดราคาจ้างก่อสร้างถนน ซอยมาตุลี ๑๒",
            budget="4,850,000.00",
            method="e-bidding",
        ),
        row(
            "w-1",
            "winner",
            "ประกาศผู้ชนะการเสนอราคา ซื้อวัสดุสำนักงาน",
            budget="๘๕๐๐๐",
            method="วิธีเฉพาะเจาะจง",
            winner_name="ร้านนครสวรรค์พาณิชย์",
            agreed_price="84,500 บาท",
        ),
        row("c-1", "council", "ประกาศเรียกประชุมสภาเทศบาล สมัยสามัญ", department="สำนักปลัดเทศบาล"),
        row(
            "r-1",
            "recruitment",
            "ประกาศรับสมัครพนักงานจ้าง",
            department="สำนักงานการสาธารณสุขและสิ่งแวดล้อม",
        ),
        row("o-1", "other", "ประกาศงดจ่ายน้ำประปาชั่วคราว", department="สำนักงานการประปา"),
        row("n-1", "news", "เทศบาลจัดงานวันเด็กแห่งชาติ", department=""),
        row("a-1", "activity", "กิจกรรมปลูกต้นไม้ริมแม่น้ำเจ้าพระยา", department="กองสวัสดิการสังคม"),
        row(
            "s-1",
            "procurement",
            "ซื้ออาหารเสริม (นม) โรงเรียน",
            department="",
            school="ท.๑",
            budget="412000",
        ),
        row(
            "s-2",
            "winner",
            "ประกาศผู้ชนะ ซื้อโต๊ะเรียน",
            school="ท.2",
            department="สำนักงานการศึกษา",
            budget="50000",
            winner_name="ร้านครุภัณฑ์",
            agreed_price="49000",
        ),
    ]

    def test_each_kind_becomes_its_page_type_under_its_index_or_school_as_a_draft(self):
        output, error = self.run_import(self.csv_file(self.ROWS))
        self.assertIsNone(error, output)
        self.assertIn("สร้างใหม่ 9", output)
        expected = {
            "p-1": (ProcurementNoticePage, self.announcements),
            "w-1": (ProcurementNoticePage, self.announcements),
            "c-1": (AnnouncementPage, self.announcements),
            "r-1": (AnnouncementPage, self.announcements),
            "o-1": (AnnouncementPage, self.announcements),
            "n-1": (NewsPage, self.news),
            "a-1": (NewsPage, self.news),
            "s-1": (ProcurementNoticePage, self.school1),
            "s-2": (ProcurementNoticePage, self.school2),
        }
        for source_id, (model, parent) in expected.items():
            with self.subTest(source_id=source_id):
                page = self.imported(source_id)
                self.assertIs(type(page), model)
                self.assertEqual(page.get_parent().pk, parent.pk)
                self.assertFalse(page.live)
                self.assertEqual(page.date, datetime.date(2024, 3, 15))
        self.assertEqual(self.imported("c-1").kind, "council")
        self.assertEqual(self.imported("o-1").responsible_unit.slug, "waterworks")
        # The stored owner (ownership.PageUnit) is written for imported pages too.
        owners = dict(
            PageUnit.objects.filter(page__in=ImportedNotice.objects.values("page_id")).values_list(
                "page_id", "unit__slug"
            )
        )
        self.assertEqual(owners[self.imported("o-1").pk], "waterworks")
        self.assertEqual(owners[self.imported("s-1").pk], "education")
        self.assertEqual(len(owners), 9)
        self.assertEqual(self.imported("n-1").category, "municipal")
        self.assertEqual(self.imported("a-1").category, "activity")
        # An empty department: the parent's unit, as for a page made in the editor.
        self.assertEqual(self.imported("n-1").responsible_unit.slug, "clerk")
        self.assertEqual(self.imported("s-1").responsible_unit.slug, "education")
        self.assertEqual(self.imported("p-1").fiscal_year, 2567)

    def test_structured_procurement_columns_are_stored(self):
        self.run_import(self.csv_file(self.ROWS))
        road = self.imported("p-1")
        self.assertEqual(road.budget, Decimal("4850000.00"))
        self.assertEqual(road.method, ProcurementMethod.E_BIDDING)
        winner = self.imported("w-1")
        self.assertEqual(winner.kind, "winner")
        self.assertEqual(winner.budget, Decimal("85000"))
        self.assertEqual(winner.method, ProcurementMethod.SPECIFIC)
        self.assertEqual(winner.agreed_price, Decimal("84500"))
        self.assertEqual(winner.winner_name, "ร้านนครสวรรค์พาณิชย์")

    def test_publish_makes_the_pages_live_with_the_body_and_in_the_audit_log(self):
        output, error = self.run_import(self.csv_file(self.ROWS), "--publish")
        self.assertIsNone(error, output)
        page = self.imported("c-1")
        self.assertTrue(page.live)
        response = self.client.get(page.url)
        self.assertContains(response, "<h1>ประกาศเรียกประชุมสภาเทศบาล สมัยสามัญ</h1>", html=True)
        self.assertContains(response, "เนื้อหาประกาศ")
        self.assertEqual(
            set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True)),
            {"wagtail.create", "imports.imported", "wagtail.publish"},
        )
        self.assertEqual(page.latest_revision, page.live_revision)
        self.assertEqual(timezone.localdate(page.first_published_at), datetime.date(2024, 3, 15))
        listing = self.client.get("/announcements/")
        self.assertContains(listing, "ประกาศเรียกประชุมสภาเทศบาล สมัยสามัญ")
        parent = Page.objects.get(pk=self.announcements.pk)
        self.assertEqual(parent.numchild, parent.get_children().count())

    def test_imported_pages_are_found_by_the_site_search_at_once(self):
        self.run_import(self.csv_file(self.ROWS), "--publish")
        response = self.client.get("/search/", {"query": "ต้นไม้ริมแม่น้ำ"})
        # Addresses made from the titles, as the page editor makes them (docs/addresses.md).
        notice = self.imported("a-1")
        self.assertEqual(notice.slug, slug(notice.title))
        self.assertContains(response, f'href="{iri_to_uri(notice.url)}"')
        response = self.client.get("/search/", {"query": "อาหารเสริม"})
        self.assertContains(response, f'href="{iri_to_uri(self.imported("s-1").url)}"')


class ReimportTests(ImportTestCase):
    def test_a_second_import_updates_the_page_with_a_new_revision_and_never_duplicates(self):
        first = [
            row("c-1", "council", "ประกาศเรียกประชุมสภา ครั้งที่ ๑"),
            row("o-1", "other", "ประกาศอื่น"),
        ]
        self.run_import(self.csv_file(first), "--publish")
        pages = Page.objects.count()
        page = self.imported("c-1")
        second = [row("c-1", "council", "ประกาศเรียกประชุมสภา ครั้งที่ ๑ (แก้ไขวันประชุม)"), first[1]]
        output, error = self.run_import(self.csv_file(second, name="again.csv"), "--publish")
        self.assertIsNone(error, output)
        self.assertIn("ปรับปรุง 1", output)
        self.assertIn("ไม่เปลี่ยนแปลง 1", output)
        self.assertEqual(Page.objects.count(), pages)
        self.assertEqual(ImportedNotice.objects.count(), 2)
        self.assertEqual(self.imported("c-1").pk, page.pk)
        self.assertEqual(Revision.page_revisions.filter(object_id=str(page.pk)).count(), 2)
        response = self.client.get(page.url)
        self.assertContains(response, "<h1>ประกาศเรียกประชุมสภา ครั้งที่ ๑ (แก้ไขวันประชุม)</h1>", html=True)
        self.assertEqual(self.client.get("/search/", {"query": "แก้ไขวันประชุม"}).status_code, 200)
        self.assertContains(self.client.get("/search/", {"query": "แก้ไขวันประชุม"}), page.url)

    def test_unchanged_rows_cost_no_statement_of_their_own(self):
        """A re-run of rows as last imported (most of a re-run after a few fixes) is told from
        the batch's reads alone: no savepoint or query per row, on PostgreSQL two round trips
        each before."""

        def rerun(count):
            rows = [row(f"u{count}-{n}", "other", f"ประกาศที่ {n} ชุด {count}") for n in range(count)]
            path = self.csv_file(rows, name=f"{count}.csv")
            self.run_import(path, "--publish")
            with CaptureQueriesContext(connection) as captured:
                output, error = self.run_import(path, "--publish")
            self.assertIsNone(error, output)
            self.assertIn(f"ไม่เปลี่ยนแปลง {count}", output)
            return len(captured)

        self.assertEqual(rerun(2), rerun(6))

    def test_a_draft_update_keeps_the_live_version_until_published(self):
        self.run_import(self.csv_file([row("c-1", "council", "ชื่อเดิม")]), "--publish")
        self.run_import(self.csv_file([row("c-1", "council", "ชื่อใหม่")], name="draft.csv"))
        page = self.imported("c-1")
        self.assertEqual(page.title, "ชื่อเดิม")
        self.assertTrue(page.has_unpublished_changes)
        self.assertEqual(page.get_latest_revision_as_object().title, "ชื่อใหม่")


class RejectedRowTests(ImportTestCase):
    def test_bad_rows_are_reported_with_their_line_and_reason_and_leave_nothing(self):
        rows = [
            row("ok-1", "council", "ประกาศที่ถูกต้อง"),
            row("bad-date", "council", "วันที่ผิด", published="2567-02-30"),
            row("bad-date-2", "council", "วันที่ผิดรูป", published="15/03/2567"),
            row("bad-unit", "council", "หน่วยงานผิด", department="กองที่ไม่มีอยู่จริง"),
            row("bad-school", "procurement", "โรงเรียนผิด", school="ท.๙", budget="1000"),
            row("", "council", "ไม่มีรหัส"),
            row("no-title", "council", "   "),
            row("bad-kind", "tender", "ประเภทผิด"),
            row("bad-money", "procurement", "เงินผิด", budget="หนึ่งแสน"),
            row("negative", "procurement", "เงินติดลบ", budget="-500"),
            row("ok-1", "other", "รหัสซ้ำ"),
            row("school-council", "council", "ประชุมสภาใต้โรงเรียน", school="ท.๑"),
            row(
                "over-budget",
                "winner",
                "เกินงบ",
                budget="1000",
                winner_name="ร้าน",
                agreed_price="2000",
            ),
            row("budget-on-news", "news", "ข่าวมีงบประมาณ", budget="1000"),
        ]
        pages, logs = Page.objects.count(), PageLogEntry.objects.count()
        output, error = self.run_import(self.csv_file(rows), "--publish")
        self.assertEqual(error.returncode, 1)
        self.assertIn("ไม่รับ 13 แถว", str(error))
        expected = [
            (3, "bad-date", "วันที่ไม่ถูกต้อง: '2567-02-30'"),
            (4, "bad-date-2", "วันที่ไม่ถูกต้อง: '15/03/2567'"),
            (5, "bad-unit", "ไม่พบหน่วยงาน 'กองที่ไม่มีอยู่จริง'"),
            (6, "bad-school", "ไม่พบโรงเรียนรหัส 'ท.๙'"),
            (7, "", "ไม่มีรหัสในเว็บไซต์เดิม (source_id)"),
            (8, "no-title", "ไม่มีชื่อเรื่อง (title)"),
            (9, "bad-kind", "ประเภทไม่ถูกต้อง: 'tender'"),
            (10, "bad-money", "จำนวนเงินไม่ถูกต้อง: 'หนึ่งแสน' (คอลัมน์ budget"),
            (11, "negative", "จำนวนเงินต้องไม่ติดลบ: '-500'"),
            (12, "ok-1", "source_id ซ้ำกับบรรทัดที่ 2"),
            (13, "school-council", "ใต้หน้าโรงเรียนมีได้เฉพาะประกาศจัดซื้อจัดจ้างและประกาศผู้ชนะ"),
            (14, "over-budget", "ราคาที่ตกลงซื้อหรือจ้างสูงกว่างบประมาณ ต้องระบุเหตุผลที่คัดเลือก"),
            (15, "budget-on-news", "คอลัมน์ budget ใช้ได้กับประกาศจัดซื้อจัดจ้างและประกาศผู้ชนะเท่านั้น"),
        ]
        report = output[output.index("แถวที่ไม่ได้นำเข้า") :].splitlines()[1:]
        self.assertEqual(len(report), len(expected), output)
        for line, (number, source_id, reason) in zip(report, expected, strict=True):
            with self.subTest(line=number):
                self.assertTrue(line.strip().startswith(f"บรรทัดที่ {number}"), line)
                if source_id:
                    self.assertIn(f"(source_id {source_id})", line)
                self.assertIn(reason, line)
        # Only the good row was written: one page, its three log entries, one mapping.
        self.assertEqual(Page.objects.count(), pages + 1)
        self.assertEqual(PageLogEntry.objects.count(), logs + 3)
        self.assertEqual(list(ImportedNotice.objects.values_list("source_id", flat=True)), ["ok-1"])

    def test_line_numbers_count_the_lines_of_a_body_written_over_several_lines(self):
        rows = [
            row("multi", "council", "ประกาศหลายย่อหน้า", body="ย่อหน้าแรก\n\nย่อหน้าที่สอง\nบรรทัดถัดไป"),
            row("late", "council", "วันที่ผิด", published="2567-13-01"),
        ]
        output, _error = self.run_import(self.csv_file(rows))
        self.assertIn("บรรทัดที่ 6 (source_id late)", output)
        body = self.imported("multi").body
        self.assertEqual(len(body), 2)
        self.assertEqual(body[1].value.source, "<p>ย่อหน้าที่สอง<br/>บรรทัดถัดไป</p>")

    def test_html_in_the_body_is_shown_as_text_never_run(self):
        self.run_import(
            self.csv_file([row("x", "other", "ประกาศ", body="<script>alert(1)</script>")]),
            "--publish",
        )
        response = self.client.get(self.imported("x").url)
        self.assertNotContains(response, "<script>alert(1)")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")


class DryRunTests(ImportTestCase):
    def test_dry_run_checks_every_row_and_writes_nothing(self):
        rows = [
            row("c-1", "council", "ประกาศ"),
            row("bad", "council", "วันที่ผิด", published="2567-02-30"),
        ]
        counts = (Page.objects.count(), PageLogEntry.objects.count(), Revision.objects.count())
        output, error = self.run_import(self.csv_file(rows), "--dry-run", "--publish")
        self.assertIn("ไม่มีการบันทึกข้อมูลใด ๆ", output)
        self.assertIn("สร้างใหม่ 1", output)
        self.assertIn("บรรทัดที่ 3 (source_id bad): วันที่ไม่ถูกต้อง", output)
        self.assertEqual(error.returncode, 1)
        self.assertEqual(
            (Page.objects.count(), PageLogEntry.objects.count(), Revision.objects.count()), counts
        )
        self.assertFalse(ImportedNotice.objects.exists())
        self.assertEqual(self.client.get("/search/", {"query": "ประกาศ"}).status_code, 200)


class DateTests(ImportTestCase):
    def test_common_and_buddhist_era_dates_in_arabic_or_thai_digits(self):
        dates = ["2024-03-15", "2567-03-15", "๒๕๖๗-๐๓-๑๕", "2567-3-15", "2024-03-15T10:30:00"]
        rows = [
            row(f"d{n}", "council", f"ประกาศ {n}", published=date) for n, date in enumerate(dates)
        ]
        output, error = self.run_import(self.csv_file(rows))
        self.assertIsNone(error, output)
        for n in range(len(dates)):
            with self.subTest(date=dates[n]):
                page = self.imported(f"d{n}")
                self.assertEqual(page.date, datetime.date(2024, 3, 15))
                self.assertEqual(page.fiscal_year, 2567)


class FileProblemTests(ImportTestCase):
    def assertRefused(self, path, message):
        _output, error = self.run_import(path)
        self.assertIsNotNone(error)
        self.assertEqual(error.returncode, 2)
        self.assertIn(message, str(error))
        self.assertFalse(ImportedNotice.objects.exists())

    def test_a_missing_file(self):
        self.assertRefused(str(self.folder / "nowhere.csv"), "ไม่พบไฟล์")

    def test_a_wrong_header(self):
        path = self.csv_file(
            [], header=["id", "kind", "title", "body", "date", "department", "school"]
        )
        self.assertRefused(
            path, "หัวตารางไม่ถูกต้อง: ไม่มีคอลัมน์ source_id, published; ไม่รู้จักคอลัมน์ id, date"
        )

    def test_a_file_not_in_utf8(self):
        path = self.csv_file([row("c-1", "council", "ประกาศ")], encoding="cp874")
        self.assertRefused(path, "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 (พบอักขระที่อ่านไม่ได้ที่บรรทัดที่ 2)")

    def test_utf8_with_or_without_a_bom(self):
        for encoding in ("utf-8", "utf-8-sig"):
            with self.subTest(encoding=encoding):
                path = self.csv_file(
                    [row(encoding, "council", "ประกาศ")], encoding=encoding, name=f"{encoding}.csv"
                )
                output, error = self.run_import(path)
                self.assertIsNone(error, output)
                self.assertTrue(ImportedNotice.objects.filter(source_id=encoding).exists())


class LegacyRowTests(ImportTestCase):
    """Old notices with only the basic columns: procurement and winning-bid rows without
    budget, winner or price come over marked incomplete, and are completed in the editor."""

    BASIC = [
        row("p-old", "procurement", "ประกวดราคาจ้างเหมาซ่อมแซมถนน ปี ๒๕๕๘", published="2558-06-01"),
        row("w-old", "winner", "ประกาศผู้ชนะ จ้างเหมาซ่อมแซมถนน", published="2558-07-01"),
        row("s-old", "winner", "ประกาศผู้ชนะ ซื้อนม", school="ท.๑", department=""),
        row("c-old", "council", "ประกาศเรียกประชุมสภา"),
        row("r-old", "recruitment", "ประกาศรับสมัคร"),
        row("o-old", "other", "ประกาศอื่น"),
        row("n-old", "news", "ข่าวเก่า"),
        row("a-old", "activity", "กิจกรรมเก่า"),
    ]

    def test_legacy_rows_of_every_kind_with_only_the_basic_columns_import(self):
        output, error = self.run_import(self.csv_file(self.BASIC, header=HEADER), "--publish")
        self.assertIsNone(error, output)
        self.assertIn("สร้างใหม่ 8", output)
        incomplete = {
            source_id
            for source_id in ("p-old", "w-old", "s-old", "c-old")
            if getattr(self.imported(source_id), "imported_incomplete", False)
        }
        self.assertEqual(incomplete, {"p-old", "w-old", "s-old"})
        notice = self.imported("w-old")
        self.assertIsNone(notice.budget)
        self.assertEqual(notice.kind, "winner")
        response = self.client.get(notice.url)
        self.assertContains(response, "ประกาศผู้ชนะ จ้างเหมาซ่อมแซมถนน")

    def test_an_incomplete_notice_is_updated_and_published_by_a_later_import(self):
        self.run_import(self.csv_file(self.BASIC[1:2], header=HEADER), "--publish")
        again = [row("w-old", "winner", "ประกาศผู้ชนะ จ้างเหมาซ่อมแซมถนน (ฉบับแก้ไข)")]
        output, error = self.run_import(
            self.csv_file(again, header=HEADER, name="2.csv"), "--publish"
        )
        self.assertIsNone(error, output)
        notice = self.imported("w-old")
        self.assertEqual(notice.title, "ประกาศผู้ชนะ จ้างเหมาซ่อมแซมถนน (ฉบับแก้ไข)")
        self.assertTrue(notice.imported_incomplete)

    def test_an_incomplete_notice_is_a_finding_of_its_unit_until_completed_in_the_editor(self):
        self.run_import(self.csv_file(self.BASIC[1:2], header=HEADER), "--publish")
        notice = self.imported("w-old")
        findings = [
            found
            for found in content_checks.run_all()
            if found.kind == FindingKind.IMPORT_INCOMPLETE
        ]
        self.assertEqual([found.page_id for found in findings], [notice.pk])
        self.assertIn("งบประมาณ", findings[0].detail)
        self.assertEqual(severity_of(FindingKind.IMPORT_INCOMPLETE), Severity.WARNING)
        self.assertEqual(notice.owner_unit.slug, "engineering")

        sign_in(self.client, self.create_superuser("editor"))
        url = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data.update(
            nested_form_data(
                {
                    "body": streamfield([]),
                    "attachments": streamfield([]),
                    "documents": streamfield([]),
                }
            )
        )
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)  # the editor's rules: budget, winner, price
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "ประกาศผู้ชนะการเสนอราคาต้องระบุชื่อผู้ชนะการเสนอราคา")
        self.assertTrue(self.imported("w-old").imported_incomplete)

        data.update(budget="500000", winner_name="หจก.นครสวรรค์โยธา", agreed_price="498000")
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(self.imported("w-old").imported_incomplete)
        self.assertEqual(self.imported("w-old").budget, Decimal("500000"))
        kinds = {found.kind for found in content_checks.run_all()}
        self.assertNotIn(FindingKind.IMPORT_INCOMPLETE, kinds)

    def create_superuser(self, username):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.create_superuser(username, f"{username}@example.com", "x")


class OldAddressTests(ImportTestCase):
    """The old site's addresses answer 301 to the new page, also after it moves."""

    OLD = (
        "https://www.nakhonsawancity.go.th/news/detail.php?id=123"
        " | /index.php?page=news&id=7 | /ประกาศ/จัดซื้อ-๑๒.html"
    )

    def test_old_addresses_and_query_strings_redirect_permanently_to_the_new_page(self):
        rows = [row("p-1", "procurement", "ประกวดราคาจ้าง", budget="1000", old_url=self.OLD)]
        header = HEADER + STRUCTURED + ["old_url"]
        output, error = self.run_import(self.csv_file(rows, header=header), "--publish")
        self.assertIsNone(error, output)
        page = self.imported("p-1")
        for address in (
            "/news/detail.php?id=123",
            "/index.php?id=7&page=news",  # the same query in another order
            "/index.php?page=news&id=7",
            "/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8/"
            "%E0%B8%88%E0%B8%B1%E0%B8%94%E0%B8%8B%E0%B8%B7%E0%B9%89%E0%B8%AD-"
            "%E0%B9%91%E0%B9%92.html",
        ):
            with self.subTest(address=address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 301)
                self.assertEqual(response["Location"], page.url)
        # Another id of the same old script is not this notice.
        self.assertEqual(self.client.get("/news/detail.php?id=124").status_code, 404)

        MovePageAction(page, self.school1, pos="last-child").execute(skip_permission_checks=True)
        moved = Page.objects.get(pk=page.pk)
        self.assertTrue(moved.url.startswith("/schools/school-1/"))
        response = self.client.get("/news/detail.php?id=123")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], moved.url)

    def test_a_new_old_address_on_a_reimport_adds_only_the_redirect(self):
        header = [*HEADER, "old_url"]
        first = [row("c-1", "council", "ประกาศ", old_url="/news/detail.php?id=1")]
        self.run_import(self.csv_file(first, header=header), "--publish")
        page = self.imported("c-1")
        revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
        again = [row("c-1", "council", "ประกาศ", old_url="/news/detail.php?id=1|/old/1.html")]
        output, error = self.run_import(
            self.csv_file(again, header=header, name="2.csv"), "--publish"
        )
        self.assertIsNone(error, output)
        self.assertIn("ปรับปรุง 1", output)
        self.assertEqual(Revision.page_revisions.filter(object_id=str(page.pk)).count(), revisions)
        self.assertEqual(self.client.get("/old/1.html")["Location"], page.url)
        output, error = self.run_import(self.csv_file(again, header=header, name="3.csv"))
        self.assertIn("ไม่เปลี่ยนแปลง 1", output)

    def test_an_address_of_another_notice_or_the_home_page_refuses_the_row(self):
        header = [*HEADER, "old_url"]
        rows = [
            row("c-1", "council", "ประกาศ ๑", old_url="/news/detail.php?id=1"),
            row("c-2", "council", "ประกาศ ๒", old_url="/news/detail.php?id=1"),
            row("c-3", "council", "ประกาศ ๓", old_url="https://old.example/?page=news&id=3"),
        ]
        output, error = self.run_import(self.csv_file(rows, header=header))
        self.assertEqual(error.returncode, 1)
        self.assertIn("บรรทัดที่ 3 (source_id c-2): ที่อยู่เดิม /news/detail.php?id=1 ซ้ำกับบรรทัดที่ 2", output)
        self.assertIn("บรรทัดที่ 4 (source_id c-3): ที่อยู่เดิม", output)
        again = [row("c-9", "council", "ประกาศ ๙", old_url="/news/detail.php?id=1")]
        output, error = self.run_import(self.csv_file(again, header=header, name="2.csv"))
        self.assertIn("เปลี่ยนเส้นทางไปยังหน้าอื่นอยู่แล้ว", output)
        self.assertFalse(ImportedNotice.objects.filter(source_id="c-9").exists())


class HistoryTests(ImportTestCase):
    def test_every_imported_page_has_a_revision_and_the_yearly_report_counts_it_as_moved_in(self):
        rows = [
            row("c-1", "council", "ประกาศ ๑"),
            row("p-1", "procurement", "ประกวดราคา", budget="1000"),
            row("n-1", "news", "ข่าว", department=""),
        ]

        def report(year=None):
            year = year or fiscal_year(timezone.localdate())
            return annual.build(annual.Period.parse("fiscal", year))

        before = report().published_total, report(2567).published_total
        self.run_import(self.csv_file(rows), "--publish")
        self.run_import(self.csv_file([row("d-1", "other", "ฉบับร่าง")], name="draft.csv"))
        for source_id in ("c-1", "p-1", "n-1"):
            page = self.imported(source_id)
            with self.subTest(source_id=source_id):
                self.assertIsNotNone(page.latest_revision)
                self.assertEqual(page.live_revision, page.latest_revision)
        draft = self.imported("d-1")
        self.assertFalse(draft.live)
        self.assertEqual(draft.get_latest_revision_as_object().title, "ฉบับร่าง")
        self.assertEqual(report().moved_in_total, 4)
        # Not published by hand: neither this year nor in the old site's year (2024-03-15 is
        # in fiscal year 2567, their first publication).
        self.assertEqual((report().published_total, report(2567).published_total), before)
        history = self.client
        sign_in(history, LegacyRowTests.create_superuser(self, "auditor"))
        response = history.get(
            reverse("wagtailadmin_pages:history", args=(self.imported("c-1").pk,))
        )
        self.assertContains(response, "นำเข้าจากเว็บไซต์เดิม")


class AttachmentRows:
    """Files of old notices, and rows naming them."""

    PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

    def files(self):
        docx = io.BytesIO()
        with zipfile.ZipFile(docx, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
        return {
            "p-1/ประกาศ.pdf": self.PDF,
            "p-1/tor.docx": docx.getvalue(),
            "copy/ประกาศ-สำเนา.pdf": self.PDF,  # the same file under another name
            "setup.pdf": b"MZ\x90\x00\x03" + b"\x00" * 60,  # a program named as a PDF
        }

    def rows(self):
        return [
            row(
                "p-1",
                "procurement",
                "ประกวดราคา",
                budget="1000",
                files="p-1/ประกาศ.pdf|p-1/tor.docx",
            ),
            row(
                "c-1",
                "council",
                "ประกาศสภา",
                department="สำนักปลัดเทศบาล",
                files="copy/ประกาศ-สำเนา.pdf",
            ),
            row("x-1", "other", "ไฟล์ปลอม", files="setup.pdf"),
            row("m-1", "other", "ไม่มีไฟล์", files="nowhere.pdf"),
        ]


class AttachmentTests(AttachmentRows, ImportTestCase):
    """The old notices' files, from a folder or a ZIP, as documents linked from the notice."""

    def check_import(self, files_option):
        header = [*HEADER, "budget", "files"]
        output, error = self.run_import(
            self.csv_file(self.rows(), header=header), "--publish", "--files", files_option
        )
        self.assertEqual(error.returncode, 1, output)
        self.assertIn("บรรทัดที่ 4 (source_id x-1): ไฟล์แนบ 'setup.pdf' ไม่ใช่ PDF", output)
        self.assertIn("บรรทัดที่ 5 (source_id m-1): ไม่พบไฟล์แนบ 'nowhere.pdf'", output)
        self.assertFalse(ImportedNotice.objects.filter(source_id="x-1").exists())
        notice = self.imported("p-1")
        documents = [block.value["document"] for block in notice.attachments]
        self.assertEqual([document.title for document in documents], ["ประกาศ", "tor"])
        self.assertEqual(documents[0].collection.name, "สำนักงานช่าง")
        self.assertEqual(documents[0].collection.get_parent().name, COLLECTION)
        # The same PDF under another name, for another notice of another unit: stored once.
        council = self.imported("c-1")
        self.assertEqual(council.attachments[0].value["document"].pk, documents[0].pk)
        self.assertEqual(Document.objects.count(), 2)
        response = self.client.get(notice.url)
        self.assertContains(response, documents[1].url)

    def test_attachments_from_a_folder(self):
        for name, data in self.files().items():
            (self.folder / "files" / name).parent.mkdir(parents=True, exist_ok=True)
            (self.folder / "files" / name).write_bytes(data)
        self.check_import(str(self.folder / "files"))

    def test_attachments_from_a_zip(self):
        path = self.folder / "files.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in self.files().items():
                archive.writestr(name, data)
        self.check_import(str(path))

    def test_files_without_the_option_refuse_the_row_and_a_missing_folder_the_file(self):
        header = [*HEADER, "budget", "files"]
        output, error = self.run_import(self.csv_file(self.rows()[:1], header=header))
        self.assertIn("ไม่ได้ระบุโฟลเดอร์หรือไฟล์ ZIP ด้วย --files", output)
        output, error = self.run_import(
            self.csv_file(self.rows()[:1], header=header), "--files", str(self.folder / "none")
        )
        self.assertEqual(error.returncode, 2)


class PublishedAsByWagtailTests(ImportTestCase):
    """The import publishes its new pages in one update per batch instead of Wagtail's
    ``Revision.publish`` per page (``imports.writer.publish_new_pages``): an imported live
    page must be in the state Wagtail's publish leaves a new page in, with the same log entry
    and signal, or an upgrade of Wagtail that changes publishing is to be followed here."""

    # Fields that differ between any two pages, or that the import sets on purpose.
    OWN = {"id", "path", "title", "draft_title", "slug", "url_path", "translation_key"}

    def state(self, page):
        page = Page.objects.get(pk=page.pk)
        state = {}
        for model_field in Page._meta.concrete_fields:
            name, value = model_field.name, getattr(page, model_field.attname)
            if name in self.OWN:
                continue
            if name.endswith("_at"):
                value = value is not None
            elif name == "live_revision":
                value = value == page.latest_revision_id
            elif name == "latest_revision":
                value = value is not None
            state[name] = value
        entry = PageLogEntry.objects.get(page=page, action="wagtail.publish")
        state["log"] = (entry.revision_id == page.live_revision_id, entry.content_changed)
        state["log"] += (entry.data, entry.user_id, entry.deleted)
        return state

    def test_an_imported_live_page_is_as_if_published_by_wagtail(self):
        from wagtail.signals import page_published

        sent = []

        def received(sender, instance, revision, **kwargs):
            sent.append((sender, instance.pk, revision.pk, instance.live))

        page_published.connect(received)
        self.addCleanup(page_published.disconnect, received)
        by_hand = AnnouncementPage(
            title="ประกาศที่เผยแพร่ด้วยมือ",
            slug="by-hand",
            kind="council",
            date=datetime.date(2024, 3, 15),
            responsible_unit=unit("clerk"),
        )
        parent = Page.objects.get(pk=self.announcements.pk)
        parent.add_child(instance=by_hand)
        by_hand.save_revision().publish()
        output, error = self.run_import(
            self.csv_file([row("c-1", "council", "ประกาศนำเข้า")]), "--publish"
        )
        self.assertIsNone(error, output)
        imported = self.imported("c-1")
        self.assertEqual(self.state(imported), self.state(by_hand))
        self.assertEqual(
            [(sender, pk, live) for sender, pk, _revision, live in sent],
            [(AnnouncementPage, by_hand.pk, True), (AnnouncementPage, imported.pk, True)],
        )
        self.assertEqual(sent[1][2], imported.live_revision_id)


class WrittenAsByWagtailTests(ImportTestCase):
    """The import writes a batch's new pages a parent, a table at a time
    (``imports.writer.Writer.write_created``) instead of Wagtail's ``add_child``,
    ``save_revision`` and ``Revision.publish`` per page: the pages, their place in the tree,
    revisions, log entries, owner units, references and redirects must be those Wagtail makes
    for a page created and published by hand."""

    maxDiff = None
    OWN = {"pk", "id", "path", "title", "draft_title", "slug", "url_path", "translation_key"}
    OWN |= {"latest_revision", "live_revision", "latest_revision_created_at"}
    OWN |= {"first_published_at", "last_published_at", "body"}

    def by_hand(self, title, publish=True):
        page = AnnouncementPage(
            title=title,
            kind="council",
            date=datetime.date(2024, 3, 15),
            responsible_unit=unit("clerk"),
            live=False,  # as the editor's "create" adds a page
        )
        Page.objects.get(pk=self.announcements.pk).add_child(instance=page)
        revision = page.save_revision(log_action=IMPORTED)
        if publish:
            revision.publish()
        Redirect.add_redirect(f"/old/{page.pk}", page, is_permanent=True)
        return page

    def history(self, page):
        page = Page.objects.get(pk=page.pk)
        entries = PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
        return [
            (
                entry.action,
                entry.content_changed,
                entry.revision_id and entry.revision_id == page.latest_revision_id,
                entry.label == page.draft_title,
                entry.content_type.model_class(),
                entry.data,
                entry.user_id,
                entry.uuid,
                entry.deleted,
            )
            for entry in entries
        ]

    def written(self, page):
        """What Wagtail and the portal keep of ``page``, apart from what is its own."""
        page = Page.objects.get(pk=page.pk).specific
        content = page.latest_revision.content
        redirect = Redirect.objects.get(redirect_page=page)
        return {
            "revisions": Revision.objects.for_instance(page).count(),
            "content": {name: value for name, value in content.items() if name not in self.OWN},
            "content is the page": content["title"] == page.title and content["path"] == page.path,
            "history": self.history(page),
            "owner unit": PageUnit.objects.get(page=page).unit,
            "references": sorted(
                ReferenceIndex.get_references_for_object(page).values_list(
                    "to_content_type", "model_path"
                )
            ),
            "redirect": (redirect.is_permanent, redirect.site_id, redirect.redirect_link),
            "depth": page.depth,
            "url_path": page.url_path == page.get_parent().url_path + page.slug + "/",
        }

    def test_new_pages_are_written_as_wagtail_writes_one_page(self):
        for publish in (True, False):
            with self.subTest(publish=publish):
                by_hand = self.by_hand(f"ประกาศด้วยมือ {publish}", publish=publish)
                rows = [
                    row(
                        f"c-{publish}-{number}",
                        "council",
                        f"ประกาศนำเข้า {number}",
                        department=unit("clerk").name,
                        old_url=f"/news/detail.php?id={publish}{number}",
                    )
                    for number in range(3)
                ]
                options = ["--batch-size", "2"] + (["--publish"] if publish else [])
                output, error = self.run_import(
                    self.csv_file(rows, header=[*HEADER, "old_url"]), *options
                )
                self.assertIsNone(error, output)
                for each in rows:
                    imported = self.imported(each["source_id"])
                    self.assertEqual(self.written(imported), self.written(by_hand))
                    self.assertEqual(imported.live, publish)
                    response = self.client.get(each["old_url"])
                    self.assertRedirects(
                        response, imported.url, status_code=301, fetch_redirect_response=publish
                    )

    def test_new_pages_take_their_places_after_the_last_child_and_the_tree_stays_sound(self):
        first = self.by_hand("ประกาศเดิม ๑")
        second = self.by_hand("ประกาศเดิม ๒")
        rows = [row(f"c-{number}", "council", f"ประกาศนำเข้า {number}") for number in range(5)]
        output, error = self.run_import(self.csv_file(rows), "--batch-size", "2", "--publish")
        self.assertIsNone(error, output)
        # An editor adds a page after the import, through Wagtail.
        later = self.by_hand("ประกาศหลังนำเข้า")
        parent = Page.objects.get(pk=self.announcements.pk)
        imported = [self.imported(f"c-{number}").pk for number in range(5)]
        self.assertEqual(
            list(parent.get_children().values_list("pk", flat=True)),
            [first.pk, second.pk, *imported, later.pk],
        )
        self.assertEqual(parent.numchild, 8)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
        self.assertEqual(
            [page.title for page in parent.get_children().live()][2:4],
            ["ประกาศนำเข้า 0", "ประกาศนำเข้า 1"],
        )

    def test_wagtail_takes_a_site_root_state_set_on_the_page(self):
        """``imports.writer.add_children`` tells each new page it is no site's root
        (docs/upgrading.md); a home page is one."""
        home = Page.objects.get(depth=2, locale__language_code="th")
        self.assertTrue(home.is_site_root())
        home._is_site_root = False
        with self.assertNumQueries(0):
            self.assertFalse(home.is_site_root())

    def test_the_page_cache_is_renewed_once_per_batch_and_again_at_each_later_save(self):
        rows = [row(f"c-{number}", "council", f"ประกาศ {number}") for number in range(5)]
        before = database_version()
        output, error = self.run_import(self.csv_file(rows), "--batch-size", "2", "--publish")
        self.assertIsNone(error, output)
        self.assertEqual(database_version(), before + 3)  # three batches
        # Unchanged rows change nothing, and the cache's signals are back for editors.
        self.run_import(self.csv_file(rows), "--batch-size", "2", "--publish")
        self.assertEqual(database_version(), before + 3)
        self.imported("c-1").save_revision().publish()
        self.assertGreater(database_version(), before + 3)

    def test_titles_are_normed_once_over_the_whole_import(self):
        """A title's rank is scaled by its norm (the average title length over the whole
        index, over its own): the imported titles are normed by one average, worked out once
        (not once per batch and page type, two scans of the index table each, which grew with
        every batch), and not rewritten one batch after another."""
        rows = [
            row(f"c-{n}", "council", " ".join(["ประกาศ", *map(str, range(3 * n))]))
            for n in range(6)
        ]
        with CaptureQueriesContext(connection) as queries:
            output, error = self.run_import(self.csv_file(rows), "--batch-size", "2")
        self.assertIsNone(error, output)
        averages = [query for query in queries if "AVG(LENGTH(" in query["sql"]]
        self.assertEqual(len(averages), 1)
        rewrites = [query for query in queries if 'SET "title_norm"' in query["sql"]]
        self.assertLessEqual(len(rewrites), 1)  # SQLite's index refreshes them at the end
        IndexEntry = get_app_config().get_model("IndexEntry")
        imported = IndexEntry.objects.filter(
            object_id__in=[str(self.imported(f"c-{n}").pk) for n in range(6)]
        ).annotate(length=Length("title"))
        normed = imported.values_list("title_norm", "length")
        self.assertEqual(len({norm for norm, length in normed}), 6)
        self.assertEqual(len({round(norm * length, 6) for norm, length in normed}), 1)


class RefusedByTheDatabaseTests(ImportTestCase):
    def refuse_pages_titled(self, title):
        """A trigger in the database refusing a page with ``title``, as a constraint would."""
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(
                    "CREATE TRIGGER refuse_page BEFORE INSERT ON wagtailcore_page "
                    f"WHEN NEW.title = '{title}' BEGIN SELECT RAISE(ABORT, 'refused'); END"
                )
            else:
                cursor.execute(
                    "CREATE FUNCTION refuse_page() RETURNS trigger AS $$ BEGIN "
                    f"IF NEW.title = '{title}' THEN RAISE check_violation USING MESSAGE = "
                    "'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
                )
                cursor.execute(
                    "CREATE TRIGGER refuse_page BEFORE INSERT ON wagtailcore_page "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_page()"
                )

    def test_new_pages_the_database_refuses_are_reported_and_the_rest_kept(self):
        self.run_import(self.csv_file([row("c-1", "council", "ประกาศ ๑")]))
        self.refuse_pages_titled("refused")
        rows = [
            row("c-1", "council", "ประกาศ ๑ แก้ไข"),
            row("c-2", "council", "refused"),
            row("c-3", "council", "ประกาศ ๓"),
            row("c-4", "council", "ประกาศ ๔"),
        ]
        output, error = self.run_import(self.csv_file(rows), "--batch-size", "2")
        self.assertEqual(error.returncode, 1, output)
        self.assertIn("บรรทัดที่ 3 (source_id c-2): ฐานข้อมูลไม่รับแถวนี้: refused", output)
        # The update in the same batch is kept, and the next batch is written.
        self.assertEqual(
            self.imported("c-1").get_latest_revision_as_object().title, "ประกาศ ๑ แก้ไข"
        )
        self.assertEqual(
            sorted(ImportedNotice.objects.values_list("source_id", flat=True)),
            ["c-1", "c-3", "c-4"],
        )
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))


class DryRunFilesTests(AttachmentRows, ImportTestCase):
    def test_a_dry_run_with_files_writes_no_file_and_no_row(self):
        for name, data in self.files().items():
            (self.folder / "files" / name).parent.mkdir(parents=True, exist_ok=True)
            (self.folder / "files" / name).write_bytes(data)
        media = Path(settings.MEDIA_ROOT)
        before = sorted(media.rglob("*"))
        counts = (Document.objects.count(), Collection.objects.count(), Page.objects.count())
        header = [*HEADER, "budget", "files"]
        output, error = self.run_import(
            self.csv_file(self.rows(), header=header),
            "--dry-run",
            "--publish",
            "--files",
            str(self.folder / "files"),
        )
        self.assertEqual(error.returncode, 1, output)
        self.assertIn("สร้างใหม่ 2", output)  # what would be made, as a real run
        self.assertIn("บรรทัดที่ 4 (source_id x-1): ไฟล์แนบ 'setup.pdf' ไม่ใช่ PDF", output)
        self.assertEqual(sorted(media.rglob("*")), before)
        self.assertEqual(
            (Document.objects.count(), Collection.objects.count(), Page.objects.count()), counts
        )

    def test_a_row_refused_after_its_files_were_stored_leaves_no_file(self):
        for name, data in self.files().items():
            (self.folder / "files" / name).parent.mkdir(parents=True, exist_ok=True)
            (self.folder / "files" / name).write_bytes(data)
        media = Path(settings.MEDIA_ROOT)
        before = set(media.rglob("*.pdf"))
        # The files are stored, then the page is refused by its own rules: rolled back whole.
        rows = [
            row(
                "w-1",
                "winner",
                "ผู้ชนะเกินงบ",
                budget="1000",
                winner_name="ร้าน",
                agreed_price="2000",
                files="p-1/ประกาศ.pdf",
            )
        ]
        header = [*HEADER, *STRUCTURED, "files"]
        output, _error = self.run_import(
            self.csv_file(rows, header=header), "--files", str(self.folder / "files")
        )
        self.assertIn("บรรทัดที่ 2 (source_id w-1): ราคาที่ตกลงซื้อหรือจ้าง", output)
        self.assertIn("สูงกว่างบประมาณ ต้องระบุเหตุผลที่คัดเลือก", output)
        self.assertFalse(Document.objects.exists())
        self.assertEqual(set(media.rglob("*.pdf")), before)


class ReimportLinksAndFilesTests(AttachmentRows, ImportTestCase):
    def test_addresses_dropped_from_old_url_are_deleted_and_no_others(self):
        header = [*HEADER, "old_url"]
        first = [
            row("c-1", "council", "ประกาศ ๑", old_url="/news/detail.php?id=1|/old/1.html"),
            row("c-2", "council", "ประกาศ ๒", old_url="/news/detail.php?id=2"),
        ]
        self.run_import(self.csv_file(first, header=header), "--publish")
        page = self.imported("c-1")
        # An editor's own redirect to the same page, to an address the file never named.
        Redirect.objects.create(old_path="/campaign", redirect_page=page, is_permanent=True)
        revisions, logs = Revision.objects.count(), PageLogEntry.objects.count()
        again = [
            row("c-1", "council", "ประกาศ ๑", old_url="/old/1.html"),
            row("c-2", "council", "ประกาศ ๒", old_url="/news/detail.php?id=2"),
        ]
        output, error = self.run_import(
            self.csv_file(again, header=header, name="2.csv"), "--publish"
        )
        self.assertIsNone(error, output)
        self.assertIn("ปรับปรุง 1", output)
        self.assertIn("ไม่เปลี่ยนแปลง 1", output)
        self.assertEqual(self.client.get("/news/detail.php?id=1").status_code, 404)
        self.assertEqual(self.client.get("/old/1.html")["Location"], page.url)
        self.assertEqual(self.client.get("/campaign")["Location"], page.url)
        self.assertEqual(
            self.client.get("/news/detail.php?id=2")["Location"], self.imported("c-2").url
        )
        self.assertEqual(
            (Revision.objects.count(), PageLogEntry.objects.count()), (revisions, logs)
        )
        # The dropped address is free again for another notice.
        third = [row("c-3", "council", "ประกาศ ๓", old_url="/news/detail.php?id=1")]
        output, error = self.run_import(
            self.csv_file(third, header=header, name="3.csv"), "--publish"
        )
        self.assertIsNone(error, output)
        self.assertEqual(
            self.client.get("/news/detail.php?id=1")["Location"], self.imported("c-3").url
        )

    def test_the_same_files_again_make_no_revision_a_changed_file_does(self):
        header = [*HEADER, "budget", "files"]
        folder = self.folder / "files"
        for name, data in self.files().items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        rows = self.rows()[:2]
        output, error = self.run_import(
            self.csv_file(rows, header=header), "--publish", "--files", str(folder)
        )
        self.assertIsNone(error, output)
        page = self.imported("p-1")
        counts = (Revision.objects.count(), PageLogEntry.objects.count(), Document.objects.count())
        # The same files from a ZIP, under other names.
        archive = self.folder / "again.zip"
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("a/ประกาศ-ฉบับเดิม.pdf", self.PDF)
            zipped.writestr("a/tor-เดิม.docx", (folder / "p-1/tor.docx").read_bytes())
        renamed = [
            dict(rows[0], files="a/ประกาศ-ฉบับเดิม.pdf|a/tor-เดิม.docx"),
            dict(rows[1], files="a/ประกาศ-ฉบับเดิม.pdf"),
        ]
        output, error = self.run_import(
            self.csv_file(renamed, header=header, name="2.csv"),
            "--publish",
            "--files",
            str(archive),
        )
        self.assertIsNone(error, output)
        self.assertIn("ไม่เปลี่ยนแปลง 2", output)
        self.assertEqual(
            (Revision.objects.count(), PageLogEntry.objects.count(), Document.objects.count()),
            counts,
        )
        # A file whose content changed under the same name: a new revision linking it.
        (folder / "p-1/ประกาศ.pdf").write_bytes(self.PDF + b"% corrected\n")
        output, error = self.run_import(
            self.csv_file(rows, header=header, name="3.csv"), "--publish", "--files", str(folder)
        )
        self.assertIsNone(error, output)
        self.assertIn("ปรับปรุง 1", output)
        self.assertIn("ไม่เปลี่ยนแปลง 1", output)
        page = self.imported("p-1")
        self.assertEqual(Revision.objects.count(), counts[0] + 1)
        document = page.attachments[0].value["document"]
        self.assertEqual(document.file_size, len(self.PDF) + len(b"% corrected\n"))
        self.assertContains(self.client.get(page.url), document.url)


class StatisticsTests(ImportTestCase):
    def test_postgresql_knows_the_imported_rows_at_once(self):
        rows = [row(f"c-{n}", "council", f"ประกาศ {n}") for n in range(5)]
        with CaptureQueriesContext(connection) as queries:
            output, error = self.run_import(self.csv_file(rows), "--publish")
        self.assertIsNone(error, output)
        analyses = [query["sql"] for query in queries if query["sql"].startswith("ANALYZE")]
        if connection.vendor == "postgresql":
            self.assertEqual(analyses, ["ANALYZE"])
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples FROM pg_class WHERE relname = 'news_importednotice'"
                )
                self.assertEqual(cursor.fetchone()[0], 5)
        else:  # SQLite plans without statistics; ANALYZE would only change its plans
            self.assertEqual(analyses, [])
