"""``{{ notice.budget|baht }}`` → 1,234,567.00 บาท (baht on English pages)."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def baht(value):
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return f"{amount:,.2f} {gettext('บาท')}"
