from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = "นำเข้าจากเว็บไซต์เดิม (Moving in from the old site)"
