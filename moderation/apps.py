from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "การอนุมัติและบัญชีผู้ใช้ (Approval and accounts)"

    def ready(self):
        from moderation import signals

        signals.connect()
