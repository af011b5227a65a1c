"""Keeping floods and bots out of the public forms without a third-party captcha: a per-address
limit on submissions (in the cache, so shared by every web worker through Redis), a honeypot
field people never see, and a signed timestamp that a form filled faster than a person could
fill it fails."""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from accounts.auth import client_ip_address

RATE_WINDOW_SECONDS = 60 * 60
DEFAULT_SUBMISSIONS_PER_HOUR = 10
DEFAULT_MIN_FILL_SECONDS = 3
FORM_MAX_AGE_SECONDS = 6 * 60 * 60
SIGNING_SALT = "cases.form-started"

TOO_MANY = _("ท่านส่งแบบฟอร์มบ่อยเกินไป กรุณารอประมาณหนึ่งชั่วโมงแล้วลองใหม่ หรือติดต่อทางโทรศัพท์")
NOT_ACCEPTED = _("ระบบไม่สามารถรับแบบฟอร์มนี้ได้ กรุณาลองส่งใหม่อีกครั้ง")
TOO_FAST = _("ส่งแบบฟอร์มเร็วเกินไป กรุณาตรวจทานข้อมูลแล้วกดส่งอีกครั้ง")
EXPIRED = _("แบบฟอร์มนี้เปิดค้างไว้นานเกินไป กรุณากดส่งอีกครั้ง")


def submissions_per_hour():
    return getattr(settings, "CASES_SUBMISSIONS_PER_HOUR", DEFAULT_SUBMISSIONS_PER_HOUR)


def over_rate_limit(request, scope):
    """Count this submission from the request's address; True once past the hourly limit."""
    address = hashlib.sha256(client_ip_address(request).encode()).hexdigest()[:32]
    key = f"cases-rate:{scope}:{address}"
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    return count > submissions_per_hour()


def started_token(now=None):
    return signing.dumps(now if now is not None else time.time(), salt=SIGNING_SALT)


class BotProtectedForm(forms.Form):
    """A form with the honeypot ``website`` (hidden by CSS) and the signed ``started`` time."""

    website = forms.CharField(
        label=_("เว้นช่องนี้ว่างไว้"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = started_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(NOT_ACCEPTED, code="honeypot")
        try:
            started = signing.loads(
                cleaned.get("started") or "", salt=SIGNING_SALT, max_age=FORM_MAX_AGE_SECONDS
            )
        except signing.SignatureExpired:
            self.data = self.data.copy()
            self.data["started"] = started_token()
            raise forms.ValidationError(EXPIRED, code="expired") from None
        except signing.BadSignature:
            raise forms.ValidationError(NOT_ACCEPTED, code="tampered") from None
        min_seconds = getattr(settings, "CASES_MIN_FILL_SECONDS", DEFAULT_MIN_FILL_SECONDS)
        if time.time() - float(started) < min_seconds:
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        return cleaned
