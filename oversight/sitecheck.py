"""The daily site check (O2): one run checks the content records, visits every live page,
checks the external links, records the findings and reports new ones to each unit.

Run by the scheduler every day at 06:00 Bangkok time (``scheduler.JOBS``), by ``manage.py
check_site``, or from the admin ("ตรวจเดี๋ยวนี้", in a background thread). A database lease
lets one check run at a time; a run stops at its time limit (``OVERSIGHT_CHECK_MAX_SECONDS``)
and then closes only the findings of what it did check.
"""

import datetime
import logging
import os
import socket
import threading
import time
import traceback
import uuid

from django.conf import settings
from django.db import connection
from django.utils import timezone

from oversight import content_checks, findings, notify
from oversight.crawl import Crawler
from oversight.external import ExternalLinkChecker
from oversight.models import CheckRun, Finding, FindingKind, Severity
from oversight.scheduler import acquire_lease, release_lease

logger = logging.getLogger(__name__)

LEASE = "site_check_run"
DEFAULT_MAX_SECONDS = 30 * 60


class CheckAlreadyRunning(Exception):
    pass


def max_seconds():
    return getattr(settings, "OVERSIGHT_CHECK_MAX_SECONDS", DEFAULT_MAX_SECONDS)


def lease_seconds(limit):
    # The lease outlives the time limit by the external checks' last timeouts and the e-mails.
    return int(limit) + 5 * 60


def holder_name():
    """Unique per run: two runs started by one process are two holders."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def mark_interrupted_runs(now):
    """Runs still "running" long after any run could have ended (the process was stopped)."""
    limit = now - datetime.timedelta(seconds=lease_seconds(max_seconds()))
    CheckRun.objects.filter(status=CheckRun.Status.RUNNING, started_at__lt=limit).update(
        status=CheckRun.Status.FAILED,
        finished_at=now,
        message="หยุดกลางคัน (interrupted: the process running it stopped)",
    )


def start_run(trigger, user=None):
    """Take the lease and create the run; ``CheckAlreadyRunning`` if another check runs."""
    now = timezone.now()
    holder = holder_name()
    if not acquire_lease(LEASE, holder, lease_seconds(max_seconds()), now):
        raise CheckAlreadyRunning
    mark_interrupted_runs(now)
    run = CheckRun.objects.create(started_at=now, trigger=trigger, requested_by=user)
    run.lease_holder = holder
    return run


def external_links_enabled():
    return getattr(settings, "OVERSIGHT_CHECK_EXTERNAL_LINKS", True)


def execute(
    run, *, client=None, external_checker=None, external=None, limit=None, progress=None, mail=True
):
    """Carry out ``run`` (from ``start_run``), then release its lease. Returns the run.

    ``external_checker`` checks the external links (an ``ExternalLinkChecker`` by default);
    ``external=False`` skips them (default: ``OVERSIGHT_CHECK_EXTERNAL_LINKS``)."""
    limit = max_seconds() if limit is None else limit
    if external is None:
        external = external_links_enabled()
    deadline = time.monotonic() + limit
    coverage = findings.Coverage()
    observations = []
    try:
        if progress:
            progress("content", 0, 1)
        observations += content_checks.run_all(run.started_at)
        coverage.content_complete = True
        if progress:
            progress("content", 1, 1)

        crawler = Crawler(client=client, deadline=deadline, progress=progress)
        crawl = crawler.run()
        observations += crawl.observations
        coverage.crawl_complete = crawl.complete
        coverage.visited_page_ids = crawl.visited_page_ids
        run.pages_checked, run.links_checked = crawl.pages_checked, crawl.links_checked

        if external and external_checker is None:
            external_checker = ExternalLinkChecker()
        if external:
            links = crawl.external_links
            results = external_checker.check(
                links,
                deadline=deadline,
                progress=progress and (lambda d, t: progress("external", d, t)),
            )
            observations += external_observations(links, results)
            coverage.external_checked = set(results)
            coverage.external_complete = crawl.complete and len(results) == len(links)
            run.external_checked = len(results)

        new, _again, fixed = findings.record(run, observations, coverage)
        complete = crawl.complete and (not external or coverage.external_complete)
        run.status = CheckRun.Status.COMPLETE if complete else CheckRun.Status.INCOMPLETE
        if crawl.store_error:
            run.message = (
                "ที่เก็บไฟล์ไม่ตอบ จึงตรวจเอกสารและภาพไม่ได้ ผลเดิมของไฟล์ยังคงอยู่ "
                "(The file store did not answer: documents and images were not checked)"
            )
        elif not complete:
            run.message = (
                f"หมดเวลาที่กำหนด {limit} วินาที ตรวจได้ {run.pages_checked} หน้า "
                f"(Stopped at the {limit}-second limit after {run.pages_checked} pages)"
            )
        run.new_findings, run.fixed_findings = len(new), len(fixed)
        count_open(run)
        run.finished_at = timezone.now()
        run.save()
        if mail and new:
            run.emails_sent = notify.send_reports(run, new)
            run.save(update_fields=["emails_sent"])
        return run
    except Exception:
        run.status = CheckRun.Status.FAILED
        run.finished_at = timezone.now()
        run.message = traceback.format_exc()[-4000:]
        run.save()
        raise
    finally:
        release_lease(LEASE, getattr(run, "lease_holder", ""))


def external_observations(links, results):
    for url, result in sorted(results.items()):
        if result.ok:
            continue
        for page_id, page_url in sorted(links.get(url, ())):
            yield findings.Observation(
                kind=FindingKind.EXTERNAL_LINK,
                page_id=page_id,
                source=Finding.Source.EXTERNAL,
                target=url,
                detail=f"เปิดลิงก์ภายนอกไม่ได้: {result.reason} (The external link failed)",
                url=page_url,
            )


def count_open(run):
    still_open = Finding.objects.filter(fixed_at__isnull=True)
    run.open_errors = still_open.filter(severity=Severity.ERROR).count()
    run.open_warnings = still_open.filter(severity=Severity.WARNING).count()


def run_check(trigger=CheckRun.Trigger.COMMAND, user=None, **options):
    """Start and carry out a run in this thread."""
    return execute(start_run(trigger, user), **options)


def run_in_background(run):
    """Carry out ``run`` in a thread of this process (the admin's "run now"), or at once when
    ``OVERSIGHT_CHECK_IN_BACKGROUND`` is off (tests). The thread has its own connection."""

    def work():
        try:
            execute(run)
        except Exception:
            logger.exception("Site check %s failed", run.pk)
        finally:
            connection.close()

    if not getattr(settings, "OVERSIGHT_CHECK_IN_BACKGROUND", True):
        try:
            execute(run)
        except Exception:
            logger.exception("Site check %s failed", run.pk)
        return None
    thread = threading.Thread(target=work, name=f"site-check-{run.pk}", daemon=True)
    thread.start()
    return thread


def last_run():
    return CheckRun.objects.order_by("-started_at").first()
