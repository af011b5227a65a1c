"""Sign-in protection: lock-out after repeated failures (django-axes)."""

from axes.backends import AxesBackend
from axes.helpers import get_cool_off
from django.shortcuts import render

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
