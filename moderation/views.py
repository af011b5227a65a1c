"""Submitting a translation for approval."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page

from moderation.translations import submit_translation, synced_translation_for


def submit_translation_view(request, page_id):
    """Confirm, then save the translation as a draft and send it for approval."""
    page = get_object_or_404(Page, id=page_id).specific
    translation = synced_translation_for(page)
    perms = page.permissions_for_user(request.user)
    if translation is None or not perms.can_edit():
        raise PermissionDenied
    state = page.current_workflow_state
    resubmitting = state is not None and state.status == state.STATUS_NEEDS_CHANGES
    if not (resubmitting or perms.can_submit_for_moderation()):
        messages.error(request, _("หน้านี้อยู่ระหว่างการอนุมัติแล้ว"))
        return redirect("wagtailadmin_pages:edit", page.id)
    if request.method == "POST":
        try:
            submit_translation(page, request.user)
        except ValidationError as error:
            messages.error(
                request,
                format_html("{} {}", _("บันทึกคำแปลไม่ได้:"), "; ".join(error.messages)),
            )
            return redirect("wagtailadmin_pages:edit", page.id)
        messages.success(
            request,
            _('ส่งคำแปล "%(title)s" ขออนุมัติแล้ว') % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return TemplateResponse(
        request,
        "moderation/submit_translation.html",
        {"page": page, "translation": translation, "resubmitting": resubmitting},
    )
