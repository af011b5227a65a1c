"""wagtail-localize's "publish immediately" kept behind the approval workflow."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class TranslationsThroughApprovalMiddleware:
    """Runs after authentication and messages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """wagtail-localize's "Sync translated pages" can publish every translation at once,
        without asking for publish permission: translations go through approval instead."""
        match = request.resolver_match
        if (
            request.method == "POST"
            and match is not None
            and match.view_name == "wagtail_localize:update_translations"
            and request.POST.get("publish_translations")
            and not request.user.is_superuser
        ):
            messages.error(
                request,
                _(
                    "เผยแพร่คำแปลทันทีไม่ได้ คำแปลต้องผ่านการอนุมัติเช่นเดียวกับหน้าภาษาไทย: "
                    'ซิงค์โดยไม่เลือก "เผยแพร่ทันที" แล้วส่งคำแปลขออนุมัติ'
                ),
            )
            return redirect(request.get_full_path())
        return None
