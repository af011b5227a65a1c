"""The permission matrix, through the real admin URLs: each role against a notice of its own
unit (Finance) and of another unit (Education), for every action. Allowed actions succeed;
refused ones leave the page exactly as it was."""

from django.urls import reverse
from wagtail.models import Page

from moderation.models import OperatorApprovalTask, UnitSupervisorTask
from tests.moderation_support import ModerationTestCase, rolled_back, snapshot

ROLES = ["creator", "supervisor", "operator", "it_admin"]
TARGETS = ["own", "other"]
OPERATOR = {("operator", "own"), ("operator", "other")}
ALLOWED = {
    "create": {("creator", "own"), *OPERATOR},
    "edit": {("creator", "own"), *OPERATOR},
    "submit": {("creator", "own"), *OPERATOR},
    "approve step 1": {("supervisor", "own")},
    "approve step 2": OPERATOR,
    "publish directly": set(),
    "unpublish": OPERATOR,
    "delete": OPERATOR,
    "move": OPERATOR,
}


class PermissionMatrixTests(ModerationTestCase):
    def user(self, role):
        return {
            "creator": self.creator,
            "supervisor": self.supervisor,
            "operator": self.operator,
            "it_admin": self.it_admin,
        }[role]

    def target(self, which):
        return self.finance_notice if which == "own" else self.education_notice

    def unit_of(self, which):
        return self.finance if which == "own" else self.education

    # Each action: (prepare the page, do it as the user, did it happen?)

    def act(self, action, user, which):
        page = self.target(which)
        if action == "create":
            title = f"ประกาศใหม่ของ {user.username}"
            before = self.index.get_children().count()
            response = self.create(user, title, self.unit_of(which).pk)
            created = Page.objects.filter(title=title).first()
            done = created is not None and created.specific.responsible_unit == self.unit_of(which)
            unchanged = self.index.get_children().count() == before
            return response, done, unchanged
        if action in ("approve step 1", "approve step 2"):
            page = self.submitted(page) if action == "approve step 1" else self.at_step_two(page)
        before = snapshot(page.pk)
        response = self.perform(action, user, page)
        after = snapshot(page.pk)
        return response, self.happened(action, page, after), after == before

    def perform(self, action, user, page):
        if action == "edit":
            return self.edit(user, page, title="แก้ไขชื่อเรื่อง")
        if action == "submit":
            return self.edit(user, page, action="action-submit", title="แก้ไขแล้วส่ง")
        if action in ("approve step 1", "approve step 2"):
            return self.workflow_action(user, page, "approve")
        if action == "publish directly":
            return self.edit(user, page, action="action-publish", title="เผยแพร่เอง")
        client = self.as_user(user)
        if action == "unpublish":
            return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        if action == "delete":
            return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        if action == "move":
            notice = self.procurement["finance" if page == self.finance_notice else "education"]
            url = reverse("wagtailadmin_pages:move_confirm", args=[notice.pk, self.school.pk])
            self._moved = notice
            self._moved_before = snapshot(notice.pk)
            return client.post(url)
        raise AssertionError(action)

    def happened(self, action, page, after):
        if action == "edit":
            return after["draft_title"] == "แก้ไขชื่อเรื่อง" and after["title"] == page.title
        if action == "submit":
            step = self.current_step(page)
            return isinstance(step, UnitSupervisorTask) and after["draft_title"] == "แก้ไขแล้วส่ง"
        if action == "approve step 1":
            return isinstance(self.current_step(page), OperatorApprovalTask)
        if action == "approve step 2":
            return (
                after["live"] and after["title"] == page.draft_title and after["workflow"] is None
            )
        if action == "publish directly":
            return after["title"] == "เผยแพร่เอง"
        if action == "unpublish":
            return not after["live"]
        if action == "delete":
            return after is None
        raise AssertionError(action)

    def test_matrix(self):
        for action, allowed in ALLOWED.items():
            for role in ROLES:
                for which in TARGETS:
                    with self.subTest(action=action, role=role, unit=which), rolled_back():
                        user = self.user(role)
                        if action == "move":
                            response = self.perform(action, user, self.target(which))
                            after = snapshot(self._moved.pk)
                            done = after["path"].startswith(self.school.path)
                            unchanged = after == self._moved_before
                        else:
                            response, done, unchanged = self.act(action, user, which)
                        self.assertLess(response.status_code, 500)
                        if (role, which) in allowed:
                            self.assertTrue(done, f"{role} could not {action} ({which} unit)")
                        else:
                            self.assertFalse(done, f"{role} could {action} ({which} unit)")
                            self.assertTrue(unchanged, f"{role} {action} changed the page")

    def test_a_superuser_may_still_publish_directly(self):
        """The break-glass account: nothing else publishes around the workflow."""
        admin = self.create_superuser()
        response = self.edit(admin, self.finance_notice, action="action-publish", title="ฉบับแก้ด่วน")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Page.objects.get(pk=self.finance_notice.pk).title, "ฉบับแก้ด่วน")

    def create_superuser(self):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.create_superuser("root", "root@example.org", "x" * 16)


class EditorInterfaceTests(ModerationTestCase):
    """The creator sees the submit button as the way forward, and no publish button."""

    def test_creator_has_submit_not_publish(self):
        response = self.as_user(self.creator).get(
            reverse("wagtailadmin_pages:edit", args=[self.finance_notice.pk])
        )
        self.assertContains(response, 'name="action-submit"')
        self.assertNotContains(response, 'name="action-publish"')
        self.assertContains(response, "ส่งขออนุมัติ")
        self.assertContains(response, "ขั้นตอนการเผยแพร่")

    def test_operator_does_not_get_a_publish_button_either(self):
        response = self.as_user(self.operator).get(
            reverse("wagtailadmin_pages:edit", args=[self.finance_notice.pk])
        )
        self.assertContains(response, 'name="action-submit"')
        self.assertNotContains(response, 'name="action-publish"')

    def test_direct_publish_is_refused_with_a_message_not_saved_silently(self):
        before = snapshot(self.finance_notice.pk)
        response = self.edit(self.creator, self.finance_notice, action="action-publish")
        self.assertRedirects(
            response,
            reverse("wagtailadmin_pages:edit", args=[self.finance_notice.pk]),
            fetch_redirect_response=False,
        )
        self.assertEqual(snapshot(self.finance_notice.pk), before)
        messages = [str(m) for m in response.wsgi_request._messages]
        self.assertTrue(any("เผยแพร่โดยตรงไม่ได้" in m for m in messages))

    def test_creator_may_only_give_a_new_page_to_their_unit(self):
        response = self.as_user(self.creator).get(
            reverse("wagtailadmin_pages:add", args=["news", "announcementpage", self.index.pk])
        )
        form = response.context["form"]
        self.assertEqual(list(form.fields["responsible_unit"].queryset), [self.finance])
        # The section is the Clerk's office's; the new notice starts as the Finance Office's.
        self.assertEqual(form.fields["responsible_unit"].initial, self.finance.pk)

    def test_creator_sees_other_units_pages_but_cannot_open_them(self):
        client = self.as_user(self.creator)
        listing = client.get(reverse("wagtailadmin_explore", args=[self.index.pk]))
        self.assertContains(listing, "ประกาศสำนักงานการศึกษา")
        edit_other = client.get(
            reverse("wagtailadmin_pages:edit", args=[self.education_notice.pk]), follow=True
        )
        # Wagtail answers a refusal in the admin with the dashboard and a message.
        self.assertEqual(edit_other.request["PATH_INFO"], reverse("wagtailadmin_home"))
        self.assertEqual(len(list(edit_other.context["messages"])), 1)

    def test_bad_workflow_action_input_is_refused_not_an_error(self):
        page = self.submitted(self.finance_notice)
        state = page.current_workflow_task_state
        client = self.as_user(self.supervisor)
        unknown = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "explode", state.pk])
        )
        self.assertRefused(unknown)
        # A task state of another page cannot be acted on through this page's URL.
        other = self.submitted(self.education_notice)
        crossed = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", other.current_workflow_task_state.pk],
            )
        )
        self.assertRefused(crossed)
        self.assertIsInstance(self.current_step(other), UnitSupervisorTask)
