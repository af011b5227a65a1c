"""The admin screens of urgent notices (moderation.urgent): the web operator's "publish now"
form (for a page or the alert banner) and the supervisor's approve-or-withdraw screen."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages
from wagtail.models import Page

from core.models import AlertBanner
from moderation import urgent
from moderation.models import UrgentPublication


class UrgentForm(forms.Form):
    confirm = forms.BooleanField(
        label="ประกาศนี้เร่งด่วน รอการอนุมัติตามขั้นตอนไม่ได้ (เช่น ภัยพิบัติ น้ำท่วม ความปลอดภัยของประชาชน)",
        error_messages={"required": "โปรดยืนยันว่าเป็นประกาศเร่งด่วน"},
    )
    reason = forms.CharField(
        label="เหตุผลที่ต้องเผยแพร่ทันที",
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=urgent.REASON_MIN_LENGTH,
        error_messages={
            "required": "โปรดเขียนเหตุผลที่ต้องเผยแพร่ทันที",
            "min_length": "โปรดเขียนเหตุผลให้ชัดเจน อย่างน้อย %(limit_value)d ตัวอักษร",
        },
    )


class DecisionForm(forms.Form):
    note = forms.CharField(
        label="หมายเหตุ (จำเป็นเมื่อถอนการเผยแพร่)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


def publish_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    done_url = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    return _publish(request, page, page.title, edit_url, done_url)


def publish_banner_view(request, banner_id):
    """The site-wide alert banner (a flood warning, a water cut), published at once."""
    banner = get_object_or_404(AlertBanner, pk=banner_id)
    edit_url = reverse("wagtailsnippets_core_alertbanner:edit", args=[banner.pk])
    done_url = reverse("wagtailsnippets_core_alertbanner:list")
    return _publish(request, banner, banner.text, edit_url, done_url)


def _publish(request, subject, title, edit_url, done_url):
    if not urgent.can_publish_urgently(request.user, subject):
        raise PermissionDenied
    form = UrgentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        urgent.publish_urgently(subject, request.user, form.cleaned_data["reason"])
        messages.success(request, f"เผยแพร่ “{title}” แล้ว และแจ้งผู้บังคับบัญชาของหน่วยงานให้พิจารณาแล้ว")
        return redirect(done_url)
    return TemplateResponse(
        request,
        "moderation/urgent/publish.html",
        {"title": title, "edit_url": edit_url, "form": form},
    )


def review_view(request, record_id):
    record = get_object_or_404(
        UrgentPublication.objects.select_related("page", "banner"), pk=record_id
    )
    if not urgent.can_see(request.user, record):
        raise PermissionDenied
    allowed = urgent.can_decide(request.user, record)
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied
        form = DecisionForm(request.POST)
        if form.is_valid():
            note = form.cleaned_data["note"].strip()
            if "withdraw" in request.POST:
                if not note:
                    form.add_error("note", "โปรดเขียนเหตุผลที่ถอนการเผยแพร่")
                else:
                    urgent.withdraw(record, request.user, note)
                    messages.success(request, "ถอนการเผยแพร่แล้ว หน้านี้กลับเป็นฉบับร่าง")
                    return redirect("moderation_urgent_review", record.pk)
            else:
                urgent.approve(record, request.user, note)
                messages.success(request, "อนุมัติการเผยแพร่ด่วนแล้ว")
                return redirect("moderation_urgent_review", record.pk)
    else:
        form = DecisionForm()
    if not urgent.can_see(request.user, record):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "moderation/urgent/review.html",
        {"record": record, "form": form, "allowed": allowed},
    )
