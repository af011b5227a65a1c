from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "บัญชีผู้ใช้ (Accounts)"

    def ready(self):
        from accounts import signals

        signals.connect()
