"""RSS and Atom feeds (``django.contrib.syndication``): every announcement, or those of one
kind, unit or school, and the news; newest first, ``FEED_ITEMS`` items.

Feeds are served in the language of the address (``/feeds/…`` Thai, ``/en/feeds/…`` English)
and list what the listing pages list: announcements in that language or, when a notice has no
live translation, in Thai (``AnnouncementPage.listing``); news in that language. Each feed runs
the same few queries whatever its length: the listing page it links to, and its items with
their units; its addresses are worked out with the request (Wagtail reads its site root paths
once per request, not once per item). A feed written is kept under the content version
(``pagecache.fragments``) for its address and scheme: asked again, it asks nothing. An unknown
kind, unit or school answers 404 with a Thai page saying so.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.listing import all_units
from core.queries import below, in_active_language
from news.models import (
    AnnouncementIndexPage,
    AnnouncementKind,
    AnnouncementPage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)
from pagecache.fragments import remember
from schools.models import SchoolPage
from thai.dates import format_english_date, format_thai_date

FEED_ITEMS = 30


class FeedNotFound(Http404):
    """An unknown kind, unit, school or category in a feed address (its message says which)."""


def in_language_served(pages):
    """Of ``pages`` (translations of one page, with their locales), the one in the language
    served, else the Thai one, else None."""
    by_language = {page.locale.language_code: page for page in pages}
    return by_language.get(get_language()) or by_language.get(settings.LANGUAGE_CODE)


def listing_page(model):
    """The live listing page of ``model`` in the language served, else the Thai one."""
    languages = {get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE}
    pages = model.objects.live().filter(locale__language_code__in=languages)
    return in_language_served(pages.select_related("locale"))


def local_midnight(date):
    """The start of ``date`` in Bangkok, as feeds carry times."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


class NoticeFeed(Feed):
    """What the announcement and news feeds share: items, links, dates, Thai titles."""

    feed_type = Rss201rev2Feed
    listing_model = None

    def __call__(self, request, *args, **kwargs):
        """The feed, kept under the content version for its address (kind, unit, school or
        category, format, language) and scheme (its links are full addresses): nothing of it
        depends on the visitor."""
        try:
            body, content_type, modified = remember(
                request,
                "feed",
                lambda: self.written(request, *args, **kwargs),
                request.path,
                request.is_secure(),
            )
        except FeedNotFound as missing:
            return TemplateResponse(
                request, "feeds/feed_not_found.html", {"message": str(missing)}, status=404
            )
        response = HttpResponse(body, content_type=content_type)
        response.headers["Last-Modified"] = modified
        return response

    def written(self, request, *args, **kwargs):
        """Django's feed for ``request``: its body, type and ``Last-Modified``."""
        response = super().__call__(request, *args, **kwargs)
        return response.content, response["Content-Type"], response["Last-Modified"]

    def get_object(self, request, *args, **kwargs):
        """What the feed lists (``selection``), with the request its addresses are worked out
        for."""
        return {**self.selection(request, *args, **kwargs), "request": request}

    def title(self, selection):
        return f"{selection['title']} | {_('เทศบาลนครนครสวรรค์')}"

    def link(self, selection):
        page = listing_page(self.listing_model)
        url = page.get_url(selection["request"]) if page is not None else "/"
        return url + selection.get("query", "")

    def description(self, selection):
        return selection["title"]

    subtitle = description  # Atom

    def items(self, selection):
        """The newest items, each with its address for the request (``item_link``)."""
        items = list(selection["items"][:FEED_ITEMS])
        for item in items:
            item.feed_link = item.get_url(selection["request"])
        return items

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return f"urn:nakhonsawan-portal:page:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return local_midnight(item.date)

    def item_updateddate(self, item):
        return item.last_published_at or local_midnight(item.date)

    def item_description(self, item):
        date = (
            format_english_date(item.date)
            if get_language() == "en"
            else format_thai_date(item.date)
        )
        parts = [item.listing_summary or item.search_description, self.item_label(item), date]
        if item.responsible_unit:
            parts.append(item.responsible_unit.localized_name)
        return " · ".join(part for part in parts if part)

    def item_categories(self, item):
        return [self.item_label(item)]


class AnnouncementFeed(NoticeFeed):
    """ประกาศ: every notice, or one kind's, one unit's or one school's."""

    listing_model = AnnouncementIndexPage

    def selection(self, request, kind=None, unit=None, school=None):
        items = AnnouncementPage.listing()
        if kind is not None:
            if kind not in AnnouncementKind.values:
                raise FeedNotFound(_("ไม่พบประเภทประกาศ '%(kind)s'") % {"kind": kind})
            label = AnnouncementKind(kind).label
            return {"title": str(label), "items": items.filter(kind=kind), "query": f"?kind={kind}"}
        if unit is not None:
            found = next((u for u in all_units(request) if u.slug == unit), None)
            if found is None:
                raise FeedNotFound(_("ไม่พบหน่วยงาน '%(unit)s'") % {"unit": unit})
            title = _("ประกาศของ%(unit)s") % {"unit": found.localized_name}
            items = items.filter(responsible_unit=found)
            return {"title": title, "items": items, "query": f"?unit={unit}"}
        if school is not None:
            return self.school_selection(items, school)
        return {"title": _("ประกาศ / ข่าวประชาสัมพันธ์"), "items": items}

    def school_selection(self, items, slug):
        schools = list(SchoolPage.objects.live().filter(slug=slug).select_related("locale"))
        school = in_language_served(schools)
        if school is None:
            raise FeedNotFound(_("ไม่พบโรงเรียน '%(school)s'") % {"school": slug})
        title = _("ประกาศจัดซื้อจัดจ้าง%(school)s") % {"school": school.title}
        items = items.filter(below([each.path for each in schools]))
        return {"title": title, "items": items, "school": school}

    def link(self, selection):
        if "school" in selection:
            return selection["school"].get_url(selection["request"])
        return super().link(selection)

    def item_label(self, item):
        return str(item.get_kind_display())


class NewsFeed(NoticeFeed):
    """ข่าวสาร: all news, or one category's."""

    listing_model = NewsIndexPage

    def selection(self, request, category=None):
        items = in_active_language(NewsPage.listing())
        if category is None:
            return {"title": _("ข่าวสาร"), "items": items}
        if category not in NewsCategory.values:
            raise FeedNotFound(_("ไม่พบประเภทข่าว '%(category)s'") % {"category": category})
        title = str(NewsCategory(category).label)
        return {
            "title": title,
            "items": items.filter(category=category),
            "query": f"?category={category}",
        }

    def item_label(self, item):
        return str(item.get_category_display())


class AnnouncementAtomFeed(AnnouncementFeed):
    feed_type = Atom1Feed


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed


__all__ = [
    "AnnouncementAtomFeed",
    "AnnouncementFeed",
    "NewsAtomFeed",
    "NewsFeed",
]
