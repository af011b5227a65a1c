from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = "โรงเรียนเทศบาล (Schools)"
