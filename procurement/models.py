from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import BasePage, BasePageForm
from core.thai import arabic_digits
from news.models import AnnouncementKind, AnnouncementPage
from search.index import ThaiSearchField

PROCUREMENT_KINDS = (AnnouncementKind.PROCUREMENT, AnnouncementKind.WINNER)


class ProcurementMethod(models.TextChoices):
    E_BIDDING = "e-bidding", _("ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)")
    SPECIFIC = "specific", _("วิธีเฉพาะเจาะจง")
    SELECTION = "selection", _("วิธีคัดเลือก")
    E_MARKET = "e-market", _("ตลาดอิเล็กทรอนิกส์ (e-market)")


def money_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"), message=_("จำนวนเงินต้องไม่ติดลบ"))],
        **kwargs,
    )


class ProcurementNoticeForm(BasePageForm):
    """Offers only the two kinds a procurement notice can have."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("kind")
        if field:
            field.choices = [
                (value, label) for value, label in field.choices if value in PROCUREMENT_KINDS
            ]


class ProcurementNoticePage(AnnouncementPage):
    """ประกาศจัดซื้อจัดจ้าง / ประกาศผู้ชนะการเสนอราคา, of the municipality or of a school (S1).

    A notice IS an announcement (multi-table inheritance): the announcements listing and the
    home page list it with the other notices in one query on ``AnnouncementPage``.
    """

    method = models.CharField(
        "วิธีการจัดหา (Procurement method)",
        max_length=20,
        choices=ProcurementMethod.choices,
        default=ProcurementMethod.E_BIDDING,
    )
    budget = money_field("งบประมาณ (Budget, baht)")
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
        help_text="สำหรับประกาศผู้ชนะการเสนอราคา (For winning-bid notices)",
    )
    agreed_price = money_field(
        "ราคาที่ตกลงซื้อหรือจ้าง (Agreed price, baht)",
        null=True,
        blank=True,
        help_text="สำหรับประกาศผู้ชนะการเสนอราคา (For winning-bid notices)",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("fiscal_year"),
        MultiFieldPanel(
            [
                FieldPanel("method"),
                FieldPanel("egp_number"),
                FieldPanel("budget"),
                FieldPanel("reference_price"),
                FieldPanel("winner_name"),
                FieldPanel("agreed_price"),
            ],
            heading="ข้อมูลการจัดซื้อจัดจ้าง (Procurement details)",
        ),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = [
        *AnnouncementPage.search_fields,
        ThaiSearchField("winner_name"),
        ThaiSearchField("egp_number"),
        ThaiSearchField("method"),
        index.FilterField("method"),
    ]
    override_translatable_fields = [
        SynchronizedField("egp_number"),
        SynchronizedField("winner_name"),
    ]
    base_form_class = ProcurementNoticeForm

    parent_page_types = ["news.AnnouncementIndexPage", "schools.SchoolPage"]
    subpage_types = []

    class Meta:
        verbose_name = "ประกาศจัดซื้อจัดจ้าง (Procurement notice)"
        verbose_name_plural = "ประกาศจัดซื้อจัดจ้าง (Procurement notices)"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new notice (not one loaded from the database) starts as a procurement notice.
        if not args and "kind" not in kwargs:
            self.kind = AnnouncementKind.PROCUREMENT

    def clean_fields(self, exclude=None):
        # Editors may type the e-GP number with Thai digits or spaces.
        if self.egp_number:
            self.egp_number = arabic_digits(self.egp_number).replace(" ", "").strip()
        super().clean_fields(exclude=exclude)

    def clean(self):
        super().clean()
        errors = {}
        if self.kind not in PROCUREMENT_KINDS:
            errors["kind"] = _(
                "ประกาศจัดซื้อจัดจ้างต้องเป็นประเภท “ประกาศจัดซื้อจัดจ้าง” หรือ “ประกาศผู้ชนะการเสนอราคา” เท่านั้น"
            )
        elif self.kind == AnnouncementKind.WINNER:
            if not self.winner_name.strip():
                errors["winner_name"] = _("ประกาศผู้ชนะการเสนอราคาต้องระบุชื่อผู้ชนะการเสนอราคา")
            if self.agreed_price is None:
                errors["agreed_price"] = _("ประกาศผู้ชนะการเสนอราคาต้องระบุราคาที่ตกลงซื้อหรือจ้าง")
        if errors:
            raise ValidationError(errors)
