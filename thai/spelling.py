"""Misspelled Thai query words corrected against the words of the search index.

Thai typing errors are mostly look-alike or sound-alike letters (ซ/ช, ส/ศ/ษ, น/ณ, ล/ร), a
missing or extra vowel mark or ``ะ``, a missing final consonant or การันต์ (``์``). A query
word that is not in the index's vocabulary is compared with the vocabulary through a weighted
edit distance (``distance``) in which those errors are cheap, and replaced by the nearest
word, the more frequent one among equals. Candidates are found without comparing every word:
each word has a *skeleton* (its consonants with the confusable ones made one, marks and ``ะ``
dropped, a silent letter before ``์`` dropped, the final consonant known by its sound), and the
words whose skeleton equals the query word's, or that differ by a letter left out of either,
are the candidates (``keys``, ``Speller``).

A query piece (what the citizen typed between spaces) is corrected whole when it is one
misspelled word of the vocabulary (``รับสมัค`` → ``รับสมัคร``); otherwise each unknown word of
it, alone or joined with a neighbour (the word breaker cuts a misspelled word unpredictably).
The vocabulary comes from the backend (``thai.backends.common.ThaiQueryMixin.correction``).
"""

import math
import re
from dataclasses import dataclass

from thai.text import normalise, query_words
from thai.text import words as words_of

_GROUPS = ["ซชฌ", "สศษ", "นณ", "ลรฬ", "ทธฑฒฐ", "ตฏ", "ดฎ", "พภ", "คฆ", "ยญ", "ใไ"]
_SAME = {char: group[0] for group in _GROUPS for char in group}
# A final consonant is heard as one of a few sounds: any letter of the group may be typed.
_FINAL_GROUPS = ["นณญรลฬ", "ดตทธศษสจชซฎฏฐฑฒ", "กขคฆ", "บปพฟภ"]
_FINAL_SAME = {char: group[0] for group in _FINAL_GROUPS for char in group}
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
_VOWEL_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e4d"
_KARAN = "\u0e4c"
_SARA_A = "\u0e30"  # ะ
# Cheap to add or leave out: marks, ะ, การันต์.
_LIGHT = set(_TONES + _VOWEL_MARKS + _KARAN + _SARA_A)
_CONSONANT = re.compile(r"[\u0e01-\u0e2e]")
_SHORT_LONG = [("ิ", "ี"), ("ึ", "ื"), ("ุ", "ู"), ("ะ", "า"), ("ั", "า")]
_SIMILAR_VOWELS = {pair for a, b in _SHORT_LONG for pair in ((a, b), (b, a))}
_CLUSTERED = "รลว"
_SILENT = re.compile(f"[\u0e01-\u0e2e][\u0e34\u0e38]?{_KARAN}")
_THAI = re.compile(r"[\u0e01-\u0e4e]")

CONFUSED = 0.3  # ซ for ช, ส for ศ …
LIGHT = 0.3  # a mark, ะ or การันต์ added or left out
SILENT = 0.3  # the letter under การันต์ left out
TONE = 0.5  # a tone mark added or left out
TONE_SWAPPED = 0.4  # one tone mark for another (ผู่ for ผู้): the keys are next to each other
CLUSTER = 0.5  # ร, ล or ว of a cluster left out or added (เพิง for เพลิง), as it is spoken
LONG_A = 0.5  # า left out or added (ประกศ for ประกาศ)
VOWEL = 0.4  # short for long vowel
FINAL = 0.5  # a final consonant left out or added
TRANSPOSED = 0.5
JOINED = 0.25
OTHER = 1.0
# The highest cost of a correction: a word of n letters may have max(…) of them wrong.
MAX_COST = 1.0
MIN_LENGTH = 3


def _final(key):
    if len(key) > 1 and key[-1] in _FINAL_SAME:
        return key[:-1] + _FINAL_SAME[key[-1]]
    return key


def skeleton(word):
    """``word``'s consonants and leading vowels, confusable ones made one, marks, ``ะ`` and a
    silent letter under การันต์ left out: what most misspellings of it share."""
    word = _SILENT.sub("", word)
    return "".join(_SAME.get(char, char) for char in word if char not in _LIGHT)


def keys(word):
    """The skeleton of ``word`` and, for a longer one, the skeletons with one letter left out,
    each with its final consonant known by its sound: two words sharing a key are candidates."""
    base = skeleton(word)
    found = {_final(base)} if base else set()
    if len(base) > 2:
        found.update(_final(base[:i] + base[i + 1 :]) for i in range(len(base)))
    return found


def _substitution(a, b, final=False, tone_swap=OTHER):
    if a == b:
        return 0.0
    if _SAME.get(a, a) == _SAME.get(b, b):
        return CONFUSED
    if final and a in _FINAL_SAME and _FINAL_SAME[a] == _FINAL_SAME.get(b):
        return CONFUSED
    if (a, b) in _SIMILAR_VOWELS:
        return VOWEL
    if a in _TONES and b in _TONES:
        return tone_swap
    return OTHER


def _indel(word, position):
    """The cost of adding or leaving out ``word[position]``."""
    char = word[position]
    if char in _TONES:
        # Left out or added, a typing slip.
        return TONE
    if char in _LIGHT:
        return LIGHT
    following = word[position + 1 : position + 3]
    if _CONSONANT.match(char) and following[:1] == _KARAN:
        return SILENT
    if _CONSONANT.match(char) and position == len(word) - 1:
        return FINAL
    if char == "\u0e32":
        return LONG_A
    if char in _CLUSTERED and position > 0 and _CONSONANT.match(word[position - 1]):
        return CLUSTER
    return OTHER


def distance(typed, word, tone_swap=OTHER):
    """The weighted edit distance from ``typed`` to ``word`` (Damerau-Levenshtein, with the
    common Thai typing errors cheap; see the module doc). ``tone_swap``: the cost of one tone
    mark for another, a whole other word for a word typed alone (ข้าว, rice, is not ข่าว, news),
    a slip among other words (``TONE_SWAPPED``: น้ำท้วม for น้ำท่วม)."""
    rows, cols = len(typed) + 1, len(word) + 1
    d = [[0.0] * cols for _ in range(rows)]
    for i in range(1, rows):
        d[i][0] = d[i - 1][0] + _indel(typed, i - 1)
    for j in range(1, cols):
        d[0][j] = d[0][j - 1] + _indel(word, j - 1)
    for i in range(1, rows):
        for j in range(1, cols):
            best = min(
                d[i - 1][j] + _indel(typed, i - 1),
                d[i][j - 1] + _indel(word, j - 1),
                d[i - 1][j - 1]
                + _substitution(
                    typed[i - 1], word[j - 1], i == rows - 1 and j == cols - 1, tone_swap
                ),
            )
            if (
                i > 1
                and j > 1
                and typed[i - 1] == word[j - 2]
                and typed[i - 2] == word[j - 1]
                and typed[i - 1] != typed[i - 2]
            ):
                best = min(best, d[i - 2][j - 2] + TRANSPOSED)
            d[i][j] = best
    return d[-1][-1]


@dataclass(frozen=True)
class Correction:
    """What was typed, and the query searched instead."""

    typed: str
    corrected: str


class Speller:
    """Corrections against one vocabulary: ``{word: number of pages holding it}``."""

    def __init__(self, vocabulary):
        self.vocabulary = vocabulary
        self.by_key = {}
        for word in vocabulary:
            if len(word) < MIN_LENGTH - 1 or not _THAI.match(word):
                continue
            for key in keys(word):
                self.by_key.setdefault(key, []).append(word)

    def __contains__(self, word):
        return word in self.vocabulary

    def known(self, word, rare=0):
        """Whether ``word`` is in more than ``rare`` entries of the index."""
        return self.vocabulary.get(word, 0) > rare

    def nearest(self, typed, tone_swap=OTHER, rare=0):
        """``(cost, word)`` of the best vocabulary word for ``typed`` among those in more than
        ``rare`` entries, or None."""
        if len(typed) < MIN_LENGTH or not _THAI.match(typed):
            return None
        candidates = set()
        for key in keys(typed):
            candidates.update(self.by_key.get(key, ()))
        # A word whose length is far from what was typed is too far.
        best = None
        for word in candidates:
            if abs(len(word) - len(typed)) > 3 or not self.known(word, rare):
                continue
            cost = distance(typed, word, tone_swap)
            limit = MAX_COST if len(typed) >= 5 else MAX_COST / 2 + 0.1
            if cost > limit:
                continue
            # Frequency breaks ties: a tenth of a letter per factor of ten pages.
            score = cost - 0.1 * math.log10(1 + self.vocabulary[word])
            if best is None or score < best[0]:
                best = (score, cost, word)
        return None if best is None else (best[1], best[2])

    def correct_piece(self, piece, rare=0):
        """``piece`` (one space-separated part of a query) with its unknown words (in at most
        ``rare`` entries) corrected, or None when all are known or an unknown one has no
        correction."""
        words = words_of(piece)  # with repeats (จัด ซื้อ จัด จ้าง), unlike query_words
        unknown = [i for i, word in enumerate(words) if not self.known(word, rare)]
        if not unknown:
            return None
        whole = self.nearest(normalise(piece).strip(), rare=rare)
        if whole is not None:
            return whole[1]
        corrected = list(words)
        # Among other words a swapped tone mark is a slip; alone, it may be another word.
        tone_swap = TONE_SWAPPED if len(words) > 1 else OTHER
        for index in unknown:
            if corrected[index] is None:
                continue
            options = []
            alone = self.nearest(words[index], tone_swap, rare)
            if alone:
                options.append((alone[0], alone[1], index, index))
            # Joined with a neighbour is preferred among near equals: the misspelling is
            # what made the word breaker cut there (เทศบาน → เทศ|บาน, for เทศบาล).
            if index > 0 and corrected[index - 1] is not None:
                joined = self.nearest(words[index - 1] + words[index], tone_swap, rare)
                if joined:
                    options.append((joined[0] - JOINED, joined[1], index - 1, index))
            if index + 1 < len(words):
                joined = self.nearest(words[index] + words[index + 1], tone_swap, rare)
                if joined:
                    options.append((joined[0] - JOINED, joined[1], index, index + 1))
            if not options:
                return None
            _cost, word, first, last = min(options)
            corrected[first] = word
            for other in range(first + 1, last + 1):
                corrected[other] = None
        corrected = [word for word in corrected if word is not None]
        # Written as Thai is, without spaces, when that reads back as the same known words.
        joined = "".join(corrected)
        if all(self.known(word, rare) for word in query_words(joined)):
            return joined
        return " ".join(corrected)

    def correct(self, query, rare=0):
        """A ``Correction`` of ``query``, or None when every word is known or one cannot be
        corrected (the query is then searched as typed). With ``rare``, a word in at most that
        many entries counts as unknown: what a "did you mean" offers for a query whose words
        the index holds, but rarely (a notice with the same typing error)."""
        pieces = query.split()
        changed = False
        result = []
        for piece in pieces:
            if all(self.known(word, rare) for word in query_words(piece)):
                result.append(piece)
                continue
            corrected = self.correct_piece(piece, rare)
            if corrected is None:
                return None
            result.append(corrected)
            changed = True
        if not changed:
            return None
        return Correction(query, " ".join(result))
