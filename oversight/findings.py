"""What a check saw, as records: new findings are created, findings seen again are kept open,
and open findings a complete part of the check no longer sees are closed (time-to-fix)."""

import hashlib
from dataclasses import dataclass, field

from django.db.models import F
from django.db.models.functions import Coalesce
from wagtail.models import Page

from core.models import Unit
from core.queries import base_page_lookups
from oversight.models import Finding, severity_of

CHUNK = 500
# What a finding seen again takes from the latest run.
UPDATED_FIELDS = [
    "kind",
    "severity",
    "page_id",
    "page_title",
    "unit_id",
    "url",
    "target",
    "detail",
    "last_seen",
    "last_run",
]


@dataclass(frozen=True)
class Observation:
    """One problem seen by one part of the check (``source``: crawl, external or content)."""

    kind: str
    page_id: int | None
    source: str
    target: str = ""
    detail: str = ""
    url: str = ""

    @property
    def key(self):
        identity = f"{self.source}|{self.kind}|{self.page_id}|{self.target}"
        return hashlib.sha256(identity.encode()).hexdigest()


@dataclass
class Coverage:
    """What this run looked at completely, so that only findings it could have seen again are
    closed: a run stopped at the time limit closes nothing on the pages it did not reach."""

    content_complete: bool = False
    crawl_complete: bool = False
    visited_page_ids: set = field(default_factory=set)
    external_complete: bool = False
    external_checked: set = field(default_factory=set)

    def may_close(self, finding):
        if finding.source == Finding.Source.CONTENT:
            return self.content_complete
        if finding.source == Finding.Source.CRAWL:
            return self.crawl_complete or finding.page_id in self.visited_page_ids
        if finding.source == Finding.Source.EXTERNAL:
            return self.external_complete or finding.target in self.external_checked
        return False


def chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fallback_unit_id():
    """Pages without a responsible unit are reported to the unit that approves them."""
    from moderation.models import FALLBACK_UNIT_SLUG

    return Unit.objects.filter(slug=FALLBACK_UNIT_SLUG).values_list("pk", flat=True).first()


def page_details(page_ids):
    """``{page_id: (title, unit_id, url)}`` with the responsible unit of every page type."""
    details = {}
    for chunk in chunks(sorted(page_ids)):
        pages = (
            Page.objects.filter(pk__in=chunk)
            .annotate(unit_id=Coalesce(*map(F, base_page_lookups("responsible_unit"))))
            .select_related("locale")
        )
        details.update(
            {page.pk: (page.title, page.unit_id, page.get_url() or "") for page in pages}
        )
    return details


def record(run, observations, coverage):
    """Save what ``run`` saw; returns (new findings, findings seen again, findings closed)."""
    now = run.started_at
    observed = {}
    for observation in observations:
        observed.setdefault(observation.key, observation)
    details = page_details({o.page_id for o in observed.values() if o.page_id})
    fallback = fallback_unit_id()
    open_findings = {f.key: f for f in Finding.objects.filter(fixed_at__isnull=True)}

    new, again = [], []
    for key, observation in observed.items():
        title, unit_id, page_url = details.get(observation.page_id, ("", None, ""))
        values = {
            "kind": observation.kind,
            "severity": severity_of(observation.kind),
            "page_id": observation.page_id if observation.page_id in details else None,
            "page_title": title[:255],
            "unit_id": unit_id or fallback,
            "url": (observation.url or page_url)[:500],
            "target": observation.target[:1000],
            "detail": observation.detail,
            "last_seen": now,
            "last_run": run,
        }
        finding = open_findings.pop(key, None)
        if finding is None:
            new.append(
                Finding(key=key, source=observation.source, first_seen=now, first_run=run, **values)
            )
        else:
            for name, value in values.items():
                setattr(finding, name, value)
            again.append(finding)
    Finding.objects.bulk_create(new, batch_size=CHUNK)
    if again:
        Finding.objects.bulk_update(again, UPDATED_FIELDS, batch_size=CHUNK)

    fixed = [f for f in open_findings.values() if coverage.may_close(f)]
    for chunk in chunks(f.pk for f in fixed):
        Finding.objects.filter(pk__in=chunk).update(fixed_at=now)
    for finding in fixed:
        finding.fixed_at = now
    return new, again, fixed
