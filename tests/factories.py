"""Factories for the tests' data: pages in the tree, units, people in role groups, images and
documents, site settings and translations, with Thai defaults.

Tests build what they assert on here, never with the demo loaders (``*/demo.py``), so that
editing the demo's text cannot break a test. Models that may move between apps (``Unit``) are
imported in this module only: tests take ``Unit`` from here.

Pages: ``NewsPageFactory(parent=index, title="...")`` adds the page under ``parent`` and
publishes it through a revision (``save_revision().publish()``), as an editor does; with
``live=False`` it is a draft with one unpublished revision. Index pages default to the Thai
home page as parent and to the slug the site uses (``/news/``), found again if they exist, so
``NewsPageFactory()`` alone builds ``/news/<slug>/``.
"""

import datetime
import io
from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from wagtail.models import Collection, Locale, Site
from wagtail_localize.models import Translation, TranslationSource

from about.models import BasicInformationPage, HistoryPage, MapPage, VisionPage
from cases.models import CaseStatisticsPage, ComplaintPage, QuestionIndexPage, QuestionPage
from core.models import SiteSettings, Unit
from departments.models import (
    DepartmentIndexPage,
    DepartmentPage,
    DirectoryPerson,
    PersonDirectoryPage,
    PhoneDirectoryPage,
)
from home.models import ChannelsPage, HomePage, InformationPage
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
from schools.models import SchoolIndexPage, SchoolPage
from transparency.models import ITAPage

PASSWORD = "a-long-test-password-2569"
HOME_TITLE_EN = {"เทศบาลนครนครสวรรค์": "Nakhon Sawan City Municipality"}


# --- units, home page, settings ----------------------------------------------------------------


def unit(slug):
    """One of the nine units of the municipality, which a data migration creates."""
    return Unit.objects.get(slug=slug)


class UnitFactory(DjangoModelFactory):
    """A unit beyond the nine (units are data: the admin adds more)."""

    class Meta:
        model = Unit
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"unit-{n}")
    name = factory.Sequence(lambda n: f"กองทดสอบที่ {n}")
    name_en = factory.Sequence(lambda n: f"Test Division {n}")
    sort_order = 50


def home_page():
    """The Thai home page, the site's root (created by a migration)."""
    return HomePage.objects.get(locale__language_code="th")


def hotline(label, label_en, number):
    return {"type": "hotline", "value": {"label": label, "label_en": label_en, "number": number}}


def site_settings(**fields):
    """The site's contact settings, with a Thai address and phone unless given."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values = {
        "address": "เทศบาลนครนครสวรรค์ 329 ถนนโกสีย์ ตำบลปากน้ำโพ อำเภอเมืองนครสวรรค์ 60000",
        "address_en": "329 Kosi Road, Pak Nam Pho, Mueang Nakhon Sawan 60000",
        "phone": "0 5600 0000",
        "email": "contact@example.org",
        "office_hours": "วันจันทร์–ศุกร์ 08.30–16.30 น.",
        "office_hours_en": "Monday–Friday 08:30–16:30",
        "facebook_url": "https://www.facebook.com/example-municipality",
        "hotlines": [hotline("ศูนย์รับเรื่องร้องเรียน", "Complaints centre", "0 5600 0001")],
        **fields,
    }
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def translate(page, strings=None, language="en"):
    """The translation of ``page`` into ``language`` through wagtail-localize, made once and
    published; ``strings`` maps each Thai text to its translation (the rest stays Thai).
    Untranslated ancestors are translated first (the home page with its English name)."""
    locale = Locale.objects.get(language_code=language)
    if page.has_translation(locale):
        return page.get_translation(locale)
    parent = page.get_parent()
    if parent.depth > 1 and not parent.has_translation(locale):
        translate(parent.specific, HOME_TITLE_EN if parent.depth == 2 else {}, language)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (strings or {}).get(entry.msgid, "")
    translation.import_po(po)
    # A draft published now: wagtail-localize would publish on commit, from a copy of the page
    # taken before its children were added.
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return target


def english_home():
    return translate(home_page(), HOME_TITLE_EN)


def translated_home():
    """The Thai home page, with its English translation published."""
    english_home()
    return home_page()


# --- people --------------------------------------------------------------------------------------


def role_group(role, unit_or_slug=None):
    """The group of ``role`` (of a unit, for the unit roles), created by a migration."""
    lookup = {"moderation_role__role": role}
    if isinstance(unit_or_slug, str):
        lookup["moderation_role__unit__slug"] = unit_or_slug
    elif unit_or_slug is not None:
        lookup["moderation_role__unit"] = unit_or_slug
    return Group.objects.get(**lookup)


class UserFactory(DjangoModelFactory):
    """A member of staff; ``role=Role.CREATOR, unit="finance"`` puts them in that group."""

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"staff-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")

    @classmethod
    def _create(cls, model_class, *args, role=None, unit=None, password=PASSWORD, **kwargs):
        user = model_class.objects.create_user(*args, password=password, **kwargs)
        if role is not None:
            user.groups.add(role_group(role, unit))
        return user


# --- images and documents ------------------------------------------------------------------


def root_collection():
    return Collection.get_first_root_node()


def pdf_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 170), "#ffffff").save(buffer, "PDF")
    return buffer.getvalue()


class ImageFactory(wagtail_factories.ImageFactory):
    """A plain picture (``file__width``, ``file__height`` to size it) in the root collection."""

    title = factory.Sequence(lambda n: f"ภาพประกอบที่ {n}")
    description = factory.LazyAttribute(lambda image: image.title)
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(width=320, height=200, color="#0b4f6c")


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A one-page PDF, with its size recorded as an upload records it."""

    class Meta:
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"เอกสารแนบที่ {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"document-{n}.pdf"),
        data=factory.LazyFunction(pdf_bytes),
    )

    @factory.post_generation
    def recorded_size(document, create, extracted, **kwargs):
        if create:
            document.file_size = document.file.size
            document.save(update_fields=["file_size"])


# --- pages ---------------------------------------------------------------------------------------


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


def director(name, position, **fields):
    """A person of a directory page (kept with the page when it is saved)."""
    return DirectoryPerson(name=name, position=position, **fields)


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


class QuestionPageFactory(PageFactory):
    class Meta:
        model = QuestionPage

    parent = factory.SubFactory(QuestionIndexPageFactory)
