from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "ส่วนกลางของเว็บไซต์ (Site core)"

    def ready(self):
        from core import alerts, checks, navigation  # noqa: F401 (checks registers itself)
        from core.addresses import accept_thai_marks_in_page_slugs

        accept_thai_marks_in_page_slugs()
        alerts.connect_signals()
        navigation.connect_signals()
