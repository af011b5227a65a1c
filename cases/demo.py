"""Demo content of the citizen channels: the Q&A page with answered questions, the complaint
form, the statistics page, a few cases over recent months (one past its time limit), and demo
accounts for the complaints centre, the corruption group and the Engineering Office's handler.
Development only; run twice, it creates nothing new."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test.utils import override_settings
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from cases import handling
from cases.models import (
    CaseStatisticsPage,
    Complaint,
    ComplaintCategory,
    ComplaintPage,
    QuestionIndexPage,
    QuestionPage,
)
from cases.setup import CENTRE_GROUP, CORRUPTION_GROUP, UNIT_HANDLERS_GROUP
from core.demo import child_page, translate_page, unit
from ownership.models import Role

PAGES = [
    (
        ComplaintPage,
        "complaints",
        "ร้องเรียน/ร้องทุกข์",
        "Complaints",
        "แจ้งเรื่องเดือดร้อน เช่น ถนนชำรุด ขยะ น้ำประปา หรือแจ้งเบาะแสการทุจริตของเจ้าหน้าที่ "
        "ได้ตลอด 24 ชั่วโมง ท่านจะได้รับเลขที่เรื่องและลิงก์ติดตามความคืบหน้า",
        "Report a problem such as damaged roads, rubbish or tap water, or corruption by "
        "officials, day and night; you get a tracking number and a link to follow it.",
    ),
    (
        QuestionIndexPage,
        "questions",
        "ถาม-ตอบ",
        "Questions and answers",
        "คำถามจากประชาชนและคำตอบของเทศบาล ส่งคำถามใหม่ได้ที่ท้ายหน้า",
        "Citizens' questions and the municipality's answers; ask a new one at the end of the page.",
    ),
    (
        CaseStatisticsPage,
        "complaint-statistics",
        "สถิติเรื่องร้องเรียน",
        "Complaint statistics",
        "จำนวนเรื่องร้องเรียนที่ได้รับ ดำเนินการแล้วเสร็จ และอยู่ระหว่างดำเนินการ รายเดือน "
        "ตามปีงบประมาณ ปรับปรุงอัตโนมัติ",
        "Complaints received, completed and in progress per month of each fiscal year, "
        "updated automatically.",
    ),
]

FAQ = [
    (
        "ชำระภาษีที่ดินและสิ่งปลูกสร้างได้ที่ไหนและเมื่อใด",
        "Where and when can I pay land and building tax?",
        "finance",
        "ชำระได้ที่งานจัดเก็บรายได้ สำนักงานคลัง ชั้น 1 อาคารสำนักงานเทศบาล "
        "ภายในเดือนเมษายนของทุกปี ในวันและเวลาราชการ",
        "At the revenue desk of the Finance Office, ground floor of the municipal office, "
        "by the end of April each year, on working days.",
    ),
    (
        "ขอถังขยะเพิ่มสำหรับชุมชนได้อย่างไร",
        "How does a community ask for more rubbish bins?",
        "health",
        "ประธานชุมชนยื่นคำขอที่สำนักงานการสาธารณสุขและสิ่งแวดล้อม "
        "หรือแจ้งผ่านแบบฟอร์มร้องเรียนออนไลน์ ประเภทขยะและความสะอาด",
        "The community chair applies at the Public Health and Environment Office, or through "
        "the online complaint form under rubbish and cleanliness.",
    ),
]

# category, days ago, status to reach, unit, outcome
CASES = [
    ("roads", 80, "resolved", "engineering", "ซ่อมผิวถนนและตีเส้นจราจรใหม่แล้ว"),
    ("lights", 60, "resolved", "engineering", "เปลี่ยนหลอดไฟถนน 4 จุดแล้ว"),
    ("rubbish", 45, "rejected", None, "อยู่นอกเขตเทศบาล ได้ส่งต่อองค์การบริหารส่วนตำบลแล้ว"),
    ("water", 30, "in_progress", "waterworks", ""),
    ("drains", 25, "assigned", "engineering", ""),
    ("nuisance", 5, "received", None, ""),
]

# username, first name, last name, groups (name or (role, unit slug))
ACCOUNTS = [
    ("complaints-officer", "สุนีย์", "รับเรื่องดี", [CENTRE_GROUP]),
    ("integrity-officer", "วิชัย", "ซื่อตรง", [CORRUPTION_GROUP]),
    (
        "engineering-staff",
        "ชาญชัย",
        "ช่างซ่อม",
        [UNIT_HANDLERS_GROUP, (Role.CREATOR, "engineering")],
    ),
]
UNIT_HANDLERS = ["finance-supervisor", "education-supervisor"]
# Every demo case was filed with this phone number: with a case's number it finds the case at
# /complaints/track/. The first resolved case is rated.
DEMO_PHONE = "081 234 5678"
DEMO_RATING = (4, "ซ่อมเร็ว แต่ควรแจ้งล่วงหน้าก่อนปิดถนน")


def load_pages(home):
    pages = {}
    for model, slug, title, title_en, intro, intro_en in PAGES:
        page = child_page(
            home, model, slug, title=title, intro=intro, responsible_unit=unit("clerk")
        )
        translate_page(page, "en", {title: title_en, intro: intro_en})
        pages[model] = page
    return pages


def load_faq(index):
    for number, (question, question_en, owner, answer, answer_en) in enumerate(FAQ, start=1):
        entry = child_page(
            index,
            QuestionPage,
            f"faq-{number}",
            title=question,
            question=question,
            answer=f"<p>{answer}</p>",
            responsible_unit=unit(owner),
        )
        translate_page(entry, "en", {question: question_en, answer: answer_en})


def load_accounts():
    User = get_user_model()
    for username, first_name, last_name, groups in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first_name, last_name=last_name)
            user.email = f"{username}@example.org"
            user.set_password(DEMO_PASSWORD)
            user.save()
        for group in groups:
            if isinstance(group, tuple):
                role, unit_slug = group
                lookup = {"role__role": role, "role__unit__slug": unit_slug}
                user.groups.add(Group.objects.get(**lookup))
            else:
                user.groups.add(Group.objects.get(name=group))
    handlers = Group.objects.get(name=UNIT_HANDLERS_GROUP)
    for user in User.objects.filter(username__in=UNIT_HANDLERS):
        user.groups.add(handlers)


def load_cases(page):
    if Complaint.objects.exists():
        return
    officer = get_user_model().objects.get(username="complaints-officer")
    now = timezone.now()
    for slug, days_ago, status, unit_slug, outcome in CASES:
        category = ComplaintCategory.objects.get(slug=slug)
        case, _secret = Complaint.file(
            category,
            received_at=now - datetime.timedelta(days=days_ago),
            description=f"ตัวอย่างเรื่อง{category.name}ในชุมชน",
            place="ชุมชนตัวอย่าง ถนนสวรรค์วิถี",
            contact_phone=DEMO_PHONE,
            source_page=page,
        )
        if unit_slug:
            handling.assign(case, officer, unit(unit_slug))
        if status == "in_progress":
            handling.start(case, officer)
        elif status == "resolved":
            handling.resolve(case, officer, outcome)
            if not Complaint.objects.filter(rating__isnull=False).exists():
                case.rate(*DEMO_RATING)
        elif status == "rejected":
            handling.reject(case, officer, outcome)


def load(home):
    pages = load_pages(home)
    load_faq(pages[QuestionIndexPage])
    load_accounts()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        load_cases(pages[ComplaintPage])
