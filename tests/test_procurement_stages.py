"""The stages of one procurement project linked to each other (same e-GP number), and the
contact details of a school (issue 19)."""

import datetime
import re
from decimal import Decimal

from django.test import TestCase

from procurement.models import ProcurementStage
from tests.factories import (
    AnnouncementIndexPageFactory,
    ProcurementNoticePageFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
)
from tests.utils import QUERY_BUDGET, count_queries


def stage_links(response):
    """The other stages a notice links to, as (stage, href), in the order shown."""
    section = re.search(
        r'<section class="procurement-stages".*?</section>', response.content.decode(), re.S
    )
    if section is None:
        return []
    return re.findall(
        r'<span class="procurement-stages__stage">([^<]+)</span>:\s*<a href="([^"]+)"',
        section.group(0),
    )


class ProjectStagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = AnnouncementIndexPageFactory()
        project = {"parent": index, "egp_number": "69019123456"}
        cls.winner = ProcurementNoticePageFactory(
            slug="road-winner",
            stage=ProcurementStage.WINNER,
            winner_name="ห้างหุ้นส่วนจำกัด ทดสอบก่อสร้าง",
            agreed_price=Decimal("95000.00"),
            date=datetime.date(2026, 3, 1),
            **project,
        )
        cls.invitation = ProcurementNoticePageFactory(
            slug="road", date=datetime.date(2026, 1, 10), **project
        )
        cls.plan = ProcurementNoticePageFactory(
            slug="road-plan",
            stage=ProcurementStage.PLAN,
            date=datetime.date(2025, 11, 1),
            **project,
        )
        cls.other = ProcurementNoticePageFactory(
            parent=index, slug="other", egp_number="69019999999"
        )
        cls.alone = ProcurementNoticePageFactory(parent=index, slug="alone", egp_number="")

    def test_each_stage_links_the_others_both_ways_in_the_order_of_the_stages(self):
        winner = stage_links(self.client.get(self.winner.url))
        self.assertEqual(
            winner,
            [
                ("แผนการจัดซื้อจัดจ้าง", self.plan.url),
                ("ประกาศเชิญชวน / ประกวดราคา", self.invitation.url),
            ],
        )
        invitation = self.client.get(self.invitation.url)
        self.assertEqual(
            [href for _stage, href in stage_links(invitation)], [self.plan.url, self.winner.url]
        )
        self.assertContains(invitation, '<span aria-current="page">')

    def test_a_notice_of_another_project_or_without_a_number_links_nothing(self):
        self.assertEqual(stage_links(self.client.get(self.other.url)), [])
        self.assertEqual(stage_links(self.client.get(self.alone.url)), [])

    def test_an_unpublished_stage_is_not_linked(self):
        self.plan.unpublish()
        links = stage_links(self.client.get(self.winner.url))
        self.assertEqual([href for _stage, href in links], [self.invitation.url])

    def test_the_links_cost_one_query(self):
        self.assertLessEqual(count_queries(self.client, self.winner.url), QUERY_BUDGET)


class SchoolContactTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = SchoolPageFactory(
            parent=SchoolIndexPageFactory(),
            slug="school-1",
            title="โรงเรียนเทศบาลวัดไทรใต้",
            address="ถนนสวรรค์วิถี อำเภอเมืองนครสวรรค์",
            director="นางสาวพรทิพย์ ศรีสวัสดิ์",
            phone="0 5622 0001",
            email="school1@example.org",
        )
        cls.bare = SchoolPageFactory(parent=cls.school.get_parent(), slug="school-2")

    def test_a_school_page_shows_how_to_reach_the_school(self):
        response = self.client.get(self.school.url)
        self.assertContains(response, "ติดต่อโรงเรียน")
        self.assertContains(response, "<address>ถนนสวรรค์วิถี อำเภอเมืองนครสวรรค์</address>", html=True)
        self.assertContains(response, '<a href="tel:056220001">0 5622 0001</a>', html=True)
        self.assertContains(
            response, '<a href="mailto:school1@example.org">school1@example.org</a>', html=True
        )
        self.assertContains(response, "นางสาวพรทิพย์ ศรีสวัสดิ์")

    def test_a_school_without_details_shows_no_empty_contact_section(self):
        self.assertNotContains(self.client.get(self.bare.url), "ติดต่อโรงเรียน")
