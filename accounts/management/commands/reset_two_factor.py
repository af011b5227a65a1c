from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator (lost or replaced phone): at their next sign-in they "
        "set up a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"ไม่มีบัญชี {username} / No account named {username}.")
        count, _ = TOTPDevice.objects.filter(user=user).delete()
        log(instance=user, action="moderation.two_factor_reset")
        self.stdout.write(f"Removed {count} authenticator(s) of {username}.")
