"""Lighthouse on one page of every public page type, in Thai and in English (make audit).

Usage: python audit/run.py [--only TEXT ...] [--work DIR]

Builds the demo site in a scratch SQLite database (a temporary folder), serves it as in
production: gunicorn with production settings (2 workers) behind a small proxy that serves
/media/ from disk, as the web server does in production (Django serves no media there).
Then runs Lighthouse (audit/package.json, pinned; `npm ci` installs it) in Debian's Chromium
(CHROME_PATH, headless, no sandbox), mobile profile with its default simulated throttling, on
each page one after the other, and prints the four scores per page, then every audit that
kept a page below 1.0 (performance below 0.95). The JSON reports stay in audit/reports/.

Goal (issue 19): performance >= 0.95, accessibility, best practices and SEO 1.0 everywhere,
the search page (noindex) excepted for SEO. Exit status 1 when a page misses it.
Ports 18690 (proxy) and 18691 (gunicorn) on 127.0.0.1; everything started is stopped.
"""

import argparse
import http.client
import json
import mimetypes
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy import stack  # noqa: E402 (the folder above this script's)

AUDIT = ROOT / "audit"
LIGHTHOUSE = AUDIT / "node_modules" / ".bin" / "lighthouse"
REPORTS = AUDIT / "reports"
PROXY, APP = 18690, 18691
ADDRESS = f"127.0.0.1:{PROXY}"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GOAL = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# One live public page of each page type and language, by the page's model (printed by
# `manage.py shell`); the search page is not a Wagtail page and is added by hand.
FIND_PAGES = """
from wagtail.models import Page
seen = set()
for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
    key = (type(page).__name__, page.locale.language_code)
    if key not in seen:
        seen.add(key)
        print(*key, page.url, sep="\\t")
"""
SEARCH = urllib.parse.quote("ประกาศ")


def build_site(env):
    """The demo site (``deploy/stack.py``, static files collected); the pages to audit."""
    stack.demo_site(env, ADDRESS)
    out = stack.manage(env, "shell", "-c", FIND_PAGES)
    pages = [line.split("\t") for line in out.splitlines() if line.count("\t") == 2]
    pages += [("search", "th", f"/search/?q={SEARCH}"), ("search", "en", f"/en/search/?q={SEARCH}")]
    return sorted(pages, key=lambda row: (row[0], row[1] != "th"))


def proxy_handler(media_root):
    """Serves /media/ from ``media_root`` and passes every other request to gunicorn."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            if path.startswith("/media/"):
                return self.media(media_root / path.removeprefix("/media/"))
            upstream = http.client.HTTPConnection("127.0.0.1", APP, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
            upstream.request("GET", self.path, headers=headers)
            response = upstream.getresponse()
            body = response.read()
            self.send_response(response.status)
            for name, value in response.getheaders():
                if name.lower() not in {"connection", "transfer-encoding", "content-length"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            upstream.close()

        def media(self, file):
            file = file.resolve()
            if not file.is_relative_to(media_root.resolve()) or not file.is_file():
                self.send_error(404)
                return
            body = file.read_bytes()
            self.send_response(200)
            self.send_header(
                "Content-Type", mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            )
            self.send_header("Cache-Control", "public, max-age=31536000")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class Proxy(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that hangs up early (Lighthouse does) is no error worth printing."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def lighthouse(url, report):
    """Lighthouse's result for ``url``, or None when it failed twice (a busy machine can make
    Chromium miss Lighthouse's deadlines)."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    for _attempt in range(2):
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode == 0:
            return json.loads(report.read_text())
    print(done.stderr.strip().splitlines()[-1:], file=sys.stderr)
    return None


def shortfalls(result, skip_seo):
    """The audits that kept a category under its goal: ``category: audit (score)``."""
    found = []
    for name in CATEGORIES:
        category = result["categories"][name]
        if (category["score"] or 0) >= GOAL[name] or (name == "seo" and skip_seo):
            continue
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                found.append(f"{name}: {ref['id']} ({audit['score']:.2f})")
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", help="page types or addresses containing TEXT")
    parser.add_argument("--work", help="a folder to build the site in and keep (reused if built)")
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: cd audit && npm ci")
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not shutil.which(chrome):
        sys.exit(f"No Chromium at {chrome}: apt-get install chromium, or set CHROME_PATH")
    work = Path(options.work or tempfile.mkdtemp(prefix="portal-audit-"))
    work.mkdir(parents=True, exist_ok=True)
    media = work / "media"
    env = stack.portal_environment(
        f"sqlite:///{work / 'audit.sqlite3'}",
        "",
        work,
        MEDIA_ROOT=str(media),
        SECURE_SSL_REDIRECT="false",
        WAGTAILADMIN_BASE_URL=f"http://{ADDRESS}",
    )
    site = work / "pages.json"
    if site.exists():
        pages = json.loads(site.read_text())
        stack.manage(env, "collectstatic", "--noinput", "-v0")  # the files served now
    else:
        print(f"Building the demo site in {work} ...", flush=True)
        pages = build_site(env)
        site.write_text(json.dumps(pages))
    if options.only:
        pages = [p for p in pages if any(t in p[0] or t in p[2] for t in options.only)]
    REPORTS.mkdir(exist_ok=True)
    app = stack.gunicorn(APP, env, work, 2, access_log=False)
    proxy = Proxy(("127.0.0.1", PROXY), proxy_handler(media))
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    failed = 0
    try:
        app.start()
        header = f"{'page type':<28} {'lang':<4} " + " ".join(f"{c[:6]:>6}" for c in CATEGORIES)
        print(header + "  address", flush=True)
        notes = []
        for page_type, language, path in pages:
            url = f"http://{ADDRESS}{path}"
            report = REPORTS / f"{page_type}-{language}.json"
            result = lighthouse(url, report)
            if result is None:
                failed += 1
                print(f"{page_type:<28} {language:<4} Lighthouse failed twice  {path}", flush=True)
                continue
            scores = [result["categories"][c]["score"] or 0 for c in CATEGORIES]
            print(
                f"{page_type:<28} {language:<4} "
                + " ".join(f"{s:>6.2f}" for s in scores)
                + f"  {urllib.parse.unquote(path)}",
                flush=True,
            )
            missing = shortfalls(result, skip_seo=page_type == "search")
            if missing:
                failed += 1
                notes.append((f"{page_type} {language}", missing))
        for page, missing in notes:
            print(f"\n{page}:\n  " + "\n  ".join(missing))
        print(f"\n{len(pages) - failed} of {len(pages)} pages meet the goal; reports in {REPORTS}")
    finally:
        proxy.shutdown()
        app.stop()
        if not options.work:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
