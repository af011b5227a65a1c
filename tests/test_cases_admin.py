"""Citizen channels in the admin, through the real admin URLs: who sees which case (the
complaints centre, the restricted corruption group, a unit's staff), personal data only with
its permission, assigning, working on and resolving or rejecting a case with its e-mails, and
overdue cases on the dashboard and in the daily site check."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cases.models import Complaint, Question, Status
from cases.setup import CENTRE_GROUP, CORRUPTION_GROUP, UNIT_HANDLERS_GROUP
from oversight.content_checks import contributed
from oversight.models import FindingKind
from ownership.models import Role
from tests.factories import unit
from tests.moderation_support import make_user, sign_in
from tests.test_cases import build_tree, category, complaint_data, jpeg


def in_group(user, name):
    user.groups.add(Group.objects.get(name=name))
    return user


def case_url(case):
    return reverse("cases_complaints:edit", args=[case.pk])


INDEX = "/admin/cases/complaints/"


def listed(client, query=""):
    """The case numbers the admin list shows (its rows, not the page's messages)."""
    response = client.get(INDEX + query)
    assert response.status_code == 200, response.status_code
    return [case.number for case in response.context["object_list"]]


class CaseAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, _questions, _statistics = build_tree()
        cls.centre = in_group(make_user("centre"), CENTRE_GROUP)
        cls.anticorruption = in_group(make_user("integrity"), CORRUPTION_GROUP)
        cls.engineering = in_group(
            make_user("engineer", Role.SUPERVISOR, "engineering"), UNIT_HANDLERS_GROUP
        )
        cls.finance = in_group(
            make_user("accountant", Role.CREATOR, "finance"), UNIT_HANDLERS_GROUP
        )
        cls.creator = make_user("writer", Role.CREATOR, "engineering")

    def file(self, **fields):
        response = self.client.post(self.page.url, complaint_data(**fields))
        self.assertEqual(response.status_code, 302)
        return Complaint.objects.latest("pk"), response["Location"].removesuffix("?new=1")

    def post(self, user, case, action, **fields):
        self.client.force_login(user)
        return self.client.post(case_url(case), {"action": action, **fields})

    def test_assign_work_and_resolve_with_e_mails_and_the_citizen_sees_it(self):
        case, link = self.file(attachments=[jpeg()])
        mail.outbox.clear()
        # The complaints centre assigns it to the Engineering Office.
        response = self.post(self.centre, case, "assign", unit=unit("engineering").pk)
        self.assertRedirects(response, case_url(case))
        case.refresh_from_db()
        self.assertEqual((case.status, case.unit.slug), (Status.ASSIGNED, "engineering"))
        to = {tuple(m.to): m for m in mail.outbox}
        self.assertIn("สำนักงานช่าง", to[("somchai@example.org",)].body)
        unit_mail = to[("engineer@example.org",)]
        self.assertIn(case.number, unit_mail.subject)
        self.assertIn(case_url(case), unit_mail.body)
        self.assertNotIn("สมชาย", unit_mail.body)
        self.assertNotIn(("accountant@example.org",), to)
        # The unit cannot pass it on, but works on it, notes and resolves it.
        refused = self.post(self.engineering, case, "assign", unit=unit("finance").pk)
        self.assertRedirects(refused, "/admin/", fetch_redirect_response=False)
        case.refresh_from_db()
        self.assertEqual(case.unit.slug, "engineering")
        self.post(self.engineering, case, "start")
        self.post(self.engineering, case, "note", text="ส่งทีมซ่อมถนนออกสำรวจแล้ว")
        mail.outbox.clear()
        self.post(self.engineering, case, "resolve", text="ซ่อมผิวถนนเรียบร้อยแล้ว")
        case.refresh_from_db()
        self.assertEqual(case.status, Status.RESOLVED)
        self.assertIsNotNone(case.closed_at)
        [closed] = mail.outbox
        self.assertEqual(closed.to, ["somchai@example.org"])
        self.assertIn("ซ่อมผิวถนนเรียบร้อยแล้ว", closed.body)
        # The citizen's link shows the outcome and the steps, not the internal note.
        status = self.client.get(link)
        self.assertContains(status, "ดำเนินการแล้วเสร็จ")
        self.assertContains(status, "ซ่อมผิวถนนเรียบร้อยแล้ว")
        self.assertContains(status, "ส่งหน่วยงานที่รับผิดชอบแล้ว")
        self.assertNotContains(status, "ส่งทีมซ่อมถนนออกสำรวจแล้ว")
        self.assertEqual(
            list(case.events.exclude(status="").values_list("status", flat=True)),
            ["received", "assigned", "in_progress", "resolved"],
        )

    def test_rejecting_needs_a_reason(self):
        case, _link = self.file()
        response = self.post(self.centre, case, "reject", text=" ")
        self.assertContains(response, "บอกเหตุผลที่ยุติเรื่อง")
        case.refresh_from_db()
        self.assertEqual(case.status, Status.RECEIVED)
        self.post(self.centre, case, "reject", text="เป็นพื้นที่ของกรมทางหลวง ได้ประสานต่อแล้ว")
        case.refresh_from_db()
        self.assertEqual(case.status, Status.REJECTED)
        self.assertEqual(mail.outbox[-1].to, ["somchai@example.org"])

    def test_an_anonymous_corruption_report_is_seen_by_the_restricted_group_only(self):
        report, _link = self.file(category=category("corruption").pk, place="", anonymous="on")
        general, _link = self.file()
        general.unit = unit("engineering")
        general.status = Status.ASSIGNED
        general.save()
        for user in (self.centre, self.engineering, self.finance):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertEqual(self.client.get(case_url(report)).status_code, 404)
                self.assertNotIn(report.number, listed(self.client))
                self.assertEqual(self.post(user, report, "note", text="x").status_code, 404)
        self.client.force_login(self.anticorruption)
        self.assertEqual(listed(self.client), [report.number])
        page = self.client.get(case_url(report))
        self.assertContains(page, "ไม่ประสงค์ออกนาม ไม่มีข้อมูลติดต่อ")
        # The restricted group is told of the new report; the centre is not.
        new_mail = [m for m in mail.outbox if report.number in m.subject and "เรื่องใหม่" in m.subject]
        self.assertEqual([m.to for m in new_mail], [["integrity@example.org"]])

    def test_a_unit_sees_only_its_cases_and_no_personal_data_without_the_permission(self):
        ours, _link = self.file(attachments=[jpeg()])
        theirs, _link = self.file()
        self.file()  # received, not yet assigned to any unit
        self.post(self.centre, ours, "assign", unit=unit("engineering").pk)
        self.post(self.centre, theirs, "assign", unit=unit("finance").pk)
        self.client.force_login(self.engineering)
        self.assertEqual(listed(self.client), [ours.number])
        self.assertEqual(self.client.get(case_url(theirs)).status_code, 404)
        page = self.client.get(case_url(ours))
        self.assertContains(page, "ถนนโกสีย์ หน้าตลาดสด")
        self.assertContains(page, "ซ่อนข้อมูลส่วนบุคคล")
        self.assertNotContains(page, "somchai@example.org")
        attachment = ours.attachments.get()
        url = reverse("cases_complaints:attachment", args=[ours.pk, attachment.pk])
        download = self.client.get(url)
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download["Content-Type"], "image/jpeg")
        self.client.force_login(self.finance)
        self.assertEqual(self.client.get(url).status_code, 404)
        # The centre, with the permission, sees who complained; staff without any case
        # permission are refused.
        self.client.force_login(self.centre)
        self.assertContains(self.client.get(case_url(ours)), "somchai@example.org")
        self.client.force_login(self.creator)
        for url in (INDEX, case_url(ours)):
            self.assertRedirects(self.client.get(url), "/admin/", fetch_redirect_response=False)

    def test_a_superuser_lists_every_case_with_no_way_to_add_copy_or_delete_one(self):
        general, _link = self.file()
        report, _link = self.file(category=category("corruption").pk, anonymous="on")
        superuser = make_user("root-admin", is_superuser=True, is_staff=True)
        sign_in(self.client, superuser)
        self.assertEqual(sorted(listed(self.client)), sorted([general.number, report.number]))
        page = self.client.get(INDEX).content.decode()
        self.assertIn(case_url(general), page)
        for action in ("add", "copy", "delete"):
            self.assertNotIn(f"/admin/cases/complaints/{action}", page)
            self.assertNotIn(f"/admin/cases/complaints/{general.pk}/{action}", page)

    def test_overdue_cases_are_flagged_on_the_dashboard_and_in_the_daily_check(self):
        late, _link = self.file()
        on_time, _link = self.file()
        late.received_at = late.due_at = timezone.now() - datetime.timedelta(days=20)
        late.save()
        self.client.force_login(self.centre)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "เรื่องร้องเรียนเกินกำหนด")
        self.assertContains(dashboard, late.number)
        self.assertNotContains(dashboard, on_time.number)
        self.assertEqual(listed(self.client, "?overdue=yes"), [late.number])
        self.assertEqual(len(listed(self.client)), 2)
        self.assertContains(self.client.get(case_url(late)), "เกินกำหนดแล้วเสร็จ")
        observations = [
            o for o in contributed(timezone.now()) if o.kind == FindingKind.CASE_OVERDUE
        ]
        self.assertEqual([o.target for o in observations], [f"case:{late.number}"])
        self.assertEqual(observations[0].page_id, self.page.pk)
        # Resolved, it is no longer overdue.
        self.post(self.centre, late, "assign", unit=unit("engineering").pk)
        self.post(self.engineering, late, "resolve", text="แก้ไขแล้ว")
        self.assertFalse(
            [o for o in contributed(timezone.now()) if o.kind == FindingKind.CASE_OVERDUE]
        )

    def ask(self, text):
        _complaints, questions, _stats = build_tree()
        data = {"text": text, "unit": unit("engineering").pk}
        data.update(website="", started=complaint_data()["started"])
        self.client.post(questions.url, data)
        return Question.objects.get().page

    def test_a_question_goes_for_approval_only_with_its_answer(self):
        entry = self.ask("ขอใบอนุญาตก่อสร้างต้องใช้เอกสารอะไร")
        url = reverse("wagtailadmin_pages:edit", args=[entry.pk])
        form = {
            "title": entry.title,
            "slug": entry.slug,
            "responsible_unit": entry.responsible_unit_id,
            "question": entry.question,
            "answer": rich_text(""),
            "seo_title": "",
            "search_description": "",
            "listing_summary": "",
            "comments": inline_formset([]),
        }
        sign_in(self.client, self.creator)
        self.assertEqual(self.client.post(url, nested_form_data(form)).status_code, 302)
        refused = self.client.post(url, {**nested_form_data(form), "action-submit": "1"})
        self.assertContains(refused, "กรุณาเขียนคำตอบก่อนส่งขออนุมัติ")
        entry.refresh_from_db()
        self.assertIsNone(entry.current_workflow_state)

        form["answer"] = rich_text("<p>แบบ ข.1 และแบบแปลน</p>")
        sent = self.client.post(url, {**nested_form_data(form), "action-submit": "1"})
        self.assertEqual(sent.status_code, 302)
        entry.refresh_from_db()
        self.assertEqual(entry.current_workflow_state.status, "in_progress")
        self.assertIn("แบบ ข.1", entry.get_latest_revision_as_object().answer)

    def test_unit_staff_see_questions_waiting_for_their_answer(self):
        self.ask("ไฟถนนซอย 5 ดับ แจ้งที่ไหน")
        self.client.force_login(self.creator)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "คำถามจากประชาชนที่รอคำตอบ")
        self.assertContains(dashboard, "ไฟถนนซอย 5 ดับ")
        self.client.force_login(self.finance)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), "ไฟถนนซอย 5 ดับ")
