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
