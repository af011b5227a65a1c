from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.demo import logins
from demo import loader


def address(value):
    """``host:port`` as the demo is served, e.g. ``127.0.0.1:8000``."""
    host, _colon, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(
            f"ที่อยู่ '{value}' ไม่ถูกต้อง ใช้รูปแบบ โฮสต์:พอร์ต เช่น 127.0.0.1:8000 "
            "(use host:port, e.g. 127.0.0.1:8000)"
        )
    return host, int(port)


class Command(BaseCommand):
    help = "Load the demo site (development only; safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="host:port the demo is served at, for the full links of e-mails, the sitemap "
            "and the request forms (default 127.0.0.1:8000, as make run serves it)",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ข้อมูลตัวอย่างใช้สำหรับการพัฒนาเท่านั้น (DEBUG ปิดอยู่) / "
                "Demo content is for development only: DEBUG is off."
            )
        host, port = address(options["address"])
        with transaction.atomic():
            loader.load_all()
            loader.serve_site_at(host, port)
        username, password = loader.DEMO_SUPERUSER
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(f"  admin login: {username} / {password}")
        for line in logins():
            self.stdout.write(line)
