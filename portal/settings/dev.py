"""Local development: debug on, a fixed throw-away key, mail printed to the console."""

from portal.env import env_int, env_list, env_str

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# The page cache is off while developing (an edited template shows at once); PAGE_CACHE_SECONDS=600
# turns it on as in production.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
PAGE_FRAGMENT_SECONDS = env_int("PAGE_FRAGMENT_SECONDS", 0)
