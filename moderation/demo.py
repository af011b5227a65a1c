"""Demo accounts for every role, for the Finance and Education offices, and two items in the
approval workflow so that the dashboards show something. Development only (the demo loader
refuses to run with DEBUG off, so production has none of these accounts)."""

from base64 import b32encode
from binascii import hexlify

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test.utils import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import WorkflowState

from core.demo import unit
from moderation.models import StaffProfile
from news.models import AnnouncementIndexPage, AnnouncementKind, AnnouncementPage
from ownership.models import Role

DEMO_PASSWORD = "nakhonsawan-demo-2569"
# The demo operator's and IT administrator's authenticator key (20 bytes), printed by
# `make run` in base32 for an authenticator app or `oathtool --totp -b KEY`.
DEMO_TOTP_KEY = hexlify(b"nakhonsawan-demo-otp").decode()
DEMO_TOTP_SECRET = b32encode(b"nakhonsawan-demo-otp").decode()

# username, role, unit slug, first name, last name, position (illustrative people)
ACCOUNTS = [
    ("finance-creator", Role.CREATOR, "finance", "สมใจ", "ตั้งใจงาน", "นักวิชาการเงินและบัญชีชำนาญการ"),
    ("finance-supervisor", Role.SUPERVISOR, "finance", "ประเสริฐ", "มั่นคงดี", "ผู้อำนวยการกองคลัง"),
    ("education-creator", Role.CREATOR, "education", "วิไลวรรณ", "ศรีสุข", "นักวิชาการศึกษาปฏิบัติการ"),
    (
        "education-supervisor",
        Role.SUPERVISOR,
        "education",
        "อนันต์",
        "พูลผล",
        "ผู้อำนวยการสำนักการศึกษา",
    ),
    ("web-operator", Role.OPERATOR, None, "กนกพร", "เผยแพร่ดี", "นักวิชาการคอมพิวเตอร์ปฏิบัติการ"),
    ("it-admin", Role.IT_ADMIN, None, "ธนพล", "ดูแลระบบ", "นักวิชาการคอมพิวเตอร์ชำนาญการ"),
]

PENDING_SLUG = "demo-pending-tax-reminder"
RETURNED_SLUG = "demo-returned-school-lunch"
PUBLISHED_SLUG = "demo-published-signboard-tax"


def load_accounts():
    User = get_user_model()
    users = {}
    for username, role, unit_slug, first_name, last_name, position in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first_name, last_name=last_name)
            user.email = f"{username}@example.org"
            user.set_password(DEMO_PASSWORD)
            user.save()
        lookup = {"role__role": role}
        if unit_slug:
            lookup["role__unit__slug"] = unit_slug
        user.groups.add(Group.objects.get(**lookup))
        StaffProfile.objects.get_or_create(user=user, defaults={"position": position})
        if role in (Role.OPERATOR, Role.IT_ADMIN):
            demo_device(user)
        users[username] = user
    return users


def demo_device(user):
    """An authenticator for ``user`` with the demo key that `make run` prints."""
    TOTPDevice.objects.get_or_create(
        user=user,
        confirmed=True,
        defaults={"name": "แอปยืนยันตัวตน (Authenticator app)", "key": DEMO_TOTP_KEY},
    )


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
    users = load_accounts()
    # The demo's own approvals and rejections send no e-mail (the console would print them all).
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_workflow_items(users)
        load_published_item(users)


def logins():
    """Lines for `make run`: every demo account and the shared demo password."""
    lines = [
        f"    {username:<22} {role.label}{f' – {unit_slug}' if unit_slug else ''}"
        for username, role, unit_slug, *_ in ACCOUNTS
    ]
    return [
        f"  demo accounts (password for all: {DEMO_PASSWORD}):",
        *lines,
        f"  two-factor key of admin, web-operator and it-admin (TOTP, base32): {DEMO_TOTP_SECRET}",
    ]
