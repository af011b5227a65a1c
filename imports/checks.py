"""The imports' part of the daily site check (``register_site_checks``): a notice imported
from the old site without what the editor requires of a new one (budget, winner, agreed
price), reported to its unit as a warning until someone completes it in the editor."""

from imports.legacy import labels
from oversight.content_checks import observation
from oversight.models import FindingKind
from procurement.models import ProcurementNoticePage


def incomplete_imports(now):
    notices = ProcurementNoticePage.objects.filter(imported_incomplete=True).order_by("path")
    for page in notices:
        missing = page.missing_fields()
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
