"""Dates as the admin writes them: in the Buddhist Era on the Thai admin, where Wagtail and
Django write them with ``DATE_FORMAT``/``DATETIME_FORMAT`` (a format module cannot change the
year). Used by the admin templates the project overrides (``admin_date`` in
``thai/templatetags/thai_admin.py``), by the project's own reports (``BuddhistEraColumn``) and
by Wagtail's messages and log entries (``write_wagtail_timestamps_in_buddhist_era``)."""

import datetime

from django.template.defaultfilters import date as date_filter
from django.utils import formats, timezone
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


class BuddhistEraColumn(Column):
    """A report column holding a date: in the Buddhist Era on the Thai admin (the spreadsheet
    export keeps the stored value)."""

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
