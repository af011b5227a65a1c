"""The scheduler: jobs, when they are due, and a database lease so that only one process
runs a job at a time. ``manage.py run_scheduler`` calls ``tick`` every minute."""

import datetime
import io
import logging
import traceback
from dataclasses import dataclass

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from oversight.models import JobRun, SchedulerLease

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """A management command (with ``args``) run every ``every_minutes``, or daily at
    ``daily_at`` (Bangkok)."""

    name: str
    command: str
    every_minutes: int | None = None
    daily_at: datetime.time | None = None
    lease_seconds: int = 15 * 60
    args: tuple = ()

    def last_due_time(self, now):
        """The latest moment at or before ``now`` when this job was due."""
        if self.every_minutes:
            return now - datetime.timedelta(minutes=self.every_minutes)
        local = timezone.localtime(now)
        due = local.replace(
            hour=self.daily_at.hour, minute=self.daily_at.minute, second=0, microsecond=0
        )
        if due > local:
            due -= datetime.timedelta(days=1)
        return due

    def is_due(self, last_started, now):
        """Due when it has not started since its last due time: a job missed while the
        scheduler was down is caught up at the next tick."""
        if last_started is None:
            return True
        if self.every_minutes:
            return last_started <= self.last_due_time(now)
        return last_started < self.last_due_time(now)


JOBS = [
    # Go-live and expiry of pages and snippets (O1).
    Job("publish_scheduled", "publish_scheduled", every_minutes=1, lease_seconds=5 * 60),
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
        lease_seconds=60 * 60,
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
    runs = []
    for job in jobs:
        if not job.is_due(last_started(job), now):
            continue
        if not acquire_lease(job.name, holder, job.lease_seconds, now):
            continue
        try:
            # Check again under the lease: another process may have just run it.
            if job.is_due(last_started(job), now):
                runs.append(run_job(job))
        finally:
            release_lease(job.name, holder)
    return runs
