"""Evidence the portal generates itself, by name: monthly procurement summaries of the fiscal
year, news of the period, the executives directory, the complaint statistics of the fiscal
year, ... Each source is a function of (assessment year, evidence period) returning
``[(title, url)]`` (``registry()[key](year, period)``), with an optional coverage rule
(``check``).

The app that owns the pages defines its sources (``<app>/ita_sources.py``) and registers them
with the ``register_ita_sources`` Wagtail hook in its ``wagtail_hooks.py``: a function
returning its ``Source`` objects. This module knows no app's pages.

A source says which live pages it shows (``pages``: a queryset of any page type, already
narrowed to the period and the language served) and how each becomes a link (``entry``).
``resolve`` fetches the pages of every source a year's items use in **one** query (each
source's queryset is a subquery), so the ITA page costs the same whatever the number of items
and sources.
"""

from dataclasses import dataclass, field
from enum import IntEnum

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page

from core.queries import in_active_language, public


class Status(IntEnum):
    """Coverage of an item, worst last; the label says it in words, not only in colour."""

    GREEN = 0
    AMBER = 1
    RED = 2

    @property
    def label(self):
        return {
            Status.GREEN: "ครบ (Complete)",
            Status.AMBER: "ไม่ครบ (Incomplete)",
            Status.RED: "ขาดหลักฐาน (Missing)",
        }[self]

    @property
    def css(self):
        return self.name.lower()


def page_entry(page, year, period):
    return page.title, page.url


def by_path(page):
    return page.path


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    pages: object  # (year, period) -> queryset of the live pages shown
    entry: object = page_entry  # (page, year, period) -> (title, url)
    order: object = by_path  # page -> sort key
    annotations: dict = field(default_factory=dict)  # values the entry or order need
    limit: int | None = None
    check: object = None  # (year, period, entries, today) -> (Status, note)

    def __call__(self, year, period):
        found, _pages = resolve(year, {(self.key, period)})
        return found.get((self.key, period), [])


def registry():
    """``{key: Source}`` of every source registered with the ``register_ita_sources`` hook, in
    the order of ``INSTALLED_APPS``."""
    sources = {}
    for hook in hooks.get_hooks("register_ita_sources"):
        for source in hook():
            if sources.setdefault(source.key, source) is not source:
                raise ImproperlyConfigured(f"Two ITA sources have the key {source.key!r}")
    return sources


def source_choices():
    return [(key, source.label) for key, source in registry().items()]


def resolve(year, wanted, more_pages=None):
    """``({(key, period): [(title, url)]}, [every page fetched])`` for each wanted
    ``(key, period)``, in one query; ``more_pages`` (a ``Q`` on pages) fetches other pages in
    the same query."""
    sources, flags, annotations, matched = registry(), {}, {}, Q()
    for number, (key, period) in enumerate(sorted(wanted)):
        source = sources.get(key)
        if source is None:
            continue
        pages = source.pages(year, period)
        flag = f"in_source_{number}"
        flags[flag] = (source, period)
        annotations[flag] = Exists(pages.filter(pk=OuterRef("pk")))
        annotations.update(source.annotations)
        matched |= Q(**{flag: True})
    if more_pages is not None:
        matched |= more_pages
    found = {pair: [] for pair in wanted}
    if not matched:
        return found, []
    rows = list(Page.objects.annotate(**annotations).filter(matched).select_related("locale"))
    for flag, (source, period) in flags.items():
        pages = sorted((page for page in rows if getattr(page, flag)), key=source.order)
        pages = pages[: source.limit] if source.limit else pages
        found[source.key, period] = [
            entry for entry in (source.entry(page, year, period) for page in pages) if entry[1]
        ]
    return found, rows


def check(source_key, year, period, entries, today=None):
    """The coverage of one source's entries: its own rule, else "some entries" is enough."""
    today = today or timezone.localdate()
    source = registry().get(source_key)
    if source is None:
        return Status.RED, f"ไม่รู้จักแหล่งข้อมูล {source_key}"
    if source.check:
        return source.check(year, period, entries, today)
    if not entries:
        return Status.RED, f"ยังไม่มี{source.label.split(' (')[0]}ที่เผยแพร่"
    return Status.GREEN, ""


def live_pages(model):
    return in_active_language(public(model.objects.live()))


def live_of(model):
    """``pages`` of a source showing the live pages of ``model`` in the language served,
    whatever the year and period."""

    def pages(year, period):
        return live_pages(model)

    return pages
