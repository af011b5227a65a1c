"""The parts every listing shares: the filter drop-downs of its form."""

from django import template

from core.templatetags.language_tags import is_thai

register = template.Library()


def _option(choice):
    """``(value, label, lang)`` from a choice pair, a triple whose third part is the label's
    language code (``lang`` is then "th" for a Thai label on an English page), a unit (slug and
    localized name) or a bare year."""
    language_code = None
    if isinstance(choice, (tuple, list)):
        value, label, language_code = choice if len(choice) == 3 else (*choice, None)
    elif hasattr(choice, "slug"):
        value, label = choice.slug, choice.localized_name
    else:
        value = label = choice
    return str(value), label, (language_code if is_thai(language_code) else "")


@register.inclusion_tag("components/filter_select.html")
def filter_select(field_id, name, label, any_label, choices, selected):
    """A labelled drop-down of a listing's filter form; its first option, ``any_label``,
    means "all" (an empty ``any_label``: one of ``choices`` must be chosen, e.g. a sort order).

    ``{% filter_select "news-unit" "unit" _("หน่วยงาน") _("ทุกหน่วยงาน") units filters.unit %}``
    """
    return {
        "field_id": field_id,
        "name": name,
        "label": label,
        "any_label": any_label,
        "options": [_option(choice) for choice in choices],
        "selected": "" if selected in (None, "") else _option(selected)[0],
    }
