"""Builders shared by the procurement test modules."""

import datetime
from decimal import Decimal

from core import demo
from procurement.models import (
    ProcurementBidder,
    ProcurementIndexPage,
    ProcurementMethod,
    ProcurementNoticePage,
    ProcurementStage,
    ProcurementSummaryIndexPage,
)


def procurement_indexes(home):
    """The procurement listing and, under it, the summaries index."""
    listing = demo.child_page(home, ProcurementIndexPage, "procurement", title="จัดซื้อจัดจ้าง")
    summaries = demo.child_page(
        listing, ProcurementSummaryIndexPage, "summaries", title="สรุปผลการจัดซื้อจัดจ้างรายเดือน"
    )
    return listing, summaries


def add(parent, slug, subject, *, unit="engineering", stage=ProcurementStage.INVITATION, **fields):
    """A live procurement notice under ``parent``; ``bidders`` as (name, price) pairs."""
    bidders = [
        ProcurementBidder(name=name, price=Decimal(price))
        for name, price in fields.pop("bidders", [])
    ]
    fields.setdefault("date", datetime.date(2025, 10, 15))
    fields.setdefault("budget", Decimal("100000.00"))
    fields.setdefault("method", ProcurementMethod.E_BIDDING)
    return demo.child_page(
        parent,
        ProcurementNoticePage,
        slug,
        title=f"ประกาศเทศบาลนครนครสวรรค์ เรื่อง {subject}",
        subject=subject,
        stage=stage,
        responsible_unit=demo.unit(unit),
        bidders=bidders,
        **fields,
    )
