"""On SQLite, recreate Wagtail's FTS5 table with a tokenizer that keeps Thai vowel and tone marks.

Wagtail creates ``wagtailsearch_indexentry_fts`` with FTS5's default ``unicode61`` tokenizer,
which treats Unicode category M (Thai vowel and tone marks) as separators: ``ข้าว`` (rice) is
cut into pieces that also match ``ข่าว`` (news). The same table, with the same columns and
with the triggers that fill it left as they are, is made again with
``unicode61 remove_diacritics 2 categories 'L* N* Co M*'`` and refilled from the index entries.
PostgreSQL and other databases are not touched.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
THAI_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
DEFAULT_TOKENIZER = "unicode61"


def recreate_fts_table(schema_editor, tokenizer):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
        if cursor.fetchone() is None:  # SQLite without FTS5: Wagtail made no table
            return
        cursor.execute(f"DROP TABLE {FTS_TABLE}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title, "
            f'tokenize="{tokenizer}")'
        )
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, autocomplete, body, title) "  # noqa: S608
            f"SELECT id, autocomplete, body, title FROM {ENTRY_TABLE}"
        )


def forwards(apps, schema_editor):
    recreate_fts_table(schema_editor, THAI_TOKENIZER)


def backwards(apps, schema_editor):
    recreate_fts_table(schema_editor, DEFAULT_TOKENIZER)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
