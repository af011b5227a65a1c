from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym
from search.reports import SearchMissesReportView


class SynonymViewSet(SnippetViewSet):
    """Synonyms for the site search, kept by web operators (``search.synonyms``)."""

    model = Synonym
    icon = "search"
    url_prefix = "search/synonyms"
    admin_url_namespace = "search_synonym"
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    menu_label = "คำพ้องความหมาย (Search synonyms)"
    add_to_settings_menu = True


register_snippet(SynonymViewSet)


class SearchMissesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchmiss")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/search-misses/", SearchMissesReportView.as_view(), name="search_misses"),
        path(
            "reports/search-misses/results/",
            SearchMissesReportView.as_view(results_only=True),
            name="search_misses_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_misses_menu_item():
    return SearchMissesMenuItem(
        "คำค้นที่ไม่พบผล (Searches with no results)",
        reverse("search_misses"),
        name="search-misses",
        icon_name="search",
        order=790,
    )
