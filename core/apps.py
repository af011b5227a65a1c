from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "ส่วนกลางของเว็บไซต์ (Site core)"

    def ready(self):
        from core.navigation import connect_signals

        connect_signals()
