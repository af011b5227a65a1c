"""Helpers shared by the test modules."""

import re

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

QUERY_BUDGET = 12  # the most SQL queries any public page may run


def count_queries(client, url):
    """Serve ``url`` once to warm per-process caches, then count the queries of a second visit.
    The cache is emptied first: an entry kept from earlier in the test could expire (after
    ``PROCESS_CACHE_SECONDS``) between the two visits on a slow machine, and cost a query."""
    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


THAI_SCRIPT = re.compile("[\u0e00-\u0e7f]")


def thai_text_not_marked(html, selector="main, nav, footer"):
    """The Thai-script texts of ``html`` inside ``selector`` whose nearest ``lang`` is not
    Thai (WCAG 3.1.2 on a page served in another language): ``[]`` when every one is marked."""
    soup = BeautifulSoup(html, "html.parser")
    texts = {
        id(text): text
        for part in soup.select(selector)
        for text in part.find_all(string=THAI_SCRIPT)
    }
    found = []
    for text in texts.values():
        marked = text.find_parent(lambda tag: tag.has_attr("lang"))
        if marked is None or marked["lang"] != "th":
            found.append(text.strip())
    return found
