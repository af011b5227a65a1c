from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = "นโยบายเว็บไซต์ (Website policies)"

    def ready(self):
        from policies.links import connect_signals

        connect_signals()
