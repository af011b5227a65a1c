"""Old notices as they were: a procurement or winning-bid notice of the old site holds a
title, a date, a body and attachments; its budget, winner and agreed price, if anywhere, are
inside a PDF. Such a row is imported as a notice marked *incomplete (imported)*
(``ImportedNotice.incomplete``): the daily site check lists it for its unit, and the editor's
rules, which require these fields of a new notice, apply once someone edits it.
"""

from procurement.models import RESULT_STAGES, ProcurementNoticePage


def missing_fields(page):
    """The names of the fields the editor requires that ``page`` (a procurement notice)
    lacks; empty for a complete notice and for any other page."""
    if not isinstance(page, ProcurementNoticePage):
        return []
    missing = []
    if page.budget is None:
        missing.append("budget")
    if page.stage in RESULT_STAGES:
        if not page.winner_name.strip():
            missing.append("winner_name")
        if page.agreed_price is None:
            missing.append("agreed_price")
    return missing


def only_missing(error, page):
    """Whether the model's ``ValidationError`` is only about fields ``page`` lacks (the
    legacy gaps), so that the row is imported as incomplete rather than refused."""
    if not hasattr(error, "error_dict"):
        return False
    missing = missing_fields(page)
    return bool(missing) and set(error.error_dict) <= set(missing)


def labels(page, names):
    return ", ".join(str(page._meta.get_field(name).verbose_name) for name in names)
