"""The approval path creator → supervisor → web operator → live, its e-mails, rejection at each
step, no self-approval, translations, and the dashboard panels."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale, Page, PageLogEntry, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from moderation.models import OperatorApprovalTask, UnitSupervisorTask
from news.models import AnnouncementPage
from ownership.models import Role
from tests.moderation_support import ModerationTestCase, make_user, snapshot


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


class ApprovalPathTests(ModerationTestCase):
    def test_creator_supervisor_operator_then_citizens_see_it(self):
        title = "ประกาศสำนักงานคลัง เรื่อง กำหนดชำระภาษีที่ดิน ปี 2569"
        response = self.create(self.creator, title, self.finance.pk, action="action-submit")
        self.assertEqual(response.status_code, 302)
        page = AnnouncementPage.objects.get(title=title)
        self.assertFalse(page.live)
        self.assertIsInstance(self.current_step(page), UnitSupervisorTask)
        # Step 1 goes to the Finance Office's supervisor only, in Thai.
        self.assertEqual(recipients(), ["finance-supervisor@example.org"])
        self.assertIn("รอการอนุมัติจากท่าน", mail.outbox[0].subject)
        self.assertIn(title, mail.outbox[0].body)

        mail.outbox.clear()
        self.assertEqual(self.workflow_action(self.supervisor, page, "approve").status_code, 302)
        self.assertIsInstance(self.current_step(page), OperatorApprovalTask)
        self.assertEqual(recipients(), ["web-operator@example.org"])

        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.workflow_action(self.operator, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(recipients(), ["finance-creator@example.org"])
        self.assertIn("อนุมัติและเผยแพร่แล้ว", mail.outbox[0].subject)
        self.assertIn("เผยแพร่แล้วที่", mail.outbox[0].body)

        self.client.logout()
        self.assertContains(self.client.get("/"), title)

        # The audit log has each step with who did it.
        actions = list(
            PageLogEntry.objects.filter(page=page)
            .order_by("timestamp", "pk")
            .values_list("action", "user__username")
        )
        for expected in [
            ("wagtail.workflow.start", "finance-creator"),
            ("wagtail.workflow.approve", "finance-supervisor"),
            ("wagtail.workflow.approve", "web-operator"),
            ("wagtail.publish", "web-operator"),
        ]:
            self.assertIn(expected, actions)

    def test_rejection_at_step_one_returns_to_the_creator_with_the_reason(self):
        page = self.submitted(self.finance_notice)
        mail.outbox.clear()
        reason = "กรุณาแนบประกาศฉบับลงนาม"
        self.workflow_action(self.supervisor, page, "reject", comment=reason)
        state = WorkflowState.objects.get(object_id=str(page.pk), status="needs_changes")
        self.assertEqual(state.current_task_state.comment, reason)
        self.assertEqual(recipients(), ["finance-creator@example.org"])
        self.assertIn("ส่งกลับให้แก้ไข", mail.outbox[0].subject)
        self.assertIn(reason, mail.outbox[0].body)
        # The creator sees it on the dashboard with the reason, edits and resubmits.
        dashboard = self.as_user(self.creator).get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "ฉบับร่างและรายการที่ส่งกลับของฉัน")
        self.assertContains(dashboard, reason)
        mail.outbox.clear()
        self.edit(self.creator, page, action="action-submit", title="แนบฉบับลงนามแล้ว")
        self.assertIsInstance(self.current_step(page), UnitSupervisorTask)
        self.assertEqual(recipients(), ["finance-supervisor@example.org"])

    def test_rejection_at_step_two_tells_the_supervisor_and_goes_back_through_step_one(self):
        page = self.at_step_two(self.finance_notice)
        mail.outbox.clear()
        reason = "วันที่ในประกาศไม่ตรงกับเอกสารแนบ"
        self.workflow_action(self.operator, page, "reject", comment=reason)
        self.assertEqual(
            recipients(), ["finance-creator@example.org", "finance-supervisor@example.org"]
        )
        to_supervisor = next(m for m in mail.outbox if m.to == ["finance-supervisor@example.org"])
        self.assertIn("ผู้ปฏิบัติงานเผยแพร่ส่งกลับ", to_supervisor.subject)
        self.assertIn(reason, to_supervisor.body)
        # Fixed and resubmitted, it needs the supervisor's approval again before the operators.
        mail.outbox.clear()
        self.edit(self.creator, page, action="action-submit", title="แก้วันที่แล้ว")
        self.assertIsInstance(self.current_step(page), UnitSupervisorTask)
        self.assertEqual(recipients(), ["finance-supervisor@example.org"])

    def test_sending_back_needs_a_reason(self):
        page = self.submitted(self.finance_notice)
        before = snapshot(page.pk)
        response = self.workflow_action(self.supervisor, page, "reject", comment="")
        self.assertLess(response.status_code, 500)
        self.assertEqual(snapshot(page.pk), before)

    def test_a_page_without_a_unit_goes_to_the_clerks_supervisors(self):
        clerk_supervisor = make_user("clerk-supervisor", Role.SUPERVISOR, "clerk")
        page = self.finance_notice.specific_class.objects.get(pk=self.finance_notice.pk)
        page.responsible_unit = None
        page.save_revision(user=self.operator)
        page.get_workflow().start(page, self.operator)
        self.assertEqual(self.workflow_action(clerk_supervisor, page, "approve").status_code, 302)
        self.assertIsInstance(self.current_step(page), OperatorApprovalTask)


class SelfApprovalTests(ModerationTestCase):
    def test_a_supervisor_who_edited_the_page_cannot_approve_it(self):
        page = self.submitted(self.finance_notice)
        # The supervisor may open and edit it during step 1 ...
        self.edit(self.supervisor, page, title="แก้คำผิดโดยผู้บังคับบัญชา")
        page = Page.objects.get(pk=page.pk)
        self.assertEqual(page.get_latest_revision().user, self.supervisor)
        # ... but then someone else must approve it.
        before = snapshot(page.pk)
        self.assertRefused(self.workflow_action(self.supervisor, page, "approve"))
        self.assertEqual(snapshot(page.pk), before)
        dashboard = self.as_user(self.supervisor).get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "ท่านแก้ไขฉบับล่าสุดเอง จึงอนุมัติไม่ได้")
        deputy = make_user("finance-deputy", Role.SUPERVISOR, "finance")
        self.workflow_action(deputy, page, "approve")
        # That approval was of the version submitted (what the preview showed): step 1 starts
        # again for the edited version, and the deputy approves that one too.
        self.assertIsInstance(self.current_step(page), UnitSupervisorTask)
        self.workflow_action(deputy, page, "approve")
        self.assertIsInstance(self.current_step(page), OperatorApprovalTask)

    def test_a_creator_who_is_also_supervisor_cannot_approve_their_own_notice(self):
        self.creator.groups.add(self.supervisor.groups.get())
        page = self.submitted(self.finance_notice, by=self.creator)
        self.assertRefused(self.workflow_action(self.creator, page, "approve"))
        self.assertIsInstance(self.current_step(page), UnitSupervisorTask)

    def test_an_operator_who_prepared_a_notice_cannot_publish_it(self):
        page = self.at_step_two(self.finance_notice)
        self.edit(self.operator, page, title="ผู้ปฏิบัติงานแก้ไขเอง")
        self.assertRefused(self.workflow_action(self.operator, page, "approve"))
        self.assertFalse(
            Page.objects.get(pk=page.pk).title == "ผู้ปฏิบัติงานแก้ไขเอง", "published its own edit"
        )

    def test_an_edit_during_step_two_needs_the_supervisor_again(self):
        page = self.at_step_two(self.finance_notice)
        self.edit(self.operator, page, title="แก้ไขระหว่างขั้นที่ 2")
        other_operator = make_user("web-operator-2", Role.OPERATOR)
        self.workflow_action(other_operator, page, "approve")
        # Not published: the supervisor has not approved this version.
        self.assertNotEqual(Page.objects.get(pk=page.pk).title, "แก้ไขระหว่างขั้นที่ 2")
        self.assertIsInstance(self.current_step(page), UnitSupervisorTask)
        self.workflow_action(self.supervisor, page, "approve")
        with self.captureOnCommitCallbacks(execute=True):
            self.workflow_action(other_operator, page, "approve")
        self.assertEqual(Page.objects.get(pk=page.pk).title, "แก้ไขระหว่างขั้นที่ 2")


class TranslationApprovalTests(ModerationTestCase):
    """A translation made with wagtail-localize goes through the same approval."""

    def translate(self, page, english_title):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=Locale.objects.get(language_code="en")
        )
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(user=self.creator, publish=False)
        po = translation.export_po()
        for entry in po:
            if entry.msgid == page.title:
                entry.msgstr = english_title
        translation.import_po(po)
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(user=self.creator, publish=False)
        return page.get_translation(Locale.objects.get(language_code="en")).specific

    def test_translation_needs_both_approvals_and_cannot_be_published_directly(self):
        english = self.translate(self.finance_notice, "Finance Office notice: signboard tax")
        self.assertFalse(english.live)
        edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
        client = self.as_user(self.creator)
        # The translation editor tells the translator how to submit it.
        self.assertContains(client.get(edit_url), "ส่งคำแปลขออนุมัติ")
        # Its "publish" button is refused, for the operator too.
        for user in (self.creator, self.operator):
            before = snapshot(english.pk)
            response = self.as_user(user).post(edit_url, {"action": "publish"})
            self.assertEqual(response.status_code, 302)
            self.assertEqual(snapshot(english.pk), before)
        # Submitted, it goes to the Finance supervisor and then to the operators.
        submit_url = reverse("moderation_submit_translation", args=[english.pk])
        self.assertContains(self.as_user(self.creator).get(submit_url), "ส่งคำแปลขออนุมัติ")
        self.as_user(self.creator).post(submit_url)
        english = AnnouncementPage.objects.get(pk=english.pk)
        self.assertFalse(english.live)
        self.assertEqual(english.draft_title, "Finance Office notice: signboard tax")
        self.assertIsInstance(self.current_step(english), UnitSupervisorTask)
        self.assertRefused(self.workflow_action(self.education_supervisor, english, "approve"))
        self.workflow_action(self.supervisor, english, "approve")
        with self.captureOnCommitCallbacks(execute=True):
            self.workflow_action(self.operator, english, "approve")
        english.refresh_from_db()
        self.assertTrue(english.live)
        self.assertEqual(english.title, "Finance Office notice: signboard tax")

    def test_a_new_version_of_a_live_translation_stays_off_the_site_until_approved(self):
        english = self.translate(self.finance_notice, "Signboard tax")
        english.get_latest_revision().publish()
        translation = Translation.objects.get(target_locale__language_code="en")
        po = translation.export_po()
        for entry in po:
            if entry.msgid == self.finance_notice.title:
                entry.msgstr = "Signboard tax (corrected)"
        translation.import_po(po)
        self.as_user(self.creator).post(reverse("moderation_submit_translation", args=[english.pk]))
        english = AnnouncementPage.objects.get(pk=english.pk)
        self.assertEqual(english.title, "Signboard tax")  # what citizens see
        self.assertEqual(english.draft_title, "Signboard tax (corrected)")

    def test_syncing_translations_cannot_publish_them_at_once(self):
        self.translate(self.finance_notice, "Signboard tax")
        source = TranslationSource.objects.get()
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        english_locale = Locale.objects.get(language_code="en")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.as_user(self.operator).post(url, {"publish_translations": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(self.finance_notice.get_translation(english_locale).live)
        # Another unit's creator may not sync this page's translations at all.
        refused = self.as_user(self.education_creator).post(url, {"publish_translations": "on"})
        self.assertRefused(refused)
        # The break-glass account's sync does publish: the check above can see it.
        with self.captureOnCommitCallbacks(execute=True):
            self.as_user(self.superuser()).post(url, {"publish_translations": "on"})
        self.assertTrue(self.finance_notice.get_translation(english_locale).live)

    def superuser(self):
        return get_user_model().objects.create_superuser("root", "root@example.org", "x" * 16)


class DashboardTests(ModerationTestCase):
    def test_awaiting_my_approval_shows_only_my_units_pages(self):
        finance = self.submitted(self.finance_notice)
        self.submitted(self.education_notice)
        dashboard = self.as_user(self.supervisor).get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "รอการอนุมัติจากฉัน")
        self.assertContains(dashboard, finance.draft_title)
        self.assertNotContains(dashboard, "รับสมัครนักเรียน")
        self.assertContains(dashboard, "สำนักงานคลัง")
        # Operators see pages at their step only.
        operator_dashboard = self.as_user(self.operator).get(reverse("wagtailadmin_home"))
        self.assertNotContains(operator_dashboard, "รอการอนุมัติจากฉัน")

    def test_my_items_lists_drafts_and_items_in_approval(self):
        self.edit(self.creator, self.finance_notice, title="ร่างที่ยังไม่ได้ส่ง")
        dashboard = self.as_user(self.creator).get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "ร่างที่ยังไม่ได้ส่ง")
        self.assertContains(dashboard, "ฉบับร่าง ยังไม่ได้ส่งขออนุมัติ")
        self.edit(self.creator, self.finance_notice, action="action-submit", title="ส่งแล้ว")
        dashboard = self.as_user(self.creator).get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "รออนุมัติ:")
