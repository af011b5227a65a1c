"""Benchmark: how long the daily site check takes on the demo site and on 5,000 pages.

Usage: python bench/check_site.py DATABASE_URL [--pages 5000]
The database is created from scratch (migrate) and must be a throw-away one; media files go
to a temporary folder. External links are not checked (no network here) and no e-mail is sent:
the figures are the site's own work, visiting every live page and checking every link.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed_check(label):
    from oversight import sitecheck

    started = time.perf_counter()
    run = sitecheck.run_check(external=False, mail=False, limit=24 * 3600)
    elapsed = time.perf_counter() - started
    print(
        f"{label}: {run.pages_checked} pages and {run.links_checked} internal links checked in "
        f"{elapsed:.1f} s ({run.pages_checked / elapsed:.0f} pages/s); "
        f"{run.new_findings} new findings, status {run.status}"
    )
    return run


def add_notices(total_pages):
    """Live announcements with a body of links and an attachment, until the site has
    ``total_pages`` live pages."""
    from wagtail.models import Page

    from core import demo
    from news.models import AnnouncementIndexPage, AnnouncementPage
    from ownership.models import Unit

    index = AnnouncementIndexPage.objects.get(locale__language_code="th")
    document = demo.demo_document("เอกสารทดสอบประสิทธิภาพ", "Benchmark attachment", pages=1)
    units = list(Unit.objects.all())
    missing = total_pages - Page.objects.live().filter(depth__gt=1).count()
    started = time.perf_counter()
    for n in range(missing):
        page = AnnouncementPage(
            title=f"ประกาศทดสอบประสิทธิภาพ ฉบับที่ {n + 1}",
            slug=f"bench-notice-{n + 1}",
            kind="other",
            responsible_unit=units[n % len(units)],
            body=[
                (
                    "paragraph",
                    f'<p>อ้างถึง<a href="/announcements/bench-notice-{max(1, n)}/">ประกาศก่อนหน้า</a> '
                    'และ<a href="/announcements/">ประกาศทั้งหมด</a></p>',
                )
            ],
            attachments=[("document", {"document": document, "title": "เอกสารแนบ"})],
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return missing, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("database_url")
    parser.add_argument("--pages", type=int, default=5000)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="portal-bench-check-")

    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings

    from demo import loader

    engine = django.db.connection.vendor
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        loader.load_all()
    print(f"{engine}: demo site loaded in {time.perf_counter() - started:.1f} s")
    timed_check(f"{engine}, demo site")
    added, seconds = add_notices(args.pages)
    print(f"{engine}: {added} notices added in {seconds:.1f} s")
    timed_check(f"{engine}, {args.pages} pages")


if __name__ == "__main__":
    main()
