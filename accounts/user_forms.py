"""Wagtail's user create and edit forms with the staff member's position (ตำแหน่ง), kept in
``StaffProfile`` (one-to-one with Django's user, so the user model stays Django's own)."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from accounts.models import StaffProfile


class PositionFormMixin(forms.Form):
    position = forms.CharField(
        label="ตำแหน่ง (Position)",
        max_length=200,
        required=False,
        help_text="พิมพ์ในแบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ เช่น นักวิชาการเงินและบัญชีชำนาญการ "
        "ตำแหน่งใหม่มีผลตั้งแต่วันที่บันทึก แบบฟอร์มที่ลงนามก่อนหน้ายังพิมพ์ตำแหน่งเดิม "
        "(Printed on publication request forms; a new position applies from the day it is saved, "
        "forms signed before keep the former one)",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            profile = StaffProfile.objects.filter(user=self.instance).first()
            self.initial.setdefault("position", profile.position if profile else "")

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            self.save_position(user)
        return user

    def save_position(self, user):
        profile = StaffProfile.objects.filter(user=user).first() or StaffProfile(user=user)
        profile.position = self.cleaned_data.get("position", "").strip()
        profile.save(correction=self.cleaned_data.get("position_correction", False))


class StaffUserCreationForm(PositionFormMixin, UserCreationForm):
    pass


class StaffUserEditForm(PositionFormMixin, UserEditForm):
    position_correction = forms.BooleanField(
        label="แก้คำผิดของตำแหน่งปัจจุบัน ไม่ใช่การเปลี่ยนตำแหน่ง (Correct a typing mistake)",
        required=False,
        help_text="เลือกเมื่อแก้ตัวสะกด แบบฟอร์มที่ลงนามในตำแหน่งนี้แล้วจะพิมพ์ตามที่แก้ "
        "(Forms already signed in this position print the corrected text)",
    )


class StaffUserViewSet(UserViewSet):
    template_prefix = "accounts/users/"

    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm
