"""Sign-in protection: lock-out after repeated failures (django-axes); the sign-in form."""

from axes.backends import AxesBackend
from axes.helpers import get_cool_off
from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

LOCKOUT_STATUS = 429


class LockoutBackend(AxesBackend):
    """django-axes' lock-out check for sign-ins made through the web, which always carry the
    request (Wagtail's sign-in form passes it). A sign-in without a request (code, the test
    client) is not a guess from the web and is left to the next backend. It authenticates no
    one itself (Django's ModelBackend, next in the list, does); as a ModelBackend it can load
    the user of a session."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """A Thai page (HTTP 429) saying the account is locked, for how long, and who can unlock it."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=LOCKOUT_STATUS)


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form (``WAGTAILADMIN_USER_LOGIN_FORM``), with a label for its password
    field: Wagtail gives it none, so the form printed the field's name, "Password", in English."""

    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": gettext_lazy("Enter password")}),
        strip=False,
    )
