"""Hostile requests stopped at the door, with a Thai page instead of a 500:

- NUL bytes (no person types one; PostgreSQL refuses them in every query) are taken out of
  the query string's names and values before any view reads them, and an address (path)
  carrying one is answered 400;
- a body larger than ``REQUEST_BODY_MAX_MB`` (by its Content-Length) is answered 413 before a
  byte of it is read;
- an uploaded file is read only up to ``UPLOAD_FILE_MAX_MB``: the upload handler, first of
  ``FILE_UPLOAD_HANDLERS``, stops there, so no more than that reaches memory or the
  temporary folder, and the request is answered 413 (``bad_request``, the site's handler400).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import QueryDict
from django.shortcuts import render

MB = 1024 * 1024


def _refuse(request, status):
    template = "413.html" if status == 413 else "400.html"
    return render(request, template, {"limit_mb": settings.UPLOAD_FILE_MAX_MB}, status=status)


def _without_nul(query):
    """``query`` (a QueryDict) without NUL bytes in its names and values; itself when clean."""
    pairs = [(key, value) for key, values in query.lists() for value in values]
    if not any("\x00" in key or "\x00" in value for key, value in pairs):
        return query
    return QueryDict(
        urlencode([(key.replace("\x00", ""), value.replace("\x00", "")) for key, value in pairs])
    )


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _refuse(request, 400)
        if length > settings.REQUEST_BODY_MAX_MB * MB:
            return _refuse(request, 413)
        if "\x00" in request.path:
            return _refuse(request, 400)
        request.GET = _without_nul(request.GET)
        return self.get_response(request)


class FileSizeLimitHandler(FileUploadHandler):
    """Passes each file's bytes on to the next handlers until the file grows past
    ``UPLOAD_FILE_MAX_MB``; then stops the upload with Django's ``RequestDataTooBig``."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_FILE_MAX_MB * MB:
            raise RequestDataTooBig("An uploaded file is larger than UPLOAD_FILE_MAX_MB.")
        return raw_data

    def file_complete(self, file_size):
        return None


def bad_request(request, exception):
    """The site's 400 page; 413 for a file or body past the limits."""
    return _refuse(request, 413 if isinstance(exception, RequestDataTooBig) else 400)
