import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from imports.importer import BATCH_SIZE, FileProblem, import_notices

# Exit codes: 0 every row imported (or unchanged), 1 some rows rejected (the others are
# imported), 2 nothing imported: the file cannot be read (missing, not UTF-8, wrong header).
SOME_ROWS_REJECTED = 1
FILE_REFUSED = 2


class Progress:
    """A progress bar on a terminal; nothing elsewhere (logs, cron), where only the report at
    the end is written."""

    width = 30

    def __init__(self, stream, total, started):
        self.stream, self.total, self.started = stream, total, started

    def __call__(self, done):
        filled = int(self.width * done / self.total) if self.total else self.width
        rate = done / max(time.monotonic() - self.started, 1e-6)
        bar = "█" * filled + "·" * (self.width - filled)
        self.stream.write(f"\rนำเข้า [{bar}] {done}/{self.total} แถว ({rate:,.0f} แถว/วินาที)")
        self.stream.flush()

    def close(self):
        self.stream.write("\n")


class Command(BaseCommand):
    help = (
        "นำเข้าประกาศและข่าวจากเว็บไซต์เดิม (ไฟล์ CSV UTF-8) เป็นฉบับร่าง หรือเผยแพร่ทันทีด้วย --publish "
        "นำเข้าซ้ำได้: แถวที่มี source_id เดิมจะปรับปรุงหน้าเดิม (Import notices and news from the "
        "old site's CSV; see docs/import.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์ CSV (The CSV file)")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="เผยแพร่ทันที แทนการบันทึกเป็นฉบับร่าง (Publish instead of saving drafts)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="ตรวจทุกแถวโดยไม่บันทึกสิ่งใด (Check every row, write nothing)",
        )
        parser.add_argument(
            "--files",
            help="โฟลเดอร์หรือไฟล์ ZIP ของไฟล์แนบที่คอลัมน์ files ระบุ "
            "(Folder or ZIP holding the files the files column names)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help="จำนวนแถวต่อหนึ่งทรานแซกชัน (Rows per transaction)",
        )

    def handle(self, *args, file, publish, dry_run, batch_size, files=None, **options):
        if batch_size < 1:
            raise CommandError("--batch-size ต้องมากกว่า 0 (must be greater than 0)")
        interactive = sys.stderr.isatty() and options["verbosity"] > 0
        bar = None

        def progress(done, total):
            nonlocal bar
            if interactive:
                bar = bar or Progress(sys.stderr, total, started)
                bar(done)

        started = time.monotonic()
        with translation.override("th"):
            try:
                report = import_notices(
                    file,
                    publish=publish,
                    dry_run=dry_run,
                    batch_size=batch_size,
                    progress=progress,
                    files=files,
                )
            except FileProblem as problem:
                raise CommandError(str(problem), returncode=FILE_REFUSED) from None
            finally:
                if bar is not None:
                    bar.close()
        seconds = time.monotonic() - started
        self.write_report(report, seconds, dry_run, publish)
        if report.rejected:
            raise CommandError(
                f"ไม่รับ {len(report.rejected)} แถว ดูเหตุผลด้านบน "
                f"({len(report.rejected)} rows rejected, see above)",
                returncode=SOME_ROWS_REJECTED,
            )

    def write_report(self, report, seconds, dry_run, publish):
        out = self.stdout
        if dry_run:
            out.write("ทดลองนำเข้า (--dry-run): ไม่มีการบันทึกข้อมูลใด ๆ (nothing was written)")
        state = "เผยแพร่แล้ว (live)" if publish else "ฉบับร่าง (drafts)"
        rate = report.rows / seconds if seconds else 0
        out.write(
            f"อ่าน {report.rows} แถว ใน {seconds:.1f} วินาที ({rate:,.0f} แถว/วินาที): "
            f"สร้างใหม่ {report.created}, ปรับปรุง {report.updated} [{state}], "
            f"ไม่เปลี่ยนแปลง {report.unchanged}, ไม่รับ {len(report.rejected)} "
            f"(rows {report.rows}: created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}, rejected {len(report.rejected)})"
        )
        if report.retried:
            out.write(
                f"มีผู้แก้ไขหน้าในส่วนเดียวกันพร้อมกัน: บันทึกชุดแถวซ้ำ {report.retried} ครั้ง "
                f"({report.retried} batches written again after meeting concurrent edits)"
            )
        if report.rejected:
            out.write(self.style.WARNING("แถวที่ไม่ได้นำเข้า (Rejected rows):"))
            for line, source_id, reason in report.rejected:
                label = f" (source_id {source_id})" if source_id else ""
                out.write(f"  บรรทัดที่ {line}{label}: {reason}")
