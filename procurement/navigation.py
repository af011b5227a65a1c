"""The procurement listing's address, cached: unit pages link to it on every view."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal.cache import forget

LISTING_URL_KEY = "procurement-listing-url"


def listing_url(locale_id):
    """The URL of the live procurement listing of a language, or None; no query once cached."""
    from procurement.models import ProcurementIndexPage

    urls = cache.get(LISTING_URL_KEY) or {}
    if locale_id not in urls:
        page = ProcurementIndexPage.objects.live().filter(locale_id=locale_id).first()
        urls[locale_id] = page.url if page is not None else None
        cache.set(LISTING_URL_KEY, urls, None)
    return urls[locale_id]


def clear_listing_url(**kwargs):
    forget(LISTING_URL_KEY)


def connect_signals():
    from procurement.models import ProcurementIndexPage

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(
            clear_listing_url, sender=ProcurementIndexPage, dispatch_uid=f"procurement-{signal!r}"
        )
    # A move or a new slug higher up changes the address too.
    for signal in (page_slug_changed, post_page_move):
        signal.connect(clear_listing_url, dispatch_uid=f"procurement-{signal!r}")
