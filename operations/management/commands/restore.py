from django.core.management.base import BaseCommand, CommandError

from operations.archive import ArchiveProblem, restore


class Command(BaseCommand):
    help = (
        "กู้คืนเว็บไซต์จากไฟล์สำรองของ manage.py backup: ตรวจค่า SHA-256 ของทุกไฟล์ก่อน แล้วจึงแทนที่ฐานข้อมูล "
        "ในทรานแซกชันเดียว และไฟล์สื่อกับไฟล์แนบ (Restore a backup made by manage.py backup: every "
        "checksum is verified before anything changes; see docs/operations.md). "
        "หยุดเว็บและตัวจัดตารางงานก่อนกู้คืน (Stop the web workers and the scheduler first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="ไฟล์สำรอง .tar (The backup archive)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="แทนที่เว็บไซต์ที่มีอยู่ (โฟลเดอร์เดิมถูกเก็บไว้ข้าง ๆ ในชื่อ …before-restore-<เวลา>) "
            "(Replace the site in place; the replaced folders are kept as …before-restore-<time>)",
        )

    def handle(self, *args, archive, replace, **options):
        try:
            summary, kept = restore(archive, replace=replace)
        except ArchiveProblem as problem:
            raise CommandError(str(problem)) from None
        created = summary.manifest["created"]
        self.stdout.write(
            self.style.SUCCESS(
                f"กู้คืนแล้ว (restored) จาก {summary.path} (สำรองเมื่อ {created}, "
                f"ไฟล์ {summary.files():,} files)"
            )
        )
        self.stdout.write(summary.counts())
        for folder in kept:
            self.stdout.write(f"เก็บโฟลเดอร์เดิมไว้ที่ (previous folder kept at) {folder}")
        self.stdout.write(
            "ถัดไป: manage.py migrate แล้วเริ่มเว็บและตัวจัดตารางงาน "
            "(next: run migrate, then start the web workers and the scheduler)"
        )
