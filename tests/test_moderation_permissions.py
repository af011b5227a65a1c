"""The permission matrix, through the real admin URLs (ownership.permissions): each role
against a notice of its own unit (Finance) and of another unit (Education), for every way to
see, change or publish a page. Allowed actions succeed; refused ones leave the page as it
was."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import Locale, Page

from cases.setup import CENTRE_GROUP
from moderation.models import OperatorApprovalTask, UnitSupervisorTask
from tests.moderation_support import ModerationTestCase, make_user, rolled_back, snapshot

ROLES = ["creator", "supervisor", "operator", "it_admin", "handler", "superuser"]
TARGETS = ["own", "other"]
CREATOR = {("creator", "own")}
OPERATOR = {("operator", "own"), ("operator", "other")}
SUPERUSER = {("superuser", "own"), ("superuser", "other")}
ALLOWED = {
    "see in explorer": CREATOR | OPERATOR | SUPERUSER,
    "see in admin API": CREATOR | OPERATOR | SUPERUSER,
    "see in workflows report": CREATOR | OPERATOR | SUPERUSER,
    "create": CREATOR | OPERATOR | SUPERUSER,
    "edit": CREATOR | OPERATOR | SUPERUSER,
    "submit": CREATOR | OPERATOR | SUPERUSER,
    "approve step 1": {("supervisor", "own")} | SUPERUSER,
    "approve step 2": OPERATOR | SUPERUSER,
    "publish directly": SUPERUSER,
    "publish via bulk action": SUPERUSER,
    "publish via copy": SUPERUSER,
    "publish via alias": SUPERUSER,
    "unpublish": OPERATOR | SUPERUSER,
    "delete": OPERATOR | SUPERUSER,
    "move": OPERATOR | SUPERUSER,
    "translate": CREATOR | OPERATOR | SUPERUSER,
}
# Actions after which a refused person may have saved a draft (what Wagtail does with a
# publish it refuses): what must not change is what citizens see.
PUBLISHING = {"publish directly", "publish via bulk action"}
LIVE_FIELDS = ("title", "live", "live_revision", "path")


class PermissionMatrixTests(ModerationTestCase):
    """Every role against a notice of its own unit (Finance) and of another (Education), for
    every way the admin offers to see or change a page. "own" and "other" are simply two
    notices for people without a unit."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.handler = make_user("complaints-centre")
        cls.handler.groups.add(Group.objects.get(name=CENTRE_GROUP))
        cls.superuser = get_user_model().objects.create_superuser(
            "root", "root@example.org", "x" * 16
        )

    def user(self, role):
        return {
            "creator": self.creator,
            "supervisor": self.supervisor,
            "operator": self.operator,
            "it_admin": self.it_admin,
            "handler": self.handler,
            "superuser": self.superuser,
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
        if action in ("approve step 1", "approve step 2", "see in workflows report"):
            page = self.at_step_two(page) if action == "approve step 2" else self.submitted(page)
        if action == "publish via bulk action":
            page = self.with_new_draft(page)
        before = snapshot(page.pk)
        response = self.perform(action, user, page)
        after = snapshot(page.pk)
        if action in PUBLISHING:
            unchanged = {key: after[key] for key in LIVE_FIELDS} == {
                key: before[key] for key in LIVE_FIELDS
            }
        else:
            unchanged = after == before
        return response, self.happened(action, page, after, response), unchanged

    def with_new_draft(self, page):
        page = page.specific_class.objects.get(pk=page.pk)
        page.title = "ฉบับร่างใหม่"
        page.save_revision(user=self.creator)
        return page.specific_class.objects.get(pk=page.pk)

    def perform(self, action, user, page):
        client = self.as_user(user)
        if action == "see in explorer":
            return client.get(reverse("wagtailadmin_explore", args=[self.index.pk]))
        if action == "see in admin API":
            return client.get(
                "/admin/api/main/pages/",
                {"child_of": self.index.pk, "for_explorer": 1, "limit": 50},
            )
        if action == "see in workflows report":
            return client.get(reverse("wagtailadmin_reports:workflow"))
        if action == "edit":
            return self.edit(user, page, title="แก้ไขชื่อเรื่อง")
        if action == "submit":
            return self.edit(user, page, action="action-submit", title="แก้ไขแล้วส่ง")
        if action in ("approve step 1", "approve step 2"):
            return self.workflow_action(user, page, "approve")
        if action == "publish directly":
            return self.edit(user, page, action="action-publish", title="เผยแพร่เอง")
        if action == "publish via bulk action":
            url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            return client.post(f"{url}?id={page.pk}", {})
        if action in ("publish via copy", "publish via alias"):
            flag = "publish_copies" if action == "publish via copy" else "alias"
            data = {
                "new_title": "สำเนาประกาศ",
                "new_slug": "copied-notice",
                "new_parent_page": self.index.pk,
                flag: "on",
            }
            return client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data)
        if action == "translate":
            url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            return client.post(url, {"locales": [self.english.pk]})
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

    def happened(self, action, page, after, response):
        listed = page.title.split(" (")[0]
        if action in ("see in explorer", "see in workflows report"):
            return response.status_code == 200 and listed in response.content.decode()
        if action == "see in admin API":
            return response.status_code == 200 and any(
                item["id"] == page.pk for item in response.json()["items"]
            )
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
        if action == "publish via bulk action":
            return after["title"] == "ฉบับร่างใหม่"
        if action in ("publish via copy", "publish via alias"):
            return Page.objects.filter(slug="copied-notice", live=True).exists()
        if action == "translate":
            return page.get_translations().filter(locale=self.english).exists()
        if action == "unpublish":
            return not after["live"]
        if action == "delete":
            return after is None
        raise AssertionError(action)

    def test_matrix(self):
        self.english = Locale.objects.get(language_code="en")
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

    def test_a_posted_publish_keeps_the_work_as_a_draft_and_publishes_nothing(self):
        response = self.edit(
            self.creator, self.finance_notice, action="action-publish", title="ร่างที่กดเผยแพร่"
        )
        self.assertEqual(response.status_code, 302)
        after = snapshot(self.finance_notice.pk)
        self.assertEqual(after["title"], self.finance_notice.title)  # what citizens see
        self.assertEqual(after["draft_title"], "ร่างที่กดเผยแพร่")  # nothing typed is lost

    def test_creator_may_only_give_a_new_page_to_their_unit(self):
        response = self.as_user(self.creator).get(
            reverse("wagtailadmin_pages:add", args=["news", "announcementpage", self.index.pk])
        )
        form = response.context["form"]
        self.assertEqual(list(form.fields["responsible_unit"].queryset), [self.finance])
        # The section is the Clerk's office's; the new notice starts as the Finance Office's.
        self.assertEqual(form.fields["responsible_unit"].initial, self.finance.pk)

    def test_creator_neither_sees_nor_opens_other_units_pages(self):
        client = self.as_user(self.creator)
        listing = client.get(reverse("wagtailadmin_explore", args=[self.index.pk]))
        self.assertContains(listing, "ประกาศสำนักงานคลัง")
        self.assertNotContains(listing, "ประกาศสำนักงานการศึกษา")
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


class PublishEntryPointTests(ModerationTestCase):
    """Each way Wagtail offers to publish asks the one permission layer: only the workflow's
    last step (tested in the matrix) and a superuser publish. (The editor, and so reverting
    to an old version, bulk actions, copy, alias and wagtail-localize are rows of the matrix
    and of the translation tests.)"""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.superuser = get_user_model().objects.create_superuser(
            "root", "root@example.org", "x" * 16
        )

    def test_create_and_publish_in_one_go(self):
        for user, goes_live in ((self.operator, False), (self.superuser, True)):
            with self.subTest(user=user.username), rolled_back():
                title = f"ประกาศด่วนของ {user.username}"
                response = self.create(user, title, self.finance.pk, action="action-publish")
                self.assertLess(response.status_code, 500)
                page = Page.objects.get(title=title)
                self.assertEqual(page.live, goes_live)

    def test_wagtails_publish_action_as_the_page_api_runs_it(self):
        revision = self.finance_notice.save_revision(user=self.creator)
        with self.assertRaises(PublishPermissionError):
            PublishPageRevisionAction(revision, user=self.operator).execute()
        self.assertFalse(
            Page.objects.get(pk=self.finance_notice.pk).has_unpublished_changes is False
        )
        PublishPageRevisionAction(revision, user=self.superuser).execute()
        self.assertEqual(Page.objects.get(pk=self.finance_notice.pk).live_revision_id, revision.pk)
