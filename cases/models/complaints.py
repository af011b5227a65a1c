"""Complaints as cases: categories with their time limits, the tracking-number sequence, the
case itself with its status history, internal notes and attachments."""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ownership.models import Unit
from pagecache.purge import bump
from portal import storage
from portal.i18n import localized
from thai.dates import arabic_digits, be_year

TRACKING_PREFIX = "นว"


def private_storage():
    """Attachments are personal data, kept in ``STORAGES["private"]`` (``CASES_FILES_ROOT`` or
    the private bucket, ``portal.storage``), served to staff only through the admin
    (``cases.admin_views.attachment``), never by the web server."""
    return storage.private_storage


class ComplaintCategory(models.Model):
    """A kind of complaint with its time limit (data, editable by staff)."""

    class Kind(models.TextChoices):
        GENERAL = "general", "เรื่องเดือดร้อนทั่วไป (General trouble)"
        CORRUPTION = "corruption", "ทุจริตและประพฤติมิชอบ (Corruption and misconduct)"

    name = models.CharField("ชื่อประเภท (Name)", max_length=100, unique=True)
    name_en = models.CharField("Name in English", max_length=100, blank=True)
    slug = models.SlugField("รหัส (Code)", max_length=50, unique=True)
    kind = models.CharField(
        "กลุ่ม (Kind)",
        max_length=20,
        choices=Kind.choices,
        default=Kind.GENERAL,
        help_text="เรื่องทุจริตเห็นได้เฉพาะกลุ่มผู้รับเรื่องทุจริต "
        "(Corruption reports are seen only by their restricted group)",
    )
    time_limit_days = models.PositiveSmallIntegerField(
        "กำหนดเวลาดำเนินการ (วัน) (Time limit, days)", default=15
    )
    default_unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงานที่มักรับผิดชอบ (Usual unit)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField("ลำดับ (Order)", default=0)
    active = models.BooleanField("เปิดรับเรื่อง (Open for new complaints)", default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "ประเภทเรื่องร้องเรียน (Complaint category)"
        verbose_name_plural = "ประเภทเรื่องร้องเรียน (Complaint categories)"

    def __str__(self):
        return self.name

    @property
    def localized_name(self):
        return localized(self.name, self.name_en)

    @property
    def is_corruption(self):
        return self.kind == self.Kind.CORRUPTION


class TrackingSequence(models.Model):
    """The last tracking number given in a Buddhist Era year. Incremented by an UPDATE, which
    locks the row until the transaction ends (PostgreSQL) or the whole database (SQLite), so two
    complaints filed at the same moment never get the same number."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "ลำดับเลขที่เรื่อง (Tracking sequence)"

    def __str__(self):
        return f"{self.year}: {self.last}"

    @classmethod
    def next_number(cls, year):
        """The next sequence number of ``year``; call it inside the transaction that saves the
        case, so that a failed save gives the number back."""
        with transaction.atomic():
            cls.objects.get_or_create(year=year)
            cls.objects.filter(year=year).update(last=F("last") + 1)
            return cls.objects.filter(year=year).values_list("last", flat=True).get()


class Status(models.TextChoices):
    RECEIVED = "received", "รับเรื่องแล้ว (Received)"
    ASSIGNED = "assigned", "ส่งหน่วยงานแล้ว (Assigned to a unit)"
    IN_PROGRESS = "in_progress", "อยู่ระหว่างดำเนินการ (In progress)"
    RESOLVED = "resolved", "ดำเนินการแล้วเสร็จ (Resolved)"
    REJECTED = "rejected", "ยุติเรื่อง (Rejected)"


OPEN_STATUSES = (Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS)
CLOSED_STATUSES = (Status.RESOLVED, Status.REJECTED)
# What the citizen reads on the status page and in e-mails (the admin labels are bilingual).
PUBLIC_STATUS = {
    Status.RECEIVED: _("รับเรื่องแล้ว"),
    Status.ASSIGNED: _("ส่งหน่วยงานที่รับผิดชอบแล้ว"),
    Status.IN_PROGRESS: _("อยู่ระหว่างดำเนินการ"),
    Status.RESOLVED: _("ดำเนินการแล้วเสร็จ"),
    Status.REJECTED: _("ยุติเรื่อง"),
}


class ComplaintQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now=None):
        return self.open().filter(due_at__lt=now or timezone.now())


class Complaint(models.Model):
    """One complaint (ร้องเรียน/ร้องทุกข์) or corruption report, followed as a case."""

    number = models.CharField("เลขที่เรื่อง (Tracking number)", max_length=20, unique=True)
    year = models.PositiveSmallIntegerField("ปี พ.ศ. (Year, BE)")
    sequence = models.PositiveIntegerField("ลำดับ (Sequence)")
    secret_hash = models.CharField(max_length=64, editable=False)
    category = models.ForeignKey(
        ComplaintCategory,
        verbose_name="ประเภท (Category)",
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    description = models.TextField("รายละเอียด (Description)")
    place = models.CharField("สถานที่ (Place)", max_length=300, blank=True)
    anonymous = models.BooleanField("ไม่ประสงค์ออกนาม (Anonymous)", default=False)
    contact_name = models.CharField("ชื่อผู้ร้องเรียน (Name)", max_length=200, blank=True)
    contact_phone = models.CharField("โทรศัพท์ (Phone)", max_length=30, blank=True)
    contact_email = models.EmailField("อีเมล (E-mail)", blank=True)
    status = models.CharField(
        "สถานะ (Status)", max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงานที่รับผิดชอบ (Unit)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    received_at = models.DateTimeField("วันที่รับเรื่อง (Received)", default=timezone.now)
    due_at = models.DateTimeField("กำหนดแล้วเสร็จ (Due)")
    assigned_at = models.DateTimeField("วันที่ส่งหน่วยงาน (Assigned)", null=True, blank=True)
    closed_at = models.DateTimeField("วันที่ปิดเรื่อง (Closed)", null=True, blank=True)
    resolution = models.TextField("ผลการดำเนินการหรือเหตุผลที่ยุติเรื่อง (Outcome or reason)", blank=True)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="รับผ่านหน้า (Filed through)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anonymised_at = models.DateTimeField("ลบข้อมูลส่วนบุคคลเมื่อ (Anonymised)", null=True)
    # The complainant's rating of how a closed case was handled, given once (``rate``).
    rating = models.PositiveSmallIntegerField(
        "ความพึงพอใจ 1–5 (Satisfaction 1–5)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.TextField("ความเห็นต่อการดำเนินการ (Comment)", blank=True)
    rated_at = models.DateTimeField("วันที่ให้คะแนน (Rated)", null=True, blank=True)
    # The nonce of the form token it was filed with: a token files one case only.
    # NULL (not "") for those made without a form, so that the nonces alone are unique.
    form_nonce = models.CharField(max_length=32, unique=True, null=True, editable=False)  # noqa: DJ001

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "เรื่องร้องเรียน (Complaint)"
        verbose_name_plural = "เรื่องร้องเรียน (Complaints)"
        default_permissions = ("view", "change")
        permissions = [
            ("view_personal_data", "ดูข้อมูลส่วนบุคคลของผู้ร้องเรียน (See complainants' details)"),
            ("view_corruption", "ดูและดำเนินการเรื่องทุจริต (See and handle corruption reports)"),
            ("handle_all_units", "รับและส่งต่อเรื่องทุกหน่วยงาน (Receive and assign all cases)"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="one_number_per_sequence")
        ]
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self):
        return self.number

    @classmethod
    def file(cls, category, secret=None, **fields):
        """Save a new case with the next tracking number; returns ``(case, secret)``: the
        secret of the private status link, kept only as a hash."""
        secret = secret or secrets.token_urlsafe(24)
        now = fields.pop("received_at", None) or timezone.now()
        if fields.get("anonymous"):
            for name in ("contact_name", "contact_phone", "contact_email"):
                fields[name] = ""
        with transaction.atomic():
            year = be_year(now)
            sequence = TrackingSequence.next_number(year)
            case = cls.objects.create(
                number=f"{TRACKING_PREFIX}-{year}-{sequence:06d}",
                year=year,
                sequence=sequence,
                secret_hash=hash_secret(secret),
                category=category,
                received_at=now,
                due_at=now + datetime.timedelta(days=category.time_limit_days),
                **fields,
            )
            CaseEvent.objects.create(complaint=case, status=Status.RECEIVED, created_at=now)
        return case, secret

    def secret_matches(self, secret):
        return hmac.compare_digest(self.secret_hash, hash_secret(secret))

    @property
    def short_number(self):
        """The number without its prefix, as it appears in the status link: ``2569-000123``."""
        return f"{self.year}-{self.sequence:06d}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, now=None):
        return self.is_open and self.due_at < (now or timezone.now())

    @property
    def public_status(self):
        return PUBLIC_STATUS[self.status]

    @property
    def has_contact(self):
        return bool(self.contact_name or self.contact_phone or self.contact_email)

    @property
    def may_be_rated(self):
        return self.status in CLOSED_STATUSES and self.rating is None

    def rate(self, rating, comment=""):
        """Record the complainant's rating of a closed case, once: True when it was recorded,
        False when the case is open or was rated already (a single conditional UPDATE, so two
        submissions at once count once)."""
        now = timezone.now()
        recorded = Complaint.objects.filter(
            pk=self.pk, status__in=CLOSED_STATUSES, rating__isnull=True
        ).update(rating=rating, rating_comment=comment, rated_at=now)
        if recorded:
            self.rating, self.rating_comment, self.rated_at = rating, comment, now
            # An UPDATE sends no signal: the published statistics count ratings, so the
            # content version is raised here (pagecache.purge; cached and kept pages).
            bump()
        return bool(recorded)

    def contact_matches(self, contact):
        """Whether ``contact`` is the phone number or e-mail address the complainant gave,
        compared in constant time (see ``matching_contact``)."""
        return matching_contact(contact, self.contact_phone, self.contact_email)


def normalise_contact(text):
    """A phone number as its digits (Thai digits too, +66 as 0), an e-mail address in lower
    case: the forms in which a complainant may type what they gave."""
    text = arabic_digits(str(text or "").strip())
    if "@" in text:
        return text.lower()
    digits = "".join(character for character in text if character.isdigit())
    if text.startswith("+66") or (digits.startswith("66") and len(digits) == 11):
        digits = "0" + digits[2:]
    return digits


def matching_contact(contact, phone, email):
    """Whether ``contact`` equals ``phone`` or ``email`` once normalised; an empty one never
    matches. Both comparisons always run, in constant time, so that the answer takes as long
    whatever matched (the lookup also runs it when there is no case, against nothing)."""
    given = normalise_contact(contact).encode()
    phone_matches = hmac.compare_digest(given, normalise_contact(phone).encode())
    email_matches = hmac.compare_digest(given, normalise_contact(email).encode())
    return bool(given) and (phone_matches or email_matches)


def hash_secret(secret):
    return hashlib.sha256(str(secret).encode()).hexdigest()


class CaseEvent(models.Model):
    """A step of a case: a change of status (shown to the citizen with its date) or an internal
    note (``status`` empty; staff only)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField("เมื่อ (When)", default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="โดย (By)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        "สถานะใหม่ (New status)", max_length=20, choices=Status.choices, blank=True
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField("บันทึกภายใน (Internal note)", blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "ความเคลื่อนไหวของเรื่อง (Case event)"

    def __str__(self):
        return f"{self.complaint_id} {self.status or 'note'}"

    @property
    def public_status(self):
        return PUBLIC_STATUS.get(self.status, "")


class CaseAttachment(models.Model):
    """A photo or PDF sent with a complaint, checked by content (``cases.uploads``)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to="cases/%Y/%m/")
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = "ไฟล์แนบ (Attachment)"

    def __str__(self):
        return self.file.name
