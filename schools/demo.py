"""Demo content for S1: the eight municipal schools and their procurement notices."""

from core.demo import child_page, translate_page, unit
from news.demo_announcements import demo_date
from news.models import AnnouncementKind
from procurement.demo import notice
from procurement.models import ProcurementMethod
from schools.models import SchoolIndexPage, SchoolPage
from thai.dates import be_year, thai_digits

INDEX_SLUG = "schools"
INDEX_TITLE = "จัดซื้อจัดจ้างโรงเรียนเทศบาล"
INDEX_INTRO = (
    "ประกาศจัดซื้อจัดจ้างและประกาศผู้ชนะการเสนอราคาของโรงเรียนสังกัดเทศบาลนครนครสวรรค์ทั้ง ๘ โรง "
    "เรียงตามปีงบประมาณ"
)
INDEX_EN = {
    INDEX_TITLE: "Municipal school procurement",
    INDEX_INTRO: (
        "Procurement and winning-bid notices of the eight schools of Nakhon Sawan City "
        "Municipality, by fiscal year."
    ),
}
ADDRESS = "อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์ 60000"
ADDRESS_EN = "Mueang Nakhon Sawan, Nakhon Sawan 60000"

# Each school's director and telephone extension (fictional), by school number.
DIRECTORS = {
    1: "นางสาวพรทิพย์ ศรีสวัสดิ์",
    2: "นายสมบัติ แก้วมณี",
    3: "นางวิไลวรรณ ทองดี",
    4: "นายประเสริฐ บุญมา",
    5: "นางสุภาพร จันทร์เพ็ญ",
    6: "นายวีระพงษ์ ใจดี",
    7: "นางสาวอรุณี พึ่งบุญ",
    8: "นายชัยวัฒน์ มีสุข",
}

# (number, code, name, name in English)
SCHOOLS = [
    (1, "ท.๑", "โรงเรียนเทศบาลวัดไทรใต้", "Thesaban 1 School (Wat Sai Tai)"),
    (2, "ท.๒", "โรงเรียนเทศบาลวัดปากน้ำโพใต้", "Thesaban 2 School (Wat Pak Nam Pho Tai)"),
    (3, "ท.๓", "โรงเรียนเทศบาลวัดพรหมจริยาวาส", "Thesaban 3 School (Wat Phrom Chariyawat)"),
    (4, "ท.๔", "โรงเรียนเทศบาลวัดวรนาถบรรพต", "Thesaban 4 School (Wat Woranat Banphot)"),
    (5, "ท.๕", "โรงเรียนเทศบาลวัดช่องคีรี", "Thesaban 5 School (Wat Chong Khiri)"),
    (6, "ท.๖", "โรงเรียนเทศบาลวัดจอมคีรี", "Thesaban 6 School (Wat Chom Khiri)"),
    (7, "ท.๗", "โรงเรียนเทศบาลวัดสุคตวราราม", "Thesaban 7 School (Wat Sukhot Wararam)"),
    (8, "ท.๘", "โรงเรียนเทศบาลวัดไทรเหนือ", "Thesaban 8 School (Wat Sai Nuea)"),
]

PROCUREMENT, WINNER = AnnouncementKind.PROCUREMENT, AnnouncementKind.WINNER

# The notices of each school, over two fiscal years: (project, notices published).
ODD_SCHOOL_NOTICES = [(0, (PROCUREMENT, WINNER)), (1, (PROCUREMENT,))]
EVEN_SCHOOL_NOTICES = [(0, (PROCUREMENT,)), (2, (WINNER,))]

# The schools' projects: (slug, method, subject, budget, reference price, days before today
# of the invitation, of the winner notice or None, winner, agreed price). ``{school}`` is the
# school's name, so that the education office's สขร.๑ tells the schools' rows apart, and
# ``{academic_year}`` the school year (B.E.) at the invitation.
PROJECTS = [
    (
        "milk-semester-2",
        ProcurementMethod.SPECIFIC,
        "ซื้ออาหารเสริม (นม) {school} ภาคเรียนที่ ๒ ปีการศึกษา {academic_year}",
        "412000",
        "411840",
        24,
        9,
        "บริษัท นมสดนครสวรรค์ จำกัด",
        "411840",
    ),
    (
        "computers",
        ProcurementMethod.E_MARKET,
        "ซื้อครุภัณฑ์คอมพิวเตอร์สำหรับห้องเรียน {school} จำนวน ๒๐ ชุด",
        "480000",
        "476000",
        75,
        None,
        "",
        None,
    ),
    (
        "restroom-renovation",
        ProcurementMethod.SPECIFIC,
        "จ้างปรับปรุงห้องน้ำนักเรียน อาคารเรียน ๑ {school}",
        "298000",
        "297500",
        230,
        212,
        "ห้างหุ้นส่วนจำกัด สวรรค์การช่าง",
        "289000",
    ),
]


def academic_year(date):
    """The Thai school year (B.E.), which starts in May."""
    return be_year(date) if date.month >= 5 else be_year(date) - 1


def index(home):
    page = child_page(
        home,
        SchoolIndexPage,
        INDEX_SLUG,
        title=INDEX_TITLE,
        intro=INDEX_INTRO,
        responsible_unit=unit("education"),
    )
    translate_page(page, "en", INDEX_EN)
    return page


def school(parent, number, code, name, name_en):
    full_name = f"{name} ({code}) สังกัดเทศบาลนครนครสวรรค์"
    page = child_page(
        parent,
        SchoolPage,
        f"school-{number}",
        title=name,
        code=code,
        full_name=full_name,
        address=ADDRESS,
        director=DIRECTORS[number],
        phone=f"0 5622 {number:04d}",
        email=f"school{number}@example.org",
        responsible_unit=unit("education"),
    )
    translate_page(
        page,
        "en",
        {
            name: name_en,
            full_name: f"{name_en}, Nakhon Sawan City Municipality",
            ADDRESS: ADDRESS_EN,
        },
    )
    return page


def load(home):
    parent = index(home)
    for number, code, name, name_en in SCHOOLS:
        page = school(parent, number, code, name, name_en)
        notices = ODD_SCHOOL_NOTICES if number % 2 else EVEN_SCHOOL_NOTICES
        for offset, (project, kinds) in enumerate(notices):
            slug, method, subject, budget, reference_price, invited, awarded, winner, price = (
                PROJECTS[project]
            )
            # Stagger the schools' dates a little so that the listings do not all tie.
            invited += number + offset
            subject = subject.format(
                school=name, academic_year=thai_digits(academic_year(demo_date(invited)))
            )
            details = {
                "unit_slug": "education",
                "method": method,
                "subject": subject,
                "budget": budget,
                "reference_price": reference_price,
                "egp_serial": f"019{number}{offset}{invited:04d}",
                "invited": invited,
                "issuer": name,
            }
            if PROCUREMENT in kinds:
                notice(page, slug, PROCUREMENT, **details)
            if WINNER in kinds:
                notice(
                    page,
                    f"{slug}-winner",
                    WINNER,
                    days_ago=awarded + number,
                    winner=winner,
                    agreed_price=price,
                    **details,
                )
    return parent
