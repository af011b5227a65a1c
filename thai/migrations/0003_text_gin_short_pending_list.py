"""On PostgreSQL, a short pending list for the GIN index on ``title || body`` (``thai.0002``).

A GIN index takes new entries into a pending list, merged into the index proper by ``VACUUM``
or when the list passes ``gin_pending_list_limit`` (4 MB by default); until then every search
reads the whole list. On a freshly loaded database (20,000 notices indexed, autovacuum not yet
come by) the list held 453 pages, read by every search: 10–20 ms of PostgreSQL's time even
for a word found in a few notices. With the smallest limit (64 kB) the list is merged every
few pages written and a search reads at most 8 pages of it. SQLite and other databases are
not touched.
"""

from django.db import migrations

INDEX = "thai_indexentry_text_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} SET (gin_pending_list_limit = 64)")
        # What the list holds already goes into the index now.
        schema_editor.execute(
            f"SELECT gin_clean_pending_list(to_regclass('{INDEX}')) "
            f"WHERE to_regclass('{INDEX}') IS NOT NULL"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} RESET (gin_pending_list_limit)")


class Migration(migrations.Migration):
    dependencies = [("thai", "0002_indexentry_text_gin")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
