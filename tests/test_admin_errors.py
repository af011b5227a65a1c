"""The admin's error pages speak Thai: a forced approval, an unknown admin address, a crash."""

from django.test import override_settings
from django.urls import path, reverse

from portal.urls import urlpatterns as portal_urlpatterns
from tests.moderation_support import ModerationTestCase


def crash(request):
    raise RuntimeError("a fault in an admin view")


urlpatterns = [path("admin/crash/", crash), *portal_urlpatterns]
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"


class AdminErrorPageTests(ModerationTestCase):
    def test_a_forced_approval_gets_a_thai_403(self):
        # The supervisor saved the latest version, so may not approve it; they post it anyway,
        # from the approval dialog (which asks in the background: Wagtail answers it with the
        # 403 page instead of its redirect to the dashboard).
        page = self.submitted(self.finance_notice, by=self.supervisor)
        state = page.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
        response = self.as_user(self.supervisor).post(
            url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        )
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "ท่านไม่มีสิทธิ์ดำเนินการนี้", status_code=403)
        self.assertContains(response, reverse("wagtailadmin_home"), status_code=403)
        self.assertNotContains(response, "Forbidden", status_code=403)

    def test_an_unknown_admin_page_gets_a_thai_404(self):
        for url in ("/admin/no-such-screen/", reverse("wagtailadmin_pages:edit", args=[999999])):
            with self.subTest(url=url):
                response = self.as_user(self.operator).get(url)
                self.assertContains(response, "ไม่พบหน้าที่ต้องการ", status_code=404)
                self.assertNotContains(response, "could not be found", status_code=404)

    def test_a_public_404_stays_in_the_site_frame(self):
        response = self.client.get("/no-such-page/")
        self.assertContains(response, "ไม่พบหน้าที่ต้องการ", status_code=404)

    @override_settings(ROOT_URLCONF=__name__)
    def test_an_admin_crash_gets_a_thai_500(self):
        client = self.as_user(self.it_admin)
        client.raise_request_exception = False
        response = client.get("/admin/crash/")
        self.assertEqual(response.status_code, 500)
        self.assertIn("ระบบจัดการเว็บไซต์ขัดข้องชั่วคราว", response.content.decode())
