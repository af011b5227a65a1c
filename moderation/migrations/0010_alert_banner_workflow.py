"""The site-wide alert banner goes through the approval workflow; web operators write it; the
Internal Audit unit gets its two groups (moderation.setup)."""

from django.db import migrations


def grant(apps, schema_editor):
    from moderation.setup import ensure_all

    ensure_all(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0009_urgent_publications"),
        ("core", "0005_alert_banner"),
        ("ownership", "0003_internal_audit_unit"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
