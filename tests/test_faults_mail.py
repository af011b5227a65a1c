"""A mail server that is down fails no citizen: the complaint gets its tracking number and
private link, its e-mail waits in the outbox, is tried again with growing waits, and is
delivered once, when a real SMTP server listens. Operators see what waits in the admin and,
past an hour or after the last try, in the daily site check."""

import datetime
from email import message_from_bytes, policy
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail import hooks

from cases.models import Complaint
from outbox import delivery
from outbox.checks import undelivered_mail
from outbox.models import MAX_ATTEMPTS, OutgoingMail
from tests import faults_support as faults
from tests.moderation_support import sign_in
from tests.test_cases import build_tree, complaint_data

PORT = faults.free_port()  # nothing listens on it until a test starts a server there


@override_settings(
    EMAIL_BACKEND="outbox.backends.OutboxBackend",
    OUTBOX_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=PORT,
    EMAIL_TIMEOUT=5,
)
class MailServerDownTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, _questions, _statistics = build_tree()

    def file_complaint(self):
        response = self.client.post(self.page.url, complaint_data(), follow=True)
        self.assertEqual(response.status_code, 200)
        return response

    def test_a_complaint_filed_while_the_mail_server_is_down_is_delivered_later_once(self):
        response = self.file_complaint()
        case = Complaint.objects.get()
        # The citizen sees the number and has the private link, as when mail works.
        self.assertContains(response, f"เรื่องเลขที่ {case.number}")
        # The e-mail gives the same private link on the configured site address (core.links).
        status_link = urlsplit(response.redirect_chain[-1][0]).path
        queued = OutgoingMail.objects.get()
        self.assertEqual(queued.to, ["somchai@example.org"])
        self.assertIn(case.number, queued.subject)

        call_command("send_queued_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
        queued.refresh_from_db()
        self.assertEqual(queued.state, OutgoingMail.State.QUEUED)
        self.assertEqual(queued.attempts, 1)
        self.assertIn("Connection refused", queued.last_error)
        self.assertGreater(queued.next_attempt_at, timezone.now())

        # Not yet due: a second round does not hammer the server.
        self.assertEqual(delivery.deliver(), (0, 0))
        later = timezone.now() + datetime.timedelta(minutes=2)
        with faults.SMTPServer(PORT) as server:
            self.assertEqual(delivery.deliver(later), (1, 0))
            self.assertEqual(delivery.deliver(later + datetime.timedelta(hours=1)), (0, 0))
        self.assertEqual(len(server.messages), 1)
        envelope = server.messages[0]
        self.assertEqual(envelope.rcpt_tos, ["somchai@example.org"])
        delivered = message_from_bytes(envelope.original_content, policy=policy.default)
        self.assertIn(case.number, delivered["Subject"])
        self.assertIn(status_link, delivered.get_body().get_content())
        queued.refresh_from_db()
        self.assertEqual(queued.state, OutgoingMail.State.SENT)

    def test_mail_of_a_rolled_back_transaction_is_never_sent(self):
        try:
            with transaction.atomic():
                mail.send_mail("ไม่ควรถูกส่ง", "x", None, ["someone@example.org"])
                raise RuntimeError("the request failed after writing its mail")
        except RuntimeError:
            pass
        self.assertFalse(OutgoingMail.objects.exists())

    def test_operators_see_waiting_and_failed_mail_in_the_admin_and_the_site_check(self):
        self.file_complaint()
        now = timezone.now()
        self.assertEqual(list(undelivered_mail(now)), [])  # just written: not late yet
        self.assertIn(undelivered_mail, hooks.get_hooks("register_site_checks"))

        moment = now
        for _attempt in range(MAX_ATTEMPTS):
            moment += datetime.timedelta(hours=1)
            delivery.deliver(moment)
        failed = OutgoingMail.objects.get()
        self.assertEqual(failed.state, OutgoingMail.State.FAILED)
        self.assertEqual(failed.attempts, MAX_ATTEMPTS)
        self.assertEqual(delivery.deliver(moment + datetime.timedelta(days=1)), (0, 0))

        [finding] = undelivered_mail(moment)
        self.assertEqual(finding.kind, "mail_undelivered")
        self.assertIn("อีเมลส่งไม่สำเร็จ 1 ฉบับ", finding.detail)

        admin = get_user_model().objects.create_superuser("it", "it@example.org", "x")
        sign_in(self.client, admin)
        report = self.client.get("/admin/reports/outbox/")
        self.assertContains(report, "ส่งไม่สำเร็จ เลิกลองแล้ว")
        self.assertContains(report, "Connection refused")
        self.assertNotContains(report, "somchai@example.org")  # addresses are personal data
        self.client.post("/admin/reports/outbox/retry/")
        with faults.SMTPServer(PORT) as server:
            self.assertEqual(delivery.deliver(), (1, 0))
        self.assertEqual(len(server.messages), 1)
        self.assertEqual(list(undelivered_mail(timezone.now())), [])

    def test_staff_without_a_site_role_are_refused_the_outbox(self):
        editor = get_user_model().objects.create_user("editor", "e@example.org", "x")
        editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(editor)
        self.assertRedirects(self.client.get("/admin/reports/outbox/"), "/admin/")
