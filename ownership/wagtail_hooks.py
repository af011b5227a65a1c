from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from ownership.models import Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = "หน่วยงาน (Units)"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    add_to_admin_menu = True
    menu_order = 250


register_snippet(UnitViewSet)


class SubmitOwnPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "translate this page", for those who may edit the page: the
    package asks only for its global permission, so a unit's staff could otherwise start
    translations of every unit's pages."""

    def get_object(self):
        page = super().get_object()
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return page


@hooks.register("register_admin_urls")
def translate_own_pages_only():
    # The same address as wagtail-localize's view; this app's hooks run first (INSTALLED_APPS
    # order), so Django resolves the address here (tests/test_moderation_permissions.py).
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitOwnPageTranslationView.as_view(),
            name="ownership_submit_page_translation",
        )
    ]
