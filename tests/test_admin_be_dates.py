"""The admin's dates in the Buddhist Era: its date fields show the BE date beside the picker,
while Wagtail stores the Common Era date it always did, and its listings, reports and history
write their dates in BE."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile

from news.models import AnnouncementPage
from search.models import SearchMiss
from tests.moderation_support import ModerationTestCase, edit_form, sign_in
from tests.test_admin_thai import interface_strings, recorded_content


class BuddhistEraDateFieldTests(ModerationTestCase):
    def test_the_editor_shows_the_be_date_beside_the_date_field(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.finance_notice.pk])
        response = self.as_user(self.creator).get(url)
        # The notice's date, 10 January 2026, as the Common Era picker holds it …
        self.assertContains(response, 'value="10/01/2026"')
        # … and beside it in the Buddhist Era, with the script that keeps it in step.
        self.assertContains(response, "พ.ศ.: 10 มกราคม 2569")
        self.assertContains(response, "core/js/be_dates.js")

    def test_what_is_stored_is_unchanged(self):
        data = edit_form(self.finance_notice, date="15/02/2026")
        url = reverse("wagtailadmin_pages:edit", args=[self.finance_notice.pk])
        self.assertEqual(self.as_user(self.creator).post(url, data).status_code, 302)
        page = AnnouncementPage.objects.get(pk=self.finance_notice.pk)
        draft = page.get_latest_revision_as_object()
        self.assertEqual(draft.date, datetime.date(2026, 2, 15))
        response = self.client.get(url)
        self.assertContains(response, "พ.ศ.: 15 กุมภาพันธ์ 2569")

    def test_an_empty_or_unreadable_value_shows_nothing(self):
        from core.templatetags.admin_dates import be_date

        self.assertEqual(be_date(""), "")
        self.assertEqual(be_date("31/02/2026"), "")
        self.assertEqual(be_date("15/01/2026 14:30"), "15 มกราคม 2569 เวลา 14.30 น.")


def shown(html):
    """What a person reads on the screen, the side panels and dialogs a click opens included
    (``interface_strings`` leaves out what is hidden until then)."""
    return interface_strings(html.replace(" hidden", " "))


class BuddhistEraInListsReportsAndHistoryTests(ModerationTestCase):
    """Every date an editor reads in the admin's listings, reports and history (the date each
    row's tooltip gives, a lock's time, a schedule) carries a Buddhist Era year, never the
    Common Era one."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
        cls.in_moderation = cls.submitted(cls, cls.finance_notice)
        Page.objects.filter(pk=cls.education_notice.pk).update(
            locked=True, locked_by=cls.operator, locked_at=timezone.now()
        )
        scheduled = cls.procurement["finance"].specific
        scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
        revision = scheduled.save_revision(user=cls.superuser)
        revision.publish(user=cls.superuser)  # scheduled: it goes live in three days
        SearchMiss.objects.create(week=timezone.localdate(), query="ถังขยะ", searches=3, results=0)

    def screens(self):
        state = self.in_moderation.current_workflow_state
        page = self.in_moderation.pk
        return [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore", args=[self.index.pk]),
            reverse("wagtailadmin_pages:edit", args=[self.procurement["finance"].pk]),
            reverse("wagtailadmin_pages:history", args=[page]),
            reverse("wagtailadmin_pages:workflow_history", args=[page]),
            reverse("wagtailadmin_pages:workflow_history_detail", args=[page, state.pk]),
            reverse("wagtailadmin_reports:site_history"),
            reverse("wagtailadmin_reports:aging_pages"),
            reverse("wagtailadmin_reports:locked_pages"),
            reverse("wagtailadmin_reports:workflow"),
            reverse("wagtailadmin_reports:workflow_tasks"),
            reverse("oversight_scheduled_items"),
            reverse("search_misses"),
        ]

    def test_each_screen_shows_buddhist_era_years(self):
        be, ce = str(timezone.localdate().year + 543), str(timezone.localdate().year)
        content = recorded_content()
        sign_in(self.client, self.superuser)
        for url in self.screens():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            read = shown(response.content.decode()) - content
            self.assertTrue([text for text in read if be in text], f"{url}: no {be}")
            self.assertEqual(
                [text for text in read if re.search(rf"\b{ce}\b", text)], [], f"{url}: {ce}"
            )

    def test_an_english_admin_keeps_wagtails_dates(self):
        profile = UserProfile.get_for_user(self.superuser)
        profile.preferred_language = "en"
        profile.save()
        sign_in(self.client, self.superuser)
        response = self.client.get(reverse("wagtailadmin_reports:locked_pages"))
        self.assertContains(response, str(timezone.localdate().year))
