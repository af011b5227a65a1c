"""The search page's queries: which pages may be found, the filters, and the result cards.

Results are pages of every type. What a card shows (kind, unit, date, a text for the snippet)
lives in each page type's own table, so ``cards()`` reads it for one page of results in a
single query, with a LEFT JOIN to each table (joins on primary keys, for ten rows), instead of
loading each page as its specific type (one query per type).
"""

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F, OrderBy, Q, TextField
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.base import BaseSearchResults
from wagtail.models import Locale, Page, get_page_models

from core.listing import CountingPaginator
from core.queries import in_language_or_thai, public
from core.thai import BE_OFFSET, arabic_digits, fiscal_year_bounds, parse_be_year
from news.models import AnnouncementKind, NewsCategory, PublicationKind

RESULTS_PER_PAGE = 10
LOCALES_CACHE_KEY = "search-locale-ids"
MAX_QUERY_LENGTH = 200
SNIPPET_LENGTH = 180

# Kinds a citizen filters by: the kinds of announcement, then news, publications, other pages.
NEWS, PUBLICATION, PAGE = "news", "publication", "page"
KIND_CHOICES = [
    *AnnouncementKind.choices,
    (NEWS, _("ข่าวสาร")),
    (PUBLICATION, _("เอกสารเผยแพร่")),
    (PAGE, _("หน้าข้อมูลอื่น ๆ")),
]
RELEVANCE, NEWEST = "relevance", "newest"
SORT_CHOICES = [(RELEVANCE, _("ตรงกับคำค้นมากที่สุด")), (NEWEST, _("ใหม่ที่สุด"))]

# Page types with text worth a snippet, as ``page type lookup from Page__field``.
BODY_LOOKUPS = [
    "announcementpage__body",
    "newspage__body",
    "publicationpage__summary",
    "informationpage__body",
]
# Dated content: announcements (and procurement notices, which extend them) and news.
DATE_LOOKUPS = ["announcementpage__date", "newspage__date"]


def base_page_lookups(field_name):
    """``<model>__<field_name>`` from ``Page`` for each page table that holds a column of
    ``core.BasePage`` (it is abstract: every page type has its own copy, except multi-table
    subclasses such as procurement notices, which use their parent's)."""
    from core.models import BasePage

    return [
        f"{model._meta.model_name}__{field_name}"
        for model in get_page_models()
        if issubclass(model, BasePage) and model._meta.get_field(field_name).model is model
    ]


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
            kind=kind if kind in dict(KIND_CHOICES) else None,
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

    def as_q(self):
        """The filters as one condition on ``Page`` (joins to the page types' tables)."""
        condition = Q()
        if self.kind in AnnouncementKind.values:
            condition &= Q(announcementpage__kind=self.kind)
        elif self.kind == NEWS:
            condition &= Q(newspage__isnull=False)
        elif self.kind == PUBLICATION:
            condition &= Q(publicationpage__isnull=False)
        elif self.kind == PAGE:
            condition &= Q(
                announcementpage__isnull=True, newspage__isnull=True, publicationpage__isnull=True
            )
        if self.unit is not None:
            condition &= _any(
                Q(**{lookup: self.unit.pk}) for lookup in base_page_lookups("responsible_unit")
            )
        if self.school_paths:
            # What lives under the school (its notices), in any language.
            condition &= _any(
                Q(path__startswith=path, depth__gt=len(path) // Page.steplen)
                for path in self.school_paths
            )
        if self.fiscal_year:
            start, end = fiscal_year_bounds(self.fiscal_year)
            condition &= Q(announcementpage__fiscal_year=self.fiscal_year) | Q(
                newspage__date__range=(start, end)
            )
        if self.date_from or self.date_to:
            start = self.date_from or datetime.date.min
            end = self.date_to or datetime.date.max
            condition &= _any(Q(**{f"{lookup}__range": (start, end)}) for lookup in DATE_LOOKUPS)
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
    cache.delete(LOCALES_CACHE_KEY)


def connect_signals():
    """The locales change when one is added (or removed)."""
    for signal in (post_save, post_delete):
        signal.connect(clear_cached_locales, sender=Locale, dispatch_uid=f"search-locale-{signal}")


def searchable_pages(filters):
    """The pages a citizen may find: live, public, in the language served (or Thai where a
    notice has no translation), narrowed by ``filters``.

    On Thai pages without filters, only fields the search backend filters on itself (live,
    locale, depth, path) are used. Otherwise the conditions (joins to the page types' tables,
    a subquery for translations) go in a subquery on the page id, which is all the search
    backend needs to know (``id`` is a filter field)."""
    pages = public(Page.objects.live()).filter(depth__gt=1)
    language = get_language() or settings.LANGUAGE_CODE
    thai = locale_ids().get(settings.LANGUAGE_CODE)
    if language == settings.LANGUAGE_CODE and thai is not None and not filters:
        return pages.filter(locale_id=thai)
    pages = in_language_or_thai(pages)
    if filters:
        pages = pages.filter(filters.as_q())
    return Page.objects.filter(pk__in=pages.values("pk"))


def newest_first(pages):
    """``pages`` with dated notices newest first, then other pages by publication date."""
    date = Coalesce(*DATE_LOOKUPS, TruncDate("last_published_at"))
    return pages.order_by(
        OrderBy(date, descending=True, nulls_last=True), OrderBy(F("pk"), descending=True)
    )


class SearchPaginator(Paginator):
    """Django's paginator, asking for the page's rows before the total: the SQLite backend
    counts the matches in the query that ranks them (``search/backends/sqlite.py``), and a
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
        return self._get_page(rows, number, self)


def search(query, filters, sort):
    """The results for ``query`` (already cleaned) and ``filters``: a ``SearchResults`` (or a
    queryset when there is no query), ordered as ``sort`` asks."""
    pages = searchable_pages(filters)
    if not query:
        return newest_first(pages)
    if sort == NEWEST:
        return newest_first(pages).search(query, order_by_relevance=False)
    return pages.search(query)


# --- result cards -------------------------------------------------------------------------


@dataclass
class Card:
    page: Page
    kind: str
    unit: object
    date: datetime.date | None
    text: str


def _kind_label(page, values):
    for key, choices in (
        ("a_kind", AnnouncementKind),
        ("n_category", NewsCategory),
        ("p_kind", PublicationKind),
    ):
        if values[key]:
            return dict(choices.choices).get(values[key], values[key])
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    name = str(model._meta.verbose_name) if model else ""
    return name.split(" (")[0]  # verbose names are "ไทย (English)"


def _text_of(value):
    """The words of a StreamField's JSON or a text column, without markup."""
    if not value:
        return ""
    try:
        data = json.loads(value)
    except ValueError:
        data = value
    strings = []

    def walk(node):
        if isinstance(node, str):
            strings.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, item in node.items():
                if key not in ("type", "id") and not isinstance(item, (int, float, bool)):
                    walk(item)

    walk(data)
    text = re.sub(r"<[^>]*>", " ", " ".join(strings))
    return " ".join(text.split())


def cards(pages, units_by_pk):
    """Cards for ``pages`` (one page of results), in their order: one query."""
    ids = [page.pk for page in pages]
    if not ids:
        return []
    text = Coalesce(
        *(Cast(lookup, TextField()) for lookup in BODY_LOOKUPS), output_field=TextField()
    )
    rows = (
        Page.objects.filter(pk__in=ids)
        .annotate(
            a_kind=F("announcementpage__kind"),
            n_category=F("newspage__category"),
            p_kind=F("publicationpage__kind"),
            item_date=Coalesce(*DATE_LOOKUPS),
            unit_pk=Coalesce(*base_page_lookups("responsible_unit")),
            summary=Coalesce(*base_page_lookups("listing_summary")),
            body_text=text,
        )
        .in_bulk()
    )
    result = []
    for page in pages:
        row = rows.get(page.pk)
        if row is None:
            continue
        values = {"a_kind": row.a_kind, "n_category": row.n_category, "p_kind": row.p_kind}
        summary = row.summary or row.search_description or ""
        result.append(
            Card(
                page=row,
                kind=_kind_label(row, values),
                unit=units_by_pk.get(row.unit_pk),
                date=row.item_date,
                text=" ".join(part for part in (summary, _text_of(row.body_text)) if part),
            )
        )
    return result
