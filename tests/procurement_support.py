"""Builders shared by the procurement test modules."""

import datetime
from decimal import Decimal

from procurement.models import ProcurementMethod, ProcurementStage
from tests.factories import (
    ProcurementIndexPageFactory,
    ProcurementNoticePageFactory,
    ProcurementSummaryIndexPageFactory,
)
from tests.factories import (
    unit as unit_named,
)


def procurement_indexes(home):
    """The procurement listing and, under it, the summaries index."""
    listing = ProcurementIndexPageFactory(parent=home, title="จัดซื้อจัดจ้าง")
    summaries = ProcurementSummaryIndexPageFactory(parent=listing, title="สรุปผลการจัดซื้อจัดจ้างรายเดือน")
    return listing, summaries


def add(parent, slug, subject, *, unit="engineering", stage=ProcurementStage.INVITATION, **fields):
    """A live procurement notice under ``parent``; ``bidders`` as (name, price) pairs."""
    fields.setdefault("date", datetime.date(2025, 10, 15))
    fields.setdefault("budget", Decimal("100000.00"))
    fields.setdefault("method", ProcurementMethod.E_BIDDING)
    return ProcurementNoticePageFactory(
        parent=parent,
        slug=slug,
        title=f"ประกาศเทศบาลนครนครสวรรค์ เรื่อง {subject}",
        subject=subject,
        stage=stage,
        responsible_unit=unit_named(unit),
        **fields,
    )
