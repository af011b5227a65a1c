from django import template

from thai.dates import BE_OFFSET

register = template.Library()


@register.filter
def be_date_input(value):
    """A date as typed in the search page's date filters: ``1/10/2567`` (Buddhist Era)."""
    if not value:
        return ""
    return f"{value.day}/{value.month}/{value.year + BE_OFFSET}"
