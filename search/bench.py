"""Search benchmark (``make bench-search``): 20,000 notices on SQLite and on PostgreSQL.

For each database it makes a scratch database of its own (an SQLite file in a temporary
folder; a new PostgreSQL database, dropped at the end — never the development ``db.sqlite3``),
migrates it, builds variations of the test set's notices (``search/data``) as pages (a batch at
a time under each parent, by the import's writer: ``testset.build_notices_in_bulk``), indexes
them with ``update_index`` and times the test set's queries through the search page and the API
in the server process (Django's test client: no network, no browser). It prints the build time,
the indexing throughput and the median and 95th percentile latency of the queries, the
correctly spelled ones and the misspelled ones (``misspelled`` in the test set) apart.

    python -m search.bench [--notices 20000] [--runs 3] [--database sqlite|postgres|both]
                           [--keep | --reuse]

PostgreSQL is reached through ``BENCH_POSTGRES_URL`` (default
``postgres://postgres@127.0.0.1:5432/postgres``, the maintenance database where the scratch
database is created, named ``BENCH_POSTGRES_NAME`` if set); it is skipped with a message when no
server answers. On PostgreSQL the queries are timed twice: on the freshly loaded database,
before any ``ANALYZE`` of what was loaded (autovacuum is kept off the scratch tables until
then), and after ``VACUUM ANALYZE``.

With ``--keep`` the PostgreSQL database (``BENCH_POSTGRES_NAME``, required) is kept as it was
loaded and indexed, never analysed, and the timings run on a copy of it
(``CREATE DATABASE <name>_bench_copy TEMPLATE <name>``: statistics and table settings are
copied with it), dropped afterwards; ``--reuse`` times a new copy of the kept database without
building it again (it builds it if it is missing). Drop it when done
(``DROP DATABASE <name>``).
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
SCRATCH_MARK = "PORTAL_SEARCH_BENCH_SCRATCH"
# The copy of a kept database that is timed (``--keep``, ``--reuse``).
COPY_SUFFIX = "_bench_copy"

COMMUNITIES = [
    "ชุมชนวัดไทรเหนือ",
    "ชุมชนหัวเมือง",
    "ชุมชนตลาดใต้",
    "ชุมชนบ้านแก่ง",
    "ชุมชนเกาะยม",
    "ชุมชนสะพานดำ",
    "ชุมชนวัดคีรีวงศ์",
    "ชุมชนศรีนคร",
    "ชุมชนทุ่งแก้ว",
    "ชุมชนบ่อนไก่",
    "ชุมชนปากน้ำโพ",
    "ชุมชนหนองปลิง",
]


# --- the parent: one scratch database per engine ------------------------------------------


def run_child(database_url, args, phase="all"):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        SCRATCH_MARK: "1",
    }
    command = [sys.executable, "-m", "search.bench", "--child", phase, *child_args(args)]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def child_args(args):
    return ["--notices", str(args.notices), "--runs", str(args.runs), "--seed", str(args.seed)]


def bench_sqlite(args):
    with tempfile.TemporaryDirectory(prefix="portal-search-bench-") as folder:
        print(f"== SQLite (scratch file in {folder})", flush=True)
        return run_child(f"sqlite:///{folder}/bench.sqlite3", args)


def bench_postgres(args):
    import psycopg

    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    kept = os.environ.get("BENCH_POSTGRES_NAME")
    if (args.keep or args.reuse) and not kept:
        print("== PostgreSQL skipped: --keep and --reuse need BENCH_POSTGRES_NAME")
        return 2
    name = kept or f"portal_search_bench_{os.getpid()}"
    try:
        admin = psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True)
    except psycopg.OperationalError as error:
        print(f"== PostgreSQL skipped: no server at {url} ({error})")
        return 0
    parts = urlsplit(url)

    def url_of(database):
        return urlunsplit(parts._replace(path=f"/{database}"))

    with admin:
        if not (args.keep or args.reuse):
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
            try:
                print(f"== PostgreSQL (scratch database {name})", flush=True)
                return run_child(url_of(name), args)
            finally:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # Kept: the database as loaded (never analysed) stays; a copy of it is timed.
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if args.reuse and exists:
            print(f"== PostgreSQL (kept database {name}, built earlier)", flush=True)
        else:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
            print(f"== PostgreSQL (database {name}, kept as loaded)", flush=True)
            status = run_child(url_of(name), args, "build")
            if status:
                return status
        copy = f"{name}{COPY_SUFFIX}"
        admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
        try:
            print(f"   timed on {copy}, a copy of it (CREATE DATABASE … TEMPLATE)", flush=True)
            return run_child(url_of(copy), args, "time")
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


# --- the child: build, index, query ---------------------------------------------------------


def variations(notices, count, seed):
    """``count`` notices made from the test set's: other communities, dates, numbers."""
    rng = random.Random(seed)
    for number in range(count):
        template = notices[number % len(notices)]
        notice = dict(template)
        community = rng.choice(COMMUNITIES)
        day = rng.randrange(0, 6 * 365)
        notice["key"] = f"bench-{number}"
        notice["title"] = f"{template['title']} {community} (ครั้งที่ {number // len(notices) + 1})"
        notice["body"] = f"{template['body']} พื้นที่{community} โครงการลำดับที่ {number}"
        notice["date"] = f"{2019 + day // 365:04d}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d}"
        if notice.get("egp_number"):
            notice["egp_number"] = f"{rng.randrange(10**10, 10**11)}"
        if notice.get("school"):
            notice["school"] = rng.randrange(1, 9)
        yield notice


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def child(args):
    """Build and index (``--child build``), time (``--child time``, on a database built so,
    never analysed) or both (``--child all``) in the scratch database ``DATABASE_URL`` names."""
    if os.environ.get(SCRATCH_MARK) != "1":
        sys.exit("search.bench --child runs only on the scratch database its parent made.")
    import django
    from django.conf import settings

    django.setup()
    from django.db import connection

    from search import testset

    name = str(settings.DATABASES["default"]["NAME"])
    if "bench" not in name and name != os.environ.get("BENCH_POSTGRES_NAME"):
        sys.exit("Refusing to run on a database whose name does not say 'bench'.")
    data = testset.load()
    if args.child in ("all", "build"):
        build(args, data)
    if args.child in ("all", "time"):
        if connection.vendor == "postgresql":
            print("   -- freshly loaded, before any ANALYZE of the loaded rows", flush=True)
            time_sets(data, args.runs)
            # What autovacuum does on a live server after a bulk load: drop the dead index
            # rows that update_index left and refresh the planner's statistics.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            print("   -- after VACUUM ANALYZE", flush=True)
        time_sets(data, args.runs)
    connection.close()


def build(args, data):
    """Migrate, build ``args.notices`` variations of the test set's notices as pages
    (``testset.build_notices_in_bulk``, in one transaction) and index them (``update_index``).
    On PostgreSQL autovacuum is turned off for every table first: nothing loaded is analysed
    before the fresh timing."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import override_settings
    from wagtail.models import Page

    from home.models import HomePage
    from search import testset

    call_command("migrate", verbosity=0, interactive=False)
    if connection.vendor == "postgresql":
        # A fresh load: what is loaded below is not analysed until the first timing is done.
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                cursor.execute(
                    f"ALTER TABLE {connection.ops.quote_name(table)} "
                    "SET (autovacuum_enabled = false)"
                )
    manual_index = {
        name: {**conf, "AUTO_UPDATE": False}
        for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()
    }

    started = time.perf_counter()
    with override_settings(WAGTAILSEARCH_BACKENDS=manual_index), transaction.atomic():
        home = HomePage.objects.get(locale__language_code="th")
        parents = testset.build_sections(home)
        notices = variations(data["notices"], args.notices, args.seed)
        testset.build_notices_in_bulk(parents, notices)
    built = time.perf_counter() - started
    pages = Page.objects.count()
    print(f"   built {args.notices:,} notices ({pages:,} pages) in {built:.0f} s", flush=True)

    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    indexed = time.perf_counter() - started
    print(
        f"   indexing (update_index, all {pages:,} pages): {indexed:.1f} s, "
        f"{pages / indexed:,.0f} pages/s",
        flush=True,
    )


def time_sets(data, runs):
    print("   correctly spelled queries:", flush=True)
    time_queries([query["query"] for query in data["queries"]], runs)
    print("   misspelled queries (corrected against the index's vocabulary):", flush=True)
    time_queries([query["query"] for query in data["misspelled"]], runs)


def database_cpu_seconds():
    """CPU seconds the PostgreSQL server process serving this connection has used (read from
    ``/proc``: the benchmark's server runs on this machine), or None on SQLite (whose work is
    done in this process) or where ``/proc`` does not show it."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    try:
        stat = Path(f"/proc/{connection.connection.info.backend_pid}/stat").read_text()
    except OSError:
        return None
    # The fields after the command's name: utime and stime are the 14th and 15th of the line.
    user, system = stat.rsplit(")", 1)[1].split()[11:13]
    return (int(user) + int(system)) / os.sysconf("SC_CLK_TCK")


def time_queries(queries, runs):
    """Print the median and 95th percentile time of ``queries`` through the search page and
    the API, each served ``runs`` times after one warm-up, in this process, and the CPU time
    per query: this process's (the portal's Python) and PostgreSQL's server process's. On a
    machine busy with other work the elapsed time grows; the CPU time much less."""
    from django.test import Client

    client = Client()
    for label, url, field in (
        ("search page", "/search/", "q"),
        ("API", "/api/v2/pages/", "search"),
    ):
        timings, cpu, slowest = [], [], []
        database_cpu = 0.0
        for query in queries:
            client.get(url, {field: query})  # warm caches, as a running server has them
            for _run in range(runs):
                database_before = database_cpu_seconds()
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(url, {field: query})
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
                if database_before is not None:
                    database_cpu += database_cpu_seconds() - database_before
                slowest.append((timings[-1], query))
                assert response.status_code == 200, (url, query, response.status_code)
        print(
            f"   {label:12s} {len(queries)} queries × {runs}: "
            f"median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms, "
            f"max {max(timings):.1f} ms",
            flush=True,
        )
        database = (
            f", PostgreSQL's process {database_cpu * 1000 / len(timings):.1f} ms on average"
            if database_before is not None
            else ""
        )
        print(
            f"   {'':12s} CPU per query: Python median {statistics.median(cpu):.1f} ms, "
            f"p95 {percentile(cpu, 0.95):.1f} ms{database}",
            flush=True,
        )
        worst = ", ".join(f"{query} {ms:.0f} ms" for ms, query in sorted(slowest)[-3:])
        print(f"   {'':12s} slowest: {worst}", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notices", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each query")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="PostgreSQL: keep the database built (named BENCH_POSTGRES_NAME) as loaded, "
        "never analysed, and time a copy of it",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="PostgreSQL: time a copy of the database --keep kept, without building it again",
    )
    parser.add_argument("--child", choices=["all", "build", "time"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)
    status = 0
    if args.database in ("sqlite", "both"):
        status |= bench_sqlite(args)
    if args.database in ("postgres", "both"):
        status |= bench_postgres(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
