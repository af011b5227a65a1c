from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = "นโยบายเว็บไซต์ (Website policies)"
