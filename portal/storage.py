"""Where media and complaint attachments are stored: folders on the local disk (the default) or
two buckets of an S3-compatible store (``MEDIA_STORAGE=s3``, docs/operations.md "Object
storage"). Both kinds are configured in ``settings.MEDIA_STORAGES``; ``STORAGES`` uses one.

- ``default``: documents, original images and image renditions. In the public bucket only the
  renditions (``images/…``) are public-read, with a year's cache lifetime; documents and
  original images are private objects, served by the portal after its checks
  (``core.public_files``).
- ``private``: complaint attachments, private objects of the private bucket, read only through
  the admin's attachment view.

A store that cannot be reached, or that refuses, raises ``OSError`` as a full or read-only disk
would, so that callers handle both alike (``cases.handling.save_attachments``)."""

import functools
import posixpath

from boto3.exceptions import Boto3Error
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.encoding import filepath_to_uri
from django.utils.functional import LazyObject, empty
from django.utils.module_loading import import_string
from storages.backends.s3 import S3Storage

# Wagtail's folder of image renditions: the only public objects.
PUBLIC_FOLDERS = ("images/",)
PUBLIC_CACHE_CONTROL = "max-age=31536000, public"
STORE_ERRORS = (BotoCoreError, ClientError, Boto3Error)


class PrivateFileSystemStorage(FileSystemStorage):
    """Complaint attachments on disk: ``CASES_FILES_ROOT``, outside ``MEDIA_ROOT``, so the web
    server never serves them."""

    def __init__(self, location=None, **options):
        super().__init__(location=location or settings.CASES_FILES_ROOT, **options)


def store_errors_as_os_errors(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except STORE_ERRORS as error:
            raise OSError(f"object storage ({self.bucket_name}): {error}") from error

    return wrapper


class BucketStorage(S3Storage):
    """One bucket: names never overwritten (a second ``report.pdf`` gets its own name), short
    timeouts and few retries, the store's failures raised as ``OSError``."""

    file_overwrite = False

    def __init__(self, **options):
        super().__init__(**options)
        self.client_config = self.client_config.merge(
            Config(connect_timeout=3, read_timeout=20, retries={"total_max_attempts": 2})
        )

    _open = store_errors_as_os_errors(S3Storage._open)
    _save = store_errors_as_os_errors(S3Storage._save)
    delete = store_errors_as_os_errors(S3Storage.delete)
    exists = store_errors_as_os_errors(S3Storage.exists)
    listdir = store_errors_as_os_errors(S3Storage.listdir)
    size = store_errors_as_os_errors(S3Storage.size)
    get_modified_time = store_errors_as_os_errors(S3Storage.get_modified_time)


class PublicBucketStorage(BucketStorage):
    """The public bucket. ``object_acls`` False: the store has no ACLs, and a bucket policy
    makes ``images/*`` readable instead (docs/operations.md)."""

    def get_default_settings(self):
        return {**super().get_default_settings(), "public_url": "", "object_acls": True}

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        public = is_public_name(name)
        if public:
            parameters["CacheControl"] = PUBLIC_CACHE_CONTROL
        if self.object_acls:
            parameters["ACL"] = "public-read" if public else "private"
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        """A rendition's lasting public address; any other object's address is signed and
        short-lived (only the portal's own views hand it out, after their checks)."""
        if is_public_name(name) and not parameters and http_method is None:
            return f"{self.public_url.rstrip('/')}/{filepath_to_uri(name)}"
        if expire is None:
            # An address signed here can be kept in a cached page or API answer (an original
            # image's download_url) for up to PAGE_CACHE_SECONDS: it must outlive that copy.
            expire = self.querystring_expire + settings.PAGE_CACHE_SECONDS
        return super().url(name, parameters, expire, http_method)


class PrivateBucketStorage(BucketStorage):
    """The private bucket: every object private, every address signed and short-lived."""

    default_acl = "private"
    querystring_auth = True


def is_public_name(name):
    return name.startswith(PUBLIC_FOLDERS)


def media_storages(kind):
    """``{"default": storage, "private": storage}`` of ``kind`` (``disk`` or ``s3``), made
    from ``settings.MEDIA_STORAGES`` whichever kind the site runs on."""
    return {
        alias: import_string(config["BACKEND"])(**config.get("OPTIONS", {}))
        for alias, config in settings.MEDIA_STORAGES[kind].items()
    }


class PrivateStorage(LazyObject):
    """``STORAGES["private"]``, looked up when first used (as Django's ``default_storage``)."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed)
def forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty


def walk(storage, folder=""):
    """Every file name under ``folder`` of ``storage``, sorted, folders first; none when the
    folder does not exist."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(folders):
        yield from walk(storage, posixpath.join(folder, name))
    for name in sorted(files):
        yield posixpath.join(folder, name)
