"""Snippets of a result's own text with the citizen's words highlighted.

The index holds a normalised, segmented copy of each page; citizens read the original. The
words of the query are looked for in the original text through a per-character fold (Thai
digits as Arabic, case, compatibility forms, zero-width characters), so ``๒๕๖๗`` is marked
where the query said ``2567`` and the text shown is exactly the page's.
"""

import functools
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from thai.dates import ARABIC_DIGITS
from thai.text import normalise, query_words

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
SEARCHED_LENGTH = 3000


def _fold(text):
    """``text`` folded character by character, with the index in ``text`` of each folded
    character (so that a match in the folded text maps back to the original)."""
    folded, origin = [], []
    for position, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        for piece in unicodedata.normalize("NFKC", char).translate(ARABIC_DIGITS).casefold():
            folded.append(piece)
            origin.append(position)
    return "".join(folded), origin


@functools.lru_cache(maxsize=256)
def highlight_terms(query):
    """What to look for: the query's words and, for compounds such as ``e-bidding``, the
    pieces as typed. Single characters are left out (they would light up everywhere)."""
    terms = set(query_words(query))
    terms.update(normalise(piece) for piece in query.split())
    return tuple(sorted((term for term in terms if len(term) > 1), key=len, reverse=True))


def _spans(text, terms):
    folded, origin = _fold(text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term, end)
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _extend_over_marks(text, position):
    """Move ``position`` past combining marks, so that a cut never splits a Thai syllable."""
    while position < len(text) and unicodedata.category(text[position]).startswith("M"):
        position += 1
    return position


def _marked(text, spans, start, end):
    """HTML: ``text[start:end]`` escaped, with ``spans`` in ``<mark>``."""
    parts = []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, cursor), min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def snippet(text, query, length=180):
    """HTML: about ``length`` characters of ``text`` around the first words of ``query`` it
    contains, with those words in ``<mark>``; the start of the text when none is found."""
    # The words are looked for in the first few thousand characters: enough for a snippet.
    text = " ".join((text or "")[:SEARCHED_LENGTH].split())
    if not text:
        return ""
    spans = _spans(text, highlight_terms(query)) if query else []
    start = 0
    if spans and spans[0][0] > length // 3:
        start = spans[0][0] - length // 3
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 and start - space < 30 else start
    start = _extend_over_marks(text, start)
    end = _extend_over_marks(text, min(len(text), start + length))
    html = _marked(text, spans, start, end)
    html = ("…" if start > 0 else "") + html + ("…" if end < len(text) else "")
    return mark_safe(html)


def highlight(text, query):
    """HTML: all of ``text`` (e.g. a title) with the words of ``query`` in ``<mark>``."""
    text = text or ""
    spans = _spans(text, highlight_terms(query)) if query else []
    return mark_safe(_marked(text, spans, 0, len(text)))
