from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = "นำเข้าจากเว็บไซต์เดิม (Moving in from the old site)"

    def ready(self):
        from wagtail.signals import page_published

        from imports.checks import mark_complete

        page_published.connect(mark_complete, dispatch_uid="imports.mark_complete")
