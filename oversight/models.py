from django.conf import settings
from django.db import models


class SchedulerLease(models.Model):
    """Who may run a scheduled job right now. A conditional UPDATE takes the lease, which is
    atomic on PostgreSQL and SQLite alike, so two scheduler processes never run a job twice."""

    name = models.CharField(max_length=100, primary_key=True)
    holder = models.CharField(max_length=200, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = "สิทธิ์การรันงานตามกำหนดเวลา (Scheduler lease)"

    def __str__(self):
        return f"{self.name} ({self.holder})"


class JobRun(models.Model):
    """One run of a scheduled job: the scheduler's memory, so a job missed while it was down
    runs when it starts again, and the yearly report can count runs and missed days."""

    job = models.CharField("งาน (Job)", max_length=100, db_index=True)
    started_at = models.DateTimeField("เริ่ม (Started)")
    finished_at = models.DateTimeField("เสร็จ (Finished)", null=True)
    succeeded = models.BooleanField("สำเร็จ (Succeeded)", default=False)
    output = models.TextField("ผลลัพธ์ (Output)", blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "การรันงานตามกำหนดเวลา (Job run)"

    def __str__(self):
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M}"


# --- The daily site check (O2) -----------------------------------------------------------------


class Severity(models.TextChoices):
    ERROR = "error", "ข้อผิดพลาด (Error)"
    WARNING = "warning", "คำเตือน (Warning)"


class FindingKind(models.TextChoices):
    BROKEN_LINK = "broken_link", "ลิงก์ภายในเสีย (Broken internal link)"
    MISSING_DOCUMENT = "missing_document", "ไม่พบเอกสาร (Missing document)"
    MISSING_IMAGE = "missing_image", "ไม่พบภาพ (Missing image)"
    PAGE_ERROR = "page_error", "หน้าเว็บเปิดไม่ได้ (Page fails to load)"
    EXTERNAL_LINK = "external_link", "ลิงก์ภายนอกเปิดไม่ได้ (External link fails)"
    NO_DUTIES = "no_duties", "หน่วยงานไม่มีอำนาจหน้าที่ (Unit without powers and duties)"
    NO_PERSONNEL = "no_personnel", "หน่วยงานไม่มีทำเนียบบุคลากร (Unit without personnel)"
    NO_POSITION = "no_position", "บุคคลไม่มีตำแหน่ง (Person without position)"
    SCHOOL_NO_NOTICE = (
        "school_no_notice",
        "โรงเรียนไม่มีประกาศในปีงบประมาณนี้ (School without a notice this fiscal year)",
    )
    IMAGE_NO_ALT = "image_no_alt", "ภาพไม่มีข้อความแทนภาพ (Image without alt text)"
    NO_FISCAL_YEAR_DOCUMENT = (
        "no_fiscal_year_document",
        "ไม่มีเอกสารของปีงบประมาณปัจจุบัน (No document for the current fiscal year)",
    )
    SCHEDULE_FAILED = "schedule_failed", "การตั้งเวลาไม่เป็นไปตามกำหนด (Schedule not carried out)"
    WORKFLOW_WAITING = (
        "workflow_waiting",
        "รออนุมัติเกิน 2 วันทำการ (Awaiting approval over two working days)",
    )
    REVIEW_OVERDUE = "review_overdue", "เลยกำหนดทบทวนเนื้อหา (Past its review-by date)"
    ITA_GAP = "ita_gap", "หลักฐาน ITA ไม่ครบ (ITA evidence incomplete)"
    CASE_OVERDUE = "case_overdue", "เรื่องร้องเรียนเกินกำหนดเวลา (Complaint past its time limit)"
    IMPORT_INCOMPLETE = (
        "import_incomplete",
        "ประกาศที่นำเข้ายังไม่ครบถ้วน (Imported notice incomplete)",
    )
    MAIL_UNDELIVERED = "mail_undelivered", "อีเมลส่งไม่ออก (E-mail not delivered)"
    STORE_UNREACHABLE = (
        "store_unreachable",
        "ที่เก็บไฟล์ไม่ตอบ ตรวจเอกสารและภาพไม่ได้ (File store unreachable)",
    )


# Another site can be down for an hour; content that is merely incomplete or late is a warning.
WARNING_KINDS = {
    FindingKind.EXTERNAL_LINK,
    FindingKind.NO_POSITION,
    FindingKind.SCHOOL_NO_NOTICE,
    FindingKind.WORKFLOW_WAITING,
    FindingKind.REVIEW_OVERDUE,
    FindingKind.ITA_GAP,
    FindingKind.IMPORT_INCOMPLETE,
}


def severity_of(kind):
    return Severity.WARNING if kind in WARNING_KINDS else Severity.ERROR


class CheckRun(models.Model):
    """One run of the site check, by the scheduler, from the admin or from a terminal."""

    class Status(models.TextChoices):
        RUNNING = "running", "กำลังตรวจ (Running)"
        COMPLETE = "complete", "ตรวจครบ (Complete)"
        INCOMPLETE = "incomplete", "ตรวจไม่ครบ (Incomplete)"
        FAILED = "failed", "ตรวจไม่สำเร็จ (Failed)"

    class Trigger(models.TextChoices):
        SCHEDULER = "scheduler", "ตามกำหนดเวลาประจำวัน (Daily schedule)"
        ADMIN = "admin", "สั่งจากระบบจัดการ (Run from the admin)"
        COMMAND = "command", "สั่งจากคำสั่ง (Command line)"

    started_at = models.DateTimeField("เริ่ม (Started)")
    finished_at = models.DateTimeField("เสร็จ (Finished)", null=True, blank=True)
    status = models.CharField(
        "สถานะ (Status)", max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    trigger = models.CharField(
        "สั่งโดย (Triggered by)", max_length=20, choices=Trigger.choices, default=Trigger.COMMAND
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ผู้สั่งตรวจ (Requested by)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pages_checked = models.PositiveIntegerField("หน้าที่ตรวจ (Pages checked)", default=0)
    links_checked = models.PositiveIntegerField("ลิงก์ภายในที่ตรวจ (Internal links)", default=0)
    external_checked = models.PositiveIntegerField("ลิงก์ภายนอกที่ตรวจ (External links)", default=0)
    new_findings = models.PositiveIntegerField("พบใหม่ (New)", default=0)
    open_errors = models.PositiveIntegerField("ข้อผิดพลาดค้างอยู่ (Open errors)", default=0)
    open_warnings = models.PositiveIntegerField("คำเตือนค้างอยู่ (Open warnings)", default=0)
    fixed_findings = models.PositiveIntegerField("แก้ไขแล้ว (Fixed)", default=0)
    emails_sent = models.PositiveIntegerField("อีเมลที่ส่ง (E-mails sent)", default=0)
    message = models.TextField("หมายเหตุ (Notes)", blank=True)

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"
        verbose_name = "การตรวจเว็บไซต์ (Site check run)"
        verbose_name_plural = "การตรวจเว็บไซต์ (Site check runs)"
        permissions = [("run_site_check", "สั่งตรวจเว็บไซต์ทันที (Can run the site check now)")]

    def __str__(self):
        return f"{self.get_trigger_display()} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def duration(self):
        return self.finished_at - self.started_at if self.finished_at else None


class Finding(models.Model):
    """A problem the check saw on a page. It stays open while later runs see it again and closes
    itself (``fixed_at``) at the first run that no longer does, so time-to-fix is measured."""

    class Source(models.TextChoices):
        CRAWL = "crawl", "การเปิดหน้าเว็บ (Visiting the pages)"
        EXTERNAL = "external", "ลิงก์ภายนอก (External links)"
        CONTENT = "content", "ข้อมูลในระบบ (Content records)"

    key = models.CharField(max_length=64, db_index=True, editable=False)
    source = models.CharField(max_length=10, choices=Source.choices, editable=False)
    kind = models.CharField("ประเภท (Kind)", max_length=40, choices=FindingKind.choices)
    severity = models.CharField("ระดับ (Severity)", max_length=10, choices=Severity.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="หน้า (Page)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_title = models.CharField("ชื่อหน้า (Page title)", max_length=255, blank=True)
    unit = models.ForeignKey(
        "ownership.Unit",
        verbose_name="หน่วยงาน (Unit)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.CharField("ที่อยู่หน้า (Page URL)", max_length=500, blank=True)
    target = models.CharField("สิ่งที่พบ (Target)", max_length=1000, blank=True)
    detail = models.TextField("รายละเอียด (Detail)", blank=True)
    first_seen = models.DateTimeField("พบครั้งแรก (First seen)", db_index=True)
    last_seen = models.DateTimeField("พบล่าสุด (Last seen)")
    fixed_at = models.DateTimeField("แก้ไขแล้วเมื่อ (Fixed at)", null=True, blank=True)
    first_run = models.ForeignKey(
        CheckRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_run = models.ForeignKey(
        CheckRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-first_seen", "pk"]
        verbose_name = "ปัญหาที่ตรวจพบ (Finding)"
        verbose_name_plural = "ปัญหาที่ตรวจพบ (Findings)"
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(fixed_at__isnull=True),
                name="one_open_finding_per_key",
            )
        ]
        indexes = [models.Index(fields=["fixed_at", "unit"], name="finding_open_unit")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page_title}"

    @property
    def is_open(self):
        return self.fixed_at is None

    @property
    def time_to_fix(self):
        return self.fixed_at - self.first_seen if self.fixed_at else None


# --- The yearly operations report (O3) ---------------------------------------------------------


class PeriodKind(models.TextChoices):
    FISCAL = "fiscal", "ปีงบประมาณ (Fiscal year)"
    CALENDAR = "calendar", "ปีปฏิทิน (Calendar year)"


class AnnualNarrative(models.Model):
    """What the web team writes for a year's report: problems, obstacles and suggestions."""

    period = models.CharField(
        "ช่วงเวลา (Period)", max_length=10, choices=PeriodKind.choices, default=PeriodKind.FISCAL
    )
    year = models.PositiveSmallIntegerField("ปี พ.ศ. (Year, B.E.)")
    problems = models.TextField("ปัญหา (Problems)", blank=True)
    obstacles = models.TextField("อุปสรรค (Obstacles)", blank=True)
    suggestions = models.TextField("ข้อเสนอแนะ (Suggestions)", blank=True)
    updated_at = models.DateTimeField("แก้ไขล่าสุด (Updated)", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="แก้ไขโดย (Updated by)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "บันทึกรายงานประจำปี (Yearly report narrative)"
        verbose_name_plural = "บันทึกรายงานประจำปี (Yearly report narratives)"
        constraints = [
            models.UniqueConstraint(fields=["period", "year"], name="one_narrative_per_year")
        ]

    def __str__(self):
        return f"{self.get_period_display()} {self.year}"
