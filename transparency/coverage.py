"""Coverage of the current assessment year: each item green, amber or red by rules on the
data, for the admin report and the daily site check.

- an item without evidence links is red;
- a link to a page that is not live is red, and so is a link left empty because its page or
  document was deleted;
- a document not tagged with the fiscal year of the item's period is amber;
- a generated source applies its own rule (``transparency.sources``): e.g. the monthly
  procurement summaries need every ended month (red when a month has none, amber when a unit
  that files summaries skipped one), the executives need photos and direct contacts (amber);
  any other source is red when it has nothing to show;
- an item takes the worst colour of its links.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Page

from transparency.evidence import items_with_links
from transparency.models import AssessmentYear, evidence_fiscal_year
from transparency.sources import Status, check, resolve


@dataclass
class ItemCoverage:
    item: object
    status: Status = Status.GREEN
    notes: list = field(default_factory=list)

    def add(self, status, note):
        self.status = max(self.status, status)
        if note:
            self.notes.append(note)


def link_coverage(link, item, year, generated, pages, today):
    if link.source:
        entries = generated.get((link.source, item.period), [])
        return check(link.source, year, item.period, entries, today)
    if link.page_id:
        page = pages.get(link.page_id)
        if page is None:
            return Status.RED, "หน้าที่ลิงก์ถูกลบแล้ว"
        if not page.live:
            return Status.RED, f"หน้า {page.title} ยังไม่เผยแพร่"
        return Status.GREEN, ""
    if link.document_id:
        expected = evidence_fiscal_year(year.fiscal_year, item.period)
        if expected and link.document_fiscal_year != expected:
            return (
                Status.AMBER,
                f"เอกสาร {link.document.title} ไม่ได้ระบุเป็นของปีงบประมาณ {expected}",
            )
        return Status.GREEN, ""
    return Status.RED, "ลิงก์หลักฐานว่าง"


def year_coverage(year, today=None):
    """``[ItemCoverage]`` of every item of ``year`` on ``today``."""
    today = today or timezone.localdate()
    items = items_with_links(year)
    wanted = {
        (link.source, item.period) for item in items for link in item.link_list if link.source
    }
    pages = Page.objects.in_bulk(
        {link.page_id for item in items for link in item.link_list if link.page_id}
    )
    # The Thai pages are the evidence, whatever language the request (or thread) is in.
    with translation.override(settings.LANGUAGE_CODE):
        generated, _others = resolve(year, wanted)
        result = []
        for item in items:
            coverage = ItemCoverage(item)
            if not item.link_list:
                coverage.add(Status.RED, "ยังไม่มีลิงก์หลักฐาน")
            for link in item.link_list:
                coverage.add(*link_coverage(link, item, year, generated, pages, today))
            result.append(coverage)
    return result


def current_coverage(today=None):
    """The current assessment year and its coverage, or ``(None, [])`` without one."""
    today = today or timezone.localdate()
    year = AssessmentYear.objects.current(today)
    return (year, year_coverage(year, today)) if year else (None, [])


def tally(coverage):
    """``{Status: count}`` for a summary line."""
    counts = dict.fromkeys(Status, 0)
    for row in coverage:
        counts[row.status] += 1
    return counts
