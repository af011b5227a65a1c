"""Citizen channels: complaints followed as cases (``complaints``), questions answered as
public FAQ entries (``questions``) and the public page types (``pages``)."""

from cases.models.complaints import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    PUBLIC_STATUS,
    CaseAttachment,
    CaseEvent,
    Complaint,
    ComplaintCategory,
    Status,
    TrackingSequence,
)
from cases.models.pages import (
    CaseStatisticsPage,
    ComplaintPage,
    QuestionIndexPage,
    QuestionPage,
)
from cases.models.questions import Question

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "PUBLIC_STATUS",
    "CaseAttachment",
    "CaseEvent",
    "CaseStatisticsPage",
    "Complaint",
    "ComplaintCategory",
    "ComplaintPage",
    "Question",
    "QuestionIndexPage",
    "QuestionPage",
    "Status",
    "TrackingSequence",
]
