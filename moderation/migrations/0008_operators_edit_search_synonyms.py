"""Web operators keep the site search's synonyms and read what citizens could not find
(moderation.setup)."""

from django.db import migrations


def grant(apps, schema_editor):
    from moderation.setup import ensure_all

    ensure_all(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0007_staff_positions_moved_to_accounts"),
        ("search", "0003_search_misses"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
