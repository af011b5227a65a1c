"""Visit every live public page, in every language, through the site's own request handling
(Django's test client: URL routing, middleware, templates, as a citizen's request), and check
the links, documents and images each page shows.

Links inside a page's ``<main>`` belong to that page; the header and footer are the same on
every page, so their links are checked once per language, on the home page.
"""

import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.http.request import validate_host
from django.test import Client
from django.urls import Resolver404, resolve
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from core.queries import public
from oversight.findings import Observation
from oversight.models import Finding, FindingKind

SKIPPED_SCHEMES = {"mailto", "tel", "sms", "javascript", "data", "fax"}
MAX_REDIRECTS = 5
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")


class LinkParser(HTMLParser):
    """``(tag, url, in_main)`` for every ``<a href>`` and ``<img src>`` of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.main_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.main_depth += 1
        attribute = {"a": "href", "img": "src"}.get(tag)
        if attribute:
            value = dict(attrs).get(attribute)
            if value and value.strip():
                self.links.append((tag, value.strip(), self.main_depth > 0))

    def handle_endtag(self, tag):
        if tag == "main" and self.main_depth:
            self.main_depth -= 1


def request_host():
    """A host name the site answers to (``ALLOWED_HOSTS``), the default site's if it does."""
    site = Site.objects.filter(is_default_site=True).first()
    allowed = settings.ALLOWED_HOSTS or ["localhost"]
    if site is not None and validate_host(site.hostname, allowed):
        return site.hostname
    for host in allowed:
        host = host.lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


@dataclass
class CrawlResult:
    observations: list = field(default_factory=list)
    visited_page_ids: set = field(default_factory=set)
    external_links: dict = field(default_factory=dict)  # url -> {(page_id, page_url)}
    pages_checked: int = 0
    links_checked: int = 0
    complete: bool = False
    store_error: str = ""  # the file store did not answer: its files are unknown, not missing


class StoreUnreachable(Exception):
    """The file store did not answer: whether a file is there is not known."""


def stored(name):
    try:
        return default_storage.exists(name)
    except OSError as error:  # portal.storage raises the store's failures as OSError
        raise StoreUnreachable(str(error)) from error


@dataclass
class LinkUse:
    page_id: int
    page_url: str
    tag: str


class Crawler:
    def __init__(self, client=None, host=None, deadline=None, progress=None):
        self.host = host or request_host()
        self.client = client or Client(raise_request_exception=False, HTTP_HOST=self.host)
        self.deadline = deadline
        self.progress = progress
        self.internal_hosts = {self.host, *Site.objects.values_list("hostname", flat=True)}
        self.result = CrawlResult()
        self.page_status = {}  # path -> HTTP status of the pages visited
        self.internal_links = {}  # path (with query) -> [LinkUse]

    def out_of_time(self):
        return self.deadline is not None and time.monotonic() > self.deadline

    # --- visiting pages ------------------------------------------------------------------------

    @staticmethod
    def live_pages():
        """``[(page_id, path, depth)]`` of the live public pages of every language."""
        pages = public(Page.objects.live().filter(depth__gt=1)).order_by("path")
        result = []
        for page in pages.select_related("locale"):
            url = page.get_url()
            if url:
                result.append((page.pk, urlsplit(url).path, page.depth))
        return result

    def get(self, path):
        """The response to a GET of ``path`` as HTTPS (as production serves it)."""
        response = self.client.get(path, secure=True)
        if response.streaming:
            for _chunk in response.streaming_content:  # closes it the way a server would
                pass
        return response

    def visit(self, page_id, path, depth):
        try:
            response = self.get(path)
        except Exception as error:  # raised outside the view (middleware, URL routing)
            self.report(FindingKind.PAGE_ERROR, page_id, path, path, f"{type(error).__name__}")
            self.page_status[path] = 500
            return
        self.page_status[path] = response.status_code
        if response.status_code >= 400:
            self.report(
                FindingKind.PAGE_ERROR,
                page_id,
                path,
                path,
                f"หน้านี้ตอบกลับด้วยรหัส HTTP {response.status_code} "
                f"(The page answered HTTP {response.status_code})",
            )
            return
        if "html" not in response.get("Content-Type", ""):
            return
        parser = LinkParser()
        parser.feed(response.content.decode(response.charset or "utf-8", errors="replace"))
        for tag, href, in_main in parser.links:
            if in_main or depth == 2:  # the frame's links once, on each language's home page
                self.collect(page_id, path, tag, href)

    def collect(self, page_id, page_path, tag, href):
        absolute = urljoin(f"https://{self.host}{page_path}", href)
        parts = urlsplit(absolute)
        if parts.scheme in SKIPPED_SCHEMES or parts.scheme not in ("http", "https"):
            return
        if parts.hostname and parts.hostname not in self.internal_hosts:
            url = parts._replace(fragment="").geturl()
            self.result.external_links.setdefault(url, set()).add((page_id, page_path))
            return
        path = parts.path or "/"
        if parts.query:
            path = f"{path}?{parts.query}"
        self.internal_links.setdefault(path, []).append(LinkUse(page_id, page_path, tag))

    # --- checking internal links ---------------------------------------------------------------

    def check_internal(self, path):
        """``(ok, reason, kind)`` for an internal link."""
        plain = unquote(urlsplit(path).path)
        if plain.startswith(settings.MEDIA_URL):
            name = plain[len(settings.MEDIA_URL) :]
            kind = (
                FindingKind.MISSING_IMAGE
                if name.lower().endswith(IMAGE_EXTENSIONS)
                or name.startswith("images/")
                or name == "not-found"
                else FindingKind.MISSING_DOCUMENT
            )
            return stored(name), "ไม่พบไฟล์ (file not found)", kind
        if plain.startswith(settings.STATIC_URL):
            name = plain[len(settings.STATIC_URL) :]
            found = staticfiles_storage.exists(name) or finders.find(name) is not None
            return found, "ไม่พบไฟล์ (file not found)", FindingKind.BROKEN_LINK
        try:
            match = resolve(plain)
        except Resolver404:
            match = None
        if match is not None and match.url_name == "wagtaildocs_serve":
            return self.check_document(*match.args, **match.kwargs)
        status = self.page_status.get(path)
        hops = 0
        while status is None:
            response = self.get(path)
            status = response.status_code
            if status in (301, 302, 303, 307, 308) and hops < MAX_REDIRECTS:
                location = urlsplit(urljoin(f"https://{self.host}{path}", response["Location"]))
                if location.hostname and location.hostname not in self.internal_hosts:
                    return True, "", FindingKind.BROKEN_LINK  # goes to another site
                path = location.path + (f"?{location.query}" if location.query else "")
                status = self.page_status.get(path)
                hops += 1
        return status < 400, f"HTTP {status}", FindingKind.BROKEN_LINK

    @staticmethod
    def check_document(document_id, document_filename):
        """Wagtail's document view checks, without sending the file (nor counting a download)."""
        document = get_document_model().objects.filter(pk=int(document_id)).first()
        if document is None:
            return False, "เอกสารถูกลบแล้ว (document deleted)", FindingKind.MISSING_DOCUMENT
        if document.filename != document_filename or not stored(document.file.name):
            return False, "ไม่พบไฟล์เอกสาร (file not found)", FindingKind.MISSING_DOCUMENT
        return True, "", FindingKind.MISSING_DOCUMENT

    # --- the whole crawl -----------------------------------------------------------------------

    def report(self, kind, page_id, page_url, target, detail):
        self.result.observations.append(
            Observation(
                kind=kind,
                page_id=page_id,
                source=Finding.Source.CRAWL,
                target=target,
                detail=detail,
                url=page_url,
            )
        )

    def run(self, pages=None):
        pages = self.live_pages() if pages is None else pages
        total = len(pages)
        for done, (page_id, path, depth) in enumerate(pages, start=1):
            if self.out_of_time():
                return self.result
            self.visit(page_id, path, depth)
            self.result.visited_page_ids.add(page_id)
            self.result.pages_checked = done
            if self.progress:
                self.progress("pages", done, total)
        # Links are checked after every page is visited: a link to a page reuses its visit.
        links = sorted(self.internal_links.items())
        visited = self.result.visited_page_ids
        for done, (path, uses) in enumerate(links, start=1):
            if self.out_of_time():
                # Pages whose links were not all checked cannot close their findings.
                for _path, later_uses in links[done - 1 :]:
                    visited.difference_update(use.page_id for use in later_uses)
                return self.result
            try:
                ok, reason, kind = self.check_internal(path)
            except StoreUnreachable as error:
                # Reported once; the findings of the pages using these files stay as they were.
                self.result.store_error = self.result.store_error or str(error)
                visited.difference_update(use.page_id for use in uses)
                continue
            except Exception as error:  # a broken target must not stop the check
                ok, reason, kind = False, type(error).__name__, FindingKind.BROKEN_LINK
            self.result.links_checked = done
            if not ok:
                if kind == FindingKind.BROKEN_LINK and any(use.tag == "img" for use in uses):
                    kind = FindingKind.MISSING_IMAGE
                for use in uses:
                    self.report(kind, use.page_id, use.page_url, path, reason)
            if self.progress:
                self.progress("links", done, len(links))
        if self.result.store_error:
            self.report(FindingKind.STORE_UNREACHABLE, None, "", "media", self.result.store_error)
        else:
            self.result.complete = True
        return self.result
