"""Every content change ends the cached pages: the content version is raised in the change's own
transaction; once it has committed, the generation kept in Redis is raised too
(``pagecache.version``) and a configured front-end cache (Varnish, a CDN) is purged.

A change is the save or deletion of a page, a snippet, a site or generic setting, a redirect, a
site, a locale, a privacy restriction, an image or a document, or of a model listed in
``PAGE_CACHE_CONTENT_MODELS``; and every publish, unpublish or move signal. A withdrawn notice
shows on the home page, its indexes, its unit's and school's pages, the feeds, the sitemap and
search, and the menu and footer show on every page, so one version for the whole site is both
the simplest rule and the exact one.
"""

import contextlib
import functools
import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from pagecache.models import ContentVersion
from pagecache.version import database_version, raise_generation

logger = logging.getLogger(__name__)


@functools.cache
def _wagtail_content_bases():
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Locale, Page, Site

    return (
        Page,
        BaseSiteSetting,
        BaseGenericSetting,
        Redirect,
        Site,
        Locale,
        BaseViewRestriction,
        AbstractImage,
        AbstractDocument,
    )


def is_content(model):
    """Whether saving or deleting a ``model`` may change what a public page shows."""
    from wagtail.snippets.models import get_snippet_models

    return (
        issubclass(model, _wagtail_content_bases())
        or model in get_snippet_models()
        or model._meta.label in getattr(settings, "PAGE_CACHE_CONTENT_MODELS", ())
    )


def bump(**kwargs):
    """Raise the version now (inside the change's transaction); when the transaction commits,
    raise the generation in Redis and purge the front-end cache."""
    ContentVersion.objects.filter(pk=1).update(number=F("number") + 1)
    transaction.on_commit(raise_generation)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(purge_frontend_cache)


_purged_version = None


def purge_frontend_cache():
    """Purge each site's pages from the front-end cache, once per committed version (a change
    saving many rows queues one purge per row)."""
    global _purged_version
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Site

    version = database_version()
    if version == _purged_version:
        return
    _purged_version = version
    paths = getattr(settings, "PAGE_CACHE_PURGE_PATHS", ["/"])
    purge_urls_from_cache([site.root_url + path for site in Site.objects.all() for path in paths])


def _on_model_change(sender, **kwargs):
    if kwargs.get("raw") or not apps.ready:
        return
    if is_content(sender):
        bump()


SIGNALS = (page_published, page_unpublished, post_page_move, published, unpublished)


def connect_signals():
    post_save.connect(_on_model_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-delete")
    for signal in SIGNALS:
        signal.connect(bump, dispatch_uid=f"pagecache-{signal!r}")


@contextlib.contextmanager
def paused():
    """No version raised by saves and signals inside: for a bulk writer (``import_notices``),
    which saves thousands of pages and calls ``bump`` itself once per transaction. Only this
    process's signals are paused."""
    post_save.disconnect(dispatch_uid="pagecache-save")
    post_delete.disconnect(dispatch_uid="pagecache-delete")
    for signal in SIGNALS:
        signal.disconnect(dispatch_uid=f"pagecache-{signal!r}")
    try:
        yield
    finally:
        connect_signals()
