"""Thai content on English pages (WCAG 3.1.2): ``{% content_lang %}`` marks an element holding
the page's own Thai text, ``{% content_lang item %}`` one holding a listed page's Thai title,
and ``{% thai_only_note %}`` says that the page is available in Thai only (core/languages.py).

No query. An item is a page, or a dict with the page's ``locale_id`` (breadcrumbs, menus), or
an object that says its ``language_code`` (search cards, listed where no page is served). A
page's or a dict's locale is compared with the served page's: on an English page, an item of
another locale is the Thai original; on a Thai page shown at its English address, an item of
the same locale is Thai too."""

from types import SimpleNamespace

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.languages import THAI, is_thai_only

register = template.Library()

THAI_LANG = mark_safe(f' lang="{THAI}"')
ALWAYS_THAI = SimpleNamespace(language_code=THAI)


def _locale_id(item):
    return item.get("locale_id") if isinstance(item, dict) else item.locale_id


def is_thai(language_code):
    """Whether a text in ``language_code`` is Thai on a page served in another language."""
    return language_code == THAI != (get_language() or THAI)


def _is_thai(context, item=None):
    if (get_language() or THAI) == THAI:
        return False  # the whole page is Thai already
    language_code = getattr(item, "language_code", None)
    if language_code is not None:
        return is_thai(language_code)
    page = context.get("page")
    page_is_thai = is_thai_only(context.get("request"))
    if item is None or item is page:
        return page_is_thai
    if page is None:
        return False
    same_locale = _locale_id(item) == page.locale_id
    return same_locale if page_is_thai else not same_locale


@register.simple_tag(takes_context=True)
def content_lang(context, item=None):
    """`` lang="th"`` when the text of ``item`` (by default the page) is Thai on a page served
    in another language, else nothing."""
    return THAI_LANG if _is_thai(context, item) else ""


@register.simple_tag(takes_context=True)
def thai_lang(context):
    """`` lang="th"`` on a page served in another language: for text that is always Thai,
    such as people's names and schools' codes (ท.๑), which have no translation."""
    return content_lang(context, ALWAYS_THAI)


@register.inclusion_tag("components/thai_only_note.html", takes_context=True)
def thai_only_note(context):
    """On a Thai page shown at its English address: a note, and a link to the Thai page."""
    page = context.get("page")
    request = context.get("request")
    if page is None or not is_thai_only(request):
        return {}
    return {"thai_url": page.get_url(request)}
