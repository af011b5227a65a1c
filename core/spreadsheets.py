"""Cells safe to open in a spreadsheet. A text that begins with ``=``, ``+``, ``-``, ``@``
(or a tab or carriage return, which some programs skip before reading one of those) is
read by Excel and LibreOffice as a formula: a notice title ``=HYPERLINK(…)`` typed by an
editor, or a search query typed by anyone, would run in the reader's spreadsheet. Every
CSV and XLSX export of the portal passes its cells through ``safe_cell``, which puts an
apostrophe before such a text (shown as text, the apostrophe hidden by Excel); numbers and
dates are left as they are."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    # A lone "-" (an empty cell of a report) is no formula: left as it is.
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


class SafeSpreadsheetExportMixin:
    """For Wagtail's report and index views (``SpreadsheetExportMixin``): each exported cell,
    CSV and XLSX alike, through ``safe_cell``."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
