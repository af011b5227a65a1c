"""Anonymise the personal data of closed cases and of old questions after the retention period
(``CASES_RETENTION_DAYS``), and remove attachment files that no case refers to. The case rows stay, with category, unit, dates and status, so the
published statistics do not change. Run daily by the scheduler; safe to run by hand."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cases.handling import sweep_orphan_files
from cases.models import CLOSED_STATUSES, CaseAttachment, CaseEvent, Complaint, Question

REMOVED = "[ลบข้อมูลส่วนบุคคลแล้ว]"


class Command(BaseCommand):
    help = "Anonymise personal data of cases closed and questions asked over the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days (default: CASES_RETENTION_DAYS).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.CASES_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("ระยะเวลาเก็บข้อมูลต้องไม่ติดลบ (--days must not be negative)")
        now = timezone.now()
        cutoff = now - datetime.timedelta(days=days)
        cases = Complaint.objects.filter(
            status__in=CLOSED_STATUSES, closed_at__lt=cutoff, anonymised_at__isnull=True
        )
        case_ids = list(cases.values_list("pk", flat=True))
        attachments = list(CaseAttachment.objects.filter(complaint_id__in=case_ids))
        with transaction.atomic():
            Complaint.objects.filter(pk__in=case_ids).update(
                description=REMOVED,
                place="",
                contact_name="",
                contact_phone="",
                contact_email="",
                resolution=REMOVED,
                rating_comment="",
                anonymised_at=now,
            )
            CaseEvent.objects.filter(complaint_id__in=case_ids).exclude(note="").update(
                note=REMOVED
            )
            CaseAttachment.objects.filter(pk__in=[item.pk for item in attachments]).delete()
            questions = Question.objects.filter(asked_at__lt=cutoff, anonymised_at__isnull=True)
            question_count = questions.update(name="", email="", text=REMOVED, anonymised_at=now)
        for item in attachments:
            item.file.delete(save=False)
        orphans = sweep_orphan_files(now)
        if orphans:
            self.stdout.write(
                f"ลบไฟล์แนบที่ไม่มีเรื่องอ้างถึง {orphans} ไฟล์ (removed {orphans} orphan files)"
            )
        self.stdout.write(
            f"ลบข้อมูลส่วนบุคคลของเรื่องร้องเรียน {len(case_ids)} เรื่อง และคำถาม {question_count} รายการ "
            f"(anonymised {len(case_ids)} cases and {question_count} questions, "
            f"older than {days} days)"
        )
