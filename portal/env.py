"""Read settings from the environment, parsing every value explicitly.

A wrong value stops the process with a message naming the variable, instead of
being read as true (``"False"`` is a non-empty string) or silently ignored.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_str(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the environment variable {name} (see .env.example).")
    return value


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name, choices, default):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    value = value.strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


# Object storage (MEDIA_STORAGE=s3, docs/operations.md) -----------------------------------------


def check_buckets(public, private):
    if not public or not private:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs S3_PUBLIC_BUCKET and S3_PRIVATE_BUCKET (docs/operations.md)."
        )
    if public == private:
        raise ImproperlyConfigured(
            "S3_PUBLIC_BUCKET and S3_PRIVATE_BUCKET must be two buckets: complaint attachments "
            "never share a bucket with public files."
        )


def bucket_url(endpoint, bucket, addressing_style):
    """The bucket's own address at an S3-compatible ``endpoint`` (empty: set S3_PUBLIC_URL)."""
    if not endpoint or not bucket:
        return ""
    if addressing_style == "virtual":
        scheme, _, host = endpoint.partition("://")
        return f"{scheme}://{bucket}.{host}"
    return f"{endpoint}/{bucket}"


def origin_of(url):
    """``scheme://host[:port]`` of ``url``."""
    if "://" not in url:
        raise ImproperlyConfigured(
            f"Set S3_PUBLIC_URL (or S3_ENDPOINT_URL): media need a full public address, not {url!r}."
        )
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"
