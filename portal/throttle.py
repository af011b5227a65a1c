"""Who is asking, and how often: the address a request really came from, for the sign-in
lock-out (django-axes) and every rate limit of the portal, and the counter those limits share.

``X-Forwarded-For`` is whatever the client wrote, except for the part our own proxies
appended. So it is read only when the connection comes from a proxy listed in
``TRUSTED_PROXIES`` (addresses or networks, e.g. ``127.0.0.1`` when nginx runs on the same
host), and then from the right: the first address that is not one of our proxies is the
client. Without trusted proxies the header is ignored and the connection's address is used.
"""

import functools
import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured


@functools.cache
def _networks(proxies):
    try:
        return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error


def _parse(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    """The client's address as text (the connection's address when nothing better is known)."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not _is_trusted(_parse(remote), networks):
        return remote
    client = remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part for part in forwarded.split(",") if part.strip()]):
        address = _parse(hop)
        if address is None:
            break  # not an address: what is left of the header cannot be trusted
        client = str(address)
        if not _is_trusted(address, networks):
            break
    return client


def over_limit(scope, identity, limit, window_seconds, count=True):
    """Count one more attempt of ``identity`` (an address, an account) at ``scope`` in the
    shared cache (``count=False``: only look); True once more than ``limit`` were made in the
    window that started with the first of them. Identities are hashed: no address is kept in
    the cache."""
    digest = hashlib.sha256(str(identity).encode()).hexdigest()[:32]
    key = f"throttle:{scope}:{digest}"
    cache.add(key, 0, window_seconds)
    try:
        attempts = cache.incr(key, 1 if count else 0)
    except ValueError:  # expired between add and incr
        attempts = int(count)
        cache.set(key, attempts, window_seconds)
    return attempts > limit
