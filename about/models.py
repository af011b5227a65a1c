"""The about section: basic information (B1, B2), history (HI1, HI2), vision (V1–V4), map (M1).

Each page type lives once per language tree, directly under the home page, and has no children.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField

from about.blocks import StatementBlock
from core.blocks import BodyBlock
from core.models import BasePage
from core.queries import public
from departments.models import DepartmentPage
from ownership.models import Office, Unit
from thai.index import ThaiSearchField

# Rich-text sections sit under the page's h2/h3 headings, so editors get h4 at most.
SECTION_FEATURES = ["h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class AboutPage(BasePage):
    """What the four about pages share: one of each under the home page, no children."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


def section_field(verbose_name):
    return RichTextField(verbose_name, features=SECTION_FEATURES, blank=True)


class BasicInformationPage(AboutPage):
    """ข้อมูลพื้นฐาน: general conditions of the city (B1) and capacity of the municipality (B2)."""

    size_and_location = section_field("ขนาดและที่ตั้ง (Size and location)")
    boundaries = section_field("อาณาเขต (Boundaries)")
    geography = section_field("สภาพภูมิประเทศและทรัพยากรธรรมชาติ (Geography and natural resources)")
    climate = section_field("ภูมิอากาศ (Climate)")
    tourist_attractions = section_field("สถานที่ท่องเที่ยวที่สำคัญ (Main tourist attractions)")
    arts_and_culture = section_field("ศิลปวัฒนธรรมท้องถิ่น (Local arts and culture)")
    recreation = section_field("สถานที่พักผ่อนหย่อนใจ (Recreation places)")
    legislative_branch = section_field("ฝ่ายนิติบัญญัติ (Legislative branch)")
    executive_branch = section_field("ฝ่ายบริหาร (Executive branch)")

    # (field, anchor, heading shown to citizens), in the order of the notice.
    GENERAL_SECTIONS = [
        ("size_and_location", "size-and-location", _("ขนาดและที่ตั้ง")),
        ("boundaries", "boundaries", _("อาณาเขต")),
        ("geography", "geography", _("สภาพภูมิประเทศและทรัพยากรธรรมชาติ")),
        ("climate", "climate", _("ภูมิอากาศ")),
        ("tourist_attractions", "tourist-attractions", _("สถานที่ท่องเที่ยวที่สำคัญ")),
        ("arts_and_culture", "arts-and-culture", _("ศิลปวัฒนธรรมท้องถิ่น")),
        ("recreation", "recreation", _("สถานที่พักผ่อนหย่อนใจ")),
    ]
    CAPACITY_SECTIONS = [
        ("legislative_branch", "legislative-branch", _("ฝ่ายนิติบัญญัติ")),
        ("executive_branch", "executive-branch", _("ฝ่ายบริหาร")),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel(name) for name, _anchor, _heading in GENERAL_SECTIONS],
            heading="ข้อมูลสภาพทั่วไป (General conditions, B1)",
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name, _anchor, _heading in CAPACITY_SECTIONS],
            heading="ข้อมูลด้านศักยภาพของเทศบาล (Capacity of the municipality, B2)",
            help_text="รายชื่อส่วนราชการแสดงจากข้อมูลหน่วยงานโดยอัตโนมัติ "
            "(The list of units comes from the units data)",
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        *(ThaiSearchField(name) for name, _anchor, _heading in GENERAL_SECTIONS),
        *(ThaiSearchField(name) for name, _anchor, _heading in CAPACITY_SECTIONS),
    ]

    class Meta:
        verbose_name = "ข้อมูลพื้นฐาน (Basic information)"

    def _sections(self, sections):
        return [
            {"anchor": anchor, "heading": heading, "body": getattr(self, name)}
            for name, anchor, heading in sections
            if getattr(self, name)
        ]

    def general_sections(self):
        """The B1 sections that have content, in the notice's order."""
        return self._sections(self.GENERAL_SECTIONS)

    def capacity_sections(self):
        """The B2 sections written by editors (the list of units comes from ``units``)."""
        return self._sections(self.CAPACITY_SECTIONS)

    def units(self):
        """Every unit, each with the live page of it in this page's language (``unit.page``, or
        None): two queries whatever the number of units."""
        units = list(Unit.objects.order_by("sort_order", "name"))
        pages = {
            page.unit_id: page
            for page in public(DepartmentPage.objects.live())
            .filter(locale_id=self.locale_id, unit__in=units)
            .only("url_path", "unit_id", "locale_id", "path", "depth", "title")
        }
        for unit in units:
            unit.page = pages.get(unit.pk)
        return units

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["general_sections"] = self.general_sections()
        context["capacity_sections"] = self.capacity_sections()
        # Read only when the content is rendered: it is kept, rendered, under the content
        # version ({% fragment %} in ``about/basic_information_page.html``).
        context["units"] = SimpleLazyObject(self.units)
        return context


class HistoryPage(AboutPage):
    """ประวัติความเป็นมา: the municipality's history (HI1) and the building directory (HI2)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name="ประวัติความเป็นมา (History)")

    # The building directory is the offices' (ownership.Office, edited under Offices), which
    # the unit pages and the phone directory show too.
    content_panels = [
        *BasePage.content_panels,
        FieldPanel(
            "body",
            help_text="ทำเนียบอาคารแสดงจากข้อมูลที่ตั้งสำนักงานโดยอัตโนมัติ "
            "(The building directory comes from Offices)",
        ),
    ]

    search_fields = [*BasePage.search_fields, ThaiSearchField("body")]

    class Meta:
        verbose_name = "ประวัติความเป็นมา (History)"

    def building_directory(self):
        """Every office by building and floor, in the offices' order:
        ``[(building, [(floor, [office, …]), …]), …]``, one query."""
        buildings = {}
        for office in Office.objects.select_related("unit"):
            floors = buildings.setdefault(office.building_name, {})
            floors.setdefault(office.floor, []).append(office)
        return [(building, list(floors.items())) for building, floors in buildings.items()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["buildings"] = self.building_directory()
        return context


class VisionPage(AboutPage):
    """วิสัยทัศน์และยุทธศาสตร์: vision (V1), strategies (V2), missions (V3), goals (V4)."""

    vision = models.TextField("วิสัยทัศน์ (Vision)")
    intro = StreamField(BodyBlock(), blank=True, verbose_name="บทนำ (Introduction)")
    strategies = StreamField(
        [("item", StatementBlock())],
        blank=True,
        verbose_name="ยุทธศาสตร์การพัฒนา (Development strategies)",
    )
    missions = StreamField(
        [("item", StatementBlock())], blank=True, verbose_name="พันธกิจ (Missions)"
    )
    goals = StreamField(
        [("item", StatementBlock())],
        blank=True,
        verbose_name="จุดมุ่งหมายเพื่อการพัฒนา (Development goals)",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("vision"),
        FieldPanel("intro"),
        FieldPanel("strategies"),
        FieldPanel("missions"),
        FieldPanel("goals"),
    ]

    search_fields = [
        *BasePage.search_fields,
        ThaiSearchField("vision", boost=2),
        ThaiSearchField("intro"),
        ThaiSearchField("strategies"),
        ThaiSearchField("missions"),
        ThaiSearchField("goals"),
    ]

    class Meta:
        verbose_name = "วิสัยทัศน์และยุทธศาสตร์ (Vision and strategy)"


class MapPage(AboutPage):
    """แผนที่ตั้ง (M1): the office's address and location, with a link to Google Maps.

    The embedded map loads only when the citizen asks for it (about/static/about/map.js),
    so no request goes to Google when the page opens.
    """

    address = models.TextField("ที่อยู่ (Address)")
    latitude = models.DecimalField(
        "ละติจูด (Latitude)",
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text="องศาทศนิยม เช่น 15.703000 (Decimal degrees, e.g. 15.703000)",
    )
    longitude = models.DecimalField(
        "ลองจิจูด (Longitude)",
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        help_text="องศาทศนิยม เช่น 100.137000 (Decimal degrees, e.g. 100.137000)",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="การเดินทาง (Directions and notes)")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("address"),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")],
            heading="พิกัด (Coordinates)",
        ),
        FieldPanel("body"),
    ]

    search_fields = [*BasePage.search_fields, ThaiSearchField("address")]

    class Meta:
        verbose_name = "แผนที่ตั้ง (Location map)"

    @property
    def coordinates(self):
        """``"lat,lng"`` without trailing zeros, as the Google Maps URLs take it."""
        lat, lng = (Decimal(str(value)).normalize() for value in (self.latitude, self.longitude))
        return f"{lat:f},{lng:f}"

    @property
    def google_maps_url(self):
        return f"https://www.google.com/maps/search/?api=1&query={self.coordinates}"

    @property
    def embed_url(self):
        return f"https://www.google.com/maps?q={self.coordinates}&output=embed"
