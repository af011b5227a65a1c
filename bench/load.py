"""Load test: the portal in production settings (gunicorn, PostgreSQL, Redis) under 200
concurrent citizens, then with Redis stopped, then with the database stopped for 10 s.

Usage: python bench/load.py [--duration 60] [--connections 200] [--workers 3]

Everything runs on 127.0.0.1 in a temporary folder and is stopped at the end: its own
PostgreSQL cluster (initdb and pg_ctl from /usr/lib/postgresql/*/bin, run as the ``postgres``
user when started by root), its own redis-server, gunicorn as the Procfile starts it. The shared
servers are never touched. The demo content is loaded, then each citizen (an asyncio task with
its own connection) opens the home page, the announcements listing, a notice, a search or the
complaint form, which it fills in (3 s, the form's minimum) and sends. Each complaint carries a
marker, so the complaints the citizens were told were filed are compared with those stored: none
may be lost or stored twice.

Mail goes to Django's dummy backend: the SMTP outbox has its own test.
"""

import argparse
import asyncio
import collections
import glob
import itertools
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORTS = {"web": 18510, "postgres": 18511, "redis": 18512}
HOST = f"127.0.0.1:{PORTS['web']}"
# What citizens open, by weight.
MIX = {"home": 25, "listing": 20, "notice": 25, "search": 20, "complaint": 10}
SEARCHES = ["ประกาศ", "จัดซื้อจัดจ้าง", "ภาษี", "โรงเรียน", "ข่าว"]
TOKEN = re.compile(r'name="(csrfmiddlewaretoken|started)" value="([^"]+)"')
CATEGORY = re.compile(r'<option value="(\d+)"')
TIMEOUT = 30


def log(message):
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


def wait_for_port(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"nothing answers on port {port} after {seconds} s")


class Servers:
    """PostgreSQL, Redis and gunicorn of this run, in ``folder``."""

    def __init__(self, folder, workers):
        self.folder, self.workers = folder, workers
        self.bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
        self.data = folder / "pgdata"
        self.redis = self.web = None
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{PORTS['postgres']}/portal",
            REDIS_URL=f"redis://127.0.0.1:{PORTS['redis']}/0",
            MEDIA_ROOT=str(folder / "media"),
            CASES_FILES_ROOT=str(folder / "private-media"),
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            LOG_LEVEL="ERROR",
            # A public address, as check --deploy asks (e-mails go to the dummy backend here).
            WAGTAILADMIN_BASE_URL="https://www.example.go.th",
        )

    def as_postgres(self, *command):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *map(str, command)], check=True, stdout=subprocess.DEVNULL)

    def start_postgres(self):
        self.as_postgres(
            self.bin / "pg_ctl",
            "-D",
            self.data,
            "-l",
            self.folder / "postgres.log",
            "-w",
            "-o",
            f"-p {PORTS['postgres']} -c listen_addresses=127.0.0.1 -k {self.folder}",
            "start",
        )

    def stop_postgres(self):
        self.as_postgres(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def start_redis(self):
        self.redis = subprocess.Popen(
            [
                *("redis-server", "--port", str(PORTS["redis"]), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(PORTS["redis"])

    def stop_redis(self):
        self.redis.terminate()
        try:
            self.redis.wait(10)
        except subprocess.TimeoutExpired:
            self.redis.kill()
            self.redis.wait()
        self.redis = None

    def manage(self, *arguments, **env):
        subprocess.run(
            [PYTHON, "manage.py", *arguments], cwd=ROOT, env={**self.env, **env}, check=True
        )

    def start(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.as_postgres(
            self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )
        self.start_postgres()
        self.as_postgres(
            self.bin / "createdb", "-h", "127.0.0.1", "-p", PORTS["postgres"], "portal"
        )
        self.start_redis()
        log("migrate, demo content, static files")
        self.manage("migrate", "--noinput", "-v0")
        # The demo loader is a development command; the site it builds is served in production.
        self.manage("load_demo_content", DJANGO_SETTINGS_MODULE="portal.settings.dev")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("check", "--deploy")
        log(f"gunicorn with {self.workers} workers on {HOST}")
        self.web_log = open(self.folder / "web.log", "ab")  # noqa: SIM115 (closed in stop)
        self.web = subprocess.Popen(
            [
                *(str(Path(PYTHON).parent / "gunicorn"), "portal.wsgi", "--bind", HOST),
                *("--workers", str(self.workers), "--error-logfile", str(self.folder / "web.log")),
            ],
            cwd=ROOT,
            env=self.env,
            stderr=self.web_log,
        )
        wait_for_port(PORTS["web"])

    def stop(self):
        try:
            if self.web:
                self.web.send_signal(signal.SIGTERM)
                try:
                    self.web.wait(40)
                except subprocess.TimeoutExpired:
                    self.web.kill()
                    self.web.wait()
                self.web_log.close()
        finally:
            try:
                if self.redis:
                    self.stop_redis()
            finally:
                if (self.data / "postmaster.pid").exists():
                    self.stop_postgres()


class Run:
    """One phase: what every request got, and the complaints the citizens were told were filed."""

    def __init__(self, name, urls, duration, connections):
        self.name, self.urls = name, urls
        self.duration, self.connections = duration, connections
        self.results = []  # (seconds since start, kind, status or error name, seconds taken)
        self.filed, self.sent = set(), 0
        self.numbers = itertools.count(1)
        self.started = 0.0

    async def request(self, client, kind, method, url, **arguments):
        began = time.monotonic()
        try:
            response = await client.request(method, url, **arguments)
            outcome = response.status_code
        except httpx.HTTPError as error:
            response, outcome = None, type(error).__name__
        self.results.append((began - self.started, kind, outcome, time.monotonic() - began))
        return response

    async def complaint(self, client):
        form = await self.request(client, "complaint", "GET", self.urls["complaint"])
        if form is None or form.status_code != 200:
            return
        tokens = dict(TOKEN.findall(form.text))
        category = CATEGORY.search(form.text)
        await asyncio.sleep(3.1)  # a person fills the form in
        number = next(self.numbers)
        self.sent += 1
        # Each complaint from another citizen's address, as the proxy reports it.
        address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(256)}"
        response = await self.request(
            client,
            "complaint",
            "POST",
            self.urls["complaint"],
            data={
                "csrfmiddlewaretoken": tokens.get("csrfmiddlewaretoken", ""),
                "started": tokens.get("started", ""),
                "website": "",
                "category": category.group(1) if category else "",
                "description": f"bench {self.name} #{number}: ไฟถนนดับทั้งซอย",
                "place": "ซอยทดสอบ ถนนสวรรค์วิถี",
                "contact_name": "ผู้ทดสอบระบบ",
            },
            headers={
                "Cookie": f"csrftoken={form.cookies.get('csrftoken', '')}",
                "Referer": f"https://{HOST}{self.urls['complaint']}",
                "X-Forwarded-For": address,
            },
        )
        if response is not None and "/track/" in response.headers.get("location", ""):
            self.filed.add(number)

    async def citizen(self, client, deadline):
        kinds, weights = zip(*MIX.items(), strict=True)
        while time.monotonic() < deadline:
            kind = random.choices(kinds, weights)[0]
            if kind == "complaint":
                await self.complaint(client)
            elif kind == "search":
                url = f"/search/?q={random.choice(SEARCHES)}"
                await self.request(client, kind, "GET", url)
            else:
                await self.request(client, kind, "GET", self.urls[kind])

    async def run(self, during=None):
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
        clients = [
            httpx.AsyncClient(
                base_url=f"http://{HOST}", headers=headers, timeout=TIMEOUT, follow_redirects=False
            )
            for _ in range(self.connections)
        ]
        # The clock starts once every citizen is ready.
        self.started = time.monotonic()
        deadline = self.started + self.duration
        tasks = [asyncio.create_task(self.citizen(client, deadline)) for client in clients]
        if during is not None:
            tasks.append(asyncio.create_task(during(self.started)))
        await asyncio.gather(*tasks)
        for client in clients:
            await client.aclose()


def served(outcome):
    return isinstance(outcome, int) and outcome < 400


def report(run, stored, fault=None):
    results = run.results
    elapsed = max(run.duration, max((r[0] + r[3] for r in results), default=0))
    ok = [r for r in results if served(r[2])]
    times = sorted(r[3] for r in ok) or [0.0]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    errors = len(results) - len(ok)
    outcomes = collections.Counter(str(r[2]) for r in results)
    print(f"\n== {run.name}: {run.connections} connections, {run.duration} s")
    latency = (
        f"p50 {statistics.median(times) * 1000:,.0f} ms, p99 {p99 * 1000:,.0f} ms"
        if ok
        else "no page served"
    )
    print(
        f"requests {len(results):,}, {len(ok) / elapsed:,.1f} served/s; {latency}; "
        f"errors {errors:,} ({errors / max(len(results), 1):.1%})"
    )
    print("status codes: " + ", ".join(f"{k} ×{v:,}" for k, v in sorted(outcomes.items())))
    by_kind = collections.defaultdict(collections.Counter)
    for _start, kind, outcome, _taken in results:
        by_kind[kind][str(outcome)] += 1
    for kind, counts in sorted(by_kind.items()):
        print(f"  {kind:9} " + ", ".join(f"{k} ×{v:,}" for k, v in sorted(counts.items())))
    numbers = collections.Counter(stored)
    lost = run.filed - set(numbers)
    unconfirmed = set(numbers) - run.filed
    twice = sum(1 for count in numbers.values() if count > 1)
    print(
        f"complaints: sent {run.sent}, told filed {len(run.filed)}, stored {len(stored)}; "
        f"lost {len(lost)}, stored twice {twice}, stored though the citizen saw an error "
        f"{len(unconfirmed)}"
    )
    if fault:
        began, ended = fault
        print(
            f"fault from t={began:.0f} s to t={ended:.0f} s; answers as citizens got them, "
            "per 5 s (t = seconds into the run):"
        )
        for bucket in range(0, run.duration + TIMEOUT, 5):
            inside = [r for r in results if bucket <= r[0] + r[3] < bucket + 5]
            if not inside:
                continue
            counts = collections.Counter(str(r[2]) for r in inside)
            marker = " <- fault" if began < bucket + 5 and bucket < ended else ""
            line = ", ".join(f"{k} ×{v}" for k, v in sorted(counts.items()))
            print(f"  t={bucket:3}-{bucket + 5:<3} {line}{marker}")
        if ended >= run.duration:
            print("the fault lasted the whole run")
            return
        after = [r for r in results if r[0] >= ended]
        failed_after = [r for r in after if not served(r[2])]
        late_errors = [r[0] + r[3] - ended for r in results if not served(r[2])]
        print(
            f"sent after the fault ended: {len(after)}, errors {len(failed_after)}; "
            f"last error answered {max(late_errors, default=0):+.1f} s after it ended"
        )


def stored_complaints(name):
    from cases.models import Complaint

    prefix = f"bench {name} #"
    return [
        int(description[len(prefix) :].split(":")[0])
        for description in Complaint.objects.filter(description__startswith=prefix).values_list(
            "description", flat=True
        )
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="portal-bench-load-"))
    servers = Servers(folder, args.workers)
    try:
        servers.start()
        os.environ.update(servers.env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.db import connection

        from cases.models import ComplaintPage
        from news.models import AnnouncementIndexPage, AnnouncementPage

        urls = {
            "home": "/",
            "listing": AnnouncementIndexPage.objects.live()
            .filter(locale__language_code="th")
            .first()
            .url,
            "notice": AnnouncementPage.objects.live()
            .filter(locale__language_code="th")
            .first()
            .url,
            "complaint": ComplaintPage.objects.live()
            .filter(locale__language_code="th")
            .first()
            .url,
        }
        connection.close()
        log(f"pages: {urls}")

        def phase(name, during=None, fault=None):
            run = Run(name, urls, args.duration, args.connections)
            log(f"{name}: {args.duration} s")
            asyncio.run(run.run(during))
            time.sleep(2)  # the last requests finish
            report(run, stored_complaints(name), fault() if fault else None)
            connection.close()

        phase("normal")

        servers.stop_redis()
        phase("redis-stopped", fault=lambda: (0, args.duration))
        servers.start_redis()

        stop_at, stopped_for = args.duration // 3, 10
        outage = []

        async def database_outage(started):
            await asyncio.sleep(stop_at)
            outage.append(time.monotonic() - started)
            await asyncio.to_thread(servers.stop_postgres)
            log("database stopped")
            await asyncio.sleep(stopped_for)
            await asyncio.to_thread(servers.start_postgres)
            outage.append(time.monotonic() - started)
            log("database started")

        phase("database-stopped-10s", database_outage, lambda: tuple(outage))
    finally:
        servers.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
