"""Procurement notices (H5, S1): tree rules, structured fields, validation, the notice page."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from about.models import HistoryPage
from home.models import HomePage
from news.models import AnnouncementIndexPage, AnnouncementKind, AnnouncementPage, NewsIndexPage
from procurement.models import (
    ProcurementBidder,
    ProcurementMethod,
    ProcurementNoticePage,
    ProcurementStage,
)
from procurement.models.notices import stage_for_kind
from schools.models import SchoolPage
from tests.factories import (
    DocumentFactory,
    HistoryPageFactory,
    NewsIndexPageFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
    site_settings,
    translate,
    translated_home,
)
from tests.moderation_support import sign_in
from tests.test_announcements import add_notice, announcements_index
from tests.utils import QUERY_BUDGET, count_queries

PROCUREMENT, WINNER = AnnouncementKind.PROCUREMENT, AnnouncementKind.WINNER


class ProcurementTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.announcements = announcements_index(home)
        cls.history = HistoryPageFactory(parent=home, slug="history", title="ประวัติความเป็นมา")
        cls.news = NewsIndexPageFactory(parent=home, slug="news", title="ข่าวสาร")
        schools = SchoolIndexPageFactory(
            parent=home, slug="schools", title="จัดซื้อจัดจ้างโรงเรียนเทศบาล"
        )
        cls.school = SchoolPageFactory(
            parent=schools, slug="school-1", title="โรงเรียนเทศบาลวัดไทรใต้", code="ท.๑"
        )
        cls.user = cls.create_superuser("editor")

    def test_a_notice_goes_under_the_announcements_or_a_school_and_nowhere_else(self):
        self.assertAllowedParentPageTypes(
            ProcurementNoticePage, {AnnouncementIndexPage, SchoolPage}
        )
        self.assertAllowedSubpageTypes(ProcurementNoticePage, {})
        self.assertCanCreateAt(AnnouncementIndexPage, ProcurementNoticePage)
        self.assertCanCreateAt(SchoolPage, ProcurementNoticePage)
        self.assertCanNotCreateAt(HistoryPage, ProcurementNoticePage)
        self.assertCanNotCreateAt(NewsIndexPage, ProcurementNoticePage)
        self.assertCanNotCreateAt(HomePage, ProcurementNoticePage)

    def add_url(self, parent):
        return reverse(
            "wagtailadmin_pages:add", args=("procurement", "procurementnoticepage", parent.pk)
        )

    def test_the_admin_refuses_a_notice_under_the_history_page_or_the_news(self):
        sign_in(self.client, self.user)
        for parent in (self.history, self.news):
            with self.subTest(parent=parent.title):
                response = self.client.get(self.add_url(parent))
                self.assertRedirects(response, reverse("wagtailadmin_home"))

    def test_the_admin_offers_a_notice_under_announcements_and_a_school_with_five_stages(self):
        sign_in(self.client, self.user)
        for parent in (self.announcements, self.school):
            with self.subTest(parent=parent.title):
                response = self.client.get(self.add_url(parent))
                self.assertEqual(response.status_code, 200)
                form = response.context["form"]
                self.assertEqual(
                    [value for value, _label in form.fields["stage"].choices],
                    ["plan", "invitation", "reference-price", "winner", "contract"],
                )
                self.assertEqual(form["stage"].value(), ProcurementStage.INVITATION)
                self.assertNotIn("kind", form.fields)
                self.assertIn("bidders", form.formsets)


class ProcurementValidationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.index = announcements_index(home)
        cls.notice = add_notice(
            cls.index,
            "road",
            "ประกวดราคาจ้างก่อสร้างถนน",
            datetime.date(2025, 11, 3),
            budget=Decimal("4850000"),
            reference_price=Decimal("4812300"),
            egp_number="69019012734",
        )

    def draft(self, **fields):
        values = {
            "title": "ซื้อวัสดุสำนักงาน",
            "slug": "office-supplies",
            "budget": Decimal("85000"),
            "method": ProcurementMethod.SPECIFIC,
            **fields,
        }
        page = ProcurementNoticePage(**values)
        page.path, page.depth = f"{self.index.path}9999", self.index.depth + 1  # never saved
        return page

    def errors(self, page):
        with self.assertRaises(ValidationError) as raised:
            page.full_clean()
        return raised.exception.message_dict

    def test_a_valid_notice_passes(self):
        self.draft(egp_number="69019012799", reference_price=Decimal("0")).full_clean()

    def test_negative_money_is_refused_in_thai(self):
        for field in ("budget", "reference_price", "agreed_price"):
            with self.subTest(field=field):
                errors = self.errors(self.draft(**{field: Decimal("-1.00")}))
                self.assertEqual(errors[field], ["จำนวนเงินต้องไม่ติดลบ"])

    def test_the_announcement_kind_follows_the_stage(self):
        for stage, kind in (
            (ProcurementStage.PLAN, PROCUREMENT),
            (ProcurementStage.INVITATION, PROCUREMENT),
            (ProcurementStage.REFERENCE_PRICE, PROCUREMENT),
            (ProcurementStage.WINNER, WINNER),
            (ProcurementStage.CONTRACT, WINNER),
        ):
            with self.subTest(stage=stage):
                page = self.draft(
                    stage=stage,
                    kind=AnnouncementKind.COUNCIL,
                    winner_name="บริษัท ก จำกัด",
                    agreed_price=Decimal("80000"),
                    contract_number="12/2568",
                    contract_date=datetime.date(2025, 11, 20),
                )
                page.full_clean()
                self.assertEqual(page.kind, kind)

    def test_a_notice_known_by_its_kind_is_at_the_first_stage_of_that_kind(self):
        # As an import that knows only the announcement kind creates or changes it.
        self.assertEqual(stage_for_kind(WINNER), ProcurementStage.WINNER)
        self.assertEqual(stage_for_kind(PROCUREMENT), ProcurementStage.INVITATION)
        self.assertEqual(stage_for_kind(WINNER, ProcurementStage.CONTRACT), "contract")
        self.assertEqual(stage_for_kind(PROCUREMENT, ProcurementStage.CONTRACT), "invitation")

    def test_an_agreed_price_above_the_budget_needs_a_reason(self):
        over = {
            "stage": ProcurementStage.WINNER,
            "winner_name": "ร้าน ข",
            "budget": Decimal("85000"),
        }
        errors = self.errors(self.draft(agreed_price=Decimal("85000.01"), **over))
        self.assertEqual(
            errors["agreed_price"], ["ราคาที่ตกลงซื้อหรือจ้างสูงกว่างบประมาณ ต้องระบุเหตุผลที่คัดเลือก"]
        )
        self.draft(agreed_price=Decimal("85000.00"), **over).full_clean()
        explained = self.draft(
            agreed_price=Decimal("90000"), reason="ได้รับอนุมัติเงินเพิ่มเติมตามมติสภา", **over
        )
        explained.full_clean()

    def test_a_contract_summary_needs_its_number_and_date(self):
        errors = self.errors(
            self.draft(
                stage=ProcurementStage.CONTRACT, winner_name="ร้าน ข", agreed_price=Decimal("1")
            )
        )
        self.assertEqual(errors["contract_number"], ["สาระสำคัญในสัญญาต้องระบุเลขที่สัญญาหรือใบสั่ง"])
        self.assertEqual(errors["contract_date"], ["สาระสำคัญในสัญญาต้องระบุวันที่ทำสัญญาหรือใบสั่ง"])

    def test_a_bidder_price_cannot_be_negative(self):
        bidder = ProcurementBidder(page=self.notice, name="ร้าน ค", price=Decimal("-0.01"))
        with self.assertRaises(ValidationError) as raised:
            bidder.full_clean()
        self.assertEqual(raised.exception.message_dict["price"], ["จำนวนเงินต้องไม่ติดลบ"])

    def test_a_winner_notice_needs_the_winner_and_the_agreed_price(self):
        errors = self.errors(self.draft(stage=ProcurementStage.WINNER))
        self.assertEqual(errors["winner_name"], ["ประกาศผู้ชนะการเสนอราคาต้องระบุชื่อผู้ชนะการเสนอราคา"])
        self.assertEqual(errors["agreed_price"], ["ประกาศผู้ชนะการเสนอราคาต้องระบุราคาที่ตกลงซื้อหรือจ้าง"])

    def test_egp_number_is_digits_only_and_thai_digits_are_converted(self):
        errors = self.errors(self.draft(egp_number="69-019-AB"))
        self.assertEqual(errors["egp_number"], ["เลขที่โครงการ e-GP ต้องเป็นตัวเลขเท่านั้น"])
        page = self.draft(egp_number="๖๙๐๑๙ ๐๑๒๗๓๔")
        page.full_clean()
        self.assertEqual(page.egp_number, "69019012734")

    def test_a_new_notice_is_saved_as_a_procurement_notice(self):
        new = ProcurementNoticePage(title="ซื้อวัสดุ", slug="supplies", budget=Decimal("1"))
        self.index.add_child(instance=new)
        saved = AnnouncementPage.objects.get(pk=new.pk)
        self.assertEqual((new.stage, saved.kind), (ProcurementStage.INVITATION, PROCUREMENT))
        self.assertEqual(AnnouncementPage().kind, AnnouncementKind.OTHER)

    def test_the_editor_sees_the_thai_message_when_saving_a_negative_budget(self):
        sign_in(self.client, self.create_superuser("editor"))
        url = reverse("wagtailadmin_pages:edit", args=(self.notice.pk,))
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
        data["budget"] = "-5"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "จำนวนเงินต้องไม่ติดลบ")
        self.notice.refresh_from_db()
        self.assertEqual(self.notice.budget, Decimal("4850000"))


class ProcurementNoticePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        home = translated_home()
        cls.index = announcements_index(home)
        cls.document = DocumentFactory(title="ประกาศผู้ชนะ ซื้อรถบรรทุกขยะ")
        cls.tor = DocumentFactory(title="ขอบเขตของงาน ซื้อรถบรรทุกขยะ")
        cls.winner = add_notice(
            cls.index,
            "garbage-trucks-winner",
            "ประกาศผู้ชนะการเสนอราคา ซื้อรถบรรทุกขยะมูลฝอยแบบอัดท้าย ขนาด ๖ ตัน",
            datetime.date(2025, 11, 14),
            kind=WINNER,
            unit="health",
            method=ProcurementMethod.E_BIDDING,
            budget=Decimal("5400000"),
            reference_price=Decimal("5398000.5"),
            agreed_price=Decimal("1234567"),
            winner_name="บริษัท สี่แควยานยนต์ จำกัด",
            egp_number="69019045128",
            status="under-contract",
            contract_number="45/2569",
            contract_date=datetime.date(2025, 11, 21),
            bidders=[
                ProcurementBidder(name="บริษัท สี่แควยานยนต์ จำกัด", price=Decimal("1234567")),
                ProcurementBidder(name="บริษัท ปากน้ำโพมอเตอร์ จำกัด", price=Decimal("1300000.5")),
            ],
            body=[{"type": "paragraph", "value": "<p>ผู้ได้รับการคัดเลือกตามประกาศนี้</p>"}],
            attachments=[{"type": "document", "value": {"document": cls.document.pk, "title": ""}}],
            documents=[
                {
                    "type": "document",
                    "value": {"role": "tor", "document": cls.tor.pk, "title": "TOR รถบรรทุกขยะ"},
                }
            ],
        )
        translate(cls.index, {cls.index.title: "Announcements"})
        translate(cls.winner, {cls.winner.title: "Winning bid: two garbage compactor trucks"})

    def test_notice_shows_its_structured_fields_with_money_in_baht(self):
        response = self.client.get("/announcements/garbage-trucks-winner/")
        self.assertContains(response, f"<h1>{self.winner.title}</h1>", html=True)
        for term, detail in (
            ("ขั้นตอน", "ประกาศผู้ชนะการเสนอราคา"),
            ("สถานะ", "อยู่ระหว่างระยะสัญญา"),
            ("เลขที่สัญญา", "45/2569"),
            ("วันที่ทำสัญญา", '<time datetime="2025-11-21">21 พฤศจิกายน 2568</time>'),
            ("วิธีการจัดหา", "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"),
            ("เลขที่โครงการ (e-GP)", "69019045128"),
            ("งบประมาณ", "5,400,000.00 บาท"),
            ("ราคากลาง", "5,398,000.50 บาท"),
            ("ผู้ชนะการเสนอราคา", "บริษัท สี่แควยานยนต์ จำกัด"),
            ("ราคาที่ตกลงซื้อหรือจ้าง", "1,234,567.00 บาท"),
            ("หน่วยงานที่รับผิดชอบ", "สำนักงานการสาธารณสุขและสิ่งแวดล้อม"),
            ("ปีงบประมาณ", "พ.ศ. 2569"),
        ):
            with self.subTest(term=term):
                self.assertContains(response, f"<dt>{term}</dt><dd>{detail}</dd>", html=True)
        self.assertContains(response, "14 พฤศจิกายน 2568")
        self.assertContains(response, "ผู้ได้รับการคัดเลือกตามประกาศนี้")

    def test_notice_offers_its_pdf_with_type_and_size(self):
        response = self.client.get("/announcements/garbage-trucks-winner/")
        self.assertContains(response, f'href="{self.document.url}"')
        self.assertContains(response, "(PDF, ")

    def test_notice_lists_the_bidders_and_the_tor_with_its_role(self):
        response = self.client.get("/announcements/garbage-trucks-winner/")
        self.assertContains(
            response,
            '<tr><td>บริษัท ปากน้ำโพมอเตอร์ จำกัด</td><td class="money">1,300,000.50 บาท</td></tr>',
            html=True,
        )
        self.assertContains(
            response, '<span class="document-link__role">ขอบเขตของงาน (TOR):</span>'
        )
        self.assertContains(response, f'href="{self.tor.url}"')

    def test_api_v2_gives_the_structured_fields(self):
        response = self.client.get(
            "/api/v2/pages/",
            {
                "type": "procurement.ProcurementNoticePage",
                "fields": "stage,budget,agreed_price,contract_date,bidders,egp_number",
            },
        )
        self.assertEqual(response.status_code, 200)
        [item] = [i for i in response.json()["items"] if i["id"] == self.winner.pk]
        self.assertEqual(item["stage"], "winner")
        self.assertEqual(item["budget"], "5400000.00")
        self.assertEqual(item["agreed_price"], "1234567.00")
        self.assertEqual(item["contract_date"], "2025-11-21")
        self.assertEqual(item["egp_number"], "69019045128")
        self.assertEqual(
            [(b["name"], b["price"]) for b in item["bidders"]],
            [
                ("บริษัท สี่แควยานยนต์ จำกัด", "1234567.00"),
                ("บริษัท ปากน้ำโพมอเตอร์ จำกัด", "1300000.50"),
            ],
        )

    def test_notice_renders_in_english(self):
        response = self.client.get("/en/announcements/garbage-trucks-winner/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(
            response, "<h1>Winning bid: two garbage compactor trucks</h1>", html=True
        )
        self.assertContains(response, "14 November 2025")
        self.assertContains(response, "5,400,000.00")
        self.assertContains(response, "69019045128")

    def test_a_notice_page_stays_within_the_query_budget(self):
        self.assertPageIsRenderable(self.winner)
        for url in (
            "/announcements/garbage-trucks-winner/",
            "/en/announcements/garbage-trucks-winner/",
        ):
            with self.subTest(url=url):
                self.assertLessEqual(count_queries(self.client, url), QUERY_BUDGET)


class MoneyFilterTests(TestCase):
    def test_baht_formats_with_thousands_and_two_decimals(self):
        from procurement.templatetags.money import baht

        self.assertEqual(baht(Decimal("1234567")), "1,234,567.00 บาท")
        self.assertEqual(baht(Decimal("0.5")), "0.50 บาท")
        self.assertEqual(baht(None), "")
