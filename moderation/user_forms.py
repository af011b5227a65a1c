"""Wagtail's user create and edit forms with the staff member's position (ตำแหน่ง), kept in
``StaffProfile`` (one-to-one with Django's user, so the user model stays Django's own)."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from moderation.models import StaffProfile


class PositionFormMixin(forms.Form):
    position = forms.CharField(
        label="ตำแหน่ง (Position)",
        max_length=200,
        required=False,
        help_text="พิมพ์ในแบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ เช่น นักวิชาการเงินและบัญชีชำนาญการ "
        "(Printed on publication request forms)",
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
        StaffProfile.objects.update_or_create(
            user=user, defaults={"position": self.cleaned_data.get("position", "").strip()}
        )


class StaffUserCreationForm(PositionFormMixin, UserCreationForm):
    pass


class StaffUserEditForm(PositionFormMixin, UserEditForm):
    pass


class StaffUserViewSet(UserViewSet):
    template_prefix = "moderation/users/"

    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm
