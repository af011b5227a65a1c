"""The yearly operations report (O3): what was published, how long approval took, what was
sent back, what went live and expired on schedule, whether the site was checked every day and
how quickly problems were fixed, for a Thai fiscal year or a calendar year.

Every figure comes from records Wagtail and this app keep: ``Page.first_published_at``,
workflow and task states, the page log (``wagtail.publish.scheduled``,
``wagtail.unpublish.scheduled``, the urgent publications), the log of other models (the urgent
publications of the alert banner), ``JobRun`` and ``Finding``.
"""

import datetime
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, PageLogEntry, TaskState, WorkflowState

from core.models import AlertBanner
from oversight.models import AnnualNarrative, Finding, FindingKind, JobRun, PeriodKind
from ownership.models import Unit
from thai.dates import BE_OFFSET, THAI_MONTHS_SHORT, fiscal_year, fiscal_year_bounds

NO_UNIT = "ไม่ระบุหน่วยงาน (No unit)"
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
# The log action of a page moved in from the old website (``manage.py import_notices`` writes
# it on the page's first revision): counted as moved in, not as published by hand, whatever
# its first publication date (the old site's).
MOVED_IN = "imports.imported"
SCHEDULED_GO_LIVE = "wagtail.publish.scheduled"
SCHEDULED_EXPIRY = "wagtail.unpublish.scheduled"
# Urgent publications (moderation.urgent logs them; named here, as oversight sits above it
# and imports none of the apps it reports on): a page's in the page log (PageLogEntry), the
# alert banner's, a snippet, in the log of other models (ModelLogEntry).
URGENT_PUBLISHED = "moderation.urgent_published"
URGENT_WITHDRAWN = "moderation.urgent_withdrawn"
CHECK_JOB = "check_site"
FIRST_YEAR, LAST_YEAR = 2550, 2700


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    kind: str  # PeriodKind
    year: int  # Buddhist Era

    @classmethod
    def parse(cls, kind, year):
        """A period from user input; ``PeriodError`` with a Thai/English message otherwise."""
        if kind not in PeriodKind.values:
            raise PeriodError("ช่วงเวลาต้องเป็นปีงบประมาณหรือปีปฏิทิน (fiscal or calendar year)")
        text = str(year or "").strip()
        if not text.isdigit():
            raise PeriodError(
                f"ปีต้องเป็นตัวเลขปีพุทธศักราช เช่น 2568 (the year must be a Buddhist Era "
                f"year such as 2568, not {text!r})"
            )
        value = int(text)
        if FIRST_YEAR - BE_OFFSET <= value <= LAST_YEAR - BE_OFFSET:
            raise PeriodError(
                f"ใช้ปีพุทธศักราช เช่น {value + BE_OFFSET} ไม่ใช่ {value} "
                f"(use the Buddhist Era year, e.g. {value + BE_OFFSET}, not {value})"
            )
        if not FIRST_YEAR <= value <= LAST_YEAR:
            raise PeriodError(
                f"ปี พ.ศ. ต้องอยู่ระหว่าง {FIRST_YEAR} ถึง {LAST_YEAR} "
                f"(the year must be between {FIRST_YEAR} and {LAST_YEAR})"
            )
        return cls(kind, value)

    @classmethod
    def current(cls, kind=PeriodKind.FISCAL):
        today = timezone.localdate()
        year = fiscal_year(today) if kind == PeriodKind.FISCAL else today.year + BE_OFFSET
        return cls(kind, year)

    @property
    def first_day(self):
        if self.kind == PeriodKind.FISCAL:
            return fiscal_year_bounds(self.year)[0]
        return datetime.date(self.year - BE_OFFSET, 1, 1)

    @property
    def last_day(self):
        if self.kind == PeriodKind.FISCAL:
            return fiscal_year_bounds(self.year)[1]
        return datetime.date(self.year - BE_OFFSET, 12, 31)

    @property
    def start(self):
        return timezone.make_aware(datetime.datetime.combine(self.first_day, datetime.time()))

    @property
    def end(self):
        """The first moment after the period (exclusive)."""
        day_after = self.last_day + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time()))

    @property
    def label(self):
        if self.kind == PeriodKind.FISCAL:
            return f"ปีงบประมาณ พ.ศ. {self.year}"
        return f"ปี พ.ศ. {self.year}"

    @property
    def label_en(self):
        if self.kind == PeriodKind.FISCAL:
            return f"fiscal year {self.year} B.E."
        return f"calendar year {self.year} B.E. ({self.year - BE_OFFSET})"

    @property
    def slug(self):
        return f"{self.kind}-{self.year}"

    def months(self):
        """``[(year, month)]`` of the twelve months, in order."""
        year, month = self.first_day.year, self.first_day.month
        result = []
        for _ in range(12):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result


def month_label(year, month):
    return f"{THAI_MONTHS_SHORT[month - 1]} {(year + BE_OFFSET) % 100:02d}"


def hours(delta):
    return delta.total_seconds() / 3600


def median(values):
    return round(statistics.median(values), 1) if values else None


def p90(values):
    """The 90th percentile by the nearest-rank method: the smallest value that at least 90 % of
    the values do not exceed."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[math.ceil(0.9 * len(ordered)) - 1], 1)


def within(queryset, period, field_name):
    return queryset.filter(**{f"{field_name}__gte": period.start, f"{field_name}__lt": period.end})


def unit_names():
    return {unit.pk: unit.name for unit in Unit.objects.all()}


def page_units(page_ids):
    units = {}
    ids = sorted(page_ids)
    for start in range(0, len(ids), 500):
        rows = (
            Page.objects.filter(pk__in=ids[start : start + 500])
            .annotate(unit_id=F("ownership__unit"))
            .values_list("pk", "unit_id")
        )
        units.update(rows)
    return units


def page_content_type():
    return ContentType.objects.get_for_model(Page)


@dataclass
class AnnualReport:
    period: Period
    published_total: int = 0
    moved_in_total: int = 0
    by_section: list = field(default_factory=list)  # [(label, count)]
    by_kind: list = field(default_factory=list)
    by_unit: list = field(default_factory=list)
    by_language: list = field(default_factory=list)
    by_month: list = field(default_factory=list)  # [(label, published, go-lives, expiries)]
    turnaround: list = field(default_factory=list)  # [(unit, count, median h, p90 h)]
    turnaround_all: tuple = ("", 0, None, None)
    rejections_total: int = 0
    rejections_by_unit: list = field(default_factory=list)
    rejections_by_step: list = field(default_factory=list)
    scheduled_go_lives: int = 0
    scheduled_expiries: int = 0
    urgent_total: int = 0  # published at once by a web operator (moderation.urgent)
    urgent_withdrawn: int = 0  # of which the unit's supervisor withdrew afterwards
    urgent_banners: int = 0  # the site-wide alert banner published at once
    urgent_banners_withdrawn: int = 0  # of which the Clerk's Office withdrew afterwards
    checks: dict = field(default_factory=dict)
    findings_by_kind: list = field(default_factory=list)  # [(kind, found, fixed, open, median h)]
    narrative: AnnualNarrative | None = None

    @property
    def generated_at(self):
        return timezone.now()


def published_items(report, units):
    period = report.period
    moved_in = PageLogEntry.objects.filter(action=MOVED_IN).values("page_id")
    report.moved_in_total = (
        within(PageLogEntry.objects.filter(action=MOVED_IN), period, "timestamp")
        .values("page_id")
        .distinct()
        .count()
    )
    pages = within(Page.objects.exclude(pk__in=moved_in), period, "first_published_at")
    pages = pages.annotate(unit_id=F("ownership__unit"))
    rows = list(
        pages.values_list(
            "pk",
            "path",
            "depth",
            "content_type_id",
            "locale__language_code",
            "first_published_at",
            "unit_id",
        )
    )
    report.published_total = len(rows)
    section_paths = {path[: Page.steplen * 3] for _pk, path, depth, *_ in rows if depth >= 3}
    sections = {
        page.path: page
        for page in Page.objects.filter(path__in=section_paths).only(
            "path", "title", "translation_key"
        )
    }
    default_titles = dict(
        Page.objects.filter(
            translation_key__in=[page.translation_key for page in sections.values()],
            locale__language_code=settings.LANGUAGE_CODE,
        ).values_list("translation_key", "title")
    )
    content_types = ContentType.objects.in_bulk({row[3] for row in rows})
    languages = dict(settings.LANGUAGES)

    by_section, by_kind, by_unit, by_language, by_month = (Counter() for _ in range(5))
    for _pk, path, depth, content_type_id, language, published_at, unit_id in rows:
        if depth >= 3:
            section = sections.get(path[: Page.steplen * 3])
            label = default_titles.get(section.translation_key, section.title) if section else "-"
        else:
            label = "หน้าหลัก (Home page)"
        by_section[label] += 1
        model = content_types[content_type_id].model_class()
        by_kind[str(model._meta.verbose_name) if model else "-"] += 1
        by_unit[units.get(unit_id, NO_UNIT)] += 1
        by_language[languages.get(language, language)] += 1
        local = timezone.localtime(published_at)
        by_month[(local.year, local.month)] += 1
    report.by_section = by_section.most_common()
    report.by_kind = by_kind.most_common()
    report.by_unit = by_unit.most_common()
    report.by_language = by_language.most_common()
    go_lives, expiries = scheduled_by_month(period)
    report.by_month = [
        (month_label(*month), by_month[month], go_lives[month], expiries[month])
        for month in period.months()
    ]
    report.scheduled_go_lives = sum(go_lives.values())
    report.scheduled_expiries = sum(expiries.values())


def scheduled_by_month(period):
    go_lives, expiries = Counter(), Counter()
    entries = within(
        PageLogEntry.objects.filter(action__in=[SCHEDULED_GO_LIVE, SCHEDULED_EXPIRY]),
        period,
        "timestamp",
    ).values_list("action", "timestamp")
    for action, timestamp in entries:
        local = timezone.localtime(timestamp)
        counter = go_lives if action == SCHEDULED_GO_LIVE else expiries
        counter[(local.year, local.month)] += 1
    return go_lives, expiries


def approval_turnaround(report, units):
    """Submit (the workflow's start) to live (the first publication after it), for the items
    that went live in the period, per unit: median and 90th percentile in hours."""
    period = report.period
    states = list(
        WorkflowState.objects.filter(
            base_content_type=page_content_type(), status=WorkflowState.STATUS_APPROVED
        ).values_list("object_id", "created_at")
    )
    page_ids = {int(object_id) for object_id, _created in states}
    publications = defaultdict(list)
    entries = PageLogEntry.objects.filter(
        page_id__in=page_ids, action__in=PUBLISH_ACTIONS, timestamp__lt=period.end
    ).values_list("page_id", "timestamp")
    for page_id, timestamp in entries:
        publications[page_id].append(timestamp)
    owners = page_units(page_ids)
    per_unit = defaultdict(list)
    for object_id, submitted in states:
        page_id = int(object_id)
        later = [moment for moment in publications[page_id] if moment >= submitted]
        if not later:
            continue
        live = min(later)
        if period.start <= live < period.end:
            per_unit[units.get(owners.get(page_id), NO_UNIT)].append(hours(live - submitted))
    report.turnaround = [
        (unit, len(values), median(values), p90(values))
        for unit, values in sorted(per_unit.items(), key=lambda item: (-len(item[1]), item[0]))
    ]
    everything = [value for values in per_unit.values() for value in values]
    report.turnaround_all = (
        "ทุกหน่วยงาน (All units)",
        len(everything),
        median(everything),
        p90(everything),
    )


def rejections(report, units):
    states = within(
        TaskState.objects.filter(
            status=TaskState.STATUS_REJECTED,
            workflow_state__base_content_type=page_content_type(),
        ),
        report.period,
        "finished_at",
    ).values_list("workflow_state__object_id", "task__name")
    states = list(states)
    owners = page_units({int(object_id) for object_id, _task in states})
    by_unit, by_step = Counter(), Counter()
    for object_id, task_name in states:
        by_unit[units.get(owners.get(int(object_id)), NO_UNIT)] += 1
        by_step[task_name] += 1
    report.rejections_total = len(states)
    report.rejections_by_unit = by_unit.most_common()
    report.rejections_by_step = by_step.most_common()


def daily_checks(report):
    """Scheduled check runs, and the days without a successful one: from the first day of
    the period (or the day the scheduler first ran, if later) to the last day that has
    passed (today counts once it has had a run)."""
    period = report.period
    runs = list(
        within(JobRun.objects.filter(job=CHECK_JOB), period, "started_at").values_list(
            "started_at", "succeeded"
        )
    )
    checked_days = {timezone.localtime(started).date() for started, ok in runs if ok}
    first_run = JobRun.objects.order_by("started_at").values_list("started_at", flat=True).first()
    today = timezone.localdate()
    first = period.first_day
    if first_run is not None:
        first = max(first, timezone.localtime(first_run).date())
    last = min(period.last_day, today if today in checked_days else today - datetime.timedelta(1))
    days = (
        [first + datetime.timedelta(days=n) for n in range(max(0, (last - first).days + 1))]
        if first_run is not None
        else []
    )
    missed = [day for day in days if day not in checked_days]
    report.checks = {
        "runs": len(runs),
        "succeeded": sum(1 for _started, ok in runs if ok),
        "failed": sum(1 for _started, ok in runs if not ok),
        "days": len(days),
        "days_checked": len(days) - len(missed),
        "days_missed": len(missed),
        "missed_dates": missed,
    }


def findings_by_kind(report):
    findings = within(Finding.objects.all(), report.period, "first_seen").values_list(
        "kind", "first_seen", "fixed_at"
    )
    per_kind = defaultdict(lambda: [0, [], 0])
    for kind, first_seen, fixed_at in findings:
        entry = per_kind[kind]
        entry[0] += 1
        if fixed_at:
            entry[1].append(hours(fixed_at - first_seen))
        else:
            entry[2] += 1
    labels = dict(FindingKind.choices)
    report.findings_by_kind = [
        (labels.get(kind, kind), found, len(fixed), still_open, median(fixed))
        for kind, (found, fixed, still_open) in sorted(
            per_kind.items(), key=lambda item: (-item[1][0], item[0])
        )
    ]


def urgent_publications(report):
    actions = [URGENT_PUBLISHED, URGENT_WITHDRAWN]
    pages = within(PageLogEntry.objects.filter(action__in=actions), report.period, "timestamp")
    counts = Counter(pages.values_list("action", flat=True))
    report.urgent_total = counts[URGENT_PUBLISHED]
    report.urgent_withdrawn = counts[URGENT_WITHDRAWN]
    banners = within(
        ModelLogEntry.objects.filter(
            action__in=actions, content_type=ContentType.objects.get_for_model(AlertBanner)
        ),
        report.period,
        "timestamp",
    )
    counts = Counter(banners.values_list("action", flat=True))
    report.urgent_banners = counts[URGENT_PUBLISHED]
    report.urgent_banners_withdrawn = counts[URGENT_WITHDRAWN]


def build(period):
    report = AnnualReport(period=period)
    units = unit_names()
    published_items(report, units)
    urgent_publications(report)
    approval_turnaround(report, units)
    rejections(report, units)
    daily_checks(report)
    findings_by_kind(report)
    report.narrative = AnnualNarrative.objects.filter(period=period.kind, year=period.year).first()
    return report
