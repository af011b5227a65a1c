"""The ITA assessment years and their OIT items, as data the web team edits in the admin.

The NACC renumbers and rewords the items every year, so a year's list is copied to the next
(``copy_to``) and edited there, never written in code.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.i18n import localized
from thai.dates import fiscal_year, fiscal_year_bounds
from transparency.sources import source_choices

MIN_YEAR = 2560
MAX_YEAR = 2700
year_validators = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]


class Indicator(models.TextChoices):
    DISCLOSURE = "disclosure", "การเปิดเผยข้อมูล (Disclosure of information)"
    PREVENTION = "prevention", "การป้องกันการทุจริต (Prevention of corruption)"


class Period(models.TextChoices):
    CURRENT = "current", "ปีงบประมาณปัจจุบัน (Current fiscal year)"
    FIRST_HALF = "first_half", "6 เดือนแรกของปีงบประมาณ (First six months of the fiscal year)"
    PREVIOUS = "previous", "ปีงบประมาณที่ผ่านมา (Previous fiscal year)"
    STANDING = "standing", "ข้อมูลที่เป็นปัจจุบัน (Standing information)"


def period_range(fiscal_year_be, period):
    """First and last day the evidence of ``period`` must fall in, or None for standing."""
    if period == Period.STANDING:
        return None
    if period == Period.PREVIOUS:
        return fiscal_year_bounds(fiscal_year_be - 1)
    first, last = fiscal_year_bounds(fiscal_year_be)
    if period == Period.FIRST_HALF:
        return first, datetime.date(first.year + 1, 3, 31)
    return first, last


def evidence_fiscal_year(fiscal_year_be, period):
    """The fiscal year documents of ``period`` must be tagged with, or None for standing."""
    if period == Period.STANDING:
        return None
    return fiscal_year_be - 1 if period == Period.PREVIOUS else fiscal_year_be


def current_of(years, today=None):
    """The year being assessed among ``years``: the one of today's fiscal year, else the
    latest before it, else the earliest there is."""
    fiscal = fiscal_year(today or timezone.localdate())
    newest_first = sorted(years, key=lambda y: -y.year)
    return (
        next((y for y in newest_first if y.fiscal_year == fiscal), None)
        or next((y for y in newest_first if y.fiscal_year < fiscal), None)
        or (newest_first[-1] if newest_first else None)
    )


class AssessmentYearQuerySet(models.QuerySet):
    def current(self, today=None):
        return current_of(list(self), today)


class AssessmentYear(models.Model):
    """One year of the Integrity and Transparency Assessment (ITA), e.g. ITA 2569.

    The IIT and EIT survey links live here rather than in a site setting: they change every
    year, belong to that year's assessment, and are shown only during its window.
    """

    year = models.PositiveSmallIntegerField(
        "ปีการประเมิน พ.ศ. (Assessment year, B.E.)", unique=True, validators=year_validators
    )
    fiscal_year = models.PositiveSmallIntegerField(
        "ปีงบประมาณที่ประเมิน พ.ศ. (Fiscal year assessed, B.E.)",
        validators=year_validators,
        help_text="โดยปกติเท่ากับปีการประเมิน (Usually the same as the assessment year)",
    )
    survey_opens = models.DateField("เปิดแบบสำรวจ (Surveys open)", null=True, blank=True)
    survey_closes = models.DateField("ปิดแบบสำรวจ (Surveys close)", null=True, blank=True)
    iit_url = models.URLField(
        "ลิงก์แบบสำรวจ IIT (Internal survey link)",
        blank=True,
        help_text="แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน สำหรับบุคลากร "
        "(Internal Integrity and Transparency Assessment, for staff)",
    )
    eit_url = models.URLField(
        "ลิงก์แบบสำรวจ EIT (External survey link)",
        blank=True,
        help_text="แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก สำหรับประชาชนและผู้ติดต่อ "
        "(External Integrity and Transparency Assessment, for citizens)",
    )

    objects = AssessmentYearQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("fiscal_year")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("survey_opens"), FieldPanel("survey_closes")]),
                FieldPanel("iit_url"),
                FieldPanel("eit_url"),
            ],
            heading="แบบสำรวจ IIT และ EIT (IIT and EIT surveys)",
            help_text="ลิงก์แสดงบนหน้า ITA ระหว่างวันเปิดและปิดแบบสำรวจ "
            "(The links show on the ITA page between these dates)",
        ),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = "ปีการประเมิน ITA (ITA assessment year)"
        verbose_name_plural = "ปีการประเมิน ITA (ITA assessment years)"

    def __str__(self):
        return f"ITA {self.year}"

    def save(self, *args, **kwargs):
        if self.fiscal_year is None:
            self.fiscal_year = self.year
        super().save(*args, **kwargs)

    def period_bounds(self, period):
        """First and last day the evidence of ``period`` must fall in, or None for standing."""
        return period_range(self.fiscal_year, period)

    def evidence_year(self, period):
        """The fiscal year the evidence of ``period`` belongs to (the assessed one for
        standing information)."""
        return evidence_fiscal_year(self.fiscal_year, period) or self.fiscal_year

    def clean(self):
        super().clean()
        if self.fiscal_year is None and self.year:
            self.fiscal_year = self.year
        if self.survey_opens and self.survey_closes and self.survey_closes < self.survey_opens:
            raise ValidationError(
                {"survey_closes": "วันปิดต้องไม่ก่อนวันเปิด (The surveys cannot close before they open)"}
            )

    def surveys_open(self, today=None):
        """Whether today falls in the survey window and there is a link to show."""
        if not (self.survey_opens and self.survey_closes and (self.iit_url or self.eit_url)):
            return False
        return self.survey_opens <= (today or timezone.localdate()) <= self.survey_closes

    @transaction.atomic
    def copy_to(self, year):
        """A new assessment year ``year`` with a copy of this year's items and their evidence
        links (the new year's fiscal year moves on by the same number of years)."""
        new = AssessmentYear.objects.create(
            year=year, fiscal_year=self.fiscal_year + (year - self.year)
        )
        for item in self.items.prefetch_related("links"):
            links = list(item.links.all())
            item.pk = None
            item.year = new
            item.save()
            EvidenceLink.objects.bulk_create(
                EvidenceLink(
                    item=item,
                    sort_order=link.sort_order,
                    title=link.title,
                    title_en=link.title_en,
                    page_id=link.page_id,
                    document_id=link.document_id,
                    document_fiscal_year=link.document_fiscal_year,
                    source=link.source,
                )
                for link in links
            )
        return new


class OITItem(ClusterableModel):
    """One OIT item of a year: what the assessors look for and where the portal shows it."""

    year = models.ForeignKey(
        AssessmentYear,
        verbose_name="ปีการประเมิน (Assessment year)",
        on_delete=models.CASCADE,
        related_name="items",
    )
    sort_order = models.PositiveSmallIntegerField("ลำดับ (Order)", default=0)
    code = models.CharField("รหัส (Code)", max_length=10, help_text="เช่น O11 (e.g. O11)")
    title = models.CharField("ชื่อข้อ (Title)", max_length=300)
    title_en = models.CharField("ชื่อข้อภาษาอังกฤษ (Title in English)", max_length=300, blank=True)
    indicator = models.CharField("ตัวชี้วัด (Indicator)", max_length=20, choices=Indicator.choices)
    period = models.CharField(
        "ช่วงเวลาของหลักฐาน (Evidence period)",
        max_length=20,
        choices=Period.choices,
        default=Period.CURRENT,
    )
    requirements = models.TextField("หลักฐานต้องมี (What the evidence must contain)", blank=True)
    requirements_en = models.TextField(
        "หลักฐานต้องมี ภาษาอังกฤษ (What the evidence must contain, in English)", blank=True
    )
    wording_confirmed = models.BooleanField(
        "ตรวจสอบถ้อยคำกับคู่มือ ป.ป.ช. แล้ว (Wording checked against the NACC manual)",
        default=False,
        help_text="เว้นไว้ถ้ายังต้องตรวจกับคู่มือการประเมิน ITA ของปีนั้น "
        "(Leave unticked while it must still be checked against that year's ITA manual)",
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("code"), FieldPanel("sort_order")]),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("period")]),
        FieldPanel("requirements"),
        FieldPanel("requirements_en"),
        FieldPanel("wording_confirmed"),
        InlinePanel(
            "links",
            heading="หลักฐาน (Evidence links)",
            label="ลิงก์หลักฐาน (Evidence link)",
            help_text="หน้าเว็บ เอกสาร หรือแหล่งข้อมูลที่ระบบสร้างให้ ใส่อย่างใดอย่างหนึ่งต่อแถว "
            "(A page, a document or a source the portal generates: one per row)",
        ),
    ]

    class Meta:
        ordering = ["year", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="transparency_item_code_per_year")
        ]
        verbose_name = "ข้อ OIT (OIT item)"
        verbose_name_plural = "ข้อ OIT (OIT items)"

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def localized_title(self):
        return localized(self.title, self.title_en)

    @property
    def localized_requirements(self):
        return localized(self.requirements, self.requirements_en)


class EvidenceLink(Orderable):
    """Where the evidence of an item is: a page, a document, or a source the portal generates
    (``transparency.sources``), exactly one of them."""

    item = ParentalKey(OITItem, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(
        "ชื่อที่แสดง (Label)",
        max_length=300,
        blank=True,
        help_text="เว้นว่างเพื่อใช้ชื่อหน้าหรือเอกสาร (Empty: the page's or document's title)",
    )
    title_en = models.CharField("Label in English", max_length=300, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="หน้าเว็บ (Page)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="เอกสาร (Document)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document_fiscal_year = models.PositiveSmallIntegerField(
        "เอกสารของปีงบประมาณ พ.ศ. (Document's fiscal year, B.E.)",
        null=True,
        blank=True,
        validators=year_validators,
        help_text="ปีงบประมาณที่เอกสารนี้เป็นหลักฐาน (The fiscal year this document is evidence for)",
    )
    source = models.CharField(
        "แหล่งข้อมูลที่ระบบสร้าง (Generated source)",
        max_length=40,
        blank=True,
        choices=source_choices,
        help_text="ข้อมูลที่ระบบรวบรวมให้ตามช่วงเวลาของข้อ เช่น สรุปผลการจัดซื้อจัดจ้างรายเดือน "
        "(Gathered by the portal for the item's period, e.g. the monthly procurement summaries)",
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")]),
        FieldPanel("page"),
        FieldRowPanel([FieldPanel("document"), FieldPanel("document_fiscal_year")]),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "ลิงก์หลักฐาน (Evidence link)"
        verbose_name_plural = "ลิงก์หลักฐาน (Evidence links)"

    def __str__(self):
        return self.title or self.source or str(self.page or self.document or "")

    def clean(self):
        super().clean()
        chosen = [bool(self.page_id), bool(self.document_id), bool(self.source)]
        if sum(chosen) != 1:
            raise ValidationError(
                "เลือกหน้าเว็บ เอกสาร หรือแหล่งข้อมูลอย่างใดอย่างหนึ่ง "
                "(Choose exactly one: a page, a document or a generated source)"
            )

    @property
    def localized_title(self):
        return localized(self.title, self.title_en)
