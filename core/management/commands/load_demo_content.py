from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import demo


class Command(BaseCommand):
    help = "Load the demo site (development only; safe to run again)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ข้อมูลตัวอย่างใช้สำหรับการพัฒนาเท่านั้น (DEBUG ปิดอยู่) / "
                "Demo content is for development only: DEBUG is off."
            )
        with transaction.atomic():
            demo.load_all()
        username, password = demo.DEMO_SUPERUSER
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(f"  admin login: {username} / {password}")
        from moderation.demo import logins

        for line in logins():
            self.stdout.write(line)
