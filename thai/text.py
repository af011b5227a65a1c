"""Thai text for the search index and for queries: normalised, then cut into words.

Thai is written without spaces between words, so a database's full-text tokenizer sees a whole
phrase as one "word" and ``จัดซื้อ`` never matches ``ประกาศจัดซื้อจัดจ้าง``. Both sides of the
search therefore go through the same two steps here:

1. ``normalise``: Unicode NFKC (full-width Latin, compatibility forms), zero-width characters
   removed, Thai digits as Arabic digits (๒๕๖๗ ≡ 2567), Latin case folded, and the usual Thai
   typing variants made one (นิคหิต + สระอา ≡ สระอำ, a tone mark typed before its vowel, a mark
   typed twice).
2. ``words``: ICU's dictionary-based word break iterator for Thai (PyICU, from the
   ``pyicu-wheels`` package, which bundles ICU), keeping letters and digits only.

``index_text`` adds what a citizen may type that the text does not literally contain: the
joined form of compounds written with a hyphen or dots (``e-bidding`` → ``ebidding``,
``ท.๑`` → ``ท1``, ``พ.ศ.`` → ``พศ``), a year in the other era (2024 ↔ 2567), and the dictionary
words inside long compounds (``คอนกรีตเสริมเหล็ก`` → ``คอนกรีต``, ``เสริม``, ``เหล็ก``).
``query_words`` returns the words a query must all match.

The index holds the segmented copy only; pages show their original text, and the search page
highlights the user's words in it (``highlight``).
"""

import functools
import html
import re
import threading
import unicodedata

import icu

from thai.dates import ARABIC_DIGITS, BE_OFFSET

# Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
_UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"  # ั ิ ี ึ ื ็
_LOWER_VOWELS = "\u0e38\u0e39"  # ุ ู
_MARKS = _TONE_MARKS + _UPPER_VOWELS + _LOWER_VOWELS + "\u0e4c\u0e4d"  # ์ ํ
_TONE_BEFORE_VOWEL = re.compile(f"([{_TONE_MARKS}])([{_UPPER_VOWELS}{_LOWER_VOWELS}])")
_REPEATED_MARK = re.compile(f"([{_MARKS}])\\1+")
_TAGS = re.compile(r"<[^>]*>")

# Compounds that a citizen types with or without their hyphens and dots.
_LATIN_COMPOUND = re.compile(r"[a-z0-9]+(?:[-./][a-z0-9]+)+")
# Thai abbreviations (พ.ศ., อปพร., ต.ค.) and codes (ท.๑, ท. ๘): consonants with dots.
_THAI_ABBREVIATION = re.compile(
    r"(?<![\u0e01-\u0e4e])[\u0e01-\u0e2e]{1,4}\.(?:\s?[\u0e01-\u0e2e0-9]{1,4}\.?)+"
    r"|(?<![\u0e01-\u0e4e])[\u0e01-\u0e2e]{2,5}\.(?![\u0e01-\u0e4e0-9])"
)
_YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|2[0-7][0-9]{2})(?![0-9])")
CE_YEARS = range(1900, 2200)
BE_YEARS = range(1900 + BE_OFFSET, 2200 + BE_OFFSET)

# A word's parts are indexed too when it is at least this long (in characters).
COMPOUND_MIN_LENGTH = 6
PART_MIN_LENGTH = 2
_THAI_WORD_START = re.compile(r"[\u0e01-\u0e2e\u0e40-\u0e44]")  # a consonant or a leading vowel


def normalise(text):
    """``text`` in the one form both the index and the queries use (see the module doc)."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_INVISIBLE)
    # NFKC splits สระอำ into นิคหิต + สระอา; Thai dictionaries spell it as one character.
    text = text.replace("\u0e4d\u0e32", "\u0e33").translate(ARABIC_DIGITS)
    text = _TONE_BEFORE_VOWEL.sub(r"\2\1", text)
    text = _REPEATED_MARK.sub(r"\1", text)
    return text.casefold()


def plain_text(value):
    """Text of an indexed value: HTML (rich text) reduced to its words, lists joined."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(plain_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(plain_text(item) for item in value.values())
    text = str(value)
    if "<" in text:
        text = html.unescape(_TAGS.sub(" ", text))
    return text


class _Breaker(threading.local):
    """One ICU word break iterator per thread (an iterator is not thread-safe)."""

    def __init__(self):
        self.iterator = icu.BreakIterator.createWordInstance(icu.Locale("th"))


_breaker = _Breaker()


# A letter or digit; what a word keeps (letters, digits, Thai marks), without "_".
_WORD_CHAR = re.compile(r"[^\W_]")
_NOT_KEPT = re.compile(r"[^\w\u0e00-\u0e7f]|_")


def segment(text):
    """The words of already normalised ``text``, in order (ICU's word boundaries)."""
    iterator = _breaker.iterator
    iterator.setText(text)
    tokens = []
    start = iterator.first()
    for end in iterator:
        token = text[start:end]
        start = end
        if _WORD_CHAR.search(token):
            # A word with inner punctuation ("พ.ศ") is kept without it.
            tokens.append(_NOT_KEPT.sub("", token))
    return tokens


def segment_spans(text):
    """``[(start, end, word), …]``: where in ``text`` each word of ``segment`` is, for marking
    the words of the original text (the word normalised, as ``segment`` keeps it)."""
    iterator = _breaker.iterator
    iterator.setText(text)
    spans = []
    start = iterator.first()
    for end in iterator:
        token = text[start:end]
        if _WORD_CHAR.search(token):
            spans.append((start, end, normalise(_NOT_KEPT.sub("", token))))
        start = end
    return spans


def _joined(match):
    return re.sub(r"[\s\-./]", "", match.group(0))


def _compounds(text):
    """Joined forms of the hyphenated, dotted and abbreviated compounds in ``text``."""
    joined = [_joined(m) for m in _LATIN_COMPOUND.finditer(text)]
    joined += [_joined(m) for m in _THAI_ABBREVIATION.finditer(text)]
    return [word for word in joined if word]


def _other_era(words):
    """A year in the other era for each year-like number (2567 → 2024, 2024 → 2567)."""
    years = []
    for word in words:
        if word.isdigit() and len(word) == 4:
            year = int(word)
            if year in BE_YEARS:
                years.append(str(year - BE_OFFSET))
            elif year in CE_YEARS:
                years.append(str(year + BE_OFFSET))
    return years


def _parts(word):
    """Dictionary words inside a long Thai word: ICU run again from each later syllable start,
    keeping the first word found there (``รถยนต์ดับเพลิง`` → ``ยนต์``, ``ดับเพลิง``, ``เพลิง``…)."""
    parts = []
    for position in range(1, len(word) - PART_MIN_LENGTH + 1):
        if not _THAI_WORD_START.match(word[position]):
            continue
        if word[position - 1] in "\u0e40\u0e41\u0e42\u0e43\u0e44":  # after a leading vowel
            continue
        rest = segment(word[position:])
        if rest and len(rest[0]) >= PART_MIN_LENGTH:
            parts.append(rest[0])
    return parts


@functools.lru_cache(maxsize=50_000)
def _decompose(word):
    """The words inside ``word`` (a long Thai word), cached: a vocabulary is small."""
    if len(word) < COMPOUND_MIN_LENGTH or not "\u0e01" <= word[0] <= "\u0e7f":
        return ()
    # The prefix words too (ICU keeps รถยนต์ whole; รถ is what citizens type).
    return tuple(dict.fromkeys(_parts(word) + _prefixes(word)))


def _with_parts(words):
    extra = []
    for word in words:
        extra.extend(_decompose(word))
    return extra


def _prefixes(word):
    """Dictionary words that start ``word``: ICU on each shorter prefix ending at a syllable
    start, when the prefix is a word on its own."""
    prefixes = []
    for end in range(PART_MIN_LENGTH, len(word) - 1):
        if (
            not _THAI_WORD_START.match(word[end])
            or word[end - 1] in "\u0e40\u0e41\u0e42\u0e43\u0e44"
        ):
            continue
        head = segment(word[:end])
        if len(head) == 1 and head[0] == word[:end]:
            prefixes.append(head[0])
    return prefixes


def words(text):
    """The words of ``text`` (normalised and segmented), for the index or a query."""
    return segment(normalise(plain_text(text)))


def index_text(value):
    """The text to store in the search index for ``value``: its words separated by spaces,
    followed by the extra forms a citizen may search for (see the module doc)."""
    return _index_text(plain_text(value))


@functools.lru_cache(maxsize=4096)
def _index_text(raw):
    # Cached: Wagtail's database backends read every field three times (title, body and
    # autocomplete columns), and labels, dates and unit names repeat from page to page.
    text = normalise(raw)
    found = segment(text)
    extra = _compounds(text)
    extra += _other_era(found)
    extra += _with_parts(found)
    return " ".join(found + extra)


@functools.lru_cache(maxsize=1024)
def query_words(query):
    """The words that a result must all contain, in order, without repeats (a tuple; cached,
    as the backend, the promotions and the highlighting all ask for them).

    Compounds written with hyphens or dots count as one word in their joined form
    (``e-bidding`` → ``ebidding``), which ``index_text`` stores for them.
    """
    text = normalise(plain_text(query))
    found = []
    position = 0
    for match in sorted(
        [*_LATIN_COMPOUND.finditer(text), *_THAI_ABBREVIATION.finditer(text)],
        key=lambda m: m.start(),
    ):
        if match.start() < position:
            continue
        found += segment(text[position : match.start()])
        found.append(_joined(match))
        position = match.end()
    found += segment(text[position:])
    return tuple(dict.fromkeys(word for word in found if word))


# --- page addresses -----------------------------------------------------------------------

# Thai vowel and tone marks (Unicode "Mn"): Python's ``\w``, Django's ``validate_unicode_slug``,
# Wagtail's serve pattern and its slug script all leave them out, which garbles a Thai address
# (ผู้ช่วย → ผชวย). ``slug`` keeps them; ``SLUG_PATTERN`` accepts them.
_THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
SLUG_PATTERN = f"[-\\w{_THAI_MARKS}]+"
_SLUG = re.compile(f"^{SLUG_PATTERN}\\Z")
_NOT_IN_SLUG = re.compile(f"[^\\w{_THAI_MARKS}]|_")
# At most this many characters (before a "-2" that makes it unique): five or six Thai words,
# which a browser shows whole and a chat app still shows as one link (see docs/addresses.md).
SLUG_MAX_LENGTH = 40


def slug(text, max_length=SLUG_MAX_LENGTH):
    """The page address made from a title: whole words with every vowel and tone mark, Thai
    digits as Arabic digits, Latin in lower case, the title's own spaces and punctuation as
    "-", cut at a word boundary (ICU's, inside a Thai run) after at most ``max_length``
    characters. "" for a title without a letter or a digit.

    ``ประกาศรับสมัครพนักงานจ้าง ตำแหน่งผู้ช่วยครู ๒๕๖๙`` → ``ประกาศรับสมัครพนักงานจ้าง-ตำแหน่งผู้ช่วยครู-2569``.
    The one function of the page editor (``core.views.page_address``) and the importer.
    """
    kept = []
    length = -1  # the first part has no "-" before it
    for chunk in _NOT_IN_SLUG.split(normalise(plain_text(text))):
        if not chunk:
            continue
        if length + 1 + len(chunk) <= max_length:
            kept.append(chunk)
            length += 1 + len(chunk)
            continue
        # A chunk too long for what is left: as many of its words as fit, then stop.
        words_fitting = ""
        for word in segment(chunk):
            if length + 1 + len(words_fitting) + len(word) > max_length:
                break
            words_fitting += word
        if words_fitting:
            kept.append(words_fitting)
        elif not kept:
            # One word longer than the bound (a Latin code, a run ICU cannot cut): cut it.
            kept.append(chunk[:max_length])
        break
    return "-".join(kept)


def is_slug(value):
    """Whether ``value`` is a page address ``slug`` could have made or an editor may type:
    letters with their marks, digits, "-" and "_"."""
    return bool(_SLUG.match(value))
