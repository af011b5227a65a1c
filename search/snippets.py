"""Snippets of a result's own text with the citizen's words highlighted.

The index holds a normalised, segmented copy of each page; citizens read the original. The
words of the query are looked for in the original text through a per-character fold (Thai
digits as Arabic, case, compatibility forms, zero-width characters), so ``๒๕๖๗`` is marked
where the query said ``2567`` and the text shown is exactly the page's.
"""

import functools
import unicodedata
from array import array

from django.utils.html import escape
from django.utils.safestring import mark_safe

from thai.dates import ARABIC_DIGITS
from thai.text import segment_spans, words

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
SEARCHED_LENGTH = 3000


def _fold(text):
    """``text`` folded character by character, with the index in ``text`` of each folded
    character (so that a match in the folded text maps back to the original)."""
    folded, origin = [], []
    for position, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        # Thai letters as they are: NFKC would split สระอำ, and the word breaker with it.
        if "\u0e00" <= char <= "\u0e7f":
            pieces = char.translate(ARABIC_DIGITS)
        else:
            pieces = unicodedata.normalize("NFKC", char).casefold()
        for piece in pieces:
            folded.append(piece)
            origin.append(position)
    return "".join(folded), origin


@functools.lru_cache(maxsize=256)
def highlight_terms(query):
    """What to look for: each piece of the query as typed, as the sequence of its words
    (``จัดซื้อจัดจ้าง`` is ``จัด ซื้อ จัด จ้าง``, ``e-bidding`` is ``e bidding``), longest first."""
    terms = dict.fromkeys(tuple(words(piece)) for piece in query.split())
    terms = [term for term in terms if term and len("".join(term)) > 1]
    return tuple(sorted(terms, key=lambda term: len("".join(term)), reverse=True))


@functools.lru_cache(maxsize=256)
def _words_of(text):
    """``(origin, tokens)``: the words of ``text`` folded and segmented (``segment_spans``),
    with the index in ``text`` of each folded character. Kept per text (a result's title and
    text are the same on every search that finds it until the page changes, and a changed page
    is another text): folding and word breaking are most of a snippet's work. At most
    ``SEARCHED_LENGTH`` characters each, so the cache stays within a few megabytes."""
    folded, origin = _fold(text)
    return array("I", origin), tuple(segment_spans(folded))


def _find(tokens, taken, term):
    """Where ``term`` (a sequence of words) is a run of whole, not yet marked words of the
    text, marking them taken: ``[(first, last), …]`` token indexes."""
    size, found = len(term), []
    for index in range(len(tokens) - size + 1):
        if all(tokens[index + i][2] == term[i] for i in range(size)) and not any(
            taken[index : index + size]
        ):
            taken[index : index + size] = [True] * size
            found.append((index, index + size - 1))
    return found


def _spans(text, terms):
    """``[(start, end), …]`` in ``text`` of the terms, on the text's word boundaries: a piece
    of the query is marked where it is a run of whole words of the text (``จัดซื้อ`` marks
    ``จัดซื้อ`` in ``จัดซื้อจัดจ้าง``, not ``จัดซื้อจัด``); a piece found nowhere as such is looked for
    word by word, and a word the text cuts otherwise (``รถ`` inside ``รถยนต์``) marks the
    whole word of the text that holds it."""
    origin, tokens = _words_of(text)
    taken = [False] * len(tokens)
    found = []
    for term in terms:
        runs = _find(tokens, taken, term)
        if runs or (len(term) == 1 and len(term[0]) < 2):
            found += runs
            continue
        for word in dict.fromkeys(term):
            if len(word) < 2:
                continue
            runs = _find(tokens, taken, (word,))
            if not runs:
                runs = [
                    (index, index)
                    for index, token in enumerate(tokens)
                    if not taken[index] and word in token[2]
                ]
                for index, _index in runs:
                    taken[index] = True
            found += runs
    spans = sorted((origin[tokens[a][0]], origin[tokens[b][1] - 1] + 1) for a, b in found)
    merged = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
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
