"""Thai pages at their English address (issue 19): a page published in Thai and not (yet)
translated answers at ``/en/…`` too, in the English site frame, instead of 404.

Nothing is copied: routing does it. Where an English page has no child of the slug asked for,
``thai_only_child`` looks among the children of its Thai original for a live page of that
slug that has no live translation in the language served, and routing carries on from there
(``BasePage.route``). The page is served with English menus, footer and labels; its own
title and text are marked ``lang="th"`` (``{% content_lang %}``), a note says it is available
in Thai only (``{% thai_only_note %}``), its canonical link is the Thai page and it is
``noindex``, so search engines and the sitemap know one page, the Thai one. A page published
later answers at once, and a translation, once live, takes its address back. See
docs/translation.md.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import get_language
from wagtail.models import Page

THAI = settings.LANGUAGE_CODE
# Set on the request when routing passed from an English page into the Thai tree: everything
# served from there on is Thai content in the English frame.
REQUEST_FLAG = "thai_only"


def thai_only_children(parent):
    """A filter for the live Thai children of the Thai original of ``parent`` (an English
    page) that have no live translation in ``parent``'s language."""
    original_path = Page.objects.filter(
        translation_key=parent.translation_key, locale__language_code=THAI
    ).values("path")[:1]
    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=parent.locale_id, live=True
    )
    return Q(
        Q(path__startswith=Subquery(original_path)),
        ~Exists(translated),
        depth=parent.depth + 1,
        live=True,
        locale__language_code=THAI,
    )


def thai_only_child(parent, slug):
    """The Thai page at ``slug`` that ``thai_only_children`` allows, or None. One query."""
    return Page.objects.filter(thai_only_children(parent), slug=slug).first()


def may_find_thai_only(request):
    """Whether a child missing from a page may be a Thai page shown at its English address:
    on a page served in another language, not already inside the Thai tree."""
    return get_language() != THAI and not is_thai_only(request)


def mark_thai_only(request):
    setattr(request, REQUEST_FLAG, True)


def is_thai_only(request):
    """Whether the page of this request is Thai content served at an English address."""
    return bool(getattr(request, REQUEST_FLAG, False))


def _ancestor_paths(page):
    return [page.path[: depth * Page.steplen] for depth in range(2, page.depth)]


def english_addresses(pages, language_code, request=None):
    """``{page.pk: address}``: the address at which each Thai page of ``pages`` answers in
    ``language_code`` when it has no translation: the address of its nearest ancestor that
    has a live translation, followed by the Thai slugs below it (no entry when not even the
    home page is translated). One query, whatever the number of pages: the ancestors and
    their live translations together."""
    paths = {path for page in pages for path in _ancestor_paths(page)}
    if not paths:
        return {}
    rows = Page.objects.filter(
        Q(path__in=paths)
        | Q(
            live=True,
            locale__language_code=language_code,
            translation_key__in=Page.objects.filter(path__in=paths).values("translation_key"),
        )
    ).only("path", "depth", "url_path", "translation_key", "locale_id", "live")
    key_at = {}
    translations = {}
    for row in rows:
        if row.path in paths:
            key_at[row.path] = row.translation_key
        else:
            translations[row.translation_key] = row
    addresses = {}
    for page in pages:
        for path in reversed(_ancestor_paths(page)):  # the nearest first
            translation = translations.get(key_at.get(path))
            base = translation.get_url(request) if translation is not None else None
            if base is not None:
                segments = page.url_path.strip("/").split("/")  # the home page's slug first
                below = segments[translation.depth - 1 :]
                addresses[page.pk] = base + "".join(f"{slug}/" for slug in below)
                break
    return addresses


def english_address(page, language_code, request=None):
    """``english_addresses`` of one page, or None."""
    return english_addresses([page], language_code, request).get(page.pk)
