"""Sign-ins in the audit log: sign-in, sign-out, failed sign-in (also for unknown usernames)
and lock-out, with the address they came from.

The actions keep the names they were first stored under (``moderation.sign_in`` …, from when
accounts were part of ``moderation``): existing log entries hold them."""

import functools
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from portal.throttle import client_ip

LABEL_LENGTH = 150
logger = logging.getLogger(__name__)


def client_address(request):
    if request is None:
        return ""
    return getattr(request, "axes_ip_address", None) or client_ip(request)


def _details(request, username):
    return {
        "username": (username or "")[:LABEL_LENGTH],
        "ip_address": client_address(request),
        "user_agent": (request.META.get("HTTP_USER_AGENT", "") if request else "")[:255],
    }


def real_user(user):
    """``request.user`` is a lazy object (twice, with django-otp); Wagtail's log needs the
    user itself to find its log model."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def log_sign_in(sender, request, user, **kwargs):
    user = real_user(user)
    log(
        instance=user,
        action="moderation.sign_in",
        user=user,
        data=_details(request, user.get_username()),
    )


def log_sign_out(sender, request, user, **kwargs):
    user = real_user(user)
    if user is not None:
        log(
            instance=user,
            action="moderation.sign_out",
            user=user,
            data=_details(request, user.get_username()),
        )


def log_failed_sign_in(sender, credentials, request=None, **kwargs):
    """A failed sign-in, logged against the account it named, or with the name typed when there
    is no such account."""
    User = get_user_model()
    username = str(credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "")
    details = _details(request, username)
    account = User.objects.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    if account is not None:
        log(instance=account, action="moderation.sign_in_failed", data=details)
    else:
        ModelLogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(User),
            object_id="0",  # no such account
            label=details["username"] or "-",
            action="moderation.sign_in_failed",
            data=details,
            timestamp=timezone.now(),
        )


def log_lock_out(sender, request, username=None, ip_address=None, **kwargs):
    User = get_user_model()
    account = User.objects.filter(**{User.USERNAME_FIELD: username or ""}).first()
    if account is not None:
        log(
            instance=account,
            action="moderation.locked_out",
            data={"username": username, "ip_address": ip_address or ""},
        )


def never_failing(handler):
    """An audit entry that cannot be written must not stop anyone signing in or out."""

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            handler(*args, **kwargs)
        except Exception:
            logger.exception("Could not write the sign-in audit entry")

    return wrapper


def connect():
    user_logged_in.connect(never_failing(log_sign_in), dispatch_uid="accounts-sign-in", weak=False)
    user_logged_out.connect(
        never_failing(log_sign_out), dispatch_uid="accounts-sign-out", weak=False
    )
    user_login_failed.connect(
        never_failing(log_failed_sign_in), dispatch_uid="accounts-failed-sign-in", weak=False
    )

    from axes.signals import user_locked_out

    user_locked_out.connect(
        never_failing(log_lock_out), dispatch_uid="accounts-lock-out", weak=False
    )
