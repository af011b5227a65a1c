"""The e-mail backend of the site (``EMAIL_BACKEND``): it only writes each message into the
outbox, inside the caller's transaction; ``outbox.delivery`` hands it to the real backend
(``OUTBOX_EMAIL_BACKEND``, SMTP in production) later."""

from django.core.mail.backends.base import BaseEmailBackend

from outbox.models import OutgoingMail


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        mails = [
            OutgoingMail.from_message(message) for message in email_messages if message.recipients()
        ]
        OutgoingMail.objects.bulk_create(mails)
        return len(mails)
