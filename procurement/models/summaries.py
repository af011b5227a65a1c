"""แบบ สขร.๑: a unit's monthly procurement summary as a page, and the index of summaries that
also serves the fiscal year's ITA procurement list."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.listing import all_units, valid_choice
from core.models import BasePage, IndexPage
from core.queries import (
    children_of_page_or_its_original,
    in_language_or_thai,
    public,
    route_to_child,
)
from pagecache.fragments import remember
from procurement import exports
from procurement import summary as rules
from procurement.models.notices import ProcurementNoticePage
from thai.dates import (
    BE_OFFSET,
    MAX_YEAR_BE,
    MIN_YEAR_BE,
    THAI_MONTHS,
    fiscal_year,
    fiscal_year_bounds,
    parse_be_year,
)

SUMMARIES_PER_PAGE = 36  # three months of every unit


def month_label(month):
    """``พฤศจิกายน 2568`` on Thai pages, ``November 2025`` on English ones."""
    if get_language() == "en":
        return month.strftime("%B %Y")
    return f"{THAI_MONTHS[month.month - 1]} {month.year + BE_OFFSET}"


class ProcurementSummaryIndexPage(RoutablePageMixin, IndexPage):
    """สรุปผลการจัดซื้อจัดจ้าง: the monthly summaries by fiscal year and unit, and the ITA list
    of a fiscal year at ``ita/<year>/`` (with ``csv/`` and ``xlsx/``)."""

    parent_page_types = ["procurement.ProcurementIndexPage"]
    subpage_types = ["procurement.ProcurementSummaryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้ารวมสรุปผลการจัดซื้อจัดจ้าง (Procurement summaries index)"

    def route(self, request, path_components):
        """A summary in one query (Wagtail takes two), unless the path is one of the sub-views."""
        if path_components:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                found = route_to_child(self, request, path_components, ProcurementSummaryPage)
                if found is not None:
                    return found
        return super().route(request, path_components)

    def summaries(self, unit=None, year=None):
        """The live summaries under this page, newest month first, then by unit."""
        items = public(ProcurementSummaryPage.objects.live())
        # An English index lists the Thai summaries until they are translated.
        items = in_language_or_thai(items.filter(children_of_page_or_its_original(self)))
        if unit:
            items = items.filter(responsible_unit__slug=unit)
        if year:
            first, last = fiscal_year_bounds(year)
            items = items.filter(month__gte=first, month__lte=last)
        return items.select_related("responsible_unit").order_by(
            "-month", "responsible_unit__sort_order", "pk"
        )

    def fiscal_years(self):
        """Fiscal years with live summaries or notices, newest first, in one query."""
        summary_years = ProcurementSummaryPage.objects.live().annotate(
            year=ExtractYear("month")
            + BE_OFFSET
            + models.Case(models.When(month__month__gte=10, then=1), default=0)
        )
        notice_years = ProcurementNoticePage.objects.live().exclude(fiscal_year=None)
        years = (
            summary_years.order_by()
            .values_list("year", flat=True)
            .union(notice_years.order_by().values_list("fiscal_year", flat=True))
        )
        return sorted(set(years), reverse=True)

    @path("")
    def summaries_view(self, request):
        """One page of the summaries (every unit, every month: some 120 a fiscal year), its
        rows and the fiscal years kept under the content version like any listing's."""
        units = all_units(request)
        filters = {
            "unit": valid_choice(request.GET, "unit", {u.slug for u in units}),
            "year": parse_be_year(request.GET.get("year")),
        }
        listing = self.listing_context(
            request,
            "summaries",
            self.summaries(**filters),
            SUMMARIES_PER_PAGE,
            filters,
            units=units,
            fiscal_years=remember(request, "summary-years", self.fiscal_years),
        )
        return self.render(request, context_overrides=listing)

    def _ita(self, fiscal_year):
        if not MIN_YEAR_BE <= fiscal_year <= MAX_YEAR_BE:
            raise Http404
        projects = rules.annual_projects(fiscal_year)
        return rules.ita_table(fiscal_year, projects)

    @path("ita/<int:fiscal_year>/", name="ita_list")
    def ita_view(self, request, fiscal_year):
        return self.render(
            request,
            template="procurement/ita_list.html",
            context_overrides={
                "fiscal_year": fiscal_year,
                "headers": rules.ITA_HEADERS,
                "rows": self._ita(fiscal_year),
                "money_columns": rules.ITA_MONEY_COLUMNS,
            },
        )

    @path("ita/<int:fiscal_year>/csv/", name="ita_csv")
    def ita_csv_view(self, request, fiscal_year):
        rows = self._ita(fiscal_year)
        filename = f"ita-procurement-{fiscal_year}.csv"
        return exports.csv_response(filename, rules.ITA_HEADERS, rows)

    @path("ita/<int:fiscal_year>/xlsx/", name="ita_xlsx")
    def ita_xlsx_view(self, request, fiscal_year):
        rows = self._ita(fiscal_year)
        title = f"ข้อมูลสาระสำคัญการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. {fiscal_year} {rules.agency()['name']}"
        return exports.xlsx_response(
            f"ita-procurement-{fiscal_year}.xlsx",
            [title],
            rules.ITA_HEADERS,
            rows,
            rules.ITA_MONEY_COLUMNS,
        )


class ProcurementSummaryPage(RoutablePageMixin, BasePage):
    """แบบ สขร.๑, สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน, of the page's responsible unit.

    Its rows are made from the notices whenever it is shown (``procurement.summary``); the
    page itself goes through approval like any other. Printable, and ``csv/``, ``xlsx/``.
    """

    month = models.DateField(
        "เดือน (Month)",
        help_text="วันใดก็ได้ของเดือนที่สรุป ระบบเก็บเป็นวันที่ ๑ "
        "(Any day of the month summarised; stored as its first day)",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("month")]

    parent_page_types = ["procurement.ProcurementSummaryIndexPage"]
    subpage_types = []
    search_boost = -1  # after the notices it summarises

    class Meta:
        verbose_name = "สรุปผลการจัดซื้อจัดจ้างรายเดือน สขร.๑ (Monthly procurement summary)"
        verbose_name_plural = "สรุปผลการจัดซื้อจัดจ้างรายเดือน (Monthly procurement summaries)"

    def _first_of_month(self):
        if isinstance(self.month, datetime.date):
            self.month = self.month.replace(day=1)

    def clean(self):
        self._first_of_month()
        super().clean()
        errors = {}
        if self.responsible_unit_id is None:
            errors["responsible_unit"] = _("สรุปผลการจัดซื้อจัดจ้างต้องระบุหน่วยงาน")
        if self.month and self.month > timezone.localdate().replace(day=1):
            errors["month"] = _("สรุปผลได้เฉพาะเดือนที่ถึงแล้ว")
        if self.month and self.responsible_unit_id and self.locale_id:
            others = ProcurementSummaryPage.objects.filter(
                month=self.month,
                responsible_unit_id=self.responsible_unit_id,
                locale_id=self.locale_id,
            )
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                errors["month"] = _("หน่วยงานนี้มีสรุปผลของเดือนนี้แล้ว")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self._first_of_month()
        return super().save(*args, **kwargs)

    @property
    def fiscal_year(self):
        return fiscal_year(self.month)

    @property
    def month_label(self):
        return month_label(self.month)

    def summary(self):
        return rules.monthly_summary(self.owner_unit, self.month)

    def _file_name(self, extension):
        unit = self.owner_unit.slug if self.owner_unit else "unit"
        year = self.month.year + BE_OFFSET
        return f"procurement-summary-{unit}-{year}-{self.month.month:02d}.{extension}"

    def _title_lines(self):
        unit = self.owner_unit.name if self.owner_unit else ""
        thai_month = f"{THAI_MONTHS[self.month.month - 1]} {self.month.year + BE_OFFSET}"
        return [
            "แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน" + thai_month,
            f"{unit} {rules.agency()['name']}",
        ]

    @path("")
    def summary_view(self, request):
        # Read only when the content is rendered: it is kept, rendered, under the content
        # version ({% fragment %} in ``procurement/procurement_summary_page.html``).
        return self.render(
            request,
            context_overrides={"summary": SimpleLazyObject(self.summary)},
        )

    @path("csv/", name="csv")
    def csv_view(self, request):
        table = rules.summary_table(self.summary())
        return exports.csv_response(self._file_name("csv"), rules.SUMMARY_HEADERS, table)

    @path("xlsx/", name="xlsx")
    def xlsx_view(self, request):
        table = rules.summary_table(self.summary())
        return exports.xlsx_response(
            self._file_name("xlsx"),
            self._title_lines(),
            rules.SUMMARY_HEADERS,
            table,
            rules.SUMMARY_MONEY_COLUMNS,
        )
