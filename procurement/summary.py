"""The monthly procurement summary (แบบ สขร.๑) and the yearly ITA list, made from the notices.

Rules (docs/procurement.md):
- a project is one e-GP number (a notice without one is a project of its own); of its notices
  the one at the latest stage speaks for it (a contract summary over a winner notice);
- a unit's month lists the projects of the live Thai notices it owns, at the winner or contract
  stage, whose **contract date** falls in that month; a month with none says
  "ไม่มีการจัดซื้อจัดจ้าง";
- a fiscal year's ITA list holds every project whose notices carry that fiscal year, except the
  procurement plans (a plan announces many projects, it is not one).

``summary_pages`` and ``annual_list_url`` are what the transparency centre calls.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from procurement.models.notices import (
    RESULT_STAGES,
    STAGE_RANK,
    ProcurementNoticePage,
    ProcurementStage,
)
from thai.dates import BE_OFFSET, THAI_MONTHS, fiscal_year_bounds, format_thai_date

NO_PROCUREMENT = "ไม่มีการจัดซื้อจัดจ้าง"

SUMMARY_HEADERS = [
    "ลำดับที่",
    "งานที่จัดซื้อหรือจัดจ้าง",
    "วงเงินที่จะซื้อหรือจ้าง (บาท)",
    "ราคากลาง (บาท)",
    "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือก",
    "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "เหตุผลที่คัดเลือกโดยสังเขป",
    "เลขที่สัญญาหรือข้อตกลง",
    "วันที่ของสัญญาหรือข้อตกลง",
]
SUMMARY_MONEY_COLUMNS = (2, 3, 7)

ITA_HEADERS = [
    "ลำดับ",
    "ปีงบประมาณ",
    "ชื่อหน่วยงาน",
    "อำเภอ",
    "จังหวัด",
    "กระทรวง",
    "ประเภทหน่วยงาน",
    "ชื่อรายการของงานที่ซื้อหรือจ้าง",
    "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
    "แหล่งที่มาของงบประมาณ",
    "สถานะการจัดซื้อจัดจ้าง",
    "วิธีการจัดซื้อจัดจ้าง",
    "ราคากลาง (บาท)",
    "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
    "เลขที่โครงการ",
]
ITA_MONEY_COLUMNS = (8, 12, 13)


def agency():
    """The municipality as the ITA list names it (``settings.PROCUREMENT_AGENCY``)."""
    return settings.PROCUREMENT_AGENCY


def month_bounds(month):
    """The first day of ``month``'s month and the first day of the next."""
    start = month.replace(day=1)
    return start, (start + datetime.timedelta(days=32)).replace(day=1)


def projects(notices):
    """One notice per project, the one at the latest stage, in the order the projects first
    appear in ``notices``."""
    chosen = {}
    for notice in notices:
        key = notice.egp_number or f"page-{notice.pk}"
        current = chosen.get(key)
        if current is None or STAGE_RANK[notice.stage] >= STAGE_RANK[current.stage]:
            chosen[key] = notice  # an existing key keeps its place
    return list(chosen.values())


def total(notices, name):
    return sum((getattr(n, name) or Decimal("0") for n in notices), Decimal("0"))


@dataclass
class MonthlySummary:
    unit: object
    month: datetime.date
    rows: list = field(default_factory=list)

    @property
    def totals(self):
        return {
            name: total(self.rows, name) for name in ("budget", "reference_price", "agreed_price")
        }


def monthly_summary(unit, month):
    """The สขร.๑ of ``unit`` (a ``core.Unit`` or None) for the month of ``month``: two queries
    (the notices, their bidders)."""
    if unit is None or month is None:
        return MonthlySummary(unit, month)
    start, end = month_bounds(month)
    notices = ProcurementNoticePage.records().filter(
        responsible_unit=unit,
        stage__in=RESULT_STAGES,
        contract_date__gte=start,
        contract_date__lt=end,
    )
    return MonthlySummary(unit, start, projects(notices.order_by("contract_date", "pk")))


def annual_projects(fiscal_year):
    """The projects of fiscal year ``fiscal_year`` (B.E.) for the ITA list, in date order."""
    notices = ProcurementNoticePage.records().filter(fiscal_year=fiscal_year)
    notices = notices.exclude(stage=ProcurementStage.PLAN).order_by("date", "pk")
    return projects(notices)


def bidders_text(notice):
    return "\n".join(f"{b.name} {b.price:,.2f} บาท" for b in notice.bidders.all())


def summary_table(summary):
    """The สขร.๑ as rows of cells (money as ``Decimal``), with the totals as the last row."""
    rows = [
        [
            number,
            notice.item,
            notice.budget,
            notice.reference_price,
            notice.get_method_display(),
            bidders_text(notice),
            notice.winner_name,
            notice.agreed_price,
            notice.reason,
            notice.contract_number,
            format_thai_date(notice.contract_date) if notice.contract_date else "",
        ]
        for number, notice in enumerate(summary.rows, start=1)
    ]
    if not rows:
        return [["", NO_PROCUREMENT, *[""] * (len(SUMMARY_HEADERS) - 2)]]
    totals = summary.totals
    return [
        *rows,
        [
            "",
            "รวม",
            totals["budget"],
            totals["reference_price"],
            "",
            "",
            "",
            totals["agreed_price"],
            "",
            "",
            "",
        ],
    ]


def ita_table(fiscal_year, notices):
    """The 16 ITA fields of each project of ``fiscal_year``."""
    details = agency()
    return [
        [
            number,
            fiscal_year,
            details["name"],
            details["district"],
            details["province"],
            details["ministry"],
            details["agency_type"],
            notice.item,
            notice.budget,
            notice.get_budget_source_display(),
            notice.get_status_display(),
            notice.get_method_display(),
            notice.reference_price,
            notice.agreed_price,
            notice.winner_name,
            notice.egp_number,
        ]
        for number, notice in enumerate(notices, start=1)
    ]


def summary_pages(fiscal_year):
    """The live Thai monthly summary pages of fiscal year ``fiscal_year`` (B.E.), by month."""
    from procurement.models import ProcurementSummaryPage

    first, last = fiscal_year_bounds(fiscal_year)
    pages = ProcurementSummaryPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, month__gte=first, month__lte=last
    )
    return pages.select_related("responsible_unit").order_by(
        "month", "responsible_unit__sort_order"
    )


def annual_list_url(fiscal_year):
    """The URL (path) of the ITA list of fiscal year ``fiscal_year``, or None without a live
    summaries index page."""
    from procurement.models import ProcurementSummaryIndexPage

    index = (
        ProcurementSummaryIndexPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    if index is None or index.url is None:
        return None
    return index.url + index.reverse_subpage("ita_list", args=(fiscal_year,))


def summary_title(unit, month):
    thai_month = f"{THAI_MONTHS[month.month - 1]} {month.year + BE_OFFSET}"
    return f"สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน{thai_month} {unit.name}"


def summary_slug(unit, month):
    return f"{unit.slug}-{month.year + BE_OFFSET}-{month.month:02d}"


def create_summary_page(index, unit, month, publish=False):
    """The summary of ``unit`` for ``month`` under ``index``: (page, created). A new page is a
    draft that goes through approval, unless ``publish`` (demo content only)."""
    from procurement.models import ProcurementSummaryPage

    month = month.replace(day=1)
    existing = ProcurementSummaryPage.objects.filter(
        month=month, responsible_unit=unit, locale_id=index.locale_id
    ).first()
    if existing is not None:
        return existing, False
    page = ProcurementSummaryPage(
        title=summary_title(unit, month),
        slug=summary_slug(unit, month),
        month=month,
        responsible_unit=unit,
        live=publish,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True
