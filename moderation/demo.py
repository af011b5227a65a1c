"""Items in the approval workflow, so that the dashboards and the publication request forms
show something: one awaiting its supervisor, one sent back, one published. Made by the demo
accounts (``accounts.demo``); development only."""

from django.test.utils import override_settings
from wagtail.models import WorkflowState

from accounts.demo import load_accounts
from core.demo import unit
from news.models import AnnouncementIndexPage, AnnouncementKind, AnnouncementPage

PENDING_SLUG = "demo-pending-tax-reminder"
RETURNED_SLUG = "demo-returned-school-lunch"
PUBLISHED_SLUG = "demo-published-signboard-tax"


def _draft(parent, slug, user, **fields):
    page = parent.get_children().filter(slug=slug).first()
    if page is not None:
        return page.specific, False
    page = AnnouncementPage(slug=slug, live=False, owner=user, **fields)
    parent.add_child(instance=page)
    page.save_revision(user=user)
    return page, True


def load_workflow_items(users):
    """A Finance notice awaiting its supervisor, and an Education notice sent back with a
    reason by the web operator."""
    index = AnnouncementIndexPage.objects.filter(locale__language_code="th").first()
    if index is None:
        return
    page, created = _draft(
        index,
        PENDING_SLUG,
        users["finance-creator"],
        title="ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569 (ตัวอย่างรออนุมัติ)",
        kind=AnnouncementKind.OTHER,
        responsible_unit=unit("finance"),
        listing_summary="ขอเชิญผู้มีหน้าที่เสียภาษีชำระภาษีภายในเดือนเมษายน",
    )
    if created:
        page.get_workflow().start(page, users["finance-creator"])
    page, created = _draft(
        index,
        RETURNED_SLUG,
        users["education-creator"],
        title="ประกาศรับสมัครผู้ประกอบการอาหารกลางวันโรงเรียนเทศบาล (ตัวอย่างที่ส่งกลับ)",
        kind=AnnouncementKind.RECRUITMENT,
        responsible_unit=unit("education"),
    )
    if created:
        state = page.get_workflow().start(page, users["education-creator"])
        state.current_task_state.specific.task.specific.on_action(
            state.current_task_state.specific, users["education-supervisor"], "approve"
        )
        state = WorkflowState.objects.get(pk=state.pk)
        state.current_task_state.task.specific.on_action(
            state.current_task_state,
            users["web-operator"],
            "reject",
            comment="กรุณาแนบประกาศฉบับลงนาม และระบุวันสุดท้ายของการรับสมัคร",
        )


def _approve(page, user):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    state.current_task_state.specific.task.specific.on_action(
        state.current_task_state.specific, user, "approve"
    )


def load_published_item(users):
    """A Finance notice that went the whole way (creator, supervisor, web operator), so that
    the admin has a publication request form to show."""
    index = AnnouncementIndexPage.objects.filter(locale__language_code="th").first()
    if index is None:
        return
    page, created = _draft(
        index,
        PUBLISHED_SLUG,
        users["finance-creator"],
        title="ประชาสัมพันธ์การยื่นแบบแสดงรายการภาษีป้าย ประจำปี 2569 (ตัวอย่างที่ผ่านการอนุมัติ)",
        kind=AnnouncementKind.OTHER,
        responsible_unit=unit("finance"),
        listing_summary="ผู้ประกอบการที่ติดตั้งป้ายโปรดยื่นแบบแสดงรายการภาษีป้ายภายในเดือนมีนาคม",
    )
    if created:
        page.get_workflow().start(page, users["finance-creator"])
        _approve(page, users["finance-supervisor"])
        _approve(page, users["web-operator"])


def load(home):
    users = load_accounts()  # already there (accounts.demo runs first): found again
    # The demo's own approvals and rejections send no e-mail (the console would print them all).
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_workflow_items(users)
        load_published_item(users)
