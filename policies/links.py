"""The URLs of the live policy pages per language, cached: the footer of every page shows
them and other apps link to the privacy notice with ``{% policy_url "privacy" %}``."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.languages import english_addresses
from core.queries import public
from pagecache.fragments import keeps, remember
from portal.cache import forget

LINKS_TIMEOUT = 60 * 60


def links_cache_key(language_code):
    return f"policy-links:{language_code}"


def policy_links(language_code=None):
    """``{kind: {"title", "url", "language"}}`` of the live public policy pages and the site
    map, in the language ``language_code`` (the one served by default), falling back to Thai
    for a page not yet translated, at its English address (core/languages.py). Two queries
    the first time, none after."""
    language_code = language_code or get_language() or settings.LANGUAGE_CODE
    key = links_cache_key(language_code)
    links = cache.get(key)
    if links is None:
        links = _load(language_code)
        cache.set(key, links, LINKS_TIMEOUT)
    return links


def kept_links(request):
    """``policy_links()`` read from the database once per content version for ``request``
    (``pagecache.fragments``), not from the unversioned cache (a Redis round trip on a page
    whose parts are kept, e.g. a form's privacy notice link); without a request, or where
    nothing is kept, ``policy_links()``."""
    if not keeps(request):
        return policy_links()
    language_code = get_language() or settings.LANGUAGE_CODE
    return remember(request, "policy-links", lambda: _load(language_code))


def _load(language_code):
    from policies.models import PolicyPage, SiteMapPage

    codes = {settings.LANGUAGE_CODE, language_code}
    pages = public(
        Page.objects.live()
        .type(PolicyPage, SiteMapPage)
        .filter(locale__language_code__in=codes)
        .select_related("locale", "policypage")
        .only("title", "url_path", "path", "depth", "locale__language_code", "policypage__kind")
        .order_by("path")
    )
    found = {}
    for page in pages:
        policy = getattr(page, "policypage", None)
        kind = policy.kind if policy is not None else "sitemap"
        preferred = page.locale.language_code == language_code
        if kind not in found or preferred:
            found[kind] = {"page": page, "preferred": preferred}
    untranslated = [item["page"] for item in found.values() if not item["preferred"]]
    addresses = english_addresses(untranslated, language_code) if untranslated else {}
    return {
        kind: {
            "title": item["page"].title,
            "url": addresses.get(item["page"].pk) or item["page"].get_url(),
            "language": item["page"].locale.language_code,
        }
        for kind, item in found.items()
    }


def clear_policy_links(**kwargs):
    forget(*[links_cache_key(code) for code, _name in settings.LANGUAGES])


def connect_signals():
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(clear_policy_links, dispatch_uid=f"clear-policy-links-{signal!r}")
    post_delete.connect(clear_policy_links, sender=Page, dispatch_uid="clear-policy-links-delete")
