"""What citizens searched for and did not find: a count per week of the queries that found no
or few results (``search.models.SearchMiss``), for the web operators' report.

Counts only: the query (normalised, long digit runs such as an ID card or phone number masked)
and the week, never who searched, from where or when in the week.
"""

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

from search.models import SearchMiss
from thai.text import normalise

FEW_RESULTS = 2  # a query that finds at most this many results is counted
_LONG_NUMBER = re.compile(r"\d{9,}")  # an ID card or phone number; e-GP numbers are 11 digits
_EGP_NUMBER = re.compile(r"\d{11}")


def _masked(match):
    number = match.group(0)
    return number if _EGP_NUMBER.fullmatch(number) else "#" * len(number)


def clean(query):
    """``query`` as counted: normalised, spaces collapsed, long numbers masked."""
    return _LONG_NUMBER.sub(_masked, " ".join(normalise(query).split()))[:200]


def week_of(day):
    return day - datetime.timedelta(days=day.weekday())


def counted(found):
    """Whether a search that found ``found`` results is counted."""
    return found <= FEW_RESULTS


def record(query, found):
    """Count one search for ``query`` that found ``found`` results, when that is few."""
    query = clean(query)
    if not query or not counted(found):
        return
    week = week_of(timezone.localdate())
    row = SearchMiss.objects.filter(week=week, query=query)
    changes = {"searches": F("searches") + 1, "results": Least("results", found)}
    if row.update(**changes):
        return
    try:
        with transaction.atomic():
            SearchMiss.objects.create(week=week, query=query, searches=1, results=found)
    except IntegrityError:  # another request counted it first
        row.update(**changes)
