from django.apps import AppConfig


class OwnershipConfig(AppConfig):
    name = "ownership"
    verbose_name = "หน่วยงานและสิทธิ์ (Units and permissions)"

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from ownership.permissions import UnitPagePermissionPolicy

        # Every admin view, report and API that asks "which pages may this user see or act
        # on" asks the policy registered for pages; the page tester asks it too.
        register_permission_policy(Page, UnitPagePermissionPolicy(Page))
