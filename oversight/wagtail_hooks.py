from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from oversight import access
from oversight.annual_views import AnnualReportView
from oversight.sitecheck_views import SiteCheckPanel, SiteCheckReportView, run_now
from oversight.views import ScheduledItemsView

page_permission_policy = PagePermissionPolicy()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/scheduled-items/",
            ScheduledItemsView.as_view(),
            name="oversight_scheduled_items",
        ),
        path(
            "reports/scheduled-items/results/",
            ScheduledItemsView.as_view(results_only=True),
            name="oversight_scheduled_items_results",
        ),
        path("reports/site-check/", SiteCheckReportView.as_view(), name="oversight_site_check"),
        path(
            "reports/site-check/results/",
            SiteCheckReportView.as_view(results_only=True),
            name="oversight_site_check_results",
        ),
        path("reports/site-check/run/", run_now, name="oversight_site_check_run"),
        path("reports/annual/", AnnualReportView.as_view(), name="oversight_annual_report"),
    ]


class ScheduledItemsMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


class SiteCheckMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_view_findings(request.user)


class AnnualReportMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_view_annual_report(request.user)


@hooks.register("register_reports_menu_item")
def register_scheduled_items_menu_item():
    return ScheduledItemsMenuItem(
        "ตั้งเวลาเผยแพร่ (Scheduled items)",
        reverse("oversight_scheduled_items"),
        name="scheduled-items",
        icon_name="time",
        order=750,
    )


@hooks.register("register_reports_menu_item")
def register_site_check_menu_item():
    return SiteCheckMenuItem(
        "ตรวจเว็บไซต์ประจำวัน (Site check)",
        reverse("oversight_site_check"),
        name="site-check",
        icon_name="warning",
        order=760,
    )


@hooks.register("register_reports_menu_item")
def register_annual_report_menu_item():
    return AnnualReportMenuItem(
        "รายงานประจำปี (Yearly operations report)",
        reverse("oversight_annual_report"),
        name="annual-report",
        icon_name="doc-full",
        order=770,
    )


@hooks.register("construct_homepage_panels")
def site_check_panel(request, panels):
    if access.can_view_findings(request.user):
        panels.append(SiteCheckPanel(request.user))
