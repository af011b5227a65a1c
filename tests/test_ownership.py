"""The stored owner of every page (``ownership.PageUnit``): kept in step with the page's
responsible unit whatever changes it, and what it buys: "pages of a unit" and "unit of these
pages" are one join, whatever the number of page types, in the annual report, the check
views and search."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from core.demo import child_page
from news.models import NewsIndexPage, NewsPage
from oversight import annual
from ownership.models import PageUnit
from tests.factories import site_settings
from tests.moderation_support import ModerationTestCase, rolled_back
from tests.utils import QUERY_BUDGET


def owner_of(page):
    return PageUnit.objects.filter(page_id=page.pk).values_list("unit_id", flat=True).first()


def captured_sql(run):
    with CaptureQueriesContext(connection) as captured:
        run()
    return [query["sql"] for query in captured.captured_queries]


class StoredOwnerTests(ModerationTestCase):
    def test_a_page_made_in_the_admin_records_its_unit(self):
        self.create(self.creator, "ประกาศใหม่ของกองคลัง", self.finance.pk)
        page = Page.objects.get(title="ประกาศใหม่ของกองคลัง")
        self.assertEqual(owner_of(page), self.finance.pk)

    def test_publishing_another_unit_hands_the_page_over(self):
        notice = self.finance_notice.specific_class.objects.get(pk=self.finance_notice.pk)
        notice.responsible_unit = self.education
        notice.save_revision(user=self.operator).publish()
        self.assertEqual(owner_of(notice), self.education.pk)
        # The permission layer follows: Finance's creator no longer edits it, Education's does.
        edit = reverse("wagtailadmin_pages:edit", args=[notice.pk])
        self.assertNotEqual(self.as_user(self.creator).get(edit).status_code, 200)
        self.assertEqual(self.as_user(self.education_creator).get(edit).status_code, 200)

    def test_copies_and_moves_keep_their_owner_and_deleted_pages_leave_none(self):
        copy = self.finance_notice.copy(
            update_attrs={"slug": "finance-copy", "title": "สำเนา"}, user=self.operator
        )
        self.assertEqual(owner_of(copy), self.finance.pk)
        notice = self.procurement["finance"]
        notice.move(self.school, pos="last-child", user=self.operator)
        self.assertEqual(owner_of(notice), self.finance.pk)
        copy.delete()
        self.assertFalse(PageUnit.objects.filter(page_id=copy.pk).exists())


class OneJoinTests(ModerationTestCase):
    """Adding pages of more types adds no query and no join: the unit of any page is read from
    one table."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        site_settings()  # as on a real site (a first visit would make them: a content change)

    def add_news(self, count):
        news = child_page(self.home, NewsIndexPage, "news", title="ข่าว")
        for number in range(count):
            child_page(
                news,
                NewsPage,
                f"news-{number}",
                title=f"ข่าวกองคลัง {number}",
                responsible_unit=self.finance,
                date=datetime.date(2026, 1, 5),
            )

    def assertOneJoinForUnits(self, statements):
        unit_reads = [sql for sql in statements if "ownership_pageunit" in sql]
        self.assertTrue(unit_reads, "no query read the stored owners")
        for sql in statements:
            # Not the old way: one responsible_unit column per page table, coalesced.
            self.assertIsNone(re.search(r"COALESCE\([^)]*responsible_unit", sql), sql)

    def test_the_annual_report(self):
        period = annual.Period.parse("fiscal", "2569")
        annual.build(period)  # warms per-process caches (content types), as count_queries does
        few = captured_sql(lambda: annual.build(period))
        with rolled_back():
            self.add_news(12)
            many = captured_sql(lambda: annual.build(period))
        self.assertEqual(len(few), len(many))
        self.assertOneJoinForUnits(many)

    def test_the_scheduled_items_view(self):
        client = self.as_user(self.operator)
        url = reverse("oversight_scheduled_items")
        client.get(url)
        few = captured_sql(lambda: client.get(url))
        with rolled_back():
            self.add_news(12)
            for page in NewsPage.objects.all():
                page.expire_at = datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)
                page.save()
            many = captured_sql(lambda: client.get(url))
        self.assertEqual(len(few), len(many))
        self.assertOneJoinForUnits(many)

    def test_search_by_unit(self):
        url = reverse("search") + "?query=ประกาศ&unit=finance"
        self.client.get(url)
        few = captured_sql(lambda: self.client.get(url))
        with rolled_back():
            self.add_news(12)
            self.client.get(url)  # the menu changed: warm its cache again
            many = captured_sql(lambda: self.client.get(url))
        self.assertEqual(len(few), len(many))
        self.assertLessEqual(len(many), QUERY_BUDGET)
        self.assertOneJoinForUnits(many)
