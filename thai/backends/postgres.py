"""PostgreSQL full-text search with Thai queries, titles ranked first, and index-driven matching.

Wagtail's PostgreSQL backend matches ``title || body`` against the query: no index can answer
that, so every page's two vectors are read, joined and tested (a second on 20,000 notices), and
it ranks every match with ``ts_rank`` on both vectors. Here a plain query, or an ``And`` /
``Or`` of plain queries (a query with synonyms, ``search.synonyms``), is matched word by word
(each word in the title or in the body), which the entries' GIN indexes answer, and
ranked from the index table in one query: pages whose title holds a word of the query first,
then by ``ts_rank`` of the title, then newest first (by the date the search asks for) (ranking the large body vectors of every
match would double the time of a common word; SQLite ranks the body too, with its cheap BM25).
Other queries (phrases, negations, fields, fuzzy) keep Wagtail's plan, which matched a query
with synonyms against every searched page's ``title || body`` (0.6–0.9 s at 20,000 notices).
"""

import re

from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db import connection
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Q,
)
from django.db.models.functions import Cast, Round
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.conf import get_app_config
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_content_type_pk

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
# A parameter's placeholder, or a percent sign written twice, in Django's compiled SQL.
PLACEHOLDER = re.compile("(%s|%%)")


class Hashed(Func):
    """``(<condition>) IS TRUE``: PostgreSQL turns a plain ``x IN (subquery)`` into a join and
    picks its order from the statistics. On a freshly loaded database (no statistics of the
    loaded rows) it guessed the searched pages to be a few and read every index entry once per
    page (1.4 s for 300 notices). Wrapped, the condition stays a sub-plan that runs once into
    a hash table, which each matching entry is looked up in: the same plan whatever the
    statistics say. (Written ``EXISTS``, PostgreSQL may instead run the sub-plan once per
    matching entry, planned without statistics: through the API, whose searched pages are
    those below the site's root page, it walked the pages' path index for each entry, 80 s for
    a common word at 20,000 notices.)"""

    template = "(%(expressions)s) IS TRUE"
    output_field = BooleanField()
    conditional = True


class TitleAndBody(Func):
    """An index entry's ``title || body``, written as the GIN index on it is (migration
    ``thai.0002``), so that the planner uses it."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("title"), F("body"))


class ThaiPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Wagtail's PostgreSQL query compiler, ranking plain queries from the index table (see
    the module doc); pages whose title holds a word of the query come first, as on SQLite."""

    def _words(self, query):
        """The words of ``query``, a plain query or an ``And``/``Or`` of them (what
        ``search.synonyms`` makes), in order; None for any other query (phrases, negations,
        fuzzy) or a search in named fields."""
        if self.fields is not None:
            return None
        if isinstance(query, PlainText):
            return query.query_string.split() or None
        if isinstance(query, (And, Or)) and query.subqueries:
            words = [self._words(subquery) for subquery in query.subqueries]
            if any(part is None for part in words):
                return None
            return [word for part in words for word in part]
        return None

    def _matching_entries(self, config):
        """The index entries of the searched model matching the query in their title or
        body, as Wagtail matches it (``title || body``), found through the GIN index on that
        expression (migration ``thai.0002``): one index condition, so no row is read again to
        test a part of the query, whether or not the planner has statistics."""
        # The page types are tested on ``content_type_id + 0``: the planner would otherwise
        # walk the content type index (every page type, so every entry) and read each
        # entry's vectors, instead of asking the GIN index for the few that hold the words.
        return (
            IndexEntry._default_manager.alias(
                _content_type=F("content_type_id") + 0, _text=TitleAndBody()
            )
            .filter(
                _text=self.build_tsquery(self.query, config=config),
                _content_type__in=descendant_content_types(self.queryset.model),
            )
            .annotate(object_pk=Cast("object_id", IntegerField()))
        )

    def ranked(self, config):
        words = self._words(self.query)
        if words is None or not self.order_by_relevance:
            return None
        any_word = self.build_tsquery(
            PlainText(" ".join(dict.fromkeys(words)), operator="or"), config=config
        )
        all_words = self.build_tsquery(self.query, config=config)
        entries = (
            self._matching_entries(config)
            .filter(
                Hashed(
                    ExpressionWrapper(
                        Q(object_pk__in=self.queryset.values("pk")), output_field=BooleanField()
                    )
                )
            )
            .annotate(
                _title_match=ExpressionWrapper(Q(title=any_word), output_field=BooleanField()),
                # Scores a hundredth apart are equals (the title's length weighs in through
                # ``title_norm``): the newest of them first. The rounded score is selected and
                # the ordering names it, so that each entry's title is ranked once: reading a
                # title vector (kept compressed) is most of the cost of ranking a match.
                _score=Round(SearchRank(F("title"), all_words) * F("title_norm"), 2),
            )
        )
        entries, newest = newest_among_equals(entries, self, "content_type_id")
        return boosted(
            entries,
            "content_type_id",
            descendant_content_types(self.queryset.model),
            F("_title_match").desc(),
            F("_score").desc(),
            *newest,
            counted=True,
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        """Wagtail's plan, for searches not ranked here; plain queries are first narrowed to
        the pages whose entries hold their words (found through the GIN indexes)."""
        if self._words(self.query) is not None:
            matching = self._matching_entries(config).values("object_pk")
            self.queryset = self.queryset.filter(pk__in=matching)
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class ThaiPostgresSearchResults(RankedResultsMixin, PostgresSearchResults):
    """Results ranked from the index table (``ThaiPostgresSearchQueryCompiler.ranked``)."""


class VectorTemplates:
    """The SQL of the search vectors modelsearch's ``ObjectIndexer.as_vector`` makes, compiled
    once per shape (the weights of the texts, whether for autocomplete) with stand-ins for the
    texts; each object's vector is then that SQL with its own texts as parameters. modelsearch
    builds and compiles Django expressions (a ``SearchVector`` of a ``Value`` per text, added
    together) for every text of every object: four fifths of the time of indexing a notice."""

    def __init__(self):
        self.compiled = {}

    def sql(self, indexer, texts, for_autocomplete):
        """``(sql, params)`` of ``indexer.as_vector(texts, for_autocomplete)``."""
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        shape = (for_autocomplete, tuple(weight for _text, weight in texts))
        if shape not in self.compiled:
            self.compiled[shape] = self.compile(indexer, shape)
        sql, slots = self.compiled[shape]
        return sql, [texts[slot][0] for slot in slots]

    def compile(self, indexer, shape):
        """``(sql, slots)``: the parameters are the ``slot``th text of each slot."""
        for_autocomplete, weights = shape
        stand_ins = [f"<text {number} of {len(weights)}>" for number in range(len(weights))]
        vector = ObjectIndexer.as_vector(
            indexer, list(zip(stand_ins, weights, strict=True)), for_autocomplete
        )
        connection = indexer.connection
        compiler = InsertQuery(IndexEntry).get_compiler(connection=connection)
        value = compiler.prepare_value(IndexEntry._meta.get_field("body"), vector)
        sql, params = value.as_sql(compiler, connection)
        # The parameters other than the texts (the configuration, the weights) written into
        # the SQL as literals: a statement of 500 objects has a quarter of the parameters for
        # the driver to quote and the statement's text to parse.
        parts, params = iter(PLACEHOLDER.split(sql)), iter(params)
        sql, slots = [next(parts)], []
        for placeholder, text in zip(parts, parts, strict=True):
            if placeholder == "%s":
                param = next(params)
                if param in stand_ins:
                    slots.append(stand_ins.index(param))
                    placeholder = "%s"
                else:
                    placeholder = connection.ops.compose_sql("%s", [param]).replace("%", "%%")
            sql += [placeholder, text]
        return "".join(sql), slots


class CompiledIndexer(ObjectIndexer):
    """modelsearch's ``ObjectIndexer`` (which values go to which column) whose vectors are
    ``(sql, params)`` from ``VectorTemplates``."""

    def __init__(self, obj, backend, templates, connection):
        super().__init__(obj, backend)
        self.templates = templates
        self.connection = connection

    def as_vector(self, texts, for_autocomplete=False):
        return self.templates.sql(self, texts, for_autocomplete)


class VectorsCompiledOnceIndex(PostgresIndex):
    """modelsearch's PostgreSQL index writing the same entries with its statement
    (``PostgresIndex.add_items``, the title norm written with the entries where known), each vector's SQL compiled once per shape
    (``VectorTemplates``) instead of once per object: a notice is indexed in a fifth of the
    time. ``tests/test_upgrading.py`` compares the entries with modelsearch's own."""

    def __init__(self, backend):
        super().__init__(backend)
        self.templates = VectorTemplates()

    def title_average(self):
        """The average title length to write new entries' title norms with; None, as
        modelsearch does: written 1.0, then refreshed (``_refresh_title_norms``). Inside an
        import, ``thai.backends.common.TitleNormsOnceIndexMixin`` gives one."""
        return None

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        connection = self.write_connection
        indexers = [CompiledIndexer(obj, self.backend, self.templates, connection) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        for indexer in indexers:
            (title, title_params), (autocomplete, autocomplete_params), (body, body_params) = (
                indexer.title,
                indexer.autocomplete,
                indexer.body,
            )
            rows.append(f"(%s, %s, {title}, {autocomplete}, {body}, %s, %s)")
            params += [content_type_pk, indexer.id, *title_params, *autocomplete_params]
            params += [*body_params, indexer.title_text, indexer.body_text]
        # Inside an import (``thai.backends.common.title_norms_once``) each entry is written
        # with its title norm, as modelsearch's refresh would write it afterwards.
        average = self.title_average()
        norm = "1.0" if average is None else "COALESCE(%s / NULLIF(LENGTH(entry.title), 0), 1.0)"
        table = IndexEntry._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                SELECT content_type_id::integer, object_id, title, autocomplete, body, {norm}, title_text, body_text
                FROM (VALUES {", ".join(rows)})
                AS entry (content_type_id, object_id, title, autocomplete, body, title_text, body_text)
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = EXCLUDED.title_norm,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # modelsearch's statement, with the norm
                [*([] if average is None else [average]), *params],  # the norm comes first
            )
        if average is None:
            self._refresh_title_norms()


class ThaiPostgresSearchBackend(ThaiQueryMixin, PostgresSearchBackend):
    query_compiler_class = ThaiPostgresSearchQueryCompiler
    results_class = ThaiPostgresSearchResults
    index_class = thai_index_class(VectorsCompiledOnceIndex)

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
