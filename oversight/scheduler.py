"""The scheduler: jobs, when they are due, and a database lease so that only one process
runs a job at a time. ``manage.py run_scheduler`` calls ``tick`` every few seconds; a job runs
once per due time. A lease is short and renewed by a heartbeat while its job runs, so the lease
of a holder that died (``kill -9``, a lost machine) expires within ``lease_seconds()`` and the
next tick of another scheduler takes it over."""

import datetime
import io
import logging
import threading
import traceback
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, connections, transaction
from django.db.models import Q
from django.utils import timezone

from oversight.models import JobRun, SchedulerLease

logger = logging.getLogger(__name__)

# A lease lives this long unless its holder's heartbeat renews it (every third of it).
DEFAULT_LEASE_SECONDS = 30


def lease_seconds():
    return getattr(settings, "SCHEDULER_LEASE_SECONDS", DEFAULT_LEASE_SECONDS)


@dataclass(frozen=True)
class Job:
    """A management command (with ``args``) run every ``every_minutes``, or daily at
    ``daily_at`` (Bangkok)."""

    name: str
    command: str
    every_minutes: int | None = None
    daily_at: datetime.time | None = None
    args: tuple = ()

    def last_due_time(self, now):
        """The latest moment at or before ``now`` when this job was due: the start of the
        current period of ``every_minutes`` (whole minutes), or today's (else yesterday's)
        ``daily_at``."""
        if self.every_minutes:
            step = self.every_minutes * 60
            return datetime.datetime.fromtimestamp(now.timestamp() // step * step, tz=datetime.UTC)
        local = timezone.localtime(now)
        due = local.replace(
            hour=self.daily_at.hour, minute=self.daily_at.minute, second=0, microsecond=0
        )
        if due > local:
            due -= datetime.timedelta(days=1)
        return due

    def is_due(self, last_started, now):
        """Due when it has not started since its last due time: a job missed while the
        scheduler was down is caught up at the next tick, and a run that started a few
        milliseconds after its minute does not make the next minute's run wait."""
        return last_started is None or last_started < self.last_due_time(now)


JOBS = [
    # Go-live and expiry of pages and snippets (O1).
    # (oversight's publish_scheduled: Wagtail's, each item in one transaction with its log entry.)
    Job("publish_scheduled", "publish_scheduled", every_minutes=1),
    # Every e-mail of the site waits in the outbox until this delivers it (outbox/).
    Job("send_queued_mail", "send_queued_mail", every_minutes=1),
    # Expired sessions out of the database.
    Job("clearsessions", "clearsessions", daily_at=datetime.time(3, 0)),
    # Personal data of closed complaints and old questions past retention (cases/, PDPA).
    Job("anonymise_cases", "anonymise_cases", daily_at=datetime.time(3, 30)),
    # Last month's procurement summaries (แบบ สขร.๑) drafted for approval; existing ones stay.
    Job(
        "create_procurement_summaries",
        "create_procurement_summaries",
        daily_at=datetime.time(5, 30),
        args=("--scheduled",),
    ),
    # The daily site check and its report to each unit (O2); bounded by its own time limit.
    Job(
        "check_site",
        "check_site",
        daily_at=datetime.time(6, 0),
        args=("--scheduled",),
    ),
]


def acquire_lease(name, holder, seconds, now=None):
    """Take the lease ``name`` for ``holder`` unless another holder has it; True if taken."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            SchedulerLease.objects.get_or_create(name=name, defaults={"expires_at": now})
    except IntegrityError:
        pass  # another process created the row at the same moment
    taken = (
        SchedulerLease.objects.filter(name=name)
        .filter(Q(expires_at__lte=now) | Q(holder=holder))
        .update(holder=holder, expires_at=now + datetime.timedelta(seconds=seconds))
    )
    return taken == 1


def release_lease(name, holder):
    SchedulerLease.objects.filter(name=name, holder=holder).update(expires_at=timezone.now())


class Heartbeat:
    """Renews the lease ``name`` of ``holder`` every third of its life while a job runs, from
    a thread with its own database connection; a holder that dies stops renewing it."""

    def __init__(self, name, holder, seconds):
        self.name, self.holder, self.seconds = name, holder, seconds
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.beat, name=f"lease-{name}", daemon=True)

    def beat(self):
        try:
            while not self.done.wait(self.seconds / 3):
                try:
                    acquire_lease(self.name, self.holder, self.seconds)
                except Exception:
                    logger.exception("Could not renew the scheduler lease %s", self.name)
        finally:
            connections.close_all()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join()


def last_started(job):
    run = JobRun.objects.filter(job=job.name).order_by("-started_at").first()
    return run.started_at if run else None


def run_job(job):
    run = JobRun.objects.create(job=job.name, started_at=timezone.now())
    output = io.StringIO()
    try:
        call_command(job.command, *job.args, stdout=output, stderr=output)
        run.succeeded = True
    except Exception:
        logger.exception("Scheduled job %s failed", job.name)
        output.write(traceback.format_exc())
    run.finished_at = timezone.now()
    run.output = output.getvalue()[-20_000:]
    run.save(update_fields=["succeeded", "finished_at", "output"])
    return run


def tick(holder, jobs=JOBS, now=None):
    """Run every due job whose lease this process can take; return the runs made."""
    now = now or timezone.now()
    seconds = lease_seconds()
    runs = []
    for job in jobs:
        if not job.is_due(last_started(job), now):
            continue
        if not acquire_lease(job.name, holder, seconds, now):
            continue
        try:
            # Check again under the lease: another process may have just run it.
            if job.is_due(last_started(job), now):
                with Heartbeat(job.name, holder, seconds):
                    runs.append(run_job(job))
        finally:
            release_lease(job.name, holder)
    return runs
