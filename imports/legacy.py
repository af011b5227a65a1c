"""Old notices as they were: a procurement or winning-bid notice of the old site holds a
title, a date, a body and attachments; its budget, winner and agreed price, if anywhere, are
inside a PDF. Such a row is imported as a notice marked *incomplete (imported)*
(``ProcurementNoticePage.imported_incomplete``): the daily site check lists it for its unit,
and the editor's rules, which require these fields of a new notice, apply once someone edits it.
"""

from procurement.models import ProcurementNoticePage


def only_missing(error, page):
    """Whether the model's ``ValidationError`` is only about fields the editor requires that
    ``page`` lacks, so that the row is imported as incomplete rather than refused."""
    if not isinstance(page, ProcurementNoticePage) or not hasattr(error, "error_dict"):
        return False
    missing = page.missing_fields()
    return bool(missing) and set(error.error_dict) <= set(missing)


def labels(page, names):
    return ", ".join(str(page._meta.get_field(name).verbose_name) for name in names)
