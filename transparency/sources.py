"""Evidence the portal generates itself, by name: monthly procurement summaries of the fiscal
year, news of the period, the executives directory, the complaint statistics of the fiscal
year, ... Each source is a function of (assessment year, evidence period) returning
``[(title, url)]`` (``SOURCES[key](year, period)``), with an optional coverage rule (``check``).

A source says which live pages it shows (``pages``: a queryset of any page type, already
narrowed to the period and the language served) and how each becomes a link (``entry``).
``resolve`` fetches the pages of every source a year's items use in **one** query (each
source's queryset is a subquery), so the ITA page costs the same whatever the number of items
and sources.
"""

import datetime
from dataclasses import dataclass, field
from enum import IntEnum

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.queries import in_active_language, public
from core.thai import BE_OFFSET, THAI_MONTHS, format_thai_date

NEWS_SHOWN = 20


class Status(IntEnum):
    """Coverage of an item, worst last; the label says it in words, not only in colour."""

    GREEN = 0
    AMBER = 1
    RED = 2

    @property
    def label(self):
        return {
            Status.GREEN: "ครบ (Complete)",
            Status.AMBER: "ไม่ครบ (Incomplete)",
            Status.RED: "ขาดหลักฐาน (Missing)",
        }[self]

    @property
    def css(self):
        return self.name.lower()


def page_entry(page, year, period):
    return page.title, page.url


def by_path(page):
    return page.path


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    pages: object  # (year, period) -> queryset of the live pages shown
    entry: object = page_entry  # (page, year, period) -> (title, url)
    order: object = by_path  # page -> sort key
    annotations: dict = field(default_factory=dict)  # values the entry or order need
    limit: int | None = None
    check: object = None  # (year, period, entries, today) -> (Status, note)

    def __call__(self, year, period):
        found, _pages = resolve(year, {(self.key, period)})
        return found.get((self.key, period), [])


SOURCES = {}


def register(source):
    SOURCES[source.key] = source
    return source


def source_choices():
    return [(key, source.label) for key, source in SOURCES.items()]


def resolve(year, wanted, more_pages=None):
    """``({(key, period): [(title, url)]}, [every page fetched])`` for each wanted
    ``(key, period)``, in one query; ``more_pages`` (a ``Q`` on pages) fetches other pages in
    the same query."""
    flags, annotations, matched = {}, {}, Q()
    for number, (key, period) in enumerate(sorted(wanted)):
        source = SOURCES.get(key)
        if source is None:
            continue
        pages = source.pages(year, period)
        if pages is None:
            continue
        flag = f"in_source_{number}"
        flags[flag] = (source, period)
        annotations[flag] = Exists(pages.filter(pk=OuterRef("pk")))
        annotations.update(source.annotations)
        matched |= Q(**{flag: True})
    if more_pages is not None:
        matched |= more_pages
    found = {pair: [] for pair in wanted}
    if not matched:
        return found, []
    rows = list(Page.objects.annotate(**annotations).filter(matched).select_related("locale"))
    for flag, (source, period) in flags.items():
        pages = sorted((page for page in rows if getattr(page, flag)), key=source.order)
        pages = pages[: source.limit] if source.limit else pages
        found[source.key, period] = [
            entry for entry in (source.entry(page, year, period) for page in pages) if entry[1]
        ]
    return found, rows


def check(source_key, year, period, entries, today=None):
    """The coverage of one source's entries: its own rule, else "some entries" is enough."""
    today = today or timezone.localdate()
    source = SOURCES.get(source_key)
    if source is None:
        return Status.RED, f"ไม่รู้จักแหล่งข้อมูล {source_key}"
    if source.check:
        return source.check(year, period, entries, today)
    if not entries:
        return Status.RED, f"ยังไม่มี{source.label.split(' (')[0]}ที่เผยแพร่"
    return Status.GREEN, ""


def period_bounds(year, period):
    from transparency.models import period_range

    return period_range(year.fiscal_year, period)


def evidence_year(year, period):
    from transparency.models import evidence_fiscal_year

    return evidence_fiscal_year(year.fiscal_year, period) or year.fiscal_year


def live_pages(model):
    return in_active_language(public(model.objects.live()))


# --- procurement (procurement.summary) -------------------------------------------------------


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
    from procurement.summary import summary_pages as pages_of_year

    pages = pages_of_year(evidence_year(year, period))
    bounds = period_bounds(year, period)
    if bounds:
        pages = pages.filter(month__gte=bounds[0], month__lte=bounds[1])
    return pages


def by_month(page):
    return page.summary_month, page.path


def check_procurement_monthly(year, period, entries, today):
    """Every ended month needs a live summary; a unit that files summaries needs one every
    month, a month without procurement included (its page says "ไม่มีการจัดซื้อจัดจ้าง")."""
    bounds = period_bounds(year, period) or period_bounds(year, "current")
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
    from procurement.models import ProcurementSummaryIndexPage

    return ProcurementSummaryIndexPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE
    )


def annual_list_entry(page, year, period):
    """The ITA list of the fiscal year, a sub-page of the summaries index
    (``procurement.summary.annual_list_url``, without its own query)."""
    fiscal = evidence_year(year, period)
    sub_path = page.specific_class().reverse_subpage("ita_list", args=(fiscal,))
    title = _("ข้อมูลสาระสำคัญการจัดซื้อจัดจ้าง ปีงบประมาณ %(year)s") % {"year": fiscal}
    return str(title), (page.url + sub_path) if page.url else None


# --- news, publications and directories -----------------------------------------------------


def news_pages(year, period):
    from news.models import NewsPage

    pages = live_pages(NewsPage)
    bounds = period_bounds(year, period)
    if bounds:
        pages = pages.filter(date__gte=bounds[0], date__lte=bounds[1])
    return pages


def news_entry(page, year, period):
    return f"{page.title} ({format_thai_date(page.news_date)})", page.url


def newest_first(page):
    return -page.news_date.toordinal(), -page.pk


def check_news(year, period, entries, today):
    count = news_pages(year, period).count()
    if not count:
        return Status.RED, "ไม่มีข่าวที่ลงวันที่ในช่วงเวลานี้"
    return Status.GREEN, f"มีข่าว {count} รายการในช่วงเวลานี้"


def executives_pages(year=None, period=None):
    from departments.models import PersonDirectoryPage

    return live_pages(PersonDirectoryPage).filter(kind=PersonDirectoryPage.Kind.EXECUTIVES)


def check_executives(year, period, entries, today):
    """Every executive needs a photo and a direct contact (phone or e-mail)."""
    from departments.models import DirectoryPerson

    people = list(DirectoryPerson.objects.filter(page__in=executives_pages().values("pk")))
    if not people:
        return Status.RED, "ไม่มีทำเนียบคณะผู้บริหารที่เผยแพร่ หรือไม่มีรายชื่อ"
    lacking = [p.name for p in people if not p.photo_id or not (p.phone or p.email)]
    if lacking:
        return Status.AMBER, "ยังไม่มีภาพถ่ายหรือช่องทางติดต่อโดยตรง: " + ", ".join(lacking)
    return Status.GREEN, f"ผู้บริหาร {len(people)} คนมีภาพถ่ายและช่องทางติดต่อครบ"


def annual_reports(year, period):
    from news.models import PublicationKind, PublicationPage

    return live_pages(PublicationPage).filter(
        kind=PublicationKind.ANNUAL_REPORT, year=evidence_year(year, period)
    )


# --- "the live page of type X" --------------------------------------------------------------


def page_type(label):
    """The live pages of type ``label`` ("app.Model") in the language served; nothing while
    the app providing it is not installed."""

    def pages(year, period):
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            return None
        return live_pages(model)

    return pages


def statistics_entry(page, year, period):
    return page.title, f"{page.url}?year={evidence_year(year, period)}" if page.url else None


def e_services_entry(page, year, period):
    title = _("สถิติการใช้บริการออนไลน์ (E-Service)")
    return str(title), f"{page.url}e-services/" if page.url else None


register(
    Source(
        "procurement_monthly",
        "สรุปผลการจัดซื้อจัดจ้างรายเดือนของปีงบประมาณ (Monthly procurement summaries of the fiscal year)",
        pages=summary_pages,
        order=by_month,
        annotations={"summary_month": F("procurementsummarypage__month")},
        check=check_procurement_monthly,
    )
)
register(
    Source(
        "procurement_annual",
        "ข้อมูลสาระสำคัญการจัดซื้อจัดจ้างประจำปี (Annual procurement list)",
        pages=summaries_index,
        entry=annual_list_entry,
    )
)
register(
    Source(
        "news",
        "ข่าวประชาสัมพันธ์ของช่วงเวลา (News of the period)",
        pages=news_pages,
        entry=news_entry,
        order=newest_first,
        annotations={"news_date": F("newspage__date")},
        limit=NEWS_SHOWN,
        check=check_news,
    )
)
register(
    Source(
        "executives",
        "ทำเนียบคณะผู้บริหาร (Executives directory)",
        pages=executives_pages,
        check=check_executives,
    )
)
register(
    Source(
        "annual_report",
        "รายงานประจำปีในเอกสารเผยแพร่ (Annual report among the publications)",
        pages=annual_reports,
    )
)
register(
    Source(
        "contact_channels",
        "หน้าช่องทางร้องเรียนและติดต่อ (Complaint and contact channels page)",
        pages=page_type("home.ChannelsPage"),
    )
)
register(
    Source(
        "phone_directory",
        "หน้าเบอร์โทรศัพท์ภายใน (Internal phone numbers page)",
        pages=page_type("departments.PhoneDirectoryPage"),
    )
)
register(
    Source(
        "questions",
        "หน้าถาม-ตอบ (Questions and answers page)",
        pages=page_type("cases.QuestionIndexPage"),
    )
)
register(
    Source(
        "complaint_form",
        "แบบฟอร์มแจ้งเรื่องร้องเรียน รวมถึงการทุจริต (Complaint form, corruption included)",
        pages=page_type("cases.ComplaintPage"),
    )
)
register(
    Source(
        "complaint_statistics",
        "สถิติเรื่องร้องเรียนของปีงบประมาณ (Complaint statistics of the fiscal year)",
        pages=page_type("cases.CaseStatisticsPage"),
        entry=statistics_entry,
    )
)
register(
    Source(
        "e_services",
        "บริการออนไลน์และสถิติการใช้งาน (Online services and their use)",
        pages=page_type("cases.CaseStatisticsPage"),
        entry=e_services_entry,
    )
)
register(
    Source(
        "transparency_measures",
        "มาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริต (Transparency and anti-corruption measures)",
        pages=page_type("transparency.MeasureIndexPage"),
    )
)
