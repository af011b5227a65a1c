from django.http import Http404
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import views
from core.models import AlertBanner, BasePage
from core.public_files import is_public, may_see


@hooks.register("register_admin_urls")
def register_page_address_url():
    return [path("page-address/", views.page_address, name="core_page_address")]


@hooks.register("insert_editor_js")
def page_address_script():
    return format_html('<script src="{}"></script>', static("core/js/page_address.js"))


class AlertBannerViewSet(SnippetViewSet):
    """ประกาศเตือนทั้งเว็บไซต์: written by the web operators, published through the approval
    workflow (or scheduled), never directly (only superusers hold the publish permission)."""

    model = AlertBanner
    icon = "warning"
    menu_label = "ประกาศเตือนทั้งเว็บไซต์"
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["text", "level", "live", "go_live_at", "expire_at"]


register_snippet(AlertBannerViewSet)


@hooks.register("insert_global_admin_js")
def buddhist_era_dates_script():
    return format_html('<script src="{}" defer></script>', static("core/js/be_dates.js"))


@hooks.register("before_serve_document")
def serve_public_documents_only(document, request):
    """``/documents/<id>/<name>`` of a document no live page uses yet: 404, as for no
    document, except for staff who may use it (core.public_files)."""
    if not is_public(document) and not may_see(request.user, document):
        raise Http404


@hooks.register("before_serve_page")
def keep_view_restrictions(page, request, serve_args, serve_kwargs):
    """Whether the page served has view restrictions, from what is kept under the content
    version (``BasePage.keep_view_restrictions``), before Wagtail's ``on_serve_page`` hook
    checks them."""
    if isinstance(page, BasePage):
        page.keep_view_restrictions(request)
