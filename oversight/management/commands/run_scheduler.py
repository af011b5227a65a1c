import os
import signal
import socket
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from oversight import scheduler

# How often the scheduler looks for due jobs (and for a dead holder's expired lease).
DEFAULT_POLL_SECONDS = 5


class Command(BaseCommand):
    help = (
        "Run scheduled jobs (go-live and expiry every minute, daily jobs at their time in "
        "Bangkok). Safe to run in several processes: a database lease lets one run each job. "
        "Stops within seconds on SIGTERM or Ctrl-C (after the job it is running, if any)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one tick and stop.")

    def handle(self, *args, once=False, **options):
        holder = f"{socket.gethostname()}:{os.getpid()}"
        stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopping.set())
        poll = getattr(settings, "SCHEDULER_POLL_SECONDS", DEFAULT_POLL_SECONDS)
        self.stdout.write(
            f"Scheduler {holder} started; jobs: {', '.join(j.name for j in scheduler.JOBS)}"
        )
        self.stdout.flush()
        while not stopping.is_set():
            for run in scheduler.tick(holder):
                status = "สำเร็จ (ok)" if run.succeeded else "ล้มเหลว (failed)"
                stamp = timezone.localtime(run.started_at).strftime("%Y-%m-%d %H:%M:%S")
                self.stdout.write(f"[{stamp} Asia/Bangkok] {run.job}: {status}")
                self.stdout.flush()
            if once:
                return
            stopping.wait(poll)
        self.stdout.write(f"Scheduler {holder} stopped.")
