"""Keeping floods and bots out of the public forms without a third-party captcha: a per-address
limit on submissions (in the cache, so shared by every web worker through Redis), a honeypot
field people never see, and a signed timestamp that a form filled faster than a person could
fill it fails."""

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from portal.throttle import client_ip, over_limit

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
    return over_limit(
        f"cases-{scope}", client_ip(request), submissions_per_hour(), RATE_WINDOW_SECONDS
    )


def started_token(now=None):
    """The form's token: when it was shown, and a random nonce that makes it single-use (the
    case or question filed with it keeps the nonce, so sending the form twice files once)."""
    started = now if now is not None else time.time()
    return signing.dumps({"t": started, "n": secrets.token_urlsafe(16)}, salt=SIGNING_SALT)


class BotProtectedForm(forms.Form):
    """A form with the honeypot ``website`` (hidden by CSS) and the signed ``started`` time."""

    website = forms.CharField(
        label=_("เว้นช่องนี้ว่างไว้"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    nonce = None  # the token's nonce, once the form is valid

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = started_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(NOT_ACCEPTED, code="honeypot")
        try:
            token = signing.loads(
                cleaned.get("started") or "", salt=SIGNING_SALT, max_age=FORM_MAX_AGE_SECONDS
            )
            started, self.nonce = float(token["t"]), str(token["n"])
        except (signing.SignatureExpired, TypeError, KeyError, ValueError):
            # Expired, or made before tokens were single-use: a fresh token, and send again.
            self.data = self.data.copy()
            self.data["started"] = started_token()
            raise forms.ValidationError(EXPIRED, code="expired") from None
        except signing.BadSignature:
            raise forms.ValidationError(NOT_ACCEPTED, code="tampered") from None
        min_seconds = getattr(settings, "CASES_MIN_FILL_SECONDS", DEFAULT_MIN_FILL_SECONDS)
        if time.time() - started < min_seconds:
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        return cleaned
