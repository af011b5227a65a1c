"""The site check in the admin: the findings report (filter, CSV/XLSX, links to the page
editor), "run now" for the web operators, and the dashboard panel with the last run."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import DurationField, ExpressionWrapper, F
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView

from core.spreadsheets import SafeSpreadsheetExportMixin
from oversight import access, sitecheck
from oversight.models import CheckRun, Finding, FindingKind, Severity
from ownership.models import Unit
from thai.admin import export_local_time

STATUS_CHOICES = [("open", "ยังไม่ได้แก้ไข (Open)"), ("fixed", "แก้ไขแล้ว (Fixed)")]


def hours(value):
    return round(value.total_seconds() / 3600, 1) if value is not None else ""


class FindingFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label="หน่วยงาน (Unit)", queryset=Unit.objects.all(), field_name="unit"
    )
    severity = django_filters.ChoiceFilter(
        label="ระดับ (Severity)", choices=Severity.choices, empty_label="ทั้งหมด (All)"
    )
    status = django_filters.ChoiceFilter(
        label="สถานะ (Status)",
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label="ทั้งหมด (All)",
    )
    kind = django_filters.ChoiceFilter(
        label="ประเภท (Kind)", choices=FindingKind.choices, empty_label="ทั้งหมด (All)"
    )

    class Meta:
        model = Finding
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(fixed_at__isnull=value == "open")


class SiteCheckReportView(SafeSpreadsheetExportMixin, ReportView):
    """รายงานการตรวจเว็บไซต์: what the daily check found, open first, newest first."""

    page_title = "ตรวจเว็บไซต์ประจำวัน (Site check)"
    header_icon = "warning"
    template_name = "oversight/site_check.html"
    results_template_name = "oversight/site_check_results.html"
    index_url_name = "oversight_site_check"
    index_results_url_name = "oversight_site_check_results"
    filterset_class = FindingFilterSet
    model = Finding
    list_export = [
        "get_severity_display",
        "get_kind_display",
        "page_title",
        "unit.name",
        "url",
        "target",
        "detail",
        "first_seen",
        "last_seen",
        "fixed_at",
        "time_to_fix",
    ]
    export_headings = {
        "get_severity_display": "ระดับ (Severity)",
        "get_kind_display": "ประเภท (Kind)",
        "page_title": "หน้า (Page)",
        "unit.name": "หน่วยงาน (Unit)",
        "url": "ที่อยู่หน้า (Page URL)",
        "target": "สิ่งที่พบ (Target)",
        "detail": "รายละเอียด (Detail)",
        "first_seen": "พบครั้งแรก (First seen, Asia/Bangkok)",
        "last_seen": "พบล่าสุด (Last seen, Asia/Bangkok)",
        "fixed_at": "แก้ไขแล้วเมื่อ (Fixed at, Asia/Bangkok)",
        "time_to_fix": "เวลาที่ใช้แก้ไข ชั่วโมง (Time to fix, hours)",
    }
    custom_field_preprocess = {
        "first_seen": {"csv": export_local_time, "xlsx": export_local_time},
        "last_seen": {"csv": export_local_time, "xlsx": export_local_time},
        "fixed_at": {"csv": export_local_time, "xlsx": export_local_time},
        "time_to_fix": {"csv": hours, "xlsx": hours},
    }

    def dispatch(self, request, *args, **kwargs):
        if not access.can_view_findings(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = Finding.objects.select_related("unit").annotate(
            fix_time=ExpressionWrapper(
                F("fixed_at") - F("first_seen"), output_field=DurationField()
            )
        )
        if "status" not in self.request.GET:
            queryset = queryset.filter(fixed_at__isnull=True)  # open findings unless asked
        return queryset.order_by(
            F("fixed_at").desc(nulls_first=True), "severity", "-first_seen", "pk"
        )

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "status" not in self.request.GET:
            data = kwargs["data"].copy()
            data["status"] = "open"
            kwargs["data"] = data
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            last_run=sitecheck.last_run(),
            can_run_check=access.can_run_check(self.request.user),
        )
        return context


@require_POST
def run_now(request):
    """Start a check now (operators). It runs in a background thread, bounded by the check's
    time limit; the report shows "กำลังตรวจ" until it is done."""
    if not access.can_run_check(request.user):
        raise PermissionDenied
    try:
        run = sitecheck.start_run(CheckRun.Trigger.ADMIN, user=request.user)
    except sitecheck.CheckAlreadyRunning:
        messages.warning(
            request, "มีการตรวจเว็บไซต์กำลังทำงานอยู่ กรุณารอให้เสร็จก่อน (A site check is already running)"
        )
        return redirect("oversight_site_check")
    sitecheck.run_in_background(run)
    messages.success(
        request,
        "เริ่มตรวจเว็บไซต์แล้ว ผลจะแสดงในรายงานนี้เมื่อตรวจเสร็จ และแจ้งหน่วยงานทางอีเมลถ้าพบปัญหาใหม่ "
        "(The check has started; its findings appear here when it is done)",
    )
    return redirect("oversight_site_check")


class SiteCheckPanel(Component):
    """Dashboard: the last run's status and the open findings."""

    name = "site_check"
    template_name = "oversight/panels/site_check.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        run = sitecheck.last_run()
        context.update(
            run=run,
            can_run_check=access.can_run_check(self.user),
            csrf_token=parent_context.get("csrf_token"),
            request=parent_context.get("request"),
        )
        return context
