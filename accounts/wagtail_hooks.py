"""Accounts in the admin: the two-factor screens, the locked-out accounts under Settings, and
the sign-in entries of the audit log."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import views


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("two-factor/setup/", views.two_factor_setup, name="accounts_two_factor_setup"),
        path("two-factor/verify/", views.two_factor_verify, name="accounts_two_factor_verify"),
        path("locked-accounts/", views.locked_accounts, name="accounts_locked_accounts"),
        path(
            "locked-accounts/<int:attempt_id>/unlock/",
            views.unlock_account,
            name="accounts_unlock_account",
        ),
    ]


class LockedAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("axes.view_accessattempt")


@hooks.register("register_settings_menu_item")
def locked_accounts_menu_item():
    return LockedAccountsMenuItem(
        "บัญชีที่ถูกล็อก (Locked-out accounts)",
        reverse("accounts_locked_accounts"),
        icon_name="lock",
        order=650,
    )


@hooks.register("register_log_actions")
def sign_in_log_actions(actions):
    # Named when accounts were part of ``moderation``; existing log entries hold these names.
    actions.register_action("moderation.sign_in", "เข้าสู่ระบบ (Signed in)", "เข้าสู่ระบบ")
    actions.register_action("moderation.sign_out", "ออกจากระบบ (Signed out)", "ออกจากระบบ")
    actions.register_action(
        "moderation.sign_in_failed",
        "เข้าสู่ระบบไม่สำเร็จ (Failed sign-in)",
        "เข้าสู่ระบบไม่สำเร็จ",
    )
    actions.register_action(
        "moderation.locked_out", "ถูกล็อกการเข้าสู่ระบบ (Locked out)", "ถูกล็อกการเข้าสู่ระบบ"
    )
    actions.register_action(
        "moderation.unlocked", "ปลดล็อกการเข้าสู่ระบบ (Unlocked)", "ปลดล็อกการเข้าสู่ระบบ"
    )
    actions.register_action(
        "moderation.two_factor_enabled",
        "ตั้งค่าการยืนยันตัวตนสองขั้นตอน (Two-factor set up)",
        "ตั้งค่าการยืนยันตัวตนสองขั้นตอน",
    )
    actions.register_action(
        "moderation.two_factor_reset",
        "ล้างการยืนยันตัวตนสองขั้นตอน (Two-factor reset)",
        "ล้างการยืนยันตัวตนสองขั้นตอน",
    )
    actions.register_action(
        "moderation.two_factor_failed",
        "รหัสยืนยันตัวตนขั้นที่สองไม่ถูกต้อง (Wrong two-factor code)",
        "รหัสยืนยันตัวตนขั้นที่สองไม่ถูกต้อง",
    )
