from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def analyze_after_migrate(using="default", **kwargs):
    """On PostgreSQL, refresh the planner's statistics after ``migrate``: a database loaded
    from a dump or freshly built is otherwise planned as if its tables were empty or huge
    until autovacuum comes by (the search's queries cost 10⁴ times more, issue 22)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "ค้นหา (Search)"

    def ready(self):
        from search import (
            checks,  # noqa: F401 (registers the check)
            synonyms,
        )
        from search.results import connect_signals

        connect_signals()
        synonyms.connect_signals()
        post_migrate.connect(analyze_after_migrate, sender=self, dispatch_uid="search-analyze")
