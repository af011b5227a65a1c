from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from ownership.models import Office, Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = "หน่วยงาน (Units)"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    add_to_admin_menu = True
    menu_order = 250


register_snippet(UnitViewSet)


class OfficeViewSet(SnippetViewSet):
    """Floors and rooms, entered once: a snippet, so a change purges the page cache."""

    model = Office
    icon = "home"
    menu_label = "ที่ตั้งสำนักงาน (Offices)"
    list_display = ["name", "unit", "building", "floor", "room"]
    list_filter = ["unit", "building"]
    search_fields = ["name", "name_en", "room"]
    add_to_admin_menu = True
    menu_order = 251


register_snippet(OfficeViewSet)


def editable(page, user):
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    return page


class SubmitOwnPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "translate this page", for those who may edit the page: the
    package asks only for its global permission, so a unit's staff could otherwise start
    translations of every unit's pages."""

    def get_object(self):
        return editable(super().get_object(), self.request.user)


class SyncOwnTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", for those who may edit the page; its
    "publish immediately" publishes without asking anyone, so it asks the permission tester
    (nobody but a superuser publishes directly) and otherwise syncs the translations as
    drafts, which then go through approval."""

    def get_object(self):
        source = super().get_object()
        editable(source.get_source_instance(), self.request.user)
        return source

    def form_valid(self, form):
        page = self.object.get_source_instance()
        publishing = form.cleaned_data["publish_translations"]
        if publishing and not page.permissions_for_user(self.request.user).can_publish():
            form.cleaned_data["publish_translations"] = False
            messages.warning(
                self.request,
                _(
                    "คำแปลถูกปรับปรุงเป็นฉบับร่าง ยังไม่เผยแพร่: คำแปลต้องผ่านการอนุมัติ"
                    "เช่นเดียวกับหน้าภาษาไทย ส่งคำแปลขออนุมัติจากหน้าแก้ไขคำแปล"
                ),
            )
        return super().form_valid(form)


@hooks.register("register_admin_urls")
def translate_own_pages_only():
    # The same addresses as wagtail-localize's views; this app's hooks run first
    # (INSTALLED_APPS order), so Django resolves them here (tests/test_upgrading.py).
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitOwnPageTranslationView.as_view(),
            name="ownership_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            SyncOwnTranslationsView.as_view(),
            name="ownership_update_translations",
        ),
    ]
