"""What every Thai search backend shares: queries are cut into words before searching."""

import contextlib
import functools
import time
import uuid
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import (
    Avg,
    Case,
    Count,
    F,
    IntegerField,
    OrderBy,
    RowRange,
    Value,
    When,
    Window,
)
from django.db.models.functions import Length
from modelsearch.conf import get_app_config
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from thai.index import values_made_once
from thai.spelling import Speller
from thai.text import query_words

# The vocabulary of the index is kept for a minute (see ``ThaiQueryMixin.speller``).
VOCABULARY_TIMEOUT = 60
_spellers = {}
_norms_once = ContextVar("title_norms_once", default=None)


def thai_query(query):
    """``query`` (a string or a Wagtail search query) with its text normalised and segmented
    like the index. An empty string when nothing searchable is left (e.g. only punctuation):
    Wagtail then returns no results."""
    if isinstance(query, str):
        return " ".join(query_words(query))
    if isinstance(query, MatchAll):
        return query
    if isinstance(query, PlainText):
        text = " ".join(query_words(query.query_string))
        return PlainText(text, operator=query.operator, boost=query.boost) if text else ""
    if isinstance(query, Phrase):
        text = " ".join(query_words(query.query_string))
        return Phrase(text) if text else ""
    if isinstance(query, Fuzzy):
        text = " ".join(query_words(query.query_string))
        return type(query)(text, **_fuzzy_options(query)) if text else ""
    if isinstance(query, Boost):
        inner = thai_query(query.subquery)
        return Boost(inner, query.boost) if inner != "" else ""
    if isinstance(query, Not):
        inner = thai_query(query.subquery)
        return Not(inner) if inner != "" else ""
    if isinstance(query, (And, Or)):
        parts = [part for part in map(thai_query, query.subqueries) if part != ""]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else type(query)(parts)
    return query


def _fuzzy_options(query):
    return {
        name: getattr(query, name)
        for name in ("operator", "unaccent")
        if hasattr(query, name) and getattr(query, name) is not None
    }


def _index_version(content_version):
    """The index's version: the site's ``content_version`` (``pagecache.version``, raised by
    every publish, unpublish, move and deletion, which add and remove entries) and the highest
    entry id (raised by every entry added, ``update_index`` included). Both are primary-key lookups; counting the entries
    read the whole table on every search (tens of milliseconds at 20,000 notices on
    PostgreSQL)."""
    IndexEntry = get_app_config().get_model("IndexEntry")
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(id) FROM {table}")
        (highest,) = cursor.fetchone()
    return f"{connection.vendor}-{content_version}-{highest or 0}"


class ThaiQueryMixin:
    """For a search backend: segment the query of ``search()`` and ``autocomplete()``, and
    give a speller of the index's vocabulary for misspelled words (``speller``)."""

    def vocabulary_rows(self):
        """``[(word, number of entries holding it), …]`` of the index, or None when the
        backend cannot tell (no correction then)."""
        return None

    def speller(self, content_version):
        """A ``thai.spelling.Speller`` for the index as it is, or None. Built once per
        process for an index version (``_index_version`` of the site's ``content_version``) and a token the shared
        cache holds for ``VOCABULARY_TIMEOUT``: a cleared cache or a new version makes every
        process read the vocabulary again; an edited page's new words count within that time."""
        try:
            version = _index_version(content_version)
        except DatabaseError:
            return None
        key = f"thai-search-vocabulary:{version}"
        try:
            token = cache.get(key)
        except Exception:  # a cache failure degrades to reading the database
            token = None
        now = time.monotonic()
        memo = _spellers.get((version, token)) if token else None
        if memo is not None and memo[0] > now:
            return memo[1]
        rows = self.vocabulary_rows()
        if rows is None:
            return None
        speller = Speller(dict(rows))
        # The token another process set stays: replacing it would make that process read
        # the vocabulary again at its next search, and then replace this one's.
        token = uuid.uuid4().hex
        with contextlib.suppress(Exception):  # a cache failure: read again next time
            if not cache.add(key, token, VOCABULARY_TIMEOUT):
                token = cache.get(key) or token
        _spellers.clear()
        _spellers[(version, token)] = (now + VOCABULARY_TIMEOUT, speller)
        return speller

    def search(self, query, model_or_queryset, *args, newest=None, **kwargs):
        """Wagtail's ``search()`` with the query segmented. ``newest``: a function of the name
        of the index entries' content type column giving an expression of each entry's object's
        own date (a notice's announcement date, not when the page was last published:
        ``search.results.entry_date``), which orders equally relevant results newest first;
        without it, the highest id first."""
        results = super().search(thai_query(query), model_or_queryset, *args, **kwargs)
        compiler = getattr(results, "query_compiler", None)
        if compiler is not None:
            compiler.newest = newest
        return results

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(thai_query(query), model_or_queryset, *args, **kwargs)


class ValuesOnceIndexMixin:
    """For a search backend's index: each object's search values made once while its entry is
    built (``thai.index.values_made_once``), not once per column."""

    def add_items(self, model, objs):
        with values_made_once():
            return super().add_items(model, objs)


class _NormsOnce:
    """Inside ``title_norms_once``: per database, the index whose norms are refreshed on
    leaving, and the average title length the index had when first asked."""

    def __init__(self):
        self.refresh = {}
        self.averages = {}


@contextlib.contextmanager
def title_norms_once():
    """Inside, the search indexes write the title norms of new entries once
    (``TitleNormsOnceIndexMixin``)."""
    state = _NormsOnce()
    token = _norms_once.set(state)
    try:
        yield
    finally:
        _norms_once.reset(token)
    for index in state.refresh.values():
        index._refresh_title_norms()


class TitleNormsOnceIndexMixin:
    """For a modelsearch database index: inside ``title_norms_once``, the title norms of new
    entries are refreshed once on leaving instead of after every ``add_items``, or written
    with the entries by an index that can (``title_average``). A title's rank is scaled by
    its norm, the average title length over the whole index divided by its own; modelsearch's
    refresh (``_refresh_title_norms``) works it out after every write with two scans of the
    whole index table and rewrites the new entries: an import of 20,000 notices did it about
    125 times (each batch, each page type) over a table growing to 20,000 entries. Until the
    refresh a new entry has the neutral norm 1.0; one left so by an error is refreshed by
    the index's next write, as modelsearch does."""

    def _refresh_title_norms(self, full=False):
        state = _norms_once.get()
        if state is None or full:
            return super()._refresh_title_norms(full=full)
        state.refresh.setdefault(self.write_connection.alias, self)

    def title_average(self):
        """Inside ``title_norms_once``, the average title length of the index's entries when
        first asked (as modelsearch's refresh works it out), for new entries to be written
        with their norms; None outside or while the index holds no title."""
        state = _norms_once.get()
        if state is None:
            return None
        alias = self.write_connection.alias
        if state.averages.get(alias) is None:
            titles = self.entries.annotate(length=Length("title")).filter(length__gt=0)
            state.averages[alias] = titles.aggregate(Avg("length"))["length__avg"]
        return state.averages[alias]


def thai_index_class(index_class):
    """``index_class`` making each object's search values once, and its title norms once
    inside ``title_norms_once``."""
    mixins = (ValuesOnceIndexMixin, TitleNormsOnceIndexMixin)
    return type(f"Thai{index_class.__name__}", (*mixins, index_class), {})


def thai_backend_class(backend_class):
    """``backend_class`` with Thai queries, its index making each object's values once."""
    attributes = {"index_class": thai_index_class(backend_class.index_class)}
    return type(f"Thai{backend_class.__name__}", (ThaiQueryMixin, backend_class), attributes)


def by_pk(queryset, pks):
    """``{pk: object}`` for ``pks``, loaded as ``queryset`` loads them (related objects,
    prefetches, specific page types) without its filters: the ranking applied them already,
    and repeating them would scan the table again."""
    fresh = queryset.model._default_manager.filter(pk__in=pks)
    fresh.query.select_related = queryset.query.select_related
    fresh.query.deferred_loading = queryset.query.deferred_loading
    fresh._prefetch_related_lookups = queryset._prefetch_related_lookups
    fresh._iterable_class = queryset._iterable_class
    return {obj.pk: obj for obj in fresh}


def newest_among_equals(entries, compiler, content_type_field):
    """The last keys of a ranking: equally relevant entries by the date the search asked for
    (``compiler.newest``, see ``ThaiQueryMixin.search``: an expression on the entries, given
    the name of their content type column), then the highest id first."""
    newest = getattr(compiler, "newest", None)
    if newest is None:
        return entries, (F("object_pk").desc(),)
    entries = entries.annotate(_date=newest(content_type_field))
    return entries, (OrderBy(F("_date"), descending=True, nulls_last=True), F("object_pk").desc())


@functools.cache
def descendant_content_types(model):
    """The content type ids of ``model`` and its subclasses (modelsearch's
    ``get_descendants_content_types_pks``, which walks every model each time), once per
    process: content types are made by migrations, before any process serves."""
    return tuple(get_descendants_content_types_pks(model))


@functools.cache
def _boosts(content_type_pks):
    """``((boost, content type ids), …)``: the ``search_boost`` the models of
    ``content_type_pks`` declare, other than 0, with the types declaring each."""
    by_value = {}
    for pk in content_type_pks:
        model = ContentType.objects.get_for_id(pk).model_class()
        value = getattr(model, "search_boost", 0) if model is not None else 0
        if value:
            by_value.setdefault(value, []).append(pk)
    return tuple((value, tuple(pks)) for value, pks in by_value.items())


def boosted(entries, content_type_field, content_type_pks, *ordering, counted=False):
    """``entries`` ordered by ``ordering``, after the ``search_boost`` each model of
    ``content_type_pks`` declares (0 when it declares none), read by the entry's content
    type: no join. ``counted``: with the number of all of them as ``_total`` on each (for
    results that rank ahead, ``RankedResultsMixin.ranks_ahead``), counted over the same
    order: PostgreSQL then works out each entry's keys, sorts those alone (in memory) and
    sends the first rows as they come; counted with no order (``COUNT(*) OVER ()``), it kept
    every matching entry's whole row, title and body vectors, until the ranking, which
    spilled to disk for a common word."""
    whens = [
        When(**{f"{content_type_field}__in": pks}, then=Value(value))
        for value, pks in _boosts(tuple(content_type_pks))
    ]
    if whens:
        entries = entries.annotate(
            _boost=Case(*whens, default=Value(0), output_field=IntegerField())
        )
        ordering = (F("_boost").desc(), *ordering)
    if counted:
        entries = entries.annotate(
            _total=Window(Count("*"), order_by=ordering, frame=RowRange(start=None, end=None))
        )
    return entries.order_by(*ordering)


# The ranking query reads the first entries of the ranking (at least ``RANKED_AHEAD``: a first
# page of results, on the search page or through the API) and the number of all matches.
RANKED_AHEAD = 20


class RankedResultsMixin:
    """Search results for a query compiler with a ``ranked(config)`` method: one query ranks
    the matches in the database and returns the best of them (ids and scores, best first) and
    the number of all of them; one query loads the objects of the slice asked for. ``ranked``
    returns None when the backend's own plan applies (not ordered by relevance, negated
    queries, …). Only the first entries are sent: sending all of thousands of matches to
    Python, to show ten, cost more than ranking them (PostgreSQL sorts for the first entries
    alone, keeping the best as it goes)."""

    # Whether the database counts the matches in the query that ranks them (``ranked`` then
    # gives each entry the count as ``_total``: ``boosted(…, counted=True)``). SQLite cannot
    # use FTS5's ``bm25()`` beside a window function: all the matches are read instead.
    ranks_ahead = True

    def _ranking(self, stop=RANKED_AHEAD):
        """``([(pk, score), …], total)``: the matches' first ``stop`` entries (at least
        ``RANKED_AHEAD``; all when ``stop`` is None), best first, and the number of matches,
        kept on the query compiler (which the slices and the count of one search share) until
        a slice further on is asked for. None when the backend's own plan applies."""
        compiler = self.query_compiler
        if not hasattr(compiler, "ranked"):
            return None
        wanted = None if stop is None else max(stop, RANKED_AHEAD)
        ranking = getattr(compiler, "ranking", False)
        if ranking is None:
            return None
        if ranking is not False:
            rows, total = ranking
            if len(rows) == total or (wanted is not None and len(rows) >= wanted):
                return ranking
        ranked = compiler.ranked(compiler.get_config(self.backend))
        if ranked is None:
            compiler.ranking = None
            return None
        if not self.ranks_ahead:
            rows = list(ranked.values_list("object_pk", "_score"))
            compiler.ranking = (rows, len(rows))
            return compiler.ranking
        # The number of all matches comes with each (``boosted(…, counted=True)``).
        ranked = ranked.values_list("object_pk", "_score", "_total")
        rows = list(ranked if wanted is None else ranked[:wanted])
        compiler.ranking = ([(pk, score) for pk, score, _total in rows], rows[0][2] if rows else 0)
        return compiler.ranking

    def _do_search(self):
        ranking = self._ranking(self.stop)
        if ranking is None:
            return super()._do_search()
        rows = ranking[0][self.start : self.stop]
        objects = by_pk(self.query_compiler.queryset, [pk for pk, _score in rows])
        results = []
        for pk, score in rows:
            obj = objects.get(pk)
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results

    def _do_count(self):
        ranking = self._ranking()
        return super()._do_count() if ranking is None else ranking[1]
