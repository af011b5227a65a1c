"""The admin's date fields show the Buddhist Era beside the picker, while Wagtail stores the
Common Era date it always did."""

import datetime

from django.urls import reverse

from news.models import AnnouncementPage
from tests.moderation_support import ModerationTestCase, edit_form


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
