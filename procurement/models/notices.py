"""Procurement notices (H5, S1): the structured record of each step of a procurement."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import BasePage, BasePageForm, choice_display
from core.queries import public
from core.sharing import remember_translated_urls
from news.models import AnnouncementKind, AnnouncementPage
from pagecache.fragments import remember
from procurement.blocks import ProcurementDocumentBlock
from procurement.schools import registered_schools
from thai.dates import arabic_digits
from thai.index import ThaiSearchField


class ProcurementMethod(models.TextChoices):
    E_BIDDING = "e-bidding", _("ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)")
    SPECIFIC = "specific", _("วิธีเฉพาะเจาะจง")
    SELECTION = "selection", _("วิธีคัดเลือก")
    E_MARKET = "e-market", _("ตลาดอิเล็กทรอนิกส์ (e-market)")


class ProcurementStage(models.TextChoices):
    """The step of the procurement a notice publishes, in the order they happen."""

    PLAN = "plan", _("แผนการจัดซื้อจัดจ้าง")
    INVITATION = "invitation", _("ประกาศเชิญชวน / ประกวดราคา")
    REFERENCE_PRICE = "reference-price", _("ประกาศราคากลาง")
    WINNER = "winner", _("ประกาศผู้ชนะการเสนอราคา")
    CONTRACT = "contract", _("สาระสำคัญในสัญญา / ผลการจัดซื้อจัดจ้าง")


# Stages that report a result: they name the winner and may carry the contract.
RESULT_STAGES = (ProcurementStage.WINNER, ProcurementStage.CONTRACT)
STAGE_RANK = {stage: rank for rank, stage in enumerate(ProcurementStage.values)}


class ProcurementStatus(models.TextChoices):
    IN_PROGRESS = "in-progress", _("อยู่ระหว่างการจัดซื้อจัดจ้าง")
    UNDER_CONTRACT = "under-contract", _("อยู่ระหว่างระยะสัญญา")
    COMPLETED = "completed", _("สิ้นสุดระยะสัญญา")
    CANCELLED = "cancelled", _("ยกเลิกการจัดซื้อจัดจ้าง")


class BudgetSource(models.TextChoices):
    ANNUAL = "annual", _("งบประมาณรายจ่ายประจำปี")
    SUBSIDY = "subsidy", _("เงินอุดหนุนเฉพาะกิจ")
    RESERVE = "reserve", _("เงินสะสม")
    OTHER = "other", _("เงินนอกงบประมาณ")


def money_field(verbose_name, **kwargs):
    """Baht with two decimals, never negative."""
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"), message=_("จำนวนเงินต้องไม่ติดลบ"))],
        **kwargs,
    )


def kind_of_stage(stage):
    """The announcement kind a stage is listed under with the other notices (H5)."""
    return AnnouncementKind.WINNER if stage in RESULT_STAGES else AnnouncementKind.PROCUREMENT


def stage_for_kind(kind, stage=None):
    """The stage of a notice known by its announcement kind (as an import knows it): ``stage``
    while it is listed under ``kind``, else the first stage that is (winner, or invitation)."""
    if stage is not None and kind_of_stage(stage) == kind:
        return stage
    if kind == AnnouncementKind.WINNER:
        return ProcurementStage.WINNER
    return ProcurementStage.INVITATION


class ProcurementNoticeForm(BasePageForm):
    """The editor's form: whatever a notice was imported with, the editor's rules apply to
    what is saved from here (``imported_incomplete`` is cleared before the model validates)."""

    def clean(self):
        self.instance.imported_incomplete = False
        return super().clean()


class ProcurementNoticePage(AnnouncementPage):
    """ประกาศจัดซื้อจัดจ้าง / ประกาศผู้ชนะการเสนอราคา, of the municipality or of a school (S1).

    A notice IS an announcement (multi-table inheritance): the announcements listing and the
    home page list it with the other notices in one query on ``AnnouncementPage``. Its
    ``kind`` follows its ``stage`` (winner and contract: winning bid; the others: procurement).
    """

    stage = models.CharField(
        "ขั้นตอน (Stage)",
        max_length=20,
        choices=ProcurementStage.choices,
        default=ProcurementStage.INVITATION,
    )
    get_stage_display = choice_display("stage", ProcurementStage)
    subject = models.CharField(
        "งานที่จัดซื้อหรือจัดจ้าง (Item)",
        max_length=255,
        blank=True,
        help_text="ชื่อรายการสั้น ๆ สำหรับแบบ สขร.๑ และรายการประจำปี ถ้าว่างจะใช้ชื่อประกาศ "
        "(The item as the monthly and annual summaries show it; the title when empty)",
    )
    method = models.CharField(
        "วิธีการจัดหา (Procurement method)",
        max_length=20,
        choices=ProcurementMethod.choices,
        default=ProcurementMethod.E_BIDDING,
    )
    get_method_display = choice_display("method", ProcurementMethod)
    status = models.CharField(
        "สถานะการจัดซื้อจัดจ้าง (Status)",
        max_length=20,
        choices=ProcurementStatus.choices,
        default=ProcurementStatus.IN_PROGRESS,
    )
    get_status_display = choice_display("status", ProcurementStatus)
    # Required of every notice saved in the editor (``blank=False``); empty only on a notice
    # imported from the old site without it (``imported_incomplete``).
    budget = money_field("งบประมาณ (Budget, baht)", null=True)
    budget_source = models.CharField(
        "แหล่งที่มาของงบประมาณ (Budget source)",
        max_length=20,
        choices=BudgetSource.choices,
        default=BudgetSource.ANNUAL,
    )
    get_budget_source_display = choice_display("budget_source", BudgetSource)
    reference_price = money_field("ราคากลาง (Reference price, baht)", null=True, blank=True)
    egp_number = models.CharField(
        "เลขที่โครงการ e-GP (e-GP project number)",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^[0-9]+$", message=_("เลขที่โครงการ e-GP ต้องเป็นตัวเลขเท่านั้น"))],
        help_text="เลขที่โครงการในระบบการจัดซื้อจัดจ้างภาครัฐ เช่น 69019123456 "
        "(The project number in the government e-GP system)",
    )
    winner_name = models.CharField(
        "ผู้ชนะการเสนอราคา (Winning bidder)",
        max_length=255,
        blank=True,
        help_text="สำหรับประกาศผู้ชนะและสาระสำคัญในสัญญา (For winner and contract notices)",
    )
    agreed_price = money_field(
        "ราคาที่ตกลงซื้อหรือจ้าง (Agreed price, baht)",
        null=True,
        blank=True,
        help_text="สำหรับประกาศผู้ชนะและสาระสำคัญในสัญญา (For winner and contract notices)",
    )
    reason = models.TextField(
        "เหตุผลที่คัดเลือกโดยสังเขป (Reason for the choice)",
        blank=True,
        help_text="ต้องระบุเมื่อราคาที่ตกลงสูงกว่างบประมาณ (Required when the agreed price "
        "exceeds the budget)",
    )
    contract_number = models.CharField(
        "เลขที่สัญญาหรือใบสั่ง (Contract number)", max_length=50, blank=True
    )
    contract_date = models.DateField(
        "วันที่ทำสัญญาหรือใบสั่ง (Contract date)",
        null=True,
        blank=True,
        help_text="เดือนของวันนี้คือเดือนที่รายการนี้ปรากฏในแบบ สขร.๑ "
        "(The month of this date is the month whose summary lists the procurement)",
    )
    # An old-site notice imported as it was, without what the editor requires of a new notice
    # (budget; winner and agreed price for a result). Its validation lets those be empty, the
    # daily site check lists it for its unit, and the editor's form clears the mark: the full
    # rules apply once someone edits it (ProcurementNoticeForm).
    imported_incomplete = models.BooleanField(
        "นำเข้าโดยข้อมูลยังไม่ครบ (Incomplete, imported)", default=False, editable=False
    )
    documents = StreamField(
        [("document", ProcurementDocumentBlock())],
        blank=True,
        verbose_name="เอกสารจัดซื้อจัดจ้าง (Procurement documents)",
        help_text="ประกาศ ขอบเขตของงาน (TOR) ตารางราคากลาง สัญญา "
        "(The announcement, TOR, reference price table, contract)",
    )

    base_form_class = ProcurementNoticeForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("stage"),
        FieldPanel("date"),
        FieldPanel("fiscal_year"),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldRowPanel([FieldPanel("method"), FieldPanel("status")]),
                FieldPanel("egp_number"),
                FieldRowPanel([FieldPanel("budget"), FieldPanel("budget_source")]),
                FieldPanel("reference_price"),
            ],
            heading="ข้อมูลการจัดซื้อจัดจ้าง (Procurement details)",
        ),
        InlinePanel(
            "bidders",
            heading="ผู้เสนอราคาและราคาที่เสนอ (Bidders and their prices)",
            label="ผู้เสนอราคา (Bidder)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("winner_name"),
                FieldPanel("agreed_price"),
                FieldPanel("reason"),
                FieldRowPanel([FieldPanel("contract_number"), FieldPanel("contract_date")]),
            ],
            heading="ผลการจัดซื้อจัดจ้าง (Result)",
        ),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("attachments"),
    ]
    search_fields = [
        *AnnouncementPage.search_fields,
        ThaiSearchField("subject"),
        ThaiSearchField("winner_name"),
        ThaiSearchField("egp_number"),
        ThaiSearchField("method"),
        ThaiSearchField("stage"),
        ThaiSearchField("contract_number"),
        index.RelatedFields("bidders", [ThaiSearchField("name")]),
        index.FilterField("method"),
        index.FilterField("stage"),
    ]
    override_translatable_fields = [
        SynchronizedField("egp_number"),
        SynchronizedField("winner_name"),
        SynchronizedField("contract_number"),
    ]
    # API v2: /api/v2/pages/?type=procurement.ProcurementNoticePage&fields=*
    api_fields = [
        APIField(name)
        for name in (
            "kind",
            "stage",
            "date",
            "fiscal_year",
            "subject",
            "method",
            "status",
            "budget",
            "budget_source",
            "reference_price",
            "egp_number",
            "winner_name",
            "agreed_price",
            "reason",
            "contract_number",
            "contract_date",
            "bidders",
            "documents",
        )
    ]

    parent_page_types = ["news.AnnouncementIndexPage", "schools.SchoolPage"]
    subpage_types = []

    class Meta:
        verbose_name = "ประกาศจัดซื้อจัดจ้าง (Procurement notice)"
        verbose_name_plural = "ประกาศจัดซื้อจัดจ้าง (Procurement notices)"

    @property
    def item(self):
        """The item as the summaries list it."""
        return self.subject or self.title

    def missing_fields(self):
        """The names of the fields the editor requires that this notice lacks."""
        missing = ["budget"] if self.budget is None else []
        if self.stage in RESULT_STAGES and not self.imported_incomplete:
            if not self.winner_name.strip():
                missing.append("winner_name")
            if self.agreed_price is None:
                missing.append("agreed_price")
        return missing

    def clean_fields(self, exclude=None):
        # Editors may type the e-GP number with Thai digits or spaces.
        if self.egp_number:
            self.egp_number = arabic_digits(self.egp_number).replace(" ", "").strip()
        if self.imported_incomplete and self.budget is None:
            exclude = {*(exclude or ()), "budget"}
        super().clean_fields(exclude=exclude)

    def set_derived_fields(self):
        """The kind follows the stage (``kind_of_stage``), and the fiscal year the date."""
        super().set_derived_fields()
        self.kind = kind_of_stage(self.stage)

    def clean(self):
        super().clean()
        errors = {}
        if self.stage in RESULT_STAGES and not self.imported_incomplete:
            if not self.winner_name.strip():
                errors["winner_name"] = _("ประกาศผู้ชนะการเสนอราคาต้องระบุชื่อผู้ชนะการเสนอราคา")
            if self.agreed_price is None:
                errors["agreed_price"] = _("ประกาศผู้ชนะการเสนอราคาต้องระบุราคาที่ตกลงซื้อหรือจ้าง")
        if self.stage == ProcurementStage.CONTRACT:
            if not self.contract_number.strip():
                errors["contract_number"] = _("สาระสำคัญในสัญญาต้องระบุเลขที่สัญญาหรือใบสั่ง")
            if self.contract_date is None:
                errors["contract_date"] = _("สาระสำคัญในสัญญาต้องระบุวันที่ทำสัญญาหรือใบสั่ง")
        if (
            self.agreed_price is not None
            and self.budget is not None
            and self.agreed_price > self.budget
            and not self.reason.strip()
        ):
            errors.setdefault(
                "agreed_price",
                _("ราคาที่ตกลงซื้อหรือจ้างสูงกว่างบประมาณ ต้องระบุเหตุผลที่คัดเลือก"),
            )
        if errors:
            raise ValidationError(errors)

    def project_stages(self, request=None):
        """Every live public notice of this notice's project (the same e-GP number), this one
        included, in the order of the stages (plan, invitation, reference price, winner,
        contract) then by date: in the language served, or Thai where not translated.

        One query, none without an e-GP number; it loads this notice's own translations too
        (they carry the same number), which the language switcher and the ``hreflang`` links
        then use instead of a query of their own (``core.sharing.translated_urls``).
        """
        if not self.egp_number:
            return []
        stage_order = models.Case(
            *[models.When(stage=stage, then=rank) for stage, rank in STAGE_RANK.items()],
            output_field=models.IntegerField(),
        )
        rows = list(
            public(ProcurementNoticePage.objects.live())
            .filter(egp_number=self.egp_number)
            .select_related("locale")
            .order_by(stage_order, "date", "pk")
        )
        remember_translated_urls(
            self,
            {
                row.locale.language_code: row.get_url(request)
                for row in rows
                if row.translation_key == self.translation_key
            },
        )
        language = get_language() or settings.LANGUAGE_CODE
        chosen = {}
        for row in rows:
            code = row.locale.language_code
            if code == language or (
                code == settings.LANGUAGE_CODE and row.translation_key not in chosen
            ):
                chosen[row.translation_key] = row
        return list(chosen.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Kept under the content version (its content is too: ``{% fragment %}`` in
        # ``procurement/procurement_notice_page.html``), read before the page's head, whose
        # translations it gives when it is read from the database.
        context["stages"] = remember(
            request, "procurement-stages", lambda: self.project_stages(request), self.pk
        )
        return context

    @classmethod
    def listing(cls):
        """Live public notices in the language served (or Thai), newest first, each with its
        unit and, for a school's notice, the school's title and slug (no extra query)."""
        return with_school(super().listing())

    @classmethod
    def records(cls):
        """Every live public notice as data: the Thai pages, with unit, school and bidders."""
        items = public(cls.objects.live()).filter(locale__language_code=settings.LANGUAGE_CODE)
        items = items.select_related("responsible_unit").prefetch_related("bidders")
        return with_school(items)


def with_school(notices):
    """``notices`` annotated with ``school_title`` and ``school_slug``: those of the parent
    page when it is a school, else None (a subquery on the parent's tree path)."""
    parent = registered_schools().page_model.objects.filter(
        path=Substr(models.OuterRef("path"), 1, Length(models.OuterRef("path")) - Page.steplen)
    )
    return notices.annotate(
        school_title=models.Subquery(parent.values("title")[:1]),
        school_slug=models.Subquery(parent.values("slug")[:1]),
    )


class ProcurementBidder(TranslatableMixin, Orderable):
    """A bidder of a procurement and the price it offered (รายชื่อผู้เสนอราคาและราคาที่เสนอ)."""

    page = ParentalKey(ProcurementNoticePage, on_delete=models.CASCADE, related_name="bidders")
    name = models.CharField("ชื่อผู้เสนอราคา (Bidder)", max_length=255)
    price = money_field("ราคาที่เสนอ (Price offered, baht)")

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("price")])]
    api_fields = [APIField("name"), APIField("price")]
    override_translatable_fields = [SynchronizedField("name"), SynchronizedField("price")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = "ผู้เสนอราคา (Bidder)"
        verbose_name_plural = "ผู้เสนอราคา (Bidders)"

    def __str__(self):
        return self.name
