"""The news evidence of the ITA (``transparency.sources``, registered in ``wagtail_hooks.py``):
the news of the period and the annual report among the publications."""

from django.db.models import F

from news.models import NewsPage, PublicationKind, PublicationPage
from thai.dates import format_thai_date
from transparency.sources import Source, Status, live_pages

NEWS_SHOWN = 20


def news_pages(year, period):
    pages = live_pages(NewsPage)
    bounds = year.period_bounds(period)
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


def annual_reports(year, period):
    return live_pages(PublicationPage).filter(
        kind=PublicationKind.ANNUAL_REPORT, year=year.evidence_year(period)
    )


def ita_sources():
    return [
        Source(
            "news",
            "ข่าวประชาสัมพันธ์ของช่วงเวลา (News of the period)",
            pages=news_pages,
            entry=news_entry,
            order=newest_first,
            annotations={"news_date": F("newspage__date")},
            limit=NEWS_SHOWN,
            check=check_news,
        ),
        Source(
            "annual_report",
            "รายงานประจำปีในเอกสารเผยแพร่ (Annual report among the publications)",
            pages=annual_reports,
        ),
    ]
