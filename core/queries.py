"""Query helpers shared by every listing: privacy filtering, pagination, query-string parsing."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

from core.thai import arabic_digits

PRIVATE_PATHS_KEY = "private-page-paths"


def private_paths():
    """Tree paths of the sections with a view restriction, cached until one changes.

    Wagtail's ``.public()`` asks the database for them on every call; a listing page with
    three lists would pay three times.
    """
    paths = cache.get(PRIVATE_PATHS_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(PRIVATE_PATHS_KEY, paths, None)
    return paths


def public(queryset):
    """``queryset`` without pages in a private section (as ``.public()``, without its query)."""
    private = Q()
    for path in private_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


def clear_private_paths(**kwargs):
    cache.delete(PRIVATE_PATHS_KEY)


def connect_signals():
    post_save.connect(clear_private_paths, sender=PageViewRestriction, dispatch_uid="private-save")
    post_delete.connect(clear_private_paths, sender=PageViewRestriction, dispatch_uid="private-del")
    post_page_move.connect(clear_private_paths, dispatch_uid="private-move")


def paginate(request, queryset, per_page):
    """The requested page of ``queryset``; a bad or too large page number gives a valid page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def int_param(request, name, minimum=None, maximum=None):
    """An integer from the query string (Thai digits allowed), or None when absent or invalid."""
    raw = arabic_digits(request.GET.get(name, "")).strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        return None
    value = int(raw)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        return None
    return value
