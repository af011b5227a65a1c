"""Hostile input never gives a 5xx: every public address (Wagtail's pages of the demo site, one
per page type and language, with their routable sub-pages, and every route of the URLconf
outside the admin) is asked with NUL bytes, huge numbers, invalid UTF-8, search syntax,
very long values and wrong types, in its path and in every query parameter it reads. The
parameters are found, not listed: the names the project's code reads from ``request.GET``,
the fields of the page's GET forms and the query keys of its links, and the API's
``known_query_parameters``. Run with DATABASE_URL for PostgreSQL, which refuses NUL bytes
and numbers past bigint where SQLite does not."""

import ast
import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlsplit

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from search.api import PortalDocumentsAPIViewSet, PortalImagesAPIViewSet, PortalPagesAPIViewSet

HUGE = "9" * 30
VALUES = {
    "nul": "%00",
    "huge": HUGE,
    "huge negative": "-" + HUGE,
    "float overflow": "1e309",
    "invalid utf-8": "%FF%FE%C3%28",
    "search syntax": quote("\"( * : ^ - NEAR OR AND \\ ~ ' ) ` |"),
    "very long": quote("ก" * 300),
    "wrong type": quote("[]{}"),
    "empty": "",
}
PATH_VALUES = {"int": ["1", HUGE], "other": ["x", "%FF%FE", quote("ก" * 300), "%00"]}


def code_parameters():
    """The names the project's own code reads from a query string (``request.GET``)."""
    names = set()
    base = Path(settings.BASE_DIR)
    for path in base.glob("*/**/*.py"):
        if {".venv", "tests", "migrations"} & set(path.parts) or "site-packages" in str(path):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                func = node.func
                if isinstance(func, ast.Attribute) and func.attr in ("get", "getlist"):
                    target = func.value
                    if isinstance(target, ast.Attribute) and target.attr == "GET":
                        names.add(node.args[0].value)
            if isinstance(node, ast.Call) and len(node.args) >= 2:
                first, second = node.args[0], node.args[1]
                if (
                    isinstance(first, ast.Attribute)
                    and first.attr == "GET"
                    and isinstance(second, ast.Constant)
                    and isinstance(second.value, str)
                ):
                    names.add(second.value)
    return sorted(name for name in names if isinstance(name, str))


class PageParameters(HTMLParser):
    """The query parameters a rendered page offers: its GET forms' fields, its links' keys."""

    def __init__(self):
        super().__init__()
        self.names, self.in_get_form = set(), False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif tag in ("input", "select", "textarea") and self.in_get_form and attrs.get("name"):
            self.names.add(attrs["name"])
        elif tag == "a" and "?" in (attrs.get("href") or ""):
            self.names.update(key for key, _ in parse_qsl(urlsplit(attrs["href"]).query))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False


def sample_paths(route):
    """Paths for a route of the URLconf, its parameters filled with ordinary and hostile
    values."""
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\\d\+\)", "<int:id>", route)
    route = re.sub(r"\(\.\*\)", "<str:name>", route)
    parts = re.split(r"(<[^>]+>)", route)
    paths = [""]
    for part in parts:
        if part.startswith("<"):
            kind = "int" if part.startswith("<int:") else "other"
            paths = [p + value for p in paths for value in PATH_VALUES[kind]]
        else:
            paths = [p + part for p in paths]
    return ["/" + p for p in paths]


def urlconf_routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if isinstance(pattern.pattern, LocalePrefixPattern):
                for language in ("", "en/"):
                    yield from urlconf_routes(pattern.url_patterns, prefix + language)
                continue
            route = prefix + str(pattern.pattern)
            if not route.startswith("admin/"):
                yield from urlconf_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and pattern.name != "wagtail_serve":
            yield prefix + str(pattern.pattern)


def page_paths():
    """One live public page of each type in each language, and its routable sub-pages."""
    seen, paths = set(), []
    for page in Page.objects.live().public().specific().order_by("path"):
        key = (type(page), page.locale_id)
        url = page.url
        if key in seen or url is None:  # None: outside every site, not served
            continue
        seen.add(key)
        paths.append(url)
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_subpage_urls():
                for path in sample_paths(str(pattern.pattern)):
                    paths.append(url.rstrip("/") + path)
    return paths


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with override_settings(DEBUG=True):
            call_command("load_demo_content", stdout=StringIO())

    def setUp(self):
        self.client.raise_request_exception = False
        self.failures = []

    def ask(self, path, query=""):
        response = self.client.get(path + ("?" + query if query else ""))
        if response.status_code >= 500:
            self.failures.append(f"{response.status_code} {path}?{query}"[:160])
        return response

    def assert_no_failures(self):
        self.assertEqual(
            self.failures, [], f"{len(self.failures)} × 5xx:\n" + "\n".join(self.failures[:60])
        )

    def test_pages_and_their_query_parameters(self):
        read_by_code = code_parameters()
        self.assertIn("category", read_by_code)  # the complaint form's ?category=
        paths = page_paths()
        self.assertGreater(len({path for path in paths if path.startswith("/en/")}), 20)
        for path in paths:
            response = self.ask(path)
            finder = PageParameters()
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                finder.feed(response.content.decode())
            names = sorted(set(read_by_code) | finder.names)
            for value in VALUES.values():
                # Every name the code reads and the page offers, at once.
                self.ask(path, "&".join(f"{quote(name)}={value}" for name in names))
        self.assert_no_failures()

    def test_every_route_and_the_api_parameters(self):
        for route in urlconf_routes():
            for path in sample_paths(route):
                self.ask(path)
        endpoints = {
            "pages": (PortalPagesAPIViewSet, Page),
            "images": (PortalImagesAPIViewSet, PortalImagesAPIViewSet.model),
            "documents": (PortalDocumentsAPIViewSet, PortalDocumentsAPIViewSet.model),
        }
        for endpoint, (viewset, model) in endpoints.items():
            fields = viewset.get_available_fields(model, db_fields_only=True)
            for name in sorted(set(viewset.known_query_parameters) | set(fields)):
                for value in VALUES.values():
                    self.ask(f"/api/v2/{endpoint}/", f"{quote(name)}={value}")
                    self.ask(f"/api/v2/{endpoint}/", f"search=a&{quote(name)}={value}")
        self.assert_no_failures()
