"""The caches of the site. The shared cache (Redis) is an accelerator only: when Redis cannot be
reached, each process keeps values itself meanwhile, as it does without Redis (``ProcessCache``,
each value at most ``PROCESS_CACHE_SECONDS``), so pages are served from the database, slower,
instead of failing, and with their usual number of queries (Wagtail's site root paths, the menu,
kept parts of pages). Counters (``add``, ``incr``: rate limits, the page cache's generation)
are never kept by a process: they count nothing while Redis is down. After an error the cache is
left alone for ``RETRY_SECONDS`` (no connection attempt on every call), and the outage is logged
once when it starts and once when it ends, per process."""

import logging
import threading
import time

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
RETRY_SECONDS = 10


class Outage:
    """The state of one Redis server, shared by the threads of the process (Django makes a
    cache object per thread)."""

    def __init__(self, server):
        self.lock = threading.Lock()
        # What the process keeps while Redis is down (``ProcessCache``, defined below).
        self.stand_in = ProcessCache(f"outage:{server}", {})
        self.down = False
        self.retry_at = 0.0

    def failed(self, error):
        with self.lock:
            self.retry_at = time.monotonic() + RETRY_SECONDS
            if not self.down:
                self.down = True
                logger.error("Cache (Redis) unreachable, serving from the database: %s", error)

    def worked(self):
        if self.down:
            with self.lock:
                if self.down:
                    self.down = False
                    logger.warning("Cache (Redis) reachable again")


_outages = {}
# ``_call``'s fallback for the operations the process answers itself while Redis is down.
OWN = object()


class OneClientPerPool(RedisCacheClient):
    """Django's maker of Redis clients, making one redis-py client per connection pool instead of
    one per call: a redis-py client sets up its ~170 reply handlers when it is made, about a
    third of the processor time of a page answered from the page cache. A client may be shared:
    each command takes a connection from the pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = OneClientPerPool
        self._outage = _outages.get(str(server)) or _outages.setdefault(str(server), Outage(server))

    def _call(self, name, fallback, *args):
        """Redis's answer to ``name(*args)``; while Redis is down, ``fallback``, or the
        process's own answer when that is ``OWN``."""
        if time.monotonic() < self._outage.retry_at:
            return self._instead(name, fallback, *args)
        try:
            result = getattr(super(), name)(*args)
        except RedisError as error:
            self._outage.failed(error)
            return self._instead(name, fallback, *args)
        self._outage.worked()
        return result

    def _instead(self, name, fallback, *args):
        if fallback is OWN:
            return getattr(self._outage.stand_in, name)(*args)
        return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", OWN, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", OWN, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", OWN, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Not added: a caller counting with add/incr (rate limits) starts from nothing.
        return self._call("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", OWN, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", OWN, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", OWN, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", OWN, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", OWN, keys, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, key, delta, version)
        if result is missing:
            raise ValueError(f"Key {key!r} not found (cache unreachable)")
        return result

    def clear(self):
        return self._call("clear", OWN)


# Without a shared cache each process keeps its own values, which another worker's signals
# cannot clear: they live at most this long, so every process is right within that time.
PROCESS_CACHE_SECONDS = 30


class ProcessCache(LocMemCache):
    """Django's per-process memory cache, with every timeout (even "forever") capped at
    ``PROCESS_CACHE_SECONDS``. What must never be stale (which sections are private) is not
    cached at all (``core.queries.public``)."""

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        if timeout is None or timeout > PROCESS_CACHE_SECONDS:
            timeout = PROCESS_CACHE_SECONDS
        return super().get_backend_timeout(timeout)


def forget(*keys):
    """Delete ``keys`` from the shared cache now, and again once the transaction that changed
    what they hold commits. A signal handler clearing a key runs before the commit: another
    process reading the old rows meanwhile would put them back, with nothing to clear them
    again (the units, the menus, the settings), had the key not been deleted after the commit
    too."""
    cache.delete_many(keys)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete_many(keys))
