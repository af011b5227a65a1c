from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "transparency"
    verbose_name = "ศูนย์ข้อมูลความโปร่งใส (Transparency centre)"
