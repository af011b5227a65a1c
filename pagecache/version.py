"""The content version that every cached page and fragment is keyed by.

The database holds the source of truth: ``ContentVersion.number``, raised inside the
transaction of every content change (``pagecache.purge``). Where it is read from depends on
the page cache's store:

- **Redis** (shared by every process): a *generation* kept in Redis itself is raised with
  Redis's atomic ``INCR`` once the change has committed. A cache hit then costs one Redis round
  trip (the generation and the page together) and no query; and a cached page still answers
  when the database is down. A process that reads the new generation started after the commit,
  so what it renders is the new content; a page rendered from the old content while the
  change commits is stored with the old generation, which no one asks for again. When the
  generation is missing (a new or emptied Redis) it starts again from the clock, a number no
  earlier generation had.
- **Anything else** (the per-process or file cache, or Redis unreachable): the database row,
  one primary-key query per request, exact in every process. While the database is
  unreachable, a process keeps answering from the cache with the last number it read (no
  change can commit meanwhile).
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connection

from pagecache.models import ContentVersion

logger = logging.getLogger(__name__)
GENERATION_KEY = "pagecache:generation"
VERSION_SQL = f"SELECT number FROM {ContentVersion._meta.db_table} WHERE id = 1"
_last_read = None


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def in_cache(store):
    """Whether ``store`` keeps the generation (a store shared by every process, with an
    atomic increment)."""
    return isinstance(store, RedisCache)


def database_version():
    """The database's number, or ``None`` before the migration has made its row. While the
    database cannot be reached, the last number this process read (``None`` if none)."""
    global _last_read
    try:
        with connection.cursor() as cursor:
            cursor.execute(VERSION_SQL)
            row = cursor.fetchone()
    except DatabaseError:
        if _last_read is None:
            raise
        logger.warning("database unreachable: cached pages of content version %s", _last_read)
        return _last_read
    _last_read = row[0] if row else None
    return _last_read


def from_database():
    number = database_version()
    return None if number is None else f"d{number}"


def from_generation(generation):
    return f"g{generation}"


def start_generation(store):
    """The generation after it was found missing: a new one from the clock unless another
    process has just started one; ``None`` when the store cannot be reached."""
    try:
        store.add(GENERATION_KEY, time.time_ns(), None)
        generation = store.get(GENERATION_KEY)
    except Exception:  # unreachable: the database decides
        logger.exception("page cache unreachable")
        return None
    return None if generation is None else from_generation(generation)


def current(request=None):
    """The content version as a key part (``"g…"`` or ``"d…"``), read once per request;
    ``None`` before the migration."""
    version = getattr(request, "content_version", None)
    if version is not None:
        return version
    store = page_cache()
    if in_cache(store):
        try:
            generation = store.get(GENERATION_KEY)
        except Exception:
            logger.exception("page cache unreachable")
            generation = None
        version = from_generation(generation) if generation is not None else start_generation(store)
    if version is None:
        version = from_database()
    if request is not None:
        request.content_version = version
    return version


def raise_generation():
    """After a change has committed: a new generation, so that no process serves a page or
    fragment rendered before it."""
    store = page_cache()
    if not in_cache(store):
        return
    try:
        store.incr(GENERATION_KEY)
    except ValueError:  # missing, or Redis unreachable (portal.cache.ForgivingRedisCache)
        start_generation(store)
    except Exception:
        logger.exception("page cache unreachable: generation not raised")
