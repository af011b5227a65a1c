"""The ITA assessment years and OIT items as data (``assessment``) and the public pages of the
transparency centre (``pages``)."""

from transparency.models.assessment import (
    MAX_YEAR,
    MIN_YEAR,
    AssessmentYear,
    EvidenceLink,
    Indicator,
    OITItem,
    Period,
    evidence_fiscal_year,
    period_range,
)
from transparency.models.pages import ITAPage, MeasureIndexPage, MeasurePage

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "AssessmentYear",
    "EvidenceLink",
    "ITAPage",
    "Indicator",
    "MeasureIndexPage",
    "MeasurePage",
    "OITItem",
    "Period",
    "evidence_fiscal_year",
    "period_range",
]
