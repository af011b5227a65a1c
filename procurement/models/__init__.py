"""Procurement page types: notices (``notices``), the procurement listing with its open data
(``listing``), the monthly summaries and the ITA list (``summaries``)."""

from procurement.models.listing import ProcurementIndexPage
from procurement.models.notices import (
    RESULT_STAGES,
    BudgetSource,
    ProcurementBidder,
    ProcurementMethod,
    ProcurementNoticePage,
    ProcurementStage,
    ProcurementStatus,
)
from procurement.models.summaries import ProcurementSummaryIndexPage, ProcurementSummaryPage

__all__ = [
    "RESULT_STAGES",
    "BudgetSource",
    "ProcurementBidder",
    "ProcurementIndexPage",
    "ProcurementMethod",
    "ProcurementNoticePage",
    "ProcurementStage",
    "ProcurementStatus",
    "ProcurementSummaryIndexPage",
    "ProcurementSummaryPage",
]
