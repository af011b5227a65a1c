"""Urgent notices: a web operator publishes a notice, or the site-wide alert banner (a flood
warning, a water cut), at once, with a written reason; the unit's supervisor (for the banner,
which belongs to no unit, the supervisors of the Office of the Municipal Clerk, as for every
page without a unit) is told by e-mail and approves it or withdraws it afterwards. A separate,
explicit entry point beside the workflow, not a way around it:

- who may is asked of the one permission layer (``ownership.permissions.has_role``: a web
  operator, on a page they may edit), by the view and by the button alike;
- each step is in Wagtail's log under its own action (``URGENT_PUBLISHED``,
  ``URGENT_APPROVED``, ``URGENT_WITHDRAWN``, registered in ``wagtail_hooks``), which the yearly
  report counts (oversight.annual), and in ``UrgentPublication``;
- the page's own unit decides afterwards: only its supervisors approve or withdraw.
"""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.actions.unpublish import UnpublishAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from core.links import page_link, site_url
from core.models import AlertBanner
from moderation.models import UrgentPublication
from ownership.models import FALLBACK_UNIT_SLUG, Role, Unit
from ownership.permissions import has_role, owner_unit_id, supervised_unit_ids

# The yearly report counts the first and the last by these names (oversight.annual).
URGENT_PUBLISHED = "moderation.urgent_published"
URGENT_APPROVED = "moderation.urgent_approved"
URGENT_WITHDRAWN = "moderation.urgent_withdrawn"
REASON_MIN_LENGTH = 20


def can_publish_urgently(user, subject):
    """A web operator (or a superuser) on a page they may edit, or on the alert banner."""
    if not (user.is_superuser or has_role(user, Role.OPERATOR)):
        return False
    if isinstance(subject, AlertBanner):
        return True
    return subject.permissions_for_user(user).can_edit()


def can_decide(user, record):
    """The supervisors of the page's unit (or a superuser), while the decision is pending."""
    if record.decision != UrgentPublication.Decision.PENDING:
        return False
    return user.is_superuser or record.unit_id in supervised_unit_ids(user)


def can_see(user, record):
    """The unit's supervisors, the web operators and superusers."""
    return (
        user.is_superuser
        or has_role(user, Role.OPERATOR)
        or record.unit_id in supervised_unit_ids(user)
    )


def publish_urgently(subject, user, reason):
    """Publish the latest version of ``subject`` (a page or the alert banner) now; any
    approval under way is cancelled (the supervisor decides afterwards instead). Returns the
    ``UrgentPublication``."""
    if isinstance(subject, AlertBanner):
        subject = AlertBanner.objects.get(pk=subject.pk)
        where = {"banner": subject, "unit_id": _fallback_unit_id()}
    else:
        subject = subject.specific_class.objects.get(pk=subject.pk)
        where = {"page": subject, "unit_id": owner_unit_id(subject)}
    with transaction.atomic():
        state = subject.current_workflow_state
        if state is not None:
            state.cancel(user=user)
        revision = subject.get_latest_revision() or subject.save_revision(user=user)
        revision.publish(user=user, skip_permission_checks=True)
        record = UrgentPublication.objects.create(
            **where, revision=revision, reason=reason, published_by=user
        )
        log(subject, URGENT_PUBLISHED, user=user, revision=revision, data={"reason": reason})
        transaction.on_commit(lambda: tell_supervisors(record))
    return record


def _fallback_unit_id():
    return Unit.objects.filter(slug=FALLBACK_UNIT_SLUG).values_list("pk", flat=True).first()


def approve(record, user, note=""):
    _decide(record, user, UrgentPublication.Decision.APPROVED, note)
    log(record.subject, URGENT_APPROVED, user=user, data={"note": note})


def withdraw(record, user, note):
    """Unpublish the page or the banner (its content stays, as a draft) and record why."""
    subject = record.subject
    with transaction.atomic():
        if subject.live:
            if record.banner_id:
                UnpublishAction(subject, user=user).execute(skip_permission_checks=True)
            else:
                UnpublishPageAction(subject, user=user).execute(skip_permission_checks=True)
        _decide(record, user, UrgentPublication.Decision.WITHDRAWN, note)
        log(subject, URGENT_WITHDRAWN, user=user, data={"note": note})


def _decide(record, user, decision, note):
    record.decision = decision
    record.decided_by = user
    record.decided_at = timezone.now()
    record.decision_note = note
    record.save(update_fields=["decision", "decided_by", "decided_at", "decision_note"])


def supervisors(unit_id):
    return (
        get_user_model()
        .objects.filter(
            is_active=True, groups__role__role=Role.SUPERVISOR, groups__role__unit_id=unit_id
        )
        .exclude(email="")
        .distinct()
    )


def tell_supervisors(record):
    """E-mail the unit's supervisors: what was published, by whom, why, and where to decide."""
    recipients = sorted({user.email for user in supervisors(record.unit_id)})
    if not recipients:
        return 0
    context = {
        "record": record,
        "page_url": page_link(record.page.specific) if record.page_id else site_url("/"),
        "review_url": site_url(reverse("moderation_urgent_review", args=[record.pk])),
    }
    with translation.override("th"):
        subject, body = render_to_string("moderation/emails/urgent_published.txt", context).split(
            "\n", 1
        )
    return send_mail(subject.strip(), body.strip() + "\n", None, recipients)
