"""Web operators keep the offices (ownership.Office) that the building directory, the unit
pages and the phone directory show (moderation.setup)."""

from django.db import migrations


def grant(apps, schema_editor):
    from moderation.setup import ensure_all

    ensure_all(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0010_alert_banner_workflow"),
        ("ownership", "0004_office"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
