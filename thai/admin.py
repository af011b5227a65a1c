"""Dates as the admin writes them: in the Buddhist Era on the Thai admin, where Wagtail and
Django write them with ``DATE_FORMAT``/``DATETIME_FORMAT`` (a format module cannot change the
year). Used by the admin templates the project overrides (``admin_date`` in
``thai/templatetags/thai_admin.py``), by the project's own reports (``BuddhistEraColumn``) and
by Wagtail's messages and log entries (``write_wagtail_timestamps_in_buddhist_era``), and by
every CSV and XLSX export of the admin (``write_wagtail_exports_in_buddhist_era``)."""

import datetime
from functools import partial

from django.template.defaultfilters import date as date_filter
from django.utils import formats, timezone, translation
from django.utils.encoding import force_str
from django.utils.translation import get_language
from wagtail.admin.ui.tables import Column

from thai.dates import format_thai_date, format_thai_datetime


def admin_date(value):
    """``15 มกราคม 2569 เวลา 14.30 น.`` (a date without its time) in Thai; in English, as
    Wagtail writes it (``DATETIME_FORMAT``/``DATE_FORMAT``)."""
    if not value:
        return ""
    with_time = isinstance(value, datetime.datetime)
    if with_time and timezone.is_naive(value):
        value = timezone.make_aware(value)
    if get_language() == "th":
        return format_thai_datetime(value) if with_time else format_thai_date(value)
    return date_filter(value, "DATETIME_FORMAT" if with_time else "DATE_FORMAT")


def export_local_time(value):
    """A date and time in the project's spreadsheet exports, in Bangkok time: as the screens
    write it on the Thai admin (``2 มีนาคม 2569 เวลา 06.00 น.``), ``02/03/2026 06:00`` on an
    English one."""
    if not value:
        return ""
    if get_language() == "th":
        return admin_date(value)
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


class BuddhistEraColumn(Column):
    """A report column holding a date: in the Buddhist Era on the Thai admin (its spreadsheet
    export too, through ``write_wagtail_exports_in_buddhist_era``)."""

    def get_value(self, instance):
        return admin_date(super().get_value(instance))


class BuddhistEraFormats:
    """``django.utils.formats`` as ``wagtail.utils.timestamps`` reads it, whose
    ``render_timestamp`` writes every timestamp of Wagtail's messages, locks and log entries
    (site history: "scheduled for 10 December 2026"): ``date_format`` of a named date format
    writes the Buddhist Era on the Thai admin."""

    def __getattr__(self, name):
        return getattr(formats, name)

    @staticmethod
    def date_format(value, format=None, use_l10n=None):
        if get_language() == "th" and format in ("DATETIME_FORMAT", "DATE_FORMAT"):
            return admin_date(value)
        return formats.date_format(value, format, use_l10n)


def write_wagtail_timestamps_in_buddhist_era():
    """Run once at start-up (``ThaiConfig.ready``); listed in docs/upgrading.md."""
    from wagtail.utils import timestamps

    timestamps.formats = BuddhistEraFormats()


def buddhist_era_cell(wagtail_preprocess):
    """A date cell of a spreadsheet export: on the Thai admin the text the screen shows
    (``15 มกราคม 2569 เวลา 14.30 น.``), in CSV and XLSX alike; on an English one what Wagtail
    writes (``wagtail_preprocess``; ``None``: the value itself, a real date in XLSX)."""

    def preprocess(value):
        if get_language() == "th":
            return admin_date(value)
        return value if wagtail_preprocess is None else wagtail_preprocess(value)

    return preprocess


def write_wagtail_exports_in_buddhist_era():
    """Run once at start-up (``ThaiConfig.ready``); listed in docs/upgrading.md. Wagtail's
    ``SpreadsheetExportMixin.custom_value_preprocess`` (the class attribute every export view
    reads: the reports, the snippet and page listings, the project's own reports) gets a
    date and a date-and-time entry for both formats, in front of Wagtail's own."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    wagtail = SpreadsheetExportMixin.custom_value_preprocess
    xlsx, csv = SpreadsheetExportMixin.FORMAT_XLSX, SpreadsheetExportMixin.FORMAT_CSV
    as_text = partial(force_str, strings_only=True)  # Wagtail's CSV cell (no entry of its own)
    ours = {
        datetime.datetime: {
            xlsx: buddhist_era_cell(wagtail[datetime.datetime][xlsx]),
            csv: buddhist_era_cell(as_text),
        },
        datetime.date: {xlsx: buddhist_era_cell(None), csv: buddhist_era_cell(as_text)},
    }
    # First: Wagtail's (date, time) entry would otherwise answer for a date.
    rest = {classes: formats for classes, formats in wagtail.items() if classes not in ours}
    SpreadsheetExportMixin.custom_value_preprocess = {**ours, **rest}
    SpreadsheetExportMixin.stream_csv = in_the_users_language(SpreadsheetExportMixin.stream_csv)


def in_the_users_language(stream_csv):
    """Wagtail's CSV is a streamed response, written after the view has returned and the
    admin's language override has ended: its rows are written in the language of the view."""

    def stream(self, queryset):
        language = get_language()  # now, in the view

        def rows():
            with translation.override(language):
                yield from stream_csv(self, queryset)

        return rows()

    stream.__wrapped__ = stream_csv
    return stream
