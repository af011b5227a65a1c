"""Two web processes, each with its own cache (no Redis), on one database: a section made
private through another process is gone at once from search and the feed of a process that
had just served it, and a changed site setting reaches it within the per-process cache's
lifetime (``portal.cache.PROCESS_CACHE_SECONDS``)."""

import signal
import urllib.parse
import urllib.request

from portal.cache import PROCESS_CACHE_SECONDS
from tests import faults_support as faults

TREE = """
from tests.factories import AnnouncementPageFactory, site_settings, translated_home
site_settings(phone="0 5600 0000")
translated_home()
AnnouncementPageFactory(title="ประกาศรับสมัครพนักงานจ้างเหมาบริการ", slug="hiring")
"""

MAKE_PRIVATE = """
from wagtail.models import PageViewRestriction
from news.models import AnnouncementIndexPage
section = AnnouncementIndexPage.objects.get(locale__language_code="th")
PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
"""

NEW_PHONE = """
from wagtail.models import Site
from core.models import SiteSettings
settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
settings.phone = "0 5699 9999"
settings.save()
"""

TITLE = "ประกาศรับสมัครพนักงานจ้างเหมาบริการ"
LINK = "/announcements/hiring/"  # search highlights words of the title, so look for its link
SEARCH = "/search/?" + urllib.parse.urlencode({"q": "พนักงาน"})


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.read().decode()


def test_a_section_made_private_elsewhere_leaves_search_and_feed_at_once(tmp_path):
    env = faults.database(tmp_path)
    env.pop("REDIS_URL", None)
    faults.python(env, TREE)
    servers = []
    try:
        for _ in range(2):
            port = faults.free_port()
            server = faults.start(env, "runserver", f"127.0.0.1:{port}", "--noreload")
            faults.wait_for_line(server, "Quit the server", 120)
            servers.append((port, server))
        (first, _), (second, _) = servers
        for port in (first, second):  # both have served and cached the section
            assert LINK in fetch(port, SEARCH)
            assert TITLE in fetch(port, "/feeds/announcements/rss/")
            assert "0 5600 0000" in fetch(port, "/")

        faults.python(env, MAKE_PRIVATE)  # a third process: its signals reach no other
        faults.python(env, NEW_PHONE)
        for port in (first, second):
            for _ in range(10):
                assert LINK not in fetch(port, SEARCH)
                assert TITLE not in fetch(port, "/feeds/announcements/rss/")
                assert LINK not in fetch(port, "/announcements/")
        waited = faults.wait_until(
            lambda: all("0 5699 9999" in fetch(port, "/") for port in (first, second)),
            PROCESS_CACHE_SECONDS + 15,
            every=2,
        )
        assert waited <= PROCESS_CACHE_SECONDS + 5
    finally:
        for _port, server in servers:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(10)
            except Exception:
                server.kill()
