"""Draft the monthly procurement summaries (แบบ สขร.๑) of a month, one per unit.

    python manage.py create_procurement_summaries                 # last month, every unit
    python manage.py create_procurement_summaries --month 2568-11 --unit engineering

Every unit that owns procurement notices gets a draft for the month (a month without
procurement says "ไม่มีการจัดซื้อจัดจ้าง"); an existing summary is left alone. The drafts go
through approval like any page. Run it on the 1st of each month (cron or the scheduler).
"""

import datetime
import re

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ownership.models import Unit
from procurement.models import ProcurementNoticePage, ProcurementSummaryIndexPage
from procurement.summary import create_summary_page
from thai.dates import arabic_digits, parse_be_year

MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")


def parse_month(text):
    """``2568-11`` (Buddhist Era) or ``2025-11`` (Common Era), Thai digits allowed."""
    match = MONTH.fullmatch(arabic_digits(text).strip())
    year = parse_be_year(match.group(1)) if match else None
    if year is None or not 1 <= int(match.group(2)) <= 12:
        raise CommandError(f"เดือนไม่ถูกต้อง: {text} (ใช้รูปแบบ ปี-เดือน เช่น 2568-11)")
    return datetime.date(year - 543, int(match.group(2)), 1)


class Command(BaseCommand):
    help = "สร้างฉบับร่างสรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑) ของแต่ละหน่วยงาน"

    def add_arguments(self, parser):
        parser.add_argument("--month", help="เดือนที่สรุป เช่น 2568-11 (ค่าเริ่มต้น: เดือนที่แล้ว)")
        parser.add_argument("--unit", action="append", default=[], help="รหัสหน่วยงาน (ใส่ได้หลายครั้ง)")
        parser.add_argument(
            "--scheduled",
            action="store_true",
            help="เรียกโดยตัวตั้งเวลา: ถ้ายังไม่มีหน้ารวมสรุปผล ไม่ต้องทำอะไร",
        )

    def handle(self, *args, month=None, unit=(), scheduled=False, **options):
        if month:
            first = parse_month(month)
        else:
            first = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(
                day=1
            )
        if first > timezone.localdate().replace(day=1):
            raise CommandError("สรุปผลได้เฉพาะเดือนที่ถึงแล้ว")
        index = (
            ProcurementSummaryIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("path")
            .first()
        )
        if index is None and scheduled:
            self.stdout.write("ยังไม่มีหน้ารวมสรุปผลการจัดซื้อจัดจ้าง: ไม่มีอะไรต้องสร้าง")
            return
        if index is None:
            raise CommandError("ยังไม่มีหน้ารวมสรุปผลการจัดซื้อจัดจ้าง สร้างหน้านี้ก่อน")
        if unit:
            units = list(Unit.objects.filter(slug__in=unit))
            unknown = set(unit) - {u.slug for u in units}
            if unknown:
                raise CommandError(f"ไม่พบหน่วยงาน: {', '.join(sorted(unknown))}")
        else:
            owners = ProcurementNoticePage.objects.values("responsible_unit")
            units = list(Unit.objects.filter(pk__in=owners))
        for owner in units:
            page, created = create_summary_page(index, owner, first)
            state = "สร้างฉบับร่างแล้ว" if created else "มีอยู่แล้ว"
            self.stdout.write(f"{state}: {page.title}")
