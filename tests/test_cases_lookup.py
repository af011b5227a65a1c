"""Following a complaint without its private link (number plus the phone or e-mail given), and
rating a closed case once (issue 19)."""

import re
import time

from django.test import TestCase, override_settings
from django.utils import timezone

from cases.models import Complaint, ComplaintCategory, Status
from cases.protection import started_token
from tests.factories import (
    CaseStatisticsPageFactory,
    ComplaintPageFactory,
    english_home,
    home_page,
    translate,
)
from tests.utils import QUERY_BUDGET, count_queries

NOT_FOUND = "ไม่พบเรื่องที่ตรงกับเลขที่และโทรศัพท์หรืออีเมลที่ระบุ"


def file_case(**contact):
    case, _secret = Complaint.file(
        ComplaintCategory.objects.get(slug="roads"),
        description="ไฟถนนดับทั้งซอย",
        place="ซอยมาตุลี ๑๒",
        **contact,
    )
    return case


def close(case, status=Status.RESOLVED):
    Complaint.objects.filter(pk=case.pk).update(
        status=status, closed_at=timezone.now(), resolution="เปลี่ยนหลอดไฟแล้ว"
    )
    case.refresh_from_db()
    return case


class LookupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = ComplaintPageFactory(parent=home_page(), slug="complaints")
        cls.case = file_case(contact_phone="081-234-5678", contact_email="Somchai@Example.org")
        cls.anonymous = file_case(anonymous=True, contact_phone="0899999999")

    def look_up(self, number, contact, url="/complaints/track/"):
        return self.client.post(
            url,
            {
                "number": number,
                "contact": contact,
                "website": "",
                "started": started_token(time.time() - 30),
            },
        )

    def test_the_form_is_linked_from_the_complaint_page(self):
        self.assertContains(self.client.get("/complaints/"), 'href="/complaints/track/"')
        form = self.client.get("/complaints/track/")
        self.assertContains(form, "ติดตามเรื่องร้องเรียน")
        self.assertContains(form, "โทรศัพท์หรืออีเมลที่ให้ไว้ตอนแจ้งเรื่อง")
        self.assertEqual(form["Cache-Control"], "private, no-store")

    def test_the_breadcrumbs_lead_back_to_the_complaint_form(self):
        """The lookup and a case's status are steps below the complaint page, not the page."""
        title = self.page.title
        for response, current in (
            (self.client.get("/complaints/track/"), "ติดตามเรื่องร้องเรียน"),
            (self.look_up(self.case.number, "0812345678"), f"เรื่องเลขที่ {self.case.number}"),
        ):
            crumbs = re.search(
                r'<nav class="breadcrumbs".*?</nav>', response.content.decode(), re.S
            )
            self.assertIn(f'<a href="/complaints/">{title}</a>', crumbs.group(0))
            self.assertIn(f'<li aria-current="page">{current}</li>', crumbs.group(0))

    def test_number_and_phone_or_email_show_the_case(self):
        for number, contact in (
            (self.case.number, "0812345678"),
            (self.case.short_number, "+66 81 234 5678"),
            ("๒๕" + self.case.number[5:7] + "-" + str(self.case.sequence), "๐๘๑๒๓๔๕๖๗๘"),
            (self.case.number, " somchai@example.ORG "),
        ):
            with self.subTest(number=number, contact=contact):
                response = self.look_up(number, contact)
                self.assertContains(response, f"เรื่องเลขที่ {self.case.number}")
                self.assertContains(response, "รับเรื่องแล้ว")
                self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_a_wrong_contact_and_an_unknown_number_get_the_same_answer(self):
        answers = [
            self.look_up(self.case.number, "0800000000"),  # exists, wrong phone
            self.look_up(self.case.number, "other@example.org"),  # exists, wrong e-mail
            self.look_up("นว-2500-999999", "0812345678"),  # does not exist
            self.look_up(self.anonymous.number, "0899999999"),  # anonymous: no contact kept
        ]
        # The page echoes what was typed and a fresh form token: all else is the same.
        typed = re.compile(rb'value="[^"]*"')
        bodies = {typed.sub(b"", answer.content) for answer in answers}
        self.assertEqual({answer.status_code for answer in answers}, {200})
        self.assertEqual(len(bodies), 1)  # word for word the same page
        self.assertContains(answers[0], NOT_FOUND)
        self.assertNotContains(answers[0], "เรื่องเลขที่ นว-")

    def test_a_malformed_number_gets_a_thai_message(self):
        response = self.look_up("abc", "0812345678")
        self.assertContains(response, "กรุณากรอกเลขที่เรื่องตามรูปแบบ นว-2569-000123")

    @override_settings(CASES_SUBMISSIONS_PER_HOUR=3)
    def test_lookups_are_limited_per_address(self):
        for _ in range(3):
            self.assertContains(self.look_up(self.case.number, "0800000000"), NOT_FOUND)
        refused = self.look_up(self.case.number, "0812345678")  # right, but too many tries
        self.assertEqual(refused.status_code, 429)
        self.assertContains(refused, "ท่านส่งแบบฟอร์มบ่อยเกินไป", status_code=429)
        self.assertNotContains(refused, f"เรื่องเลขที่ {self.case.number}", status_code=429)
        other = self.client.post(
            "/complaints/track/",
            {"number": self.case.number, "contact": "0812345678"},
            REMOTE_ADDR="192.0.2.7",
        )
        self.assertEqual(other.status_code, 200)  # another address is not held back

    def test_the_form_is_in_english_on_the_english_site(self):
        with self.captureOnCommitCallbacks(execute=True):
            english_home()
            translate(self.page, {})
        form = self.client.get("/en/complaints/track/")
        self.assertContains(form, "Follow a complaint")
        answer = self.look_up(self.case.number, "0800000000", url="/en/complaints/track/")
        self.assertContains(answer, "No case matches this number and phone number or e-mail")


class RatingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = ComplaintPageFactory(parent=home_page(), slug="complaints")
        cls.statistics = CaseStatisticsPageFactory(parent=home_page())
        case, cls.secret = Complaint.file(
            ComplaintCategory.objects.get(slug="roads"),
            description="ไฟถนนดับ",
            place="ซอย ๑",
            contact_phone="0812345678",
        )
        cls.case = case
        cls.status_url = f"/complaints/track/{case.short_number}/{cls.secret}/"

    def rating_token(self):
        page = self.client.get(self.status_url).content.decode()
        return re.search(r'name="case" value="([^"]+)"', page).group(1)

    def rate(self, rating, comment="", token=None):
        return self.client.post(
            "/complaints/track/rate/",
            {"case": token or self.rating_token(), "rating": rating, "comment": comment},
        )

    def test_an_open_case_offers_no_rating(self):
        page = self.client.get(self.status_url)
        self.assertNotContains(page, "ท่านพอใจกับการดำเนินการเรื่องนี้เพียงใด")

    def test_a_closed_case_is_rated_once(self):
        close(self.case)
        token = self.rating_token()
        first = self.rate(4, "เร็วดี", token)
        self.assertContains(first, "ขอบคุณที่ให้คะแนนการดำเนินการเรื่องนี้")
        second = self.rate(1, "เปลี่ยนใจ", token)  # the same form sent again
        self.assertContains(second, "เรื่องนี้ได้รับคะแนนความพึงพอใจแล้ว")
        self.case.refresh_from_db()
        self.assertEqual((self.case.rating, self.case.rating_comment), (4, "เร็วดี"))
        page = self.client.get(self.status_url)
        self.assertContains(page, "ท่านให้คะแนนการดำเนินการเรื่องนี้ 4 จาก 5 แล้ว")
        self.assertNotContains(page, 'name="rating"')

    def test_the_rating_counts_in_the_statistics(self):
        close(self.case)
        other = close(file_case(contact_phone="0811111111"), Status.REJECTED)
        other.rate(2)
        token = self.rating_token()
        self.rate(5, token=token)
        self.rate(1, token=token)  # refused: the case was rated
        response = self.client.get(self.statistics.url)
        self.assertContains(response, "ผู้ร้องเรียนให้คะแนนเฉลี่ย 3.5 จาก 5 (2 เรื่อง")
        self.assertLessEqual(count_queries(self.client, self.statistics.url), QUERY_BUDGET)

    def test_no_choice_or_a_forged_token_gets_a_thai_message(self):
        close(self.case)
        missing = self.client.post(
            "/complaints/track/rate/", {"case": self.rating_token(), "rating": ""}
        )
        self.assertContains(missing, "กรุณาเลือกระดับความพึงพอใจ")
        forged = self.client.post("/complaints/track/rate/", {"case": "1:forged", "rating": 5})
        self.assertContains(forged, "กรุณาค้นหาเรื่องของท่านอีกครั้ง", status_code=400)
        self.case.refresh_from_db()
        self.assertIsNone(self.case.rating)

    def test_the_status_page_with_its_rating_form_stays_within_the_query_budget(self):
        close(self.case)
        self.assertLessEqual(count_queries(self.client, self.status_url), QUERY_BUDGET)
