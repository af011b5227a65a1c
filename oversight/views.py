import datetime

import django_filters
from django.db.models import CharField, DateTimeField, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Least
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, Revision

from core.spreadsheets import SafeSpreadsheetExportMixin
from ownership.models import Unit
from thai.admin import export_local_time

WINDOW_DAYS = 30
FAR_FUTURE = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)


class ScheduledItemsFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label="หน่วยงาน (Unit)", queryset=Unit.objects.all(), method="filter_unit"
    )

    class Meta:
        model = Page
        fields = []

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit_id=value.pk)


class ScheduledItemsView(SafeSpreadsheetExportMixin, PageReportView):
    """รายการตามกำหนดเวลา: what goes live or expires in the next 30 days, in Bangkok time."""

    page_title = "รายการที่ตั้งเวลาเผยแพร่/สิ้นสุด (Scheduled items)"
    header_icon = "time"
    template_name = "oversight/scheduled_items.html"
    results_template_name = "oversight/scheduled_items_results.html"
    index_url_name = "oversight_scheduled_items"
    index_results_url_name = "oversight_scheduled_items_results"
    filterset_class = ScheduledItemsFilterSet
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "unit_name", "scheduled_go_live", "expire_at", "live"]
    export_headings = {
        "title": "ชื่อเรื่อง (Title)",
        "unit_name": "หน่วยงาน (Unit)",
        "scheduled_go_live": "เริ่มเผยแพร่ (Goes live, Asia/Bangkok)",
        "expire_at": "สิ้นสุดการเผยแพร่ (Expires, Asia/Bangkok)",
        "live": "เผยแพร่อยู่ (Live)",
    }
    custom_field_preprocess = {
        "scheduled_go_live": {"csv": export_local_time, "xlsx": export_local_time},
        "expire_at": {"csv": export_local_time, "xlsx": export_local_time},
    }

    def get_queryset(self):
        now = timezone.now()
        until = now + datetime.timedelta(days=WINDOW_DAYS)
        approved_go_live = Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            approved_go_live_at__isnull=False,
        ).values("approved_go_live_at")[:1]
        self.queryset = (
            self.permission_policy.instances_user_has_any_permission_for(
                self.request.user, ["add", "change", "publish"]
            )
            .annotate(
                scheduled_go_live=Subquery(approved_go_live, output_field=DateTimeField()),
                unit_id=F("ownership__unit"),
            )
            .annotate(unit_name=Coalesce("ownership__unit__name", Value("")))
            .filter(
                Q(scheduled_go_live__range=(now, until))
                | Q(live=True, expire_at__range=(now, until))
            )
            .annotate(
                next_event=Least(
                    Coalesce("scheduled_go_live", Value(FAR_FUTURE)),
                    Coalesce("expire_at", Value(FAR_FUTURE)),
                )
            )
            .order_by("next_event")
        )
        return super().get_queryset()
