"""Sign-in pages under attack: password-reset e-mails are throttled per address and per
account, and someone who has the password but not the phone cannot, by typing wrong codes,
lock the real user out of two-factor sign-in."""

from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.moderation_support import PASSWORD, ModerationTestCase, make_user, totp_token

LOGIN = "/admin/login/"


class PasswordResetThrottleTests(ModerationTestCase):
    def ask(self, email, address):
        return self.client.post(
            reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
        )

    def test_one_account_gets_at_most_three_emails_an_hour_from_anywhere(self):
        make_user("clerk-staff", email="clerk@example.org")
        for number in range(8):
            response = self.ask("clerk@example.org", f"198.51.100.{number}")
            # The page answers the same each time: nothing tells whether mail was sent.
            self.assertRedirects(
                response, reverse("wagtailadmin_password_reset_done"), fetch_redirect_response=False
            )
        self.assertEqual(len(mail.outbox), 3)

    def test_one_address_gets_at_most_five_emails_an_hour(self):
        for number in range(8):
            make_user(f"staff-{number}", email=f"staff-{number}@example.org")
        for number in range(8):
            self.ask(f"staff-{number}@example.org", "203.0.113.7")
        self.assertEqual(len(mail.outbox), 5)


class TwoFactorGuessingTests(ModerationTestCase):
    def setUp(self):
        super().setUp()
        self.device = TOTPDevice.objects.create(user=self.operator, name="phone", confirmed=True)

    def signed_in_with_password(self, address):
        client = self.client_class(REMOTE_ADDR=address)
        client.post(LOGIN, {"username": "web-operator", "password": PASSWORD, "next": "/admin/"})
        return client

    def test_wrong_codes_throttle_the_guesser_not_the_owner(self):
        attacker = self.signed_in_with_password("203.0.113.7")
        verify = reverse("accounts_two_factor_verify")
        statuses = [
            attacker.post(verify, {"token": f"{number:06d}"}).status_code for number in range(12)
        ]
        self.assertEqual(statuses, [200] * 5 + [429] * 7)
        refused = attacker.post(verify, {"token": totp_token(self.device)})
        self.assertContains(refused, "ใส่รหัสผิดหลายครั้งเกินไป", status_code=429)
        self.assertEqual(attacker.get("/admin/").status_code, 302)
        # The owner, at the office, signs in with the code on their phone.
        owner = self.signed_in_with_password("10.20.0.15")
        response = owner.post(verify, {"token": totp_token(self.device)})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(owner.get("/admin/").status_code, 200)
