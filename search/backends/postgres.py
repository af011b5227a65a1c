"""PostgreSQL full-text search with Thai queries and titles ranked first."""

from django.db.models import BooleanField, ExpressionWrapper, F, Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, PlainText

from search.backends.common import ThaiQueryMixin

# Thai words come to PostgreSQL already cut and normalised (``search.text``): the ``simple``
# configuration indexes them as they are, where ``english`` would stem the English ones.
SEARCH_CONFIG = "simple"


class ThaiPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Wagtail's PostgreSQL query compiler, with pages whose title holds a word of the query
    ranked above those that hold them in the body only (as on SQLite, see ``sqlite.py``)."""

    def search(self, config, start, stop, score_field=None, backend=None):
        self._config = config
        return super().search(config, start, stop, score_field=score_field, backend=backend)

    def _apply_ordering_and_scoring(self, queryset, rank_expression, start, stop, score_field=None):
        if self.order_by_relevance and self.fields is None and not isinstance(self.query, Fuzzy):
            # A title "matches" when it holds any word of the query, as on SQLite.
            title_query = self.query
            if isinstance(title_query, PlainText):
                title_query = PlainText(title_query.query_string, operator="or")
            tsquery = self.build_tsquery(title_query, config=self._config)
            in_title = ExpressionWrapper(
                Q(index_entries__title=tsquery), output_field=BooleanField()
            )
            queryset = queryset.annotate(_title_match=in_title).order_by(
                F("_title_match").desc(), rank_expression.desc(), "-pk"
            )
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: rank_expression})
            return queryset[start:stop]
        return super()._apply_ordering_and_scoring(
            queryset, rank_expression, start, stop, score_field=score_field
        )


class ThaiPostgresSearchBackend(ThaiQueryMixin, PostgresSearchBackend):
    query_compiler_class = ThaiPostgresSearchQueryCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})


SearchBackend = ThaiPostgresSearchBackend
