"""Timed publication (O1): go-live and expiry happen when the scheduler ticks, only after
approval, once even with two schedulers, and an expired notice answers 410."""

import datetime
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, PageLogEntry, Workflow, WorkflowPage, WorkflowTask

from news.models import AnnouncementPage
from oversight import scheduler
from oversight.models import JobRun
from tests.factories import AnnouncementIndexPageFactory, site_settings, translated_home, unit
from tests.moderation_support import sign_in
from thai.dates import format_thai_datetime

NOW = timezone.now().replace(microsecond=0)
HOUR = datetime.timedelta(hours=1)


def at(moment):
    """Travel in time: every ``timezone.now()`` answers ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


# The daily site check is one of the jobs; these tests reach no other site.
@override_settings(OVERSIGHT_CHECK_EXTERNAL_LINKS=False)
class SchedulingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()
        cls.index = AnnouncementIndexPageFactory(
            parent=cls.home, slug="announcements", title="ประกาศ"
        )
        cls.user = get_user_model().objects.create_superuser("operator", "op@example.org", "x")

    def notice(self, slug, **fields):
        page = AnnouncementPage(
            slug=slug, title=f"ประกาศ {slug}", kind="other", date=NOW.date(), **fields
        )
        self.index.add_child(instance=page)
        return page

    def schedule(self, slug, go_live_at):
        page = self.notice(slug, live=False)
        page.go_live_at = go_live_at
        page.save_revision(user=self.user).publish(user=self.user)
        return page

    def tick(self, moment, holder="test"):
        with at(moment):
            return scheduler.tick(holder)

    def test_page_goes_live_only_when_a_tick_passes_its_go_live(self):
        self.schedule("later", NOW + HOUR)
        self.tick(NOW)
        self.assertEqual(self.client.get("/announcements/later/").status_code, 404)
        self.tick(NOW + 2 * HOUR)
        response = self.client.get("/announcements/later/")
        self.assertContains(response, "ประกาศ later")

    def test_expired_notice_answers_410_and_leaves_the_listing(self):
        page = self.notice("ending", expire_at=NOW + HOUR)
        page.save_revision(user=self.user).publish(user=self.user)
        self.assertContains(self.client.get("/announcements/"), "ประกาศ ending")
        self.tick(NOW + 2 * HOUR)
        response = self.client.get("/announcements/ending/")
        self.assertEqual(response.status_code, 410)
        self.assertContains(response, "สิ้นสุดระยะเวลาการเผยแพร่แล้ว", status_code=410)
        expired_on = timezone.localtime(NOW + HOUR)
        self.assertContains(response, f"เวลา {expired_on:%H.%M} น.", status_code=410)
        self.assertNotContains(self.client.get("/announcements/"), "ประกาศ ending")
        page.refresh_from_db()
        self.assertTrue(page.expired)  # still in the admin, not deleted

    def test_public_notice_shows_its_publication_period(self):
        page = self.notice(
            "period", expire_at=datetime.datetime(2030, 1, 1, 3, 0, tzinfo=datetime.UTC)
        )
        page.save_revision(user=self.user).publish(user=self.user)
        response = self.client.get("/announcements/period/")
        self.assertContains(response, "ระยะเวลาเผยแพร่")
        self.assertContains(response, "1 มกราคม 2573 เวลา 10.00 น.")

    def test_approval_with_a_future_go_live_publishes_only_then_and_moderation_holds(self):
        moderators = Group.objects.create(name="test moderators")
        self.user.groups.add(moderators)
        task = GroupApprovalTask.objects.create(name="approve")
        task.groups.add(moderators)
        workflow = Workflow.objects.create(name="test workflow")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.update_or_create(page=self.home, defaults={"workflow": workflow})

        waiting = self.notice("waiting", live=False)
        waiting.go_live_at = NOW - HOUR  # due, but still in moderation
        creator = get_user_model().objects.create_user("creator", "c@example.org", "x")
        waiting.save_revision(user=creator)
        workflow.start(waiting, creator)
        self.tick(NOW)
        self.assertEqual(self.client.get("/announcements/waiting/").status_code, 404)

        approved = self.notice("approved", live=False)
        approved.go_live_at = NOW + HOUR
        approved.save_revision(user=creator)
        task_state = workflow.start(approved, creator).current_task_state
        with self.captureOnCommitCallbacks(execute=True):
            task_state.task.specific.on_action(task_state, self.user, "approve")
        self.tick(NOW)
        self.assertEqual(self.client.get("/announcements/approved/").status_code, 404)
        self.tick(NOW + 2 * HOUR)
        self.assertEqual(self.client.get("/announcements/approved/").status_code, 200)

    def test_two_schedulers_at_once_publish_once(self):
        page = self.schedule("once", NOW + HOUR)
        later = NOW + 2 * HOUR
        self.assertTrue(scheduler.acquire_lease("publish_scheduled", "scheduler-a", 300, later))
        jobs_of = lambda runs: [run.job for run in runs]  # noqa: E731
        self.assertNotIn("publish_scheduled", jobs_of(self.tick(later, holder="scheduler-b")))
        self.assertIn("publish_scheduled", jobs_of(self.tick(later, holder="scheduler-a")))
        self.assertEqual(self.tick(later, holder="scheduler-b"), [])  # nothing left to do
        published = PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled")
        self.assertEqual(published.count(), 1)

    def test_a_scheduler_started_after_downtime_catches_up(self):
        self.schedule("overdue", NOW + HOUR)
        JobRun.objects.create(job="clearsessions", started_at=NOW - 3 * 24 * HOUR)
        runs = self.tick(NOW + 30 * 24 * HOUR)
        self.assertEqual(
            {run.job for run in runs},
            {
                "publish_scheduled",
                "send_queued_mail",
                "clearsessions",
                "anonymise_cases",
                "create_procurement_summaries",
                "check_site",
            },
        )
        self.assertTrue(all(run.succeeded for run in runs))
        self.assertEqual(self.client.get("/announcements/overdue/").status_code, 200)

    def test_run_scheduler_once_reports_in_bangkok_time(self):
        out = mock.MagicMock()
        with mock.patch("sys.stdout", out):
            call_command("run_scheduler", "--once", stdout=out)
        written = "".join(call.args[0] for call in out.write.call_args_list)
        self.assertIn("Asia/Bangkok] publish_scheduled: สำเร็จ (ok)", written)


class DailyJobTests(TestCase):
    job = scheduler.Job("daily", "clearsessions", daily_at=datetime.time(6, 0))

    def bangkok(self, day, hour, minute=0):
        return timezone.make_aware(datetime.datetime(2026, 3, day, hour, minute))

    def test_daily_job_is_due_once_after_six_in_bangkok(self):
        last = self.bangkok(14, 6, 1)
        self.assertFalse(self.job.is_due(last, self.bangkok(15, 5, 59)))
        self.assertTrue(self.job.is_due(last, self.bangkok(15, 6, 0)))
        self.assertFalse(self.job.is_due(self.bangkok(15, 6, 0), self.bangkok(15, 23, 0)))

    def test_a_job_that_never_ran_is_due(self):
        self.assertTrue(self.job.is_due(None, self.bangkok(15, 1)))


class ScheduledItemsReportTests(TestCase):
    """Editors read schedules in Bangkok time; the report lists the next 30 days by unit."""

    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            home = translated_home()
        index = AnnouncementIndexPageFactory(parent=home, slug="announcements", title="ประกาศ")
        cls.user = get_user_model().objects.create_superuser("web", "web@example.org", "x")
        cls.soon = datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=2), datetime.time(3, 0), datetime.UTC
        )
        for slug, unit_slug, go_live in (
            ("soon", "finance", cls.soon),
            ("clerk-soon", "clerk", cls.soon),
            ("far", "finance", cls.soon + datetime.timedelta(days=60)),
        ):
            page = AnnouncementPage(
                slug=slug,
                title=f"ประกาศ {slug}",
                kind="other",
                date=NOW.date(),
                live=False,
                responsible_unit=unit(unit_slug),
            )
            index.add_child(instance=page)
            page.go_live_at = go_live
            page.save_revision(user=cls.user).publish(user=cls.user)
        cls.soon_page = AnnouncementPage.objects.get(slug="soon")

    def setUp(self):
        sign_in(self.client, self.user)

    def test_editor_reads_the_go_live_time_in_bangkok_time(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.soon_page.pk]))
        self.assertContains(response, timezone.localtime(self.soon).strftime("%d/%m/%Y 10:00"))

    def test_report_lists_the_next_30_days_in_bangkok_time(self):
        response = self.client.get(reverse("oversight_scheduled_items"))
        self.assertContains(response, "ประกาศ soon")
        self.assertContains(response, "ประกาศ clerk-soon")
        self.assertNotContains(response, "ประกาศ far")
        # In the Buddhist Era on the screen (thai.admin.admin_date), in the export too.
        self.assertContains(response, format_thai_datetime(self.soon))
        self.assertContains(response, "สำนักงานคลัง")

    def test_report_filters_by_unit(self):
        url = reverse("oversight_scheduled_items")
        response = self.client.get(url, {"unit": unit("clerk").pk})
        self.assertContains(response, "ประกาศ clerk-soon")
        self.assertNotContains(response, "ประกาศ soon<")
        self.assertEqual(self.client.get(url, {"unit": "nonsense"}).status_code, 200)

    def test_report_exports_csv_and_xlsx(self):
        url = reverse("oversight_scheduled_items")
        csv = self.client.get(url, {"export": "csv"})
        text = b"".join(csv.streaming_content).decode("utf-8")
        self.assertIn("ประกาศ soon", text)
        self.assertIn(format_thai_datetime(self.soon), text)
        xlsx = self.client.get(url, {"export": "xlsx"})
        self.assertEqual(xlsx.status_code, 200)
        self.assertIn("spreadsheetml", xlsx["Content-Type"])
