"""The Buddhist Era beside the admin's date fields (core/static/core/js/be_dates.js keeps it
in step while the editor picks a date, and writes the picker's calendar in the Buddhist Era on
the Thai admin): Wagtail stores and types the Common Era."""

import datetime

from django import template
from django.conf import settings

from thai.dates import format_thai_date

register = template.Library()


@register.filter
def be_date(value):
    """``15/01/2026`` (a date field's value as the admin shows it) → ``15 มกราคม 2569``;
    ``15/01/2026 14:30`` → ``15 มกราคม 2569 เวลา 14.30 น.``; "" for anything else."""
    text = str(value or "").strip()
    for fmt, with_time in (
        (settings.WAGTAIL_DATETIME_FORMAT, True),
        (settings.WAGTAIL_DATE_FORMAT, False),
    ):
        try:
            parsed = datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
        day = format_thai_date(parsed.date())
        return f"{day} เวลา {parsed:%H.%M} น." if with_time else day
    return ""
