"""Helpers shared by the test modules."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

QUERY_BUDGET = 12  # the most SQL queries any public page may run


def count_queries(client, url):
    """Serve ``url`` once to warm per-process caches, then count the queries of a second visit."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)
