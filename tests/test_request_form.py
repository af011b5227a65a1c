"""The publication request form (แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์) read back from the
approval workflow: the right three people, positions and Buddhist Era dates, as a printable
page and a PDF in Thai, for the staff who may see the page; the staff position field."""

import datetime
import io
import unicodedata
import zoneinfo
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import WorkflowState

from accounts.models import StaffProfile, position_at, positions_of
from moderation import request_form
from news.models import AnnouncementPage
from ownership.models import Role
from tests.factories import DocumentFactory
from tests.moderation_support import ModerationTestCase, make_user

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")
SUMMARY = "แจ้งกำหนดยื่นแบบแสดงรายการภาษีป้ายภายในเดือนมีนาคม"
POSITIONS = {
    "finance-creator-2": "นักวิชาการเงินและบัญชีชำนาญการ",
    "finance-supervisor": "ผู้อำนวยการกองคลัง",
    "web-operator": "นักวิชาการคอมพิวเตอร์ปฏิบัติการ",
    "finance-creator": "เจ้าพนักงานการเงินและบัญชี",
}


def pdf_text(content):
    """The PDF's text layer, normalised (NFKC: SARA AM is written as NIKHAHIT + SARA AA in the
    PDF, and stacked marks come out in canonical order) and without white space (the form's
    columns wrap long lines)."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return squeeze(unicodedata.normalize("NFKC", text))


def squeeze(text):
    return "".join(unicodedata.normalize("NFKC", text).split())


def at(day, hour=10):
    return datetime.datetime(2026, 1, day, hour, 0, tzinfo=BANGKOK)


class RequestFormTests(ModerationTestCase):
    """A Finance notice: submitted on 5 January 2026 by one creator, sent back by the web
    operator, resubmitted on 7 January by a second creator, approved by the supervisor on
    8 January and published by the operator on 9 January (2569 in the Buddhist Era)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.second_creator = make_user(
            "finance-creator-2", Role.CREATOR, "finance", first_name="มาลี", last_name="ใจดี"
        )
        for user in (cls.creator, cls.supervisor, cls.operator, cls.second_creator):
            StaffProfile.objects.create(user=user, position=POSITIONS[user.username])
        cls.document = DocumentFactory(title="ประกาศภาษีป้าย ฉบับลงนาม")
        with mock.patch("django.utils.timezone.now", return_value=at(5)):
            page = cls.submitted(cls, cls.finance_notice, by=cls.creator, title="ฉบับแรก")
        with mock.patch("django.utils.timezone.now", return_value=at(6)):
            state = page.current_workflow_task_state
            state.task.specific.on_action(state, cls.supervisor, "approve")
            page = AnnouncementPage.objects.get(pk=page.pk)
            state = page.current_workflow_task_state
            state.task.specific.on_action(state, cls.operator, "reject", comment="แนบฉบับลงนาม")
        with mock.patch("django.utils.timezone.now", return_value=at(7)):
            page = AnnouncementPage.objects.get(pk=page.pk).get_latest_revision_as_object()
            page.title = "ประกาศ เรื่อง ภาษีป้าย 2569"
            page.search_description = SUMMARY
            page.attachments = [{"type": "document", "value": {"document": cls.document.pk}}]
            page.save_revision(user=cls.second_creator)
            WorkflowState.objects.get(object_id=str(page.pk), status="needs_changes").resume(
                cls.second_creator
            )
        with mock.patch("django.utils.timezone.now", return_value=at(8)):
            page = AnnouncementPage.objects.get(pk=page.pk)
            state = page.current_workflow_task_state
            state.task.specific.on_action(state, cls.supervisor, "approve")
        with mock.patch("django.utils.timezone.now", return_value=at(9, 14)):
            page = AnnouncementPage.objects.get(pk=page.pk)
            state = page.current_workflow_task_state
            state.task.specific.on_action(state, cls.operator, "approve")
        cls.page = AnnouncementPage.objects.get(pk=page.pk)
        cls.state = WorkflowState.objects.get(object_id=str(page.pk), status="approved")
        mail.outbox.clear()

    def form(self):
        (form,) = request_form.build(request_form.states_for_page(self.page))
        return form

    def test_the_form_names_who_resubmitted_approved_and_published_with_be_dates(self):
        self.assertTrue(self.page.live)
        form = self.form()
        self.assertEqual(form.subject, "ประกาศ เรื่อง ภาษีป้าย 2569")
        self.assertEqual(form.unit, self.finance)
        self.assertEqual(form.summary, SUMMARY)
        self.assertEqual(form.attachments, [self.document])
        self.assertTrue(form.url.endswith("/announcements/finance-notice/"))
        self.assertEqual(
            [
                (p.name, p.position, p.at.astimezone(BANGKOK).date().day)
                for p in (form.preparer, form.approver, form.publisher)
            ],
            [
                ("มาลี ใจดี", POSITIONS["finance-creator-2"], 7),
                ("ประเสริฐ", POSITIONS["finance-supervisor"], 8),
                ("กนกพร", POSITIONS["web-operator"], 9),
            ],
        )

    def test_a_form_keeps_the_position_held_when_signing_after_a_promotion(self):
        client = self.as_user(self.it_admin)
        supervisor = self.supervisor
        edit_url = reverse("wagtailusers_users:edit", args=[supervisor.pk])
        data = {
            "username": supervisor.username,
            "email": supervisor.email,
            "first_name": supervisor.first_name,
            "last_name": "ศรีสวรรค์",
            "password1": "",
            "password2": "",
            "is_active": "on",
            "groups": list(supervisor.groups.values_list("pk", flat=True)),
        }
        self.assertEqual(client.post(edit_url, {**data, "position": "ปลัดเทศบาล"}).status_code, 302)
        self.assertEqual(self.form().approver.position, POSITIONS["finance-supervisor"])
        records = positions_of([supervisor.pk])[supervisor.pk]
        self.assertEqual(position_at(records, timezone.now()), "ปลัดเทศบาล")
        # Correcting a typing mistake rewrites the current position, not the one signed before.
        corrected = {**data, "position": "ปลัดเทศบาลนครนครสวรรค์", "position_correction": "on"}
        self.assertEqual(client.post(edit_url, corrected).status_code, 302)
        records = positions_of([supervisor.pk])[supervisor.pk]
        self.assertEqual(
            [record.position for record in records],
            [POSITIONS["finance-supervisor"], "ปลัดเทศบาลนครนครสวรรค์"],
        )
        self.assertEqual(self.form().approver.position, POSITIONS["finance-supervisor"])

    def test_printable_page_shows_the_three_sign_offs_in_the_buddhist_era(self):
        response = self.as_user(self.supervisor).get(
            reverse("moderation_request_form", args=[self.state.pk])
        )
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์", html)
        self.assertIn("สำนักงานคลัง", html)
        self.assertIn("ประกาศภาษีป้าย ฉบับลงนาม", html)
        for text in ("7 มกราคม 2569", "8 มกราคม 2569", "9 มกราคม 2569", "มาลี ใจดี"):
            self.assertIn(text, html)
        for position in (POSITIONS["finance-creator-2"], POSITIONS["web-operator"]):
            self.assertIn(position, html)
        self.assertNotIn("2026", html.split("<body>")[1].split("พิมพ์เมื่อ")[0])

    def test_pdf_text_extracts_back_in_thai(self):
        response = self.as_user(self.operator).get(
            reverse("moderation_request_form_pdf", args=[self.state.pk])
        )
        self.assertEqual(response["Content-Type"], "application/pdf")
        text = pdf_text(response.content)
        for expected in (
            "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์",
            "หน่วยงาน สำนักงานคลัง",
            "หัวข้อ ประกาศ เรื่อง ภาษีป้าย 2569",
            SUMMARY,
            "ผู้รับผิดชอบการให้ข้อมูล ชื่อ มาลี ใจดี ตำแหน่ง " + POSITIONS["finance-creator-2"],
            "วันที่ 7 มกราคม 2569",
            # Not the position: WeasyPrint's text layer gives each glyph one text, and the
            # tone mark of ผู้ in the regular weight copies out as ผ้้ (docs/policies.md).
            "ผู้อนุมัติรับรอง ชื่อ ประเสริฐ ตำแหน่ง",
            "วันที่ 8 มกราคม 2569",
            "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่ ชื่อ กนกพร ตำแหน่ง " + POSITIONS["web-operator"],
            "วันที่ 9 มกราคม 2569",
        ):
            self.assertIn(squeeze(expected), text)

    def test_a_creator_of_another_unit_is_refused_with_a_thai_message(self):
        client = self.as_user(self.education_creator)
        for url in (
            reverse("moderation_request_form", args=[self.state.pk]),
            reverse("moderation_request_form_pdf", args=[self.state.pk]),
            reverse("moderation_request_forms_page", args=[self.page.pk]),
        ):
            with self.subTest(url=url):
                response = client.get(url, follow=True)
                self.assertNotContains(response, "มาลี ใจดี")
                self.assertContains(response, "ท่านไม่มีสิทธิ์ดูแบบฟอร์มของหน้านี้")
        listing = client.get(reverse("moderation_request_forms"), {"year": "2569"})
        self.assertNotContains(listing, "ประกาศ เรื่อง ภาษีป้าย 2569")

    def test_the_units_creator_and_the_operator_find_it_by_fiscal_year_and_unit(self):
        url = reverse("moderation_request_forms")
        for user in (self.creator, self.operator):
            with self.subTest(user=user.username):
                response = self.as_user(user).get(url, {"year": "2569", "unit": "finance"})
                self.assertContains(response, "ประกาศ เรื่อง ภาษีป้าย 2569")
                self.assertContains(response, "format=pdf")
        other_year = self.as_user(self.operator).get(url, {"year": "2568"})
        self.assertNotContains(other_year, "ประกาศ เรื่อง ภาษีป้าย 2569")
        other_unit = self.as_user(self.operator).get(url, {"year": "2569", "unit": "education"})
        self.assertNotContains(other_unit, "ประกาศ เรื่อง ภาษีป้าย 2569")

    def test_a_fiscal_years_forms_download_as_one_pdf(self):
        response = self.as_user(self.operator).get(
            reverse("moderation_request_forms"), {"year": "2569", "format": "pdf"}
        )
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("request-forms-2569.pdf", response["Content-Disposition"])
        self.assertIn(squeeze("ผู้อนุมัติรับรอง ชื่อ ประเสริฐ"), pdf_text(response.content))

    def test_bad_ids_and_years_get_a_thai_message_never_an_error(self):
        client = self.as_user(self.operator)
        for url in (
            reverse("moderation_request_form", args=["999999"]),
            reverse("moderation_request_form", args=["99999999999999999999"]),
            reverse("moderation_request_form_pdf", args=["abc"]),
            reverse("moderation_request_forms_page", args=["0"]),
        ):
            with self.subTest(url=url):
                response = client.get(url, follow=True)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "ไม่พบ")
        for year in ("25x9", "99999999999999999999", "1"):
            with self.subTest(year=year):
                response = client.get(reverse("moderation_request_forms"), {"year": year})
                self.assertContains(response, "ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก")
        response = client.get(reverse("moderation_request_forms"), {"unit": "nope"})
        self.assertContains(response, "ไม่พบหน่วยงานนี้")

    def test_the_page_explorer_offers_the_forms_of_a_published_page(self):
        response = self.as_user(self.creator).get(
            reverse("wagtailadmin_explore", args=[self.index.pk])
        )
        page_forms = reverse("moderation_request_forms_page", args=[self.page.pk])
        self.assertContains(response, page_forms)
        listing = self.as_user(self.creator).get(page_forms)
        self.assertContains(listing, "ประกาศ เรื่อง ภาษีป้าย 2569")
        self.assertContains(listing, reverse("moderation_request_form_pdf", args=[self.state.pk]))


class StaffPositionTests(ModerationTestCase):
    def test_it_admin_sets_a_position_when_creating_and_editing_an_account(self):
        client = self.as_user(self.it_admin)
        data = {
            "username": "new-creator",
            "email": "new@example.org",
            "first_name": "สมศรี",
            "last_name": "ตั้งใจ",
            "position": "นักจัดการงานทั่วไป",
            "password1": "a-long-new-password-2569",
            "password2": "a-long-new-password-2569",
            "groups": [],
        }
        response = client.post(reverse("wagtailusers_users:add"), data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        user = get_user_model().objects.get(username="new-creator")
        self.assertEqual(user.staff_profile.position, "นักจัดการงานทั่วไป")

        edit_url = reverse("wagtailusers_users:edit", args=[user.pk])
        self.assertContains(client.get(edit_url), 'value="นักจัดการงานทั่วไป"')
        data.update(position="นักจัดการงานทั่วไปชำนาญการ", password1="", password2="", is_active="on")
        self.assertEqual(client.post(edit_url, data).status_code, 302)
        user.staff_profile.refresh_from_db()
        self.assertEqual(user.staff_profile.position, "นักจัดการงานทั่วไปชำนาญการ")
