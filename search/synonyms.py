"""Synonyms applied at query time: a query word (or run of words) that is one of a synonym's
terms matches the pages holding any of its terms.

Web operators keep the synonyms in the admin (``search.models.Synonym``). A query becomes a
Wagtail search query: the words of no synonym must all match, as always, and for each synonym
found, any of its terms (each term's own words all together):

    ``e-bidding ถนน`` → And(PlainText("ถนน"), Or(PlainText("ebidding"),
                                                PlainText("ประกวด ราคา อิเล็กทรอนิกส์")))

The synonyms are cached for a minute (and the cache emptied when one is saved or deleted).
"""

import contextlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from modelsearch.query import And, Or, PlainText

from portal.cache import forget
from search.models import Synonym
from thai.text import query_words

CACHE_KEY = "search-synonyms"
CACHE_TIMEOUT = 60


def groups():
    """Each synonym's terms, as tuples of query words (cached, see the module doc)."""
    try:
        cached = cache.get(CACHE_KEY)
    except Exception:  # a cache failure degrades to the database
        cached = None
    if cached is None:
        cached = []
        for synonym in Synonym.objects.all():
            terms = [tuple(query_words(term)) for term in synonym.term_list()]
            terms = [term for term in dict.fromkeys(terms) if term]
            if len(terms) > 1:
                cached.append(terms)
        with contextlib.suppress(Exception):
            cache.set(CACHE_KEY, cached, CACHE_TIMEOUT)
    return cached


def clear_cache(**kwargs):
    forget(CACHE_KEY)


def connect_signals():
    post_save.connect(clear_cache, sender=Synonym, dispatch_uid="search-synonyms-saved")
    post_delete.connect(clear_cache, sender=Synonym, dispatch_uid="search-synonyms-deleted")


def _position(words, term):
    size = len(term)
    for start in range(len(words) - size + 1):
        if tuple(words[start : start + size]) == term:
            return start
    return None


@dataclass
class Expanded:
    """A query with its synonyms: what to search, and the words to highlight."""

    query: object  # a string when no synonym applies, else a Wagtail search query
    highlighted: str
    applied: bool


def expand(query):
    """``query`` (a string) with the synonyms it holds (an ``Expanded``)."""
    words = list(query_words(query)) if query else []
    alternatives = []
    extra = []
    for terms in groups() if words else ():
        for term in terms:
            start = _position(words, term)
            if start is None:
                continue
            del words[start : start + len(term)]
            alternatives.append(Or([PlainText(" ".join(other)) for other in terms]))
            extra += ["".join(other) for other in terms if other != term]
            break
    if not alternatives:
        return Expanded(query, query, False)
    parts = ([PlainText(" ".join(words))] if words else []) + alternatives
    return Expanded(parts[0] if len(parts) == 1 else And(parts), " ".join([query, *extra]), True)
