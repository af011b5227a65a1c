"""Search fields that index Thai text segmented into words (see ``thai.text``).

Every search backend (the database ones, Elasticsearch, OpenSearch) reads an indexed value
through ``get_value()``, so these subclasses are the one place where Thai text is prepared for
the index. Page models declare them in ``search_fields`` instead of Wagtail's own classes:

    search_fields = [*BasePage.search_fields, ThaiSearchField("body")]

A field with choices is indexed by its labels (in Thai and English), a date by its Thai
spelling with the Buddhist Era year, so that ``ประกาศผู้ชนะการเสนอราคา``, ``e-bidding`` or
``มีนาคม 2567`` find the notices that are that kind, method or month.
"""

import contextlib
import contextvars
import datetime
import functools

from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from wagtail.search import index

from thai.dates import format_english_date, format_thai_date
from thai.text import index_text

LABEL_LANGUAGES = ("th", "en")


@functools.cache
def _labels(field, value):
    """The display labels of ``value`` in the interface languages (Thai msgids first)."""
    label = dict(field.flatchoices).get(value, value)
    labels = []
    for language in LABEL_LANGUAGES:
        with translation.override(language):
            labels.append(str(label))
    return " ".join(dict.fromkeys(labels))


def _dates(value):
    """A date spelled as citizens search for it: ``15 มีนาคม 2567 15 March 2024``."""
    return f"{format_thai_date(value)} {format_english_date(value)}"


# The values made inside ``values_made_once``: (id(object), id(field)) → (object, value).
_made = contextvars.ContextVar("thai_index_values", default=None)


@contextlib.contextmanager
def values_made_once():
    """Inside, each search field's value of an object is made once and given again when asked
    again. Wagtail's database backends build an object's index entry by asking every field's
    value once per column (title, body, autocomplete: three times on SQLite, five on
    PostgreSQL), and a notice's value is its segmented Thai text, its rich text read through
    (``thai.backends`` wraps their ``add_items`` in this). The objects are held until the end,
    so an id is never another object's."""
    token = _made.set({})
    try:
        yield
    finally:
        _made.reset(token)


class ThaiTextMixin:
    def __init__(self, field_name, *args, prefix="", **kwargs):
        super().__init__(field_name, *args, **kwargs)
        # Words indexed before the value, e.g. ``ปีงบประมาณ`` before a fiscal year.
        self.prefix = prefix

    def get_value(self, obj):
        made = _made.get()
        if made is None:
            return self.make_value(obj)
        key = (id(obj), id(self))
        if key not in made:
            made[key] = (obj, self.make_value(obj))
        return made[key][1]

    def make_value(self, obj):
        value = super().get_value(obj)
        try:
            model_field = obj.__class__._meta.get_field(self.field_name)
        except FieldDoesNotExist:
            model_field = None
        if model_field is not None and model_field.choices and value not in (None, ""):
            value = _labels(model_field, value)
        elif isinstance(value, datetime.date):
            value = _dates(value)
        if self.prefix and value not in (None, ""):
            value = f"{self.prefix} {value}"
        return index_text(value)


class ThaiSearchField(ThaiTextMixin, index.SearchField):
    """A ``SearchField`` whose indexed value is normalised, segmented Thai text."""


class ThaiAutocompleteField(ThaiTextMixin, index.AutocompleteField):
    """An ``AutocompleteField`` whose indexed value is normalised, segmented Thai text."""


def thai_search_fields(fields):
    """``fields`` (e.g. ``Page.search_fields``) with their search and autocomplete fields made
    Thai-aware; filter fields are kept as they are."""
    converted = []
    for field in fields:
        if isinstance(field, index.SearchField) and not isinstance(field, ThaiSearchField):
            converted.append(ThaiSearchField(field.field_name, boost=field.boost, **field.kwargs))
        elif isinstance(field, index.AutocompleteField) and not isinstance(
            field, ThaiAutocompleteField
        ):
            converted.append(ThaiAutocompleteField(field.field_name, **field.kwargs))
        elif isinstance(field, index.RelatedFields):
            converted.append(
                index.RelatedFields(field.field_name, thai_search_fields(field.fields))
            )
        else:
            converted.append(field)
    return converted
