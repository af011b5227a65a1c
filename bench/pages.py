"""Benchmark: how fast public pages are served, against a static file served the same way.

Usage: python bench/pages.py [--slice 2] [--rounds 2] [--only sqlite|postgres] [--cpu 200]
       [--port 18890] [--database portal_i22cache]

Builds the demo site in scratch databases (SQLite, then PostgreSQL with its own redis-server)
with ``deploy/stack.py``'s pieces, static files collected into its temporary folder, serves it
with gunicorn under production settings (2 sync workers) and drives it with wrk
(Debian package ``wrk``; 20 connections, ``Accept-Encoding: gzip`` as browsers send). Each page
and the static CSS get the same time: ``--rounds`` rounds of ``--slice`` seconds per address,
the addresses interleaved, so that the machine's other load falls on all of them alike. Printed
per address: requests per second (all rounds), the median of the rounds' p50 and p99 latencies,
and the ratio to the static file's rate in the same run. Runs: the page cache off, on, and (on
PostgreSQL) through Varnish (Debian package ``varnish``, deploy/varnish.vcl) with the cache on.
Ports ``--port`` to ``--port`` + 3 on 127.0.0.1 (18890-18893 unless told: gunicorn, Redis,
Varnish, and PostgreSQL when the server on 127.0.0.1:5432 does not answer and the benchmark
starts its own); the PostgreSQL database ``--database`` is dropped and made anew; everything
started is stopped at the end.

Rates on a shared machine move with its load. ``--cpu N`` adds what does not: the processor
time of one request, in one process (Django's test client, the same settings, no HTTP server),
averaged over N requests per address, with the cache off and on; the static file's is the
floor (the WSGI stack and WhiteNoise alone).
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy import stack  # noqa: E402 (the folder above this script's)

PYTHON = sys.executable
SEARCH = urllib.parse.quote("ประกาศ")
# The demo site's pages of each kind; the notice and unit page are looked up after loading.
FIXED = [
    ("home", "/"),
    ("listing", "/announcements/"),
    ("search", f"/search/?q={SEARCH}"),
    ("api search", f"/api/v2/pages/?search={SEARCH}"),
    ("English home", "/en/"),
    ("static CSS", "/static/css/portal.css"),
]
FIND_PAGES = (
    "from news.models import AnnouncementPage; from departments.models import DepartmentPage;"
    "print(AnnouncementPage.objects.live().filter(locale__language_code='th')"
    ".exact_type(AnnouncementPage).first().url);"
    "print(DepartmentPage.objects.live().filter(locale__language_code='th').first().url)"
)
PORTAL = REDIS = VARNISH = OWN_POSTGRES = None  # --port, --port + 1, + 2, + 3


def build_site(env):
    """The demo site (``deploy/stack.py``); the addresses to measure, with its notice's and
    unit page's."""
    stack.demo_site(env, f"127.0.0.1:{PORTAL}")
    out = stack.manage(env, "shell", "-c", FIND_PAGES).split()
    notice, unit = out[-2], out[-1]
    return [*FIXED[:2], ("notice", notice), ("unit page", unit), *FIXED[2:]]


def analyze(database_url):
    """``ANALYZE``, as after every migrate, restore and import in production."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as db:
        db.execute("ANALYZE")


def serve(site, env, page_cache):
    """gunicorn as in production (2 sync workers, no access log), the page cache on or off."""
    env = {**env, "PAGE_CACHE_SECONDS": "600" if page_cache else "0"}
    return site.add(stack.gunicorn(PORTAL, env, site.folder, 2, access_log=False))


def wrk(url, seconds):
    """``(requests, p50 ms, p99 ms)`` of one wrk run."""
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            "20",
            "-d",
            f"{seconds}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses")
    return requests, millis(out, "50%"), millis(out, "99%")


def millis(out, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def measure(title, base, addresses, slice_seconds, rounds):
    for _label, path in addresses:  # warm: renditions, per-process caches, the page cache
        for _ in range(3):
            urllib.request.urlopen(base + path, timeout=30).read()
    totals = {label: [0, [], []] for label, _path in addresses}
    for _ in range(rounds):
        for label, path in addresses:
            requests, p50, p99 = wrk(base + path, slice_seconds)
            # Requests still queued when wrk stops are served before the next address starts.
            urllib.request.urlopen(base + "/robots.txt", timeout=60).read()
            totals[label][0] += requests
            totals[label][1].append(p50)
            totals[label][2].append(p99)
    seconds = slice_seconds * rounds
    static = totals["static CSS"][0] / seconds
    print(f"\n{title}")
    print(f"  {'address':<14}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'÷ static':>10}")
    for label, (requests, p50s, p99s) in totals.items():
        rate = requests / seconds
        print(
            f"  {label:<14}{rate:>9.0f}{statistics.median(p50s):>9.1f}"
            f"{statistics.median(p99s):>9.1f}{rate / static:>9.0%}"
        )
    sys.stdout.flush()


def cpu_costs(title, env, addresses, requests):
    """Run ``measure_cpu`` in a process of its own (production settings from ``env``)."""
    paths = [path for _label, path in addresses]
    out = subprocess.run(
        [PYTHON, __file__, "--measure-cpu", str(requests), *paths],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    costs = [float(value) for value in out.split()]
    static = costs[-1]
    print(f"\n{title}: processor time per request (least of 5 batches of {requests // 5})")
    print(f"  {'address':<14}{'CPU ms':>9}{'÷ static':>10}")
    for (label, _path), cost in zip(addresses, costs, strict=True):
        print(f"  {label:<14}{cost:>9.2f}{static / cost:>9.0%}")
    sys.stdout.flush()


def cold_costs(title, env, addresses, requests):
    """``cpu_costs`` with no part of a page kept (``PAGE_FRAGMENT_SECONDS=0``): what the first
    request for each page costs after a content change, before its kept parts are made again."""
    cpu_costs(f"{title}, nothing kept", {**env, "PAGE_FRAGMENT_SECONDS": "0"}, addresses, requests)


def measure_cpu(requests, paths):
    """Print the processor time (ms) of one request to each of ``paths``, warmed first: the
    least average of five batches, as other processes' load only ever adds to it."""
    import django

    django.setup()
    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
    batch = max(1, requests // 5)
    for path in paths:
        for _ in range(3):
            assert client.get(path).status_code == 200, path
        costs = []
        for _ in range(5):  # the least of five batches: what the request costs, not the load
            started = time.process_time()
            for _ in range(batch):
                client.get(path)
            costs.append((time.process_time() - started) * 1000 / batch)
        print(min(costs))


def main():
    global PORTAL, REDIS, VARNISH, OWN_POSTGRES
    parser = argparse.ArgumentParser()
    parser.add_argument("--slice", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--cpu", type=int, default=0, metavar="N")
    parser.add_argument("--port", type=int, default=18890)
    parser.add_argument("--database", default="portal_i22cache")
    parser.add_argument("--measure-cpu", type=int, help=argparse.SUPPRESS)
    options, paths = parser.parse_known_args()
    if options.measure_cpu:
        return measure_cpu(options.measure_cpu, paths)
    PORTAL, REDIS, VARNISH, OWN_POSTGRES = (options.port + offset for offset in range(4))
    for tool in ("wrk", "varnishd", "redis-server"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install wrk varnish redis-server")
    slice_seconds = max(1, options.slice)
    work = Path(tempfile.mkdtemp(prefix="portal-bench-pages-"))
    base = f"http://127.0.0.1:{PORTAL}"
    try:
        if options.only != "postgres":
            with stack.Stack(work / "sqlite") as site:
                site.folder.mkdir()
                env = stack.portal_environment(
                    f"sqlite:///{site.folder / 'bench.sqlite3'}",
                    "",
                    site.folder,
                    MEDIA_ROOT=str(site.folder / "media"),
                    SECURE_SSL_REDIRECT="false",
                )
                addresses = build_site(env)
                for cache in (False, True):
                    title = f"SQLite, per-process cache, page cache {'on' if cache else 'off'}"
                    server = serve(site, env, cache)
                    measure(title, base, addresses, slice_seconds, options.rounds)
                    site.services.remove(server)
                    server.stop()
                    if options.cpu:
                        cpu_costs(title, server.env, addresses, options.cpu)
                        if not cache:
                            cold_costs(title, server.env, addresses, options.cpu)
        if options.only != "sqlite":
            with stack.Stack(work / "postgres") as site:
                site.folder.mkdir()
                database = stack.shared_or_own_postgres(
                    site,
                    f"postgres://postgres@127.0.0.1:5432/{options.database}",
                    OWN_POSTGRES,
                )
                site.add(stack.redis_server(REDIS, site.folder))
                env = stack.portal_environment(
                    database,
                    f"redis://127.0.0.1:{REDIS}/0",
                    site.folder,
                    MEDIA_ROOT=str(site.folder / "media"),
                    SECURE_SSL_REDIRECT="false",
                )
                addresses = build_site(env)
                analyze(database)
                for cache in (False, True):
                    title = f"PostgreSQL and Redis, page cache {'on' if cache else 'off'}"
                    server = serve(site, env, cache)
                    measure(title, base, addresses, slice_seconds, options.rounds)
                    site.services.remove(server)
                    server.stop()
                    if options.cpu:
                        cpu_costs(title, server.env, addresses, options.cpu)
                        if not cache:
                            cold_costs(title, server.env, addresses, options.cpu)
                serve(site, {**env, "VARNISH_URL": f"http://127.0.0.1:{VARNISH}"}, True)
                site.add(stack.varnish(VARNISH, [PORTAL]))
                measure(
                    "Through Varnish (PostgreSQL and Redis behind it)",
                    f"http://127.0.0.1:{VARNISH}",
                    addresses,
                    slice_seconds,
                    options.rounds,
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
