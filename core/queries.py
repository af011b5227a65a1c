"""Query helpers shared by every listing: privacy filtering and the language served."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

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


def in_active_language(queryset):
    """Pages of the language being served (a join, not an extra query)."""
    return queryset.filter(locale__language_code=get_language() or settings.LANGUAGE_CODE)


def clear_private_paths(**kwargs):
    cache.delete(PRIVATE_PATHS_KEY)


def connect_signals():
    post_save.connect(clear_private_paths, sender=PageViewRestriction, dispatch_uid="private-save")
    post_delete.connect(clear_private_paths, sender=PageViewRestriction, dispatch_uid="private-del")
    post_page_move.connect(clear_private_paths, dispatch_uid="private-move")


def unit_lookups(suffix=""):
    """The Page-level lookups of ``BasePage.responsible_unit``, one per table that holds the
    column, for queries across all page types: ``Coalesce(*map(F, unit_lookups("__name")))``."""
    from wagtail.models import get_page_models

    from core.models import BasePage

    return [
        f"{model._meta.model_name}__responsible_unit{suffix}"
        for model in get_page_models()
        if issubclass(model, BasePage) and model._meta.get_field("responsible_unit").model is model
    ]
