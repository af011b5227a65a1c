from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "ถาม-ตอบและเรื่องร้องเรียน (Questions and complaints)"

    def ready(self):
        from cases import signals

        signals.connect()
