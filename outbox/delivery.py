"""Delivering the outbox: the mails that are due, oldest first, through the real backend
(``OUTBOX_EMAIL_BACKEND``) over one connection. A mail the server took is marked sent at once;
one it refused, or a server that cannot be reached, is tried again later (``failed_attempt``).
The scheduler runs it every minute under its lease, so one process delivers at a time."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Q
from django.utils import timezone

from outbox.models import OutgoingMail

logger = logging.getLogger(__name__)
BATCH = 200
# Mail still waiting after this long is a finding of the daily site check.
LATE_MINUTES = 60
# The server refused this one message (its address, its content); other errors mean the
# server is out of reach, and every mail of the round waits.
REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def real_backend():
    return getattr(settings, "OUTBOX_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")


def note_failure(mails, error, now):
    for mail in mails:
        mail.failed_attempt(error, now)
        mail.save(update_fields=["attempts", "last_error", "state", "next_attempt_at"])


def deliver(now=None):
    """Send what is due; returns ``(sent, failed)`` counts of this round."""
    now = now or timezone.now()
    due = list(
        OutgoingMail.objects.filter(
            state=OutgoingMail.State.QUEUED, next_attempt_at__lte=now
        ).order_by("created_at", "pk")[:BATCH]
    )
    if not due:
        return 0, 0
    sent = failed = 0
    connection = get_connection(real_backend(), fail_silently=False)
    try:
        for position, mail in enumerate(due):
            try:
                if connection.send_messages([mail.message(connection)]) != 1:
                    raise RuntimeError("the mail backend did not take the message")
            except REFUSED as error:  # this message only: the next one may pass
                note_failure([mail], error, now)
                failed += 1
                continue
            except Exception as error:  # the server is out of reach: the rest waits too
                note_failure(due[position:], error, now)
                failed += len(due) - position
                break
            mail.state, mail.sent_at = OutgoingMail.State.SENT, timezone.now()
            mail.save(update_fields=["state", "sent_at"])
            sent += 1
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("Could not close the mail connection", exc_info=True)
    if failed:
        logger.warning("Outbox: %s e-mail(s) not delivered this round, kept for later", failed)
    return sent, failed


def late(now=None):
    """Mails that gave up, or still wait past ``LATE_MINUTES``: what operators must look at."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=LATE_MINUTES)
    return OutgoingMail.objects.filter(
        Q(state=OutgoingMail.State.FAILED)
        | Q(state=OutgoingMail.State.QUEUED, created_at__lt=cutoff)
    )
