"""Citizen channels, public side: filing a complaint (tracking number, private status link,
anonymous corruption reports, attachments checked by content, floods and bots refused),
questions that become FAQ entries through approval, the published statistics and e-service
figures, and anonymisation after the retention period."""

import datetime
import io
import threading
import time

from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image
from wagtail.test.utils import WagtailPageTestCase

from cases.models import (
    CaseAttachment,
    CaseEvent,
    CaseStatisticsPage,
    Complaint,
    ComplaintCategory,
    ComplaintPage,
    Question,
    QuestionIndexPage,
    QuestionPage,
    Status,
    TrackingSequence,
)
from cases.protection import started_token
from cases.statistics import month_label
from home.models import HomePage
from tests.factories import (
    CaseStatisticsPageFactory,
    ComplaintPageFactory,
    PolicyIndexPageFactory,
    PolicyPageFactory,
    QuestionIndexPageFactory,
    translate,
    unit,
)
from tests.utils import QUERY_BUDGET, count_queries
from thai.dates import fiscal_year

BANGKOK = datetime.timezone(datetime.timedelta(hours=7))


def build_tree():
    home = HomePage.objects.get(locale__language_code="th")
    return (
        ComplaintPageFactory(parent=home, slug="complaints", title="ร้องเรียน/ร้องทุกข์"),
        QuestionIndexPageFactory(parent=home, slug="questions", title="ถาม-ตอบ"),
        CaseStatisticsPageFactory(parent=home, slug="complaint-statistics", title="สถิติเรื่องร้องเรียน"),
    )


def category(slug):
    return ComplaintCategory.objects.get(slug=slug)


def jpeg(name="photo.jpg", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b4f6c").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def complaint_data(**fields):
    data = {
        "category": category("roads").pk,
        "description": "ถนนหน้าตลาดเป็นหลุมลึก รถจักรยานยนต์ล้มหลายครั้ง",
        "place": "ถนนโกสีย์ หน้าตลาดสด",
        "contact_name": "สมชาย ใจดี",
        "contact_phone": "0812345678",
        "contact_email": "somchai@example.org",
        "website": "",
        "started": started_token(time.time() - 30),
    }
    data.update(fields)
    return data


def make_case(slug="roads", when=None, **fields):
    case, _secret = Complaint.file(
        category(slug),
        received_at=when or timezone.now(),
        description="เรื่องทดสอบ",
        place="ชุมชนทดสอบ",
        **fields,
    )
    return case


class ComplaintTreeTests(WagtailPageTestCase):
    def test_the_pages_go_under_the_home_page_only(self):
        for model in (ComplaintPage, QuestionIndexPage, CaseStatisticsPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(
                model, {QuestionPage} if model is QuestionIndexPage else {}
            )
        self.assertAllowedParentPageTypes(QuestionPage, {QuestionIndexPage})


class FilingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, cls.questions, cls.statistics = build_tree()

    def file(self, **fields):
        return self.client.post(self.page.url, complaint_data(**fields))

    def test_a_complaint_gets_a_tracking_number_and_a_private_link(self):
        response = self.file(attachments=[jpeg()])
        case = Complaint.objects.get()
        year = timezone.localdate().year + 543
        self.assertEqual(case.number, f"นว-{year}-000001")
        self.assertEqual(case.status, Status.RECEIVED)
        self.assertEqual(case.contact_email, "somchai@example.org")
        self.assertEqual(case.attachments.get().content_type, "image/jpeg")
        self.assertTrue(
            response["Location"].startswith(f"http://testserver/complaints/track/{year}-000001/")
        )
        page = self.client.get(response["Location"])
        self.assertContains(page, f"เรื่องเลขที่ นว-{year}-000001")
        self.assertContains(page, "ได้รับเรื่องของท่านแล้ว")
        self.assertContains(page, "รับเรื่องแล้ว")
        self.assertEqual(page["Cache-Control"], "private, no-store")
        self.assertEqual(page["Referrer-Policy"], "no-referrer")
        # The complainant's e-mail has the number and the link; the secret is stored hashed.
        filed = next(m for m in mail.outbox if m.to == ["somchai@example.org"])
        self.assertIn(case.number, filed.subject)
        # On the configured site address (core.links), whatever host the form was sent to.
        link = response["Location"].removesuffix("?new=1").replace("http://testserver", "")
        self.assertIn(settings.WAGTAILADMIN_BASE_URL + link, filed.body)
        secret = response["Location"].split("/")[-2]
        self.assertNotIn(secret, case.secret_hash)

    def test_the_status_link_works_only_with_its_secret(self):
        response = self.file()
        link = response["Location"].removesuffix("?new=1")
        self.assertEqual(self.client.get(link).status_code, 200)
        secret = link.split("/")[-2]
        for wrong in (secret[:-1] + ("A" if secret[-1] != "A" else "B"), "x", secret.upper() + "1"):
            self.assertEqual(self.client.get(link.replace(secret, wrong)).status_code, 404)
        number = link.split("/")[-3]
        self.assertEqual(self.client.get(link.replace(number, "2569-999999")).status_code, 404)

    def test_numbers_are_unique_and_in_sequence_within_a_year(self):
        before = timezone.datetime(2026, 12, 31, 23, 0, tzinfo=BANGKOK)
        after = timezone.datetime(2027, 1, 1, 0, 30, tzinfo=BANGKOK)
        numbers = [make_case(when=before).number for _ in range(3)] + [make_case(when=after).number]
        self.assertEqual(
            numbers, ["นว-2569-000001", "นว-2569-000002", "นว-2569-000003", "นว-2570-000001"]
        )
        self.assertEqual(TrackingSequence.objects.get(year=2569).last, 3)

    def test_an_anonymous_corruption_report_keeps_no_contact_data(self):
        response = self.file(category=category("corruption").pk, place="", anonymous="on")
        case = Complaint.objects.get()
        self.assertTrue(case.anonymous)
        self.assertEqual((case.contact_name, case.contact_phone, case.contact_email), ("", "", ""))
        self.assertFalse([m for m in mail.outbox if "somchai@example.org" in m.to])
        self.assertEqual(self.client.get(response["Location"]).status_code, 200)

    def test_a_general_complaint_needs_a_place(self):
        response = self.file(place="")
        self.assertContains(response, "กรุณาบอกสถานที่")
        self.assertFalse(Complaint.objects.exists())

    def test_the_form_links_the_privacy_notice_and_states_its_purpose(self):

        home = HomePage.objects.get(locale__language_code="th")
        policies = PolicyIndexPageFactory(parent=home, slug="policies", title="นโยบายเว็บไซต์")
        PolicyPageFactory(
            parent=policies, slug="privacy", title="ประกาศความเป็นส่วนตัว", kind="privacy"
        )
        response = self.client.get(self.page.url + "?category=corruption")
        self.assertContains(response, '<a href="/policies/privacy/">อ่านประกาศความเป็นส่วนตัว</a>')
        self.assertContains(response, "เพื่อตรวจสอบและแก้ไขเรื่องที่ท่านแจ้ง")
        self.assertContains(response, "ไม่ต้องใช้เลขประจำตัวประชาชน")
        self.assertEqual(response.context["form"]["category"].value(), category("corruption").pk)
        self.assertNotContains(response, "เลขประจำตัวประชาชน 13 หลัก")
        self.assertContains(response, 'name="csrfmiddlewaretoken"')

    def test_bad_uploads_are_refused_with_a_thai_message(self):
        renamed_exe = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00" + b"\x00" * 100, "image/jpeg")
        broken = SimpleUploadedFile("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "image/png")
        cases = [
            ([renamed_exe], "ไม่ใช่ภาพถ่าย (JPEG, PNG, WebP) หรือเอกสาร PDF"),
            ([broken], "เสียหายหรือเปิดไม่ได้"),
            ([jpeg(f"p{n}.jpg") for n in range(4)], "แนบไฟล์ได้ไม่เกิน 3 ไฟล์"),
        ]
        for files, message in cases:
            with self.subTest(message=message):
                response = self.file(attachments=files)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
        with override_settings(CASES_MAX_ATTACHMENT_MB=0):
            self.assertContains(self.file(attachments=[jpeg()]), "มีขนาดเกิน 0 เมกะไบต์")
        self.assertFalse(Complaint.objects.exists())
        self.assertFalse(CaseAttachment.objects.exists())

    def test_the_form_and_the_status_page_stay_within_the_query_budget(self):
        link = self.file()["Location"].removesuffix("?new=1")
        self.assertLessEqual(count_queries(self.client, self.page.url), QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, link), QUERY_BUDGET)

    def test_a_complaint_filed_in_english_is_followed_in_english(self):
        english = translate(self.page, {"ร้องเรียน/ร้องทุกข์": "Complaints"})
        self.assertEqual(self.client.get(english.url).status_code, 200)
        response = self.client.post(english.url, complaint_data())
        self.assertIn("/en/complaints/track/", response["Location"])
        status = self.client.get(response["Location"])
        self.assertContains(status, '<html lang="en">')
        self.assertContains(status, Complaint.objects.get().number)

    def test_a_pdf_is_accepted(self):
        pdf = SimpleUploadedFile("doc.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
        self.file(attachments=[pdf])
        self.assertEqual(Complaint.objects.get().attachments.get().content_type, "application/pdf")

    @override_settings(CASES_SUBMISSIONS_PER_HOUR=2)
    def test_a_flood_from_one_address_is_refused_with_429(self):
        self.assertEqual(self.file().status_code, 302)
        self.assertEqual(self.file().status_code, 302)
        response = self.file()
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "ท่านส่งแบบฟอร์มบ่อยเกินไป", status_code=429)
        self.assertEqual(Complaint.objects.count(), 2)
        other = self.client.post(self.page.url, complaint_data(), REMOTE_ADDR="192.0.2.9")
        self.assertEqual(other.status_code, 302)

    def test_bots_are_refused_honeypot_too_fast_or_tampered(self):
        cases = [
            ({"website": "http://spam.example"}, "ระบบไม่สามารถรับแบบฟอร์มนี้ได้"),
            ({"started": started_token()}, "ส่งแบบฟอร์มเร็วเกินไป"),
            ({"started": "12345:forged"}, "ระบบไม่สามารถรับแบบฟอร์มนี้ได้"),
        ]
        for fields, message in cases:
            with self.subTest(message=message):
                self.assertContains(self.file(**fields), message)
        self.assertFalse(Complaint.objects.exists())


class QuestionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _complaints, cls.index, _statistics = build_tree()
        cls.index.responsible_unit = unit("clerk")
        cls.index.save_revision().publish()

    def ask(self, **fields):
        data = {
            "text": "ต้องใช้เอกสารอะไรบ้างในการขออนุญาตก่อสร้างอาคาร",
            "unit": unit("engineering").pk,
            "name": "มานี",
            "email": "manee@example.org",
            "website": "",
            "started": started_token(time.time() - 30),
        }
        data.update(fields)
        return self.client.post(self.index.url, data)

    def test_a_question_becomes_a_draft_faq_entry_of_the_chosen_unit(self):
        response = self.ask()
        self.assertRedirects(
            response, self.index.url + "?sent=1#ask", fetch_redirect_response=False
        )
        self.assertContains(self.client.get(self.index.url + "?sent=1"), "ได้รับคำถามของท่านแล้ว")
        question = Question.objects.get()
        entry = question.page
        self.assertFalse(entry.live)
        self.assertEqual(entry.get_parent().pk, self.index.pk)
        self.assertEqual(entry.responsible_unit, unit("engineering"))
        self.assertEqual(entry.question, question.text)
        # The asker's details never enter the page or its revisions.
        revision = entry.get_latest_revision()
        self.assertNotIn("manee@example.org", str(revision.content))
        self.assertNotIn("มานี", str(revision.content))
        self.assertNotContains(self.client.get(self.index.url), entry.title)

    def test_publishing_the_answer_lists_it_and_tells_the_asker_once(self):
        self.ask()
        entry = Question.objects.get().page
        entry.answer = "<p>ใช้แบบคำขออนุญาตก่อสร้าง (แบบ ข.1) และแบบแปลน</p>"
        mail.outbox.clear()
        entry.save_revision().publish()
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["manee@example.org"])
        self.assertIn("ตอบคำถามของท่านแล้ว", message.subject)
        self.assertIn(settings.WAGTAILADMIN_BASE_URL + entry.url, message.body)
        entry.save_revision().publish()
        self.assertEqual(len(mail.outbox), 1)
        listing = self.client.get(self.index.url)
        self.assertContains(listing, entry.title)
        self.assertContains(self.client.get(entry.url), "แบบ ข.1")

    def test_the_question_form_links_privacy_and_refuses_bots(self):
        page = self.client.get(self.index.url)
        self.assertContains(page, "เพื่อตอบคำถามของท่านเท่านั้น")
        self.assertContains(self.ask(website="x"), "ระบบไม่สามารถรับแบบฟอร์มนี้ได้")
        self.assertContains(self.ask(text=""), "กรุณาพิมพ์คำถาม")
        self.assertFalse(Question.objects.exists())

    def test_the_faq_listing_runs_the_same_queries_for_few_and_many_entries(self):
        def add(n):
            for i in range(n):
                entry = QuestionPage(
                    title=f"คำถามที่ {i} {time.time()}",
                    slug=f"q-{time.time_ns()}",
                    question="ถาม",
                    answer="<p>ตอบ</p>",
                )
                self.index.add_child(instance=entry)
                entry.save_revision().publish()

        add(2)
        few = count_queries(self.client, self.index.url)
        add(15)
        many = count_queries(self.client, self.index.url)
        self.assertEqual(few, many)
        self.assertLessEqual(many, QUERY_BUDGET)


class StatisticsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.complaints, _questions, cls.page = build_tree()
        # February 2569 (fiscal year 2569): 3 roads (1 resolved, 1 rejected, 1 in progress),
        # 1 rubbish resolved, 1 corruption assigned. One road complaint in October 2568 (FY 2569),
        # one in September 2568 (FY 2568, not counted).
        feb = datetime.datetime(2026, 2, 10, 9, 0, tzinfo=BANGKOK)
        cls.feb = [
            make_case("roads", feb, status=Status.RESOLVED),
            make_case("roads", feb, status=Status.REJECTED),
            make_case("roads", feb, status=Status.IN_PROGRESS),
            make_case(
                "rubbish",
                datetime.datetime(2026, 2, 28, 23, 30, tzinfo=BANGKOK),
                status=Status.RESOLVED,
            ),
            make_case("corruption", feb, status=Status.ASSIGNED),
        ]
        make_case("roads", datetime.datetime(2025, 10, 1, 0, 5, tzinfo=BANGKOK))
        make_case("roads", datetime.datetime(2025, 9, 30, 23, 55, tzinfo=BANGKOK))

    def rows(self, response):
        stats = response.context["stats"]
        return {row.label: (row.received, row.completed, row.in_progress) for row in stats.months}

    def test_a_constructed_month_matches_exactly_and_empty_months_say_so(self):
        response = self.client.get(self.page.url + "?year=2569")
        rows = self.rows(response)
        self.assertEqual(rows["กุมภาพันธ์ 2569"], (5, 3, 2))
        self.assertEqual(rows["ตุลาคม 2568"], (1, 0, 1))
        self.assertEqual(rows["มีนาคม 2569"], (0, 0, 0))
        categories = {
            row.label: (row.received, row.completed, row.in_progress)
            for row in response.context["stats"].categories
        }
        self.assertEqual(categories["ถนน ทางเท้า และสะพาน"], (4, 2, 2))
        self.assertEqual(categories["ขยะและความสะอาด"], (1, 1, 0))
        self.assertEqual(categories["ทุจริตและประพฤติมิชอบของเจ้าหน้าที่"], (1, 0, 1))
        self.assertEqual(categories["น้ำประปา"], (0, 0, 0))
        self.assertEqual(response.context["stats"].total.received, 6)
        self.assertContains(response, "ไม่มีเรื่องร้องเรียน", count=10)

    def test_a_year_with_none_says_so(self):
        response = self.client.get(self.page.url + "?year=2560")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["stats"].total.received, 0)
        self.assertContains(
            response, '<p class="case-message" role="status">ไม่มีเรื่องร้องเรียน</p>', html=True
        )

    def test_the_english_page_shows_common_era_months(self):
        english = translate(self.page, {"สถิติเรื่องร้องเรียน": "Complaint statistics"})
        response = self.client.get(english.url + "?year=2569")
        self.assertEqual(english.url, "/en/complaint-statistics/")
        rows = self.rows(response)
        self.assertEqual(rows["February 2026"], (5, 3, 2))
        self.assertContains(response, '<html lang="en">')

    def test_the_current_year_lists_only_the_months_begun_and_a_future_year_is_refused(self):
        today = timezone.localdate()
        current = fiscal_year(today)
        begun = (today.month - 10) % 12 + 1  # October is the first month of a fiscal year
        this_month = month_label(today.replace(day=1))
        response = self.client.get(self.page.url)
        self.assertEqual(response.context["year"], current)
        self.assertEqual(len(response.context["stats"].months), begun)
        self.assertEqual(list(self.rows(response))[-1], this_month)
        usage = self.client.get(self.page.url + "e-services/").context["usage"]
        self.assertEqual({len(form.months) for form in usage}, {begun})
        book = load_workbook(io.BytesIO(self.client.get(self.page.url + "xlsx/").content))
        labels = [row[0] for row in book["เรื่องร้องเรียน"].iter_rows(values_only=True) if row]
        self.assertIn(this_month, labels)
        self.assertNotIn(month_label(today.replace(day=1) + datetime.timedelta(days=31)), labels)

        response = self.client.get(self.page.url, {"year": current + 1})
        self.assertEqual(response.context["year"], current)
        self.assertContains(response, "ปีงบประมาณที่ระบุยังไม่เริ่ม จึงแสดงปีงบประมาณปัจจุบัน")

    def test_a_bad_year_shows_the_current_one_with_a_message(self):
        response = self.client.get(self.page.url + "?year=abc")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "ปีงบประมาณที่ระบุไม่ถูกต้อง")

    def test_the_xlsx_has_the_same_figures(self):
        response = self.client.get(self.page.url + "xlsx/?year=2569")
        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="complaint-statistics-2569.xlsx"'
        )
        book = load_workbook(io.BytesIO(response.content))
        rows = {row[0]: row[1:] for row in book["เรื่องร้องเรียน"].iter_rows(values_only=True) if row}
        self.assertEqual(rows["กุมภาพันธ์ 2569"][:3], (5, 3, 2))
        self.assertEqual(rows["มีนาคม 2569"][3], "ไม่มีเรื่องร้องเรียน")
        self.assertEqual(rows["รวม"][:3], (6, 3, 3))
        usage = {
            row[0]: row[1:] for row in book["การใช้บริการออนไลน์"].iter_rows(values_only=True) if row
        }
        self.assertEqual(usage["ร้องเรียน/ร้องทุกข์ออนไลน์"][4], 5)  # February is the fifth month

    def test_e_service_usage_counts_each_form_per_month(self):
        Question.objects.create(
            text="ถาม", asked_at=datetime.datetime(2026, 3, 2, 10, tzinfo=BANGKOK)
        )
        response = self.client.get(self.page.url + "e-services/?year=2569")
        usage = {form.label: form.months for form in response.context["usage"]}
        self.assertEqual(usage["ร้องเรียน/ร้องทุกข์ออนไลน์"], [1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0])
        self.assertEqual(usage["ถาม-ตอบออนไลน์"], [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
        self.assertContains(response, "สถิติการใช้บริการออนไลน์")

    def test_the_statistics_page_runs_the_same_queries_for_few_and_many_cases(self):
        few = count_queries(self.client, self.page.url + "?year=2569")
        for _ in range(20):
            make_case("water", datetime.datetime(2026, 4, 1, 9, tzinfo=BANGKOK))
        many = count_queries(self.client, self.page.url + "?year=2569")
        self.assertEqual(few, many)
        self.assertLessEqual(many, QUERY_BUDGET)
        self.assertLessEqual(
            count_queries(self.client, self.page.url + "e-services/?year=2569"), QUERY_BUDGET
        )

    def test_anonymisation_after_retention_keeps_the_statistics(self):
        closed = self.feb[0]
        closed.closed_at = timezone.now() - datetime.timedelta(days=400)
        closed.contact_name, closed.contact_email = "สมชาย", "somchai@example.org"
        closed.save()
        CaseEvent.objects.create(complaint=closed, note="โทรคุยกับคุณสมชายแล้ว")
        recent = self.feb[3]
        recent.closed_at = timezone.now() - datetime.timedelta(days=10)
        recent.contact_email = "recent@example.org"
        recent.save()
        before = self.rows(self.client.get(self.page.url + "?year=2569"))
        out = io.StringIO()
        call_command("anonymise_cases", stdout=out)
        self.assertIn("anonymised 1 cases", out.getvalue())
        closed.refresh_from_db()
        recent.refresh_from_db()
        self.assertEqual((closed.contact_name, closed.contact_email, closed.place), ("", "", ""))
        self.assertNotIn("เรื่องทดสอบ", closed.description)
        self.assertIsNotNone(closed.anonymised_at)
        self.assertFalse(CaseEvent.objects.filter(note__contains="สมชาย").exists())
        self.assertEqual(recent.contact_email, "recent@example.org")
        self.assertEqual(self.rows(self.client.get(self.page.url + "?year=2569")), before)


class ConcurrentNumberTests(TransactionTestCase):
    """Complaints filed at the same moment from several connections get distinct numbers
    (the sequence row is locked by its UPDATE until each transaction ends)."""

    # Another transactional test may have flushed the data the migrations created
    # (categories): put it back first.
    serialized_rollback = True

    def test_parallel_filings_get_distinct_consecutive_numbers(self):
        roads = category("roads")
        numbers, errors = [], []

        def file_one():
            try:
                for _attempt in range(50):
                    try:
                        numbers.append(make_case(roads.slug).number)
                        return
                    except OperationalError:  # SQLite: the database is busy, try again
                        time.sleep(0.05)
            except Exception as error:  # reported by the assertion below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=file_one) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        year = timezone.localdate().year + 543
        self.assertEqual(sorted(numbers), [f"นว-{year}-{n:06d}" for n in range(1, 9)])
