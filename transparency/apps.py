from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class TransparencyConfig(AppConfig):
    name = "transparency"
    verbose_name = "ศูนย์ข้อมูลความโปร่งใส (Transparency centre)"

    def ready(self):
        from transparency.models import AssessmentYear
        from transparency.models.assessment import clear_years_cache

        post_save.connect(clear_years_cache, sender=AssessmentYear, dispatch_uid="ita-years-save")
        post_delete.connect(clear_years_cache, sender=AssessmentYear, dispatch_uid="ita-years-del")
