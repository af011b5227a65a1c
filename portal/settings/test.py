"""The test suite: fast hashing, mail kept in memory, files in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
CASES_FILES_ROOT = tempfile.mkdtemp(prefix="portal-test-cases-")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# The page cache is off in tests that count queries or change rows behind Wagtail's back;
# tests/test_page_cache.py and tests/test_varnish.py turn it on.
PAGE_CACHE_SECONDS = 0
PAGE_FRAGMENT_SECONDS = 0
