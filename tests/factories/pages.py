"""Pages in the tree, added under their parent and published through a revision."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from about.models import BasicInformationPage, HistoryPage, MapPage, VisionPage
from cases.models import CaseStatisticsPage, ComplaintPage, QuestionIndexPage
from departments.models import (
    DepartmentIndexPage,
    DepartmentPage,
    PersonDirectoryPage,
    PhoneDirectoryPage,
)
from home.models import ChannelsPage, InformationPage
from news.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)
from policies.models import PolicyIndexPage, PolicyPage, SiteMapPage
from procurement.models import (
    ProcurementBidder,
    ProcurementIndexPage,
    ProcurementNoticePage,
    ProcurementSummaryIndexPage,
    ProcurementSummaryPage,
)
from procurement.models.notices import stage_for_kind
from schools.models import SchoolIndexPage, SchoolPage
from tests.factories.site import home_page, unit
from transparency.models import ITAPage


class PageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` and published through a revision, or with ``live=False`` a
    draft with one revision. A page found again by slug (``django_get_or_create``) is left as
    it was."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"หน้าทดสอบที่ {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    live = True

    @factory.post_generation
    def revision(page, create, extracted, **kwargs):
        if not create or page.latest_revision_id is not None:
            return
        if page.live:
            page.save_revision().publish()
        else:
            page.save_revision()
        page.refresh_from_db()


class SectionFactory(PageFactory):
    """A page of which the home page holds one (an index), at the slug the site uses."""

    class Meta:
        abstract = True
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(home_page)


def section(model, slug, title, **declarations):
    meta = type("Meta", (), {"model": model})
    return type(
        f"{model.__name__}Factory",
        (SectionFactory,),
        {"Meta": meta, "slug": slug, "title": title, **declarations},
    )


NewsIndexPageFactory = section(NewsIndexPage, "news", "ข่าวสาร")
PublicationIndexPageFactory = section(PublicationIndexPage, "publications", "เอกสารเผยแพร่")
AnnouncementIndexPageFactory = section(
    AnnouncementIndexPage,
    "announcements",
    "ประกาศ",
    responsible_unit=factory.LazyFunction(lambda: unit("clerk")),
)
SchoolIndexPageFactory = section(
    SchoolIndexPage,
    "schools",
    "จัดซื้อจัดจ้างโรงเรียนเทศบาล",
    responsible_unit=factory.LazyFunction(lambda: unit("education")),
)
ProcurementIndexPageFactory = section(ProcurementIndexPage, "procurement", "จัดซื้อจัดจ้าง")
DepartmentIndexPageFactory = section(DepartmentIndexPage, "departments", "หน่วยงาน")
PhoneDirectoryPageFactory = section(PhoneDirectoryPage, "phone-directory", "สมุดโทรศัพท์")
PolicyIndexPageFactory = section(PolicyIndexPage, "policies", "นโยบายเว็บไซต์")
QuestionIndexPageFactory = section(QuestionIndexPage, "questions", "ถาม-ตอบ")
ComplaintPageFactory = section(ComplaintPage, "complaints", "ร้องเรียน/ร้องทุกข์")
CaseStatisticsPageFactory = section(CaseStatisticsPage, "complaint-statistics", "สถิติเรื่องร้องเรียน")
ITAPageFactory = section(ITAPage, "ita", "การประเมินคุณธรรมและความโปร่งใส (ITA)")
BasicInformationPageFactory = section(BasicInformationPage, "basic-information", "ข้อมูลพื้นฐาน")
HistoryPageFactory = section(HistoryPage, "history", "ประวัติความเป็นมา")
VisionPageFactory = section(VisionPage, "vision", "วิสัยทัศน์")
MapPageFactory = section(MapPage, "map", "แผนที่และการเดินทาง")


class ProcurementSummaryIndexPageFactory(SectionFactory):
    class Meta:
        model = ProcurementSummaryIndexPage

    parent = factory.SubFactory(ProcurementIndexPageFactory)
    slug = "summaries"
    title = "สรุปผลการจัดซื้อจัดจ้างรายเดือน"


class InformationPageFactory(PageFactory):
    class Meta:
        model = InformationPage

    parent = factory.LazyFunction(home_page)
    title = "โครงสร้างการบริหารงาน"


class ChannelsPageFactory(PageFactory):
    class Meta:
        model = ChannelsPage

    parent = factory.LazyFunction(home_page)
    title = "ช่องทางการติดต่อ"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    parent = factory.SubFactory(NewsIndexPageFactory)
    title = factory.Sequence(lambda n: f"ข่าวประชาสัมพันธ์ที่ {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    responsible_unit = factory.LazyFunction(lambda: unit("clerk"))


def figure(image, caption):
    """A gallery or body figure block showing ``image`` with ``caption`` as its text."""
    return {
        "type": "figure",
        "value": {
            "image": {"image": image.pk, "alt_text": caption, "decorative": False},
            "caption": caption,
        },
    }


def paragraph(html):
    return {"type": "paragraph", "value": html}


class PublicationPageFactory(PageFactory):
    class Meta:
        model = PublicationPage

    parent = factory.SubFactory(PublicationIndexPageFactory)
    title = factory.Sequence(lambda n: f"รายงานประจำปีที่ {n}")
    slug = factory.Sequence(lambda n: f"publication-{n}")
    kind = PublicationKind.choices[0][0]
    year = 2568
    responsible_unit = factory.LazyFunction(lambda: unit("planning"))


class AnnouncementPageFactory(PageFactory):
    class Meta:
        model = AnnouncementPage

    parent = factory.SubFactory(AnnouncementIndexPageFactory)
    title = factory.Sequence(lambda n: f"ประกาศเทศบาลนครนครสวรรค์ ฉบับที่ {n}")
    slug = factory.Sequence(lambda n: f"announcement-{n}")
    responsible_unit = factory.LazyFunction(lambda: unit("clerk"))


class ProcurementNoticePageFactory(AnnouncementPageFactory):
    """A procurement notice (an invitation unless a ``stage`` or ``kind`` says otherwise);
    ``bidders`` as (name, price) pairs. Without a ``subject`` the summaries use the title, as
    for an editor who leaves it empty."""

    class Meta:
        model = ProcurementNoticePage

    title = factory.Sequence(
        lambda n: f"ประกาศเทศบาลนครนครสวรรค์ เรื่อง จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ {n}"
    )
    slug = factory.Sequence(lambda n: f"procurement-{n}")
    budget = Decimal("100000.00")
    responsible_unit = factory.LazyFunction(lambda: unit("engineering"))
    bidders = factory.LazyFunction(list)

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if "kind" in kwargs and "stage" not in kwargs:
            kwargs["stage"] = stage_for_kind(kwargs["kind"])  # the kind follows the stage
        kwargs["bidders"] = [
            bidder
            if isinstance(bidder, ProcurementBidder)
            else ProcurementBidder(name=bidder[0], price=Decimal(bidder[1]))
            for bidder in kwargs["bidders"]
        ]
        return kwargs


class ProcurementSummaryPageFactory(PageFactory):
    class Meta:
        model = ProcurementSummaryPage

    parent = factory.SubFactory(ProcurementSummaryIndexPageFactory)
    month = datetime.date(2025, 11, 1)
    responsible_unit = factory.LazyFunction(lambda: unit("engineering"))
    title = factory.LazyAttribute(
        lambda page: f"สรุปผลการจัดซื้อจัดจ้าง {page.month:%m/%Y} {page.responsible_unit.name}"
    )
    slug = factory.LazyAttribute(lambda page: f"{page.responsible_unit.slug}-{page.month:%Y-%m}")


class SchoolPageFactory(PageFactory):
    class Meta:
        model = SchoolPage

    parent = factory.SubFactory(SchoolIndexPageFactory)
    title = factory.Sequence(lambda n: f"โรงเรียนเทศบาล {n}")
    slug = factory.Sequence(lambda n: f"school-{n}")
    code = factory.Sequence(lambda n: f"ท.{n}")
    responsible_unit = factory.LazyFunction(lambda: unit("education"))


class DepartmentPageFactory(PageFactory):
    """A unit's page; its slug and title follow the unit unless given."""

    class Meta:
        model = DepartmentPage

    parent = factory.SubFactory(DepartmentIndexPageFactory)
    unit = factory.LazyFunction(lambda: unit("finance"))
    title = factory.LazyAttribute(lambda page: page.unit.name)
    slug = factory.LazyAttribute(lambda page: page.unit.slug)
    responsible_unit = factory.LazyAttribute(lambda page: page.unit)


class PersonDirectoryPageFactory(PageFactory):
    class Meta:
        model = PersonDirectoryPage

    parent = factory.LazyFunction(home_page)
    title = "คณะผู้บริหาร"
    slug = factory.Sequence(lambda n: f"people-{n}")
    kind = PersonDirectoryPage.Kind.EXECUTIVES


class PolicyPageFactory(PageFactory):
    class Meta:
        model = PolicyPage

    parent = factory.SubFactory(PolicyIndexPageFactory)
    title = "ประกาศความเป็นส่วนตัว"
    slug = "privacy"
    kind = "privacy"


class SiteMapPageFactory(SectionFactory):
    class Meta:
        model = SiteMapPage

    parent = factory.SubFactory(PolicyIndexPageFactory)
    slug = "site-map"
    title = "แผนผังเว็บไซต์"
