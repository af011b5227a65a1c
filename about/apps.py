from django.apps import AppConfig


class AboutConfig(AppConfig):
    name = "about"
    verbose_name = "ข้อมูลเทศบาล (About)"
