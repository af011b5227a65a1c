"""Parts of a page kept under the content version: what every page repeats (the footer, the
consent banner) and what a page computes from content alone (the home page's lists), kept in
the page cache's store for ``PAGE_FRAGMENT_SECONDS`` (0 turns them off).

A key holds the content version (``pagecache.version``), the host, the language and the
part's name and variant, so the first request after a change committed in any process renders
the part anew, exactly as a cached page is. A part must not depend on the visitor (no CSRF
token, no session, no signed-in user): the page around it may be rendered for one visitor, the
part is shared by all.
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.utils import translation

from pagecache import version as content

logger = logging.getLogger(__name__)
MISSING = object()
NEAR_ENTRIES = 1000  # parts a process keeps its own copy of (see ``stores``)


def key(request, name, variant):
    version = content.current(request)
    if version is None:
        return None
    parts = "\x1f".join(str(part) for part in (request.get_host(), *variant))
    digest = hashlib.md5(parts.encode(), usedforsecurity=False).hexdigest()
    return f"fragment:{version}:{translation.get_language()}:{name}:{digest}"


@functools.cache
def _near():
    return LocMemCache("page-fragments-near", {"OPTIONS": {"MAX_ENTRIES": NEAR_ENTRIES}})


def stores():
    """Where parts are kept, nearest first. A part's key holds the content version, so what
    was kept under it never changes: a process keeps its own copy of the parts it read from
    a shared store (Redis), at most ``NEAR_ENTRIES`` of them, and a page rendered anew asks
    Redis only for those it has not read yet."""
    store = content.page_cache()
    return (store,) if isinstance(store, LocMemCache) else (_near(), store)


def _get(cache_key, seconds):
    """The part under ``cache_key`` from the nearest store that has it (copied to the nearer
    ones), else ``MISSING``."""
    kept = stores()
    for depth, store in enumerate(kept):
        try:
            value = store.get(cache_key, MISSING)
        except Exception:
            logger.exception("fragment cache unreadable")
            continue
        if value is not MISSING:
            for nearer in kept[:depth]:
                nearer.set(cache_key, value, seconds)
            return value
    return MISSING


def _set_many(values, seconds):
    for store in stores():
        try:
            store.set_many(values, seconds)
        except Exception:
            logger.exception("fragment cache unwritable")


def keeps(request):
    """Whether parts are kept for ``request``: not without a request, in a preview (a draft's
    own content) or when turned off."""
    return bool(
        settings.PAGE_FRAGMENT_SECONDS
        and request is not None
        and not getattr(request, "is_preview", False)
    )


def remember(request, name, compute, *variant, keep=None):
    """``compute()``, kept under the content version, the host, the language, ``name`` and the
    ``variant`` values (only when ``keep(value)``, if given). Computed on every call when
    nothing is kept for ``request`` (``keeps``)."""
    seconds = settings.PAGE_FRAGMENT_SECONDS
    cache_key = key(request, name, variant) if keeps(request) else None
    if cache_key is None:
        return compute()
    value = _get(cache_key, seconds)
    if value is MISSING:
        value = compute()
        if keep is None or keep(value):
            _set_many({cache_key: value}, seconds)
    return value


def remember_many(request, name, ids, compute):
    """``{id: value}`` for ``ids``, each kept as ``remember`` keeps a part (variant: the id);
    ``compute(missing ids)`` gives ``{id: value}`` for those not kept, all at once (one query
    for a page of search results, not one per result). An id ``compute`` leaves out is left
    out."""
    seconds = settings.PAGE_FRAGMENT_SECONDS
    keys = {key(request, name, (pk,)): pk for pk in ids} if keeps(request) else {}
    if not keys or None in keys:
        return compute(list(ids))
    found = {}
    kept = stores()
    for depth, store in enumerate(kept):
        asked = [cache_key for cache_key, pk in keys.items() if pk not in found]
        if not asked:
            break
        try:
            values = store.get_many(asked)
        except Exception:
            logger.exception("fragment cache unreadable")
            continue
        found.update({keys[cache_key]: value for cache_key, value in values.items()})
        for nearer in kept[:depth]:
            nearer.set_many(values, seconds)
    missing = [pk for pk in ids if pk not in found]
    if missing:
        computed = compute(missing)
        found.update(computed)
        _set_many(
            {cache_key: computed[pk] for cache_key, pk in keys.items() if pk in computed}, seconds
        )
    return found


def find_site(request):
    """Wagtail's site for ``request``, kept under the content version: looking it up is a
    query on every request (``Site.find_for_request``), which this leaves to the first one
    after a change. Wagtail keeps the site of a request in ``request._wagtail_site``. The
    site's root page is kept with it as its own type (``specific``), where routing starts:
    one query less on every page of the site's language; and with it its live translation in
    each language (``LocalizedWithSite``), which Wagtail asks for on every request it routes
    (``Page.route_for_request``: ``site.root_page.localized``, a query for the active locale,
    and two more on another language's pages)."""
    from wagtail.models import Site

    def site_and_root():
        site = Site.find_for_request(request)
        if site is not None:
            root = site.root_page.specific
            root.localized_by_language = {
                code: _localized(root, code) for code, _name in settings.LANGUAGES
            }
            site.root_page = root
        return site

    if settings.PAGE_FRAGMENT_SECONDS and not hasattr(request, "_wagtail_site"):
        request._wagtail_site = remember(
            request, "site-and-translations", site_and_root, request.get_port()
        )


def _localized(page, language_code):
    """Wagtail's ``page.localized`` in ``language_code``, as its own type."""
    with translation.override(language_code):
        found = page.localized
    return found.specific


class LocalizedWithSite:
    """For the page types that may be a site's root page: ``localized`` answers from the
    translations ``find_site`` kept with the site, so routing a request asks the database
    nothing for it; any other page, or a language not kept, asks Wagtail's own."""

    @property
    def localized(self):
        kept = getattr(self, "localized_by_language", None) or {}
        found = kept.get(translation.get_language())
        return found if found is not None else super().localized
