"""Urgent notices: a web operator publishes at once with a written reason; it is logged, the
unit's supervisor is told and approves or withdraws it afterwards; the yearly report counts
it. Nobody else gets this way past the workflow."""

import io

from django.core import mail
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry, PageLogEntry

from core.models import AlertBanner
from moderation.models import UrgentPublication
from moderation.urgent import URGENT_APPROVED, URGENT_PUBLISHED, URGENT_WITHDRAWN
from news.models import AnnouncementPage
from oversight.annual import Period, build
from ownership.models import Role
from tests.moderation_support import ModerationTestCase, make_user, snapshot

REASON = "น้ำเจ้าพระยาล้นตลิ่ง ต้องแจ้งชุมชนริมน้ำให้อพยพภายในคืนนี้"
SITE = "https://www.nakhonsawancity.go.th"


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
class UrgentPublicationTests(ModerationTestCase):
    def publish_now(self, user, page, reason=REASON, confirm=True):
        data = {"reason": reason}
        if confirm:
            data["confirm"] = "on"
        url = reverse("moderation_urgent_publish", args=[page.pk])
        with self.captureOnCommitCallbacks(execute=True):
            return self.as_user(user).post(url, data)

    def decide(self, user, record, action, note=""):
        url = reverse("moderation_urgent_review", args=[record.pk])
        return self.as_user(user).post(url, {action: "1", "note": note})

    def test_published_at_once_logged_then_approved_by_the_supervisor(self):
        page = self.submitted(self.finance_notice, title="แจ้งเตือนน้ำท่วม ชุมชนริมน้ำ")
        self.assertIsNotNone(page.current_workflow_state)
        mail.outbox.clear()

        response = self.publish_now(self.operator, page)
        self.assertEqual(response.status_code, 302)
        page = AnnouncementPage.objects.get(pk=page.pk)
        self.assertTrue(page.live)
        self.assertEqual(page.title, "แจ้งเตือนน้ำท่วม ชุมชนริมน้ำ")
        self.assertIsNone(page.current_workflow_state)  # the approval under way is cancelled
        self.client.logout()
        self.assertContains(self.client.get(page.url), "แจ้งเตือนน้ำท่วม ชุมชนริมน้ำ")

        entry = PageLogEntry.objects.get(page=page, action=URGENT_PUBLISHED)
        self.assertEqual((entry.user, entry.data["reason"]), (self.operator, REASON))
        self.assertEqual(entry.message, "เผยแพร่ด่วน")
        record = UrgentPublication.objects.get(page=page)
        self.assertEqual(record.decision, UrgentPublication.Decision.PENDING)
        self.assertEqual(record.unit, self.finance)

        [message] = mail.outbox  # the Finance supervisor only
        self.assertEqual(message.to, ["finance-supervisor@example.org"])
        self.assertIn("เผยแพร่ด่วน", message.subject)
        self.assertIn(REASON, message.body)
        review = SITE + reverse("moderation_urgent_review", args=[record.pk])
        self.assertIn(review, message.body)

        # Another unit's supervisor may look at nothing; the Finance supervisor approves.
        self.assertRefused(self.decide(self.education_supervisor, record, "approve"))
        response = self.as_user(self.supervisor).get(review)
        self.assertContains(response, REASON)
        self.assertContains(response, "ถอนการเผยแพร่")
        self.assertEqual(self.decide(self.supervisor, record, "approve").status_code, 302)
        record.refresh_from_db()
        self.assertEqual(record.decision, UrgentPublication.Decision.APPROVED)
        self.assertEqual(record.decided_by, self.supervisor)
        self.assertTrue(PageLogEntry.objects.filter(page=page, action=URGENT_APPROVED).exists())
        # Decided once: a second decision is refused.
        self.assertRefused(self.decide(self.supervisor, record, "withdraw", "x"))
        self.assertTrue(AnnouncementPage.objects.get(pk=page.pk).live)

    def test_the_supervisor_withdraws_it_with_a_reason(self):
        page = self.submitted(self.finance_notice, title="ประกาศด่วน ปิดถนน")
        self.publish_now(self.operator, page)
        record = UrgentPublication.objects.get(page=page)
        response = self.decide(self.supervisor, record, "withdraw")
        self.assertContains(response, "โปรดเขียนเหตุผลที่ถอนการเผยแพร่")
        self.assertTrue(AnnouncementPage.objects.get(pk=page.pk).live)
        self.decide(self.supervisor, record, "withdraw", "ข้อมูลเส้นทางไม่ถูกต้อง")
        page = AnnouncementPage.objects.get(pk=page.pk)
        self.assertFalse(page.live)
        self.assertEqual(page.draft_title, "ประกาศด่วน ปิดถนน")  # the content stays, as a draft
        entry = PageLogEntry.objects.get(page=page, action=URGENT_WITHDRAWN)
        self.assertEqual(entry.data["note"], "ข้อมูลเส้นทางไม่ถูกต้อง")

        report = build(Period.current())
        self.assertEqual((report.urgent_total, report.urgent_withdrawn), (1, 1))

    def test_nobody_else_publishes_this_way_and_a_reason_is_required(self):
        page = self.submitted(self.finance_notice, title="ประกาศที่ยังไม่อนุมัติ")
        before = snapshot(page.pk)
        for user in (self.creator, self.supervisor, self.it_admin):
            with self.subTest(user=user.username):
                self.assertRefused(self.publish_now(user, page))
        response = self.publish_now(self.operator, page, reason="ด่วน")
        self.assertContains(response, "โปรดเขียนเหตุผลให้ชัดเจน")
        response = self.publish_now(self.operator, page, confirm=False)
        self.assertContains(response, "โปรดยืนยันว่าเป็นประกาศเร่งด่วน")
        self.assertEqual(snapshot(page.pk), before)
        self.assertFalse(UrgentPublication.objects.exists())
        self.assertFalse(PageLogEntry.objects.filter(action=URGENT_PUBLISHED).exists())

    def test_the_operator_sees_the_button_the_creator_does_not(self):
        page = self.submitted(self.finance_notice)
        url = reverse("moderation_urgent_publish", args=[page.pk])
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.assertContains(self.as_user(self.operator).get(edit), url)
        self.assertNotContains(self.as_user(self.creator).get(edit), url)


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
class UrgentAlertBannerTests(ModerationTestCase):
    """The site-wide alert banner through the same rules: a web operator publishes a flood
    warning at once with a reason; it shows on every page; the supervisors of the Office of
    the Municipal Clerk (who approve what belongs to no unit) approve or withdraw it."""

    TEXT = "เตือนภัยน้ำท่วม ระดับน้ำเจ้าพระยาสูงขึ้น ชุมชนริมน้ำโปรดเตรียมอพยพ"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.clerk_supervisor = make_user("clerk-supervisor", Role.SUPERVISOR, "clerk")
        cls.banner = AlertBanner.objects.create(text=cls.TEXT, level="danger", live=False)
        cls.banner.save_revision(user=cls.operator)

    def publish_now(self, user, reason=REASON):
        url = reverse("moderation_urgent_publish_banner", args=[self.banner.pk])
        with self.captureOnCommitCallbacks(execute=True):
            return self.as_user(user).post(url, {"reason": reason, "confirm": "on"})

    def test_published_at_once_then_withdrawn_by_the_clerks_supervisor(self):
        listing = self.as_user(self.operator).get(reverse("wagtailsnippets_core_alertbanner:list"))
        self.assertContains(listing, "เผยแพร่ด่วน")
        mail.outbox.clear()
        self.assertEqual(self.publish_now(self.operator).status_code, 302)
        self.client.logout()
        self.assertContains(self.client.get("/"), self.TEXT)

        record = UrgentPublication.objects.get(banner=self.banner)
        self.assertEqual(record.unit.slug, "clerk")
        entry = ModelLogEntry.objects.get(action=URGENT_PUBLISHED, object_id=str(self.banner.pk))
        self.assertEqual((entry.user, entry.data["reason"]), (self.operator, REASON))
        [message] = mail.outbox
        self.assertEqual(message.to, ["clerk-supervisor@example.org"])
        self.assertIn(self.TEXT, message.subject)

        review = reverse("moderation_urgent_review", args=[record.pk])
        self.assertRefused(self.as_user(self.supervisor).post(review, {"approve": "1"}))
        self.assertContains(self.as_user(self.clerk_supervisor).get(review), self.TEXT)
        self.as_user(self.clerk_supervisor).post(review, {"withdraw": "1", "note": "ระดับน้ำลดลงแล้ว"})
        record.refresh_from_db()
        self.assertEqual(record.decision, UrgentPublication.Decision.WITHDRAWN)
        self.assertFalse(AlertBanner.objects.get(pk=self.banner.pk).live)
        self.client.logout()
        self.assertNotContains(self.client.get("/"), self.TEXT)

        # The yearly report counts it apart from the pages (the banner's log is ModelLogEntry).
        report = build(Period.current())
        self.assertEqual((report.urgent_banners, report.urgent_banners_withdrawn), (1, 1))
        self.assertEqual((report.urgent_total, report.urgent_withdrawn), (0, 0))
        url = reverse("oversight_annual_report")
        screen = self.as_user(self.operator).get(url)
        self.assertContains(
            screen, "ประกาศเตือนทั้งเว็บไซต์ที่เผยแพร่ด่วน (Alert banners published urgently)"
        )
        response = self.as_user(self.operator).get(url, {"format": "xlsx"})
        summary = load_workbook(io.BytesIO(response.content))["สรุป"]
        figures = dict(summary.iter_rows(min_row=3, max_col=2, values_only=True))
        self.assertEqual(
            figures["ประกาศเตือนทั้งเว็บไซต์ที่เผยแพร่ด่วน (Alert banners published urgently)"], 1
        )
        self.assertEqual(
            figures["ประกาศเตือนที่ถอนการเผยแพร่ด่วนภายหลัง (Urgent alert banners withdrawn)"], 1
        )
        self.assertEqual(figures["เผยแพร่ด่วนโดยไม่ผ่านการอนุมัติ (Published urgently)"], 0)

    def test_nobody_but_a_web_operator_publishes_it_so(self):
        for user in (self.creator, self.supervisor, self.it_admin):
            self.assertRefused(self.publish_now(user))
        self.assertFalse(AlertBanner.objects.get(pk=self.banner.pk).live)
        self.assertFalse(UrgentPublication.objects.exists())
