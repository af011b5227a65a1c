"""The daily site check's part of the transparency centre: every item of the current
assessment year that is not complete becomes an ``ITA_GAP`` finding (``oversight``), on the
Thai ITA page, closed by the check itself once the evidence is there."""

from django.conf import settings
from django.utils import timezone

from oversight.findings import Observation
from oversight.models import Finding, FindingKind
from transparency.coverage import current_coverage
from transparency.models import ITAPage
from transparency.sources import Status


def ita_page_id():
    page = ITAPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    return page.pk if page else None


def ita_gaps(now):
    year, coverage = current_coverage(timezone.localdate(now))
    if year is None:
        return
    page_id = ita_page_id()
    for row in coverage:
        if row.status == Status.GREEN:
            continue
        notes = "; ".join(row.notes)
        yield Observation(
            kind=FindingKind.ITA_GAP,
            page_id=page_id,
            source=Finding.Source.CONTENT,
            target=f"ita:{year.year}:{row.item.code}",
            detail=f"ITA {year.year} {row.item.code} {row.item.title}: {row.status.label} — {notes}",
        )
