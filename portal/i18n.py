"""Language helpers every app may use (this package sits below the apps)."""

from django.utils.translation import get_language


def localized(thai, english):
    """``english`` on English pages when it is filled in, else ``thai``: how a record with a
    name (or text) in both languages shows it."""
    return english if get_language() == "en" and english else thai
