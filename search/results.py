"""The search page's queries: which pages may be found, the filters, and the result cards.

Results are pages of every type, and each page type answers for itself (``core.models.BasePage``
holds the defaults): the kinds it is filtered as (``search_kinds``, ``search_kind_field``), the
field that dates it (``search_date_field``, ``search_fiscal_year_field``), and its result card
(``search_kind_label()``, ``search_date()``, ``search_text()``). This module reads those
declarations from the registered page models and names no page type's table or field.

Filtering and sorting by date happen in the database, on the date fields the page types
declare: each is reached from ``Page`` through the multi-table link to the table that holds it
(``_lookup``), and "newest first" sorts by the first of them a page has (``Coalesce``). The
lookups are built from the models, not stored: a copy of the date on ``Page`` would need a
concrete table and keeping in step with every revision, for the same one-query result.

``cards()`` loads one page of results as their own types in one query (``select_related``
along the same links, for the types on that page only), so the query count of the search page
does not depend on how many results there are or of how many types; what a card shows is kept
under the content version, like the other parts of pages (``pagecache.fragments``).
"""

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Page as ResultsPage
from django.core.paginator import Paginator
from django.db.models import Case, DateField, F, OrderBy, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, TruncDate
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.base import BaseSearchResults
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.search.backends import get_search_backend

from core.listing import CountingPaginator
from core.queries import in_language_or_thai
from pagecache import fragments
from pagecache import version as content
from portal.cache import forget
from search.snippets import SEARCHED_LENGTH
from thai.dates import BE_OFFSET, arabic_digits, fiscal_year_bounds, parse_be_year

RESULTS_PER_PAGE = 10
LOCALES_CACHE_KEY = "search-locale-ids"
MAX_QUERY_LENGTH = 200

# The kind filter's last choice: every page whose type declares no kinds.
PAGE = "page"
RELEVANCE, NEWEST = "relevance", "newest"
SORT_CHOICES = [(RELEVANCE, _("ตรงกับคำค้นมากที่สุด")), (NEWEST, _("ใหม่ที่สุด"))]


@functools.cache
def _path_from_page(model):
    """The lookup from ``Page`` to ``model``'s table: the multi-table links, each named after the
    child model in lowercase as Django names them (``announcementpage__procurementnoticepage``)."""
    return "__".join(
        cls._meta.model_name
        for cls in reversed(model.__mro__)
        if issubclass(cls, Page)
        and cls is not Page
        and not cls._meta.abstract
        and not cls._meta.proxy
    )


def _lookup(model, attribute):
    """``<path from Page>__<field>`` of the field ``model`` names in ``attribute`` (through the
    table that holds it: a procurement notice's date is its announcement's), or None."""
    name = getattr(model, attribute, None)
    if not name:
        return None
    model_field = model._meta.get_field(name)
    return f"{_path_from_page(model_field.model)}__{model_field.name}"


@functools.cache
def date_lookups():
    """The lookups of the date fields the page types declare, once each."""
    lookups = (_lookup(model, "search_date_field") for model in get_page_models())
    return list(dict.fromkeys(lookup for lookup in lookups if lookup))


@functools.cache
def fiscal_year_lookups():
    """``(lookup, is_a_date)`` for each dated page type's fiscal year: the fiscal year field it
    declares, or else its date (within the year's bounds)."""
    lookups = []
    for model in get_page_models():
        year = _lookup(model, "search_fiscal_year_field")
        date = _lookup(model, "search_date_field")
        if year or date:
            lookups.append((year, False) if year else (date, True))
    return list(dict.fromkeys(lookups))


@functools.cache
def _with_kinds():
    """The page types that declare kinds (a multi-table subclass inherits its parent's)."""
    return [model for model in get_page_models() if getattr(model, "search_kinds", ())]


@functools.cache
def kind_choices():
    """The kind filter's choices: the kinds the page types declare, in their
    ``search_kind_order``, then other pages."""
    declaring = sorted(_with_kinds(), key=lambda model: model.search_kind_order)
    choices = dict(choice for model in declaring for choice in model.search_kinds)
    return [*choices.items(), (PAGE, _("หน้าข้อมูลอื่น ๆ"))]


def _kind_q(kind):
    """Pages of ``kind``: by the field holding the kind where the page type has several,
    otherwise by page type (the content type, which ``Page`` holds: no join)."""
    if kind == PAGE:
        return ~Q(content_type__in=ContentType.objects.get_for_models(*_with_kinds()).values())
    field_lookups, types = [], []
    for model in _with_kinds():
        if kind in dict(model.search_kinds):
            lookup = _lookup(model, "search_kind_field")
            if lookup:
                field_lookups.append(lookup)
            else:
                types.append(model)
    condition = _any(Q(**{lookup: kind}) for lookup in dict.fromkeys(field_lookups))
    if types:
        condition |= Q(content_type__in=ContentType.objects.get_for_models(*types).values())
    return condition


def parse_date(value):
    """A date typed in a filter: ``31/12/2567`` (Buddhist Era, as Thai forms write it),
    ``31/12/2024``, or ``2024-12-31`` (from a date picker); Thai digits too. None otherwise."""
    text = arabic_digits(value or "").strip()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        if not match:
            return None
        year, month, day = (int(part) for part in match.groups())
    if year > 2400:
        year -= BE_OFFSET
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _query_char(char):
    """Control characters become spaces; invisible format characters (a zero-width space
    pasted from a document) are dropped, as they sit inside words."""
    category = unicodedata.category(char)
    if category == "Cf":
        return ""
    return " " if category[0] in "CZ" else char


def clean_query(raw):
    """The query as searched: control characters removed, spaces collapsed, at most
    ``MAX_QUERY_LENGTH`` characters. Returns ``(query, was_cut)``."""
    text = "".join(_query_char(char) for char in raw or "")
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        return text[:MAX_QUERY_LENGTH].rstrip(), True
    return text, False


@dataclass
class Filters:
    """The valid filters of a query string; unknown or malformed values are dropped."""

    kind: str | None = None
    unit: object = None  # a core.Unit
    school: str | None = None  # a school page's slug
    fiscal_year: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    school_paths: list = field(default_factory=list)

    @classmethod
    def read(cls, query, units, schools):
        kind = query.get("kind", "")
        unit_slug = query.get("unit", "")
        school = query.get("school", "")
        filters = cls(
            kind=kind if kind in dict(kind_choices()) else None,
            unit=next((unit for unit in units if unit.slug == unit_slug), None),
            fiscal_year=parse_be_year(query.get("year")),
            date_from=parse_date(query.get("from")),
            date_to=parse_date(query.get("to")),
        )
        paths = [page.path for page in schools if page.slug == school]
        if paths:
            filters.school, filters.school_paths = school, paths
        return filters

    def __bool__(self):
        return any(
            (self.kind, self.unit, self.school, self.fiscal_year, self.date_from, self.date_to)
        )

    def key(self):
        """The filters as plain values, for keeping what they found."""
        unit = self.unit.slug if self.unit is not None else None
        return (self.kind, unit, self.school, self.fiscal_year, self.date_from, self.date_to)

    def as_q(self):
        """The filters as one condition on ``Page`` (joins to the page types' tables)."""
        condition = Q()
        if self.kind:
            condition &= _kind_q(self.kind)
        if self.unit is not None:
            condition &= Q(ownership__unit=self.unit.pk)
        if self.school_paths:
            # What lives under the school (its notices), in any language.
            condition &= _any(
                Q(path__startswith=path, depth__gt=len(path) // Page.steplen)
                for path in self.school_paths
            )
        if self.fiscal_year:
            bounds = fiscal_year_bounds(self.fiscal_year)
            condition &= _any(
                Q(**{f"{lookup}__range": bounds} if is_a_date else {lookup: self.fiscal_year})
                for lookup, is_a_date in fiscal_year_lookups()
            )
        if self.date_from or self.date_to:
            start = self.date_from or datetime.date.min
            end = self.date_to or datetime.date.max
            condition &= _any(Q(**{f"{lookup}__range": (start, end)}) for lookup in date_lookups())
        return condition


def _any(conditions):
    combined = Q()
    for condition in conditions:
        combined |= condition
    return combined


def locale_ids():
    """``{language code: Locale id}``, cached (locales are added once, by migrations)."""
    ids = cache.get(LOCALES_CACHE_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(LOCALES_CACHE_KEY, ids, None)
    return ids


def clear_cached_locales(**kwargs):
    forget(LOCALES_CACHE_KEY)


def connect_signals():
    """The locales change when one is added (or removed)."""
    for signal in (post_save, post_delete):
        signal.connect(clear_cached_locales, sender=Locale, dispatch_uid=f"search-locale-{signal}")


def restricted_paths(request=None):
    """The paths of the pages that carry a view restriction (a password, sign-in or group),
    kept under the content version: saving or deleting a privacy restriction raises it
    (``pagecache.purge``), so a section made private leaves the search at once, as it leaves
    every cached page. Read on every call without a request or with fragments off."""
    return fragments.remember(
        request,
        "search-restricted-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def searchable_pages(filters, request=None):
    """The pages a citizen may find: live, public, in the language served (or Thai where a
    notice has no translation), narrowed by ``filters``.

    Public as ``core.queries.public`` decides (no view restriction on the page or above it),
    but tested on each page's own path against the restricted pages' paths
    (``restricted_paths``), as Wagtail's ``.public()`` does: ``public()`` looks for the
    restrictions above every page in a subquery, which PostgreSQL answers by reading every page
    once more on every search (about 30 ms of its time at 20,000 pages, more than the rest of
    the searchable pages' condition).

    On Thai pages without filters, only fields the search backend filters on itself (live,
    locale, depth, path) are used. Otherwise the conditions (joins to the page types' tables,
    a subquery for translations) go in a subquery on the page id, which is all the search
    backend needs to know (``id`` is a filter field)."""
    pages = Page.objects.live().filter(depth__gt=1)
    for path in restricted_paths(request):
        pages = pages.exclude(path__startswith=path)
    language = get_language() or settings.LANGUAGE_CODE
    thai = locale_ids().get(settings.LANGUAGE_CODE)
    if language == settings.LANGUAGE_CODE and thai is not None and not filters:
        return pages.filter(locale_id=thai)
    pages = in_language_or_thai(pages)
    if filters:
        pages = pages.filter(filters.as_q())
    return Page.objects.filter(pk__in=pages.values("pk"))


def page_date():
    """A page's own date as an expression on ``Page``: the first date its type declares (a
    notice's announcement date), else the day it was first published."""
    return Coalesce(*date_lookups(), TruncDate("first_published_at"))


@functools.cache
def _date_holders():
    """``((model holding a date field, field name, content type ids of the page types dated
    by it), …)``: a procurement notice is dated by its announcement's ``date``."""
    holders = {}
    for model in get_page_models():
        name = getattr(model, "search_date_field", None)
        if name:
            model_field = model._meta.get_field(name)
            key = (model_field.model, model_field.name)
            holders.setdefault(key, []).append(ContentType.objects.get_for_model(model).pk)
    return tuple((holder, name, tuple(pks)) for (holder, name), pks in holders.items())


def entry_date(content_type_field, object_pk="object_pk"):
    """``page_date()`` of the page a search index entry stands for, as an expression on the
    entries: ``object_pk`` (the page's id) and ``content_type_field`` (the page's own type)
    name the entry's columns. The entry's type says which table holds the page's date, which
    is read by the page's id alone (a multi-table page shares its id with every table of its
    type): one index lookup per entry, where ``page_date()`` joins the page to every dated
    table. The search backends rank by it (``thai.backends.common.newest_among_equals``)."""
    whens = [
        When(
            **{f"{content_type_field}__in": pks},
            then=Subquery(
                holder._default_manager.filter(pk=OuterRef(object_pk)).order_by().values(name)
            ),
        )
        for holder, name, pks in _date_holders()
    ]
    published = (
        Page.objects.filter(pk=OuterRef(object_pk))
        .order_by()
        .values(_date=TruncDate("first_published_at"))
    )
    if not whens:
        return Subquery(published)
    return Coalesce(Case(*whens, output_field=DateField()), Subquery(published))


def newest_first(pages):
    """``pages`` with dated pages newest first by their date, the others by their first
    publication date."""
    return pages.order_by(
        OrderBy(page_date(), descending=True, nulls_last=True), OrderBy(F("pk"), descending=True)
    )


class SearchPaginator(Paginator):
    """Django's paginator, asking for the page's rows before the total: the SQLite backend
    counts the matches in the query that ranks them (``thai/backends/sqlite.py``), and a
    listing without a query counts in its own query (``CountingPaginator``). A bad, missing or
    too large page number falls back as Django's ``get_page`` does."""

    def get_page(self, number):
        if not isinstance(self.object_list, BaseSearchResults):
            return CountingPaginator(self.object_list, self.per_page).get_page(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        if not 1 <= number <= CountingPaginator.MAX_PAGE:
            return super().get_page(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page])
        if not rows:
            return super().get_page(number)
        self.count = self.object_list.count()  # from the rows' query where the backend can
        return ResultsPage(rows, number, self)


def kept_page(cards, number, count):
    """Page ``number`` of results holding ``cards``, out of ``count`` results found: what the
    search page shows (its count, numbering and page links) from what was kept."""
    paginator = Paginator((), RESULTS_PER_PAGE)
    paginator.count = count
    return ResultsPage(cards, number, paginator)


# "Did you mean": offered when the query as typed finds fewer than ``SUGGEST_BELOW`` pages,
# for a query whose rare words (in at most ``RARE`` index entries: a notice with the same
# typing error) are replaced by near frequent ones, if that finds clearly more.
SUGGEST_BELOW = 5
RARE = 2


def clearly_more(found, other):
    """Whether ``other`` results are clearly more than ``found``: twice as many and three more."""
    return other >= max(2 * found, found + 3)


class Spelling:
    """Spelling help for ``request``, from the index's vocabulary (the backend's ``speller``,
    asked once: one query for the index's version)."""

    def __init__(self, request):
        self.request = request

    @functools.cached_property
    def speller(self):
        backend = get_search_backend()
        if not hasattr(backend, "speller"):
            return None
        return backend.speller(content.current(self.request))

    def correction(self, query):
        """A ``thai.spelling.Correction`` when a word of ``query`` is not in the index and a
        near one is, else None."""
        if not query.strip() or self.speller is None:
            return None
        return self.speller.correct(query)

    def did_you_mean(self, query, found, count_of):
        """A ``Correction`` worth offering for ``query`` (searched as typed, with ``found``
        results), or None. ``count_of(text)`` counts the results of another query."""
        if found >= SUGGEST_BELOW or not query.strip() or self.speller is None:
            return None
        offer = self.speller.correct(query, rare=RARE)
        if offer is None or not clearly_more(found, count_of(offer.corrected)):
            return None
        return offer


def search(query, filters, sort, request=None):
    """The results for ``query`` (already cleaned) and ``filters``: a ``SearchResults`` (or a
    queryset when there is no query), ordered as ``sort`` asks. The pages found are loaded
    with their type alone: their cards are made from what ``cards()`` reads or keeps."""
    pages = searchable_pages(filters, request).only("pk", "content_type")
    if not query:
        return newest_first(pages)
    if sort == NEWEST:
        return newest_first(pages).search(query, order_by_relevance=False)
    # Equally relevant pages: the newest by their own date first.
    return get_search_backend().search(query, pages, newest=entry_date)


# --- result cards -------------------------------------------------------------------------


@dataclass
class Card:
    pk: int
    page_type: type  # the page's own model
    title: str
    url: str
    kind: str
    unit: object
    date: datetime.date | None
    text: str
    language_code: str  # the page's: a Thai title in English results is marked lang="th"
    title_html: str = ""
    snippet: str = ""


def _as_own_type(page):
    """``page`` as its own type, from the rows ``select_related`` loaded along
    ``_path_from_page`` (no query)."""
    for name in _path_from_page(page.specific_class).split("__"):
        page = getattr(page, name)
    return page


def cards(pages, units_by_pk, request=None):
    """Cards for ``pages`` (one page of results), in their order. What a card shows comes
    from the page alone and is kept under the content version (``pagecache.fragments``): a
    page found by many searches is read and turned into a card once per content change."""
    if not pages:
        return []
    types = {page.pk: page.specific_class for page in pages}

    def compute(ids):
        paths = {_path_from_page(types[pk]) for pk in ids}
        rows = (
            Page.objects.filter(pk__in=ids)
            .select_related(*paths)
            .annotate(unit_pk=F("ownership__unit"), language_code=F("locale__language_code"))
        )
        found = {}
        for row in rows:
            own = _as_own_type(row)
            found[row.pk] = (
                own.title,
                own.get_url(request=request),
                str(own.search_kind_label()),
                row.unit_pk,
                own.search_date(),
                own.search_text()[:SEARCHED_LENGTH],
                row.language_code,
            )
        return found

    data = fragments.remember_many(request, "search-card", list(types), compute)
    result = []
    for page in pages:
        if page.pk not in data:
            continue
        title, url, kind, unit_pk, date, text, language_code = data[page.pk]
        unit = units_by_pk.get(unit_pk)
        result.append(
            Card(page.pk, types[page.pk], title, url, kind, unit, date, text, language_code)
        )
    return result
