"""Thai content on English pages (WCAG 3.1.2): ``{% content_lang %}`` marks an element holding
the page's own Thai text, ``{% content_lang item %}`` one holding a listed page's Thai title,
and ``{% thai_only_note %}`` says that the page is available in Thai only (core/languages.py).
No query: the page's and the items' locale ids are compared."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.languages import THAI, is_thai_only

register = template.Library()

THAI_LANG = mark_safe(f' lang="{THAI}"')


def _is_thai(context, item=None):
    if (get_language() or THAI) == THAI:
        return False  # the whole page is Thai already
    page = context.get("page")
    page_is_thai = is_thai_only(context.get("request"))
    if item is None or item is page:
        return page_is_thai
    if page is None:
        return False
    same_locale = item.locale_id == page.locale_id
    return same_locale if page_is_thai else not same_locale


@register.simple_tag(takes_context=True)
def content_lang(context, item=None):
    """`` lang="th"`` when the text of ``item`` (by default the page) is Thai on a page served
    in another language, else nothing."""
    return THAI_LANG if _is_thai(context, item) else ""


@register.inclusion_tag("components/thai_only_note.html", takes_context=True)
def thai_only_note(context):
    """On a Thai page shown at its English address: a note, and a link to the Thai page."""
    page = context.get("page")
    request = context.get("request")
    if page is None or not is_thai_only(request):
        return {}
    return {"thai_url": page.get_url(request)}
