"""SQLite FTS5 search with Thai queries, titles ranked first, and ranking in one pass.

Wagtail's SQLite backend ranks results with a correlated subquery per matching page, which runs
the full-text match again for every row: fine for a few hundred pages, seconds for a common
word among 20,000 notices. Here the ranking starts from the FTS table instead: one ``MATCH``
gives every matching entry with its ``bm25()`` score and whether the title matched, restricted
to the pages of the searched queryset, ordered and sliced in SQL; the pages of the slice are then
loaded by id. Searches that are not ordered by relevance keep Wagtail's plan (the queryset's own
ordering, with the matches as an ``IN`` subquery).
"""

from django.db import connection
from django.db.models import FloatField, Func, IntegerField
from django.db.models.functions import Cast, Round
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.conf import get_app_config
from modelsearch.query import MatchAll, Not

from thai.backends.common import (
    RankedResultsMixin,
    ThaiQueryMixin,
    boosted,
    descendant_content_types,
    newest_among_equals,
    thai_index_class,
)

SQLiteFTSIndexEntry = get_app_config().get_model("SQLiteFTSIndexEntry", require_ready=False)
FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table

# bm25() weights of the FTS table's columns, in their order: autocomplete, body, title.
COLUMN_WEIGHTS = (1.0, 1.0, 4.0)
TITLE_ONLY = (0.0, 0.0, 1.0)


class BM25(Func):
    """FTS5's bm25() with a weight per column: negative for a match (lower is better), and
    0 when no query word is in a column of non-zero weight."""

    output_field = FloatField()

    def __init__(self, weights):
        self.weights = weights
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(float(weight)) for weight in self.weights)
        return f"bm25({FTS_TABLE}, {weights})", []


class ThaiSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    """Wagtail's SQLite query compiler, ranking from the FTS table (see the module doc) with
    pages whose title holds a word of the query above those that hold them in the body only
    (as on PostgreSQL, see ``postgres.py``)."""

    def _prepared(self, config):
        """``(matches, negated)``: the FTS entries matching the query among the searched
        model's entries, or None when the query matches everything or nothing."""
        query = normalize(self.query)
        if isinstance(query, MatchAll) or (
            isinstance(query, Not) and isinstance(query.subquery, MatchAll)
        ):
            return None, query
        negated = isinstance(query, Not)
        search_query = self.build_search_query(query.subquery if negated else query, config)
        columns = list(self.fields or self.FTS_TABLE_FIELDS)
        matches = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(columns, search_query),
            index_entry__content_type__in=descendant_content_types(self.queryset.model),
        )
        return matches, negated

    def ranked(self, config):
        """The matching pages' ids, best first, as a queryset of FTS entries (``object_pk``),
        or None when Wagtail's own plan applies."""
        matches, negated = self._prepared(config)
        if matches is None or negated or not self.order_by_relevance:
            return None
        columns = self.fields or self.FTS_TABLE_FIELDS
        title_weights = TITLE_ONLY if "title" in columns and len(columns) > 1 else (0, 0, 0)
        entries = matches.annotate(
            object_pk=Cast("index_entry__object_id", IntegerField()),
            _score=BM25(COLUMN_WEIGHTS),
            _title_score=BM25(title_weights),
        ).filter(object_pk__in=self.queryset.values("pk"))
        # Scores a tenth apart are equals (pages alike but for their dates and numbers): the
        # newest of them first.
        entries, newest = newest_among_equals(entries, self, "index_entry__content_type_id")
        return boosted(
            entries,
            "index_entry__content_type_id",
            descendant_content_types(self.queryset.model),
            Round("_title_score", 1).asc(),
            Round("_score", 1).asc(),
            *newest,
        )

    def search(self, config, start, stop, score_field=None):
        """Wagtail's plan, for searches not ordered by relevance (and for negated queries)."""
        matches, negated = self._prepared(config)
        if matches is None:
            if isinstance(negated, MatchAll):
                return self.queryset[start:stop]
            return self.queryset.none()
        object_ids = matches.values("index_entry__object_id")
        if negated:
            queryset = self.queryset.exclude(pk__in=object_ids)
        else:
            queryset = self.queryset.filter(pk__in=object_ids)
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class ThaiSQLiteSearchResults(RankedResultsMixin, SQLiteSearchResults):
    """Results ranked from the FTS table (``ThaiSQLiteSearchQueryCompiler.ranked``): every
    match's id and score, counted in Python (FTS5's ``bm25()`` cannot be used beside the
    window function that counts them in the query)."""

    ranks_ahead = False


class ThaiSQLiteAutocompleteQueryCompiler(
    ThaiSQLiteSearchQueryCompiler, SQLiteAutocompleteQueryCompiler
):
    """Autocomplete (the last word as a prefix) in the ``autocomplete`` column, ranked the
    same way."""


class ThaiSQLiteSearchBackend(ThaiQueryMixin, SQLiteSearchBackend):
    query_compiler_class = ThaiSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ThaiSQLiteAutocompleteQueryCompiler
    results_class = ThaiSQLiteSearchResults
    index_class = thai_index_class(SQLiteSearchBackend.index_class)

    def vocabulary_rows(self):
        """The FTS table's terms and the number of entries holding each, through an
        ``fts5vocab`` table (in the connection's temporary schema: nothing to migrate)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.thai_search_vocabulary "
                f"USING fts5vocab(main, {FTS_TABLE}, 'row')"
            )
            cursor.execute("SELECT term, doc FROM temp.thai_search_vocabulary")
            return cursor.fetchall()


SearchBackend = ThaiSQLiteSearchBackend
