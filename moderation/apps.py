from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "การอนุมัติและบัญชีผู้ใช้ (Approval and accounts)"

    def ready(self):
        from moderation import signals

        signals.connect()


class StaffUsersAppConfig(WagtailUsersAppConfig):
    """``wagtail.users`` whose user forms carry the staff member's position
    (``moderation.user_forms``); listed in INSTALLED_APPS in its place."""

    user_viewset = "moderation.user_forms.StaffUserViewSet"
