"""Figures published automatically from the cases themselves (anonymisation keeps the rows, so
it keeps the figures): complaints per month and category of a fiscal year (ITA O18), and the
use of every online form per month (O10). Each table is one grouped query."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Min
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language, gettext

from thai.dates import BE_OFFSET, THAI_MONTHS, fiscal_year, fiscal_year_bounds


@dataclass
class Row:
    """Received, completed (resolved or rejected) and still in progress."""

    label: str = ""
    received: int = 0
    completed: int = 0
    in_progress: int = 0

    def add(self, closed, count):
        self.received += count
        if closed:
            self.completed += count
        else:
            self.in_progress += count


@dataclass
class ComplaintStatistics:
    year: int
    months: list
    categories: list
    total: Row
    rated: int = 0  # closed cases of the year their complainants rated (1–5)
    rating_sum: int = 0

    @property
    def average_rating(self):
        """The complainants' mean rating of the year's closed cases, or None before any."""
        return round(self.rating_sum / self.rated, 1) if self.rated else None


@dataclass
class FormUsage:
    label: str
    months: list

    @property
    def total(self):
        return sum(self.months)


def month_starts(year_be):
    """The first day of each month of fiscal year ``year_be`` that has begun (Bangkok time),
    October first: all twelve for a past year, up to this month for the current one. A month
    still to come is not a month "with no complaints"."""
    today = timezone.localdate()
    start, _end = fiscal_year_bounds(year_be)
    months = (
        datetime.date(
            start.year + (start.month + offset - 1) // 12, (start.month + offset - 1) % 12 + 1, 1
        )
        for offset in range(12)
    )
    return [day for day in months if day <= today]


def month_label(day):
    if get_language() == "en":
        return day.strftime("%B %Y")
    return f"{THAI_MONTHS[day.month - 1]} {day.year + BE_OFFSET}"


def year_range(year_be):
    """Aware datetimes bounding fiscal year ``year_be`` in Bangkok time, end excluded."""
    start, end = fiscal_year_bounds(year_be)
    zone = timezone.get_default_timezone()
    return (
        datetime.datetime.combine(start, datetime.time.min, tzinfo=zone),
        datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone),
    )


def per_month(queryset, date_field, *group_by):
    """``queryset`` within the fiscal year, counted per Bangkok month and ``group_by``."""
    return (
        queryset.annotate(month=TruncMonth(date_field, tzinfo=timezone.get_default_timezone()))
        .values("month", *group_by)
        .annotate(count=Count("pk"))
        .order_by()
    )


def month_index(months, value):
    local = timezone.localtime(value) if isinstance(value, datetime.datetime) else value
    first = datetime.date(local.year, local.month, 1)
    return months.index(first) if first in months else None


def complaint_statistics(year_be, categories):
    """Complaints received in each month of fiscal year ``year_be``, how many of them are
    completed and how many still in progress today; the same per category (``categories``,
    in their order, also those with none)."""
    from cases.models import CLOSED_STATUSES, Complaint

    months = month_starts(year_be)
    start, end = year_range(year_be)
    month_rows = [Row(label=month_label(day)) for day in months]
    category_rows = {category.pk: Row(label=category.localized_name) for category in categories}
    total = Row()
    rated = rating_sum = 0
    received = Complaint.objects.filter(received_at__gte=start, received_at__lt=end)
    for item in per_month(received, "received_at", "category_id", "status", "rating"):
        if item["rating"] is not None:  # the ratings come in the same grouped query
            rated += item["count"]
            rating_sum += item["rating"] * item["count"]
        closed = item["status"] in CLOSED_STATUSES
        index = month_index(months, item["month"])
        if index is not None:
            month_rows[index].add(closed, item["count"])
        row = category_rows.get(item["category_id"])
        if row is not None:
            row.add(closed, item["count"])
        total.add(closed, item["count"])
    return ComplaintStatistics(
        year=year_be,
        months=month_rows,
        categories=list(category_rows.values()),
        total=total,
        rated=rated,
        rating_sum=rating_sum,
    )


def form_usage(year_be):
    """Submissions of the online forms per month of fiscal year ``year_be``: the complaint form
    and the question form (the portal has no other form)."""
    from cases.models import Complaint, Question

    months = month_starts(year_be)
    start, end = year_range(year_be)
    complaints = FormUsage(gettext("ร้องเรียน/ร้องทุกข์ออนไลน์"), [0] * len(months))
    questions = FormUsage(gettext("ถาม-ตอบออนไลน์"), [0] * len(months))
    for usage, queryset, date_field in (
        (
            complaints,
            Complaint.objects.filter(received_at__gte=start, received_at__lt=end),
            "received_at",
        ),
        (questions, Question.objects.filter(asked_at__gte=start, asked_at__lt=end), "asked_at"),
    ):
        for item in per_month(queryset, date_field):
            index = month_index(months, item["month"])
            if index is not None:
                usage.months[index] += item["count"]
    return [complaints, questions]


def first_fiscal_year(today=None):
    """The fiscal year of the first complaint (the current one when there is none)."""
    from cases.models import Complaint

    current = fiscal_year(today or timezone.localdate())
    first = Complaint.objects.aggregate(first=Min("received_at"))["first"]
    return min(fiscal_year(first), current) if first else current
