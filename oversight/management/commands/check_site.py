import time

from django.core.management.base import BaseCommand, CommandError

from oversight import sitecheck
from oversight.models import CheckRun

PHASES = {
    "content": "ตรวจข้อมูลในระบบ (content records)",
    "pages": "เปิดหน้าเว็บ (pages)",
    "links": "ตรวจลิงก์ภายใน (internal links)",
    "external": "ตรวจลิงก์ภายนอก (external links)",
}


class ProgressBar:
    """One line redrawn in place on a terminal; a line per phase elsewhere (logs, scheduler)."""

    width = 30

    def __init__(self, stdout, interactive):
        self.stdout = stdout
        self.interactive = interactive
        self.phase = None
        self.last_draw = 0.0

    def write(self, text):
        self.stdout.write(text, ending="")

    def __call__(self, phase, done, total):
        if phase != self.phase:
            if self.phase is not None and self.interactive:
                self.write("\n")
            self.phase = phase
            if not self.interactive:
                self.write(f"{PHASES.get(phase, phase)}: {total}\n")
        if not self.interactive:
            return
        now = time.monotonic()
        if done < total and now - self.last_draw < 0.1:
            return
        self.last_draw = now
        filled = int(self.width * done / total) if total else self.width
        bar = "█" * filled + "·" * (self.width - filled)
        self.write(f"\r{PHASES.get(phase, phase)} [{bar}] {done}/{total}")
        self.stdout.flush()

    def close(self):
        if self.phase is not None and self.interactive:
            self.write("\n")


class Command(BaseCommand):
    help = (
        "ตรวจเว็บไซต์ประจำวัน: เปิดทุกหน้าที่เผยแพร่ทั้งสองภาษา ตรวจลิงก์ เอกสาร ภาพ เนื้อหาที่ต้องมี "
        "การตั้งเวลา และงานที่รออนุมัติ แล้วแจ้งหน่วยงาน (Daily site check: visit every live page "
        "in both languages, record the findings and e-mail each unit's supervisors)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-seconds",
            type=int,
            help="เวลาสูงสุดของการตรวจ (Time limit in seconds; default OVERSIGHT_CHECK_MAX_SECONDS).",
        )
        parser.add_argument(
            "--no-external", action="store_true", help="ไม่ตรวจลิงก์ภายนอก (Skip external links)."
        )
        parser.add_argument("--no-email", action="store_true", help="ไม่ส่งอีเมล (Send no e-mail).")
        parser.add_argument(
            "--scheduled", action="store_true", help="Run by the scheduler (recorded as such)."
        )

    def handle(self, *args, max_seconds=None, no_external=False, no_email=False, **options):
        if max_seconds is not None and max_seconds <= 0:
            raise CommandError("--max-seconds ต้องมากกว่า 0 (must be greater than 0)")
        trigger = CheckRun.Trigger.SCHEDULER if options["scheduled"] else CheckRun.Trigger.COMMAND
        try:
            run = sitecheck.start_run(trigger)
        except sitecheck.CheckAlreadyRunning:
            raise CommandError(
                "มีการตรวจเว็บไซต์กำลังทำงานอยู่ (Another site check is running)"
            ) from None
        bar = ProgressBar(self.stdout, self.stdout.isatty())
        try:
            run = sitecheck.execute(
                run,
                limit=max_seconds,
                progress=bar,
                mail=not no_email,
                external=False if no_external else None,
            )
        finally:
            bar.close()
        seconds = run.duration.total_seconds() if run.duration else 0
        self.stdout.write(
            f"{run.get_status_display()}: {run.pages_checked} หน้า (pages), "
            f"{run.links_checked} ลิงก์ภายใน (internal links), "
            f"{run.external_checked} ลิงก์ภายนอก (external links) ใน {seconds:.1f} วินาที (s); "
            f"พบใหม่ (new) {run.new_findings}, แก้ไขแล้ว (fixed) {run.fixed_findings}, "
            f"ค้างอยู่ (open) {run.open_errors} ข้อผิดพลาด (errors) / "
            f"{run.open_warnings} คำเตือน (warnings); อีเมล (e-mails) {run.emails_sent}"
        )
        if run.message:
            self.stdout.write(run.message)
