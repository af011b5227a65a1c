from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "procurement"
    verbose_name = "จัดซื้อจัดจ้าง (Procurement)"

    def ready(self):
        from procurement.navigation import connect_signals

        connect_signals()
