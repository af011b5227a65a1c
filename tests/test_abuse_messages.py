"""Bad input gets a clear Thai message, never a 500 and never Django's English: a complaint
too long or with NUL characters, NUL bytes in the address, and the 500 page, which says
what really happens (the error is logged) rather than that staff were notified."""

from django.conf import settings
from django.template.loader import render_to_string
from django.test import TestCase

from cases.models import Complaint
from tests.test_cases import build_tree, complaint_data


class ThaiMessagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, _questions, _statistics = build_tree()

    def test_a_complaint_too_long_or_with_nul_characters_is_answered_in_thai(self):
        response = self.client.post(self.page.url, complaint_data(description="ก" * 5001))
        self.assertContains(response, "กรอกได้ไม่เกิน 5000 ตัวอักษร (ตอนนี้มี 5001 ตัวอักษร)")
        response = self.client.post(self.page.url, complaint_data(place="ถนน\x00โกสีย์"))
        self.assertContains(response, "ข้อความมีอักขระที่ไม่อนุญาต")
        self.assertNotContains(response, "Null characters")
        self.assertFalse(Complaint.objects.exists())

    def test_nul_bytes_are_dropped_from_query_strings_and_refused_in_paths(self):
        response = self.client.get(f"{self.page.url}?category=%00")
        self.assertContains(response, "— เลือกประเภทเรื่อง —")
        self.assertEqual(self.client.get("/?locale=%00").status_code, 200)
        response = self.client.get("/search/?q=%E0%B8%96%00%E0%B8%99%E0%B8%99")
        self.assertContains(response, 'value="ถนน"')
        response = self.client.get(f"{self.page.url}a%00b/")
        self.assertContains(response, "คำขอไม่ถูกต้อง", status_code=400)

    def test_the_500_page_does_not_claim_staff_were_notified(self):
        self.assertEqual(settings.ADMINS, [])
        page = render_to_string("500.html")
        self.assertIn("ขออภัย ระบบขัดข้องชั่วคราว", page)
        self.assertNotIn("ได้รับแจ้งแล้ว", page)
        self.assertIn("ระบบบันทึกข้อผิดพลาด", page)
