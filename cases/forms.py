"""The public forms. They ask only what a case needs: no national ID number, contact details
optional, and none at all kept for an anonymous report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import ComplaintCategory
from cases.protection import BotProtectedForm
from cases.uploads import AttachmentsField
from ownership.models import Unit


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.localized_name


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.localized_name


class ComplaintForm(BotProtectedForm):
    category = CategoryChoiceField(
        label=_("ประเภทเรื่อง"),
        queryset=ComplaintCategory.objects.filter(active=True),
        empty_label=_("— เลือกประเภทเรื่อง —"),
        error_messages={"required": _("กรุณาเลือกประเภทเรื่อง")},
    )
    description = forms.CharField(
        label=_("รายละเอียดเรื่อง"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("กรุณาบอกรายละเอียดของเรื่อง")},
    )
    place = forms.CharField(
        label=_("สถานที่เกิดเหตุ"),
        help_text=_("เช่น ชื่อถนน ซอย ชุมชน หรือจุดสังเกต"),
        max_length=300,
        required=False,
    )
    attachments = AttachmentsField(
        label=_("ภาพถ่ายหรือเอกสาร (ถ้ามี)"),
        help_text=_("ภาพ JPEG, PNG, WebP หรือ PDF ไม่เกิน 3 ไฟล์ ไฟล์ละไม่เกิน 5 เมกะไบต์"),
    )
    anonymous = forms.BooleanField(
        label=_("ไม่ประสงค์ออกนาม (ไม่เก็บชื่อและช่องทางติดต่อ)"),
        help_text=_("ท่านยังติดตามเรื่องได้ทางลิงก์ส่วนตัวที่ได้รับหลังส่งเรื่อง"),
        required=False,
    )
    contact_name = forms.CharField(label=_("ชื่อ-นามสกุล (ถ้าประสงค์)"), max_length=200, required=False)
    contact_phone = forms.CharField(
        label=_("โทรศัพท์ (ถ้าประสงค์)"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("อีเมล (ถ้าประสงค์ให้แจ้งความคืบหน้า)"),
        required=False,
        error_messages={"invalid": _("กรุณากรอกอีเมลให้ถูกต้อง")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if category is not None and not category.is_corruption and not cleaned.get("place"):
            self.add_error("place", _("กรุณาบอกสถานที่ เพื่อให้เจ้าหน้าที่ไปแก้ไขได้ถูกที่"))
        if cleaned.get("anonymous"):
            for name in ("contact_name", "contact_phone", "contact_email"):
                cleaned[name] = ""
        return cleaned


class QuestionForm(BotProtectedForm):
    text = forms.CharField(
        label=_("คำถามของท่าน"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("กรุณาพิมพ์คำถาม")},
    )
    unit = UnitChoiceField(
        label=_("หน่วยงานที่เกี่ยวข้อง (ถ้าทราบ)"),
        queryset=Unit.objects.all(),
        required=False,
        empty_label=_("— ไม่ทราบ —"),
    )
    name = forms.CharField(label=_("ชื่อ (ถ้าประสงค์)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("อีเมล (ถ้าประสงค์ให้แจ้งเมื่อตอบแล้ว)"),
        required=False,
        error_messages={"invalid": _("กรุณากรอกอีเมลให้ถูกต้อง")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
