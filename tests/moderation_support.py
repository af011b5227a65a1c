"""What the moderation tests share: people in each role, a small tree with one notice of the
Finance Office and one of the Education Office, and the admin requests they make."""

import datetime
from contextlib import contextmanager
from decimal import Decimal

from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.middleware import requires_two_factor
from ownership.models import Role
from tests.factories import PASSWORD as PASSWORD
from tests.factories import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    ProcurementNoticePageFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
    UserFactory,
    home_page,
    unit,
)


def make_user(username, role=None, unit_slug=None, **fields):
    return UserFactory(username=username, role=role, unit=unit_slug, **fields)


def totp_token(device):
    """The code an authenticator app shows now for ``device``."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, user):
    """Sign ``user`` in; for superusers and roles with two-factor, as after typing a valid code."""
    client.force_login(user)
    if requires_two_factor(user):
        device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=True, name="test")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def announcement_form(title, responsible_unit, slug="", **fields):
    """The admin's form data for an announcement (what the page editor posts)."""
    data = {
        "title": title,
        "slug": slug,
        "responsible_unit": responsible_unit,
        "kind": "other",
        "date": "15/01/2026",
        "fiscal_year": "",
        "body": streamfield([]),
        "attachments": streamfield([]),
        "seo_title": "",
        "search_description": "",
        "listing_summary": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def edit_form(page, **fields):
    page = page.specific
    fields.setdefault("title", page.title)
    fields.setdefault("responsible_unit", page.responsible_unit_id)
    fields.setdefault("slug", page.slug)
    return announcement_form(**fields)


def snapshot(page_id):
    """Everything a refused action must leave as it was."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    state = page.current_workflow_state
    return {
        "title": page.title,
        "draft_title": page.draft_title,
        "live": page.live,
        "path": page.path,
        "responsible_unit": page.responsible_unit_id,
        "latest_revision": page.latest_revision_id,
        "live_revision": page.live_revision_id,
        "revisions": page.revisions.count(),
        "locked": page.locked,
        "workflow": (state.status, state.current_task_state_id) if state else None,
        "task_states": TaskState.objects.filter(workflow_state__object_id=str(page_id)).count(),
    }


@contextmanager
def rolled_back():
    """Run one case of a matrix, then undo it (the next case starts from the same tree)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


class ModerationTestCase(TestCase):
    """Finance and Education staff in each role, a web operator and an IT administrator; an
    announcements section (owned by the Clerk's office) with one live notice of each unit; a
    school (Education) to move notices to."""

    @classmethod
    def setUpTestData(cls):
        cls.finance = unit("finance")
        cls.education = unit("education")
        cls.home = home_page()
        cls.index = AnnouncementIndexPageFactory(title="ประกาศ", responsible_unit=unit("clerk"))
        cls.finance_notice = AnnouncementPageFactory(
            parent=cls.index,
            slug="finance-notice",
            title="ประกาศสำนักงานคลัง เรื่อง ภาษีป้าย",
            responsible_unit=cls.finance,
            date=datetime.date(2026, 1, 10),
        )
        cls.education_notice = AnnouncementPageFactory(
            parent=cls.index,
            slug="education-notice",
            title="ประกาศสำนักงานการศึกษา เรื่อง รับสมัครนักเรียน",
            responsible_unit=cls.education,
            date=datetime.date(2026, 1, 11),
        )
        schools = SchoolIndexPageFactory(responsible_unit=cls.education)
        cls.school = SchoolPageFactory(
            parent=schools,
            slug="school-1",
            title="โรงเรียนเทศบาลวัดไทรใต้",
            code="ท.๑",
            responsible_unit=cls.education,
        )
        cls.procurement = {
            slug: ProcurementNoticePageFactory(
                parent=cls.index,
                slug=f"{slug}-procurement",
                title=f"ประกาศจัดซื้อ ({slug})",
                date=datetime.date(2026, 1, 12),
                responsible_unit=owner,
                budget=Decimal("100000"),
            )
            for slug, owner in (("finance", cls.finance), ("education", cls.education))
        }
        cls.creator = make_user("finance-creator", Role.CREATOR, "finance", first_name="สมใจ")
        cls.supervisor = make_user(
            "finance-supervisor", Role.SUPERVISOR, "finance", first_name="ประเสริฐ"
        )
        cls.education_creator = make_user("education-creator", Role.CREATOR, "education")
        cls.education_supervisor = make_user("education-supervisor", Role.SUPERVISOR, "education")
        cls.operator = make_user("web-operator", Role.OPERATOR, first_name="กนกพร")
        cls.it_admin = make_user("it-admin", Role.IT_ADMIN)

    # --- what people do in the admin -----------------------------------------------------

    def assertRefused(self, response):
        """Wagtail refuses in the admin with 403, or with the dashboard and a message."""
        if response.status_code != 403:
            self.assertRedirects(
                response, reverse("wagtailadmin_home"), fetch_redirect_response=False
            )

    def as_user(self, user):
        self.client.logout()
        sign_in(self.client, user)
        return self.client

    def edit(self, user, page, action=None, **fields):
        data = edit_form(page, **fields)
        if action:
            data[action] = "1"
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return self.as_user(user).post(url, data)

    def create(self, user, title, unit_id, action=None, slug=None):
        data = announcement_form(title, unit_id, slug=slug or f"new-{abs(hash(title)) % 10**8}")
        if action:
            data[action] = "1"
        url = reverse("wagtailadmin_pages:add", args=["news", "announcementpage", self.index.pk])
        return self.as_user(user).post(url, data)

    def workflow_action(self, user, page, action, comment=""):
        state = page.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
        return self.as_user(user).post(url, {"comment": comment})

    # --- getting a page to a step ------------------------------------------------------------

    def submitted(self, page, by=None, title=None):
        """``page`` with a new version by its unit's creator, submitted to step 1."""
        by = by or (
            self.creator if page.responsible_unit_id == self.finance.pk else self.education_creator
        )
        page = page.specific_class.objects.get(pk=page.pk)
        page.title = title or f"{page.title} (แก้ไข)"
        page.save_revision(user=by)
        page.get_workflow().start(page, by)
        return page.specific_class.objects.get(pk=page.pk)

    def at_step_two(self, page, **kwargs):
        page = self.submitted(page, **kwargs)
        supervisor = (
            self.supervisor
            if page.responsible_unit_id == self.finance.pk
            else self.education_supervisor
        )
        state = page.current_workflow_task_state
        state.task.specific.on_action(state, supervisor, "approve")
        return page.specific_class.objects.get(pk=page.pk)

    def current_step(self, page):
        state = WorkflowState.objects.active().filter(object_id=str(page.pk)).first()
        if state is None or state.current_task_state is None:
            return None
        return state.current_task_state.task.specific
