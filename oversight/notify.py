"""The report to the superior (O2): after each run, the supervisors of every unit that has new
findings, and the web operators, get an e-mail in Thai listing the unit's new and still-open
findings. A unit with nothing new gets nothing.

Who is who comes from the approval roles (``ownership.models.GroupRole``): the supervisors'
group of the unit (ผู้บังคับบัญชา) and the web operators' group (ผู้ปฏิบัติงานเผยแพร่)."""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Case, IntegerField, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.links import site_url
from oversight.models import Finding, Severity
from ownership.models import Role, Unit

logger = logging.getLogger(__name__)
# An e-mail lists at most this many findings of each group; the report has the rest.
MAX_LISTED = 50


def users_with_role(role, unit_id=None):
    users = (
        get_user_model().objects.filter(is_active=True, groups__role__role=role).exclude(email="")
    )
    if unit_id is not None:
        users = users.filter(groups__role__unit_id=unit_id)
    return users.distinct().order_by("pk")


def unit_supervisors(unit_id):
    return users_with_role(Role.SUPERVISOR, unit_id)


def web_operators():
    return users_with_role(Role.OPERATOR)


def recipients(unit_id):
    """E-mail addresses of the unit's supervisors and of the web operators, each once."""
    users = [*unit_supervisors(unit_id), *web_operators()] if unit_id else [*web_operators()]
    addresses = []
    for user in users:
        if user.email not in addresses:
            addresses.append(user.email)
    return addresses


def admin_url(path):
    return site_url(path)


def open_findings(unit_id):
    errors_first = Case(
        When(severity=Severity.ERROR, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        Finding.objects.filter(fixed_at__isnull=True, unit_id=unit_id)
        .annotate(severity_order=errors_first)
        .order_by("severity_order", "kind", "page_title", "pk")
    )


def message_for_unit(run, unit):
    findings = list(open_findings(unit.pk if unit else None))
    new = [f for f in findings if f.first_run_id == run.pk]
    still_open = [f for f in findings if f.first_run_id != run.pk]
    for finding in findings:
        finding.edit_url = (
            admin_url(reverse("wagtailadmin_pages:edit", args=[finding.page_id]))
            if finding.page_id
            else ""
        )
    report_path = reverse("oversight_site_check")
    if unit:
        report_path += f"?unit={unit.pk}"
    context = {
        "run": run,
        "unit": unit,
        "new": new[:MAX_LISTED],
        "new_count": len(new),
        "still_open": still_open[:MAX_LISTED],
        "still_open_count": len(still_open),
        "new_more": max(0, len(new) - MAX_LISTED),
        "still_open_more": max(0, len(still_open) - MAX_LISTED),
        "report_url": admin_url(report_path),
        "base_url": site_url(""),
    }
    with translation.override("th"):
        subject = render_to_string("oversight/emails/site_check_subject.txt", context)
        body = render_to_string("oversight/emails/site_check_body.txt", context)
    return " ".join(subject.split()), body


def send_reports(run, new_findings):
    """One e-mail per unit with new findings; returns how many were sent."""
    sent = 0
    unit_ids = {finding.unit_id for finding in new_findings}
    units = Unit.objects.in_bulk([pk for pk in unit_ids if pk])
    for unit_id in sorted(unit_ids, key=lambda pk: (pk is None, pk or 0)):
        unit = units.get(unit_id)
        to = recipients(unit_id)
        if not to:
            logger.warning("Site check: nobody to report to for unit %s", unit_id)
            continue
        subject, body = message_for_unit(run, unit)
        try:
            EmailMessage(subject, body, to=to).send()
        except Exception:  # the report must not lose the run's records
            logger.exception("Site check: the e-mail to unit %s failed", unit_id)
            continue
        sent += 1
    return sent
