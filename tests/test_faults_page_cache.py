"""The page cache across real processes, with Redis (started here) and without it: a notice
unpublished by another process is gone from the next page served, and with the database
unreachable (its folder moved away: a real fault) the pages already cached still answer while
a page never cached fails."""

import shutil
import signal
import subprocess
import urllib.error
import urllib.request

import pytest

from tests import faults_support as faults

TREE = """
from tests.factories import AnnouncementPageFactory, site_settings, translated_home
site_settings(phone="0 5600 0000")
translated_home()
AnnouncementPageFactory(title="ประกาศรับสมัครพนักงานจ้างเหมาบริการ", slug="hiring")
"""

UNPUBLISH = """
from news.models import AnnouncementPage
AnnouncementPage.objects.get(slug="hiring").unpublish()
"""

LINK = "/announcements/hiring/"
CACHED = ("/", "/announcements/", "/en/")


def fetch(port, path):
    """``(status, body)``; an error status is an answer too."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture
def redis_server():
    port = faults.free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


@pytest.mark.parametrize("shared", [True, False], ids=["redis", "per-process cache"])
def test_cached_pages_follow_other_processes_and_outlive_the_database(tmp_path, shared, request):
    folder = tmp_path / "db"
    folder.mkdir()
    env = faults.database(folder)
    env.pop("REDIS_URL", None)
    if shared:
        env["REDIS_URL"] = request.getfixturevalue("redis_server")
    # Development settings take the page cache's switches from the environment.
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PAGE_CACHE_SECONDS="600",
        PAGE_FRAGMENT_SECONDS="600",
    )
    faults.python(env, TREE)
    port = faults.free_port()
    server = faults.start(env, "runserver", f"127.0.0.1:{port}", "--noreload")
    try:
        faults.wait_for_line(server, "Quit the server", 120)
        for path in CACHED:  # rendered, then from the cache
            for _ in range(2):
                status, body = fetch(port, path)
                assert status == 200
        assert LINK in fetch(port, "/")[1]
        assert LINK in fetch(port, "/announcements/")[1]

        faults.python(env, UNPUBLISH)  # another process: its signals reach no other
        for path in CACHED:
            for _ in range(2):
                status, body = fetch(port, path)
                assert status == 200
                assert LINK not in body, path

        shutil.move(folder, tmp_path / "moved")  # the database is unreachable
        assert fetch(port, "/search/?q=hiring")[0] == 500  # never cached: needs the database
        for path in CACHED:
            status, body = fetch(port, path)
            assert status == 200, path
            assert "0 5600 0000" in body
            assert LINK not in body
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
