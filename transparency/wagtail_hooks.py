from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from oversight import access
from transparency import checks, ita_sources
from transparency.models import AssessmentYear, OITItem
from transparency.views import AssessmentYearIndexView, CopyYearView, CoverageReportView


class AssessmentYearViewSet(SnippetViewSet):
    model = AssessmentYear
    icon = "date"
    url_prefix = "transparency/years"
    admin_url_namespace = "transparency_assessmentyear"
    index_view_class = AssessmentYearIndexView
    copy_view_enabled = False  # "copy" copies the items too: transparency_copy_year
    list_display = ["__str__", "fiscal_year", "survey_opens", "survey_closes"]
    menu_label = "ปีการประเมิน (Assessment years)"


class OITItemViewSet(SnippetViewSet):
    model = OITItem
    icon = "list-ol"
    url_prefix = "transparency/items"
    admin_url_namespace = "transparency_oititem"
    list_display = [
        "code",
        "title",
        "year",
        "indicator",
        "period",
        # A tick or a cross titled in Thai, not Python's "True"/"False".
        BooleanColumn(
            "wording_confirmed",
            label=OITItem._meta.get_field("wording_confirmed").verbose_name,
            sort_key="wording_confirmed",
        ),
    ]
    list_filter = ["year", "indicator", "period", "wording_confirmed"]
    search_fields = ["code", "title", "title_en"]
    ordering = ["year", "sort_order", "pk"]
    list_per_page = 50
    menu_label = "ข้อ OIT (OIT items)"


class TransparencyGroup(SnippetViewSetGroup):
    items = (AssessmentYearViewSet, OITItemViewSet)
    menu_icon = "tasks"
    menu_label = "ITA"
    menu_name = "ita"
    menu_order = 350


register_snippet(TransparencyGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "transparency/years/<int:pk>/copy-items/",
            CopyYearView.as_view(),
            name="transparency_copy_year",
        ),
        path("reports/ita-coverage/", CoverageReportView.as_view(), name="transparency_coverage"),
    ]


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_view_findings(request.user)


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return CoverageMenuItem(
        "ความครบถ้วนของหลักฐาน ITA (ITA evidence coverage)",
        reverse("transparency_coverage"),
        name="ita-coverage",
        icon_name="tasks",
        order=780,
    )


hooks.register("register_ita_sources", ita_sources.ita_sources)
hooks.register("register_site_checks", checks.ita_gaps)
