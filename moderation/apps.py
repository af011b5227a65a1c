from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "การอนุมัติ (Approval)"

    def ready(self):
        from moderation import signals

        signals.connect()
