"""The page cache (pagecache/): anonymous visitors get pages from the cache, never what only
one visitor may see, and every content change shows on the next request; responses are
compressed for clients that accept gzip, with the same content."""

import datetime
import gzip
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, PageViewRestriction, Site

from core.models import SiteSettings
from departments.models import DepartmentPage, DepartmentPerson
from news.models import AnnouncementPage
from pagecache.version import VERSION_SQL
from search.models import SearchMiss
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
    ProcurementIndexPageFactory,
    ProcurementNoticePageFactory,
    ProcurementSummaryIndexPageFactory,
    ProcurementSummaryPageFactory,
    PublicationPageFactory,
    SchoolPageFactory,
    SiteMapPageFactory,
    site_settings,
    translate,
    translated_home,
    unit,
)
from tests.moderation_support import edit_form, sign_in
from tests.transparency_support import item_of_this_year

TITLE = "ประกาศรับสมัครสอบคัดเลือกพนักงานจ้าง"
LINK = "/announcements/recruitment/"  # how every listing links to it (search marks the title)
# The pages that list a notice of the finance office: home, the index, the unit page, the
# feed, search and the sitemap. The search is narrowed by kind: a search that finds one page
# without filters is counted for the report of what citizens could not find, never cached.
LISTINGS = [
    "/",
    "/announcements/",
    "/departments/finance/",
    "/feeds/announcements/rss/",
    "/search/?q=" + "สอบคัดเลือก" + "&kind=recruitment",
]


def from_cache(client, url, **headers):
    """Whether ``url`` is served without rendering: one query, the content version, and no
    template (with its parts kept, a page rendered anew may run no other query either)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return len(captured) == 1 and not response.templates, response


@override_settings(PAGE_CACHE_SECONDS=600)
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        with cls.captureOnCommitCallbacks(execute=True):
            cls.home = translated_home()
        cls.finance = unit("finance")
        DepartmentPageFactory(unit=cls.finance, slug="finance", title="สำนักงานคลัง")
        cls.index = AnnouncementIndexPageFactory(
            parent=cls.home, slug="announcements", title="ประกาศ"
        )
        cls.notice = AnnouncementPageFactory(
            parent=cls.index,
            slug="recruitment",
            title=TITLE,
            kind="recruitment",
            date=datetime.date(2025, 5, 1),
            responsible_unit=cls.finance,
        )
        cls.staff = get_user_model().objects.create_superuser("operator", "op@example.org", "x")

    def setUp(self):
        # Tests roll back the content version; pages cached by an earlier test must not answer.
        cache.clear()

    def warm(self, urls):
        for url in urls:
            self.assertContains(self.client.get(url), LINK, msg_prefix=url)
            hit, response = from_cache(self.client, url)
            self.assertTrue(hit, url)
            self.assertContains(response, LINK, msg_prefix=url)

    def assertGoneEverywhere(self, urls):
        for url in urls:
            response = self.client.get(url)
            self.assertNotContains(
                response, TITLE, status_code=response.status_code, msg_prefix=url
            )

    # What is cached, and how it says so.

    def test_a_public_page_is_served_from_the_cache_for_shared_caches_to_keep(self):
        first = self.client.get("/announcements/recruitment/")
        self.assertEqual(first["Cache-Control"], "public, max-age=0, s-maxage=600")
        hit, second = from_cache(self.client, "/announcements/recruitment/")
        self.assertTrue(hit)
        self.assertEqual(second.content, first.content)

    def test_thai_pages_do_not_vary_with_the_browser_language(self):
        response = self.client.get("/", headers={"accept-language": "en"})
        self.assertContains(response, 'lang="th"')
        self.assertNotIn("Accept-Language", response.get("Vary", ""))
        hit, again = from_cache(self.client, "/", accept_language="th")
        self.assertTrue(hit)
        self.assertEqual(again.content, response.content)
        self.assertContains(self.client.get("/en/"), 'lang="en"')

    def test_a_head_request_is_answered_from_the_cache(self):
        self.client.get("/announcements/")
        hit, _ = from_cache(self.client, "/announcements/")
        self.assertTrue(hit)
        self.assertEqual(self.client.head("/announcements/").status_code, 200)

    def test_a_search_that_finds_little_is_counted_each_time_and_others_are_cached(self):
        """The report of what citizens could not find counts every such search, so none is
        answered from the cache; a search that finds enough is."""
        with self.captureOnCommitCallbacks(execute=True):
            for _ in range(3):
                response = self.client.get("/search/?q=ฟุตบอลโลก")
                self.assertEqual(response["Cache-Control"], "private")
        self.assertEqual(SearchMiss.objects.get(query="ฟุตบอลโลก").searches, 3)
        for number in range(3):
            AnnouncementPageFactory(
                parent=self.index, slug=f"exam-{number}", title=f"ประกาศผลสอบคัดเลือก {number}"
            )
        self.client.get("/search/?q=สอบคัดเลือก")
        hit, response = from_cache(self.client, "/search/?q=สอบคัดเลือก")
        self.assertTrue(hit)
        self.assertContains(response, LINK)

    # What is never cached.

    def test_a_signed_in_editor_is_never_served_from_the_cache_nor_cached_for_others(self):
        self.client.force_login(self.staff)
        self.client.get("/announcements/")
        hit, response = from_cache(self.client, "/announcements/")
        self.assertFalse(hit)
        self.assertIn("private", response["Cache-Control"])
        hit, _ = from_cache(self.client_class(), "/announcements/")
        self.assertFalse(hit)  # what the editor was shown was not kept for a visitor

    def test_a_password_protected_page_is_not_cached_before_or_after_its_password(self):
        PageViewRestriction.objects.create(
            page=self.notice, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        url = "/announcements/recruitment/"
        self.assertNotContains(self.client.get(url), TITLE + "</h1>")
        hit, _ = from_cache(self.client, url)
        self.assertFalse(hit)
        action = self.client.get(url).context["action_url"]
        reader = self.client_class()
        reader.get(url)
        reader.post(action, {"password": "secret", "return_url": url})
        self.assertContains(reader.get(url), TITLE)
        stranger = self.client_class()
        self.assertNotContains(stranger.get(url), f"<h1>{TITLE}</h1>", html=False)
        self.assertContains(stranger.get(url), 'name="password"')

    def test_a_login_restricted_page_is_not_cached(self):
        PageViewRestriction.objects.create(page=self.notice, restriction_type="login")
        url = "/announcements/recruitment/"
        self.client.force_login(self.staff)
        self.assertContains(self.client.get(url), TITLE)
        stranger = self.client_class()
        self.assertEqual(stranger.get(url).status_code, 302)
        self.assertEqual(stranger.get(url).status_code, 302)

    def test_a_section_made_private_keeps_its_notices_from_strangers(self):
        # The restriction sits on the section, the notice inherits it (BasePage asks for
        # the restrictions of every ancestor in one query).
        PageViewRestriction.objects.create(page=self.notice.get_parent(), restriction_type="login")
        url = "/announcements/recruitment/"
        stranger = self.client_class()
        for _ in range(2):
            self.assertEqual(stranger.get(url).status_code, 302)
        self.client.force_login(self.staff)
        self.assertContains(self.client.get(url), TITLE)

    def test_a_form_with_a_csrf_token_is_never_cached(self):
        ComplaintPageFactory(parent=self.home, slug="complaints", title="ร้องเรียน/ร้องทุกข์")
        tokens = set()
        for _ in range(2):
            hit, response = from_cache(self.client_class(), "/complaints/")
            self.assertFalse(hit)
            self.assertIn("csrftoken", response.cookies)
            tokens.add(response.context["csrf_token"])
        self.assertEqual(len(tokens), 2)  # each visitor's own token

    def test_drafts_and_previews_stay_with_the_editors(self):
        self.client.get("/announcements/recruitment/")
        draft = self.notice.get_latest_revision_as_object()
        draft.title = "ฉบับร่างที่ยังไม่อนุมัติ"
        draft.save_revision(user=self.staff)
        self.assertNotContains(self.client.get("/announcements/recruitment/"), "ฉบับร่าง")
        editor = self.client_class()
        sign_in(editor, self.staff)
        preview = editor.post(
            f"/admin/pages/{self.notice.pk}/edit/preview/",
            edit_form(self.notice, title="ตัวอย่างก่อนเผยแพร่"),
        )
        self.assertEqual(preview.status_code, 200)
        self.assertContains(editor.get(f"/admin/pages/{self.notice.pk}/edit/preview/"), "ตัวอย่าง")
        self.assertNotContains(self.client.get("/announcements/recruitment/"), "ตัวอย่าง")
        self.assertNotContains(self.client.get("/announcements/recruitment/"), "ฉบับร่าง")

    # Every content change shows on the next request.

    def test_an_unpublished_notice_leaves_every_listing_at_once(self):
        self.warm(LISTINGS)
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.unpublish(user=self.staff)
        self.assertGoneEverywhere(LISTINGS)
        self.assertEqual(self.client.get("/announcements/recruitment/").status_code, 404)

    def test_a_deleted_notice_leaves_every_listing_at_once(self):
        self.warm([*LISTINGS, "/sitemap.xml"])
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.delete()
        self.assertGoneEverywhere(LISTINGS)
        self.assertNotContains(self.client.get("/sitemap.xml"), "/announcements/recruitment/")

    def test_a_notice_expired_by_the_scheduler_leaves_every_listing(self):
        self.notice.expire_at = timezone.now() + datetime.timedelta(hours=1)
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.save_revision(user=self.staff).publish(user=self.staff)
        self.warm(LISTINGS)
        later = timezone.now() + datetime.timedelta(hours=2)
        with mock.patch("django.utils.timezone.now", return_value=later):
            call_command("publish_scheduled")
        self.assertGoneEverywhere(LISTINGS)

    def test_a_published_edit_and_a_scheduled_go_live_show_at_once(self):
        self.warm(LISTINGS)
        revision = self.notice.get_latest_revision_as_object()
        revision.title = "ประกาศรับสมัครสอบคัดเลือกพนักงานจ้าง ครั้งที่ 2"
        with self.captureOnCommitCallbacks(execute=True):
            revision.save_revision(user=self.staff).publish(user=self.staff)
        for url in LISTINGS[:4]:
            self.assertContains(self.client.get(url), "ครั้งที่ 2", msg_prefix=url)
        later = AnnouncementPage(
            slug="later",
            title="ประกาศตั้งเวลาเผยแพร่",
            kind="recruitment",
            live=False,
            date=datetime.date(2025, 6, 1),
            responsible_unit=self.finance,
        )
        self.index.add_child(instance=later)
        later.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        later.save_revision(user=self.staff).publish(user=self.staff)
        self.assertNotContains(self.client.get("/announcements/"), "ตั้งเวลาเผยแพร่")
        with mock.patch(
            "django.utils.timezone.now",
            return_value=timezone.now() + datetime.timedelta(hours=2),
        ):
            call_command("publish_scheduled")
        self.assertContains(self.client.get("/announcements/"), "ตั้งเวลาเผยแพร่")

    def test_a_moved_notice_leaves_its_old_index(self):
        other = AnnouncementIndexPageFactory(parent=self.home, slug="archive", title="คลังประกาศ")
        self.warm(["/announcements/"])
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.move(other, pos="last-child", user=self.staff)
        self.assertNotContains(self.client.get("/announcements/"), TITLE)
        self.assertContains(self.client.get("/archive/recruitment/"), TITLE)

    def test_a_site_setting_change_shows_in_every_footer(self):
        self.client.get("/announcements/")
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.address = "ถนนสวรรค์วิถี ตำบลปากน้ำโพ"
        settings.save()
        self.assertContains(self.client.get("/announcements/"), "ถนนสวรรค์วิถี")

    def test_a_new_translation_shows_on_the_english_index(self):
        english_index = translate(self.index)
        self.assertContains(self.client.get("/en/announcements/"), english_index.title)
        self.assertNotContains(self.client.get("/en/announcements/"), "Recruitment exam")
        translate(self.notice, {TITLE: "Recruitment exam"})
        self.assertContains(self.client.get("/en/announcements/"), "Recruitment exam")

    def test_a_redirect_change_reaches_a_page_seen_before(self):
        self.assertEqual(self.client.get("/old-notices/").status_code, 404)
        Redirect.objects.create(old_path="/old-notices", redirect_page=self.index)
        self.assertRedirects(self.client.get("/old-notices/"), "/announcements/", status_code=301)

    # Compression.

    def test_compressed_and_plain_bodies_are_the_same_after_decoding(self):
        for url in [
            "/",
            "/announcements/",
            "/feeds/announcements/rss/",
            "/api/v2/pages/?search=" + "สอบคัดเลือก",
        ]:
            plain = self.client.get(url)
            for _ in range(2):  # rendered, then from the cache
                packed = self.client.get(url, headers={"accept-encoding": "gzip, br"})
                self.assertEqual(packed["Content-Encoding"], "gzip", url)
                self.assertIn("Accept-Encoding", packed["Vary"], url)
                self.assertLess(len(packed.content), len(plain.content), url)
                self.assertEqual(gzip.decompress(packed.content), plain.content, url)
            self.assertNotIn("Content-Encoding", plain)

    def test_the_cache_down_falls_back_to_rendering(self):
        down = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:18899/8",  # nothing listens here
        }
        caches = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        with override_settings(CACHES={**caches, "pages": down}, PAGE_CACHE_ALIAS="pages"):
            response = self.client.get("/announcements/")
        self.assertContains(response, TITLE)


@override_settings(PAGE_FRAGMENT_SECONDS=600)
class PageCacheWithFragmentsTests(PageCacheTests):
    """The same, with the parts of pages kept under the content version too (the footer, the
    home page's lists, the unit page's people and notices, the translations, the site): every
    change above reaches them on the next request as well."""

    def test_a_search_result_card_follows_a_published_edit_and_a_move(self):
        search = "/search/?q=" + "สอบคัดเลือก"
        self.assertContains(self.client.get(search), LINK)  # the card is kept
        revision = self.notice.get_latest_revision_as_object()
        revision.title = "ประกาศรับสมัครสอบคัดเลือกพนักงานจ้าง ครั้งที่ 2"
        with self.captureOnCommitCallbacks(execute=True):
            revision.save_revision(user=self.staff).publish(user=self.staff)
        self.assertContains(self.client.get(search), "พนักงานจ้าง ครั้งที่ 2")
        other = AnnouncementIndexPageFactory(parent=self.home, slug="archive", title="คลังประกาศ")
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.move(other, pos="last-child", user=self.staff)
        response = self.client.get(search)
        self.assertContains(response, 'href="/archive/recruitment/"')
        self.assertNotContains(response, LINK)

    def test_kept_content_is_each_address_and_languages_own(self):
        """Rendered content is kept per address and language: a filtered listing shows its own
        rows, and the Thai notice says it is in Thai only at its English address alone."""
        self.assertContains(self.client.get("/announcements/"), LINK)
        self.assertNotContains(self.client.get("/announcements/?kind=council"), LINK)
        self.assertContains(self.client.get("/announcements/"), LINK)
        self.assertContains(self.client.get("/announcements/?kind=recruitment"), LINK)
        thai, english = self.client.get(LINK), self.client.get("/en" + LINK)
        self.assertNotContains(thai, "หน้านี้มีเฉพาะภาษาไทย")
        self.assertContains(english, "This page is available in Thai only")
        self.assertContains(english, f'<h1 lang="th">{TITLE}</h1>', html=True)
        self.assertNotContains(self.client.get(LINK), "หน้านี้มีเฉพาะภาษาไทย")

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_thai_page_at_its_english_address_says_so_when_its_route_is_kept(self):
        """Routing is kept (``HomePage.route``) with whether the page is a Thai page at its
        English address: rendered again, it still says so and is still not indexed."""
        for _ in range(3):
            response = self.client.get("/en" + LINK)
            self.assertContains(response, "This page is available in Thai only")
            self.assertContains(response, '<meta name="robots" content="noindex">')

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_search_asked_again_is_answered_from_what_it_found_until_content_changes(self):
        search = "/search/?q=" + "สอบคัดเลือก"
        self.assertContains(self.client.get(search), LINK)
        with CaptureQueriesContext(connection) as again:
            self.assertContains(self.client.get(search), LINK)
        self.assertFalse([query for query in again if "wagtailcore_page" in query["sql"]])
        self.assertNotContains(self.client.get(search + "&kind=council"), LINK)
        self.assertContains(self.client.get(search + "&kind=recruitment"), LINK)
        with self.captureOnCommitCallbacks(execute=True):
            AnnouncementPageFactory(parent=self.index, slug="results", title="ประกาศผลการสอบคัดเลือก")
        self.assertContains(self.client.get(search), 'href="/announcements/results/"')

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_an_api_search_asked_again_is_answered_from_what_it_found_until_content_changes(self):
        def found(**params):
            response = self.client.get("/api/v2/pages/", {"search": "สอบคัดเลือก", **params})
            return [item["meta"]["html_url"] for item in response.json()["items"]]

        self.assertEqual(found(), ["http://localhost/announcements/recruitment/"])
        with CaptureQueriesContext(connection) as again:
            self.assertEqual(found(), ["http://localhost/announcements/recruitment/"])
        self.assertFalse([query for query in again if "wagtailcore_page" in query["sql"]])
        self.assertEqual(found(type="news.NewsPage"), [])
        self.assertEqual(self.client.get("/api/v2/pages/?search=x&limit=-1").status_code, 400)
        with self.captureOnCommitCallbacks(execute=True):
            AnnouncementPageFactory(parent=self.index, slug="results", title="ประกาศผลการสอบคัดเลือก")
        self.assertIn("http://localhost/announcements/results/", found())

    def test_kept_search_filters_show_each_request_its_own_choice(self):
        search = "/search/?q=" + "สอบคัดเลือก"
        chosen = '<option value="finance" selected>'
        self.assertNotContains(self.client.get(search), chosen)
        self.assertContains(self.client.get(search + "&unit=finance"), chosen)
        self.assertNotContains(self.client.get(search + "&page=1"), chosen)

    def test_the_kept_menu_marks_the_section_of_each_page(self):
        current = 'href="/announcements/" aria-current="page"'
        self.assertContains(self.client.get("/announcements/recruitment/"), current)
        self.assertNotContains(self.client.get("/"), current)
        self.assertContains(self.client.get("/announcements/"), current)

    def test_a_preview_shows_the_draft_not_the_kept_parts(self):
        unit_page = DepartmentPage.objects.get(slug="finance")
        self.assertNotContains(self.client.get(unit_page.url), "นายช่างตัวอย่าง")  # kept
        unit_page.people.add(DepartmentPerson(name="นายช่างตัวอย่าง", position="ผู้อำนวยการ"))
        preview = unit_page.make_preview_request()
        self.assertContains(preview, "นายช่างตัวอย่าง")
        self.assertNotContains(self.client.get(unit_page.url), "นายช่างตัวอย่าง")

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_page_rendered_anew_asks_the_database_only_for_the_content_version(self):
        """With its parts kept, a page rendered anew (the page cache off) asks the database
        for the content version alone: no locale (Wagtail's ``localized`` of the site's root
        page, three queries on the English home), no view restrictions, no units; nor the
        news and publications listings for their pictures' renditions, a feed for its items,
        the procurement, schools and units listings for theirs."""
        news = NewsPageFactory(listing_image=ImageFactory())
        report = PublicationPageFactory(cover_image=ImageFactory(), document=DocumentFactory())
        ProcurementSummaryPageFactory(
            parent=ProcurementSummaryIndexPageFactory(parent=ProcurementIndexPageFactory()),
            slug="engineering-2025-11",
            month=datetime.date(2025, 11, 1),
        )
        bid = ProcurementNoticePageFactory(parent=SchoolPageFactory(), egp_number="66019000001")
        ITAPageFactory()
        item_of_this_year("ข้อมูลพื้นฐาน", self.notice)
        BasicInformationPageFactory()
        SiteMapPageFactory()
        CaseStatisticsPageFactory()
        document = DocumentFactory(title="ข้อบัญญัติงบประมาณ")
        documents = [("fiscal_year", {"fiscal_year": 2569, "documents": [{"document": document}]})]
        InformationPageFactory(slug="budget", title="งบประมาณ", documents=documents)
        # Listings with pictures first: their rows are kept before the pictures' renditions.
        urls = ["/news/", "/publications/", "/", "/announcements/", LINK, "/departments/finance/"]
        urls += ["/en/", "/feeds/news/atom/", "/feeds/announcements/rss/", "/procurement/"]
        urls += ["/schools/", "/departments/", "/ita/", news.url, report.url, bid.url]
        urls += ["/basic-information/", "/policies/", "/policies/site-map/"]
        urls += ["/complaint-statistics/", "/complaint-statistics/?year=2568"]
        urls += ["/procurement/summaries/engineering-2025-11/", "/sitemap.xml", "/budget/"]
        for url in urls * 2:
            self.client.get(url)
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEqual([query["sql"] for query in captured], [VERSION_SQL], url)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_view_restriction_reaches_a_page_rendered_anew_at_once(self):
        """That a page has no view restriction is kept; one added or removed shows on the next
        request, on the page itself and below a restricted section."""
        self.assertContains(self.client.get(LINK), TITLE)
        with self.captureOnCommitCallbacks(execute=True):
            restriction = PageViewRestriction.objects.create(
                page=self.index, restriction_type=PageViewRestriction.LOGIN
            )
        for url in ("/announcements/", LINK):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertIn("/_util/login/", response["Location"])
        with self.captureOnCommitCallbacks(execute=True):
            restriction.delete()
        self.assertContains(self.client.get(LINK), TITLE)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_the_english_home_unit_and_breadcrumbs_follow_each_change(self):
        """What a page rendered anew takes from the kept site (the English home page), the
        kept units (the responsible unit) and the kept breadcrumbs follows a change at once."""
        english = self.home.get_translation(Locale.objects.get(language_code="en"))
        english.title = "Nakhon Sawan City Municipality, renamed"
        for url in ("/en/", LINK, "/departments/finance/"):
            self.client.get(url)
        with self.captureOnCommitCallbacks(execute=True):
            english.save_revision(user=self.staff).publish(user=self.staff)
        self.assertContains(self.client.get("/en/"), "Municipality, renamed")
        with self.captureOnCommitCallbacks(execute=True):
            english.unpublish(user=self.staff)
        response = self.client.get("/en/")  # Wagtail's: the Thai home at the English address
        self.assertNotContains(response, "Municipality, renamed")
        self.assertContains(response, self.home.title)

        self.finance.name = "สำนักงานการคลังเทศบาล"
        with self.captureOnCommitCallbacks(execute=True):
            self.finance.save()
        self.assertContains(self.client.get(LINK), "สำนักงานการคลังเทศบาล")
        self.assertContains(self.client.get("/departments/finance/"), "สำนักงานการคลังเทศบาล")

        revision = self.index.get_latest_revision_as_object()
        revision.title = "ประกาศเทศบาล"
        with self.captureOnCommitCallbacks(execute=True):
            revision.save_revision(user=self.staff).publish(user=self.staff)
        crumbs = self.client.get(LINK).content.decode()
        crumbs = crumbs[crumbs.index('class="breadcrumbs"') :]
        self.assertIn(
            '<a href="/announcements/">ประกาศเทศบาล</a>', crumbs[: crumbs.index("</nav>")]
        )
