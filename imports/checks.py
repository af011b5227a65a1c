"""The imports' part of the daily site check (``register_site_checks``): a notice imported
from the old site without what the editor requires of a new one (budget, winner, agreed
price), reported to its unit as a warning until someone completes it."""

from imports.legacy import labels, missing_fields
from imports.models import ImportedNotice
from oversight.content_checks import observation
from oversight.models import FindingKind
from procurement.models import ProcurementNoticePage


def incomplete_imports(now):
    page_ids = ImportedNotice.objects.filter(incomplete=True).values("page_id")
    notices = ProcurementNoticePage.objects.filter(pk__in=page_ids).order_by("path")
    for page in notices:
        missing = missing_fields(page)
        if not missing:
            continue
        names = labels(page, missing)
        yield observation(
            FindingKind.IMPORT_INCOMPLETE,
            page,
            target="fields:" + ",".join(missing),
            detail=f"นำเข้าจากเว็บไซต์เดิมโดยยังไม่มี {names} กรุณาแก้ไขให้ครบ "
            f"(Imported from the old site without {names})",
        )


def mark_complete(sender, instance, **kwargs):
    """``page_published``: a notice published complete (the editor's rules applied) is no
    longer incomplete."""
    if not missing_fields(instance):
        ImportedNotice.objects.filter(page_id=instance.pk, incomplete=True).update(incomplete=False)
