"""The page cache: anonymous visitors' GET and HEAD requests answered from the configured cache.

It sits above the session, CSRF and authentication middleware, so a hit costs one query (the
content version, ``pagecache.purge``) and no rendering; below it, ``GZipMiddleware`` compresses,
so the cache stores the compressed form. A request is looked up only when it carries no
session cookie and no credentials (staff, previews, a page whose password was given all come
with a session); a response is stored only when it is a complete 200 that sets no cookie, does
not vary with cookies (a form with a CSRF token, anything that read the session) and does not
call itself private. The key holds the content version, the address (host, path and query) and
whether the client takes gzip: nothing else changes what the server renders (the consent
banner and the map's consent are read by the browser's script from its cookie).
"""

import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import has_vary_header, patch_cache_control

from pagecache.purge import current_version

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
        if key is not None:
            try:
                cached = caches[settings.PAGE_CACHE_ALIAS].get(key)
            except Exception:  # the cache is down: render from the database
                logger.exception("page cache unreadable")
                cached, key = None, None
            if cached is not None:
                return cached
        response = self.get_response(request)
        drop_accept_language(response)
        if excluded:
            return response
        if key is not None and storable(response):
            patch_cache_control(
                response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS, s_maxage=seconds
            )
            try:
                caches[settings.PAGE_CACHE_ALIAS].set(key, response, seconds)
            except Exception:
                logger.exception("page cache unwritable")
        elif not response.has_header("Cache-Control"):
            # Rendered for this visitor (a session, a token, a cookie): no shared cache keeps it.
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def key(request):
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        version = current_version()
        if version is None:
            return None
        encoding = (
            "gzip"
            if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
            else "identity"
        )
        address = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False)
        return f"page:{version}:{encoding}:{address.hexdigest()}"


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
