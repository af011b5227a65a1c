"""The Thai search test set (``search/data/thai_search_testset.json``) and the pages it makes.

The file holds realistic notices and the queries a citizen would type, each with the notices it
must find (none for the queries that must find nothing). The suite builds the notices as real
pages and measures Recall@10 through the search page and the API (tests/test_search_recall.py);
the benchmark (``search/bench.py``) builds 20,000 variations of them.
"""

import datetime
import json
from decimal import Decimal
from functools import cache
from pathlib import Path

from wagtail.signal_handlers import disable_reference_index_auto_update

from news.models import AnnouncementIndexPage, AnnouncementPage, NewsIndexPage, NewsPage
from ownership.models import Unit
from pagecache import purge
from procurement.models import ProcurementNoticePage
from procurement.models.notices import stage_for_kind
from schools.models import SchoolIndexPage, SchoolPage

# Pages written at a time under one parent by ``build_notices_in_bulk`` (as the import's batches).
BULK_BATCH_SIZE = 500
TESTSET_PATH = Path(__file__).resolve().parent / "data" / "thai_search_testset.json"

# (number, code, name): the eight municipal schools, as in the demo content.
SCHOOLS = [
    (1, "ท.๑", "โรงเรียนเทศบาลวัดไทรใต้"),
    (2, "ท.๒", "โรงเรียนเทศบาลวัดปากน้ำโพใต้"),
    (3, "ท.๓", "โรงเรียนเทศบาลวัดพรหมจริยาวาส"),
    (4, "ท.๔", "โรงเรียนเทศบาลวัดวรนาถบรรพต"),
    (5, "ท.๕", "โรงเรียนเทศบาลวัดช่องคีรี"),
    (6, "ท.๖", "โรงเรียนเทศบาลวัดจอมคีรี"),
    (7, "ท.๗", "โรงเรียนเทศบาลวัดสุคตวราราม"),
    (8, "ท.๘", "โรงเรียนเทศบาลวัดไทรเหนือ"),
]


@cache
def load():
    """The test set as a dict: ``notices`` and ``queries``."""
    return json.loads(TESTSET_PATH.read_text(encoding="utf-8"))


def build_sections(home):
    """The announcements, news and schools sections under ``home``: a dict of parents
    (``announcements``, ``news``, ``schools`` and ``school-1`` … ``school-8``)."""
    education = Unit.objects.get(slug="education")
    parents = {
        "announcements": home.add_child(
            instance=AnnouncementIndexPage(title="ประกาศ / ข่าวประชาสัมพันธ์", slug="announcements")
        ),
        "news": home.add_child(instance=NewsIndexPage(title="ข่าวสาร", slug="news")),
    }
    schools = home.add_child(
        instance=SchoolIndexPage(
            title="จัดซื้อจัดจ้างโรงเรียนเทศบาล", slug="schools", responsible_unit=education
        )
    )
    parents["schools"] = schools
    for number, code, name in SCHOOLS:
        parents[f"school-{number}"] = schools.add_child(
            instance=SchoolPage(
                title=name, slug=f"school-{number}", code=code, responsible_unit=education
            )
        )
    return parents


def notice_page(notice, slug=None, units=None):
    """An unsaved page for one notice of the test set (``notice`` is one of its dicts)."""
    units = units or {unit.slug: unit for unit in Unit.objects.all()}
    common = {
        "title": notice["title"],
        "slug": slug or notice["key"],
        "responsible_unit": units[notice["unit"]],
        "date": datetime.date.fromisoformat(notice["date"]),
        "body": [{"type": "paragraph", "value": f"<p>{notice['body']}</p>"}],
    }
    if notice["type"] == "news":
        return NewsPage(category=notice["category"], **common)
    if notice["type"] == "announcement":
        return AnnouncementPage(kind=notice["kind"], **common)
    return ProcurementNoticePage(
        stage=stage_for_kind(notice["kind"]),
        method=notice["method"],
        egp_number=notice["egp_number"],
        budget=Decimal(notice["budget"]),
        winner_name=notice.get("winner_name", ""),
        agreed_price=Decimal(notice["agreed_price"]) if notice.get("agreed_price") else None,
        **common,
    )


def parent_key(notice):
    if notice["type"] == "news":
        return "news"
    if notice.get("school"):
        return f"school-{notice['school']}"
    return "announcements"


def build_notices(parents, notices=None):
    """Every notice of the test set as a live page under its section: ``{key: page}``."""
    units = {unit.slug: unit for unit in Unit.objects.all()}
    pages = {}
    for notice in notices if notices is not None else load()["notices"]:
        page = notice_page(notice, units=units)
        pages[notice["key"]] = parents[parent_key(notice)].add_child(instance=page)
    return pages


def build_notices_in_bulk(parents, notices, batch_size=BULK_BATCH_SIZE):
    """``notices`` as live pages under their sections, as ``build_notices`` makes them, but
    written ``batch_size`` at a time under each parent by the import's writer
    (``imports.writer.add_children``: the parent locked and its child count raised once per
    batch, each page saved by Wagtail's ``Page.save``), their references recorded in one insert
    per batch (``imports.importer.add_references``) and the page cache's version raised once.

    For the benchmark's 20,000 notices: ``add_child`` per page raises the parent's child count
    and the content version once per page, the same two rows updated 20,000 times in one
    transaction, which PostgreSQL slows down at each update (every older version of the row
    is still visited). Search indexing is left to the caller (``update_index``), as with
    ``build_notices`` under ``AUTO_UPDATE: False``. Returns the number of pages made."""
    from imports.importer import add_references
    from imports.writer import add_children

    units = {unit.slug: unit for unit in Unit.objects.all()}
    waiting = {}
    made = 0

    def write(key):
        nonlocal made
        pages, waiting[key] = waiting[key], []
        add_children(parents[key].pk, pages)
        add_references(pages)
        made += len(pages)

    with purge.paused(), disable_reference_index_auto_update():
        for notice in notices:
            key = parent_key(notice)
            page = notice_page(notice, units=units)
            # What ``add_child``'s validation sets (Wagtail's ``Page.full_clean``).
            page.locale_id = parents[key].locale_id
            page.draft_title = page.title
            waiting.setdefault(key, []).append(page)
            if len(waiting[key]) >= batch_size:
                write(key)
        for key in list(waiting):
            if waiting[key]:
                write(key)
    purge.bump()
    return made


def recall_at(found_keys, relevant, k=10):
    """Recall@k of one query: the share of its relevant notices among the first ``k`` found,
    out of ``min(k, number relevant)`` (a query with 28 relevant notices can show only 10)."""
    if not relevant:
        return None
    hits = len(set(found_keys[:k]) & set(relevant))
    return hits / min(k, len(relevant))
