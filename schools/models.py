from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField

from core.models import BasePage, IndexPage
from core.queries import (
    children_of_page_or_its_original,
    in_language_or_thai,
    public,
    route_to_child,
)
from procurement.models import ProcurementNoticePage
from thai.dates import parse_be_year
from thai.index import ThaiSearchField


class SchoolIndexPage(IndexPage):
    """จัดซื้อจัดจ้างโรงเรียนเทศบาล (S1): the eight municipal schools and their notices."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["schools.SchoolPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้ารวมโรงเรียนเทศบาล (Schools index)"

    def route(self, request, path_components):
        return route_to_child(self, request, path_components, SchoolPage) or super().route(
            request, path_components
        )

    def schools(self):
        """The live public schools under this page, in the order of the page tree."""
        schools = public(SchoolPage.objects.live()).filter(children_of_page_or_its_original(self))
        return in_language_or_thai(schools).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["schools"] = self.schools()
        return context


class SchoolPage(BasePage):
    """A municipal school (ท.๑ … ท.๘) and its procurement notices by fiscal year."""

    code = models.CharField(
        "รหัสโรงเรียน (School code)",
        max_length=10,
        help_text="เช่น ท.๑ (e.g. ท.๑); ไม่ซ้ำกับโรงเรียนอื่น (unique among the schools)",
    )
    full_name = models.CharField(
        "ชื่อเต็ม (Full name)",
        max_length=255,
        blank=True,
        help_text="ชื่อทางราชการพร้อมสังกัด (The official name with its affiliation)",
    )
    address = models.TextField("ที่อยู่ (Address)", blank=True)
    director = models.CharField("ผู้อำนวยการสถานศึกษา (Director)", max_length=255, blank=True)
    phone = models.CharField("โทรศัพท์ (Phone)", max_length=50, blank=True)
    email = models.EmailField("อีเมล (E-mail)", blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("full_name"),
                FieldPanel("address"),
                FieldPanel("director"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading="ข้อมูลโรงเรียน (School details)",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        ThaiSearchField("code"),
        ThaiSearchField("full_name"),
        ThaiSearchField("director"),
    ]
    override_translatable_fields = [
        SynchronizedField("code"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    parent_page_types = ["schools.SchoolIndexPage"]
    subpage_types = ["procurement.ProcurementNoticePage"]

    class Meta:
        verbose_name = "โรงเรียนเทศบาล (Municipal school)"
        verbose_name_plural = "โรงเรียนเทศบาล (Municipal schools)"

    def clean(self):
        super().clean()
        # Unique per language: a school's English translation carries the same code, so this
        # cannot be a database constraint (the locale lives on wagtailcore_page).
        taken = SchoolPage.objects.filter(code=self.code, locale_id=self.locale_id)
        if self.pk:
            taken = taken.exclude(pk=self.pk)
        if self.code and taken.exists():
            raise ValidationError({"code": _("รหัสโรงเรียนนี้มีอยู่แล้ว")})

    def route(self, request, path_components):
        return route_to_child(
            self, request, path_components, ProcurementNoticePage
        ) or super().route(request, path_components)

    def notices(self, year=None):
        """The school's live public procurement notices, newest fiscal year first (one query;
        the template groups them by year)."""
        notices = public(ProcurementNoticePage.objects.live())
        notices = in_language_or_thai(notices.filter(children_of_page_or_its_original(self)))
        if year:
            notices = notices.filter(fiscal_year=year)
        return notices.order_by("-fiscal_year", "-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        year = parse_be_year(request.GET.get("year"))
        context.update(notices=self.notices(year), year=year)
        return context
