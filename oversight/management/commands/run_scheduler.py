import os
import signal
import socket
import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from oversight import scheduler


class Command(BaseCommand):
    help = (
        "Run scheduled jobs (go-live and expiry every minute, daily jobs at their time in "
        "Bangkok). Safe to run in several processes: a database lease lets one run each job."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one tick and stop.")

    def handle(self, *args, once=False, **options):
        holder = f"{socket.gethostname()}:{os.getpid()}"
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        self.stdout.write(
            f"Scheduler {holder} started; jobs: {', '.join(j.name for j in scheduler.JOBS)}"
        )
        while not stopping:
            for run in scheduler.tick(holder):
                status = "สำเร็จ (ok)" if run.succeeded else "ล้มเหลว (failed)"
                stamp = timezone.localtime(run.started_at).strftime("%Y-%m-%d %H:%M:%S")
                self.stdout.write(f"[{stamp} Asia/Bangkok] {run.job}: {status}")
            if once:
                return
            # Sleep to the start of the next minute, a second at a time to stop promptly.
            while not stopping and time.time() % 60 < 59:
                time.sleep(1)
            time.sleep(60 - time.time() % 60)
