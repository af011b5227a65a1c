"""The admin's dates in the Buddhist Era: its date fields show the BE date beside the picker,
while Wagtail stores the Common Era date it always did, and its listings, reports and history
write their dates in BE."""

import csv
import datetime
import io
import re

import openpyxl
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile

from news.models import AnnouncementPage
from search.models import SearchMiss
from tests.moderation_support import ModerationTestCase, edit_form, sign_in
from tests.test_admin_thai import interface_strings, recorded_content
from thai.admin import admin_date


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


class DatedRecordsTestCase(ModerationTestCase):
    """A page in moderation, a locked page, a scheduled one and a search miss: a date in every
    report."""

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


class BuddhistEraInListsReportsAndHistoryTests(DatedRecordsTestCase):
    """Every date an editor reads in the admin's listings, reports and history (the date each
    row's tooltip gives, a lock's time, a schedule) carries a Buddhist Era year, never the
    Common Era one."""

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


class BuddhistEraInExportsTests(DatedRecordsTestCase):
    """The CSV and XLSX downloads of every report write their dates as the screens do: in the
    Buddhist Era on the Thai admin (as text, in XLSX too), Wagtail's dates on an English one."""

    REPORTS = [
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:aging_pages",
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:workflow",
        "wagtailadmin_reports:workflow_tasks",
        "oversight_scheduled_items",
        "search_misses",
    ]

    def download(self, name, export_format):
        response = self.client.get(reverse(name), {"export": export_format})
        self.assertEqual(response.status_code, 200, name)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if export_format == "csv":
            return list(csv.reader(io.StringIO(content.decode())))
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [[cell.value for cell in row] for row in sheet.iter_rows()]

    def test_a_thai_admin_downloads_buddhist_era_dates(self):
        be, ce = str(timezone.localdate().year + 543), str(timezone.localdate().year)
        sign_in(self.client, self.superuser)
        for name in self.REPORTS:
            for export_format in ("csv", "xlsx"):
                with self.subTest(name, export_format=export_format):
                    cells = [str(c) for row in self.download(name, export_format) for c in row]
                    self.assertTrue([cell for cell in cells if be in cell], f"no {be}")
                    self.assertEqual([cell for cell in cells if re.search(rf"\b{ce}\b", cell)], [])

    def test_the_locked_pages_report_writes_the_lock_time_as_the_screen_does(self):
        locked_at = Page.objects.get(pk=self.education_notice.pk).locked_at
        sign_in(self.client, self.superuser)
        for export_format in ("csv", "xlsx"):
            cells = [
                c
                for row in self.download("wagtailadmin_reports:locked_pages", export_format)
                for c in row
            ]
            self.assertIn(admin_date(locked_at), cells)  # 6 ธันวาคม 2569 เวลา 14.30 น.

    def test_an_english_admin_keeps_wagtails_dates(self):
        profile = UserProfile.get_for_user(self.superuser)
        profile.preferred_language = "en"
        profile.save()
        sign_in(self.client, self.superuser)
        rows = self.download("wagtailadmin_reports:locked_pages", "xlsx")
        self.assertTrue(any(isinstance(c, datetime.datetime) for row in rows for c in row))
        rows = self.download("wagtailadmin_reports:locked_pages", "csv")
        ce = str(timezone.localdate().year)
        self.assertTrue([c for row in rows[1:] for c in row if re.search(rf"\b{ce}\b", c)], rows)
