from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "procurement"
    verbose_name = "จัดซื้อจัดจ้าง (Procurement)"
