"""The page cache: anonymous visitors' GET and HEAD requests answered from the configured cache.

It sits above the session, CSRF and authentication middleware, so a hit renders nothing: with
Redis it is one Redis round trip (the content version and the page together) and no query;
with another store, one query (the content version, ``pagecache.version``); below it, ``GZipMiddleware`` compresses,
so the cache stores the compressed form. A request is looked up only when it carries no
session cookie and no credentials (staff, previews, a page whose password was given all come
with a session); a response is stored only when it is a complete 200 that sets no cookie, does
not vary with cookies (a form with a CSRF token, anything that read the session) and does not
call itself private. An entry holds the content version it was rendered under and is served
only while that is still the current one; its key holds the address (host, path and query) and
whether the client takes gzip: nothing else changes what the server renders (the consent
banner and the map's consent are read by the browser's script from its cookie).
"""

import hashlib
import logging
import re

from django.conf import settings
from django.utils.cache import has_vary_header, patch_cache_control

from pagecache import version as content
from pagecache.fragments import find_site

logger = logging.getLogger(__name__)

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
VARY_SPLIT = re.compile(r"\s*,\s*")
PRIVATE = ("private", "no-store", "no-cache")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        excluded = request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDE_PATHS))
        key = None if excluded or not seconds else self.key(request)
        version = None
        if key is not None:
            version, cached = self.lookup(request, key)
            if cached is not None:
                return cached
        if not excluded:
            find_site(request)
        response = self.get_response(request)
        drop_accept_language(response)
        if excluded:
            return response
        if key is not None and version is not None and storable(response):
            patch_cache_control(
                response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS, s_maxage=seconds
            )
            try:
                content.page_cache().set(key, (version, response), seconds)
            except Exception:
                logger.exception("page cache unwritable")
        elif not response.has_header("Cache-Control"):
            # Rendered for this visitor (a session, a token, a cookie): no shared cache keeps it.
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def lookup(request, key):
        """``(content version, cached response or None)``; ``(None, None)`` when there is no
        version yet (before the migration). A store that cannot be read is a miss."""
        store = content.page_cache()
        if content.in_cache(store):
            try:  # one round trip: the generation and the page
                found = store.get_many([content.GENERATION_KEY, key])
            except Exception:
                logger.exception("page cache unreadable")
                found = {}
            if found.get(content.GENERATION_KEY) is not None:
                version = content.from_generation(found[content.GENERATION_KEY])
                request.content_version = version
                return version, fresh(found.get(key), version)
        version = content.current(request)
        if version is None:
            return None, None
        try:
            entry = store.get(key)
        except Exception:  # the cache is down: render from the database
            logger.exception("page cache unreadable")
            entry = None
        return version, fresh(entry, version)

    @staticmethod
    def key(request):
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        encoding = (
            "gzip"
            if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
            else "identity"
        )
        address = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False)
        return f"page:{encoding}:{address.hexdigest()}"


def fresh(entry, version):
    """The response of a cache entry rendered under ``version``, else ``None``."""
    if isinstance(entry, tuple) and entry[0] == version:
        return entry[1]
    return None


def storable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not any(word in cache_control for word in PRIVATE)
    )


def drop_accept_language(response):
    """Every address without a language prefix is Thai whatever the browser asks
    (``prefix_default_language=False`` makes LocaleMiddleware use LANGUAGE_CODE there), and the
    English ones carry ``/en/``: no response varies with Accept-Language, although
    LocaleMiddleware says so for the unprefixed ones. A shared cache would keep a copy per
    header value."""
    if has_vary_header(response, "Accept-Language"):
        kept = [
            value
            for value in VARY_SPLIT.split(response["Vary"])
            if value.lower() != "accept-language"
        ]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
