"""What a page says of itself when shared or listed by a search engine: a short plain-text
description, cut between Thai words, and the page's translations for ``hreflang`` links."""

import icu
from django.utils.html import strip_tags

from pagecache.fragments import remember

DESCRIPTION_LENGTH = 160
THEME_COLOUR = "#0b4f6c"  # --brand in portal.css: the header's colour, for the browser's bar


def shorten(text, limit=DESCRIPTION_LENGTH):
    """``text`` as one line of plain text of at most ``limit`` characters and an ellipsis, cut
    at a word boundary (ICU's Thai dictionary: Thai is written without spaces between words)."""
    text = " ".join(strip_tags(str(text or "")).split())
    if len(text) <= limit:
        return text
    breaker = icu.BreakIterator.createWordInstance(icu.Locale("th"))
    breaker.setText(text)
    cut = breaker.preceding(limit + 1)
    if cut <= 0:  # one word longer than the limit
        cut = limit
    return text[:cut].rstrip() + "…"


def remember_translated_urls(page, urls):
    """Keep ``urls`` (``{language_code: url}``) as ``translated_urls`` of ``page`` for this
    request: for a page type whose own query already loaded its live translations."""
    page._translated_urls = urls


def translated_urls(page, request):
    """``{language_code: url}`` of the live translations of ``page``, the page itself included;
    kept under the content version (``pagecache.fragments``) and on the page (the language
    switcher and the head share it)."""
    urls = getattr(page, "_translated_urls", None)
    if urls is None:
        urls = remember(request, "translations", lambda: _translated_urls(page, request), page.pk)
        page._translated_urls = urls
    return urls


def _translated_urls(page, request):
    urls = {}
    if page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            urls[other.locale.language_code] = other.get_url(request)
    return urls
