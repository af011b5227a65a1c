import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: Wagtail's site root paths, the menu and the
    private-section list must not leak from one test's tree into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def thai_by_default():
    """Each test starts in Thai, the site's default language: a request to an English page
    leaves English active in the thread, and messages made outside a request (model
    validation, commands) would otherwise depend on which test ran before."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
