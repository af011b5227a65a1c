"""Web operators keep the ITA assessment years and items (moderation.setup)."""

from django.db import migrations


def grant(apps, schema_editor):
    from moderation.setup import ensure_all

    ensure_all(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0003_staff_profile"),
        ("transparency", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
