"""The public forms. They ask only what a case needs: no national ID number, contact details
optional, and none at all kept for an anonymous report."""

import re

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from cases.models import ComplaintCategory
from cases.protection import BotProtectedForm
from cases.uploads import AttachmentsField
from ownership.models import Unit
from thai.dates import arabic_digits


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


NUMBER_PATTERN = re.compile(r"(\d{4})\D{1,3}(\d{1,6})")
RATING_SALT = "cases.rating"
RATING_MAX_AGE_SECONDS = 24 * 60 * 60


class LookupForm(BotProtectedForm):
    """Following a case without its private link: the tracking number and the phone number or
    e-mail address given with it (cases.views.complaint_lookup)."""

    number = forms.CharField(
        label=_("เลขที่เรื่อง"),
        help_text=_("เช่น นว-2569-000123"),
        max_length=40,
        error_messages={"required": _("กรุณากรอกเลขที่เรื่อง")},
    )
    contact = forms.CharField(
        label=_("โทรศัพท์หรืออีเมลที่ให้ไว้ตอนแจ้งเรื่อง"),
        max_length=254,
        error_messages={"required": _("กรุณากรอกโทรศัพท์หรืออีเมลที่ให้ไว้")},
    )

    def clean_number(self):
        """``(year, sequence)`` from ``นว-2569-000123``, ``2569-123`` or Thai digits."""
        match = NUMBER_PATTERN.search(arabic_digits(self.cleaned_data["number"]))
        if match is None:
            raise forms.ValidationError(
                _("กรุณากรอกเลขที่เรื่องตามรูปแบบ นว-2569-000123"), code="invalid"
            )
        return int(match.group(1)), int(match.group(2))


class RatingForm(forms.Form):
    """The complainant's rating of a closed case; ``case`` is a signed token of the case shown
    on the status page (reached by the private link or by the lookup), valid for a day."""

    EXPIRED = _("หน้านี้เปิดค้างไว้นานเกินไป กรุณาค้นหาเรื่องของท่านอีกครั้งแล้วให้คะแนน")

    case = forms.CharField(widget=forms.HiddenInput)
    rating = forms.TypedChoiceField(
        label=_("ท่านพอใจกับการดำเนินการเรื่องนี้เพียงใด"),
        choices=[
            (5, _("5 พอใจมาก")),
            (4, _("4 พอใจ")),
            (3, _("3 ปานกลาง")),
            (2, _("2 ไม่ค่อยพอใจ")),
            (1, _("1 ไม่พอใจ")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("กรุณาเลือกระดับความพึงพอใจ")},
    )
    comment = forms.CharField(
        label=_("ความเห็นเพิ่มเติม (ถ้ามี)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @staticmethod
    def token(case):
        return signing.dumps(case.pk, salt=RATING_SALT)

    def clean_case(self):
        try:
            return signing.loads(
                self.cleaned_data["case"], salt=RATING_SALT, max_age=RATING_MAX_AGE_SECONDS
            )
        except signing.BadSignature:
            raise forms.ValidationError(self.EXPIRED, code="expired") from None
