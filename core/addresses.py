"""Page addresses (slugs) that keep Thai whole: made by ``thai.text.slug``, free under the
parent, accepted by the editor's form, the model's validation and the URL patterns.

Django's ``validate_unicode_slug``, Wagtail's serve pattern and its slug script accept only
``\\w``, which leaves out Thai vowel and tone marks (see docs/addresses.md); this module is
where the portal widens each of them, through public means only: the form field's
``validators``, the model field's ``default_validators`` (``accept_thai_marks_in_page_slugs``)
and a URL pattern of its own
for ``wagtail.views.serve`` (``SERVE_PATTERN``, in portal/urls.py).
"""

from django.core.validators import RegexValidator, validate_unicode_slug
from wagtail.models import Page

from thai.text import SLUG_PATTERN, slug

INVALID_MESSAGE = (
    "ที่อยู่หน้าใช้ได้เฉพาะตัวอักษร (พร้อมสระและวรรณยุกต์) ตัวเลข ขีด (-) และขีดล่าง (_) ห้ามมีช่องว่างหรือเครื่องหมายอื่น"
)
EMPTY_MESSAGE = "ตั้งชื่อเรื่องหรือที่อยู่หน้าที่มีตัวอักษรหรือตัวเลขอย่างน้อยหนึ่งตัว"

validate_page_address = RegexValidator(f"^{SLUG_PATTERN}\\Z", INVALID_MESSAGE, code="invalid")

# Wagtail's own serve pattern (wagtail/urls.py) with the Thai marks added (portal/urls.py).
SERVE_PATTERN = f"^((?:{SLUG_PATTERN}/)*)$"


def free_address(parent, title, page=None):
    """The address ``thai.text.slug`` makes of ``title``, with "-2", "-3"… added when a
    sibling under ``parent`` already has it ("" for a title without letters or digits)."""
    base = slug(title)
    if not base or parent is None:
        return base
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def accept_thai_marks_in_page_slugs():
    """Validate ``Page.slug`` with ``validate_page_address`` wherever a page is saved: Wagtail
    saves plain ``Page`` objects too (moving, reordering, unpublishing), whose ``full_clean``
    no subclass can override. Run once, from ``CoreConfig.ready``: Django's
    ``validate_unicode_slug`` is replaced in the field's ``validators`` list (the length check
    beside it stays). Listed in docs/upgrading.md."""
    field = Page._meta.get_field("slug")
    field.validators[:] = [
        validate_page_address if validator is validate_unicode_slug else validator
        for validator in field.validators
    ]
