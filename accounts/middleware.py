"""Admin session rules: idle sessions end, and two-factor sign-in for the roles that need it."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from ownership.models import SITE_ROLES
from ownership.permissions import has_role

# Named when this lived in ``moderation``; kept, so that sessions open at an upgrade still end.
LAST_ACTIVITY_KEY = "moderation_admin_last_activity"
DEFAULT_IDLE_SECONDS = 30 * 60
# Requests the admin makes on its own while a tab is open: not the person being active.
BACKGROUND_PATHS = ("/editing-sessions/",)


def requires_two_factor(user):
    """Web operators, IT administrators and superusers (who may do anything) sign in with a
    code as well as their password."""
    return user.is_authenticated and (user.is_superuser or has_role(user, *SITE_ROLES))


def has_confirmed_device(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


class AdminAccessMiddleware:
    """Runs after authentication, django-otp and messages, for requests under /admin/ only."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    @cached_property
    def two_factor_paths(self):
        return {
            reverse("accounts_two_factor_setup"),
            reverse("accounts_two_factor_verify"),
            reverse("wagtailadmin_logout"),
            # What the two-factor pages themselves load.
            reverse("wagtailadmin_javascript_catalog"),
            reverse("wagtailadmin_sprite"),
        }

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix) and request.user.is_authenticated:
            response = self.end_idle_session(request) or self.require_two_factor(request)
            if response is not None:
                return response
        return self.get_response(request)

    def end_idle_session(self, request):
        idle_limit = getattr(settings, "ADMIN_IDLE_TIMEOUT_SECONDS", DEFAULT_IDLE_SECONDS)
        now = time.time()
        last_activity = request.session.get(LAST_ACTIVITY_KEY)
        if last_activity is not None and now - last_activity > idle_limit:
            logout(request)
            messages.info(
                request,
                _("ออกจากระบบแล้ว เนื่องจากไม่มีการใช้งานเกิน %(minutes)d นาที กรุณาเข้าสู่ระบบอีกครั้ง")
                % {"minutes": idle_limit // 60},
            )
            login_url = reverse("wagtailadmin_login")
            return redirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")
        if not any(part in request.path for part in BACKGROUND_PATHS):
            request.session[LAST_ACTIVITY_KEY] = now
        return None

    def require_two_factor(self, request):
        user = request.user
        if request.path in self.two_factor_paths or not requires_two_factor(user):
            return None
        if user.is_verified():
            return None
        name = (
            "accounts_two_factor_verify"
            if has_confirmed_device(user)
            else "accounts_two_factor_setup"
        )
        return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
