"""``{{ notice.budget|baht }}`` → 1,234,567.00 บาท (1,234,567.00 baht on English pages)."""

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
    # One message with a placeholder, which makemessages finds (a call inside an f-string it
    # does not), and which a translation may order differently.
    return gettext("%(amount)s บาท") % {"amount": f"{amount:,.2f}"}
