"""Real processes for the fault tests: a migrated SQLite file that several ``manage.py``
processes share (made once for the code, copied for each test), free ports on 127.0.0.1
in the project's range, and a small SMTP server that keeps what it receives."""

import fcntl
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
# The project's range; TEST_PORTS=first-last gives a run another (a machine shared by several
# test runs at once).
_first, _last = os.environ.get("TEST_PORTS", "18300-18399").split("-")
PORTS = range(int(_first), int(_last) + 1)
_migrated = {}


def free_port():
    """A port of the range given to this project on which nothing listens: of this test
    worker's share of it, so that two workers of one run never pick the same one."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    share = len(PORTS) // int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    for port in PORTS[worker * share : (worker + 1) * share]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


def _migrations_digest():
    """What a migrated database depends on: the project's migrations and every installed
    package's version."""
    digest = hashlib.sha256()
    for path in sorted(BASE.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(BASE)).encode() + path.read_bytes())
    packages = sorted(f"{dist.name}=={dist.version}" for dist in metadata.distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:16]


def migrated():
    """A migrated SQLite file, made once per machine for the code and packages it was made
    from, and shared by every test worker and run (migrating takes half a minute)."""
    if "path" not in _migrated:
        path = Path(tempfile.gettempdir()) / f"portal-migrated-{_migrations_digest()}.sqlite3"
        with open(path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another worker may be making it
            if not path.exists():
                making = path.with_suffix(f".{os.getpid()}.sqlite3")
                subprocess.run(
                    [sys.executable, "manage.py", "migrate", "-v0"],
                    cwd=BASE,
                    env=environment(making),
                    check=True,
                )
                making.rename(path)
        _migrated["path"] = path
    return _migrated["path"]


def database(folder):
    """A fresh copy of a migrated SQLite database in ``folder``; its environment for
    ``manage.py`` processes."""
    copy = Path(folder) / "portal.sqlite3"
    shutil.copy(migrated(), copy)
    return environment(copy)


def environment(db_path, **extra):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=f"sqlite:///{db_path}",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def python(env, code, timeout=120):
    """Run ``code`` in ``manage.py shell`` against the database of ``env``; its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def start(env, *args):
    """A ``manage.py`` process left running (stdout and stderr together, as text)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=BASE,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for_line(process, text, timeout):
    """The output of ``process`` up to the first line containing ``text``."""
    lines, found = [], threading.Event()

    def read():
        for line in process.stdout:
            lines.append(line)
            if text in line:
                found.set()
                return

    threading.Thread(target=read, daemon=True).start()
    assert found.wait(timeout), f"{text!r} not seen in {timeout} s: {''.join(lines)}"
    return "".join(lines)


def wait_until(condition, timeout, every=0.5):
    """Seconds until ``condition()`` was true; fails after ``timeout``."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, "condition not met in time"
        time.sleep(every)
    return time.monotonic() - started


class SMTPServer:
    """A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps the messages it receives."""

    def __init__(self, port):
        from aiosmtpd.controller import Controller

        self.messages = []
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()
