"""Demo content: procurement and winning-bid notices of the municipality's units (H5).

The schools' notices (S1) are made by ``schools.demo`` with ``notice()`` below.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from core.demo import child_page, demo_document, unit
from news import demo_announcements
from news.models import AnnouncementKind
from procurement.models import (
    ProcurementBidder,
    ProcurementMethod,
    ProcurementNoticePage,
    ProcurementStage,
    ProcurementStatus,
)
from thai.dates import be_year, fiscal_year, thai_digits

PROCUREMENT, WINNER = AnnouncementKind.PROCUREMENT, AnnouncementKind.WINNER
E_BIDDING, SPECIFIC, SELECTION, E_MARKET = (
    ProcurementMethod.E_BIDDING,
    ProcurementMethod.SPECIFIC,
    ProcurementMethod.SELECTION,
    ProcurementMethod.E_MARKET,
)
METHOD_WORDS = {
    E_BIDDING: "ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
    SPECIFIC: "โดยวิธีเฉพาะเจาะจง",
    SELECTION: "โดยวิธีคัดเลือก",
    E_MARKET: "ด้วยวิธีตลาดอิเล็กทรอนิกส์ (e-market)",
}

# Each project: (slug, unit, method, subject, budget, reference price, e-GP serial,
# days before today of the invitation, and of the winner notice or None,
# winner, agreed price).
PROJECTS = [
    (
        "road-matuli-soi-12",
        "engineering",
        E_BIDDING,
        "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยมาตุลี ๑๒ ชุมชนวัดไทรเหนือ",
        "4850000",
        "4812300",
        "019012734",
        250,
        205,
        "ห้างหุ้นส่วนจำกัด ปากน้ำโพโยธาการ",
        "4590000",
    ),
    (
        "garbage-compactor-trucks",
        "health",
        E_BIDDING,
        "ซื้อรถบรรทุกขยะมูลฝอยแบบอัดท้าย ขนาด ๖ ตัน จำนวน ๒ คัน",
        "5400000",
        "5398000",
        "019045128",
        190,
        150,
        "บริษัท สี่แควยานยนต์ จำกัด",
        "5350000",
    ),
    (
        "hdpe-water-main-phahonyothin",
        "waterworks",
        E_BIDDING,
        "จ้างวางท่อเมนประปา HDPE ขนาด ๔๐๐ มิลลิเมตร ถนนพหลโยธิน",
        "12500000",
        "12460000",
        "019067301",
        120,
        70,
        "บริษัท เจ้าพระยาท่อและประปา จำกัด",
        "11980000",
    ),
    (
        "office-supplies",
        "clerk",
        SPECIFIC,
        "ซื้อวัสดุสำนักงาน สำนักปลัดเทศบาล",
        "85000",
        "85000",
        "019071842",
        95,
        88,
        "ร้านนครสวรรค์เครื่องเขียน",
        "84500",
    ),
    (
        "street-lighting-kosi-road",
        "engineering",
        E_BIDDING,
        "จ้างปรับปรุงระบบไฟฟ้าส่องสว่างสาธารณะ ถนนโกสีย์ พร้อมโคมไฟ LED",
        "3200000",
        "3185500",
        "019080215",
        60,
        None,
        "",
        None,
    ),
    (
        "computer-supplies",
        "planning",
        E_MARKET,
        "ซื้อวัสดุคอมพิวเตอร์ กองวิชาการและแผนงาน",
        "240000",
        "238600",
        "019083377",
        40,
        18,
        "บริษัท ดิจิทัลนครสวรรค์ จำกัด",
        "229900",
    ),
    (
        "satisfaction-survey-consultant",
        "planning",
        SELECTION,
        "จ้างที่ปรึกษาสำรวจความพึงพอใจของประชาชนต่อการให้บริการของเทศบาล",
        "450000",
        "450000",
        "019085510",
        26,
        None,
        "",
        None,
    ),
    (
        "elderly-day-event",
        "welfare",
        SPECIFIC,
        "จ้างเหมาจัดกิจกรรมส่งเสริมสุขภาพผู้สูงอายุ ศูนย์พัฒนาคุณภาพชีวิตผู้สูงอายุ",
        "150000",
        "150000",
        "019086120",
        16,
        None,
        "",
        None,
    ),
]


def egp_number(date, serial):
    """An e-GP project number: the last two digits of the fiscal year, then the serial."""
    return f"{fiscal_year(date) % 100}{serial}"


# Losing bidders' companies (names invented), and how much above the winner they offered.
OTHER_BIDDERS = [
    ("ห้างหุ้นส่วนจำกัด นครสวรรค์ก่อสร้าง", "1.021"),
    ("บริษัท ต้นน้ำเจ้าพระยา จำกัด", "1.034"),
]
REASONS = {
    E_BIDDING: "เป็นผู้เสนอราคาต่ำสุด มีคุณสมบัติและเอกสารครบถ้วนตามเงื่อนไขในเอกสารประกวดราคา",
    E_MARKET: "เป็นผู้เสนอราคาต่ำสุดในระบบตลาดอิเล็กทรอนิกส์ และเสนอราคาไม่เกินวงเงินงบประมาณ",
    SELECTION: "เป็นผู้ได้คะแนนรวมสูงสุดตามหลักเกณฑ์การคัดเลือก",
    SPECIFIC: "เป็นผู้มีอาชีพขายหรือรับจ้างโดยตรง และเสนอราคาไม่เกินวงเงินงบประมาณ",
}
CONTRACT_DAYS = 7  # from the winner notice to the contract


def bidders(method, winner, agreed_price):
    """The winner at its price and, except for a specific (single-source) purchase, two others
    who offered more."""
    price = Decimal(agreed_price)
    rows = [ProcurementBidder(name=winner, price=price)]
    if method != SPECIFIC:
        rows += [
            ProcurementBidder(name=name, price=(price * Decimal(factor)).quantize(Decimal("1")))
            for name, factor in OTHER_BIDDERS
        ]
    return rows


def documents(title, number, kind, method):
    """The signed notice and, for an invitation to bid, its terms of reference (TOR)."""
    blocks = [
        {
            "type": "document",
            "value": {
                "role": "announcement",
                "document": demo_document(title, f"e-GP {number} {kind}", pages=1).pk,
                "title": "",
            },
        }
    ]
    if kind == PROCUREMENT and method == E_BIDDING:
        tor = demo_document(f"ขอบเขตของงาน (TOR) {title}", f"TOR e-GP {number}", pages=2)
        blocks.append(
            {"type": "document", "value": {"role": "tor", "document": tor.pk, "title": ""}}
        )
    return blocks


def notice(
    parent,
    slug,
    kind,
    *,
    unit_slug,
    method,
    subject,
    budget,
    reference_price,
    egp_serial,
    invited,
    days_ago=None,
    winner="",
    agreed_price=None,
    issuer="เทศบาลนครนครสวรรค์",
):
    """A procurement or winning-bid notice under ``parent``, with its documents.

    ``invited`` is how many days before today the project was announced (it gives the fiscal
    year and the e-GP number of every notice of the project); ``days_ago`` dates this notice.
    A winning-bid notice names the bidders and carries the contract, signed a week later.
    """
    invited_on = demo_announcements.demo_date(invited)
    date = demo_announcements.demo_date(invited if days_ago is None else days_ago)
    number = egp_number(invited_on, egp_serial)
    result = {}
    if kind == WINNER:
        title = f"ประกาศ{issuer} เรื่อง ประกาศผู้ชนะการเสนอราคา {subject} {METHOD_WORDS[method]}"
        text = (
            f"ตามที่{issuer}ได้ดำเนินการ{subject} {METHOD_WORDS[method]} นั้น ผู้ที่ได้รับการคัดเลือก "
            f"ได้แก่ {winner} ในราคาทั้งสิ้น {thai_digits(f'{Decimal(agreed_price):,.2f}')} บาท "
            "ซึ่งรวมภาษีมูลค่าเพิ่มและภาษีอื่น ค่าขนส่ง ค่าจดทะเบียน และค่าใช้จ่ายอื่น ๆ ทั้งปวง"
        )
        signed = min(date + datetime.timedelta(days=CONTRACT_DAYS), timezone.localdate())
        result = {
            "stage": ProcurementStage.WINNER,
            "status": ProcurementStatus.UNDER_CONTRACT,
            "winner_name": winner,
            "agreed_price": Decimal(agreed_price),
            "bidders": bidders(method, winner, agreed_price),
            "reason": REASONS[method],
            "contract_number": f"{thai_digits(egp_serial[-3:])}/{thai_digits(be_year(signed))}",
            "contract_date": signed,
        }
    else:
        title = f"ประกาศ{issuer} เรื่อง {subject} {METHOD_WORDS[method]}"
        text = (
            f"{issuer}มีความประสงค์จะ{subject} {METHOD_WORDS[method]} ราคากลางของงานในการจัดซื้อ"
            f"จัดจ้างครั้งนี้เป็นเงินทั้งสิ้น {thai_digits(f'{Decimal(reference_price):,.2f}')} บาท "
            "ผู้สนใจติดต่อขอรับเอกสารหรือดาวน์โหลดเอกสารได้ทางเว็บไซต์ระบบการจัดซื้อจัดจ้างภาครัฐ"
        )
        result = {"stage": ProcurementStage.INVITATION}
    return child_page(
        parent,
        ProcurementNoticePage,
        slug,
        title=title,
        subject=subject,
        date=date,
        fiscal_year=fiscal_year(invited_on),
        responsible_unit=unit(unit_slug),
        method=method,
        budget=Decimal(budget),
        reference_price=Decimal(reference_price),
        egp_number=number,
        body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
        documents=documents(title, number, kind, method),
        **result,
    )


def load(home):
    parent = demo_announcements.index(home)
    for (
        slug,
        unit_slug,
        method,
        subject,
        budget,
        reference_price,
        serial,
        invited,
        awarded,
        winner,
        agreed_price,
    ) in PROJECTS:
        project = {
            "unit_slug": unit_slug,
            "method": method,
            "subject": subject,
            "budget": budget,
            "reference_price": reference_price,
            "egp_serial": serial,
            "invited": invited,
        }
        notice(parent, slug, PROCUREMENT, **project)
        if awarded is not None:
            notice(
                parent,
                f"{slug}-winner",
                WINNER,
                days_ago=awarded,
                winner=winner,
                agreed_price=agreed_price,
                **project,
            )
    return parent
