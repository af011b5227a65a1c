from django.core.management.base import BaseCommand, CommandError

from operations.archive import ArchiveProblem, backup


class Command(BaseCommand):
    help = (
        "สำรองเว็บไซต์ทั้งหมดเป็นไฟล์เดียว (.tar): ฐานข้อมูล ไฟล์สื่อ (MEDIA_ROOT) และไฟล์แนบเรื่องร้องเรียน "
        "(CASES_FILES_ROOT) พร้อมรายการและค่าตรวจสอบ SHA-256 (Back up the database, media and "
        "complaint attachments into one archive with a manifest; see docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            default=".",
            help="ไฟล์ที่จะเขียน หรือโฟลเดอร์ที่จะสร้างไฟล์ portal-backup-<เวลา>.tar "
            "(The file to write, or a folder to create portal-backup-<time>.tar in; "
            "default: the current folder)",
        )

    def handle(self, *args, destination, **options):
        try:
            summary = backup(destination)
        except ArchiveProblem as problem:
            raise CommandError(str(problem)) from None
        size = summary.path.stat().st_size
        self.stdout.write(
            self.style.SUCCESS(
                f"สำรองแล้ว (backed up): {summary.path} ({size / 1024 / 1024:,.1f} MB, "
                f"ไฟล์ {summary.files():,} files)"
            )
        )
        self.stdout.write(summary.counts())
        if summary.manifest["media_storage"] != "disk":
            self.stdout.write(
                self.style.WARNING(
                    "ไฟล์สื่อและไฟล์แนบอยู่ในที่เก็บ S3 (MEDIA_STORAGE=s3) ไม่อยู่ในไฟล์สำรองนี้: "
                    "ใช้ versioning หรือ replication ของที่เก็บ หรือสั่ง move_media --to disk ก่อนสำรอง "
                    "(media and attachments are in the S3 buckets, not in this archive: keep them "
                    "with the store's versioning or replication; docs/operations.md)"
                )
            )
