"""The page cache in Redis (a redis-server started here): a cached page is served without a
query, a committed change shows on the next request, and an emptied Redis starts a new
generation instead of serving what it held before."""

import datetime
import socket
import subprocess
from decimal import Decimal
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from cases.models import Complaint, ComplaintCategory
from cases.models.complaints import Status
from core.models import SiteSettings
from core.templatetags.sharing_tags import SHARE_RENDITION
from pagecache.version import GENERATION_KEY
from policies.models import SiteMapPage
from procurement.models import ProcurementSummaryPage
from tests import faults_support as faults
from tests.factories import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    BasicInformationPageFactory,
    CaseStatisticsPageFactory,
    ComplaintPageFactory,
    DepartmentPageFactory,
    DocumentFactory,
    ImageFactory,
    InformationPageFactory,
    ITAPageFactory,
    NewsPageFactory,
    PolicyPageFactory,
    ProcurementIndexPageFactory,
    ProcurementNoticePageFactory,
    ProcurementSummaryIndexPageFactory,
    ProcurementSummaryPageFactory,
    PublicationPageFactory,
    SchoolPageFactory,
    SiteMapPageFactory,
    site_settings,
    translated_home,
    unit,
)
from tests.transparency_support import item_of_this_year

TITLE = "ประกาศรับสมัครสอบคัดเลือกพนักงานจ้าง"
PAGES = ["/", "/announcements/", "/departments/finance/", "/en/"]
NOTICE = "/announcements/recruitment/"
NEWS_TITLE = "เทศบาลจัดกิจกรรมวันเด็กแห่งชาติ"
SCHOOL_TITLE = "โรงเรียนเทศบาลวัดไทรใต้"
BID_TITLE = "ประกวดราคาซื้ออาหารกลางวันโรงเรียน"
REPORT_TITLE = "รายงานผลการดำเนินงานประจำปี"
# The other listings and the feeds, and what each shows of the content built here.
LISTINGS = {
    "/news/": NEWS_TITLE,
    "/news/?category=activity": NEWS_TITLE,
    "/feeds/news/rss/": NEWS_TITLE,
    "/feeds/announcements/atom/": TITLE,
    "/procurement/": BID_TITLE,
    "/schools/": SCHOOL_TITLE,
    "/publications/": REPORT_TITLE,
    "/departments/": "สำนักงานคลัง",
}
ITEM_TITLE = "ข้อมูลพื้นฐานของหน่วยงาน"
# The other public page types, and what each shows of the content built here.
OTHERS = {
    "/ita/": ITEM_TITLE,
    "/basic-information/": 'href="/departments/finance/"',
    "/policies/": 'href="/policies/site-map/"',
    "/policies/site-map/": TITLE,
    "/complaint-statistics/": "ยังไม่มีผู้ร้องเรียนให้คะแนน",
    "/procurement/summaries/engineering-2025-11/": "สรุปผลการจัดซื้อจัดจ้าง พฤศจิกายน 2568",
    "/sitemap.xml": "/announcements/recruitment/",
    "/budget/": "ข้อบัญญัติงบประมาณ",
}


def listening(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class RedisPageCacheTests(TestCase):
    @classmethod
    def setUpClass(cls):
        port = faults.free_port()
        cls.redis = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        caches = {
            "default": {
                "BACKEND": "portal.cache.ForgivingRedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
            }
        }
        faults.wait_until(lambda: listening(port), 10, 0.1)
        cls.settings = override_settings(
            CACHES=caches, PAGE_CACHE_SECONDS=600, PAGE_FRAGMENT_SECONDS=600
        )
        cls.settings.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.settings.disable()
        cls.redis.terminate()
        cls.redis.wait(10)

    @classmethod
    def setUpTestData(cls):
        site_settings(phone="0 5600 0000")
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()
        cls.finance = unit("finance")
        DepartmentPageFactory(unit=cls.finance, slug="finance", title="สำนักงานคลัง")
        index = AnnouncementIndexPageFactory(parent=cls.home, slug="announcements")
        cls.notice = AnnouncementPageFactory(
            parent=index, slug="recruitment", title=TITLE, responsible_unit=cls.finance
        )
        cls.picture = ImageFactory()
        cls.news = NewsPageFactory(
            title=NEWS_TITLE, slug="children", category="activity", listing_image=cls.picture
        )
        ProcurementSummaryPageFactory(
            parent=ProcurementSummaryIndexPageFactory(parent=ProcurementIndexPageFactory()),
            slug="engineering-2025-11",
            title="สรุปผลการจัดซื้อจัดจ้าง พฤศจิกายน 2568",
            month=datetime.date(2025, 11, 1),
            responsible_unit=unit("engineering"),
        )
        cls.school = SchoolPageFactory(slug="wat-sai-tai", title=SCHOOL_TITLE)
        cls.bid = ProcurementNoticePageFactory(
            parent=cls.school, slug="lunch", title=BID_TITLE, egp_number="66019000001"
        )
        cls.report = PublicationPageFactory(
            title=REPORT_TITLE, cover_image=ImageFactory(), document=DocumentFactory()
        )
        ITAPageFactory()
        cls.item = item_of_this_year(ITEM_TITLE, cls.notice)
        BasicInformationPageFactory()
        SiteMapPageFactory()
        CaseStatisticsPageFactory()
        document = DocumentFactory(title="ข้อบัญญัติงบประมาณ")
        documents = [("fiscal_year", {"fiscal_year": 2569, "documents": [{"document": document}]})]
        InformationPageFactory(slug="budget", title="งบประมาณ", documents=documents)

    def setUp(self):
        cache.clear()  # each test starts from an empty Redis

    def others(self):
        """``OTHERS`` with a news item, a publication and a procurement notice."""
        pages = (self.news, self.report, self.bid)
        return {**OTHERS, **{page.url: page.title for page in pages}}

    def served_without_query(self, url):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(captured) == 0, response

    def test_a_cached_page_costs_no_query(self):
        for url in PAGES:
            self.assertFalse(self.served_without_query(url)[0], url)  # rendered
            hit, response = self.served_without_query(url)
            self.assertTrue(hit, url)
            self.assertContains(response, "0 5600 0000", msg_prefix=url)

    def test_every_call_of_the_process_goes_through_one_redis_client(self):
        """Django makes its Redis clients with the class its ``_class`` names, each from the
        pool ``_get_connection_pool`` gives (docs/upgrading.md): the portal's makes one."""
        self.client.get("/")
        hit, _ = self.served_without_query("/")
        self.assertTrue(hit)
        self.assertEqual(len(cache._cache._clients), 1)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_page_rendered_anew_reads_its_kept_parts_from_the_process(self):
        """Each process keeps its own copy of the parts it read from Redis (a part's key holds
        the content version): a page rendered again asks Redis for the version alone and the
        database nothing (not for each of its 8 to 13 parts, nor for the menu, the units,
        Wagtail's site root paths, the locale or the view restrictions; on the news listing
        not for its pictures' renditions, on a feed not for each item's address, on the
        procurement listing not for the schools), and still shows a committed change at
        once."""
        redis = cache._cache.get_client()

        def commands():
            return redis.info("stats")["total_commands_processed"] - 1  # INFO itself

        shows = {**dict.fromkeys([*PAGES, NOTICE], TITLE), "/en/": "Municipality", **LISTINGS}
        shows.update(self.others())
        for url in list(shows) * 2:  # twice: the site is looked up before the language is chosen
            self.client.get(url)
        for url, text in shows.items():
            before = commands()
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get(url)
            self.assertEqual(commands() - before - 1, 1, url)  # GET of the generation
            self.assertEqual(len(captured), 0, url)
            self.assertContains(response, text, msg_prefix=url)
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.unpublish()
        for url in PAGES[:3]:
            self.assertNotContains(self.client.get(url), TITLE, msg_prefix=url)

    def republish_news(self, title):
        """The news item published again with ``title`` and a new picture, which it returns."""
        picture = ImageFactory()
        revision = self.news.get_latest_revision_as_object()
        revision.title, revision.listing_image = title, picture
        with self.captureOnCommitCallbacks(execute=True):
            revision.save_revision().publish()
        return picture

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_committed_change_reaches_the_kept_news_listing_feeds_and_schools(self):
        """The news listing and the feeds are kept whole (their rows, pictures and
        addresses), and so are the schools listing and the procurement listing's school
        filter: a committed change shows on the next request all the same."""
        for url in list(LISTINGS) * 2:
            self.client.get(url)
        other = self.republish_news("เทศบาลจัดงานวันเด็ก ปีนี้")
        response = self.client.get("/news/")
        self.assertContains(response, other.get_rendition("fill-480x300").url)
        self.assertNotContains(response, self.picture.get_rendition("fill-480x300").url)
        self.assertContains(self.client.get("/feeds/news/rss/"), "เทศบาลจัดงานวันเด็ก ปีนี้")
        school_option = '<option value="wat-sai-tai"'
        self.assertContains(self.client.get("/procurement/"), school_option)
        with self.captureOnCommitCallbacks(execute=True):
            self.news.unpublish()
            self.notice.unpublish()
            self.school.unpublish()
        for url in ("/news/", "/news/?category=activity", "/feeds/news/rss/"):
            self.assertNotContains(self.client.get(url), "เทศบาลจัดงานวันเด็ก", msg_prefix=url)
        self.assertNotContains(self.client.get("/feeds/announcements/atom/"), TITLE)
        self.assertNotContains(self.client.get("/schools/"), SCHOOL_TITLE)
        self.assertNotContains(self.client.get("/procurement/"), school_option)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_committed_change_reaches_the_other_kept_pages(self):
        """The ITA page (its years, items and evidence), a news item, a publication, a
        procurement notice (with its project's stages), the basic information (its units),
        the policies, the site map, the complaint statistics, a procurement summary and
        sitemap.xml are kept whole: a committed
        change shows on the next request all the same (a complaint's rating too, which is an
        UPDATE without a signal)."""
        for url in list(self.others()) * 2:
            self.client.get(url)
        other = self.republish_news("เทศบาลจัดงานวันเด็ก ปีนี้")
        response = self.client.get(self.news.url)
        self.assertContains(response, "เทศบาลจัดงานวันเด็ก ปีนี้")
        self.assertContains(response, other.get_rendition("width-400").url)  # the picture
        self.assertContains(response, other.get_rendition(SHARE_RENDITION).url)  # its card
        self.assertNotContains(response, self.picture.get_rendition(SHARE_RENDITION).url)
        self.report.summary = "สรุปผลการดำเนินงาน ฉบับแก้ไข"
        with self.captureOnCommitCallbacks(execute=True):
            self.report.save_revision().publish()
        self.assertContains(self.client.get(self.report.url), "ฉบับแก้ไข")
        with self.captureOnCommitCallbacks(execute=True):
            stage = ProcurementNoticePageFactory(
                parent=self.school,
                slug="lunch-winner",
                title="ประกาศผู้ชนะการเสนอราคาซื้ออาหารกลางวัน",
                egp_number="66019000001",
                stage="winner",
                winner_name="ห้างหุ้นส่วนจำกัด อาหารดี",
                agreed_price=Decimal("95000.00"),
            )
        self.assertContains(self.client.get(self.bid.url), f'href="{stage.url}"')
        self.item.title = "ข้อมูลพื้นฐาน (แก้ไขแล้ว)"
        with self.captureOnCommitCallbacks(execute=True):
            self.item.save()
        self.assertContains(self.client.get("/ita/"), "ข้อมูลพื้นฐาน (แก้ไขแล้ว)")
        self.assertContains(self.client.get("/ita/"), f'href="{NOTICE}"')
        with self.captureOnCommitCallbacks(execute=True):
            AnnouncementPageFactory(
                parent=self.notice.get_parent(), slug="results", title="ประกาศผลการสอบคัดเลือก"
            )
        self.assertContains(self.client.get("/policies/site-map/"), "ประกาศผลการสอบคัดเลือก")
        with self.captureOnCommitCallbacks(execute=True):
            case, _secret = Complaint.file(
                ComplaintCategory.objects.get(slug="roads"),
                received_at=timezone.now(),
                description="ถนนเป็นหลุม",
                place="ถนนโกสีย์",
            )
            case.status, case.closed_at = Status.RESOLVED, timezone.now()
            case.save()
        self.assertContains(self.client.get("/complaint-statistics/"), "ยังไม่มีผู้ร้องเรียนให้คะแนน")
        with self.captureOnCommitCallbacks(execute=True):
            self.assertTrue(case.rate(4))
        self.assertContains(self.client.get("/complaint-statistics/"), "คะแนนเฉลี่ย 4")
        self.news.expire_at = timezone.now() + datetime.timedelta(hours=1)
        with self.captureOnCommitCallbacks(execute=True):
            self.news.save()
        self.assertContains(self.client.get("/sitemap.xml"), "/children/")
        later = timezone.now() + datetime.timedelta(hours=2)
        with mock.patch("django.utils.timezone.now", return_value=later):  # expired, still live
            self.assertNotContains(self.client.get("/sitemap.xml"), "/children/")
        summary = ProcurementSummaryPage.objects.get()
        summary.title = "สรุปผลการจัดซื้อจัดจ้าง พฤศจิกายน 2568 (แก้ไข)"
        with self.captureOnCommitCallbacks(execute=True):
            summary.save_revision().publish()
        self.assertContains(self.client.get(summary.url), "2568 (แก้ไข)")
        self.finance.name = "สำนักการคลัง"
        with self.captureOnCommitCallbacks(execute=True):
            self.finance.save()
        self.assertContains(self.client.get("/basic-information/"), "สำนักการคลัง")
        with self.captureOnCommitCallbacks(execute=True):
            SiteMapPage.objects.get().unpublish()
        self.assertNotContains(self.client.get("/policies/"), 'href="/policies/site-map/"')
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.unpublish()
        self.assertNotContains(self.client.get("/ita/"), f'href="{NOTICE}"')

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_the_complaint_form_reads_no_unversioned_key_and_keeps_no_token(self):
        """The complaint page's form is the visitor's (never kept); its addresses and the
        privacy notice's link are kept under the content version: rendered again, one Redis
        command (not the policy links' key nor Wagtail's site root paths), and a privacy
        notice moved shows at once."""
        ComplaintPageFactory(slug="complaints")
        privacy = PolicyPageFactory(parent=SiteMapPage.objects.get().get_parent())
        redis = cache._cache.get_client()
        for _ in range(2):
            self.client.get("/complaints/")
        before = redis.info("stats")["total_commands_processed"]
        first = self.client.get("/complaints/")
        self.assertEqual(redis.info("stats")["total_commands_processed"] - before - 1, 1)
        self.assertContains(first, 'href="/policies/privacy/"')
        self.assertContains(first, 'action="/complaints/"')
        second = self.client.get("/complaints/")
        token = 'name="csrfmiddlewaretoken" value="'
        self.assertIn(token, first.content.decode())
        self.assertNotEqual(
            first.content.decode().split(token)[1][:64],
            second.content.decode().split(token)[1][:64],
        )
        privacy.slug = "privacy-notice"
        with self.captureOnCommitCallbacks(execute=True):
            privacy.save_revision().publish()
        self.assertContains(self.client.get("/complaints/"), 'href="/policies/privacy-notice/"')

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_committed_view_restriction_reaches_a_page_rendered_anew(self):
        """A page's having no view restriction is kept in each process's own copy too; a
        restriction committed shows on the next request, and so does its removal."""
        for _ in range(2):
            self.assertContains(self.client.get(NOTICE), TITLE)
        with self.captureOnCommitCallbacks(execute=True):
            restriction = PageViewRestriction.objects.create(
                page=self.notice.get_parent(), restriction_type=PageViewRestriction.LOGIN
            )
        self.assertEqual(self.client.get(NOTICE).status_code, 302)
        with self.captureOnCommitCallbacks(execute=True):
            restriction.delete()
        self.assertContains(self.client.get(NOTICE), TITLE)

    def test_a_committed_unpublish_leaves_every_page_at_once(self):
        for url in PAGES[:3]:
            self.client.get(url)
            self.assertContains(self.served_without_query(url)[1], TITLE, msg_prefix=url)
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.unpublish()
        for url in PAGES[:3]:
            self.assertNotContains(self.client.get(url), TITLE, msg_prefix=url)

    def test_a_committed_site_setting_shows_in_every_footer(self):
        for url in PAGES:
            self.client.get(url)
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.phone = "0 5699 9999"
        with self.captureOnCommitCallbacks(execute=True):
            settings.save()
        for url in PAGES:
            self.assertContains(self.client.get(url), "0 5699 9999", msg_prefix=url)

    def test_an_emptied_redis_starts_a_new_generation(self):
        self.client.get("/")
        first = cache.get(GENERATION_KEY)
        cache.delete(GENERATION_KEY)  # Redis restarted or evicted the key; pages may remain
        self.assertContains(self.client.get("/"), TITLE)
        self.assertNotEqual(cache.get(GENERATION_KEY), first)
