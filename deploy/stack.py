"""The portal as several machines run it, all on 127.0.0.1 (``make stack``): PostgreSQL, Redis,
an S3-compatible store (moto's server), two gunicorn instances in production settings, the
scheduler and Varnish in front balancing the instances. Ctrl-C or SIGTERM stops everything.

Usage: python deploy/stack.py [--varnish 8000] [--instances 8001,8002] [--s3 8009]
                              [--own-ports 8010,8011] [--workers 2]

PostgreSQL and Redis are those of ``STACK_DATABASE_URL`` and ``STACK_REDIS_URL`` (defaults: the
database ``portal_stack`` on 127.0.0.1:5432 and Redis database 15 on 127.0.0.1:6379), made
empty at each start, when they answer; otherwise the stack starts its own (``initdb``/``pg_ctl``
from /usr/lib/postgresql/*/bin, ``redis-server``) on the ``--own-ports`` in its temporary
folder. The demo content is loaded. Each instance has its own media folders, as
on separate machines: every file goes to the buckets of the S3 server.

``make stack`` (docs/operations.md), ``bench/load.py`` (``make bench-load``),
``bench/pages.py`` (``make bench-pages``), ``audit/run.py`` (``make audit``) and
``tests/test_two_instances.py`` build on the pieces below.
"""

import argparse
import contextlib
import glob
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
VCL = ROOT / "deploy" / "varnish.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
# The development store's key pair and buckets (moto accepts any key).
S3_KEYS = {"S3_ACCESS_KEY_ID": "stack", "S3_SECRET_ACCESS_KEY": "stack-secret"}
BUCKETS = {"S3_PUBLIC_BUCKET": "portal-public", "S3_PRIVATE_BUCKET": "portal-private"}


def log(message):
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


def answers(port, host="127.0.0.1"):
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((host, port)) == 0


def answers_http(port):
    """Whether an HTTP server answers on ``port`` (any status: gunicorn listens before its
    workers have loaded the portal, and a request waits for them)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("HEAD", "/robots.txt", headers={"Host": "localhost"})
        connection.getresponse()
        return True
    except OSError:
        return False
    finally:
        connection.close()


def wait_for_port(port, seconds=60, process=None, ready=answers):
    deadline = time.monotonic() + seconds
    while not ready(port):
        if process is not None and process.poll() is not None:
            raise RuntimeError(
                f"{process.args[0]} exited ({process.returncode}) before port {port}"
            )
        if time.monotonic() > deadline:
            raise RuntimeError(f"nothing answers on port {port} after {seconds} s")
        time.sleep(0.2)


class Service:
    """One long-running program in its own process group, so that stopping it stops its
    children too (gunicorn's workers, varnishd's cache process)."""

    def __init__(self, name, command, log_path, port=None, env=None, cleanup=None, ready=answers):
        self.name, self.command, self.log_path, self.port = name, command, log_path, port
        self.env, self.cleanup, self.ready = env, cleanup, ready
        self.process = None

    def start(self, wait=180):
        self.log_file = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [str(part) for part in self.command],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if self.port:
            wait_for_port(self.port, wait, self.process, self.ready)
        return self

    def cpu_seconds(self):
        """The processor time its processes (the group: gunicorn's master and workers) have
        used so far, user and system."""
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            # After the name: state, ppid, pgrp, …, utime (12th), stime (13th).
            if int(fields[2]) == self.process.pid:
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    def running(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout=30):
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        # What the group leader left behind (a worker still finishing) goes too.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None
        self.log_file.close()
        if self.cleanup:
            self.cleanup()


def redis_server(port, folder):
    return Service(
        "redis",
        [
            *("redis-server", "--port", port, "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no"),
        ],
        folder / "redis.log",
        port,
    )


def moto_server(port, folder):
    return Service(
        "s3", [BIN / "moto_server", "-H", "127.0.0.1", "-p", port], folder / "s3.log", port
    )


def gunicorn(port, env, folder, workers=2, name="web", access_log=True):
    """A web instance as the Procfile's ``web`` line runs it (``access_log=False``: without
    the line per request, as a benchmark measures the portal alone)."""
    return Service(
        name,
        [
            *(BIN / "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"),
            *("--workers", workers),
            *(("--access-logfile", "-") if access_log else ("--log-level", "error")),
        ],
        folder / f"{name}.log",
        port,
        env,
        ready=answers_http,
    )


def varnish_vcl(ports):
    """deploy/varnish.vcl with its one backend on the first port and one more backend in the
    round-robin director for each other port, as its comment says to add an instance."""
    first, *others = ports
    vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{first}";')
    for number, port in enumerate(others, start=2):
        vcl += (
            f'\nbackend portal{number} {{ .host = "127.0.0.1"; .port = "{port}"; }}\n'
            f"sub vcl_init {{ web.add_backend(portal{number}); }}\n"
        )
    return vcl


def varnish(port, backend_ports):
    """varnishd on ``port`` in front of the instances, in a folder of its own that its user may
    read (run as root, varnishd reads the VCL as its own user)."""
    folder = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
    folder.chmod(0o755)
    vcl = folder / "portal.vcl"
    vcl.write_text(varnish_vcl(backend_ports))
    vcl.chmod(0o644)
    return Service(
        "varnish",
        [
            *(VARNISHD, "-F", "-n", folder / "varnish", "-a", f"127.0.0.1:{port}"),
            *("-f", vcl, "-s", "malloc,64m"),
        ],
        folder / "varnish.log",
        port,
        cleanup=lambda: shutil.rmtree(folder, ignore_errors=True),
    )


class OwnPostgres:
    """A PostgreSQL cluster of its own in ``folder`` (run as the ``postgres`` user when started
    by root), with one database, ``portal``."""

    def __init__(self, folder, port):
        self.folder, self.port = folder, port
        self.bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
        self.data = folder / "pgdata"
        self.url = f"postgres://postgres@127.0.0.1:{port}/portal"

    def as_postgres(self, *command):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *map(str, command)], check=True, stdout=subprocess.DEVNULL)

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.as_postgres(
            self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )
        self.start()
        self.as_postgres(self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "portal")

    def start(self):
        self.as_postgres(
            *(self.bin / "pg_ctl", "-D", self.data, "-l", self.folder / "postgres.log", "-w"),
            *("-o", f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}", "start"),
        )

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self.as_postgres(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")


def portal_environment(database_url, redis_url, folder, **extra):
    """Production settings for every process of one site: one secret key, one database, one
    cache (the per-process one when ``redis_url`` is empty); mail to Django's dummy backend.
    Static files are collected into ``folder`` (the site's temporary folder), never into the
    code folder's ``static_collected/``, which the tests' own servers would then serve."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        STATIC_ROOT=str(Path(folder) / "static"),
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        LOG_LEVEL="ERROR",
        PYTHONUNBUFFERED="1",
        # A public address, as check --deploy asks (e-mails go to the dummy backend here).
        WAGTAILADMIN_BASE_URL="https://www.example.go.th",
    )
    env.update(extra)
    return env


def s3_environment(port):
    """What ``MEDIA_STORAGE=s3`` reads, for the moto server on ``port``."""
    return {
        "MEDIA_STORAGE": "s3",
        "S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "S3_REGION": "us-east-1",
        "S3_ADDRESSING_STYLE": "path",
        "S3_SIGNED_URL_SECONDS": "300",
        **S3_KEYS,
        **BUCKETS,
    }


def s3_client(port):
    """The store's own view of the S3 server on ``port``, past the portal."""
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{port}",
        region_name="us-east-1",
        aws_access_key_id=S3_KEYS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["S3_SECRET_ACCESS_KEY"],
    )


def create_buckets(port):
    """The two buckets in a fresh S3 server (the portal never creates them)."""
    client = s3_client(port)
    for bucket in BUCKETS.values():
        client.create_bucket(Bucket=bucket)


def manage(env, *arguments, **overrides):
    """``manage.py`` with ``arguments``; what it printed is shown only when it failed."""
    done = subprocess.run(
        [PYTHON, "manage.py", *map(str, arguments)],
        cwd=ROOT,
        env={**env, **overrides},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        done.check_returncode()
    return done.stdout


def demo_site(env, address=None, loader_env=None):
    """Migrate, load the demo content (linking to ``address``) and collect the static files
    (into the environment's ``STATIC_ROOT``, see ``portal_environment``). The loader is a
    development command (``loader_env``, else ``env``, with the development settings); the
    site it builds is served in production."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(
        loader_env or env,
        "load_demo_content",
        *(["--address", address] if address else []),
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
    )
    manage(env, "collectstatic", "--noinput", "-v0")


class Stack:
    """The services of one site, started in order and stopped in reverse order."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.services = []
        self.cleanups = []

    def add(self, service, wait=180):
        self.services.append(service.start(wait))
        return service

    def instance_environment(self, env, name):
        """The environment of one web instance: its own media folders, as on its own machine
        (with ``MEDIA_STORAGE=s3`` nothing is written there)."""
        own = self.folder / name
        return {
            **env,
            "MEDIA_ROOT": str(own / "media"),
            "CASES_FILES_ROOT": str(own / "private-media"),
        }

    def stop(self):
        while self.services:
            self.services.pop().stop()
        while self.cleanups:
            self.cleanups.pop()()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def shared_or_own_postgres(stack, url, own_port):
    """The database of ``url``, made anew, when its server answers (the files of the last run
    went with its S3 server), else a cluster of the stack's own."""
    import psycopg

    server, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=2) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{name}"')
        return url
    except psycopg.OperationalError:
        own = OwnPostgres(stack.folder / "postgres", own_port)
        own.folder.mkdir()
        own.create()
        stack.cleanups.append(own.stop)
        return own.url


def shared_or_own_redis(stack, url, own_port):
    """The Redis database of ``url``, emptied (its pages were of the last run's site), when
    its server answers, else a redis-server of the stack's own."""
    import redis

    host_port = url.split("//", 1)[1].split("/", 1)[0]
    host, _, port = host_port.partition(":")
    if answers(int(port or 6379), host):
        redis.Redis.from_url(url).flushdb()
        return url
    stack.add(redis_server(own_port, stack.folder))
    return f"redis://127.0.0.1:{own_port}/0"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--varnish", type=int, default=8000)
    parser.add_argument("--instances", default="8001,8002", help="the web instances' ports")
    parser.add_argument("--s3", type=int, default=8009)
    parser.add_argument("--own-ports", default="8010,8011", help="own PostgreSQL, own Redis")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance")
    args = parser.parse_args()
    ports = [int(port) for port in args.instances.split(",")]
    own_postgres, own_redis = (int(port) for port in args.own_ports.split(","))
    database_url = os.environ.get(
        "STACK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_stack"
    )
    redis_url = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/15")

    stopping = []

    def stop_on(signum, frame):
        stopping.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on)
    folder = Path(tempfile.mkdtemp(prefix="portal-stack-"))
    stack = Stack(folder)
    try:
        database_url = shared_or_own_postgres(stack, database_url, own_postgres)
        redis_url = shared_or_own_redis(stack, redis_url, own_redis)
        stack.add(moto_server(args.s3, folder))
        create_buckets(args.s3)
        env = portal_environment(
            database_url,
            redis_url,
            folder,
            # Plain HTTP on this machine: no TLS proxy in front.
            SECURE_SSL_REDIRECT="false",
            WAGTAILADMIN_BASE_URL=f"http://localhost:{args.varnish}",
            **s3_environment(args.s3),
        )
        log("migrate, demo content, static files")
        demo_site(env, f"localhost:{args.varnish}", stack.instance_environment(env, "loader"))
        # The running processes purge Varnish after each change (before it starts: nothing to).
        if Path(VARNISHD).exists():
            env["VARNISH_URL"] = f"http://127.0.0.1:{args.varnish}"
        for number, port in enumerate(ports, start=1):
            name = f"web{number}"
            stack.add(
                gunicorn(port, stack.instance_environment(env, name), folder, args.workers, name)
            )
        stack.add(
            Service(
                "scheduler",
                [PYTHON, "manage.py", "run_scheduler"],
                folder / "scheduler.log",
                env=stack.instance_environment(env, "scheduler"),
            )
        )
        if Path(VARNISHD).exists():
            stack.add(varnish(args.varnish, ports))
        else:
            log(f"no {VARNISHD} (apt-get install varnish): no cache in front")
        print(
            "\n  The site (Varnish, balancing the instances): "
            f"http://localhost:{args.varnish}/  admin: http://localhost:{args.varnish}/admin/\n"
            + "".join(
                f"  web instance {n}: http://localhost:{port}/\n"
                for n, port in enumerate(ports, start=1)
            )
            + f"  S3 (moto): http://127.0.0.1:{args.s3}/  PostgreSQL: {database_url}\n"
            f"  Redis: {redis_url}  logs: {folder}/*.log\n"
            "  Ctrl-C stops everything.\n",
            flush=True,
        )
        while True:
            for service in stack.services:
                if not service.running():
                    tail = service.log_path.read_text(errors="replace")[-3000:]
                    raise SystemExit(f"{service.name} stopped; the end of its log:\n{tail}")
            time.sleep(1)
    except KeyboardInterrupt:
        log("stopping" + (" (SIGTERM)" if stopping else ""))
    finally:
        stack.stop()
        shutil.rmtree(folder, ignore_errors=True)
        log("stopped")


if __name__ == "__main__":
    main()
