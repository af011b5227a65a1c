from django.core.management.base import BaseCommand, CommandError

from operations.media import MoveProblem, move

PROGRESS_EVERY = 50


class Command(BaseCommand):
    help = (
        "ย้ายไฟล์สื่อและไฟล์แนบเรื่องร้องเรียนระหว่างดิสก์ของเครื่องกับที่เก็บอ็อบเจกต์ S3 "
        "สั่งซ้ำได้ ไฟล์ที่มีอยู่แล้วและเหมือนกันจะข้ามไป (Copy media and complaint attachments "
        "between the local disk and the S3 buckets; files already there are skipped; see "
        "docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            default="",
            help="s3: จากดิสก์ไปที่เก็บ S3, disk: จากที่เก็บ S3 กลับมาที่ดิสก์ "
            "(s3: from the disk to the buckets; disk: back)",
        )
        parser.add_argument(
            "--delete-source",
            action="store_true",
            help="ลบไฟล์ต้นทางแต่ละไฟล์หลังตรวจสำเนาแล้ว (Delete each source file once its copy "
            "is checked; only when MEDIA_STORAGE already names the destination)",
        )

    def handle(self, *args, to, delete_source, **options):
        def progress(tally):
            if options["verbosity"] > 1 or tally.files % PROGRESS_EVERY == 0:
                self.stdout.write(tally.line())

        try:
            tallies = move(to.strip().lower(), delete_source=delete_source, progress=progress)
        except MoveProblem as problem:
            raise CommandError(str(problem)) from None
        for tally in tallies:
            self.stdout.write(self.style.SUCCESS(tally.line()))
