"""Benchmark: how fast ``manage.py import_notices`` moves the old site's notices.

Usage: python bench/import_notices.py DATABASE_URL [--rows 20000]
The database is created from scratch (migrate) and must be a throw-away one. It gets the
sections the import writes under (announcements, news, the eight schools), then a generated
CSV of ``--rows`` notices of every kind (a fifth of the procurement notices for schools, dates
in both eras, some in Thai digits, structured procurement columns except on a tenth of them,
two old addresses each, a PDF attached to every notice but news, out of 500 distinct files in
a ZIP) is imported live, then
imported again unchanged, then again with 1,000 titles changed. Prints rows per second of
wall time and of this process's CPU time, SQL statements per row, and on a PostgreSQL server
of this machine the CPU time of its server process.
"""

import argparse
import csv
import datetime
import os
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KINDS = [
    ("procurement", 40),
    ("winner", 15),
    ("council", 10),
    ("recruitment", 10),
    ("news", 10),
    ("activity", 5),
    ("other", 10),
]
SUBJECTS = [
    "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก",
    "ซื้อวัสดุสำนักงาน",
    "จ้างซ่อมแซมท่อระบายน้ำ",
    "ซื้อครุภัณฑ์คอมพิวเตอร์",
    "จ้างเหมาทำความสะอาดอาคาร",
    "ซื้ออาหารเสริม (นม)",
]
COMMUNITIES = ["ชุมชนวัดไทรเหนือ", "ชุมชนหัวเมือง", "ชุมชนตลาดใต้", "ชุมชนบ้านแก่ง", "ชุมชนเกาะยม"]
UNITS = ["สำนักปลัดเทศบาล", "สำนักงานคลัง", "สำนักงานช่าง", "สำนักงานการศึกษา", ""]
SCHOOLS = ["ท.๑", "ท.๒", "ท.๓", "ท.๔", "ท.๕", "ท.๖", "ท.๗", "ท.๘"]
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
HEADER = [
    "source_id",
    "kind",
    "title",
    "body",
    "published",
    "department",
    "school",
    "method",
    "budget",
    "reference_price",
    "egp_number",
    "winner_name",
    "agreed_price",
    "old_url",
    "files",
]
DISTINCT_FILES = 500


def make_files(path):
    """A ZIP of ``DISTINCT_FILES`` small PDFs, ``pdf/NNN.pdf``."""
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(DISTINCT_FILES):
            body = f"1 0 obj << /Title (notice {number}) >> endobj".encode()
            archive.writestr(f"pdf/{number:03d}.pdf", b"%PDF-1.4\n" + body + b"\n%%EOF\n")


def generate(path, rows, seed=7):
    rng = random.Random(seed)
    kinds = [kind for kind, weight in KINDS for _ in range(weight)]
    start = datetime.date(2019, 10, 1)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(rows):
            kind = rng.choice(kinds)
            day = start + datetime.timedelta(days=rng.randrange(6 * 365))
            published = day.isoformat()
            if number % 3:
                published = f"{day.year + 543}-{day.month:02d}-{day.day:02d}"
            if number % 7 == 0:
                published = published.translate(THAI)
            subject = f"{rng.choice(SUBJECTS)} {rng.choice(COMMUNITIES)}"
            body = (
                f"เทศบาลนครนครสวรรค์ประกาศเรื่อง{subject} ลำดับที่ {number}\n\n"
                "ผู้สนใจติดต่อขอรับเอกสารได้ที่สำนักงานเทศบาลในวันและเวลาราชการ " * 3
            )
            school = (
                rng.choice(SCHOOLS) if kind in ("procurement", "winner") and not number % 5 else ""
            )
            row = {
                "source_id": f"old-{number:06d}",
                "kind": kind,
                "title": f"ประกาศ{subject} (เลขที่ {number}/{day.year + 543})",
                "body": body,
                "published": published,
                "department": "" if school else rng.choice(UNITS),
                "school": school,
                "old_url": f"/news/detail.php?id={number}|https://old.example.go.th/n/{number}.html",
                "files": ""
                if kind in ("news", "activity")
                else f"pdf/{number % DISTINCT_FILES:03d}.pdf",
            }
            if kind in ("procurement", "winner") and number % 10:  # a tenth as old notices were
                budget = rng.randrange(50_000, 5_000_000)
                row.update(
                    method=rng.choice(["e-bidding", "specific", "selection", "e-market"]),
                    budget=f"{budget:,}.00",
                    reference_price=str(budget - rng.randrange(0, 20_000)),
                    egp_number=str(rng.randrange(10**10, 10**11)),
                )
                if kind == "winner":
                    row.update(winner_name="บริษัท ทดสอบการนำเข้า จำกัด", agreed_price=str(budget))
            writer.writerow([row.get(name, "") for name in HEADER])


def change_titles(source, target, count):
    with open(source, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1 : count + 1]:
        row[2] += " (แก้ไข)"
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def build_sections():
    from core import demo
    from home import demo as home_demo
    from news.models import AnnouncementIndexPage, NewsIndexPage
    from schools import demo as schools_demo

    home = home_demo.load_home()
    demo.child_page(home, AnnouncementIndexPage, "announcements", title="ประกาศ")
    demo.child_page(home, NewsIndexPage, "news", title="ข่าวสาร")
    parent = schools_demo.index(home)
    for number, code, name, name_en in schools_demo.SCHOOLS:
        schools_demo.school(parent, number, code, name, name_en)


def server_cpu():
    """The CPU seconds of this connection's PostgreSQL server process so far, when the server
    runs on this machine and its ``/proc`` entry can be read; else None (SQLite: its work is
    this process's)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def timed_import(label, path, rows, files):
    from django.db import connection

    from imports.importer import import_notices

    statements = 0

    def count(execute, sql, params, many, context):
        nonlocal statements
        statements += 1
        return execute(sql, params, many, context)

    server = server_cpu()
    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count):
        report = import_notices(path, publish=True, files=files)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    # On a shared machine the wall time depends on the others' load; the CPU time of this
    # process (all of SQLite's work, the client's share of PostgreSQL's) much less, and the
    # number of SQL statements not at all.
    server = server_cpu() - server if server is not None else None
    server = f", server CPU {server:.1f} s" if server is not None else ""
    print(
        f"{label}: {rows:,} rows in {elapsed:.1f} s ({rows / elapsed:,.0f} rows/s), "
        f"CPU {cpu:.1f} s ({rows / cpu:,.0f} rows per CPU second){server}, "
        f"{statements / rows:.2f} SQL statements per row; "
        f"created {report.created:,}, updated {report.updated:,}, "
        f"unchanged {report.unchanged:,}, rejected {len(report.rejected):,}",
        flush=True,
    )
    for line, source_id, reason in report.rejected[:5]:
        print(f"  line {line} ({source_id}): {reason}")
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portal-bench-import-") as folder:
        os.environ["DATABASE_URL"] = args.database_url
        os.environ["MEDIA_ROOT"] = str(Path(folder) / "media")  # the documents, thrown away
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
        run(Path(folder), args.rows)


def run(folder, rows):
    import django

    django.setup()
    from django.conf import settings

    # As in production: the development settings' DEBUG would log every query in memory.
    settings.DEBUG = False
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from news.models import AnnouncementPage, NewsPage

    call_command("migrate", verbosity=0)
    build_sections()
    engine = connection.vendor
    csv_path = folder / "notices.csv"
    generate(csv_path, rows)
    files = folder / "files.zip"
    make_files(files)
    print(f"{engine}: generated {rows:,} rows ({csv_path.stat().st_size / 1e6:.1f} MB)")
    timed_import(f"{engine}: first import, live", csv_path, rows, files)
    timed_import(f"{engine}: same file again", csv_path, rows, files)
    changed = folder / "changed.csv"
    change_titles(csv_path, changed, min(1000, rows))
    timed_import(f"{engine}: again with 1,000 titles changed", changed, rows, files)
    live = AnnouncementPage.objects.live().count() + NewsPage.objects.live().count()
    response = Client(HTTP_HOST="127.0.0.1").get("/search/", {"query": "ท่อระบายน้ำ"})
    print(f"{engine}: {live:,} live notices and news; search 'ท่อระบายน้ำ' → {response.status_code}")


if __name__ == "__main__":
    main()
