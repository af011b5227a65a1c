"""Benchmark: how long one scheduler tick takes to publish N due pages.

Usage: python bench/scheduler.py DATABASE_URL [--pages 1000]
The database is created from scratch (migrate) and must be a throw-away one.
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("database_url")
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from core import demo
    from home import demo as home_demo
    from news.models import AnnouncementIndexPage, AnnouncementPage
    from oversight import scheduler

    call_command("migrate", verbosity=0)
    home = home_demo.load_home()
    index = demo.child_page(home, AnnouncementIndexPage, "announcements", title="ประกาศ")
    later = timezone.now() + datetime.timedelta(hours=1)
    started = time.perf_counter()
    for n in range(args.pages):
        page = AnnouncementPage(title=f"ประกาศทดสอบ {n}", slug=f"bench-{n}", kind="other")
        page.live = False
        index.add_child(instance=page)
        page.go_live_at = later
        page.save_revision().publish()
    built = time.perf_counter() - started
    # The tick runs an hour and a minute later, when every page is due.
    tick_time = later + datetime.timedelta(minutes=1)
    started = time.perf_counter()
    with mock.patch("django.utils.timezone.now", return_value=tick_time):
        runs = scheduler.tick("benchmark", jobs=[scheduler.JOBS[0]])
    elapsed = time.perf_counter() - started
    live = AnnouncementPage.objects.live().count()
    engine = django.db.connection.vendor
    print(f"{engine}: scheduled {args.pages} pages in {built:.1f} s")
    print(
        f"{engine}: one tick published {live} of {args.pages} due pages in {elapsed:.2f} s "
        f"({args.pages / elapsed:.0f} pages/s); job ok={runs[0].succeeded}"
    )


if __name__ == "__main__":
    main()
