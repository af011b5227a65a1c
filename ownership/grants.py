"""Permissions granted to groups as data: what the role groups (``moderation.setup``) and the
case-handling groups (``cases.setup``) are given. Every function takes an app registry, so a
data migration can pass its historical one."""

# (app label, model, codename, name) of the permission to open the Wagtail admin.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")


def permission(apps, app_label, model, codename, name):
    """The permission ``codename`` of ``app_label.model``, made when it does not exist yet (a
    data migration may run before Django has created the permissions of a new model)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found
