"""Wagtail search backends that understand Thai, on SQLite and on PostgreSQL.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "thai.backends"}}`` picks the backend for
the default database, as Wagtail's own ``wagtail.search.backends.database`` does:

- PostgreSQL: full-text search with the ``simple`` configuration (no English stemming; Thai
  words are already cut by ``thai.text``), see ``thai.backends.postgres``;
- SQLite with FTS5: the FTS table recreated with a tokenizer that keeps Thai vowel and tone
  marks (migration ``thai.0001``), see ``thai.backends.sqlite``;
- anything else (MySQL, SQLite without FTS5): Wagtail's backend for it, with Thai queries.

Every backend segments the query (``search()`` and ``autocomplete()``), so the site search,
the admin search and the API's ``?search=`` all behave the same. Indexed values are segmented
by the search fields (``thai.index``).
"""

from django.db import connection

_sqlite_fts = False  # SQLite has FTS5 and Wagtail's FTS table (once true, it stays so)


def _has_sqlite_fts():
    """Checked until true: during ``migrate`` pages may be saved before the table exists."""
    global _sqlite_fts
    if not _sqlite_fts:
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _sqlite_fts = fts5_available() and fts_table_exists()
    return _sqlite_fts


def SearchBackend(params):
    """The Thai search backend for the default database (Wagtail calls this by name)."""
    if connection.vendor == "postgresql":
        from thai.backends.postgres import ThaiPostgresSearchBackend

        return ThaiPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _has_sqlite_fts():
        from thai.backends.sqlite import ThaiSQLiteSearchBackend

        return ThaiSQLiteSearchBackend(params)

    from thai.backends.common import thai_backend_class

    if connection.vendor == "mysql":
        from modelsearch.backends.database.mysql.mysql import MySQLSearchBackend

        return thai_backend_class(MySQLSearchBackend)(params)

    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return thai_backend_class(DatabaseSearchBackend)(params)
