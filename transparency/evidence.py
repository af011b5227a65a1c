"""The evidence of a year's items as the public ITA page shows it: each item with its links
for its own period, in a fixed number of queries whatever the number of items."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from transparency import sources
from transparency.models import EvidenceLink, Indicator, OITItem, Period, period_range

INDICATOR_LABELS = {
    Indicator.DISCLOSURE: _("การเปิดเผยข้อมูล"),
    Indicator.PREVENTION: _("การป้องกันการทุจริต"),
}
PERIOD_LABELS = {
    Period.CURRENT: _("ปีงบประมาณปัจจุบัน"),
    Period.FIRST_HALF: _("6 เดือนแรกของปีงบประมาณ"),
    Period.PREVIOUS: _("ปีงบประมาณที่ผ่านมา"),
    Period.STANDING: _("ข้อมูลที่เป็นปัจจุบัน"),
}


@dataclass
class ItemEvidence:
    item: object
    bounds: tuple | None
    entries: list = field(default_factory=list)

    @property
    def period_label(self):
        return PERIOD_LABELS[self.item.period]


ITEM_FIELDS = [f.attname for f in OITItem._meta.concrete_fields]
LINK_FIELDS = [
    "id",
    "title",
    "title_en",
    "page_id",
    "document_id",
    "document_fiscal_year",
    "source",
]


def items_with_links(year):
    """The year's items, each with ``link_list`` (its evidence links, with their documents):
    one query, the links joined to their items."""
    Document = get_document_model()
    rows = (
        OITItem.objects.filter(year=year)
        .order_by("sort_order", "pk", "links__sort_order", "links__pk")
        .values_list(
            *ITEM_FIELDS,
            *(f"links__{name}" for name in LINK_FIELDS),
            "links__document__title",
            "links__document__file",
        )
    )
    items = {}
    width = len(ITEM_FIELDS)
    for row in rows:
        values = dict(zip(ITEM_FIELDS, row[:width], strict=True))
        item = items.get(values["id"])
        if item is None:
            item = items[values["id"]] = OITItem(**values)
            item.year = year
            item.link_list = []
        link_values = dict(zip(LINK_FIELDS, row[width : width + len(LINK_FIELDS)], strict=True))
        if link_values["id"] is None:
            continue
        link = EvidenceLink(item_id=item.pk, **link_values)
        if link.document_id:
            link.document = Document(pk=link.document_id, title=row[-2], file=row[-1])
        item.link_list.append(link)
    return list(items.values())


def year_evidence(year):
    """``[ItemEvidence]`` of ``year``, each with ``[(title, url)]`` valid for its period: two
    queries (the items with their links; every page shown, linked or generated)."""
    language = get_language() or settings.LANGUAGE_CODE
    items = items_with_links(year)
    links = [(item, link) for item in items for link in item.link_list]
    page_ids = {link.page_id for _item, link in links if link.page_id}
    linked = Q(pk__in=page_ids, live=True)
    if page_ids and language != settings.LANGUAGE_CODE:
        keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
        linked |= Q(translation_key__in=keys, locale__language_code=language, live=True)
    generated, fetched = sources.resolve(
        year,
        {(link.source, item.period) for item, link in links if link.source},
        linked if page_ids else None,
    )
    by_pk = {page.pk: page for page in fetched}
    translated = {
        page.translation_key: page for page in fetched if page.locale.language_code == language
    }
    rows = {
        item.pk: ItemEvidence(item, period_range(year.fiscal_year, item.period)) for item in items
    }
    for item, link in links:
        entries = rows[item.pk].entries
        if link.source:
            entries.extend(generated.get((link.source, item.period), []))
        elif link.page_id in by_pk:
            original = by_pk[link.page_id]
            page = translated.get(original.translation_key, original)
            if page.url:
                entries.append((link.localized_title or page.title, page.url))
        elif link.document:
            entries.append((link.localized_title or link.document.title, link.document.url))
    return list(rows.values())


def by_indicator(evidence):
    """``[(indicator label, [ItemEvidence])]`` in the order of the items."""
    groups = {}
    for row in evidence:
        groups.setdefault(row.item.indicator, []).append(row)
    return [(INDICATOR_LABELS.get(key, key), rows) for key, rows in groups.items()]
