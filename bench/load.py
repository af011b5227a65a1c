"""Load test: the portal in production settings (gunicorn, PostgreSQL, Redis) under 200
concurrent citizens, then with Redis stopped, then with the database stopped for 10 s.

Usage: python -m bench.load [--duration 60] [--connections 200] [--workers 3] [--port 18510]
                            [--scale-workers 1] [--scale-duration 30] [--scale-connections 40]

Everything runs on 127.0.0.1 in a temporary folder and is stopped at the end: its own
PostgreSQL cluster (initdb and pg_ctl from /usr/lib/postgresql/*/bin, run as the ``postgres``
user when started by root), its own redis-server, gunicorn as the Procfile starts it. The shared
servers are never touched. The demo content is loaded, then each citizen (an asyncio task with
its own connection) opens the home page, the announcements listing, a notice, a search or the
complaint form, which it fills in (3 s, the form's minimum) and sends. Each complaint carries a
marker, so the complaints the citizens were told were filed are compared with those stored: none
may be lost or stored twice. Last, one web instance against two, as ``make stack`` runs them
(the citizens spread over both, as a load balancer spreads them): whether the throughput
roughly doubles on the machine's cores.

Mail goes to Django's dummy backend: the SMTP outbox has its own test.
"""

import argparse
import asyncio
import collections
import itertools
import os
import random
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from deploy import stack

ROOT = Path(__file__).resolve().parent.parent
# From --port (18510): the web instance, PostgreSQL, Redis, the second web instance.
ROLES = ["web", "postgres", "redis", "web2"]
# What citizens open, by weight.
MIX = {"home": 25, "listing": 20, "notice": 25, "search": 20, "complaint": 10}
SEARCHES = ["ประกาศ", "จัดซื้อจัดจ้าง", "ภาษี", "โรงเรียน", "ข่าว"]
TOKEN = re.compile(r'name="(csrfmiddlewaretoken|started)" value="([^"]+)"')
CATEGORY = re.compile(r'<option value="(\d+)"')
TIMEOUT = 30


log = stack.log


class Servers:
    """PostgreSQL, Redis and the gunicorn instances of this run, in ``folder``, built from the
    pieces of ``make stack`` (deploy/stack.py)."""

    def __init__(self, folder, workers, first_port):
        self.folder, self.workers = folder, workers
        self.ports = {role: first_port + offset for offset, role in enumerate(ROLES)}
        self.postgres = stack.OwnPostgres(folder, self.ports["postgres"])
        self.redis = None
        self.web = []
        self.env = stack.portal_environment(
            self.postgres.url,
            f"redis://127.0.0.1:{self.ports['redis']}/0",
            folder,
            MEDIA_ROOT=str(folder / "media"),
            CASES_FILES_ROOT=str(folder / "private-media"),
        )

    def start_postgres(self):
        self.postgres.start()

    def stop_postgres(self):
        self.postgres.stop()

    def start_redis(self):
        self.redis = stack.redis_server(self.ports["redis"], self.folder).start()

    def stop_redis(self):
        self.redis.stop()
        self.redis = None

    def start(self):
        self.postgres.create()
        self.start_redis()
        log("migrate, demo content, static files")
        stack.demo_site(self.env)
        stack.manage(self.env, "check", "--deploy")
        return self.serve(1, self.workers)

    def serve(self, instances, workers):
        """``instances`` gunicorn instances of ``workers`` workers each, instead of those
        running; their addresses."""
        self.stop_web()
        ports = [self.ports["web"], self.ports["web2"]][:instances]
        log(f"{instances} gunicorn instance(s) of {workers} worker(s) on ports {ports}")
        for number, port in enumerate(ports, start=1):
            self.web.append(
                stack.gunicorn(port, self.env, self.folder, workers, f"web{number}").start()
            )
        return [f"127.0.0.1:{port}" for port in ports]

    def stop_web(self):
        while self.web:
            self.web.pop().stop(40)

    def stop(self):
        try:
            self.stop_web()
        finally:
            try:
                if self.redis:
                    self.stop_redis()
            finally:
                self.stop_postgres()


class Run:
    """One phase: what every request got, and the complaints the citizens were told were filed."""

    def __init__(self, name, urls, duration, connections, hosts):
        self.name, self.urls, self.hosts = name, urls, hosts
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
                "Referer": f"https://{client.base_url.netloc.decode()}{self.urls['complaint']}",
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
        # Citizens spread evenly over the instances, as a load balancer spreads them.
        clients = [
            httpx.AsyncClient(
                base_url=f"http://{self.hosts[number % len(self.hosts)]}",
                headers=headers,
                timeout=TIMEOUT,
                follow_redirects=False,
            )
            for number in range(self.connections)
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
    print(
        f"\n== {run.name}: {run.connections} connections on {len(run.hosts)} instance(s), "
        f"{run.duration} s"
    )
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
            return len(ok) / elapsed
        after = [r for r in results if r[0] >= ended]
        failed_after = [r for r in after if not served(r[2])]
        late_errors = [r[0] + r[3] - ended for r in results if not served(r[2])]
        print(
            f"sent after the fault ended: {len(after)}, errors {len(failed_after)}; "
            f"last error answered {max(late_errors, default=0):+.1f} s after it ended"
        )
    return len(ok) / elapsed


def stored_complaints(name):
    from cases.models import Complaint

    prefix = f"bench {name} #"
    return [
        int(description[len(prefix) :].split(":")[0])
        for description in Complaint.objects.filter(description__startswith=prefix).values_list(
            "description", flat=True
        )
    ]


def scale(servers, phase, args):
    """One instance against two (``make stack``'s web tier), each of ``--scale-workers``
    workers, the citizens spread over them; alternated ``--scale-rounds`` times, so that both
    see the same machine. A sync worker uses one core at most: with two cores, two instances
    of one worker may serve up to twice as much when nothing else is the limit."""
    served = {1: [], 2: []}
    cpu = {1: [], 2: []}  # processor seconds of the instances per page served
    for round_number in range(1, args.scale_rounds + 1):
        for instances in (1, 2):
            hosts = servers.serve(instances, args.scale_workers)
            before = sum(web.cpu_seconds() for web in servers.web)
            throughput = phase(
                f"scale-{instances}-instance-round-{round_number}",
                duration=args.scale_duration,
                connections=args.scale_connections,
                on=hosts,
            )
            used = sum(web.cpu_seconds() for web in servers.web) - before
            served[instances].append(throughput)
            cpu[instances].append(used / max(throughput * args.scale_duration, 1))
    one, two = (statistics.mean(served[n]) for n in (1, 2))
    ratio = two / one if one else 0
    verdict = "roughly doubles" if ratio >= 1.7 else "does not double"
    cost = {n: statistics.mean(cpu[n]) * 1000 for n in (1, 2)}
    print(
        f"\n== one instance vs two ({args.scale_workers} worker(s) each, "
        f"{args.scale_connections} connections, {args.scale_rounds} rounds of "
        f"{args.scale_duration} s each, alternated)\n"
        f"one instance: {one:,.1f} served/s ({', '.join(f'{x:,.1f}' for x in served[1])}), "
        f"{cost[1]:,.0f} ms of processor per page\n"
        f"two instances: {two:,.1f} served/s ({', '.join(f'{x:,.1f}' for x in served[2])}), "
        f"{cost[2]:,.0f} ms of processor per page\n"
        f"two / one = {ratio:.2f}: throughput {verdict} on this machine's "
        f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} now: the client, "
        "PostgreSQL and Redis share the cores, and so does anything else running)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))
    parser.add_argument(
        "--scale-workers", type=int, default=1, help="workers of each instance, one vs two"
    )
    parser.add_argument("--scale-duration", type=int, default=30)
    parser.add_argument("--scale-connections", type=int, default=40)
    parser.add_argument("--scale-rounds", type=int, default=2)
    parser.add_argument("--port", type=int, default=18510, help="the first of 4 ports")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="portal-bench-load-"))
    servers = Servers(folder, args.workers, args.port)
    try:
        hosts = servers.start()
        os.environ.update(servers.env)
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

        def phase(name, during=None, fault=None, duration=args.duration, connections=None, on=None):
            run = Run(name, urls, duration, connections or args.connections, on or hosts)
            log(f"{name}: {duration} s")
            asyncio.run(run.run(during))
            time.sleep(2)  # the last requests finish
            throughput = report(run, stored_complaints(name), fault() if fault else None)
            connection.close()
            return throughput

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
        scale(servers, phase, args)
    finally:
        servers.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
