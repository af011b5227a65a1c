"""``manage.py check --deploy``: the site address every e-mail links to (core.links)."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

LOCAL_NAMES = {"localhost", "testserver", ""}


def _is_local(host):
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_private
    except ValueError:
        return False


@register(Tags.security, deploy=True)
def check_site_address(app_configs, **kwargs):
    """A production site's e-mails must not link to this computer: staff would open
    ``http://127.0.0.1:8000`` from their own."""
    address = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    parts = urlsplit(address)
    if not address or _is_local(parts.hostname or ""):
        return [
            Error(
                f"WAGTAILADMIN_BASE_URL is {address!r}: every staff and citizen e-mail would "
                "link there. ที่อยู่เว็บไซต์ในอีเมลยังเป็นเครื่องนี้",
                hint="Set WAGTAILADMIN_BASE_URL to the site's public address, e.g. "
                "https://www.nakhonsawancity.go.th",
                id="core.E001",
            )
        ]
    if parts.scheme != "https":
        return [
            Warning(
                f"WAGTAILADMIN_BASE_URL {address!r} is not HTTPS: e-mail links would be "
                "redirected, or refused by a browser that remembers the site's HSTS.",
                hint="Use the https:// address.",
                id="core.W001",
            )
        ]
    return []
