"""``wagtail.users`` with the staff member's position in its user forms
(``accounts.user_forms``); listed in INSTALLED_APPS in place of ``wagtail.users``.

In a module of its own: Django picks an app's configuration from its ``apps.py`` only when
that module holds a single ``AppConfig``."""

from wagtail.users.apps import WagtailUsersAppConfig


class StaffUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.user_forms.StaffUserViewSet"
