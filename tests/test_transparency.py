"""The ITA lists as data: the 2568 and 2569 lists load, a year is copied with its links, and
the public ITA page shows every item with links valid for its period, within the query budget,
in Thai and English."""

import datetime
from io import StringIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import timezone
from wagtail import hooks
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from news.models import NewsPage
from ownership.models import Role
from tests.factories import NewsPageFactory, translate
from tests.moderation_support import make_user, sign_in
from tests.transparency_support import build_tree
from tests.utils import QUERY_BUDGET, count_queries
from transparency.data import ITA_2569
from transparency.models import (
    AssessmentYear,
    EvidenceLink,
    Indicator,
    ITAPage,
    MeasureIndexPage,
    MeasurePage,
    OITItem,
    Period,
)
from transparency.sources import Source, live_of, registry, source_choices

TITLES_2569 = {
    "O1": "โครงสร้าง หน้าที่และอำนาจ",
    "O2": "ข้อมูลผู้บริหาร",
    "O4": "ข่าวประชาสัมพันธ์",
    "O10": "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
    "O11": "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
    "O12": "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี",
    "O17": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O18": "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O26": "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}


class ListsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_the_2569_list_loads_with_its_26_items_and_titles(self):
        year = AssessmentYear.objects.get(year=2569)
        items = {item.code: item for item in year.items.all()}
        self.assertEqual(len(items), 26)
        self.assertEqual(list(items), [f"O{n}" for n in range(1, 27)])
        for code, title in TITLES_2569.items():
            self.assertEqual(items[code].title, title)
        self.assertEqual(items["O20"].indicator, Indicator.PREVENTION)
        self.assertEqual(items["O11"].period, Period.CURRENT)
        self.assertTrue(items["O11"].wording_confirmed)
        self.assertFalse(items["O20"].wording_confirmed)

    def test_the_2568_list_has_procurement_at_o12_and_o13_all_to_be_checked(self):
        items = {i.code: i for i in OITItem.objects.filter(year__year=2568)}
        self.assertEqual(len(items), 26)
        self.assertEqual(items["O12"].title, "สรุปผลการจัดซื้อจัดจ้างรายเดือน")
        self.assertEqual(items["O13"].title, "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี")
        self.assertEqual(items["O12"].links.get().source, "procurement_monthly")
        self.assertFalse(any(item.wording_confirmed for item in items.values()))

    def test_loading_again_adds_nothing_and_keeps_the_web_teams_edits(self):
        item = OITItem.objects.get(year__year=2569, code="O9")
        item.title = "คู่มือสำหรับประชาชน (แก้ไขแล้ว)"
        item.save()
        out = StringIO()
        call_command("load_ita_lists", stdout=out)
        self.assertIn("Added 0 items", out.getvalue())
        self.assertEqual(OITItem.objects.filter(year__year=2569).count(), len(ITA_2569))
        self.assertEqual(OITItem.objects.get(pk=item.pk).title, "คู่มือสำหรับประชาชน (แก้ไขแล้ว)")

    def test_items_the_portal_can_prove_have_evidence_links(self):
        links = EvidenceLink.objects.filter(item__year__year=2569)
        by_code = {}
        for link in links.select_related("item"):
            by_code.setdefault(link.item.code, []).append(link.source or link.page_id)
        for code in ["O1", "O2", "O3", "O4", "O10", "O11", "O12", "O17", "O18"]:
            self.assertTrue(by_code.get(code), code)
        self.assertIn(self.structure.pk, by_code["O1"])  # a page found by its slug

    def test_a_source_is_a_function_of_the_year_and_the_period(self):
        year = AssessmentYear.objects.get(year=2569)
        monthly = registry()["procurement_monthly"]
        self.assertEqual(monthly(year, Period.CURRENT), [(self.november.title, self.november.url)])
        self.assertEqual(
            monthly(year, Period.PREVIOUS), [(self.september.title, self.september.url)]
        )
        self.assertEqual(registry()["executives"](year, Period.STANDING)[0][1], self.executives.url)

    def test_every_source_the_lists_name_is_registered_by_its_app(self):
        named = set(EvidenceLink.objects.exclude(source="").values_list("source", flat=True))
        self.assertEqual(len(named), 12)
        self.assertLessEqual(named, set(registry()))
        self.assertLessEqual(named, {key for key, _label in source_choices()})

    def test_two_sources_cannot_share_a_key(self):
        again = Source("news", "ข่าวอีกชุด (More news)", pages=live_of(NewsPage))
        with (
            hooks.register_temporarily("register_ita_sources", lambda: [again]),
            self.assertRaisesMessage(ImproperlyConfigured, "'news'"),
        ):
            registry()

    def test_copying_a_year_keeps_its_items_and_links(self):
        original = AssessmentYear.objects.get(year=2569)
        copy = original.copy_to(2570)
        self.assertEqual(copy.fiscal_year, 2570)
        self.assertEqual(copy.items.count(), 26)
        old = OITItem.objects.get(year=original, code="O1")
        new = OITItem.objects.get(year=copy, code="O1")
        self.assertNotEqual(old.pk, new.pk)
        self.assertEqual(new.title, old.title)
        self.assertEqual(
            list(new.links.values_list("page_id", "source")),
            list(old.links.values_list("page_id", "source")),
        )
        self.assertEqual(
            OITItem.objects.get(year=copy, code="O11").links.get().source, "procurement_monthly"
        )
        self.assertEqual(original.items.count(), 26)  # the original is untouched

    def test_the_copy_command_explains_bad_years_in_thai(self):
        out = StringIO()
        call_command("copy_ita_year", "2569", "2570", stdout=out)
        self.assertIn("ITA 2570", out.getvalue())
        with self.assertRaisesMessage(CommandError, "มีปีการประเมิน 2570 แล้ว"):
            call_command("copy_ita_year", "2569", "2570")
        with self.assertRaisesMessage(CommandError, "ไม่มีปีการประเมิน 2599"):
            call_command("copy_ita_year", "2599", "2600")
        with self.assertRaisesMessage(CommandError, "ไม่ถูกต้อง"):
            call_command("copy_ita_year", "สองพัน", "2570")

    def test_the_copy_view_in_the_admin_copies_and_refuses_an_existing_year(self):
        admin = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 16)
        sign_in(self.client, admin)
        year = AssessmentYear.objects.get(year=2569)
        url = f"/admin/transparency/years/{year.pk}/copy-items/"
        response = self.client.post(url, {"year": "2568"})
        self.assertContains(response, "มีปีการประเมิน 2568 แล้ว")
        response = self.client.post(url, {"year": "สองพัน"})
        self.assertContains(response, "ใส่ปี พ.ศ. เป็นตัวเลข")
        response = self.client.post(url, {"year": "2570"})
        new = AssessmentYear.objects.get(year=2570)
        self.assertRedirects(response, f"/admin/transparency/items/?year={new.pk}")
        self.assertEqual(new.items.count(), 26)


class AdminEditingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.admin = get_user_model().objects.create_superuser("root", "r@example.org", "x" * 16)

    def post_item(self, item, links):
        data = nested_form_data(
            {
                "year": item.year_id,
                "code": item.code,
                "sort_order": item.sort_order,
                "title": item.title,
                "title_en": item.title_en,
                "indicator": item.indicator,
                "period": item.period,
                "requirements": item.requirements,
                "requirements_en": "",
                "links": inline_formset(links),
            }
        )
        return self.client.post(f"/admin/transparency/items/edit/{item.pk}/", data)

    def test_a_link_must_be_exactly_one_page_document_or_source(self):
        sign_in(self.client, self.admin)
        item = OITItem.objects.get(year__year=2569, code="O9")
        empty = {"title": "", "title_en": "", "page": "", "document": "", "source": ""}
        both = {**empty, "page": self.structure.pk, "source": "news"}
        response = self.post_item(item, [both])
        self.assertContains(response, "เลือกหน้าเว็บ เอกสาร หรือแหล่งข้อมูลอย่างใดอย่างหนึ่ง")
        self.assertFalse(item.links.exists())  # nothing saved
        response = self.post_item(item, [{**empty, "source": "executives"}])
        self.assertEqual(response.status_code, 302)
        self.assertEqual(item.links.get().source, "executives")
        # The item's own link beside the executives item's (O1); the menu's is outside <main>.
        content = self.client.get("/ita/2569/").content.decode()
        main = content[content.index('<main id="main"') : content.index("</main>")]
        self.assertEqual(main.count(f'href="{self.executives.url}"'), 2)

    def test_web_operators_keep_the_lists_and_unit_creators_may_not(self):
        item = OITItem.objects.get(year__year=2569, code="O9")
        operator = make_user("operator", role=Role.OPERATOR)
        sign_in(self.client, operator)
        response = self.post_item(item, [])
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get("/admin/transparency/items/").status_code, 200)
        creator = make_user("creator", role=Role.CREATOR, unit_slug="finance")
        sign_in(self.client, creator)
        item.title = "แก้โดยผู้ไม่มีสิทธิ์"
        response = self.post_item(item, [])
        self.assertNotEqual(response.status_code, 200)
        item.refresh_from_db()
        self.assertNotEqual(item.title, "แก้โดยผู้ไม่มีสิทธิ์")


class ITAPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_tree(self):
        self.assertAllowedParentPageTypes(ITAPage, {type(self.home)})
        self.assertAllowedSubpageTypes(MeasureIndexPage, {MeasurePage})
        self.assertAllowedParentPageTypes(MeasurePage, {MeasureIndexPage})
        self.assertPageIsRoutable(self.ita, "2569/")

    def test_the_page_of_2569_shows_every_item_with_links_of_its_period(self):
        response = self.client.get("/ita/2569/")
        self.assertContains(response, "การเปิดเผยข้อมูล")
        self.assertContains(response, "การป้องกันการทุจริต")
        for code, title, *_rest in ITA_2569:
            self.assertContains(response, f'<span class="ita-item__code">{code}</span> {title}')
        # O4: news of fiscal year 2569, not of 2568
        self.assertContains(response, f'href="{self.news_2569.url}"')
        self.assertNotContains(response, f'href="{self.news_2568.url}"')
        # O11: the monthly summaries of fiscal year 2569 only; O12: last year's ITA list
        self.assertContains(response, f'href="{self.november.url}"')
        self.assertNotContains(response, f'href="{self.september.url}"')
        self.assertContains(response, 'href="/procurement/summaries/ita/2568/"')
        self.assertContains(response, f'href="{self.structure.url}"')
        self.assertContains(response, f'href="{self.executives.url}"')
        self.assertContains(response, "1 ตุลาคม 2568")
        self.assertContains(response, 'href="/ita/2568/"')  # the year switcher

    def test_the_page_of_2568_links_the_summaries_of_2568(self):
        response = self.client.get("/ita/2568/")
        self.assertContains(response, f'href="{self.september.url}"')
        self.assertNotContains(response, f'href="{self.november.url}"')
        self.assertContains(response, f'href="{self.news_2568.url}"')
        self.assertContains(response, 'href="/procurement/summaries/ita/2567/"')

    def test_a_page_that_is_no_longer_live_is_not_linked(self):
        self.structure.unpublish()
        response = self.client.get("/ita/2569/")
        self.assertNotContains(response, f'href="{self.structure.url}"')

    def test_the_page_itself_shows_the_year_being_assessed(self):
        with mock.patch(
            "django.utils.timezone.now",
            return_value=timezone.make_aware(datetime.datetime(2026, 2, 1, 10)),
        ):
            response = self.client.get("/ita/")
        self.assertContains(response, "ปี 2569")

    def test_an_unknown_year_is_not_found(self):
        self.assertEqual(self.client.get("/ita/2400/").status_code, 404)
        self.assertEqual(self.client.get("/ita/abc/").status_code, 404)

    def test_survey_links_show_only_during_the_assessment_window(self):
        year = AssessmentYear.objects.get(year=2569)
        today = timezone.localdate()
        year.survey_opens = today - datetime.timedelta(days=1)
        year.survey_closes = today + datetime.timedelta(days=1)
        year.eit_url = "https://itas.nacc.go.th/eit-example"
        year.save()
        self.assertContains(self.client.get("/ita/2569/"), "https://itas.nacc.go.th/eit-example")
        year.survey_closes = today - datetime.timedelta(days=1)
        year.save()
        self.assertNotContains(self.client.get("/ita/2569/"), "https://itas.nacc.go.th/eit-example")

    def test_english_page_shows_english_titles(self):
        with self.captureOnCommitCallbacks(execute=True):
            english = translate(self.ita, {self.ita.title: "Integrity and Transparency Assessment"})
            translate(self.structure, {self.structure.title: "Structure"})
        response = self.client.get(english.url + "2569/")
        self.assertContains(response, "Monthly procurement summaries")
        self.assertContains(response, "The procurement summary of every month of the fiscal")
        self.assertContains(response, "1 October 2025")
        self.assertContains(response, "Integrity and Transparency Assessment")
        self.assertContains(response, 'href="/en/structure/"')  # the page in English

    def test_query_budget_is_the_same_for_twice_the_items(self):
        urls = ["/ita/2569/"]
        with self.captureOnCommitCallbacks(execute=True):
            english = translate(self.ita, {})
        urls.append(english.url + "2569/")
        small = [count_queries(self.client, url) for url in urls]
        year = AssessmentYear.objects.get(year=2569)
        news_index = self.news_2569.get_parent()
        for number in range(26):
            item = OITItem.objects.create(
                year=year,
                code=f"X{number}",
                title=f"ข้อเพิ่มเติม {number}",
                indicator=Indicator.DISCLOSURE,
            )
            EvidenceLink.objects.create(item=item, page=self.structure)
            EvidenceLink.objects.create(item=item, source="news")
            NewsPageFactory(
                parent=news_index,
                slug=f"extra-{number}",
                title=f"ข่าวเพิ่มเติม {number}",
                date=datetime.date(2025, 12, 1),
            )
        large = [count_queries(self.client, url) for url in urls]
        self.assertEqual(small, large)
        self.assertLessEqual(max(large), QUERY_BUDGET)
