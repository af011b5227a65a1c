"""On PostgreSQL, a GIN index on each search index entry's ``title || body``.

Wagtail's PostgreSQL backend matches a query against ``title || body``, which no index answered:
``thai.backends.postgres`` matched each word in the title or in the body instead (one GIN index
scan per word and column). Without the planner's statistics (a freshly loaded database) it left
some of those scans out and tested the rest of the query on every row found, reading each row's
body vector: 0.3 s of PostgreSQL's time for ``e-bidding`` (an ``Or`` of synonyms) at 20,000
notices. With this index the whole query is one index condition, whatever the statistics.
SQLite and other databases are not touched.
"""

from django.db import migrations

INDEX = "thai_indexentry_text_gin"
ENTRY_TABLE = "wagtailsearch_indexentry"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {ENTRY_TABLE} USING gin ((title || body))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("thai", "0001_fts_tokenizer"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
