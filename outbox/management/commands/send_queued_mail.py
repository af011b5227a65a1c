from django.core.management.base import BaseCommand

from outbox.delivery import deliver


class Command(BaseCommand):
    help = (
        "Deliver the e-mails waiting in the outbox (run every minute by the scheduler); "
        "failures are tried again later, up to a limit, and shown to operators."
    )

    def handle(self, *args, **options):
        sent, failed = deliver()
        self.stdout.write(
            f"ส่งอีเมล {sent} ฉบับ ยังส่งไม่ได้ {failed} ฉบับ (sent {sent}, not yet delivered {failed})"
        )
