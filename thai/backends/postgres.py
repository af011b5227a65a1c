"""PostgreSQL full-text search with Thai queries, titles ranked first, and index-driven matching.

Wagtail's PostgreSQL backend matches ``title || body`` against the query: no index can answer
that, so every page's two vectors are read, joined and tested (a second on 20,000 notices), and
it ranks every match with ``ts_rank`` on both vectors. Here a plain query is matched word by
word (each word in the title or in the body), which the entries' GIN indexes answer, and
ranked from the index table in one query: pages whose title holds a word of the query first,
then by ``ts_rank`` of the title, then newest first (by the date the search asks for) (ranking the large body vectors of every
match would double the time of a common word; SQLite ranks the body too, with its cheap BM25).
Other queries (phrases, negations, fields, fuzzy) keep Wagtail's plan.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Func, IntegerField, Q
from django.db.models.functions import Cast, Round
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.conf import get_app_config
from modelsearch.query import PlainText

from thai.backends.common import (
    RankedResultsMixin,
    ThaiQueryMixin,
    boosted,
    descendant_content_types,
    newest_among_equals,
    thai_index_class,
)

# Thai words come to PostgreSQL already cut and normalised (``thai.text``): the ``simple``
# configuration indexes them as they are, where ``english`` would stem the English ones.
SEARCH_CONFIG = "simple"
IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


class Hashed(Func):
    """``(<condition>) IS TRUE``: PostgreSQL turns a plain ``x IN (subquery)`` into a join and
    picks its order from the statistics. On a freshly loaded database (no statistics of the
    loaded rows) it guessed the searched pages to be a few and read every index entry once per
    page (1.4 s for 300 notices). Wrapped, the condition stays a sub-plan that runs once into
    a hash table, which each matching entry is looked up in: the same plan whatever the
    statistics say."""

    template = "(%(expressions)s) IS TRUE"
    output_field = BooleanField()
    conditional = True


class ThaiPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Wagtail's PostgreSQL query compiler, ranking plain queries from the index table (see
    the module doc); pages whose title holds a word of the query come first, as on SQLite."""

    def _plain_words(self):
        if self.fields is not None or not isinstance(self.query, PlainText):
            return None
        return self.query.query_string.split() or None

    def _word_query(self, word, config):
        return SearchQuery(Lexeme(word), search_type="raw", config=config)

    def _matching_entries(self, words, config):
        """The index entries of the searched model holding every word (or, for the ``or``
        operator, any word) in their title or body: GIN index scans, no vector is joined."""
        condition = None
        for word in words:
            query = self._word_query(word, config)
            in_entry = Q(title=query) | Q(body=query)
            if condition is None:
                condition = in_entry
            elif self.query.operator == "and":
                condition &= in_entry
            else:
                condition |= in_entry
        # The page types are tested on ``content_type_id + 0``: the planner would otherwise
        # walk the content type index (every page type, so every entry) and read each
        # entry's vectors, instead of asking the GIN indexes for the few that hold the words.
        return (
            IndexEntry._default_manager.alias(_content_type=F("content_type_id") + 0)
            .filter(
                condition,
                _content_type__in=descendant_content_types(self.queryset.model),
            )
            .annotate(object_pk=Cast("object_id", IntegerField()))
        )

    def ranked(self, config):
        words = self._plain_words()
        if words is None or not self.order_by_relevance:
            return None
        any_word = self.build_tsquery(PlainText(" ".join(words), operator="or"), config=config)
        all_words = self.build_tsquery(self.query, config=config)
        entries = (
            self._matching_entries(words, config)
            .filter(
                Hashed(
                    ExpressionWrapper(
                        Q(object_pk__in=self.queryset.values("pk")), output_field=BooleanField()
                    )
                )
            )
            .annotate(
                _title_match=ExpressionWrapper(Q(title=any_word), output_field=BooleanField()),
                _score=SearchRank(F("title"), all_words) * F("title_norm"),
            )
        )
        entries, newest = newest_among_equals(entries, self)
        return boosted(
            entries,
            "content_type_id",
            descendant_content_types(self.queryset.model),
            F("_title_match").desc(),
            # Scores a hundredth apart are equals (the title's length weighs in through
            # ``title_norm``): the newest of them first.
            Round("_score", 2).desc(),
            *newest,
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        """Wagtail's plan, for searches not ranked here; plain queries are first narrowed to
        the pages whose entries hold their words (found through the GIN indexes)."""
        words = self._plain_words()
        if words is not None:
            matching = self._matching_entries(words, config).values("object_pk")
            self.queryset = self.queryset.filter(pk__in=matching)
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class ThaiPostgresSearchResults(RankedResultsMixin, PostgresSearchResults):
    """Results ranked from the index table (``ThaiPostgresSearchQueryCompiler.ranked``)."""


class ThaiPostgresSearchBackend(ThaiQueryMixin, PostgresSearchBackend):
    query_compiler_class = ThaiPostgresSearchQueryCompiler
    results_class = ThaiPostgresSearchResults
    index_class = thai_index_class(PostgresSearchBackend.index_class)

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})

    def vocabulary_rows(self):
        """The index's words (lexemes of the title and body vectors) and the number of
        entries holding each, through ``ts_stat``."""
        table = connection.ops.quote_name(IndexEntry._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT word, ndoc FROM ts_stat('SELECT title || body FROM {table}')")
            return cursor.fetchall()


SearchBackend = ThaiPostgresSearchBackend
