"""Page addresses made from Thai titles keep every vowel and tone mark (issue 18): in the page
editor (as typed, or left empty and made on save), through the editor's address service, and
in the importer; each address is unique under its parent and serves the live page."""

import re

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.actions.move_page import MovePageAction
from wagtail.contrib.redirects.models import Redirect

from news.models import AnnouncementPage
from tests.factories import AnnouncementIndexPageFactory, AnnouncementPageFactory, unit
from tests.moderation_support import announcement_form, sign_in
from thai.text import SLUG_MAX_LENGTH, normalise, slug

# Titles of real municipal notices: tone marks, สระอำ, Thai digits, Latin, brackets and
# slashes, repeated openings, and titles far longer than an address may be.
TITLES = [
    "ประกาศรับสมัครพนักงานจ้าง ตำแหน่งผู้ช่วยครู ๒๕๖๙",
    "ประกาศรับสมัครพนักงานจ้าง ตำแหน่งผู้ช่วยเจ้าพนักงานธุรการ ๒๕๖๙",
    "ประกาศเทศบาลนครนครสวรรค์ เรื่อง การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี ๒๕๖๙",
    "ประกาศเทศบาลนครนครสวรรค์ เรื่อง การจัดเก็บภาษีป้าย ประจำปี ๒๕๖๙",
    "ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยโกสีย์ ๒๔ ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
    "ประกวดราคาซื้อรถบรรทุกขยะมูลฝอย แบบอัดท้าย ขนาด ๑๐ ลูกบาศก์หลา จำนวน ๒ คัน (e-bidding)",
    "ประกาศผู้ชนะการเสนอราคา จ้างซ่อมแซมท่อระบายน้ำ ถนนสวรรค์วิถี โดยวิธีเฉพาะเจาะจง",
    "แจ้งเตือนน้ำท่วมฉับพลัน บริเวณชุมชนริมแม่น้ำเจ้าพระยา ๖ ต.ค. ๖๙",
    "ขอเชิญร่วมงานประเพณีแห่เจ้าพ่อ-เจ้าแม่ปากน้ำโพ ประจำปี ๒๕๖๙",
    "ประชาสัมพันธ์การฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า ฟรี!",
    "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
    "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ (ฉบับปรับปรุงครั้งที่ ๑)",
    "สรุปผลการจัดซื้อจัดจ้าง (สขร.๑) ประจำเดือนพฤศจิกายน ๒๕๖๘",
    "ประกาศสอบราคาจ้างเหมาทำความสะอาดอาคารสำนักงาน",
    "คำสั่งเทศบาลนครนครสวรรค์ ที่ ๑๒๓๔/๒๕๖๙ เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ",
    "ประกาศ ผลการคัดเลือกนักเรียนเข้าศึกษาต่อ ม.๑ และ ม.๔ โรงเรียนเทศบาลวัดไทรใต้ (ท.๑)",
    "เปิดรับสมัครนักเรียนอนุบาล ๓ ขวบ ศูนย์พัฒนาเด็กเล็กเทศบาล",
    "งดจ่ายน้ำประปาชั่วคราว เพื่อซ่อมท่อเมน ถนนมาตุลี",
    "ประกาศปิดการจราจรชั่วคราว งานลอยกระทง ๒๕๖๙",
    "มาตรการป้องกันและปราบปรามการทุจริตและประพฤติมิชอบ",
    "ขั้นตอนการยื่นคำร้องขออนุญาตก่อสร้างอาคาร (อ.๑)",
    "ค่าธรรมเนียมการเก็บขนขยะมูลฝอย ๒๕๖๙",
    "ผู้ว่าฯ ตรวจเยี่ยมศูนย์ป้องกันและบรรเทาสาธารณภัย",
    "กิจกรรม Big Cleaning Day ณ ตลาดสดเทศบาล",
    "Smart City Nakhon Sawan: แผนพัฒนาเมืองอัจฉริยะ ๒๕๖๙–๒๕๗๓",
    "ITA 2569: การเปิดเผยข้อมูลสาธารณะ (OIT)",
    "ประกาศ/คำสั่ง ที่ 45/2569",
    "สำนักการศึกษา ขอแสดงความยินดีกับนักเรียนที่ได้รับรางวัลเหรียญทอง",
    "เรื่องร้องเรียนไฟฟ้าสาธารณะดับ ถนนพหลโยธิน – ตรวจสอบแล้ว",
    "ไม่",
    "ไม้",
    "น้ำ",
    "ประกาศรายชื่อผู้มีสิทธิ์เข้ารับการประเมินความรู้ความสามารถ ทักษะ และสมรรถนะ เพื่อแต่งตั้งให้ดำรงตำแหน่งสายงานผู้บริหารสถานศึกษา (รองผู้อำนวยการสถานศึกษา) สังกัดเทศบาลนครนครสวรรค์",
    "การประกวดราคาซื้อครุภัณฑ์คอมพิวเตอร์โน้ตบุ๊กสำหรับงานประมวลผลพร้อมระบบปฏิบัติการลิขสิทธิ์ถูกต้องตามกฎหมาย",
]

MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
NOT_KEPT = re.compile("(?:[^\\w\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]|_)+")


def as_written(title):
    """The title as an address would spell it in full: normalised, punctuation as "-"."""
    return NOT_KEPT.sub("-", normalise(title)).strip("-")


class SlugFunctionTests(TestCase):
    def test_every_mark_is_kept_within_the_length(self):
        self.assertGreaterEqual(len(TITLES), 30)
        for title in TITLES:
            with self.subTest(title=title):
                address = slug(title)
                full = as_written(title)
                self.assertTrue(address, title)
                self.assertLessEqual(len(address), SLUG_MAX_LENGTH)
                # The address is the title's own beginning, letter for letter and mark for
                # mark: a dropped mark (ผชวย for ผู้ช่วย) would not be.
                self.assertTrue(full.startswith(address), (address, full))
                self.assertEqual(
                    len(MARKS.findall(address)), len(MARKS.findall(full[: len(address)]))
                )
                # Cut between words, never inside one (a Thai word is whole or left out).
                if len(address) < len(full) and full[len(address)] != "-":
                    self.assertIn(address.split("-")[-1], address)
                    self.assertNotEqual(full[len(address) - 1], full[len(address)])

    def test_thai_digits_become_arabic_and_latin_lower_case(self):
        self.assertEqual(
            slug("ประกาศรับสมัครพนักงานจ้าง ตำแหน่งผู้ช่วยครู ๒๕๖๙"),
            "ประกาศรับสมัครพนักงานจ้าง-ตำแหน่งผู้ช่วย",
        )
        self.assertEqual(
            slug("ITA 2569: การเปิดเผยข้อมูลสาธารณะ (OIT)"), "ita-2569-การเปิดเผยข้อมูลสาธารณะ-oit"
        )
        self.assertEqual(slug("งดจ่ายน้ำ ๖ ต.ค."), "งดจ่ายน้ำ-6-ต-ค")
        self.assertEqual(slug("!!! ???"), "")

    def test_titles_differing_by_a_tone_mark_get_different_addresses(self):
        self.assertNotEqual(slug("ไม่"), slug("ไม้"))


class EditorAddressTests(TestCase):
    """As the page editor saves them: a superuser (who may publish) creates each notice with
    the address left empty, as when the editor's script did not run; citizens then open it."""

    @classmethod
    def setUpTestData(cls):
        cls.index = AnnouncementIndexPageFactory(
            title="ประกาศ", slug="ประกาศ", responsible_unit=unit("clerk")
        )
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")

    def setUp(self):
        sign_in(self.client, self.admin)

    def add(self, title, address="", publish=True):
        data = announcement_form(title, unit("finance").pk, slug=address)
        if publish:
            data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:add", args=["news", "announcementpage", self.index.pk])
        return self.client.post(url, data)

    def test_each_title_gets_a_unique_address_that_serves_its_page(self):
        for title in TITLES + TITLES[:3]:  # the first three twice: same title, new address
            response = self.add(title)
            self.assertEqual(response.status_code, 302, title)
        pages = AnnouncementPage.objects.child_of(self.index)
        self.assertEqual(pages.count(), len(TITLES) + 3)
        addresses = [page.slug for page in pages]
        self.assertEqual(len(set(addresses)), len(addresses))
        self.assertIn(slug(TITLES[0]) + "-2", addresses)
        self.client.logout()
        for page in pages:
            with self.subTest(address=page.slug):
                self.assertTrue(page.live)
                self.assertRegex(page.slug, f"^{re.escape(slug(page.title))}(-[0-9]+)?$")
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200, page.url)
                self.assertContains(response, page.title)

    def test_an_address_typed_with_marks_is_kept(self):
        self.assertEqual(self.add("ประกาศ", address="ผู้ช่วย-ครู-2569").status_code, 302)
        page = AnnouncementPage.objects.get(title="ประกาศ")
        self.assertEqual(page.slug, "ผู้ช่วย-ครู-2569")
        self.client.logout()
        self.assertEqual(self.client.get("/ประกาศ/ผู้ช่วย-ครู-2569/").status_code, 200)

    def test_a_bad_address_is_refused_in_thai(self):
        response = self.add("ประกาศ", address="ผู้ช่วย ครู?")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "ที่อยู่หน้าใช้ได้เฉพาะตัวอักษร")
        self.assertFalse(AnnouncementPage.objects.filter(title="ประกาศ").exists())

    def test_the_address_service_answers_what_saving_keeps(self):
        AnnouncementPageFactory(parent=self.index, slug="น้ำท่วม", title="น้ำท่วม")
        url = reverse("core_page_address")
        answer = self.client.get(url, {"title": "น้ำท่วม", "parent": self.index.pk}).json()
        self.assertEqual(answer, {"slug": "น้ำท่วม-2"})
        answer = self.client.get(url, {"title": TITLES[0], "parent": "x"}).json()
        self.assertEqual(answer, {"slug": slug(TITLES[0])})
        self.client.logout()
        self.assertEqual(self.client.get(url, {"title": "น้ำ"}).status_code, 302)  # sign in

    def test_a_page_with_marks_in_its_address_moves_and_is_served_there(self):
        # Wagtail moves plain Page objects, whose validation the portal widens at startup
        # (core.addresses.accept_thai_marks_in_page_slugs).
        page = AnnouncementPageFactory(parent=self.index, slug="ผู้ช่วย-ครู", title="ผู้ช่วยครู")
        other = AnnouncementIndexPageFactory(
            title="ข่าว", slug="ข่าว", responsible_unit=unit("clerk")
        )
        MovePageAction(page, other, pos="last-child").execute(skip_permission_checks=True)
        self.client.logout()
        self.assertEqual(self.client.get("/ข่าว/ผู้ช่วย-ครู/").status_code, 200)

    def test_existing_addresses_stay_and_a_changed_one_redirects(self):
        page = AnnouncementPageFactory(parent=self.index, slug="flood-2024", title="Flood")
        data = announcement_form("น้ำท่วม ๒๕๖๙", unit("finance").pk, slug="flood-2024")
        data["action-publish"] = "action-publish"
        self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        page.refresh_from_db()
        self.assertEqual(page.slug, "flood-2024")  # a new title keeps the address
        data["slug"] = "น้ำท่วม-2569"
        with self.captureOnCommitCallbacks(execute=True):  # Wagtail makes redirects on commit
            self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        self.assertTrue(Redirect.objects.filter(old_path="/ประกาศ/flood-2024").exists())
        self.client.logout()
        response = self.client.get("/ประกาศ/flood-2024/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(self.client.get(response["Location"]).status_code, 200)
