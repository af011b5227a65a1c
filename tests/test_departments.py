"""หน่วยงานในสังกัด (A1–A3), the H1 directories and the internal phone numbers."""

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from departments import demo as departments_demo
from departments.models import (
    DepartmentIndexPage,
    DepartmentPage,
    DepartmentPerson,
    DirectoryPerson,
    PersonDirectoryPage,
    PhoneDirectoryPage,
    PhoneEntry,
)
from home.models import HomePage
from ownership.models import Office
from tests.factories import (
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    ImageFactory,
    PersonDirectoryPageFactory,
    PhoneDirectoryPageFactory,
    Unit,
    paragraph,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.moderation_support import sign_in
from tests.utils import QUERY_BUDGET, count_queries

# Editor order on purpose not alphabetical, so that a sort by name would show.
FINANCE_PEOPLE = [
    ("นางสุภาพร จันทร์เพ็ญ", "ผู้อำนวยการสำนักการคลัง", "0 5621 9521"),
    ("นางนงลักษณ์ มีสุข", "หัวหน้าฝ่ายการเงินและบัญชี", "0 5621 9523"),
    ("นายอนุชา คำแก้ว", "หัวหน้าฝ่ายพัสดุและทรัพย์สิน", ""),
]


def people(model, rows, **extra):
    return [
        model(
            sort_order=number,
            name=name,
            position=position,
            phone=phone,
            photo=ImageFactory(title=f"ภาพ {name}"),
            **extra,
        )
        for number, (name, position, phone) in enumerate(rows)
    ]


def add_people(page, model, count, **extra):
    """Give ``page`` ``count`` more people with their own photos, and publish it."""
    start = page.people.count()
    for number in range(start, start + count):
        name = f"นายทดสอบ ลำดับที่{number}"
        page.people.add(
            model(
                sort_order=number,
                name=name,
                position="เจ้าหน้าที่",
                phone="0 5621 9599",
                photo=ImageFactory(title=f"ภาพ {name}"),
                **extra,
            )
        )
    page.save_revision().publish()


class DepartmentsTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="th")
        cls.finance_unit = unit("finance")
        cls.index = DepartmentIndexPageFactory(
            parent=cls.home,
            slug="departments",
            title="หน่วยงานในสังกัด",
            intro="เทศบาลแบ่งส่วนราชการออกเป็นเก้าสำนักและกอง",
        )
        # Engineering first: tree order, not the Thai alphabet (ค before ช).
        cls.engineering = DepartmentPageFactory(
            parent=cls.index,
            slug="engineering",
            title="สำนักงานช่าง",
            unit=unit("engineering"),
            phone="0 5621 9530",
        )
        cls.finance = DepartmentPageFactory(
            parent=cls.index,
            slug="finance",
            title="สำนักงานคลัง",
            unit=cls.finance_unit,
            phone="0 5621 9520",
            email="finance@nakhonsawancity.go.th",
            duties=[
                paragraph(
                    "<p>สำนักงานคลังบริหารการเงินและการคลังของเทศบาล</p>"
                    "<ol><li>การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง</li></ol>"
                )
            ],
            people=people(DepartmentPerson, FINANCE_PEOPLE),
        )
        cls.executives = PersonDirectoryPageFactory(
            parent=cls.home,
            slug="executives",
            title="คณะผู้บริหาร",
            kind=PersonDirectoryPage.Kind.EXECUTIVES,
            people=people(
                DirectoryPerson,
                [
                    ("นายจิตตเกษมณ์ นิโรจน์ธนรัฐ", "นายกเทศมนตรีนครนครสวรรค์", "0 5621 9501"),
                    ("นายสมเกียรติ ภู่ทอง", "รองนายกเทศมนตรี", "0 5621 9502"),
                ],
                term_start=2564,
            ),
        )
        cls.past_mayors = PersonDirectoryPageFactory(
            parent=cls.home,
            slug="past-mayors",
            title="ทำเนียบนายกเทศมนตรี",
            kind=PersonDirectoryPage.Kind.PAST_MAYORS,
            people=[
                DirectoryPerson(
                    sort_order=0,
                    name="นายชวลิต พานิชกุล",
                    position="นายกเทศมนตรี",
                    phone="0 5621 9999",
                    term_start=2547,
                    term_end=2551,
                ),
                DirectoryPerson(sort_order=1, name="นายไพศาล เลิศพิพัฒน์", term_start=2566),
            ],
        )
        cls.phones = PhoneDirectoryPageFactory(
            parent=cls.home,
            slug="phone-directory",
            title="เบอร์โทรศัพท์ภายใน",
            entries=[
                PhoneEntry(
                    unit=cls.finance_unit,
                    section="งานการเงินและบัญชี",
                    office=Office.objects.create(unit=cls.finance_unit, floor=1, room="104"),
                    extension="1104",
                ),
                PhoneEntry(
                    unit=unit("engineering"),
                    section="งานควบคุมอาคาร",
                    office=Office.objects.create(unit=unit("engineering"), floor=2, room="204"),
                    extension="2204",
                    direct_line="0 5621 9533",
                ),
                PhoneEntry(
                    office=Office.objects.create(name="ห้องนายกเทศมนตรี", floor=4, room="401"),
                    extension="4401",
                ),
            ],
        )
        with cls.captureOnCommitCallbacks(execute=True):
            translated_home()
            translate(cls.index, {"หน่วยงานในสังกัด": "Departments"})
            for page in (cls.engineering, cls.finance):
                translate(
                    page,
                    {page.title: page.unit.name_en, "ผู้อำนวยการสำนักการคลัง": "Director of Finance"},
                )
            translate(cls.executives, {"คณะผู้บริหาร": "Executive board"})
            translate(cls.past_mayors, {"ทำเนียบนายกเทศมนตรี": "Past and present mayors"})
            translate(cls.phones, {"เบอร์โทรศัพท์ภายใน": "Internal phone numbers"})

    # Tree rules

    def test_departments_sit_under_the_home_page_and_hold_only_unit_pages(self):
        self.assertAllowedParentPageTypes(DepartmentIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DepartmentIndexPage, {DepartmentPage})
        self.assertAllowedParentPageTypes(DepartmentPage, {DepartmentIndexPage})
        self.assertAllowedSubpageTypes(DepartmentPage, set())
        self.assertCanNotCreateAt(HomePage, DepartmentPage)

    def test_directories_are_leaves_under_the_home_page(self):
        for model in (PersonDirectoryPage, PhoneDirectoryPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, set())

    def test_one_departments_index_and_one_phone_list_per_home_but_several_directories(self):
        self.assertFalse(DepartmentIndexPage.can_create_at(self.home))
        self.assertFalse(PhoneDirectoryPage.can_create_at(self.home))
        self.assertTrue(PersonDirectoryPage.can_create_at(self.home))

    # หน่วยงานในสังกัด

    def test_index_lists_units_in_tree_order_with_head_and_phone(self):
        response = self.client.get("/departments/")
        self.assertContains(response, "<h1>หน่วยงานในสังกัด</h1>", html=True)
        html = response.content.decode()
        self.assertLess(html.index("สำนักงานช่าง"), html.index("สำนักงานคลัง"))
        self.assertContains(response, 'href="/departments/finance/"')
        text = " ".join(BeautifulSoup(html, "html.parser").main.get_text().split())
        self.assertIn("นางสุภาพร จันทร์เพ็ญ (ผู้อำนวยการสำนักการคลัง)", text)
        self.assertNotContains(response, "นางนงลักษณ์ มีสุข")
        self.assertContains(response, 'href="tel:056219520"')

    def test_index_in_english(self):
        response = self.client.get("/en/departments/")
        self.assertContains(response, "<h1>Departments</h1>", html=True)
        self.assertContains(response, 'href="/en/departments/finance/"')
        self.assertContains(response, "Finance Office")

    def test_unit_page_shows_duties_then_personnel_with_head_first(self):
        response = self.client.get("/departments/finance/")
        self.assertContains(response, "<h1>สำนักงานคลัง</h1>", html=True)
        self.assertContains(response, "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง")
        self.assertContains(response, 'href="mailto:finance@nakhonsawancity.go.th"')
        html = response.content.decode()
        positions = [html.index(name) for name, _position, _phone in FINANCE_PEOPLE]
        self.assertEqual(positions, sorted(positions))
        self.assertLess(html.index("อำนาจหน้าที่"), positions[0])
        self.assertContains(response, 'href="tel:056219523"')
        self.assertContains(response, 'alt="นางสุภาพร จันทร์เพ็ญ"')

    def test_unit_page_advertises_and_links_its_announcements_feed(self):
        response = self.client.get("/departments/finance/")
        self.assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" title="ประกาศของสำนักงานคลัง (RSS)" '
            'href="/feeds/announcements/unit/finance/rss/">',
            html=True,
        )
        self.assertContains(response, 'href="/feeds/announcements/unit/finance/rss/"', count=2)
        self.assertContains(response, 'href="/feeds/announcements/unit/finance/atom/"', count=2)
        english = self.client.get("/en/departments/finance/")
        self.assertContains(english, 'title="Announcements of the Finance Office (RSS)"')
        self.assertContains(english, 'href="/en/feeds/announcements/unit/finance/rss/"', count=2)
        self.assertEqual(self.client.get("/feeds/announcements/unit/finance/rss/").status_code, 200)

    def test_moving_a_person_up_changes_the_order_citizens_see(self):
        last = self.finance.people.get(name="นายอนุชา คำแก้ว")
        last.sort_order = -1
        last.save()
        html = self.client.get("/departments/finance/").content.decode()
        self.assertLess(html.index("นายอนุชา คำแก้ว"), html.index("นางสุภาพร จันทร์เพ็ญ"))

    def test_unknown_or_withdrawn_unit_page_is_not_found(self):
        self.assertEqual(self.client.get("/departments/no-such-unit/").status_code, 404)
        self.engineering.unpublish()
        self.assertEqual(self.client.get("/departments/engineering/").status_code, 404)
        self.assertNotContains(self.client.get("/departments/"), "สำนักงานช่าง")

    def test_unit_page_in_english_keeps_its_people(self):
        response = self.client.get("/en/departments/finance/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "<h1>Finance Office</h1>", html=True)
        self.assertContains(response, "Director of Finance")
        self.assertContains(response, "นางสุภาพร จันทร์เพ็ญ")

    def test_english_translation_shares_the_unit(self):
        english = self.finance.get_translation(Locale.objects.get(language_code="en"))
        self.assertEqual(english.specific.unit, self.finance_unit)
        self.assertEqual(english.specific.people.first().locale.language_code, "en")

    def test_second_page_for_the_same_unit_in_the_same_language_is_refused(self):
        duplicate = DepartmentPage(
            title="สำนักงานคลัง (ซ้ำ)", slug="finance-2", unit=self.finance_unit
        )
        with self.assertRaises(ValidationError) as caught:
            self.index.add_child(instance=duplicate)
        self.assertIn("unit", caught.exception.message_dict)
        self.assertEqual(DepartmentPage.objects.filter(unit=self.finance_unit).count(), 2)

    def unit_page_form(self, **fields):
        """What the admin's page form posts for a unit page (its StreamField is built by JS)."""
        return nested_form_data(
            {
                "title": "สำนักงานคลัง",
                "slug": "finance",
                "unit": self.finance_unit.pk,
                "phone": "0 5621 9520",
                "email": "",
                "duties": streamfield([]),
                "people": inline_formset([]),
                "comments": inline_formset([]),
                **fields,
            }
        )

    def test_editor_sees_why_a_second_page_for_a_unit_is_refused(self):
        sign_in(self.client, self.create_superuser("admin"))
        url = reverse(
            "wagtailadmin_pages:add", args=["departments", "departmentpage", self.index.pk]
        )
        response = self.client.post(url, self.unit_page_form(slug="finance-copy"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "หน่วยงานนี้มีหน้าของตนแล้วในภาษานี้")
        self.assertFalse(DepartmentPage.objects.filter(slug="finance-copy").exists())

    def test_the_responsible_unit_is_always_the_pages_unit(self):
        page = DepartmentPageFactory(
            parent=self.index,
            slug="welfare",
            title="กองสวัสดิการสังคม",
            unit=unit("welfare"),
            responsible_unit=unit("clerk"),
        )
        page.refresh_from_db()
        self.assertEqual(page.responsible_unit.slug, "welfare")

    def test_unit_pages_and_directories_can_be_edited_and_previewed(self):
        # Wagtail's helpers sign the editor in (and out) each time: each needs the code first.
        editor = self.create_superuser("editor")
        for page, form in (
            (self.finance, self.unit_page_form()),
            *((page, None) for page in (self.index, self.executives, self.phones)),
        ):
            sign_in(self.client, editor)
            self.assertPageIsEditable(page, post_data=form, user=editor)
            sign_in(self.client, editor)
            self.assertPageIsPreviewable(page, post_data=form, user=editor)

    # ทำเนียบ

    def test_board_shows_position_phone_and_term(self):
        response = self.client.get("/executives/")
        self.assertContains(response, "<h1>คณะผู้บริหาร</h1>", html=True)
        self.assertContains(response, "นายกเทศมนตรีนครนครสวรรค์")
        self.assertContains(response, 'href="tel:056219501"')
        self.assertContains(response, "วาระ พ.ศ. 2564 – ปัจจุบัน")
        self.assertContains(response, 'alt="นายจิตตเกษมณ์ นิโรจน์ธนรัฐ"')

    def test_past_mayors_show_buddhist_era_terms_without_contact_details(self):
        response = self.client.get("/past-mayors/")
        self.assertContains(response, "พ.ศ. 2547 – 2551")
        self.assertContains(response, "พ.ศ. 2566 – ปัจจุบัน")
        self.assertNotContains(response, "0 5621 9999")
        html = response.content.decode()
        self.assertLess(html.index("นายชวลิต พานิชกุล"), html.index("นายไพศาล เลิศพิพัฒน์"))

    def test_directories_render_in_english(self):
        response = self.client.get("/en/past-mayors/")
        self.assertContains(response, "<h1>Past and present mayors</h1>", html=True)
        self.assertContains(response, "2547")
        self.assertContains(
            self.client.get("/en/executives/"), "<h1>Executive board</h1>", html=True
        )

    def test_term_cannot_end_before_it_starts_or_leave_the_buddhist_era_range(self):
        person = DirectoryPerson(name="นายทดสอบ", term_start=2560, term_end=2555)
        with self.assertRaises(ValidationError) as caught:
            person.clean()
        self.assertIn("term_end", caught.exception.message_dict)
        person = DirectoryPerson(name="นายทดสอบ", term_start=2019)
        with self.assertRaises(ValidationError) as caught:
            person.clean_fields(exclude=["page", "locale"])
        self.assertIn("term_start", caught.exception.message_dict)

    # เบอร์โทรศัพท์ภายใน

    def test_phone_list_is_a_table_with_call_links(self):
        response = self.client.get("/phone-directory/")
        self.assertContains(response, '<th scope="col">หน่วยงาน / งาน</th>', html=True)
        self.assertContains(response, 'href="tel:056219500,1104"')
        self.assertContains(response, 'href="tel:056219533"')
        self.assertContains(response, "ห้องนายกเทศมนตรี")
        self.assertContains(response, '<label for="phone-unit">หน่วยงาน</label>', html=True)

    def test_filter_by_unit(self):
        response = self.client.get("/phone-directory/", {"unit": "finance"})
        self.assertContains(response, "งานการเงินและบัญชี")
        self.assertNotContains(response, "งานควบคุมอาคาร")
        self.assertNotContains(response, "ห้องนายกเทศมนตรี")
        self.assertContains(response, '<option value="finance" selected>', html=False)

    def test_filter_by_text_matches_section_unit_and_number(self):
        by_section = self.client.get("/phone-directory/", {"q": "ควบคุม"})
        self.assertContains(by_section, "งานควบคุมอาคาร")
        self.assertNotContains(by_section, "งานการเงินและบัญชี")
        by_unit = self.client.get("/phone-directory/", {"q": "สำนักงานคลัง"})
        self.assertContains(by_unit, "งานการเงินและบัญชี")
        self.assertNotContains(by_unit, "งานควบคุมอาคาร")
        by_number = self.client.get("/phone-directory/", {"q": "4401"})
        self.assertContains(by_number, "ห้องนายกเทศมนตรี")
        self.assertNotContains(by_number, "งานควบคุมอาคาร")

    def test_no_match_says_so_in_thai(self):
        response = self.client.get("/phone-directory/", {"unit": "finance", "q": "ควบคุม"})
        self.assertContains(response, "ไม่พบหมายเลขโทรศัพท์ที่ตรงกับการค้นหา")
        self.assertNotContains(response, "<table")

    def test_bad_filter_values_are_ignored(self):
        for params in ({"unit": "zzz"}, {"q": "ก" * 5000}, {"unit": "' OR 1=1 --", "page": "x"}):
            response = self.client.get("/phone-directory/", params)
            self.assertEqual(response.status_code, 200, params)
            self.assertContains(response, "ห้องนายกเทศมนตรี")
            self.assertContains(response, "งานควบคุมอาคาร")
            self.assertNotContains(response, "aria-invalid")
        self.assertNotContains(self.client.get("/phone-directory/", {"q": "ก" * 5000}), "กกกกก")

    def test_wildcards_in_the_text_are_plain_characters(self):
        response = self.client.get("/phone-directory/", {"q": "%"})
        self.assertContains(response, "ไม่พบหมายเลขโทรศัพท์ที่ตรงกับการค้นหา")

    def test_phone_list_in_english_filters_by_unit(self):
        response = self.client.get("/en/phone-directory/", {"unit": "engineering"})
        self.assertContains(response, "<h1>Internal phone numbers</h1>", html=True)
        self.assertContains(response, "Engineering Office")
        self.assertNotContains(response, "งานการเงินและบัญชี")

    def test_entry_needs_a_unit_or_a_section(self):
        with self.assertRaises(ValidationError) as caught:
            PhoneEntry(extension="1234").clean()
        self.assertIn("section", caught.exception.message_dict)

    # Query budget

    def test_unit_page_queries_do_not_grow_with_its_people(self):
        page = DepartmentPageFactory(
            parent=self.index,
            slug="planning",
            title="กองวิชาการและแผนงาน",
            unit=unit("planning"),
        )
        add_people(page, DepartmentPerson, 2)
        with_two = count_queries(self.client, "/departments/planning/")
        add_people(page, DepartmentPerson, 10)
        response = self.client.get("/departments/planning/")
        self.assertEqual(response.content.decode().count("person-card__name"), 12)
        self.assertEqual(count_queries(self.client, "/departments/planning/"), with_two)
        self.assertLessEqual(with_two, QUERY_BUDGET)

    def test_directory_queries_do_not_grow_with_its_people(self):
        page = PersonDirectoryPageFactory(
            parent=self.home,
            slug="council",
            title="สมาชิกสภาเทศบาล",
            kind=PersonDirectoryPage.Kind.COUNCIL,
        )
        add_people(page, DirectoryPerson, 2, term_start=2564)
        with_two = count_queries(self.client, "/council/")
        add_people(page, DirectoryPerson, 10, term_start=2564)
        self.assertEqual(count_queries(self.client, "/council/"), with_two)
        self.assertLessEqual(with_two, QUERY_BUDGET)

    def test_index_and_phone_list_stay_within_the_query_budget(self):
        for url in (
            "/departments/",
            "/en/departments/",
            "/en/past-mayors/",
            "/phone-directory/?unit=finance&q=งาน",
            "/en/phone-directory/?unit=engineering&q=งาน",
        ):
            self.assertLessEqual(count_queries(self.client, url), QUERY_BUDGET, url)


class DepartmentsDemoTests(TestCase):
    def test_demo_loads_twice_without_duplicates(self):
        site_settings()
        with self.captureOnCommitCallbacks(execute=True):
            home = translated_home()
            departments_demo.load(home)

        def counts():
            return {
                model.__name__: model.objects.count()
                for model in (
                    DepartmentIndexPage,
                    DepartmentPage,
                    DepartmentPerson,
                    PersonDirectoryPage,
                    DirectoryPerson,
                    PhoneDirectoryPage,
                    PhoneEntry,
                    get_image_model(),
                )
            }

        first = counts()
        with self.captureOnCommitCallbacks(execute=True):
            departments_demo.load(home)
        self.assertEqual(counts(), first)

        # Ten units (the Internal Audit unit too) in Thai and in English, each with its page.
        self.assertEqual(first["DepartmentPage"], 20)
        self.assertEqual(
            set(DepartmentPage.objects.values_list("unit__slug", flat=True)),
            set(Unit.objects.values_list("slug", flat=True)),
        )
        self.assertEqual(first["PersonDirectoryPage"], 8)
        council = PersonDirectoryPage.objects.get(slug="council", locale__language_code="th")
        self.assertEqual(council.people.count(), 24)
        self.assertGreaterEqual(first["PhoneEntry"], 2 * 25)
        menu = home.get_children().live().in_menu().values_list("slug", flat=True)
        self.assertEqual(
            set(menu) & {"executives", "council", "past-mayors", "past-clerks", "phone-directory"},
            {"executives", "council", "past-mayors", "past-clerks", "phone-directory"},
        )
        # What a citizen then sees.
        self.assertContains(self.client.get("/departments/clerk/"), "ปลัดเทศบาล")
        self.assertContains(self.client.get("/en/departments/waterworks/"), "Waterworks Office")
        self.assertContains(self.client.get("/past-mayors/"), "พ.ศ. 2547 – 2551")
        self.assertContains(self.client.get("/en/council/"), "<h1>Council members</h1>", html=True)
