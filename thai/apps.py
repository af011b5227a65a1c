from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ThaiConfig(AppConfig):
    """Thai as the portal writes and searches it, below every other app: Buddhist Era dates and
        fiscal years (``dates``, the ``thai_dates`` template tags), text normalised and cut into
        words (``text``), the search fields page types declare (``index``) and the search backends
        for SQLite and PostgreSQL (``backends``, with the SQLite tokenizer migration); permission
        names in Thai (``permissions``), the admin's time phrases (``thai_admin`` template tags) and
    its dates in the Buddhist Era (``admin``), names of other packages' models written without
    gettext (``model_names``) and Settings > Sites with labelled columns (``wagtail_hooks``)."""

    name = "thai"
    verbose_name = "ภาษาไทย (Thai dates and search)"

    def ready(self):
        from thai.admin import (
            write_wagtail_exports_in_buddhist_era,
            write_wagtail_timestamps_in_buddhist_era,
        )
        from thai.model_names import name_models_in_thai
        from thai.permissions import name_permissions_in_thai

        write_wagtail_timestamps_in_buddhist_era()
        write_wagtail_exports_in_buddhist_era()
        name_models_in_thai()

        post_migrate.connect(name_permissions_in_thai, dispatch_uid="thai-permission-names")
