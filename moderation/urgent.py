"""Urgent notices: a web operator publishes a notice at once (a flood, a disaster), with a
written reason; the unit's supervisor is told by e-mail and approves it or withdraws it
afterwards. A separate, explicit entry point beside the workflow, not a way around it:

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
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from core.links import page_link, site_url
from moderation.models import UrgentPublication
from ownership.models import Role
from ownership.permissions import has_role, owner_unit_id, supervised_unit_ids

# The yearly report counts the first and the last by these names (oversight.annual).
URGENT_PUBLISHED = "moderation.urgent_published"
URGENT_APPROVED = "moderation.urgent_approved"
URGENT_WITHDRAWN = "moderation.urgent_withdrawn"
REASON_MIN_LENGTH = 20


def can_publish_urgently(user, page):
    """A web operator (or a superuser) on a page they may edit."""
    if not (user.is_superuser or has_role(user, Role.OPERATOR)):
        return False
    return page.permissions_for_user(user).can_edit()


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


def publish_urgently(page, user, reason):
    """Publish ``page``'s latest version now; any approval under way is cancelled (the
    supervisor decides afterwards instead). Returns the ``UrgentPublication``."""
    page = page.specific_class.objects.get(pk=page.pk)
    with transaction.atomic():
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=user)
        revision = page.get_latest_revision() or page.save_revision(user=user)
        revision.publish(user=user, skip_permission_checks=True)
        record = UrgentPublication.objects.create(
            page=page,
            revision=revision,
            unit_id=owner_unit_id(page),
            reason=reason,
            published_by=user,
        )
        log(page, URGENT_PUBLISHED, user=user, revision=revision, data={"reason": reason})
        transaction.on_commit(lambda: tell_supervisors(record))
    return record


def approve(record, user, note=""):
    _decide(record, user, UrgentPublication.Decision.APPROVED, note)
    log(record.page.specific, URGENT_APPROVED, user=user, data={"note": note})


def withdraw(record, user, note):
    """Unpublish the page (its content stays, as a draft) and record why."""
    page = record.page.specific
    with transaction.atomic():
        if page.live:
            UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
        _decide(record, user, UrgentPublication.Decision.WITHDRAWN, note)
        log(page, URGENT_WITHDRAWN, user=user, data={"note": note})


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
        "page": record.page.specific,
        "page_url": page_link(record.page.specific),
        "review_url": site_url(reverse("moderation_urgent_review", args=[record.pk])),
    }
    with translation.override("th"):
        subject, body = render_to_string("moderation/emails/urgent_published.txt", context).split(
            "\n", 1
        )
    return send_mail(subject.strip(), body.strip() + "\n", None, recipients)
