"""Cases in the admin: the list with filters (a Wagtail ModelViewSet, limited to what the user
may see), the case page with its details, history and actions, and attachments served only to
those who see the case. Labels are bilingual literals, as elsewhere in this admin."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cases import access, handling
from cases.models import CaseAttachment, Complaint, ComplaintCategory, Status
from ownership.models import Unit

ACTION_LABELS = {
    "assign": "ส่งหน่วยงาน (Assign to a unit)",
    "start": "เริ่มดำเนินการ (Start work)",
    "resolve": "ดำเนินการแล้วเสร็จ (Resolve)",
    "reject": "ยุติเรื่อง (Reject)",
    "note": "บันทึกภายใน (Add an internal note)",
}
TEXT_REQUIRED = {
    "resolve": "บอกผลการดำเนินการ ผู้ร้องเรียนจะเห็นข้อความนี้ (Say what was done; the complainant reads it)",
    "reject": "บอกเหตุผลที่ยุติเรื่อง ผู้ร้องเรียนจะเห็นข้อความนี้ (Give the reason; the complainant reads it)",
    "note": "พิมพ์บันทึก (Type the note)",
}


class ComplaintFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="สถานะ (Status)", choices=Status.choices, empty_label="ทั้งหมด (All)"
    )
    category = django_filters.ModelChoiceFilter(
        label="ประเภท (Category)", queryset=ComplaintCategory.objects.all()
    )
    unit = django_filters.ModelChoiceFilter(label="หน่วยงาน (Unit)", queryset=Unit.objects.all())
    overdue = django_filters.ChoiceFilter(
        label="กำหนดเวลา (Time limit)",
        choices=[("yes", "เกินกำหนด (Overdue)")],
        method="filter_overdue",
        empty_label="ทั้งหมด (All)",
    )

    class Meta:
        model = Complaint
        fields = []

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value == "yes" else queryset


class OverdueColumn(Column):
    def get_value(self, instance):
        return "เกินกำหนด (Overdue)" if instance.is_overdue() else ""


class ComplaintIndexView(generic.IndexView):
    filterset_class = ComplaintFilterSet
    page_title = "เรื่องร้องเรียน (Complaints)"
    search_fields = ["number"]
    default_ordering = "-received_at"

    def get_base_queryset(self):
        return access.visible_complaints(self.request.user).select_related("category", "unit")


class ComplaintViewSet(ModelViewSet):
    model = Complaint
    icon = "mail"
    name = "cases_complaints"
    url_prefix = "cases/complaints"
    menu_label = "เรื่องร้องเรียน (Complaints)"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = ComplaintIndexView
    list_display = [
        "number",
        Column("category", label="ประเภท (Category)"),
        Column("status", label="สถานะ (Status)", accessor="get_status_display"),
        Column("unit", label="หน่วยงาน (Unit)"),
        DateColumn("received_at", label="รับเรื่อง (Received)"),
        DateColumn("due_at", label="กำหนดแล้วเสร็จ (Due)"),
        OverdueColumn("overdue", label="เกินกำหนด (Overdue)"),
    ]
    list_export = []

    def get_index_view_kwargs(self, **kwargs):
        # Cases are filed by citizens and never deleted: only the list and the case page exist.
        return super().get_index_view_kwargs(
            add_url_name=None,
            copy_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", handle_complaint, name="edit"),
            path("<int:pk>/files/<int:attachment_pk>/", attachment, name="attachment"),
        ]


class CategoryViewSet(ModelViewSet):
    """The categories and their time limits, editable by the complaints centre."""

    model = ComplaintCategory
    icon = "list-ul"
    name = "cases_categories"
    url_prefix = "cases/categories"
    menu_label = "ประเภทเรื่องร้องเรียน (Complaint categories)"
    add_to_settings_menu = True
    form_fields = [
        "name",
        "name_en",
        "slug",
        "kind",
        "time_limit_days",
        "default_unit",
        "sort_order",
        "active",
    ]
    list_display = [
        "name",
        "kind",
        "time_limit_days",
        # A tick or a cross titled in Thai, not Python's "True"/"False".
        BooleanColumn("active", label=ComplaintCategory._meta.get_field("active").verbose_name),
    ]
    copy_view_enabled = False


class CaseActionForm(forms.Form):
    action = forms.ChoiceField(choices=list(ACTION_LABELS.items()))
    unit = forms.ModelChoiceField(
        label="หน่วยงาน (Unit)", queryset=Unit.objects.all(), required=False
    )
    text = forms.CharField(
        label="ข้อความ (Text)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "assign" and not cleaned.get("unit"):
            self.add_error("unit", "เลือกหน่วยงาน (Choose a unit)")
        if action in TEXT_REQUIRED and not (cleaned.get("text") or "").strip():
            self.add_error("text", TEXT_REQUIRED[action])
        return cleaned


def _visible_case(request, pk):
    if not access.can_use_cases(request.user) and not request.user.is_superuser:
        raise PermissionDenied
    queryset = access.visible_complaints(request.user).select_related("category", "unit")
    return get_object_or_404(queryset, pk=pk)


def handle_complaint(request, pk):
    """A case: details (the complainant's only for those allowed), history and notes, files,
    and the actions the user may take."""
    case = _visible_case(request, pk)
    actions = access.allowed_actions(request.user, case)
    form = CaseActionForm(initial={"unit": case.unit_id or case.category.default_unit_id})
    if request.method == "POST":
        form = CaseActionForm(request.POST)
        if form.is_valid():
            action = form.cleaned_data["action"]
            if action not in actions:
                raise PermissionDenied
            _act(case, request.user, action, form.cleaned_data)
            messages.success(request, f"{case.number}: {ACTION_LABELS[action]}")
            return redirect("cases_complaints:edit", pk=case.pk)
    return TemplateResponse(
        request,
        "cases/admin/complaint.html",
        {
            "case": case,
            "form": form,
            "actions": [(name, ACTION_LABELS[name]) for name in actions],
            "events": case.events.select_related("user", "unit"),
            "attachments": case.attachments.all(),
            "personal": access.sees_personal_data(request.user),
            "overdue": case.is_overdue(),
            "now": timezone.now(),
        },
    )


def _act(case, user, action, data):
    text = (data.get("text") or "").strip()
    if action == "assign":
        handling.assign(case, user, data["unit"], note=text)
    elif action == "start":
        handling.start(case, user, note=text)
    elif action == "resolve":
        handling.resolve(case, user, text)
    elif action == "reject":
        handling.reject(case, user, text)
    else:
        handling.add_note(case, user, text)


def attachment(request, pk, attachment_pk):
    case = _visible_case(request, pk)
    item = get_object_or_404(CaseAttachment, pk=attachment_pk, complaint=case)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    except OSError:  # the disk or the object store (portal.storage) cannot be read just now
        messages.error(
            request,
            "เปิดไฟล์แนบไม่ได้ เพราะที่เก็บไฟล์ขัดข้อง กรุณาลองใหม่อีกครั้ง "
            "(The file store cannot be reached; try again.)",
        )
        return redirect("cases_complaints:edit", pk=case.pk)
    return FileResponse(
        handle,
        content_type=item.content_type,
        as_attachment=True,
        filename=item.file.name.rsplit("/", 1)[-1],
    )
