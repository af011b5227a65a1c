"""The documents of a procurement notice, each with its role (announcement, TOR, …)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

DOCUMENT_ROLES = [
    ("announcement", _("ประกาศ")),
    ("tor", _("ขอบเขตของงาน (TOR)")),
    ("reference-price", _("ตารางราคากลาง")),
    ("contract", _("สัญญาหรือใบสั่งซื้อสั่งจ้าง")),
    ("other", _("เอกสารอื่น")),
]


class ProcurementDocumentBlock(blocks.StructBlock):
    role = blocks.ChoiceBlock(
        choices=DOCUMENT_ROLES, default="announcement", label="ประเภทเอกสาร (Role)"
    )
    document = DocumentChooserBlock(label="เอกสาร (Document)")
    title = blocks.CharBlock(
        label="ชื่อที่แสดง (Title shown)",
        required=False,
        help_text="ถ้าว่างจะใช้ชื่อเอกสาร (Leave empty to use the document's title)",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["role_label"] = dict(DOCUMENT_ROLES).get(value.get("role"), "")
        return context

    class Meta:
        icon = "doc-full"
        label = "เอกสารจัดซื้อจัดจ้าง (Procurement document)"
        template = "procurement/blocks/procurement_document_block.html"
        description = "The announcement, the TOR, the reference price or the contract"
