"""Query helpers shared by every listing: privacy filtering, the language served, and routing
to a child page in one query."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction

from core.languages import mark_thai_only, may_find_thai_only, thai_only_children


def public(queryset):
    """``queryset`` without pages in a private section, as Wagtail's ``.public()`` but in the
    same query: a page is left out when a view restriction sits on it or on an ancestor (its
    path begins with the restricted page's path). Read from the database every time, never
    from a cache, so a section made private disappears at once from every process. (An
    ``id IN (subquery)``, which the search backends accept as a filter, unlike ``EXISTS``.)"""
    restricted_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    private = Page.objects.filter(Exists(restricted_above)).values("pk")
    return queryset.exclude(pk__in=private)


def in_active_language(queryset):
    """Pages of the language being served (a join, not an extra query)."""
    return queryset.filter(locale__language_code=get_language() or settings.LANGUAGE_CODE)


def in_language_or_thai(queryset):
    """Pages in the language served and, where a Thai page has no live translation into it,
    the Thai page: notices are published in Thai and are often never translated.

    Joins and a subquery, not extra queries.
    """
    thai = settings.LANGUAGE_CODE
    language = get_language() or thai
    if language == thai:
        return queryset.filter(locale__language_code=thai)
    translated = Page.objects.filter(
        translation_key=models.OuterRef("translation_key"),
        locale__language_code=language,
        live=True,
    )
    return queryset.filter(
        models.Q(locale__language_code=language)
        | models.Q(locale__language_code=thai) & ~models.Exists(translated)
    )


def children_of_page_or_its_original(page):
    """A filter for the children of ``page`` and of its Thai original (``page`` may be an
    English translation whose children are still only in Thai)."""
    original = Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).values("path")[:1]
    return models.Q(depth=page.depth + 1) & (
        models.Q(path__startswith=page.path) | models.Q(path__startswith=models.Subquery(original))
    )


def below(paths):
    """A filter for the pages below any of the tree ``paths`` (e.g. the notices of a school,
    whose page has a path in each language); nothing when ``paths`` is empty."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path, depth__gt=len(path) // Page.steplen)
    return condition


def route_to_child(parent, request, path_components, model, subclasses=(), related=()):
    """Wagtail's ``route`` to a child of ``parent``, with the child loaded as its own page type
    in one query (Wagtail takes two: the page, then its specific fields), so that a notice four
    or five levels deep stays within the query budget.

    ``subclasses`` are multi-table subclasses of ``model`` loaded in the same query by
    ``select_related`` (e.g. ``"procurementnoticepage"``, or ``"homepage"`` from ``Page``):
    the first that the child has is used; ``related`` are the foreign keys its page shows
    (an image, a document). None when there is no such child, it is a draft or its type was
    not loaded: then Wagtail routes as usual.
    """
    if not path_components:
        return None
    here = Q(path__startswith=parent.path, depth=parent.depth + 1)
    # On an English page, a Thai page without a live translation stands in for a missing or
    # draft child, at its English address (core/languages.py): looked for in the same query.
    thai_only = may_find_thai_only(request)
    found = list(
        model.objects.filter(here | thai_only_children(parent) if thai_only else here)
        .filter(slug=path_components[0])
        .select_related(*subclasses, *related)[:2]
    )
    child = next((page for page in found if page.path.startswith(parent.path)), None)
    thai = next((page for page in found if not page.path.startswith(parent.path)), None)
    if thai is not None and (child is None or not (child.live or child.expired)):
        child = thai
    thai_only = child is not None and child is thai
    for name in subclasses:
        if child is not None and hasattr(child, name):
            child = getattr(child, name)
            break
    if child is None or child.specific_class is not type(child):
        return None
    if not (child.live or child.expired):
        return None  # a draft: Wagtail's routing answers 404
    if thai_only:
        mark_thai_only(request)
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])
