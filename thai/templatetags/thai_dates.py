"""Date filters for templates: Buddhist Era on Thai pages, Common Era on English ones.

``{{ page.date|thai_date }}`` → 15 มีนาคม 2567 · ``|thai_date:"short"`` → 15 มี.ค. 67 ·
``|thai_date:"notice"`` → ๑๕ มีนาคม พ.ศ. ๒๕๖๗. Datetimes are shown in Bangkok time.
"""

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from thai import dates as thai

register = template.Library()

STYLES = ("long", "short", "notice")


@register.filter
def thai_date(value, style="long"):
    if not value:
        return ""
    if style not in STYLES:
        raise template.TemplateSyntaxError(f"thai_date style must be one of {STYLES}")
    if get_language() == "en":
        return thai.format_english_date(value, "short" if style == "short" else "long")
    return thai.format_thai_date(value, style)


@register.filter
def thai_datetime(value):
    """A moment in Bangkok time: ``15 มีนาคม 2567 เวลา 14.30 น.`` (``15 March 2024, 14:30``)."""
    if not value:
        return ""
    if get_language() == "en":
        local = timezone.localtime(value)
        return f"{thai.format_english_date(local)}, {local:%H:%M}"
    return thai.format_thai_datetime(value)


@register.filter
def thai_digits(value):
    return thai.thai_digits(value)
