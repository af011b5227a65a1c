"""The approval workflow in the admin: nobody but a superuser publishes around it, the submit
button is the way forward, the dashboard panels, translations through approval and the
publication request forms."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.admin.widgets import ListingButton

from core.models import AlertBanner
from moderation import request_form_views, urgent, urgent_views, views
from moderation.panels import AwaitingMyApprovalPanel, MyItemsPanel
from moderation.translations import synced_translation_for
from ownership.permissions import user_roles

HOW_TO_PUBLISH = gettext_lazy(
    'ขั้นตอนการเผยแพร่: บันทึกฉบับร่าง แล้วกด "ส่งขออนุมัติ" ผู้บังคับบัญชาของหน่วยงานอนุมัติ '
    "จากนั้นผู้ปฏิบัติงานเผยแพร่ตรวจความถูกต้องครบถ้วนและเผยแพร่"
)


def _publishes_directly(request):
    """Only superusers (break-glass accounts) publish without the workflow: the permission
    tester (``ownership.permissions``) refuses everyone else wherever a page is published."""
    return request.user.is_superuser


@hooks.register("before_edit_page", order=-10)
def how_content_gets_published(request, page):
    """Tell the editor how content gets published (a translation has its own button)."""
    if request.method == "POST" or _publishes_directly(request) or page.workflow_in_progress:
        return None
    if synced_translation_for(page) is not None:
        messages.info(
            request,
            _('คำแปลต้องผ่านการอนุมัติเช่นเดียวกับหน้าภาษาไทย: แปลข้อความแล้วกด "ส่งคำแปลขออนุมัติ"'),
            buttons=[
                messages.button(
                    reverse("moderation_submit_translation", args=[page.pk]),
                    _("ส่งคำแปลขออนุมัติ"),
                )
            ],
        )
    else:
        messages.info(request, HOW_TO_PUBLISH)
    return None


@hooks.register("before_create_page", order=-10)
def how_new_pages_get_published(request, parent_page, page_class):
    if request.method != "POST" and not _publishes_directly(request):
        messages.info(request, HOW_TO_PUBLISH)
    return None


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit button, labelled in Thai."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("ส่งขออนุมัติอีกครั้ง")
        else:
            context["label"] = _("ส่งขออนุมัติ")
        return context


@hooks.register("construct_page_action_menu")
def submit_is_the_way_forward(menu_items, request, context):
    """ "ส่งขออนุมัติ" comes first, as the main button (only superusers see a publish button)."""
    if _publishes_directly(request):
        return
    for index, item in enumerate(menu_items):
        if item.name == "action-submit":
            submit = SubmitForApprovalMenuItem(order=item.order)
            menu_items.pop(index)
            menu_items.insert(0, submit)
            break


@hooks.register("construct_homepage_panels")
def approval_panels(request, panels):
    replaced = (WorkflowObjectsToModeratePanel, UserObjectsInWorkflowModerationPanel)
    panels[:] = [panel for panel in panels if type(panel) not in replaced]
    panels.extend([AwaitingMyApprovalPanel(), MyItemsPanel()])


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path(
            "translations/<int:page_id>/submit/",
            views.submit_translation_view,
            name="moderation_submit_translation",
        ),
        path(
            "urgent/page/<int:page_id>/",
            urgent_views.publish_view,
            name="moderation_urgent_publish",
        ),
        path(
            "urgent/banner/<int:banner_id>/",
            urgent_views.publish_banner_view,
            name="moderation_urgent_publish_banner",
        ),
        path(
            "urgent/<int:record_id>/",
            urgent_views.review_view,
            name="moderation_urgent_review",
        ),
        path(
            "request-forms/",
            request_form_views.YearFormsView.as_view(),
            name="moderation_request_forms",
        ),
        path(
            "request-forms/page/<str:page_id>/",
            request_form_views.PageFormsView.as_view(),
            name="moderation_request_forms_page",
        ),
        path(
            "request-forms/<str:state_id>/",
            request_form_views.form_view,
            name="moderation_request_form",
        ),
        path(
            "request-forms/<str:state_id>/pdf/",
            request_form_views.form_pdf,
            name="moderation_request_form_pdf",
        ),
    ]


class RequestFormsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or bool(user_roles(request.user))


@hooks.register("register_reports_menu_item")
def request_forms_menu_item():
    return RequestFormsMenuItem(
        "แบบฟอร์มขอเผยแพร่ข้อมูล (Publication request forms)",
        reverse("moderation_request_forms"),
        name="request-forms",
        icon_name="doc-full",
        order=780,
    )


class PageRequestFormsButton(PageMenuItem):
    """ "แบบฟอร์มขอเผยแพร่" in a published page's "more" menu and header."""

    label = "แบบฟอร์มขอเผยแพร่ข้อมูล (Publication request forms)"
    icon_name = "doc-full"
    url_name = "moderation_request_forms_page"
    priority = 55

    def is_shown(self, user):
        if self.page.first_published_at is None:
            return False
        if request_form_views.all_units_visible(user):
            return True
        return self.page.permissions_for_user(user).can_edit() or (
            getattr(self.page, "responsible_unit_id", None)
            in request_form_views.visible_unit_ids(user)
        )


@hooks.register("register_page_listing_more_buttons")
def request_forms_listing_button(page, user, next_url=None):
    yield PageRequestFormsButton(page=page)


@hooks.register("register_page_header_buttons")
def request_forms_header_button(page, user, view_name, next_url=None):
    yield PageRequestFormsButton(page=page)


@hooks.register("register_log_actions")
def urgent_log_actions(actions):
    actions.register_action(
        urgent.URGENT_PUBLISHED,
        "เผยแพร่ด่วนโดยไม่ผ่านการอนุมัติ (Published urgently)",
        "เผยแพร่ด่วน",
    )
    actions.register_action(
        urgent.URGENT_APPROVED,
        "ผู้บังคับบัญชาอนุมัติการเผยแพร่ด่วน (Urgent publication approved)",
        "อนุมัติการเผยแพร่ด่วน",
    )
    actions.register_action(
        urgent.URGENT_WITHDRAWN,
        "ผู้บังคับบัญชาถอนการเผยแพร่ด่วน (Urgent publication withdrawn)",
        "ถอนการเผยแพร่ด่วน",
    )


class UrgentPublishButton(PageMenuItem):
    """ "เผยแพร่ด่วน" in the page header of a web operator (moderation.urgent)."""

    label = "เผยแพร่ด่วน (Publish urgently)"
    icon_name = "warning"
    url_name = "moderation_urgent_publish"
    priority = 60

    def is_shown(self, user):
        return self.page.has_unpublished_changes and urgent.can_publish_urgently(user, self.page)


@hooks.register("register_page_header_buttons")
def urgent_publish_header_button(page, user, view_name, next_url=None):
    yield UrgentPublishButton(page=page)


@hooks.register("register_snippet_listing_buttons")
def urgent_publish_banner_button(snippet, user, next_url=None):
    """ "เผยแพร่ด่วน" on an alert banner with a version not yet live, for a web operator."""
    if (
        isinstance(snippet, AlertBanner)
        and snippet.has_unpublished_changes
        and urgent.can_publish_urgently(user, snippet)
    ):
        yield ListingButton(
            "เผยแพร่ด่วน (Publish urgently)",
            reverse("moderation_urgent_publish_banner", args=[snippet.pk]),
            icon_name="warning",
            priority=60,
        )
