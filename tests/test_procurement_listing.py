"""The procurement listing: filters by unit, school, fiscal year, method and stage, bad query
strings, the query budget, the open-data CSV and JSON, and unit and school pages listing their
own procurement."""

import csv
import datetime
import io
from decimal import Decimal

from bs4 import BeautifulSoup
from django.test import TestCase
from jsonschema import Draft202012Validator

from procurement.models import ProcurementMethod, ProcurementStage
from procurement.opendata import CSV_HEADERS, NOTICES_SCHEMA
from tests.factories import (
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DocumentFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.procurement_support import add, procurement_indexes
from tests.test_announcements import announcements_index
from tests.utils import QUERY_BUDGET, count_queries

WINNER = ProcurementStage.WINNER
# Formats (dates) checked too, as a consumer of the open data would.
VALIDATOR = Draft202012Validator(NOTICES_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(value):
    """Where ``value`` breaks the published schema, as ``(path, message)`` pairs."""
    return [(list(error.absolute_path), error.message) for error in VALIDATOR.iter_errors(value)]


class ProcurementListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()
        cls.notices = announcements_index(cls.home)
        schools = SchoolIndexPageFactory(parent=cls.home, slug="schools", title="โรงเรียนเทศบาล")
        cls.school_1 = SchoolPageFactory(
            parent=schools, slug="school-1", title="โรงเรียนเทศบาลวัดไทรใต้", code="ท.๑"
        )
        school_2 = SchoolPageFactory(
            parent=schools, slug="school-2", title="โรงเรียนเทศบาลวัดปากน้ำโพใต้", code="ท.๒"
        )
        units = DepartmentIndexPageFactory(parent=cls.home, slug="departments", title="หน่วยงาน")
        DepartmentPageFactory(
            parent=units, slug="engineering", title="กองช่าง", unit=unit("engineering")
        )
        cls.listing, _summaries = procurement_indexes(cls.home)
        n = cls.notices
        cls.tor = DocumentFactory(title="ขอบเขตของงาน ถนนซอยมาตุลี")
        add(
            n,
            "road",
            "จ้างก่อสร้างถนน ซอยมาตุลี ๑๒",
            date=datetime.date(2025, 10, 6),
            budget=Decimal("4850000"),
            egp_number="69019012734",
            documents=[
                {"type": "document", "value": {"role": "tor", "document": cls.tor.pk, "title": ""}}
            ],
        )
        add(
            n,
            "road-winner",
            "จ้างก่อสร้างถนน ซอยมาตุลี ๑๒",
            stage=WINNER,
            date=datetime.date(2025, 11, 14),
            budget=Decimal("4850000"),
            egp_number="69019012734",
            winner_name="ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ",
            agreed_price=Decimal("4590000"),
            bidders=[
                ("ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ", "4590000"),
                ("บริษัท ต้นน้ำเจ้าพระยา จำกัด", "4746060.25"),
            ],
        )
        add(
            n,
            "paper-winner",
            "ซื้อวัสดุสำนักงาน สำนักปลัดเทศบาล",
            unit="clerk",
            stage=WINNER,
            method=ProcurementMethod.SPECIFIC,
            date=datetime.date(2025, 3, 1),
            budget=Decimal("85000"),
            winner_name="ร้านนครสวรรค์เครื่องเขียน",
            agreed_price=Decimal("84500"),
        )
        add(
            cls.school_1,
            "milk-winner",
            "ซื้ออาหารเสริม (นม) ภาคเรียนที่ ๒",
            unit="education",
            stage=WINNER,
            method=ProcurementMethod.SPECIFIC,
            date=datetime.date(2025, 11, 2),
            budget=Decimal("412000"),
            winner_name="บริษัท นมสดนครสวรรค์ จำกัด",
            agreed_price=Decimal("411840"),
            bidders=[("บริษัท นมสดนครสวรรค์ จำกัด", "411840")],
        )
        add(
            school_2,
            "computers",
            "ซื้อครุภัณฑ์คอมพิวเตอร์ ๒๐ ชุด",
            unit="education",
            method=ProcurementMethod.E_MARKET,
            date=datetime.date(2025, 10, 20),
            budget=Decimal("480000"),
        )

    def subjects(self, query=""):
        response = self.client.get(f"/procurement/?{query}")
        self.assertEqual(response.status_code, 200)
        return [notice.subject for notice in response.context["notices"]]

    def test_every_notice_newest_first_with_stage_method_and_owner(self):
        response = self.client.get("/procurement/")
        self.assertEqual(
            self.subjects(),
            [
                "จ้างก่อสร้างถนน ซอยมาตุลี ๑๒",
                "ซื้ออาหารเสริม (นม) ภาคเรียนที่ ๒",
                "ซื้อครุภัณฑ์คอมพิวเตอร์ ๒๐ ชุด",
                "จ้างก่อสร้างถนน ซอยมาตุลี ๑๒",
                "ซื้อวัสดุสำนักงาน สำนักปลัดเทศบาล",
            ],
        )
        self.assertContains(response, "พบ 5 ประกาศ")
        text = " ".join(BeautifulSoup(response.content, "html.parser").main.get_text().split())
        self.assertIn("ประกาศผู้ชนะการเสนอราคา · วิธีเฉพาะเจาะจง · โรงเรียนเทศบาลวัดไทรใต้", text)
        self.assertIn("ผู้ชนะการเสนอราคา ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ 4,590,000.00 บาท", text)

    def test_filters_by_unit_school_year_method_and_stage(self):
        for query, expected in (
            ("unit=engineering", ["road-winner", "road"]),
            ("school=school-1", ["milk-winner"]),
            ("year=2568", ["paper-winner"]),
            ("year=๒๕๖๘", ["paper-winner"]),
            ("method=specific", ["milk-winner", "paper-winner"]),
            ("stage=winner", ["road-winner", "milk-winner", "paper-winner"]),
            ("unit=education&stage=invitation", ["computers"]),
            ("school=school-2&method=specific", []),
        ):
            with self.subTest(query=query):
                response = self.client.get(f"/procurement/?{query}")
                self.assertEqual([n.slug for n in response.context["notices"]], expected)
        empty = self.client.get("/procurement/?school=school-2&method=specific")
        self.assertContains(empty, "ไม่พบประกาศตามเงื่อนไขที่เลือก")

    def test_bad_query_strings_are_ignored(self):
        query = "unit=<script>&school=../&year=abcd&method=x&stage=%00&page=-1&format=pdf"
        self.assertEqual(len(self.subjects(query)), 5)
        response = self.client.get("/procurement/?year=99999&page=abc&stage=winner&stage=x")
        self.assertEqual(response.status_code, 200)

    def test_the_listing_stays_within_the_query_budget_whatever_the_count(self):
        few = count_queries(self.client, "/procurement/")
        for n in range(25):
            add(self.notices, f"more-{n}", f"งานเพิ่มเติม {n}", unit="health")
        self.assertEqual(count_queries(self.client, "/procurement/"), few)
        self.assertEqual(count_queries(self.client, "/procurement/?page=2&unit=health"), few)
        self.assertLessEqual(few, QUERY_BUDGET)

    def test_csv_has_a_bom_thai_intact_and_the_filters_of_the_listing(self):
        response = self.client.get("/procurement/?format=csv&unit=engineering")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn('filename="procurement-notices.csv"', response["Content-Disposition"])
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(list(rows[0]), [label for _key, label in CSV_HEADERS])
        self.assertEqual(
            [row["ขั้นตอน"] for row in rows], ["ประกาศผู้ชนะการเสนอราคา", "ประกาศเชิญชวน / ประกวดราคา"]
        )
        winner = rows[0]
        self.assertEqual(winner["ลิงก์"], "http://testserver/announcements/road-winner/")
        self.assertEqual(winner["งบประมาณ (บาท)"], "4850000.00")
        self.assertEqual(winner["ราคาที่ตกลงซื้อหรือจ้าง (บาท)"], "4590000.00")
        self.assertEqual(
            winner["ผู้เสนอราคาและราคาที่เสนอ"],
            "ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ 4590000.00; บริษัท ต้นน้ำเจ้าพระยา จำกัด 4746060.25",
        )
        self.assertEqual(winner["ปีงบประมาณ"], "2569")
        self.assertEqual(winner["วันที่ประกาศ"], "2025-11-14")

    def test_json_validates_against_its_schema_and_keeps_the_filters(self):
        response = self.client.get("/procurement/?format=json")
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        data = response.json()
        self.assertEqual(schema_errors(data), [])
        self.assertEqual(data["count"], 5)
        self.assertEqual(data["version"], 1)

        school = self.client.get("/procurement/?format=json&school=school-1&unit=<x>").json()
        self.assertEqual(schema_errors(school), [])
        self.assertEqual(school["filters"], {"school": "school-1"})
        [milk] = school["notices"]
        self.assertEqual(milk["school"], {"slug": "school-1", "name": "โรงเรียนเทศบาลวัดไทรใต้"})
        self.assertEqual(milk["unit"]["slug"], "education")
        self.assertEqual(milk["budget"], "412000.00")
        self.assertEqual(milk["agreed_price"], "411840.00")
        self.assertEqual(
            milk["bidders"], [{"name": "บริษัท นมสดนครสวรรค์ จำกัด", "price": "411840.00"}]
        )
        self.assertEqual(milk["url"], "http://testserver/schools/school-1/milk-winner/")

        road = self.client.get("/procurement/?format=json&stage=invitation&unit=engineering").json()
        [invitation] = road["notices"]
        self.assertEqual(
            invitation["documents"],
            [{"role": "tor", "title": self.tor.title, "url": f"http://testserver{self.tor.url}"}],
        )
        self.assertIsNone(invitation["agreed_price"])
        self.assertEqual([path for path, _ in schema_errors({**data, "version": 2})], [["version"]])
        broken = {**invitation, "date": "14/11/2568"}
        self.assertEqual(
            [path for path, _ in schema_errors({**road, "notices": [broken]})],
            [["notices", 0, "date"]],
        )

    def test_the_listing_links_to_its_downloads_with_the_current_filters(self):
        response = self.client.get("/procurement/?unit=engineering&page=1")
        self.assertContains(response, 'href="/procurement/?format=csv&amp;unit=engineering"')
        self.assertContains(response, 'href="/procurement/?format=json&amp;unit=engineering"')
        self.assertContains(response, 'href="/procurement/summaries/"')

    def test_a_unit_page_lists_its_own_procurement(self):
        response = self.client.get("/departments/engineering/")
        self.assertContains(response, "การจัดซื้อจัดจ้างของหน่วยงาน")
        self.assertContains(response, "ประกาศเทศบาลนครนครสวรรค์ เรื่อง จ้างก่อสร้างถนน ซอยมาตุลี ๑๒")
        self.assertNotContains(response, "ซื้อวัสดุสำนักงาน")
        self.assertContains(response, 'href="/procurement/?unit=engineering"')
        few = count_queries(self.client, "/departments/engineering/")
        for n in range(6):
            add(self.notices, f"engineering-{n}", f"งานกองช่าง {n}")
        self.assertEqual(count_queries(self.client, "/departments/engineering/"), few)
        self.assertLessEqual(few, QUERY_BUDGET)

    def test_a_school_page_lists_its_own_procurement_with_the_stage(self):
        response = self.client.get("/schools/school-1/")
        self.assertContains(response, "ซื้ออาหารเสริม (นม)")
        self.assertContains(response, "ประกาศผู้ชนะการเสนอราคา · วิธีเฉพาะเจาะจง")
        self.assertNotContains(response, "ซื้อครุภัณฑ์คอมพิวเตอร์")

    def test_the_english_listing_shows_the_thai_notices(self):
        translate(self.listing, {"จัดซื้อจัดจ้าง": "Procurement"})
        response = self.client.get("/en/procurement/")
        self.assertContains(response, "<h1>Procurement</h1>", html=True)
        self.assertEqual(len(response.context["notices"]), 5)
