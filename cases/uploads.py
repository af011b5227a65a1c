"""Attachments are checked by what they contain, not by their name: the first bytes must be
those of a JPEG, PNG or WebP image (which Pillow then verifies) or of a PDF, and each file
and the whole set have a size limit. The stored name is made up by us."""

import secrets

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image

DEFAULT_MAX_FILES = 3
DEFAULT_MAX_FILE_MB = 5
ACCEPT = "image/jpeg,image/png,image/webp,application/pdf"


def detect(head):
    """``(extension, content type, is_image)`` from the first bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg", "image/jpeg", True
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", "image/png", True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp", "image/webp", True
    if head.startswith(b"%PDF-"):
        return "pdf", "application/pdf", False
    return None


def max_files():
    return getattr(settings, "CASES_MAX_ATTACHMENTS", DEFAULT_MAX_FILES)


def max_file_mb():
    return getattr(settings, "CASES_MAX_ATTACHMENT_MB", DEFAULT_MAX_FILE_MB)


def check_attachment(upload):
    """``(stored name, content type)`` of a valid upload; a Thai ValidationError otherwise."""
    name = upload.name
    if upload.size > max_file_mb() * 1024 * 1024:
        raise forms.ValidationError(
            _("ไฟล์ %(name)s มีขนาดเกิน %(mb)s เมกะไบต์"),
            code="too_large",
            params={"name": name, "mb": max_file_mb()},
        )
    upload.seek(0)
    kind = detect(upload.read(16))
    upload.seek(0)
    if kind is None:
        raise forms.ValidationError(
            _("ไฟล์ %(name)s ไม่ใช่ภาพถ่าย (JPEG, PNG, WebP) หรือเอกสาร PDF"),
            code="bad_type",
            params={"name": name},
        )
    extension, content_type, is_image = kind
    if is_image:
        try:
            with Image.open(upload) as image:
                image.verify()
        except Exception:
            raise forms.ValidationError(
                _("ไฟล์ภาพ %(name)s เสียหายหรือเปิดไม่ได้"), code="bad_image", params={"name": name}
            ) from None
        finally:
            upload.seek(0)
    return f"{secrets.token_hex(16)}.{extension}", content_type


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to ``max_files()`` photos or PDFs; cleans to ``[(upload, stored name, type)]``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(uploads) > max_files():
            raise forms.ValidationError(
                _("แนบไฟล์ได้ไม่เกิน %(count)s ไฟล์"), code="too_many", params={"count": max_files()}
            )
        checked, errors = [], []
        for upload in uploads:
            super().clean(upload, initial)
            try:
                checked.append((upload, *check_attachment(upload)))
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return checked
