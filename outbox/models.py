"""Every e-mail the site sends, kept until the mail server has taken it: written in the same
transaction as what caused it (a complaint filed, a page sent back), so a rolled-back request
sends nothing, and a mail server that is down fails no request. The scheduler delivers it."""

import datetime

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone

# A mail is tried this many times, waiting 1, 2, 4 … minutes (at most an hour) between tries:
# about 9 hours in all, then it waits for an operator (admin: Reports → อีเมลขาออก).
MAX_ATTEMPTS = 14
MAX_WAIT_MINUTES = 60


class OutgoingMail(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "รอส่ง (Queued)"
        SENT = "sent", "ส่งแล้ว (Sent)"
        FAILED = "failed", "ส่งไม่สำเร็จ เลิกลองแล้ว (Failed, gave up)"

    created_at = models.DateTimeField("สร้างเมื่อ (Created)", default=timezone.now, db_index=True)
    state = models.CharField(
        "สถานะ (State)", max_length=10, choices=State.choices, default=State.QUEUED
    )
    subject = models.CharField("เรื่อง (Subject)", max_length=998)
    from_email = models.CharField(max_length=320)
    to = models.JSONField("ถึง (To)", default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    reply_to = models.JSONField(default=list)
    headers = models.JSONField(default=dict)
    body = models.TextField()
    # Other versions of the body (HTML), as [content, MIME type] pairs.
    alternatives = models.JSONField(default=list)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่ลอง (Attempts)", default=0)
    next_attempt_at = models.DateTimeField("ลองครั้งต่อไป (Next attempt)", default=timezone.now)
    last_error = models.TextField("ข้อผิดพลาดล่าสุด (Last error)", blank=True)
    sent_at = models.DateTimeField("ส่งเมื่อ (Sent)", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "อีเมลขาออก (Outgoing e-mail)"
        verbose_name_plural = "อีเมลขาออก (Outgoing e-mails)"
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return self.subject

    @classmethod
    def from_message(cls, message):
        return cls(
            subject=str(message.subject)[:998],
            from_email=message.from_email,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            headers=dict(message.extra_headers),
            body=message.body,
            alternatives=[
                [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
            ],
        )

    def message(self, connection=None):
        return EmailMultiAlternatives(
            self.subject,
            self.body,
            self.from_email,
            self.to,
            bcc=self.bcc,
            connection=connection,
            headers=self.headers,
            alternatives=[tuple(pair) for pair in self.alternatives],
            cc=self.cc,
            reply_to=self.reply_to,
        )

    def failed_attempt(self, error, now):
        """Note a failed try: wait longer before the next one, or give up after the last."""
        self.attempts += 1
        self.last_error = f"{type(error).__name__}: {error}"[:2000]
        if self.attempts >= MAX_ATTEMPTS:
            self.state = self.State.FAILED
        else:
            wait = min(2 ** (self.attempts - 1), MAX_WAIT_MINUTES)
            self.next_attempt_at = now + datetime.timedelta(minutes=wait)

    @property
    def recipient_count(self):
        return len(self.to) + len(self.cc) + len(self.bcc)
