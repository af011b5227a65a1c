from django.apps import AppConfig


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
