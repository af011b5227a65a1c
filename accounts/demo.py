"""Demo accounts for every role, for the Finance and Education offices, with their positions
and, for the roles that need it, an authenticator. Development only (the demo loader refuses to
run with DEBUG off, so production has none of these accounts)."""

from base64 import b32encode
from binascii import hexlify

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import StaffProfile
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


def load(home):
    load_accounts()


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
