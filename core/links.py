"""Full links in e-mails: every staff and citizen e-mail builds them from one configured site
address, ``WAGTAILADMIN_BASE_URL`` (which Wagtail's own notifications read too), never from
the request that happened to cause the e-mail. ``make run`` sets it from ``ADDRESS``;
production refuses to start without it (portal/settings/production.py) and
``manage.py check --deploy`` reports a local or plain-HTTP address (``core.checks``)."""

from django.conf import settings


def site_url(path):
    """``path`` (``/admin/…``, a page's URL) as a full link on the configured site address."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_link(page):
    """The full link of ``page`` on the configured site address ("" for a page outside every
    site), whatever host name the Wagtail site record holds."""
    parts = page.get_url_parts()
    return site_url(parts[2]) if parts else ""
