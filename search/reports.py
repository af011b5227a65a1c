"""The web operators' report of what citizens could not find (``search.misses``), with
Wagtail's spreadsheet export (CSV, XLSX)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from core.spreadsheets import SafeSpreadsheetExportMixin
from search.models import SearchMiss
from thai.admin import BuddhistEraColumn


class SearchMissesReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("คำค้นที่ไม่พบผล")
    header_icon = "search"
    index_url_name = "search_misses"
    index_results_url_name = "search_misses_results"
    permission_policy = ModelPermissionPolicy(SearchMiss)
    permission_required = "view"
    columns = [
        BuddhistEraColumn("week", label=_("สัปดาห์ที่เริ่ม (วันจันทร์)")),
        Column("query", label=_("คำค้น")),
        Column("searches", label=_("จำนวนครั้งที่ค้น")),
        Column("results", label=_("จำนวนผลที่พบ (น้อยที่สุด)")),
    ]
    list_export = ["week", "query", "searches", "results"]
    export_headings = {
        "week": "week",
        "query": "query",
        "searches": "searches",
        "results": "results",
    }

    def get_queryset(self):
        return SearchMiss.objects.all()

    def get_filename(self):
        return "search-misses"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("search_misses"), "label": self.page_title},
        ]
