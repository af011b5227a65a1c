"""Benchmark: how fast public pages are served, against a static file served the same way.

Usage: python bench/pages.py [--slice 2] [--rounds 2] [--only sqlite|postgres] [--cpu 200]
       [--port 18890] [--database portal_i22cache]

Builds the demo site in scratch databases (SQLite, then PostgreSQL with its own redis-server),
serves it with gunicorn under production settings (2 sync workers) and drives it with wrk
(Debian package ``wrk``; 20 connections, ``Accept-Encoding: gzip`` as browsers send). Each page
and the static CSS get the same time: ``--rounds`` rounds of ``--slice`` seconds per address,
the addresses interleaved, so that the machine's other load falls on all of them alike. Printed
per address: requests per second (all rounds), the median of the rounds' p50 and p99 latencies,
and the ratio to the static file's rate in the same run. Runs: the page cache off, on, and (on
PostgreSQL) through Varnish (Debian package ``varnish``, deploy/varnish.vcl) with the cache on.
Ports ``--port`` to ``--port`` + 2 on 127.0.0.1 (18890-18892 unless told); the PostgreSQL
database ``--database`` is dropped and made anew; everything started is stopped at the end.

Rates on a shared machine move with its load. ``--cpu N`` adds what does not: the processor
time of one request, in one process (Django's test client, the same settings, no HTTP server),
averaged over N requests per address, with the cache off and on; the static file's is the
floor (the WSGI stack and WhiteNoise alone).
"""

import argparse
import os
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
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
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
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "bench-only-secret-key-that-is-long-enough-for-django-checks",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "ERROR",
    # Production refuses to start without the public address e-mails link to (core.checks).
    "WAGTAILADMIN_BASE_URL": "https://www.example.go.th",
}


def run(args, env, **kwargs):
    subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True, **kwargs)


PORTAL = REDIS = VARNISH = None  # --port, --port + 1, --port + 2


def wait_for(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{url} did not answer") from None
            time.sleep(0.3)


def build_site(env):
    """Migrate, load the demo site and collect static files; the notice and unit page URLs."""
    dev = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}  # demo content needs DEBUG
    run([PYTHON, "manage.py", "migrate", "--noinput"], dev)
    run([PYTHON, "manage.py", "load_demo_content", f"--address=127.0.0.1:{PORTAL}"], dev)
    run([PYTHON, "manage.py", "collectstatic", "--noinput"], env)
    code = (
        "from news.models import AnnouncementPage; from departments.models import DepartmentPage;"
        "print(AnnouncementPage.objects.live().filter(locale__language_code='th')"
        ".exact_type(AnnouncementPage).first().url);"
        "print(DepartmentPage.objects.live().filter(locale__language_code='th').first().url)"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=dev,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    notice, unit = out[-2], out[-1]
    addresses = [*FIXED[:2], ("notice", notice), ("unit page", unit), *FIXED[2:]]
    return addresses


class Gunicorn:
    def __init__(self, env, page_cache):
        self.env = {**env, "PAGE_CACHE_SECONDS": "600" if page_cache else "0"}

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "portal.wsgi",
                "-w",
                "2",
                "-b",
                f"127.0.0.1:{PORTAL}",
                "--log-level",
                "error",
            ],
            cwd=ROOT,
            env=self.env,
        )
        wait_for(f"http://127.0.0.1:{PORTAL}/robots.txt", self.process)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)


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


def varnish(work):
    vcl = work / "portal.vcl"
    vcl.write_text((ROOT / "deploy" / "varnish.vcl").read_text().replace('"8000"', f'"{PORTAL}"'))
    work.chmod(0o755)
    return subprocess.Popen(
        [
            "varnishd",
            "-F",
            "-n",
            str(work / "varnish"),
            "-a",
            f"127.0.0.1:{VARNISH}",
            "-f",
            str(vcl),
            "-s",
            "malloc,64m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )


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


def measure_cpu(requests, paths):
    """Print the processor time (ms) of one request to each of ``paths``, warmed first: the
    least average of five batches, as other processes' load only ever adds to it."""
    import django

    sys.path.insert(0, str(ROOT))
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
    global PORTAL, REDIS, VARNISH
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
    PORTAL, REDIS, VARNISH = options.port, options.port + 1, options.port + 2
    database = options.database
    postgres = f"postgres://postgres@127.0.0.1:5432/{database}"
    for tool in ("wrk", "varnishd", "redis-server", "psql"):
        if not shutil.which(tool):
            sys.exit(
                f"{tool} is missing: apt-get install wrk varnish redis-server postgresql-client"
            )
    slice_seconds = max(1, options.slice)
    work = Path(tempfile.mkdtemp(prefix="portal-bench-pages-"))
    base_env = {**os.environ, **PRODUCTION, "MEDIA_ROOT": str(work / "media")}
    base = f"http://127.0.0.1:{PORTAL}"
    started = []
    try:
        if options.only != "postgres":
            env = {**base_env, "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}"}
            addresses = build_site(env)
            for cache in (False, True):
                title = f"SQLite, per-process cache, page cache {'on' if cache else 'off'}"
                with Gunicorn(env, cache) as server:
                    measure(title, base, addresses, slice_seconds, options.rounds)
                if options.cpu:
                    cpu_costs(title, server.env, addresses, options.cpu)
        if options.only != "sqlite":
            run(
                [
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-d",
                    "postgres",
                    "-qc",
                    f"DROP DATABASE IF EXISTS {database}",
                    "-c",
                    f"CREATE DATABASE {database}",
                ],
                base_env,
            )
            redis = subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    str(REDIS),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.DEVNULL,
            )
            started.append(redis)
            env = {
                **base_env,
                "DATABASE_URL": postgres,
                "REDIS_URL": f"redis://127.0.0.1:{REDIS}/0",
            }
            addresses = build_site(env)
            run(
                [
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-d",
                    database,
                    "-qc",
                    "ANALYZE",
                ],
                base_env,
            )
            for cache in (False, True):
                title = f"PostgreSQL and Redis, page cache {'on' if cache else 'off'}"
                with Gunicorn(env, cache) as server:
                    measure(title, base, addresses, slice_seconds, options.rounds)
                if options.cpu:
                    cpu_costs(title, server.env, addresses, options.cpu)
            proxy = varnish(work)
            started.append(proxy)
            with Gunicorn({**env, "VARNISH_URL": f"http://127.0.0.1:{VARNISH}"}, True) as server:
                wait_for(f"http://127.0.0.1:{VARNISH}/robots.txt", server.process)
                measure(
                    "Through Varnish (PostgreSQL and Redis behind it)",
                    f"http://127.0.0.1:{VARNISH}",
                    addresses,
                    slice_seconds,
                    options.rounds,
                )
    finally:
        for process in started:
            process.terminate()
            process.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
