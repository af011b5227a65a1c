"""The tree the transparency tests share: an ITA page, evidence pages of two fiscal years and
the 2568 and 2569 lists loaded as data."""

import datetime

from departments.models import DirectoryPerson, PersonDirectoryPage
from tests.factories import (
    ImageFactory,
    InformationPageFactory,
    ITAPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PersonDirectoryPageFactory,
    ProcurementSummaryPageFactory,
    home_page,
)
from tests.factories import unit as unit_named
from tests.procurement_support import procurement_indexes
from transparency.data import load_lists

NOVEMBER_2568 = datetime.date(2025, 11, 1)  # fiscal year 2569
SEPTEMBER_2568 = datetime.date(2025, 9, 1)  # fiscal year 2568


def summary(summaries, month, unit="engineering"):
    return ProcurementSummaryPageFactory(
        parent=summaries,
        slug=f"{unit}-{month:%Y-%m}",
        title=f"สรุปผลการจัดซื้อจัดจ้าง {month:%m/%Y} {unit}",
        month=month,
        responsible_unit=unit_named(unit),
    )


def build_tree(cls):
    """Sets the pages on the test class ``cls``."""
    cls.home = home_page()
    cls.ita = ITAPageFactory(title="การประเมินคุณธรรมและความโปร่งใส (ITA)")
    cls.structure = InformationPageFactory(slug="structure", title="โครงสร้างการบริหารงาน")
    news_index = NewsIndexPageFactory(title="ข่าวสาร")
    cls.news_2569 = NewsPageFactory(
        parent=news_index,
        slug="water-quality",
        title="การประปาเทศบาลตรวจคุณภาพน้ำประปา",
        date=datetime.date(2025, 11, 10),
    )
    cls.news_2568 = NewsPageFactory(
        parent=news_index,
        slug="songkran",
        title="งานสงกรานต์ปากน้ำโพ",
        date=datetime.date(2025, 4, 13),
    )
    cls.executives = PersonDirectoryPageFactory(
        slug="executives",
        title="คณะผู้บริหาร",
        kind=PersonDirectoryPage.Kind.EXECUTIVES,
        people=[
            DirectoryPerson(
                name="นายสมชาย ใจดี",
                position="นายกเทศมนตรีนครนครสวรรค์",
                phone="0 5621 9500",
                term_start=2566,
                photo=ImageFactory(title="ภาพ นายสมชาย ใจดี"),
            )
        ],
    )
    _listing, cls.summaries = procurement_indexes(cls.home)
    cls.november = summary(cls.summaries, NOVEMBER_2568)
    cls.september = summary(cls.summaries, SEPTEMBER_2568)
    load_lists(cls.home)


def item_of_this_year(title, evidence_page):
    """An assessment year of today's fiscal year with one item, ``title``, whose evidence is
    ``evidence_page`` (the ITA page shows that year)."""
    from django.utils import timezone

    from thai.dates import fiscal_year
    from transparency.models import AssessmentYear, EvidenceLink, Indicator, OITItem, Period

    this_year = fiscal_year(timezone.localdate())
    year = AssessmentYear.objects.create(year=this_year, fiscal_year=this_year)
    item = OITItem.objects.create(
        year=year, code="O1", title=title, indicator=Indicator.DISCLOSURE, period=Period.STANDING
    )
    EvidenceLink.objects.create(item=item, page=evidence_page)
    return item
