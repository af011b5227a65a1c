"""The live municipal schools, cached: the school filters of the search page and of the
procurement listing (through ``procurement.schools``) read them on every view."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.queries import public
from pagecache.fragments import keeps, remember
from portal.cache import forget
from schools.models import SchoolPage

SCHOOLS_CACHE_KEY = "school-pages"


@dataclass
class School:
    slug: str
    title: str
    path: str
    language: str


def school_pages(request=None):
    """The live public municipal schools of both languages, in the order of the page tree.
    For a request that keeps parts of pages (``pagecache.fragments.keeps``), read from the
    database once per content version (a school page's change raises it) and then from the
    process's own copy: no Redis round trip per request. Otherwise cached (one query when a
    school page has changed, see ``clear_cached_schools``)."""
    if keeps(request):
        return remember(request, "schools", live_schools)
    schools = cache.get(SCHOOLS_CACHE_KEY)
    if schools is None:
        schools = live_schools()
        cache.set(SCHOOLS_CACHE_KEY, schools, None)
    return schools


def live_schools():
    rows = public(SchoolPage.objects.live()).order_by("path")
    return [
        School(slug, title, path, language)
        for slug, title, path, language in rows.values_list(
            "slug", "title", "path", "locale__language_code"
        )
    ]


def school_choices(schools, language):
    """``(slug, title, language_code)`` of each school, in the language served where
    translated, else in Thai (an English drop-down marks that option ``lang="th"``)."""
    titles = {}
    for school in schools:
        code = school.language
        if code in (language, settings.LANGUAGE_CODE) and (
            school.slug not in titles or code == language
        ):
            titles[school.slug] = (school.title, code)
    return [(slug, title, code) for slug, (title, code) in titles.items()]


def school_filter_choices(request=None):
    """``(slug, title, paths, language_code)`` of the live schools in the language served
    (no query once cached, ``school_pages``); ``paths`` are the school's pages in every
    language."""
    schools = school_pages(request)
    paths = {}
    for school in schools:
        paths.setdefault(school.slug, []).append(school.path)
    choices = school_choices(schools, get_language())
    return [(slug, title, paths[slug], code) for slug, title, code in choices]


def clear_cached_schools(**kwargs):
    forget(SCHOOLS_CACHE_KEY)


def connect_signals():
    """The school list changes when a school page is published, unpublished, moved or
    deleted, or a section is made private or public again."""
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(clear_cached_schools, sender=SchoolPage, dispatch_uid=f"schools-{signal}")
    post_page_move.connect(clear_cached_schools, dispatch_uid="schools-move")
    for signal in (post_save, post_delete):
        signal.connect(
            clear_cached_schools, sender=PageViewRestriction, dispatch_uid=f"schools-pvr-{signal}"
        )
