"""A page type must be found by its title like every other: its ``search_fields`` extend
``BasePage.search_fields`` (Thai-aware title and summaries).

This replaces Wagtail's ``wagtailsearch.W001``, which looks for the very field objects of
``Page.search_fields`` and so cannot see their Thai-aware replacements (silenced in settings).
"""

from django.core.checks import Warning, register

from search.index import ThaiAutocompleteField, ThaiSearchField


@register("search")
def thai_title_check(app_configs, **kwargs):
    from wagtail.models import get_page_models

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
