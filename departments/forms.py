"""The citizen's filter on the internal phone numbers page."""

from django import forms
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 100


class PhoneFilterForm(forms.Form):
    """``?unit=<slug>&q=<text>``: a value that does not fit is ignored, never an error page.

    ``units`` are the units listed on the page, fetched once for both the choices and the check.
    """

    unit = forms.ChoiceField(required=False)
    q = forms.CharField(
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, data=None, *, units, **kwargs):
        super().__init__(data, **kwargs)
        self.units = {unit.slug: unit for unit in units}
        self.fields["unit"].choices = [
            ("", _("ทุกหน่วยงาน")),
            *((unit.slug, unit.localized_name) for unit in units),
        ]

    @classmethod
    def read(cls, data, units):
        """``(form to show, unit or None, query text)`` from the values that are good.

        The form shown again holds only those values, so it never shows a citizen an error.
        """
        submitted = cls(data, units=units)
        submitted.is_valid()
        unit = submitted.units.get(submitted.cleaned_data.get("unit"))
        query = submitted.cleaned_data.get("q", "")
        shown = cls(units=units, initial={"unit": unit.slug if unit else "", "q": query})
        return shown, unit, query
