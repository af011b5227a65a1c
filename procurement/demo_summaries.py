"""Demo content: the procurement index, the summaries index and the monthly summaries (สขร.๑)
of the last three ended months, after the municipality's and the schools' notices exist."""

import datetime

from django.utils import timezone

from core.demo import child_page, translate_page, unit
from procurement.models import (
    ProcurementIndexPage,
    ProcurementNoticePage,
    ProcurementSummaryIndexPage,
)
from procurement.summary import create_summary_page, month_bounds

INDEX_TITLE = "จัดซื้อจัดจ้าง"
INDEX_INTRO = (
    "ประกาศจัดซื้อจัดจ้างทุกขั้นตอนของเทศบาลนครนครสวรรค์และโรงเรียนในสังกัด ค้นได้ตามหน่วยงาน "
    "โรงเรียน ปีงบประมาณ วิธีการจัดหา และขั้นตอน พร้อมดาวน์โหลดเป็นข้อมูลเปิด"
)
SUMMARIES_TITLE = "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)"
SUMMARIES_INTRO = (
    "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนของแต่ละหน่วยงาน "
    "และรายงานสรุปผลการจัดซื้อจัดจ้างประจำปีตามแบบการประเมิน ITA"
)
EN = {
    INDEX_TITLE: "Procurement",
    INDEX_INTRO: (
        "Every procurement notice of Nakhon Sawan City Municipality and its schools, by unit, "
        "school, fiscal year, method and stage, downloadable as open data."
    ),
    SUMMARIES_TITLE: "Monthly procurement summaries (Sor Kor Ror 1)",
    SUMMARIES_INTRO: (
        "Each unit's monthly procurement summary and the yearly procurement list of the ITA "
        "assessment."
    ),
}
# A unit without procurement last month: its summary says ไม่มีการจัดซื้อจัดจ้าง.
EMPTY_UNIT = "welfare"


def ended_months(count):
    first = timezone.localdate().replace(day=1)
    months = []
    for _ in range(count):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
        months.append(first)
    return months


def load(home):
    index = child_page(
        home,
        ProcurementIndexPage,
        "procurement",
        title=INDEX_TITLE,
        intro=INDEX_INTRO,
        responsible_unit=unit("finance"),
    )
    translate_page(index, "en", EN)
    summaries = child_page(
        index,
        ProcurementSummaryIndexPage,
        "summaries",
        title=SUMMARIES_TITLE,
        intro=SUMMARIES_INTRO,
        responsible_unit=unit("finance"),
    )
    translate_page(summaries, "en", EN)
    for month in ended_months(3):
        start, end = month_bounds(month)
        owners = ProcurementNoticePage.objects.filter(
            contract_date__gte=start, contract_date__lt=end, locale=home.locale
        ).values_list("responsible_unit__slug", flat=True)
        for slug in sorted(set(owners)):
            create_summary_page(summaries, unit(slug), month, publish=True)
    create_summary_page(summaries, unit(EMPTY_UNIT), ended_months(1)[0], publish=True)
    return index
