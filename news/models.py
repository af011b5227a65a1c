import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock, DocumentBlock, FigureBlock, body_text
from core.listing import all_units, valid_choice, with_card_image
from core.models import BasePage, IndexPage, choice_display
from core.queries import (
    children_of_page_or_its_original,
    in_active_language,
    in_language_or_thai,
    public,
    route_to_child,
)
from pagecache.fragments import remember
from thai.dates import BE_OFFSET, MAX_YEAR_BE, MIN_YEAR_BE, fiscal_year, parse_be_year
from thai.index import ThaiSearchField

NEWS_PER_PAGE = 12
PUBLICATIONS_PER_PAGE = 24

# ---------------------------------------------------------------------------
# News (H2 municipal news, H3 activity news)
# ---------------------------------------------------------------------------


class NewsCategory(models.TextChoices):
    MUNICIPAL = "municipal", _("ข่าวสารเทศบาล")
    ACTIVITY = "activity", _("ข่าวกิจกรรม")


class NewsIndexPage(IndexPage):
    """ข่าวสาร: municipal news (H2) and activity news (H3), newest first, with filters."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้ารวมข่าวสาร (News index)"

    def route(self, request, path_components):
        """A news item and its listing image in one query."""
        return route_to_child(
            self, request, path_components, NewsPage, related=["listing_image"]
        ) or super().route(request, path_components)

    def news(self, category=None, unit=None, year=None):
        """Live public news under this page, newest first, narrowed by the given filters.

        ``unit`` is a unit's slug and ``year`` a Buddhist Era year (calendar year).
        """
        items = NewsPage.listing().descendant_of(self)
        if category:
            items = items.filter(category=category)
        if unit:
            items = items.filter(responsible_unit__slug=unit)
        if year:
            start = datetime.date(year - BE_OFFSET, 1, 1)
            items = items.filter(date__gte=start, date__lt=start.replace(year=start.year + 1))
        return items

    def filters(self, query, units):
        """The valid filters in a query string; unknown values are dropped."""
        return {
            "category": valid_choice(query, "category", NewsCategory.values),
            "unit": valid_choice(query, "unit", {u.slug for u in units}),
            "year": parse_be_year(query.get("year")),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        units = all_units(request)
        filters = self.filters(request.GET, units)
        context.update(
            self.listing_context(
                request,
                "news_items",
                lambda: self.news(**filters),
                NEWS_PER_PAGE,
                filters,
                units=units,
                categories=NewsCategory.choices,
            )
        )
        return context


class NewsPage(BasePage):
    """A news item: ข่าวสารเทศบาล (H2) or ข่าวกิจกรรม (H3)."""

    date = models.DateField("วันที่ (Date)", default=timezone.localdate)
    category = models.CharField(
        "ประเภทข่าว (Category)",
        max_length=20,
        choices=NewsCategory.choices,
        default=NewsCategory.MUNICIPAL,
    )
    get_category_display = choice_display("category", NewsCategory)
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ภาพประกอบในรายการ (Listing image)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="แสดงบนการ์ดข่าว และด้านบนของข่าวที่ไม่มีภาพกิจกรรม "
        "(Shown on the news card, and at the top of an item without a gallery)",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="เนื้อหา (Body)")
    gallery = StreamField(
        [("figure", FigureBlock())],
        blank=True,
        max_num=30,
        verbose_name="ภาพกิจกรรม (Gallery)",
        help_text="ภาพพร้อมคำอธิบายภาพสำหรับผู้พิการทางสายตา (Images with alt text)",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        FieldPanel("gallery"),
    ]
    search_fields = [
        *BasePage.search_fields,
        ThaiSearchField("body"),
        ThaiSearchField("category"),
        ThaiSearchField("date"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    # The site search: "news" in its kind filter, whatever the category; dated by ``date``.
    search_kinds = [("news", _("ข่าวสาร"))]
    search_kind_order = 2
    search_date_field = "date"

    class Meta:
        verbose_name = "ข่าว (News item)"
        verbose_name_plural = "ข่าว (News)"

    def search_kind_label(self):
        return self.get_category_display()

    def search_text(self):
        return f"{super().search_text()} {body_text(self.body)}".strip()

    shareable = True

    def share_image(self):
        return self.listing_image

    @classmethod
    def listing(cls):
        """Live public news, newest first, with what a news card shows loaded in bulk."""
        items = public(cls.objects.live()).select_related("responsible_unit")
        return with_card_image(items, "listing_image").order_by("-date", "-pk")

    @classmethod
    def latest(cls, category=None, unit=None, limit=4):
        """The newest news in the language being served, e.g. for the home and unit pages.

        ``category`` is a ``NewsCategory`` value, ``unit`` a ``core.Unit`` (or its pk).
        Two queries whatever the limit: pages (with units and images), card renditions.
        """
        items = in_active_language(cls.listing())
        if category:
            items = items.filter(category=category)
        if unit:
            items = items.filter(responsible_unit=unit)
        return items[:limit]


# ---------------------------------------------------------------------------
# Publications (H4)
# ---------------------------------------------------------------------------


class PublicationKind(models.TextChoices):
    ANNUAL_REPORT = "annual_report", _("รายงานประจำปี")
    LOCAL_JOURNAL = "local_journal", _("วารสารท้องถิ่น")
    CITIZEN_HANDBOOK = "citizen_handbook", _("คู่มือประชาชน")


class PublicationIndexPage(IndexPage):
    """เอกสารเผยแพร่ (H4): annual reports, local journals and citizen handbooks by year."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.PublicationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้ารวมเอกสารเผยแพร่ (Publications index)"

    def route(self, request, path_components):
        """A publication, its cover and its document in one query."""
        return route_to_child(
            self, request, path_components, PublicationPage, related=["cover_image", "document"]
        ) or super().route(request, path_components)

    def publications(self, kind=None, year=None):
        """Live public publications under this page, newest year first."""
        items = PublicationPage.listing().child_of(self)
        if kind:
            items = items.filter(kind=kind)
        if year:
            items = items.filter(year=year)
        return items

    def filters(self, query):
        """The valid filters in a query string; unknown values are dropped."""
        return {
            "kind": valid_choice(query, "kind", PublicationKind.values),
            "year": parse_be_year(query.get("year")),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.filters(request.GET)
        context.update(
            self.listing_context(
                request,
                "publications",
                lambda: self.publications(**filters),
                PUBLICATIONS_PER_PAGE,
                filters,
                kinds=PublicationKind.choices,
            )
        )
        return context


class PublicationPage(BasePage):
    """A downloadable publication: annual report, local journal or citizen handbook."""

    kind = models.CharField("ประเภทเอกสาร (Kind)", max_length=20, choices=PublicationKind.choices)
    get_kind_display = choice_display("kind", PublicationKind)
    year = models.PositiveSmallIntegerField(
        "ปี พ.ศ. (Year, B.E.)",
        validators=[MinValueValidator(MIN_YEAR_BE), MaxValueValidator(MAX_YEAR_BE)],
        help_text="ปีพุทธศักราช เช่น 2567 (Buddhist Era year, e.g. 2567)",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ภาพปก (Cover image)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Required in the editor; SET_NULL so that deleting the file in the admin cannot fail.
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="ไฟล์เอกสาร (Document)",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="ไฟล์ที่ประชาชนดาวน์โหลด (The file citizens download)",
    )
    summary = models.TextField("สาระสำคัญ (Summary)", blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("year"),
        FieldPanel("cover_image"),
        FieldPanel("document"),
        FieldPanel("summary"),
    ]
    search_fields = [
        *BasePage.search_fields,
        ThaiSearchField("summary"),
        ThaiSearchField("kind"),
        ThaiSearchField("year"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]

    parent_page_types = ["news.PublicationIndexPage"]
    subpage_types = []

    # The site search: "publications" in its kind filter, whatever the kind; undated.
    search_kinds = [("publication", _("เอกสารเผยแพร่"))]
    search_kind_order = 3

    class Meta:
        verbose_name = "เอกสารเผยแพร่ (Publication)"
        verbose_name_plural = "เอกสารเผยแพร่ (Publications)"

    def search_kind_label(self):
        return self.get_kind_display()

    def search_text(self):
        return f"{super().search_text()} {self.summary}".strip()

    def share_image(self):
        return self.cover_image

    @classmethod
    def listing(cls):
        """Live public publications, newest year first, with cover, document and unit."""
        items = public(cls.objects.live()).select_related("document", "responsible_unit")
        return with_card_image(items, "cover_image").order_by("-year", "kind", "-pk")

    @classmethod
    def latest(cls, limit=3):
        """The newest publications in the language being served, e.g. for the home page."""
        return in_active_language(cls.listing())[:limit]


# ---------------------------------------------------------------------------
# Announcements (H5): procurement, winning bids, council, recruitment and other notices
# ---------------------------------------------------------------------------

ANNOUNCEMENTS_PER_PAGE = 20


class AnnouncementKind(models.TextChoices):
    PROCUREMENT = "procurement", _("ประกาศจัดซื้อจัดจ้าง")
    WINNER = "winner", _("ประกาศผู้ชนะการเสนอราคา")
    COUNCIL = "council", _("ประกาศการประชุมสภาเทศบาล")
    RECRUITMENT = "recruitment", _("ประกาศรับสมัคร")
    OTHER = "other", _("ประกาศอื่น ๆ / ข่าวประชาสัมพันธ์")


class AnnouncementIndexPage(IndexPage):
    """ประกาศ / ข่าวประชาสัมพันธ์ (H5): every notice, newest first, filtered by kind, unit and
    fiscal year."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.AnnouncementPage", "procurement.ProcurementNoticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้ารวมประกาศ (Announcements index)"

    def route(self, request, path_components):
        return route_to_child(
            self, request, path_components, AnnouncementPage, ["procurementnoticepage"]
        ) or super().route(request, path_components)

    def _items(self):
        return AnnouncementPage.listing().filter(children_of_page_or_its_original(self))

    def announcements(self, kind=None, unit=None, year=None):
        """Live public notices under this page (procurement notices included), newest first.

        ``unit`` is a unit's slug and ``year`` a fiscal year (Buddhist Era).
        """
        items = self._items()
        if kind:
            items = items.filter(kind=kind)
        if unit:
            items = items.filter(responsible_unit__slug=unit)
        if year:
            items = items.filter(fiscal_year=year)
        return items

    def fiscal_years(self):
        """The fiscal years that have notices here, newest first (for the filter)."""
        years = self._items().order_by("-fiscal_year").values_list("fiscal_year", flat=True)
        return years.distinct()

    def filters(self, query, units):
        """The valid filters in a query string; unknown values are dropped."""
        return {
            "kind": valid_choice(query, "kind", AnnouncementKind.values),
            "unit": valid_choice(query, "unit", {u.slug for u in units}),
            "year": parse_be_year(query.get("year")),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        units = all_units(request)
        filters = self.filters(request.GET, units)
        context.update(
            self.listing_context(
                request,
                "announcements",
                lambda: self.announcements(**filters),
                ANNOUNCEMENTS_PER_PAGE,
                filters,
                units=units,
                kinds=AnnouncementKind.choices,
                # Kept under the content version, as the rows are (pagecache.fragments).
                fiscal_years=remember(
                    request, "announcement-years", lambda: list(self.fiscal_years()), self.pk
                ),
            )
        )
        return context


class AnnouncementPage(BasePage):
    """A notice of the municipality (H5). Procurement notices extend it (procurement app)."""

    shareable = True

    kind = models.CharField(
        "ประเภทประกาศ (Kind)",
        max_length=20,
        choices=AnnouncementKind.choices,
        default=AnnouncementKind.OTHER,
    )
    get_kind_display = choice_display("kind", AnnouncementKind)
    date = models.DateField("วันที่ประกาศ (Date)", default=timezone.localdate)
    fiscal_year = models.PositiveSmallIntegerField(
        "ปีงบประมาณ พ.ศ. (Fiscal year, B.E.)",
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_YEAR_BE), MaxValueValidator(MAX_YEAR_BE)],
        help_text="ว่างไว้เพื่อคำนวณจากวันที่ประกาศ (ปีงบประมาณ 1 ต.ค. – 30 ก.ย.) "
        "(Leave empty to derive it from the date; the fiscal year runs 1 Oct – 30 Sep)",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="เนื้อหา (Body)")
    attachments = StreamField(
        [("document", DocumentBlock())],
        blank=True,
        verbose_name="เอกสารแนบ (Attachments)",
        help_text="ไฟล์ประกาศฉบับลงนาม เอกสารประกอบ (The signed notice and other documents)",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("fiscal_year"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = [
        *BasePage.search_fields,
        ThaiSearchField("body"),
        ThaiSearchField("attachments"),
        ThaiSearchField("kind"),
        ThaiSearchField("date"),
        ThaiSearchField("fiscal_year", prefix="ปีงบประมาณ"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.FilterField("fiscal_year"),
    ]

    parent_page_types = ["news.AnnouncementIndexPage"]
    subpage_types = []

    # The site search: each kind of notice in its kind filter, first; dated by ``date``, with
    # the fiscal year as stored (an editor may set it apart from the date).
    search_kinds = AnnouncementKind.choices
    search_kind_order = 1
    search_kind_field = "kind"
    search_date_field = "date"
    search_fiscal_year_field = "fiscal_year"

    class Meta:
        verbose_name = "ประกาศ (Announcement)"
        verbose_name_plural = "ประกาศ (Announcements)"

    def search_kind_label(self):
        return self.get_kind_display()

    def search_text(self):
        return f"{super().search_text()} {body_text(self.body)}".strip()

    def set_derived_fields(self):
        """The fields that follow others, set before validating and before saving: an empty
        fiscal year from the date."""
        if self.fiscal_year is None and self.date:
            self.fiscal_year = fiscal_year(self.date)

    def clean(self):
        super().clean()
        self.set_derived_fields()

    def save(self, *args, **kwargs):
        self.set_derived_fields()
        return super().save(*args, **kwargs)

    @classmethod
    def listing(cls):
        """Live public notices in the language served (or Thai), newest first, with unit."""
        items = public(cls.objects.live()).select_related("responsible_unit")
        return in_language_or_thai(items).order_by("-date", "-pk")

    @classmethod
    def latest(cls, unit=None, limit=5):
        """The newest notices, e.g. for the home and unit pages. One query.

        ``unit`` is a ``core.Unit`` (or its pk).
        """
        items = cls.listing()
        if unit:
            items = items.filter(responsible_unit=unit)
        return items[:limit]


# ---------------------------------------------------------------------------
