from django.apps import AppConfig


class ThaiConfig(AppConfig):
    """Thai as the portal writes and searches it, below every other app: Buddhist Era dates and
    fiscal years (``dates``, the ``thai_dates`` template tags), text normalised and cut into
    words (``text``), the search fields page types declare (``index``) and the search backends
    for SQLite and PostgreSQL (``backends``, with the SQLite tokenizer migration)."""

    name = "thai"
    verbose_name = "ภาษาไทย (Thai dates and search)"
