"""Permission names in Thai. Django writes a model's permissions as "Can add <model>" in English
when it creates them (and keeps what it wrote after the model gets a Thai verbose name); Wagtail's
group editor shows these names. After each migration they are renamed: "เพิ่ม<verbose name>",
"แก้ไข…", "ลบ…", "ดู…", and other permissions through the Thai catalogue ("Publish any page")."""

from django.utils import translation
from django.utils.translation import gettext

ACTIONS = {
    "add": "เพิ่ม",
    "change": "แก้ไข",
    "delete": "ลบ",
    "view": "ดู",
    # Wagtail's DraftStateMixin and LockableMixin (snippets with drafts, e.g. the alert banner).
    "publish": "เผยแพร่",
    "lock": "ล็อก",
    "unlock": "ปลดล็อก",
}


def thai_name(permission):
    action, _, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action in ACTIONS and model is not None and model_name == model._meta.model_name:
        # gettext again: a few packages write a model's name without it ("locale").
        return f"{ACTIONS[action]}{gettext(str(model._meta.verbose_name))}"[:255]
    return gettext(permission.name)[:255]


def name_permissions_in_thai(app_config, using="default", apps=None, **kwargs):
    """A ``post_migrate`` receiver: the permissions of ``app_config`` are made first (Django's own
    receiver may come after this one), then every permission not yet in Thai is renamed."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission

    create_permissions(app_config, verbosity=0, using=using)
    renamed = []
    with translation.override("th"):
        for permission in Permission.objects.using(using).select_related("content_type"):
            name = thai_name(permission)
            if name != permission.name:
                permission.name = name
                renamed.append(permission)
    Permission.objects.using(using).bulk_update(renamed, ["name"])
