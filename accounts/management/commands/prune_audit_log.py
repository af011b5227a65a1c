from datetime import timedelta

from axes.models import AccessFailureLog, AccessLog
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

MINIMUM_DAYS = 90


class Command(BaseCommand):
    help = (
        "Delete audit-log entries (page and model actions, sign-ins) older than --days. "
        f"Refuses anything under {MINIMUM_DAYS} days: the portal keeps at least that much. "
        "Nothing runs this on its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, required=True)

    def handle(self, *args, days, **options):
        if days < MINIMUM_DAYS:
            raise CommandError(
                f"ต้องเก็บบันทึกอย่างน้อย {MINIMUM_DAYS} วัน / "
                f"The audit log is kept for at least {MINIMUM_DAYS} days."
            )
        before = timezone.now() - timedelta(days=days)
        counts = [
            PageLogEntry.objects.filter(timestamp__lt=before).delete()[0],
            ModelLogEntry.objects.filter(timestamp__lt=before).delete()[0],
            AccessLog.objects.filter(attempt_time__lt=before).delete()[0],
            AccessFailureLog.objects.filter(attempt_time__lt=before).delete()[0],
        ]
        self.stdout.write(f"Deleted {sum(counts)} entries older than {days} days.")
