"""The scheduler under faults: the every-minute job runs every minute, a holder killed with
SIGKILL leaves its lease for at most half a minute, SIGTERM stops it within seconds, and a
publication that fails leaves the page as it was, with no half-written history."""

import datetime
import signal
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageLogEntry

from news.models import AnnouncementPage
from oversight import scheduler
from tests import faults_support as faults
from tests.factories import AnnouncementIndexPageFactory, site_settings, translated_home


def at(moment):
    """Travel in time: every ``timezone.now()`` answers ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


class EveryMinuteTests(TestCase):
    job = scheduler.Job("minutely", "clearsessions", every_minutes=1)

    def test_a_start_a_few_milliseconds_late_does_not_skip_the_next_minute(self):
        minute = datetime.datetime(2026, 3, 15, 5, 0, tzinfo=datetime.UTC)
        ms = datetime.timedelta(milliseconds=4)
        started = minute + ms  # this minute's run began 4 ms late
        self.assertFalse(self.job.is_due(started, minute + datetime.timedelta(seconds=30)))
        # Next minute's tick, even 3 ms early in its own minute, runs it again.
        self.assertTrue(self.job.is_due(started, minute + datetime.timedelta(minutes=1) + ms / 2))

    def test_sixty_ticks_a_minute_apart_give_sixty_runs(self):
        start = datetime.datetime(2026, 3, 15, 5, 0, 0, 3000, tzinfo=datetime.UTC)
        last, runs = None, 0
        for minute in range(60):
            for second in (0, 5, 30, 55):  # the scheduler polls every few seconds
                now = start + datetime.timedelta(minutes=minute, seconds=second)
                if self.job.is_due(last, now):
                    last, runs = now + datetime.timedelta(milliseconds=7), runs + 1
        self.assertEqual(runs, 60)


SCHEDULED_PAGE = """
import datetime
from django.contrib.auth import get_user_model
from django.utils import timezone
from news.models import AnnouncementPage
from tests.factories import AnnouncementIndexPageFactory, site_settings, translated_home
site_settings()
index = AnnouncementIndexPageFactory(parent=translated_home(), slug="announcements")
user = get_user_model().objects.create_superuser("operator", "op@example.org", "x")
page = AnnouncementPage(slug="due", title="ประกาศถึงเวลา", kind="other",
                        date=timezone.localdate(), live=False)
index.add_child(instance=page)
page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
page.save_revision(user=user).publish(user=user)
"""

HOLD_LEASE = """
import time
from oversight import scheduler
assert scheduler.acquire_lease("publish_scheduled", "dying-host:1", scheduler.lease_seconds())
with scheduler.Heartbeat("publish_scheduled", "dying-host:1", scheduler.lease_seconds()):
    print("holding", flush=True)
    time.sleep(600)
"""

PUBLISHED = """
from wagtail.models import PageLogEntry
from news.models import AnnouncementPage
page = AnnouncementPage.objects.get(slug="due")
entries = PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()
print(page.live, entries)
"""


def stop(process):
    if process.poll() is None:
        process.kill()
    process.wait(10)


def test_a_lease_of_a_killed_scheduler_is_taken_over_within_a_minute(tmp_path):
    env = faults.database(tmp_path)
    faults.python(env, SCHEDULED_PAGE)
    dying = faults.start(env, "shell", "-c", HOLD_LEASE)
    try:
        faults.wait_for_line(dying, "holding", 120)
        time.sleep(scheduler.lease_seconds() / 3 + 1)  # its heartbeat renewed the lease once
        dying.send_signal(signal.SIGKILL)
        dying.wait(10)
        killed_at = time.monotonic()
        other = faults.start(env, "run_scheduler")
        try:
            faults.wait_for_line(other, "publish_scheduled: สำเร็จ (ok)", 90)
            taken_over_after = time.monotonic() - killed_at
        finally:
            other.send_signal(signal.SIGTERM)
            stop(other)
    finally:
        stop(dying)
    assert taken_over_after < 60, taken_over_after
    # Published once, with its one log entry for the yearly report.
    assert faults.python(env, PUBLISHED).split() == ["True", "1"]


def test_sigterm_stops_the_scheduler_within_seconds(tmp_path):
    env = faults.database(tmp_path)
    process = faults.start(env, "run_scheduler")
    try:
        faults.wait_for_line(process, "started", 120)
        time.sleep(2)  # into its first wait for the next tick
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        code = process.wait(10)
        took = time.monotonic() - sent
    finally:
        stop(process)
    assert code == 0
    assert took < 5, took
    assert "stopped" in process.stdout.read()


@pytest.mark.django_db
class AtomicPublicationTests(TestCase):
    """A log entry that cannot be written (a trigger refusing it, as a full disk or a lost
    connection would) leaves the page not live, and the next tick publishes it with its entry."""

    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            home = translated_home()
        cls.index = AnnouncementIndexPageFactory(parent=home, slug="announcements")
        cls.user = get_user_model().objects.create_superuser("operator", "op@example.org", "x")

    def refuse_scheduled_log_entries(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "CREATE FUNCTION refuse_entry() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'log entry refused'; END $$ LANGUAGE plpgsql"
                )
                cursor.execute(
                    "CREATE TRIGGER refuse BEFORE INSERT ON wagtailcore_pagelogentry FOR EACH ROW "
                    "WHEN (NEW.action = 'wagtail.publish.scheduled') EXECUTE FUNCTION refuse_entry()"
                )
            else:
                cursor.execute(
                    "CREATE TRIGGER refuse BEFORE INSERT ON wagtailcore_pagelogentry "
                    "WHEN NEW.action = 'wagtail.publish.scheduled' "
                    "BEGIN SELECT RAISE(ABORT, 'log entry refused'); END"
                )

    def allow_log_entries(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("DROP TRIGGER refuse ON wagtailcore_pagelogentry")
            else:
                cursor.execute("DROP TRIGGER refuse")

    def test_a_failed_log_entry_leaves_the_page_unpublished_until_the_next_tick(self):
        pages = []
        for slug in ("first", "second"):
            page = AnnouncementPage(
                slug=slug, title=slug, kind="other", date=timezone.localdate(), live=False
            )
            self.index.add_child(instance=page)
            page.go_live_at = timezone.now() + datetime.timedelta(minutes=1)
            page.save_revision(user=self.user).publish(user=self.user)
            pages.append(page)
        later = timezone.now() + datetime.timedelta(minutes=2)  # both go-live times are due
        self.refuse_scheduled_log_entries()
        with at(later), self.assertRaisesMessage(CommandError, "tried again next time"):
            call_command("publish_scheduled")
        for page in pages:
            page.refresh_from_db()
            self.assertFalse(page.live)
        self.assertEqual(self.client.get("/announcements/first/").status_code, 404)
        self.assertFalse(PageLogEntry.objects.filter(action="wagtail.publish.scheduled").exists())

        self.allow_log_entries()
        with at(later):
            call_command("publish_scheduled")
        for page in pages:
            page.refresh_from_db()
            self.assertTrue(page.live)
            entries = PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled")
            self.assertEqual(entries.count(), 1)
        self.assertEqual(self.client.get("/announcements/first/").status_code, 200)
