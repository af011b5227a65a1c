import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: Wagtail's site root paths, the menu and the
    private-section list must not leak from one test's tree into the next."""
    cache.clear()
    yield
    cache.clear()
