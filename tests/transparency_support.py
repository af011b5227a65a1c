"""The tree the transparency tests share: an ITA page, evidence pages of two fiscal years and
the 2568 and 2569 lists loaded as data."""

import datetime

from core import demo
from departments.models import DirectoryPerson, PersonDirectoryPage
from home.models import HomePage, InformationPage
from news.models import NewsIndexPage, NewsPage
from procurement.models import ProcurementSummaryPage
from tests.procurement_support import procurement_indexes
from transparency.data import load_lists
from transparency.models import ITAPage

NOVEMBER_2568 = datetime.date(2025, 11, 1)  # fiscal year 2569
SEPTEMBER_2568 = datetime.date(2025, 9, 1)  # fiscal year 2568


def summary(summaries, month, unit="engineering"):
    return demo.child_page(
        summaries,
        ProcurementSummaryPage,
        f"{unit}-{month:%Y-%m}",
        title=f"สรุปผลการจัดซื้อจัดจ้าง {month:%m/%Y} {unit}",
        month=month,
        responsible_unit=demo.unit(unit),
    )


def build_tree(cls):
    """Sets the pages on the test class ``cls``."""
    cls.home = HomePage.objects.get(locale__language_code="th")
    cls.ita = demo.child_page(cls.home, ITAPage, "ita", title="การประเมินคุณธรรมและความโปร่งใส (ITA)")
    cls.structure = demo.child_page(
        cls.home, InformationPage, "structure", title="โครงสร้างการบริหารงาน"
    )
    news_index = demo.child_page(cls.home, NewsIndexPage, "news", title="ข่าวสาร")
    cls.news_2569 = demo.child_page(
        news_index,
        NewsPage,
        "water-quality",
        title="การประปาเทศบาลตรวจคุณภาพน้ำประปา",
        date=datetime.date(2025, 11, 10),
    )
    cls.news_2568 = demo.child_page(
        news_index,
        NewsPage,
        "songkran",
        title="งานสงกรานต์ปากน้ำโพ",
        date=datetime.date(2025, 4, 13),
    )
    cls.executives = demo.child_page(
        cls.home,
        PersonDirectoryPage,
        "executives",
        title="คณะผู้บริหาร",
        kind=PersonDirectoryPage.Kind.EXECUTIVES,
        people=[
            DirectoryPerson(
                name="นายสมชาย ใจดี",
                position="นายกเทศมนตรีนครนครสวรรค์",
                phone="0 5621 9500",
                term_start=2566,
                photo=demo.demo_portrait("นายสมชาย ใจดี"),
            )
        ],
    )
    _listing, cls.summaries = procurement_indexes(cls.home)
    cls.november = summary(cls.summaries, NOVEMBER_2568)
    cls.september = summary(cls.summaries, SEPTEMBER_2568)
    load_lists(cls.home)
