"""The site-wide alert banner: written by a web operator, published only through the approval
workflow or its schedule (go-live and expiry run by the scheduler), shown on every public page
in the page's language, within the query budget."""

import datetime

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from core.alerts import alert_banners_changed
from core.models import AlertBanner
from oversight import scheduler
from ownership.models import Role
from pagecache.models import ContentVersion
from tests.factories import english_home, home_page, site_settings
from tests.moderation_support import make_user, sign_in
from tests.oversight_support import at
from tests.utils import QUERY_BUDGET, count_queries

NOW = timezone.now().replace(microsecond=0)
HOUR = datetime.timedelta(hours=1)
TEXT = "แจ้งเตือนระดับน้ำเจ้าพระยาสูง ชุมชนริมน้ำโปรดเตรียมพร้อมอพยพ"
TEXT_EN = "Chao Phraya river is high: riverside communities, be ready to evacuate"


@override_settings(OVERSIGHT_CHECK_EXTERNAL_LINKS=False)
class AlertBannerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_settings()
        cls.home = home_page()
        with cls.captureOnCommitCallbacks(execute=True):
            english_home()
        cls.operator = make_user("web-operator", Role.OPERATOR)

    def tick(self, moment):
        with at(moment):
            scheduler.tick("test")

    def approved(self, go_live_at=None, expire_at=None):
        """A banner whose version was approved (the workflow's last step publishes it)."""
        banner = AlertBanner.objects.create(
            text=TEXT, text_en=TEXT_EN, link="https://example.org/flood", live=False
        )
        banner.go_live_at, banner.expire_at = go_live_at, expire_at
        # As moderation.workflow.publish_approved publishes an approved version.
        revision = banner.save_revision(user=self.operator)
        revision.publish(user=self.operator, skip_permission_checks=True)
        return AlertBanner.objects.get(pk=banner.pk)

    def shown(self, url="/", text=TEXT):
        return text in self.client.get(url).content.decode()

    def test_it_goes_live_and_expires_on_schedule_in_both_languages(self):
        self.approved(go_live_at=NOW + HOUR, expire_at=NOW + 3 * HOUR)
        self.tick(NOW)
        self.assertFalse(self.shown())

        self.tick(NOW + 2 * HOUR)
        with at(NOW + 2 * HOUR):
            self.assertTrue(self.shown("/"))
            self.assertTrue(self.shown("/en/", TEXT_EN))
            self.assertFalse(self.shown("/en/", TEXT))
            response = self.client.get("/")
            self.assertContains(response, 'class="alert-banner alert-banner--warning"')
            self.assertContains(response, 'href="https://example.org/flood"')

        self.tick(NOW + 4 * HOUR)
        self.assertFalse(AlertBanner.objects.get().live)
        self.assertFalse(self.shown())

    def test_a_change_is_announced_for_page_caches(self):
        heard = []
        alert_banners_changed.connect(lambda **kwargs: heard.append(kwargs), weak=False)
        try:
            banner = self.approved()
            self.assertTrue(self.shown())
            heard.clear()
            banner.unpublish()  # as the scheduler does at its expiry
            self.assertTrue(heard)
            self.assertFalse(self.shown())
        finally:
            alert_banners_changed.receivers.clear()

    def test_the_web_operator_writes_it_but_only_the_workflow_publishes_it(self):
        sign_in(self.client, self.operator)
        add = reverse("wagtailsnippets_core_alertbanner:add")
        data = {"text": TEXT, "text_en": "", "link": "", "level": "danger"}
        response = self.client.post(add, {**data, "action-publish": "action-publish"})
        banner = AlertBanner.objects.get()
        self.assertFalse(banner.live)  # no publish permission: kept as a draft at most
        edit = reverse("wagtailsnippets_core_alertbanner:edit", args=[banner.pk])
        self.client.post(edit, {**data, "action-submit": "action-submit"})
        state = WorkflowState.objects.get(object_id=str(banner.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.client.logout()
        self.assertFalse(self.shown())
        self.assertIn(response.status_code, (200, 302))

    def test_pages_stay_within_the_query_budget_with_a_banner(self):
        self.approved()
        self.assertLessEqual(count_queries(self.client, "/"), QUERY_BUDGET)
        self.assertLessEqual(count_queries(self.client, "/en/"), QUERY_BUDGET)
        self.assertTrue(self.shown())

    @override_settings(PAGE_CACHE_SECONDS=600)
    def test_the_page_cache_is_purged_when_it_goes_live_and_when_it_expires(self):
        """Every page shows the banner, so the scheduler's publication and expiry each end the
        cached pages (pagecache.purge: a snippet's publish and unpublish raise the version)."""
        cache.clear()
        self.approved(go_live_at=NOW + HOUR, expire_at=NOW + 3 * HOUR)
        urls = ["/", "/en/"]
        for url in urls:  # cached without the banner
            self.assertFalse(self.shown(url))
            self.assertEqual(count_queries(self.client, url), 1, url)
        version = ContentVersion.objects.get().number

        self.tick(NOW + 2 * HOUR)
        self.assertGreater(ContentVersion.objects.get().number, version)
        with at(NOW + 2 * HOUR):
            self.assertTrue(self.shown("/"))
            self.assertTrue(self.shown("/en/", TEXT_EN))
            self.assertEqual(count_queries(self.client, "/"), 1)  # cached again, with it
        version = ContentVersion.objects.get().number

        self.tick(NOW + 4 * HOUR)
        self.assertGreater(ContentVersion.objects.get().number, version)
        with at(NOW + 4 * HOUR):
            self.assertFalse(self.shown("/"))
            self.assertFalse(self.shown("/en/", TEXT_EN))
