"""A page type must be found by its title like every other: its ``search_fields`` extend
``BasePage.search_fields`` (Thai-aware title and summaries).

This replaces Wagtail's ``wagtailsearch.W001``, which looks for the very field objects of
``Page.search_fields`` and so cannot see their Thai-aware replacements (silenced in settings).

A page type must also answer what the search page asks of it (kind, date, card text), through
the fields it names: ``search_card_check``.
"""

from django.core.checks import Error, Warning, register
from wagtail.models import get_page_models

from thai.index import ThaiAutocompleteField, ThaiSearchField


@register("search")
def thai_title_check(app_configs, **kwargs):
    errors = []
    for model in get_page_models():
        if not model.search_fields or model._meta.app_label.startswith("wagtail"):
            continue
        kinds = {type(field) for field in model.search_fields if field.field_name == "title"}
        if not {ThaiSearchField, ThaiAutocompleteField} <= kinds:
            errors.append(
                Warning(
                    "The title is not indexed as Thai text",
                    hint=f"Make {model.__name__}.search_fields extend BasePage.search_fields.",
                    obj=model,
                    id="search.W001",
                )
            )
    return errors


SEARCH_FIELD_ATTRIBUTES = ("search_kind_field", "search_date_field", "search_fiscal_year_field")


@register("search")
def search_card_check(app_configs, **kwargs):
    """Every page type answers what the search page asks of it (``core.models.BasePage``:
    kinds, date, card), and the fields it names for that exist."""
    errors = []
    for model in get_page_models():
        if model._meta.app_label.startswith("wagtail"):
            continue
        if not all(
            callable(getattr(model, name, None))
            for name in ("search_kind_label", "search_date", "search_text")
        ):
            errors.append(
                Error(
                    "The page type does not say what the search page shows of it",
                    hint=f"Make {model.__name__} extend core.models.BasePage.",
                    obj=model,
                    id="search.E002",
                )
            )
            continue
        for attribute in SEARCH_FIELD_ATTRIBUTES:
            name = getattr(model, attribute)
            if name and name not in {field.name for field in model._meta.get_fields()}:
                errors.append(
                    Error(
                        f"{attribute} names a field the page type does not have: {name}",
                        obj=model,
                        id="search.E003",
                    )
                )
    return errors
