"""The schools' part of the daily site check (``register_site_checks``): a Thai school page
without a live procurement notice of this fiscal year under it."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.models import Locale

from oversight.content_checks import observation
from oversight.models import FindingKind
from procurement.models import ProcurementNoticePage
from schools.models import SchoolPage
from thai.dates import fiscal_year


def schools_without_notice(now):
    year = fiscal_year(timezone.localdate(now))
    notices = ProcurementNoticePage.objects.live().filter(
        path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1, fiscal_year=year
    )
    pages = (
        SchoolPage.objects.live()
        .filter(locale=Locale.get_default())
        .annotate(has_notice=Exists(notices))
    )
    for page in pages.filter(has_notice=False):
        yield observation(
            FindingKind.SCHOOL_NO_NOTICE,
            page,
            target=f"fiscal_year:{year}",
            detail=f"ยังไม่มีประกาศจัดซื้อจัดจ้างในปีงบประมาณ {year} "
            f"(No procurement notice in fiscal year {year} yet)",
        )
