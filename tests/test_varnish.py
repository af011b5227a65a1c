"""Varnish in front (deploy/varnish.vcl): Debian's varnishd started on 127.0.0.1 in front of a
live portal; publishing purges it through Wagtail's frontend cache, and the next request
through Varnish shows the change."""

import datetime
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import LiveServerTestCase, override_settings
from wagtail.models import Site

from tests.factories import AnnouncementIndexPageFactory, AnnouncementPageFactory, home_page

VARNISH_PORT = 18881
PORTAL_PORT = 18882
VARNISH = f"http://127.0.0.1:{VARNISH_PORT}"
VCL = Path(settings.BASE_DIR) / "deploy" / "varnish.vcl"


def through_varnish(path):
    request = urllib.request.Request(VARNISH + path, headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read().decode()


@override_settings(
    PAGE_CACHE_SECONDS=600,
    WAGTAILFRONTENDCACHE={
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": VARNISH,
        }
    },
)
class VarnishPurgeTests(LiveServerTestCase):
    host = "127.0.0.1"
    port = PORTAL_PORT
    # The home page, locales and content version are data of the migrations: kept for the
    # tests that run after this one.
    serialized_rollback = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.work = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
        cls.work.chmod(0o755)  # run as root, varnishd reads the VCL as its own user
        vcl = cls.work / "portal.vcl"
        vcl.write_text(VCL.read_text().replace('"8000"', f'"{PORTAL_PORT}"'))
        cls.varnish = subprocess.Popen(
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                "-n", str(cls.work / "state"),
                "-a", f"127.0.0.1:{VARNISH_PORT}",
                "-f", str(vcl),
                "-s", "malloc,32m",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(VARNISH + "/robots.txt", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or cls.varnish.poll() is not None:
                    cls.tearDownVarnish()
                    raise
                time.sleep(0.3)

    @classmethod
    def tearDownVarnish(cls):
        cls.varnish.terminate()
        cls.varnish.wait(timeout=10)
        shutil.rmtree(cls.work, ignore_errors=True)

    @classmethod
    def tearDownClass(cls):
        cls.tearDownVarnish()
        super().tearDownClass()

    def test_publishing_purges_varnish_and_the_next_request_shows_the_new_version(self):
        Site.objects.update(hostname="localhost", port=80)
        index = AnnouncementIndexPageFactory(parent=home_page(), slug="announcements")
        notice = AnnouncementPageFactory(
            parent=index, slug="exam", title="ประกาศสอบคัดเลือก", date=datetime.date(2025, 5, 1)
        )
        headers, body = through_varnish("/announcements/")
        self.assertIn("ประกาศสอบคัดเลือก", body)
        headers, body = through_varnish("/announcements/")
        self.assertEqual(headers["X-Cache"], "HIT")

        revision = notice.get_latest_revision_as_object()
        revision.title = "ประกาศสอบคัดเลือก (แก้ไขวันสอบ)"
        user = get_user_model().objects.create_superuser("operator", "op@example.org", "x")
        revision.save_revision(user=user).publish(user=user)

        headers, body = through_varnish("/announcements/")
        self.assertEqual(headers["X-Cache"], "MISS")
        self.assertIn("ประกาศสอบคัดเลือก (แก้ไขวันสอบ)", body)
        self.assertEqual(through_varnish("/announcements/")[0]["X-Cache"], "HIT")

        notice.unpublish(user=user)
        headers, body = through_varnish("/announcements/")
        self.assertNotIn("ประกาศสอบคัดเลือก", body)

    def test_a_visitor_signed_in_passes_through_and_compressed_pages_are_kept_once(self):
        request = urllib.request.Request(
            VARNISH + "/", headers={"Host": "localhost", "Cookie": "sessionid=abc"}
        )
        for _ in range(2):
            with urllib.request.urlopen(request, timeout=10) as response:
                self.assertEqual(response.headers["X-Cache"], "MISS")
        through_varnish("/")
        gzipped = urllib.request.Request(
            VARNISH + "/", headers={"Host": "localhost", "Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(gzipped, timeout=10) as response:
            self.assertEqual(response.headers["X-Cache"], "HIT")
            self.assertEqual(response.headers["Content-Encoding"], "gzip")
