"""The home app's part of the daily site check (``register_site_checks``): a Thai H1 page
with documents by fiscal year that had last year's is expected to have this year's (a page
whose documents are not yearly, e.g. a policy statement, is not)."""

from django.utils import timezone
from wagtail.models import Locale

from home.models import InformationPage
from oversight.content_checks import observation
from oversight.models import FindingKind
from thai.dates import fiscal_year


def fiscal_year_documents(now):
    year = fiscal_year(timezone.localdate(now))
    for page in InformationPage.objects.live().filter(locale=Locale.get_default()):
        years = {
            block["value"].get("fiscal_year")
            for block in page.documents.raw_data
            if block.get("type") == "fiscal_year" and block["value"].get("documents")
        }
        if year - 1 in years and year not in years:
            yield observation(
                FindingKind.NO_FISCAL_YEAR_DOCUMENT,
                page,
                target=f"fiscal_year:{year}",
                detail=f"มีเอกสารปีงบประมาณ {year - 1} แต่ยังไม่มีของปีงบประมาณ {year} "
                f"(Has fiscal year {year - 1} but not {year} yet)",
            )
