from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = "โรงเรียนเทศบาล (Schools)"

    def ready(self):
        from schools.cache import connect_signals

        connect_signals()
