from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from outbox.checks import undelivered_mail
from outbox.views import OutboxReportView, can_view_outbox, retry_failed

# The daily site check calls it with ``now``: mail that gave up or waits over an hour.
hooks.register("register_site_checks", undelivered_mail)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/outbox/", OutboxReportView.as_view(), name="outbox_report"),
        path(
            "reports/outbox/results/",
            OutboxReportView.as_view(results_only=True),
            name="outbox_report_results",
        ),
        path("reports/outbox/retry/", retry_failed, name="outbox_retry"),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_outbox(request.user)


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(
        "อีเมลขาออก (Outgoing e-mail)", reverse("outbox_report"), name="outbox", icon_name="mail"
    )
