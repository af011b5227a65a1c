"""Floods and replays from outside: X-Forwarded-For is believed only from the proxies named
in TRUSTED_PROXIES, so spoofed addresses neither escape the sign-in lock-out nor the hourly
limit of the complaint form; and a form token files one case, however often it is sent."""

import random
import threading
import time

from django.contrib.auth.models import Group
from django.core import mail
from django.db import OperationalError, connection
from django.test import TestCase, TransactionTestCase, override_settings

from cases import handling
from cases.models import Complaint, ComplaintCategory, Question
from cases.protection import started_token
from cases.setup import CENTRE_GROUP
from tests.factories import UserFactory
from tests.moderation_support import PASSWORD, make_user
from tests.test_cases import build_tree, complaint_data

LOGIN = "/admin/login/"
ATTACKER = "203.0.113.7"


def spoofed():
    return ".".join(str(random.randint(1, 254)) for _ in range(4))


class SpoofedSignInTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_user("finance-creator", role="creator", unit_slug="finance")

    def attempt(self, password, **headers):
        return self.client.post(
            LOGIN,
            {"username": "finance-creator", "password": password, "next": "/admin/"},
            **headers,
        )

    def assert_locked_after_twelve_spoofed_failures(self, **connection):
        statuses = [
            self.attempt("wrong-password", HTTP_X_FORWARDED_FOR=spoofed(), **connection).status_code
            for _ in range(12)
        ]
        # The fifth failure locks the account (AXES_FAILURE_LIMIT), whatever the header said.
        self.assertEqual(statuses, [200] * 4 + [429] * 8)
        response = self.attempt(PASSWORD, HTTP_X_FORWARDED_FOR=spoofed(), **connection)
        self.assertContains(response, "บัญชีถูกล็อกชั่วคราว", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_without_trusted_proxies_the_header_is_ignored(self):
        self.assert_locked_after_twelve_spoofed_failures(REMOTE_ADDR=ATTACKER)

    @override_settings(TRUSTED_PROXIES=["127.0.0.1"])
    def test_behind_the_proxy_the_address_it_saw_is_counted(self):
        # nginx appends the address it saw to whatever the client wrote.
        def through_proxy():
            return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"{spoofed()}, {ATTACKER}"}

        for _ in range(5):
            self.attempt("wrong-password", **through_proxy())
        self.assertEqual(self.attempt(PASSWORD, **through_proxy()).status_code, 429)
        # The real user, at another address behind the same proxy, still signs in.
        response = self.attempt(
            PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20"
        )
        self.assertEqual(response.status_code, 302)


class ComplaintFloodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, _questions, _statistics = build_tree()
        centre = UserFactory(username="centre", email="centre@example.org")
        centre.groups.add(Group.objects.get(name=CENTRE_GROUP))

    def centre_mail(self):
        return [message for message in mail.outbox if message.to == ["centre@example.org"]]

    def flood(self, times, data=None, **connection):
        return [
            self.client.post(
                self.page.url,
                data or complaint_data(),
                HTTP_X_FORWARDED_FOR=spoofed(),
                **connection,
            )
            for _ in range(times)
        ]

    def test_spoofed_addresses_and_one_reused_token_file_one_case(self):
        responses = self.flood(30, complaint_data(), REMOTE_ADDR=ATTACKER)
        statuses = [response.status_code for response in responses]
        self.assertEqual(statuses, [302] * 10 + [429] * 20)
        self.assertEqual(Complaint.objects.count(), 1)
        # Every accepted repeat answers with the first case's private link.
        self.assertEqual(
            {response["Location"] for response in responses[:10]}, {responses[0]["Location"]}
        )
        self.assertEqual(len(self.centre_mail()), 1)

    def test_spoofed_addresses_with_fresh_tokens_are_held_to_the_hourly_limit(self):
        responses = self.flood(25, REMOTE_ADDR=ATTACKER)
        self.assertEqual([r.status_code for r in responses], [302] * 10 + [429] * 15)
        self.assertContains(responses[-1], "ท่านส่งแบบฟอร์มบ่อยเกินไป", status_code=429)
        self.assertEqual(Complaint.objects.count(), 10)
        self.assertEqual(len(self.centre_mail()), 10)

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/8"], CASES_SUBMISSIONS_PER_HOUR=2)
    def test_behind_two_proxies_each_citizen_has_their_own_limit(self):
        def via_proxies(client_address):
            forwarded = f"{spoofed()}, {client_address}, 10.1.2.3"
            return {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": forwarded}

        statuses = [
            self.client.post(self.page.url, complaint_data(), **via_proxies(ATTACKER)).status_code
            for _ in range(4)
        ]
        self.assertEqual(statuses, [302, 302, 429, 429])
        other = self.client.post(self.page.url, complaint_data(), **via_proxies("198.51.100.20"))
        self.assertEqual(other.status_code, 302)


class SingleUseTokenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, cls.questions, _statistics = build_tree()

    def test_a_double_click_files_one_complaint_and_shows_its_number_twice(self):
        data = complaint_data()
        first = self.client.post(self.page.url, data)
        second = self.client.post(self.page.url, data)
        case = Complaint.objects.get()
        self.assertEqual(second.status_code, 302)
        self.assertEqual(second["Location"], first["Location"])
        page = self.client.get(second["Location"])
        self.assertContains(page, f"เรื่องเลขที่ {case.number}")
        # The complainant got one acknowledgement.
        self.assertEqual(len([m for m in mail.outbox if m.to == ["somchai@example.org"]]), 1)

    def test_a_new_form_files_a_new_complaint(self):
        self.client.post(self.page.url, complaint_data())
        self.client.post(self.page.url, complaint_data(started=started_token(time.time() - 30)))
        self.assertEqual(Complaint.objects.count(), 2)

    def test_a_question_sent_twice_is_asked_once(self):
        data = {
            "text": "ขอทราบวันเก็บขยะในชุมชนวัดคีรีวงศ์",
            "website": "",
            "started": started_token(time.time() - 30),
        }
        for _ in range(2):
            self.assertEqual(self.client.post(self.questions.url, data).status_code, 302)
        self.assertEqual(Question.objects.count(), 1)


class SimultaneousRepeatTests(TransactionTestCase):
    """The same form sent twice at the same moment (two connections): one case, and both
    answers carry its number and the same private link."""

    serialized_rollback = True  # the rows migrations made stay for the next transactional test

    def test_one_token_sent_from_four_connections_at_once_files_one_case(self):
        data = {
            "category": ComplaintCategory.objects.get(slug="roads"),
            "description": "ไฟฟ้าส่องสว่างดับทั้งซอย",
            "place": "ซอยสวรรค์วิถี 5",
        }
        start, answers, errors = threading.Barrier(4), [], []

        def send():
            try:
                start.wait()
                for _attempt in range(50):
                    try:
                        case, url, _lost = handling.file_complaint(
                            None, data, lambda case, secret: f"{case.number}/{secret}", "n" * 22
                        )
                        answers.append((case.number, url))
                        return
                    except OperationalError:  # SQLite: the database is busy, try again
                        time.sleep(0.05)
            except Exception as error:  # reported by the assertion below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=send) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        self.assertEqual(Complaint.objects.count(), 1)
        self.assertEqual(len(answers), 4)
        self.assertEqual(len(set(answers)), 1)
