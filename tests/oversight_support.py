"""What the site-check and yearly-report tests share: time travel, people in each role."""

from unittest import mock

from ownership.models import Role
from tests.factories import UserFactory


def at(moment):
    """Travel in time: every ``timezone.now()`` answers ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def make_user(username, role, unit_slug=None, **fields):
    return UserFactory(username=username, role=role, unit=unit_slug, **fields)


def sign_in(client, user):
    """Sign ``user`` in; for the roles with two-factor, as after typing a valid code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    if user.groups.filter(role__role__in=[Role.OPERATOR, Role.IT_ADMIN]).exists():
        device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=True, name="test")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
