"""The procurement evidence of the ITA (``transparency.sources``, registered in
``wagtail_hooks.py``): the monthly summaries (แบบ สขร.๑) of the period and the fiscal year's ITA
procurement list."""

import datetime

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from procurement.models import ProcurementSummaryIndexPage
from procurement.summary import summary_pages as summaries_of_year
from thai.dates import BE_OFFSET, THAI_MONTHS
from transparency.sources import Source, Status


def month_name(month):
    return f"{THAI_MONTHS[month.month - 1]} {month.year + BE_OFFSET}"


def ended_months(first, last, today):
    """The first days of the months from ``first`` to ``last`` that ended before ``today``."""
    months, month = [], first.replace(day=1)
    while month <= last:
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        if following <= today:
            months.append(month)
        month = following
    return months


def summary_pages(year, period):
    pages = summaries_of_year(year.evidence_year(period))
    bounds = year.period_bounds(period)
    if bounds:
        pages = pages.filter(month__gte=bounds[0], month__lte=bounds[1])
    return pages


def by_month(page):
    return page.summary_month, page.path


def check_monthly(year, period, entries, today):
    """Every ended month needs a live summary; a unit that files summaries needs one every
    month, a month without procurement included (its page says "ไม่มีการจัดซื้อจัดจ้าง")."""
    bounds = year.period_bounds(period) or year.period_bounds("current")
    months = ended_months(*bounds, today)
    filed = {}
    for month, unit in summary_pages(year, period).values_list("month", "responsible_unit"):
        filed.setdefault(month, set()).add(unit)
    units = set().union(*filed.values()) if filed else set()
    missing = [m for m in months if m not in filed]
    partial = [m for m in months if m in filed and filed[m] != units]
    if missing:
        names = ", ".join(month_name(m) for m in missing)
        return Status.RED, f"ไม่มีสรุปผลการจัดซื้อจัดจ้างของเดือน {names}"
    if partial:
        names = ", ".join(month_name(m) for m in partial)
        return Status.AMBER, f"บางหน่วยงานยังไม่มีสรุปผลของเดือน {names}"
    if not months:
        return Status.GREEN, "ยังไม่มีเดือนที่สิ้นสุดในช่วงเวลานี้"
    return Status.GREEN, f"มีสรุปผลครบ {len(months)} เดือน"


def summaries_index(year, period):
    return ProcurementSummaryIndexPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE
    )


def annual_list_entry(page, year, period):
    """The ITA list of the fiscal year, a sub-page of the summaries index
    (``procurement.summary.annual_list_url``, without its own query)."""
    fiscal = year.evidence_year(period)
    sub_path = page.specific_class().reverse_subpage("ita_list", args=(fiscal,))
    title = _("ข้อมูลสาระสำคัญการจัดซื้อจัดจ้าง ปีงบประมาณ %(year)s") % {"year": fiscal}
    return str(title), (page.url + sub_path) if page.url else None


def ita_sources():
    return [
        Source(
            "procurement_monthly",
            "สรุปผลการจัดซื้อจัดจ้างรายเดือนของปีงบประมาณ (Monthly procurement summaries of the fiscal year)",
            pages=summary_pages,
            order=by_month,
            annotations={"summary_month": F("procurementsummarypage__month")},
            check=check_monthly,
        ),
        Source(
            "procurement_annual",
            "ข้อมูลสาระสำคัญการจัดซื้อจัดจ้างประจำปี (Annual procurement list)",
            pages=summaries_index,
            entry=annual_list_entry,
        ),
    ]
