"""อีเมลขาออก in the admin (Reports): what waits, what was sent and what gave up, with the
last error, for web operators and IT administrators; "ส่งอีกครั้ง" puts the mails that gave up
back in the queue. Addresses and bodies are not shown: they carry private status links."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from outbox.models import OutgoingMail
from ownership.models import Role
from ownership.permissions import has_role


def can_view_outbox(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or has_role(user, Role.OPERATOR, Role.IT_ADMIN)


class OutgoingMailFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label="สถานะ (State)", choices=OutgoingMail.State.choices, empty_label="ทั้งหมด (All)"
    )

    class Meta:
        model = OutgoingMail
        fields = []


class OutboxReportView(ReportView):
    page_title = "อีเมลขาออก (Outgoing e-mail)"
    header_icon = "mail"
    template_name = "outbox/report.html"
    results_template_name = "outbox/report_results.html"
    index_url_name = "outbox_report"
    index_results_url_name = "outbox_report_results"
    filterset_class = OutgoingMailFilterSet
    model = OutgoingMail

    def dispatch(self, request, *args, **kwargs):
        if not can_view_outbox(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return OutgoingMail.objects.defer("body", "alternatives").order_by("-created_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["failed_count"] = OutgoingMail.objects.filter(
            state=OutgoingMail.State.FAILED
        ).count()
        return context


@require_POST
def retry_failed(request):
    if not can_view_outbox(request.user):
        raise PermissionDenied
    count = OutgoingMail.objects.filter(state=OutgoingMail.State.FAILED).update(
        state=OutgoingMail.State.QUEUED, attempts=0, next_attempt_at=timezone.now()
    )
    messages.success(
        request,
        f"นำอีเมล {count} ฉบับกลับเข้าคิว จะส่งภายในหนึ่งนาที ({count} e-mails queued again)",
    )
    return redirect("outbox_report")
