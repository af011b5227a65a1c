"""The cases part of the daily site check (``register_site_checks``): every open case past
its time limit is a finding, reported to the unit of the complaint page it came through. The
detail names the case by number only: findings are read by more people than cases are."""

from django.utils import timezone

from cases.models import Complaint, ComplaintPage
from oversight.findings import Observation
from oversight.models import Finding, FindingKind
from thai.dates import format_thai_date


def overdue_cases(now):
    overdue = Complaint.objects.overdue(now).only("number", "due_at", "source_page_id")
    fallback = ComplaintPage.objects.live().values_list("pk", flat=True).first()
    for case in overdue:
        yield Observation(
            kind=FindingKind.CASE_OVERDUE,
            page_id=case.source_page_id or fallback,
            source=Finding.Source.CONTENT,
            target=f"case:{case.number}",
            detail=f"เรื่องเลขที่ {case.number} เกินกำหนดแล้วเสร็จ {format_thai_date(case.due_at)} "
            f"(Case {case.number} was due by {timezone.localtime(case.due_at):%d/%m/%Y})",
        )
