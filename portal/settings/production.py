"""Production: refuses to start without a secret key and host names; HTTPS only."""

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_list, env_str

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs a long random secret, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. List the site's host names, comma-separated, "
        "e.g. ALLOWED_HOSTS=www.nakhonsawancity.go.th"
    )
# Every staff and citizen e-mail links to this address (core/links.py); without it they would
# link to the development default, http://127.0.0.1:8000.
if not env_str("WAGTAILADMIN_BASE_URL", ""):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL is not set. E-mails link to it: set the site's public address, "
        "e.g. WAGTAILADMIN_BASE_URL=https://www.nakhonsawancity.go.th"
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# gunicorn listens on 127.0.0.1 (Procfile): its only client is the proxy on the same host, whose
# X-Forwarded-For is believed. Name other proxies (a load balancer) in TRUSTED_PROXIES.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"])

# Several web instances serve one site (docs/operations.md, "Topology"): nothing another
# instance needs may stay in a process or on a local disk. Sessions and the sign-in lock-out
# records are rows in PostgreSQL (named here, so that no default moves them into a process or
# a file); form tokens are signed with SECRET_KEY (the same on every instance) and spent in
# PostgreSQL; the scheduler's leases are rows too. Files go to the buckets (MEDIA_STORAGE=s3);
# then the cache (page cache, rate limits, menus and settings) must be shared as well: without
# REDIS_URL each process keeps its own, and an instance would count its own rate limits and
# show a changed setting up to 30 s late.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
if MEDIA_STORAGE == "s3" and not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL is not set. With MEDIA_STORAGE=s3 (files for several web instances) the "
        "instances share their cache and rate limits through Redis, "
        "e.g. REDIS_URL=redis://10.0.0.5:6379/0"
    )
