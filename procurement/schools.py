"""The municipal schools, as procurement sees them: pages beside the announcements under
which notices are published (S1). The schools app registers them through the
``register_procurement_schools`` hook (``schools/wagtail_hooks.py``), so the listing can
filter by school and name each notice's school without procurement importing the app that
contains procurement notices."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks


@dataclass(frozen=True)
class Schools:
    page_model: type  # the page type under which a school's notices are published
    # (request) -> [(slug, title, [path in each language], title's language code), ...]
    filter_choices: Callable


def registered_schools():
    """What the schools app registered (exactly one registration)."""
    found = [register() for register in hooks.get_hooks("register_procurement_schools")]
    if len(found) != 1:
        raise ImproperlyConfigured("One app must register the schools (schools/wagtail_hooks.py).")
    return found[0]
