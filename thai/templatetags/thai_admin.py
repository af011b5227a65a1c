"""Dates of the admin in Thai: Wagtail's ``timesince_simple`` reads any date still to come (a
scheduled go-live, a due date) as "0 minutes ago", ``relative_time`` says "อีก 3 วัน"; and
``admin_date`` (``thai.admin``) writes a date in the Buddhist Era where Wagtail writes it with
Django's ``DATE_FORMAT``/``DATETIME_FORMAT`` (whose year a format module cannot change)."""

import datetime

from django import template
from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

from thai.admin import admin_date

register = template.Library()


@register.filter
def relative_time(value):
    """ "3 วันที่แล้ว" for a date past (as Wagtail says it), "อีก 3 วัน" for one to come."""
    if isinstance(value, datetime.datetime):
        future = value > timezone.now()
    else:
        future = value > timezone.localdate()
    if not future:
        return timesince_simple(value)
    # Django's humanize catalogue holds this phrase (naturaltime's future form).
    return gettext("%(delta)s from now") % {"delta": timeuntil(value).split(",")[0]}


register.filter("admin_date", admin_date)
