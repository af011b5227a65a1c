"""The departments' part of the daily site check (``register_site_checks``), on the Thai pages
(translations follow them): a unit page without powers and duties or without personnel, and a
person of a unit page or a directory without a position."""

from django.db.models import Count
from django.utils.html import strip_tags
from wagtail.models import Locale

from departments.models import (
    DepartmentPage,
    DepartmentPerson,
    DirectoryPerson,
    PersonDirectoryPage,
)
from oversight.content_checks import observation
from oversight.models import FindingKind


def has_text(raw):
    """Whether raw StreamField data holds anything a reader would see."""
    if isinstance(raw, str):
        return bool(strip_tags(raw).strip())
    if isinstance(raw, dict):
        return any(has_text(value) for key, value in raw.items() if key not in ("type", "id"))
    if isinstance(raw, list | tuple):
        return any(has_text(item) for item in raw)
    return raw not in (None, False, "")


def people_without_position(model, pages):
    people = model.objects.filter(page__in=pages.values("pk"), position="").select_related("page")
    for person in people:
        yield observation(
            FindingKind.NO_POSITION,
            person.page,
            target=f"person:{person.pk}",
            detail=f"{person.name}: ไม่ได้ระบุตำแหน่ง (No position given)",
        )


def unit_pages(now):
    pages = (
        DepartmentPage.objects.live()
        .filter(locale=Locale.get_default())
        .annotate(people_count=Count("people"))
    )
    for page in pages:
        if not has_text(list(page.duties.raw_data)):
            yield observation(
                FindingKind.NO_DUTIES,
                page,
                detail="ยังไม่มีข้อความอำนาจหน้าที่ของหน่วยงาน (No powers and duties yet)",
            )
        if not page.people_count:
            yield observation(
                FindingKind.NO_PERSONNEL,
                page,
                detail="ยังไม่มีรายชื่อบุคลากรของหน่วยงาน (No personnel listed yet)",
            )
    yield from people_without_position(DepartmentPerson, pages)


def directories(now):
    pages = PersonDirectoryPage.objects.live().filter(locale=Locale.get_default())
    yield from people_without_position(DirectoryPerson, pages)
