"""Throttles of the sign-in pages besides the lock-out (django-axes): password-reset e-mails
per address and per account, and wrong two-factor codes per account *and address*, so that
someone who has the password but not the phone cannot lock the real user out (django-otp's
own throttle, per device, is off: ``OTP_TOTP_THROTTLE_FACTOR = 0``)."""

import logging

from django.conf import settings
from wagtail.admin.forms.auth import PasswordResetForm

from portal.throttle import client_ip, over_limit

HOUR = 60 * 60
TWO_FACTOR_WINDOW = 15 * 60
logger = logging.getLogger(__name__)


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password-reset form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``) that sends
    at most ``PASSWORD_RESETS_PER_HOUR_PER_ADDRESS`` e-mails an hour for requests from one
    address and ``PASSWORD_RESETS_PER_HOUR_PER_ACCOUNT`` for one e-mail address. Past them the
    page answers as always (it never says whether an account exists) and nothing is sent."""

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        by_address = over_limit(
            "password-reset-address",
            client_ip(request) if request else "",
            settings.PASSWORD_RESETS_PER_HOUR_PER_ADDRESS,
            HOUR,
        )
        by_account = over_limit(
            "password-reset-account", email, settings.PASSWORD_RESETS_PER_HOUR_PER_ACCOUNT, HOUR
        )
        if by_address or by_account:
            logger.warning("Password reset not sent: too many requests (%s).", client_ip(request))
            return None
        return super().save(*args, request=request, **kwargs)


def _source(request):
    return f"{request.user.pk}:{client_ip(request)}"


def two_factor_blocked(request):
    """True once this account has typed ``TWO_FACTOR_FAILURES_PER_ADDRESS`` wrong codes from
    this address lately (looked up, not counted: only wrong codes count)."""
    limit = settings.TWO_FACTOR_FAILURES_PER_ADDRESS
    return over_limit("two-factor", _source(request), limit - 1, TWO_FACTOR_WINDOW, count=False)


def count_two_factor_failure(request):
    over_limit(
        "two-factor", _source(request), settings.TWO_FACTOR_FAILURES_PER_ADDRESS, TWO_FACTOR_WINDOW
    )
