"""Demo content of the home page, the H1 menu's information pages and the complaint channels
(H6)."""

from wagtail.models import Page

from core.demo import child_page, demo_document, demo_image, translate_page, unit
from home.models import ChannelsPage, HomePage, InformationPage

HOME_EN = {
    "เทศบาลนครนครสวรรค์": "Nakhon Sawan City Municipality",
}
HOME_INTRO = "เว็บไซต์เผยแพร่ข้อมูลข่าวสารของเทศบาลนครนครสวรรค์ เพื่อความโปร่งใสและการมีส่วนร่วมของประชาชน"
HOME_INTRO_EN = (
    "The public-information website of Nakhon Sawan City Municipality, "
    "for transparency and citizens' participation."
)

# (slug, Thai title, English title, owning unit, paragraphs, documents by fiscal year)
INFORMATION_PAGES = [
    (
        "policy",
        "นโยบาย",
        "Policy",
        "clerk",
        [
            "นายกเทศมนตรีนครนครสวรรค์ได้แถลงนโยบายต่อสภาเทศบาลนครนครสวรรค์ "
            "เพื่อพัฒนาเมืองให้เป็นเมืองน่าอยู่ ประชาชนมีคุณภาพชีวิตที่ดี",
            "นโยบายประกอบด้วย ด้านสาธารณสุขและสิ่งแวดล้อม ด้านการศึกษา ศาสนาและวัฒนธรรม "
            "ด้านสวัสดิการสังคมและชุมชน ด้านการพัฒนากายภาพของเมือง ด้านความสงบเรียบร้อย "
            "และด้านการบริหารจัดการที่ดี",
        ],
        [(2567, ["คำแถลงนโยบายของนายกเทศมนตรีนครนครสวรรค์"])],
    ),
    (
        "development-plan",
        "แผนพัฒนา",
        "Development plan",
        "planning",
        [
            "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570) เป็นแผนที่กำหนดยุทธศาสตร์ "
            "และแนวทางการพัฒนาของเทศบาลนครนครสวรรค์ ซึ่งสอดคล้องกับแผนพัฒนาจังหวัดนครสวรรค์",
        ],
        [
            (2569, ["แผนพัฒนาท้องถิ่น เพิ่มเติม ครั้งที่ 1/2569"]),
            (2566, ["แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)"]),
        ],
    ),
    (
        "budget",
        "งบประมาณ",
        "Budget",
        "planning",
        [
            "เทศบัญญัติงบประมาณรายจ่ายประจำปีของเทศบาลนครนครสวรรค์ "
            "ซึ่งผ่านความเห็นชอบของสภาเทศบาลและผู้ว่าราชการจังหวัดนครสวรรค์",
        ],
        [
            (2569, ["เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569"]),
            (2568, ["เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568"]),
        ],
    ),
    (
        "fiscal-reports",
        "รายงานสถิติการคลัง",
        "Fiscal statistics reports",
        "finance",
        [
            "รายงานแสดงผลการดำเนินงาน งบแสดงฐานะการเงิน "
            "และรายงานรายรับ–รายจ่ายของเทศบาลนครนครสวรรค์ จัดทำโดยสำนักงานคลัง",
        ],
        [
            (
                2569,
                [
                    "รายงานรายรับ–รายจ่าย ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2569",
                ],
            ),
            (2568, ["งบแสดงฐานะการเงิน ปีงบประมาณ พ.ศ. 2568"]),
        ],
    ),
    (
        "structure",
        "โครงสร้างการบริหารงาน",
        "Administrative structure",
        "clerk",
        [
            "เทศบาลนครนครสวรรค์ประกอบด้วยสภาเทศบาล (ฝ่ายนิติบัญญัติ) และนายกเทศมนตรี "
            "(ฝ่ายบริหาร) โดยมีปลัดเทศบาลเป็นผู้บังคับบัญชาพนักงานเทศบาล "
            "และหน่วยงานในสังกัด 9 หน่วยงาน",
        ],
        [(2569, ["แผนภูมิโครงสร้างการบริหารงานเทศบาลนครนครสวรรค์"])],
    ),
    (
        "powers-and-duties",
        "อำนาจหน้าที่",
        "Powers and duties",
        "clerk",
        [
            "เทศบาลนครมีอำนาจหน้าที่ตามพระราชบัญญัติเทศบาล พ.ศ. 2496 มาตรา 50 มาตรา 53 "
            "และมาตรา 56 และตามพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจ "
            "ให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542 มาตรา 16",
            "เช่น รักษาความสงบเรียบร้อยของประชาชน ให้มีและบำรุงทางบกและทางน้ำ "
            "รักษาความสะอาดของถนน ทางเดิน และที่สาธารณะ ป้องกันและระงับโรคติดต่อ "
            "ให้มีน้ำสะอาดหรือการประปา และบำรุงการศึกษา",
        ],
        [],
    ),
    (
        "operating-standards",
        "มาตรฐานการปฏิบัติงาน",
        "Operating standards",
        "clerk",
        [
            "คู่มือและมาตรฐานการปฏิบัติงานของหน่วยงานในสังกัดเทศบาลนครนครสวรรค์ "
            "เพื่อให้การให้บริการประชาชนเป็นไปอย่างถูกต้อง รวดเร็ว และเป็นมาตรฐานเดียวกัน",
        ],
        [
            (
                2569,
                [
                    "คู่มือการปฏิบัติงานการรับเรื่องร้องเรียน",
                    "คู่มือการปฏิบัติงานการขออนุญาตก่อสร้างอาคาร",
                ],
            )
        ],
    ),
]

# The H1 main menu, in the notice's order: these slugs are the home page's first children.
H1_MENU = [
    "policy",
    "development-plan",
    "budget",
    "fiscal-reports",
    "structure",
    "executives",
    "council",
    "past-mayors",
    "past-clerks",
    "powers-and-duties",
    "phone-directory",
    "operating-standards",
]


def _paragraphs(texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def _documents(groups):
    return [
        (
            "fiscal_year",
            {
                "fiscal_year": year,
                "documents": [
                    {"document": demo_document(title, f"Nakhon Sawan FY {year}"), "title": ""}
                    for title in titles
                ],
            },
        )
        for year, titles in groups
    ]


def load_home():
    """The Thai home page (made by a migration) with its introduction, and its translation."""
    home = HomePage.objects.get(locale__language_code="th")
    if home.intro != HOME_INTRO:
        home.intro = HOME_INTRO
        home.save_revision().publish()
    translate_page(home, "en", {**HOME_EN, HOME_INTRO: HOME_INTRO_EN})
    return home


def load_information_pages(home):
    for slug, title, title_en, owner, paragraphs, documents in INFORMATION_PAGES:
        page = child_page(
            home,
            InformationPage,
            slug,
            title=title,
            show_in_menus=True,
            responsible_unit=unit(owner),
            body=_paragraphs(paragraphs),
            documents=_documents(documents),
        )
        translate_page(page, "en", {title: title_en})
    structure = home.get_children().get(slug="structure").specific
    if not any(block.block_type == "figure" for block in structure.body):
        chart = demo_image("แผนภูมิโครงสร้างเทศบาลนครนครสวรรค์", "Organisation chart")
        structure.body.append(
            ("figure", {"image": {"image": chart, "decorative": False, "alt_text": chart.title}})
        )
        structure.save_revision().publish()


def load_channels(home):
    page = child_page(
        home,
        ChannelsPage,
        "complaint-channels",
        title="ช่องทางร้องเรียน",
        responsible_unit=unit("clerk"),
        intro="ประชาชนสามารถแจ้งเรื่องร้องเรียน ร้องทุกข์ หรือสอบถามข้อมูล ได้ตลอด 24 ชั่วโมงผ่านช่องทางต่อไปนี้",
    )
    translate_page(
        page,
        "en",
        {
            "ช่องทางร้องเรียน": "Complaint channels",
            page.intro: "Citizens can make a complaint or ask a question, "
            "day and night, through these channels.",
        },
    )


def order_main_menu(home):
    """Put the H1 menu pages first, in the notice's order, in every language's tree."""
    for root in HomePage.objects.filter(translation_key=home.translation_key):
        slugs = list(root.get_children().values_list("slug", flat=True))
        wanted = [slug for slug in H1_MENU if slug in slugs]
        if slugs[: len(wanted)] == wanted:
            continue
        previous = None
        for slug in wanted:
            page = root.get_children().get(slug=slug)
            if previous is None:
                page.move(root, pos="first-child")
            else:
                page.move(Page.objects.get(pk=previous), pos="right")
            previous = page.pk


def load(home):
    load_information_pages(home)
    load_channels(home)
    order_main_menu(home)
