"""The monthly procurement summary (แบบ สขร.๑) and the ITA list of a fiscal year: rows and totals,
the empty month, CSV (BOM, Thai intact), XLSX, the tree, the query budget and the command."""

import csv
import datetime
import io
from decimal import Decimal
from unittest import mock

from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from demo import loader
from home import demo as home_demo
from home.models import HomePage
from news.models import AnnouncementIndexPage
from procurement import demo as procurement_demo
from procurement import demo_summaries
from procurement.models import (
    ProcurementBidder,
    ProcurementIndexPage,
    ProcurementMethod,
    ProcurementNoticePage,
    ProcurementStage,
    ProcurementSummaryIndexPage,
    ProcurementSummaryPage,
)
from procurement.models.summaries import SUMMARIES_PER_PAGE
from procurement.summary import (
    ITA_HEADERS,
    SUMMARY_HEADERS,
    annual_list_url,
    monthly_summary,
    summary_pages,
)
from schools import demo as schools_demo
from tests.factories import ProcurementSummaryPageFactory, site_settings, unit
from tests.moderation_support import sign_in
from tests.procurement_support import add, procurement_indexes
from tests.test_announcements import announcements_index
from tests.utils import QUERY_BUDGET, count_queries

WINNER, CONTRACT = ProcurementStage.WINNER, ProcurementStage.CONTRACT
NOVEMBER = datetime.date(2025, 11, 1)  # พฤศจิกายน 2568, fiscal year 2569
ROAD = "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยมาตุลี ๑๒"
PAPER = "ซื้อวัสดุสำนักงาน กองช่าง"
AGENCY = [
    "เทศบาลนครนครสวรรค์",
    "อำเภอเมืองนครสวรรค์",
    "จังหวัดนครสวรรค์",
    "กระทรวงมหาดไทย",
    "องค์กรปกครองส่วนท้องถิ่น",
]
ROAD_BIDDERS = [
    ("ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ", "4590000"),
    ("ห้างหุ้นส่วนจำกัด นครสวรรค์ก่อสร้าง", "4686390"),
    ("บริษัท ต้นน้ำเจ้าพระยา จำกัด", "4746060"),
]


def road(parent, slug, stage, **fields):
    return add(
        parent,
        slug,
        ROAD,
        stage=stage,
        date=datetime.date(2025, 10, 6),
        budget=Decimal("4850000"),
        reference_price=Decimal("4812300"),
        egp_number="69019012734",
        **fields,
    )


class SummaryFixture(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.home = HomePage.objects.get(locale__language_code="th")
        cls.notices = announcements_index(cls.home)
        cls.listing, cls.index = procurement_indexes(cls.home)
        n = cls.notices
        road(n, "road", ProcurementStage.INVITATION)
        winner = {
            "winner_name": "ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ",
            "agreed_price": Decimal("4590000"),
            "bidders": ROAD_BIDDERS,
        }
        road(n, "road-winner", WINNER, contract_date=datetime.date(2025, 11, 18), **winner)
        cls.road_contract = road(
            n,
            "road-contract",
            CONTRACT,
            contract_number="12/2569",
            contract_date=datetime.date(2025, 11, 20),
            reason="เป็นผู้เสนอราคาต่ำสุด และมีคุณสมบัติครบถ้วน",
            status="under-contract",
            **winner,
        )
        cls.paper = add(
            n,
            "paper-winner",
            PAPER,
            stage=WINNER,
            method=ProcurementMethod.SPECIFIC,
            budget=Decimal("85000"),
            reference_price=Decimal("85000"),
            egp_number="69019071842",
            winner_name="ร้านนครสวรรค์เครื่องเขียน",
            agreed_price=Decimal("84500.50"),
            bidders=[("ร้านนครสวรรค์เครื่องเขียน", "84500.50")],
            reason="เป็นผู้มีอาชีพขายโดยตรง",
            contract_number="ใบสั่งซื้อ 7/2569",
            contract_date=datetime.date(2025, 11, 3),
        )
        # Not in the engineering summary of November: December's contract, another unit's,
        # and a draft.
        add(
            n,
            "lamps-winner",
            "ซื้อโคมไฟ LED",
            stage=WINNER,
            egp_number="69019080215",
            winner_name="ร้าน ก",
            agreed_price=Decimal("90000"),
            contract_date=datetime.date(2025, 12, 1),
        )
        add(
            n,
            "trucks-winner",
            "ซื้อรถบรรทุกขยะ",
            unit="health",
            stage=WINNER,
            egp_number="69019045128",
            winner_name="บริษัท สี่แควยานยนต์ จำกัด",
            agreed_price=Decimal("5350000"),
            budget=Decimal("5400000"),
            contract_date=datetime.date(2025, 11, 10),
        )
        late = {"stage": WINNER, "agreed_price": Decimal("1")}
        draft = add(n, "draft-winner", "งานที่ยังไม่อนุมัติ", winner_name="x", **late)
        draft.contract_date = datetime.date(2025, 11, 5)
        draft.save_revision()  # a newer draft revision: the live page has no contract date
        hidden = add(n, "unpublished-winner", "งานที่ถอนการเผยแพร่", winner_name="y", **late)
        hidden.contract_date = datetime.date(2025, 11, 6)
        hidden.save()
        hidden.unpublish()

        cls.summary = ProcurementSummaryPageFactory(
            parent=cls.index,
            slug="engineering-2568-11",
            title="สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนพฤศจิกายน 2568 กองช่าง",
            month=datetime.date(2025, 11, 17),
            responsible_unit=unit("engineering"),
        )
        cls.empty = ProcurementSummaryPageFactory(
            parent=cls.index,
            slug="welfare-2568-11",
            title="สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนพฤศจิกายน 2568 กองสวัสดิการสังคม",
            month=NOVEMBER,
            responsible_unit=unit("welfare"),
        )


class MonthlySummaryTests(SummaryFixture):
    def test_the_month_lists_each_project_once_by_contract_date_with_exact_totals(self):
        summary = monthly_summary(unit("engineering"), NOVEMBER)
        self.assertEqual([n.slug for n in summary.rows], ["paper-winner", "road-contract"])
        self.assertEqual(
            summary.totals,
            {
                "budget": Decimal("4935000.00"),
                "reference_price": Decimal("4897300.00"),
                "agreed_price": Decimal("4674500.50"),
            },
        )

    def test_the_month_is_stored_as_its_first_day(self):
        self.assertEqual(self.summary.month, NOVEMBER)
        self.assertEqual(self.summary.fiscal_year, 2569)

    def test_the_page_shows_the_rows_the_bidders_and_the_totals(self):
        response = self.client.get("/procurement/summaries/engineering-2568-11/")
        self.assertContains(response, "แบบ สขร.๑")
        self.assertContains(response, "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568")
        html = response.content.decode()
        self.assertLess(html.index(PAPER), html.index(ROAD))
        for text in (
            "ห้างหุ้นส่วนจำกัด นครสวรรค์ก่อสร้าง 4,686,390.00 บาท",
            "เป็นผู้เสนอราคาต่ำสุด และมีคุณสมบัติครบถ้วน",
            "12/2569",
            "20 พฤศจิกายน 2568",
            "วิธีเฉพาะเจาะจง",
        ):
            self.assertContains(response, text)
        self.assertContains(
            response,
            '<tr><th scope="row" colspan="2">รวม</th><td class="money">4,935,000.00</td>'
            '<td class="money">4,897,300.00</td><td colspan="2"></td>'
            '<td>4,674,500.50 บาท</td><td colspan="2"></td></tr>',
            html=True,
        )
        self.assertNotContains(response, "ไม่มีการจัดซื้อจัดจ้าง")
        self.assertNotContains(response, "ซื้อโคมไฟ LED")
        self.assertNotContains(response, "ซื้อรถบรรทุกขยะ")
        self.assertNotContains(response, "งานที่ยังไม่อนุมัติ")
        self.assertNotContains(response, "งานที่ถอนการเผยแพร่")

    def test_an_empty_month_says_there_was_no_procurement(self):
        response = self.client.get("/procurement/summaries/welfare-2568-11/")
        self.assertContains(
            response, '<p class="procurement-summary__empty">ไม่มีการจัดซื้อจัดจ้าง</p>', html=True
        )
        self.assertNotContains(response, "<table")

    def test_the_csv_has_a_bom_and_thai_intact(self):
        response = self.client.get("/procurement/summaries/engineering-2568-11/csv/")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn(
            'filename="procurement-summary-engineering-2568-11.csv"',
            response["Content-Disposition"],
        )
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0], SUMMARY_HEADERS)
        self.assertEqual(
            rows[1],
            [
                "1",
                PAPER,
                "85000.00",
                "85000.00",
                "วิธีเฉพาะเจาะจง",
                "ร้านนครสวรรค์เครื่องเขียน 84,500.50 บาท",
                "ร้านนครสวรรค์เครื่องเขียน",
                "84500.50",
                "เป็นผู้มีอาชีพขายโดยตรง",
                "ใบสั่งซื้อ 7/2569",
                "3 พฤศจิกายน 2568",
            ],
        )
        self.assertEqual(rows[2][:3], ["2", ROAD, "4850000.00"])
        self.assertEqual(
            rows[2][5],
            "ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ 4,590,000.00 บาท\n"
            "ห้างหุ้นส่วนจำกัด นครสวรรค์ก่อสร้าง 4,686,390.00 บาท\n"
            "บริษัท ต้นน้ำเจ้าพระยา จำกัด 4,746,060.00 บาท",
        )
        self.assertEqual(
            rows[3], ["", "รวม", "4935000.00", "4897300.00", "", "", "", "4674500.50", "", "", ""]
        )
        self.assertEqual(len(rows), 4)

    def test_the_csv_of_an_empty_month_says_so(self):
        response = self.client.get("/procurement/summaries/welfare-2568-11/csv/")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[1][:2], ["", "ไม่มีการจัดซื้อจัดจ้าง"])
        self.assertEqual(len(rows), 2)

    def test_the_xlsx_holds_the_same_rows_as_numbers(self):
        response = self.client.get("/procurement/summaries/engineering-2568-11/xlsx/")
        self.assertEqual(response.status_code, 200)
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(values[0][0], "แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนพฤศจิกายน 2568")
        self.assertEqual(values[1][0], f"{unit('engineering').name} เทศบาลนครนครสวรรค์")
        self.assertEqual(values[2], SUMMARY_HEADERS)
        self.assertEqual(values[3][:4], [1, PAPER, 85000, 85000])
        self.assertEqual(values[4][7], 4590000)
        self.assertEqual(values[5][1:4], ["รวม", 4935000, 4897300])
        self.assertEqual(values[5][7], 4674500.5)
        self.assertEqual(sheet.cell(row=4, column=3).number_format, "#,##0.00")

    def test_summary_pages_stay_within_the_query_budget_whatever_the_rows(self):
        url = "/procurement/summaries/engineering-2568-11/"
        with_two = count_queries(self.client, url)
        for n in range(5):
            add(
                self.notices,
                f"more-{n}",
                f"งานเพิ่มเติม {n}",
                stage=WINNER,
                egp_number=f"6901900010{n}",
                winner_name="ร้าน ข",
                agreed_price=Decimal("1000"),
                bidders=[("ร้าน ข", "1000"), ("ร้าน ค", "1200")],
                contract_date=datetime.date(2025, 11, 25),
            )
        self.assertEqual(len(monthly_summary(unit("engineering"), NOVEMBER).rows), 7)
        self.assertEqual(count_queries(self.client, url), with_two)
        self.assertLessEqual(with_two, QUERY_BUDGET)
        for other in ("/procurement/summaries/", "/procurement/summaries/ita/2569/"):
            self.assertLessEqual(count_queries(self.client, other), QUERY_BUDGET, other)


class AnnualListTests(SummaryFixture):
    def test_the_ita_list_has_the_16_fields_of_each_project_of_the_year(self):
        response = self.client.get("/procurement/summaries/ita/2569/")
        self.assertContains(response, "รายงานสรุปผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2569")
        rows = response.context["rows"]
        self.assertEqual(len(ITA_HEADERS), 16)
        self.assertEqual(
            [row[7] for row in rows],
            # By date; the live version of a page with a newer draft counts.
            [ROAD, PAPER, "ซื้อโคมไฟ LED", "ซื้อรถบรรทุกขยะ", "งานที่ยังไม่อนุมัติ"],
        )
        self.assertEqual(
            rows[0],
            [
                1,
                2569,
                "เทศบาลนครนครสวรรค์",
                "อำเภอเมืองนครสวรรค์",
                "จังหวัดนครสวรรค์",
                "กระทรวงมหาดไทย",
                "องค์กรปกครองส่วนท้องถิ่น",
                ROAD,
                Decimal("4850000.00"),
                "งบประมาณรายจ่ายประจำปี",
                "อยู่ระหว่างระยะสัญญา",
                "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
                Decimal("4812300.00"),
                Decimal("4590000.00"),
                "ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ",
                "69019012734",
            ],
        )
        self.assertContains(response, '<td class="money">4,850,000.00</td>', html=True)

    def test_the_ita_list_downloads_as_csv_and_xlsx(self):
        response = self.client.get("/procurement/summaries/ita/2569/csv/")
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0], ITA_HEADERS)
        self.assertEqual(rows[1][7:9], [ROAD, "4850000.00"])
        self.assertEqual(rows[2][13:], ["84500.50", "ร้านนครสวรรค์เครื่องเขียน", "69019071842"])
        sheet = load_workbook(
            io.BytesIO(self.client.get("/procurement/summaries/ita/2569/xlsx/").content)
        ).active
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(values[1], ITA_HEADERS)
        self.assertEqual(values[2][2:8], [*AGENCY, ROAD])

    def test_a_year_without_procurement_and_impossible_years(self):
        self.assertContains(self.client.get("/procurement/summaries/ita/2560/"), "ไม่มีการจัดซื้อจัดจ้าง")
        for url in ("ita/1999/", "ita/99999/", "ita/abc/", "ita/2569/pdf/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(f"/procurement/summaries/{url}").status_code, 404)

    def test_the_transparency_centre_finds_the_summaries_and_the_annual_list(self):
        self.assertEqual(list(summary_pages(2569)), [self.summary.page_ptr.specific, self.empty])
        self.assertEqual(list(summary_pages(2568)), [])
        self.assertEqual(annual_list_url(2569), "/procurement/summaries/ita/2569/")
        self.index.unpublish()
        self.assertIsNone(annual_list_url(2569))

    def test_the_index_lists_summaries_by_fiscal_year_and_unit(self):
        response = self.client.get("/procurement/summaries/")
        self.assertContains(response, self.summary.title)
        self.assertContains(response, self.empty.title)
        self.assertContains(response, 'href="/procurement/summaries/ita/2569/"')
        filtered = self.client.get("/procurement/summaries/?unit=welfare&year=2569")
        self.assertNotContains(filtered, self.summary.title)
        self.assertContains(filtered, self.empty.title)
        other_year = self.client.get("/procurement/summaries/?year=2568")
        self.assertContains(other_year, "ไม่พบสรุปผลตามเงื่อนไขที่เลือก")
        nonsense = self.client.get("/procurement/summaries/?unit=<x>&year=abcd")
        self.assertContains(nonsense, self.summary.title)

    def test_the_index_shows_one_page_of_summaries_in_the_same_queries(self):
        url = "/procurement/summaries/"
        with_two = count_queries(self.client, url)
        for months_back in range(1, SUMMARIES_PER_PAGE + 1):  # one more than a page in all
            month = datetime.date(2025 - (months_back + 1) // 12, 12 - (months_back + 1) % 12, 1)
            ProcurementSummaryPageFactory(
                parent=self.index,
                slug=f"engineering-{month:%Y-%m}",
                month=month,
                responsible_unit=unit("engineering"),
            )
        first = self.client.get(url)
        self.assertContains(first, 'class="notice-list__item"', count=SUMMARIES_PER_PAGE)
        self.assertContains(first, self.summary.title)  # the newest month first
        self.assertContains(first, 'href="?page=2"')
        second = self.client.get(url + "?page=2")
        self.assertContains(second, 'class="notice-list__item"', count=2)
        self.assertContains(second, "สรุปผลการจัดซื้อจัดจ้าง 11/2022 ")  # the oldest
        self.assertEqual(count_queries(self.client, url), with_two)


class SummaryRulesTests(SummaryFixture):
    def draft(self, **fields):
        page = ProcurementSummaryPage(
            title="สรุปผล", slug="draft", locale=self.home.locale, **fields
        )
        page.path, page.depth = f"{self.index.path}9999", self.index.depth + 1  # never saved
        return page

    def errors(self, page):
        with self.assertRaises(ValidationError) as raised:
            page.full_clean()
        return raised.exception.message_dict

    def test_a_summary_needs_a_unit_a_month_that_has_come_and_no_twin(self):
        self.assertEqual(
            self.errors(self.draft(month=NOVEMBER))["responsible_unit"],
            ["สรุปผลการจัดซื้อจัดจ้างต้องระบุหน่วยงาน"],
        )
        engineering = unit("engineering")
        twin = self.draft(month=datetime.date(2025, 11, 30), responsible_unit=engineering)
        self.assertEqual(self.errors(twin)["month"], ["หน่วยงานนี้มีสรุปผลของเดือนนี้แล้ว"])
        next_month = timezone.localdate().replace(day=1) + datetime.timedelta(days=32)
        future = self.draft(month=next_month, responsible_unit=engineering)
        self.assertEqual(self.errors(future)["month"], ["สรุปผลได้เฉพาะเดือนที่ถึงแล้ว"])
        self.draft(month=datetime.date(2025, 10, 9), responsible_unit=engineering).full_clean()

    def test_the_tree(self):
        self.assertAllowedParentPageTypes(ProcurementIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProcurementIndexPage, {ProcurementSummaryIndexPage})
        self.assertAllowedParentPageTypes(ProcurementSummaryIndexPage, {ProcurementIndexPage})
        self.assertAllowedSubpageTypes(ProcurementSummaryIndexPage, {ProcurementSummaryPage})
        self.assertAllowedParentPageTypes(ProcurementSummaryPage, {ProcurementSummaryIndexPage})
        self.assertAllowedSubpageTypes(ProcurementSummaryPage, {})
        self.assertCanNotCreateAt(AnnouncementIndexPage, ProcurementSummaryPage)
        self.assertCanNotCreateAt(HomePage, ProcurementSummaryPage)
        self.assertFalse(ProcurementIndexPage.can_create_at(self.home))  # one per home page
        self.assertFalse(ProcurementSummaryIndexPage.can_create_at(self.listing))

    def test_the_pages_are_routable_and_renderable(self):
        for path in ("", "csv/", "xlsx/"):
            self.assertPageIsRoutable(self.summary, path)
        for path in ("", "ita/2569/", "ita/2569/csv/", "ita/2569/xlsx/"):
            self.assertPageIsRoutable(self.index, path)
        self.assertPageIsRenderable(self.listing, query_data={"format": "csv"})
        self.assertPageIsRenderable(self.summary)
        self.assertPageIsRenderable(self.index)


class CreateSummariesCommandTests(SummaryFixture):
    def run_command(self, *args):
        out = io.StringIO()
        call_command("create_procurement_summaries", *args, stdout=out)
        return out.getvalue()

    def test_drafts_for_last_month_for_every_unit_with_procurement(self):
        today = timezone.make_aware(datetime.datetime(2025, 12, 1, 6, 0))
        with mock.patch("django.utils.timezone.now", return_value=today):
            output = self.run_command()
        self.assertIn("มีอยู่แล้ว: " + self.summary.title, output)
        created = ProcurementSummaryPage.objects.get(
            month=NOVEMBER, responsible_unit=unit("health")
        )
        self.assertFalse(created.live)  # it goes through approval
        self.assertEqual(
            created.title,
            "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนพฤศจิกายน 2568 " + created.responsible_unit.name,
        )
        self.assertEqual(created.get_parent().pk, self.index.pk)
        self.assertIn("สร้างฉบับร่างแล้ว: " + created.title, output)
        again = ProcurementSummaryPage.objects.count()
        with mock.patch("django.utils.timezone.now", return_value=today):
            self.run_command()
        self.assertEqual(ProcurementSummaryPage.objects.count(), again)

    def test_a_chosen_month_and_unit_in_thai_digits(self):
        self.run_command("--month", "๒๕๖๘-๑๐", "--unit", "finance")
        page = ProcurementSummaryPage.objects.get(responsible_unit=unit("finance"))
        self.assertEqual(page.month, datetime.date(2025, 10, 1))

    def test_bad_arguments_get_a_thai_message(self):
        for args, message in (
            (["--month", "11/2568"], "เดือนไม่ถูกต้อง"),
            (["--month", "2568-13"], "เดือนไม่ถูกต้อง"),
            (["--unit", "nowhere"], "ไม่พบหน่วยงาน: nowhere"),
            (["--month", "2700-01"], "สรุปผลได้เฉพาะเดือนที่ถึงแล้ว"),
        ):
            with self.subTest(args=args), self.assertRaisesMessage(CommandError, message):
                self.run_command(*args)

    def test_without_a_summaries_index_a_person_is_told_and_the_scheduler_is_not_failed(self):
        self.index.delete()
        with self.assertRaisesMessage(CommandError, "ยังไม่มีหน้ารวมสรุปผลการจัดซื้อจัดจ้าง"):
            self.run_command()
        self.assertIn("ไม่มีอะไรต้องสร้าง", self.run_command("--scheduled"))
        self.assertFalse(ProcurementSummaryPage.objects.exists())


class DemoSummariesTests(WagtailPageTestCase):
    """The procurement demo with the schools' notices, then the summaries, loaded twice (a
    test of the demo loaders themselves)."""

    @classmethod
    def setUpTestData(cls):
        loader.load_site_settings()
        cls.home = home_demo.load_home()
        cls.load()

    @classmethod
    def load(cls):
        procurement_demo.load(cls.home)
        schools_demo.load(cls.home)
        demo_summaries.load(cls.home)

    def test_loading_twice_creates_no_duplicates(self):
        before = (Page.objects.count(), ProcurementBidder.objects.count())
        self.load()
        self.assertEqual((Page.objects.count(), ProcurementBidder.objects.count()), before)

    def test_winners_name_their_bidders_and_their_contract(self):
        winners = ProcurementNoticePage.objects.filter(stage=WINNER)
        self.assertGreaterEqual(winners.count(), 8)
        for notice in winners:
            with self.subTest(notice=notice.slug):
                self.assertIn(notice.winner_name, [b.name for b in notice.bidders.all()])
                self.assertTrue(notice.contract_number and notice.contract_date and notice.reason)
                self.assertEqual(notice.documents[0].value["role"], "announcement")

    def test_recent_months_have_live_summaries_and_one_is_empty(self):
        summaries = ProcurementSummaryPage.objects.live()
        self.assertGreaterEqual(summaries.count(), 2)
        last_month = demo_summaries.ended_months(1)[0]
        empty = summaries.get(responsible_unit__slug="welfare", month=last_month)
        self.assertContains(self.client.get(empty.url), "ไม่มีการจัดซื้อจัดจ้าง")
        self.assertTrue(any(page.summary().rows for page in summaries))
        self.assertContains(self.client.get("/en/procurement/summaries/"), "Monthly procurement")


class SummaryEditorTests(SummaryFixture):
    def add_summary(self, month, unit):
        url = reverse(
            "wagtailadmin_pages:add",
            args=("procurement", "procurementsummarypage", self.index.pk),
        )
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data.update(
            {
                "title": "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนตุลาคม 2568",
                "slug": f"{unit.slug}-{month.replace('/', '-')}",
                "month": month,
                "responsible_unit": str(unit.pk),
            }
        )
        return self.client.post(url, data)

    def test_an_editor_drafts_a_summary_and_a_second_one_is_refused_in_thai(self):
        sign_in(self.client, self.create_superuser("editor"))
        health = unit("health")
        self.add_summary("15/10/2025", health)
        page = ProcurementSummaryPage.objects.get(responsible_unit=health)
        self.assertEqual((page.month, page.live), (datetime.date(2025, 10, 1), False))
        response = self.add_summary("01/10/2025", health)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "หน่วยงานนี้มีสรุปผลของเดือนนี้แล้ว")
        self.assertEqual(ProcurementSummaryPage.objects.filter(responsible_unit=health).count(), 1)
