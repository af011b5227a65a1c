"""Two editors open the same page; the second save, based on the older version, is refused
with who saved what and when, and everything the second editor typed comes back."""

import re

from django.urls import reverse
from django.utils import timezone

from tests.moderation_support import ModerationTestCase, edit_form

LOADED = re.compile(r'name="loaded_revision_id" value="([0-9]*)"')


class StaleSaveTests(ModerationTestCase):
    def open_editor(self, user, page):
        response = self.as_user(user).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(response.status_code, 200)
        return LOADED.search(response.content.decode()).group(1)

    def save(self, user, page, loaded, title):
        data = edit_form(page, title=title)
        data["loaded_revision_id"] = loaded
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return self.as_user(user).post(url, data)

    def test_the_second_save_is_refused_with_who_and_when_and_nothing_typed_is_lost(self):
        page = self.finance_notice
        operator_loaded = self.open_editor(self.operator, page)
        creator_loaded = self.open_editor(self.creator, page)
        self.assertEqual(operator_loaded, creator_loaded)

        first = self.save(self.operator, page, operator_loaded, "ภาษีป้าย ฉบับผู้ปฏิบัติงาน")
        self.assertEqual(first.status_code, 302)
        page.refresh_from_db()
        newer = page.latest_revision

        typed = "ภาษีป้าย ฉบับที่ผู้จัดทำพิมพ์ไว้ยาวมาก"
        second = self.save(self.creator, page, creator_loaded, typed)
        self.assertEqual(second.status_code, 200)
        self.assertContains(second, "ยังไม่ได้บันทึก")
        self.assertContains(second, "กนกพร")  # the web operator's name
        self.assertContains(second, "ภาษีป้าย ฉบับผู้ปฏิบัติงาน")  # what they saved
        self.assertContains(
            second, str(timezone.localtime(newer.created_at).year + 543)
        )  # when, BE
        self.assertContains(second, f'value="{typed}"')  # the creator's typing is still there
        page.refresh_from_db()
        self.assertEqual(page.latest_revision_id, newer.pk)
        self.assertEqual(page.draft_title, "ภาษีป้าย ฉบับผู้ปฏิบัติงาน")

        # The form it came back with is based on the newer version: saving again is on purpose.
        reloaded = LOADED.search(second.content.decode()).group(1)
        self.assertEqual(reloaded, str(newer.pk))
        self.assertEqual(self.save(self.creator, page, reloaded, typed).status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.draft_title, typed)

    def test_a_save_on_the_latest_version_goes_through(self):
        page = self.finance_notice
        loaded = self.open_editor(self.creator, page)
        self.assertEqual(self.save(self.creator, page, loaded, "ภาษีป้าย ๒๕๖๙").status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.draft_title, "ภาษีป้าย ๒๕๖๙")
