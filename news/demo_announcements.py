"""Demo content for H5: the announcements index and council, recruitment and other notices.

Procurement and winning-bid notices come from ``procurement.demo``. Dates are spread over the
ten months before the day the demo is loaded; pages are found again by slug on a second run.
"""

import datetime

from django.utils import timezone

from core.demo import child_page, demo_document, translate_page, unit
from news.models import AnnouncementIndexPage, AnnouncementKind, AnnouncementPage
from thai.dates import be_year, fiscal_year, thai_digits

INDEX_SLUG = "announcements"
INDEX_TITLE = "ประกาศ / ข่าวประชาสัมพันธ์"
INDEX_INTRO = (
    "ประกาศจัดซื้อจัดจ้าง ประกาศผู้ชนะการเสนอราคา ประกาศการประชุมสภาเทศบาล ประกาศรับสมัคร "
    "และข่าวประชาสัมพันธ์ของเทศบาลนครนครสวรรค์"
)
INDEX_EN = {
    INDEX_TITLE: "Announcements and public relations",
    INDEX_INTRO: (
        "Procurement notices, winning bids, council meetings, recruitment and other "
        "announcements of Nakhon Sawan City Municipality."
    ),
}

COUNCIL, RECRUITMENT, OTHER = (
    AnnouncementKind.COUNCIL,
    AnnouncementKind.RECRUITMENT,
    AnnouncementKind.OTHER,
)

# (slug, kind, unit, days before today, title, first paragraph, with a PDF)
# In titles and text: {year} = B.E. year of the date, {fy} = its fiscal year, {next_year} = year + 1
# (all in Thai digits).
ANNOUNCEMENTS = [
    (
        "traffic-chinese-new-year-festival",
        OTHER,
        "clerk",
        295,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง ปิดการจราจรชั่วคราว ในงานประเพณีแห่เจ้าพ่อเจ้าแม่ปากน้ำโพ ประจำปี {year}",
        "เพื่อความปลอดภัยของประชาชนที่มาร่วมงานประเพณีแห่เจ้าพ่อเจ้าแม่ปากน้ำโพ เทศบาลจะปิดการจราจร"
        "ถนนโกสีย์ ถนนมาตุลี และถนนสวรรค์วิถี เป็นการชั่วคราวตามวันและเวลาที่กำหนดในประกาศ",
        True,
    ),
    (
        "council-ordinary-session-1",
        COUNCIL,
        "clerk",
        288,
        "ประกาศเรียกประชุมสภาเทศบาลนครนครสวรรค์ สมัยสามัญ สมัยที่ ๑ ประจำปี {year}",
        "อาศัยอำนาจตามพระราชบัญญัติเทศบาล พ.ศ. ๒๔๙๖ ประธานสภาเทศบาลนครนครสวรรค์ จึงเรียกประชุม"
        "สภาเทศบาลนครนครสวรรค์ สมัยสามัญ สมัยที่ ๑ ประจำปี {year} ณ ห้องประชุมสภาเทศบาล ชั้น ๓",
        True,
    ),
    (
        "land-and-building-tax",
        OTHER,
        "finance",
        280,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี {year}",
        "ขอให้เจ้าของที่ดินและสิ่งปลูกสร้างในเขตเทศบาลชำระภาษีภายในเดือนเมษายน ได้ที่สำนักงานคลัง "
        "ชั้น ๑ อาคารสำนักงานเทศบาล หรือชำระผ่านแอปพลิเคชันของธนาคาร",
        True,
    ),
    (
        "signboard-tax",
        OTHER,
        "finance",
        276,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง การยื่นแบบและชำระภาษีป้าย ประจำปี {year}",
        "ผู้มีป้ายแสดงชื่อ ยี่ห้อ หรือเครื่องหมายเพื่อการประกอบการค้าในเขตเทศบาล ต้องยื่นแบบแสดง"
        "รายการภาษีป้าย (ภ.ป.๑) ภายในวันที่ ๓๑ มีนาคม",
        False,
    ),
    (
        "recruit-public-health-assistant",
        RECRUITMENT,
        "health",
        265,
        "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยนักวิชาการสาธารณสุข",
        "สำนักงานการสาธารณสุขและสิ่งแวดล้อม รับสมัครพนักงานจ้างตามภารกิจ จำนวน ๒ อัตรา "
        "ผู้สมัครต้องมีวุฒิปริญญาตรีทางสาธารณสุขศาสตร์ ยื่นใบสมัครด้วยตนเองในวันและเวลาราชการ",
        True,
    ),
    (
        "recruit-waste-collection-workers",
        RECRUITMENT,
        "health",
        258,
        "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างทั่วไป ตำแหน่งคนงานประจำรถขยะ",
        "รับสมัครพนักงานจ้างทั่วไป จำนวน ๑๐ อัตรา ไม่จำกัดวุฒิการศึกษา มีสุขภาพแข็งแรง "
        "สามารถปฏิบัติงานนอกเวลาราชการได้",
        False,
    ),
    (
        "council-session-1-minutes",
        COUNCIL,
        "clerk",
        245,
        "ประกาศรายงานการประชุมสภาเทศบาลนครนครสวรรค์ สมัยสามัญ สมัยที่ ๑ ประจำปี {year}",
        "สภาเทศบาลนครนครสวรรค์ได้รับรองรายงานการประชุมแล้ว จึงประกาศให้ประชาชนทราบโดยทั่วกัน",
        True,
    ),
    (
        "kindergarten-admission",
        RECRUITMENT,
        "education",
        232,
        "ประกาศรับสมัครนักเรียนชั้นอนุบาลปีที่ ๑ ปีการศึกษา {year} โรงเรียนสังกัดเทศบาลนครนครสวรรค์",
        "โรงเรียนสังกัดเทศบาลนครนครสวรรค์ทั้ง ๘ โรง รับสมัครเด็กที่เกิดในปี พ.ศ. ๒๕๖๖ "
        "เข้าเรียนชั้นอนุบาลปีที่ ๑ โดยไม่เสียค่าใช้จ่าย",
        True,
    ),
    (
        "recruit-public-health-assistant-results",
        RECRUITMENT,
        "health",
        220,
        "ประกาศผลการเลือกสรรพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยนักวิชาการสาธารณสุข",
        "ประกาศรายชื่อผู้ผ่านการเลือกสรร เรียงตามลำดับคะแนน ผู้ผ่านการเลือกสรรให้มารายงานตัว"
        "ที่สำนักปลัดเทศบาล ภายในวันที่กำหนด",
        False,
    ),
    (
        "council-ordinary-session-2",
        COUNCIL,
        "clerk",
        205,
        "ประกาศเรียกประชุมสภาเทศบาลนครนครสวรรค์ สมัยสามัญ สมัยที่ ๒ ประจำปี {year}",
        "ประธานสภาเทศบาลนครนครสวรรค์ เรียกประชุมสภาเทศบาล สมัยสามัญ สมัยที่ ๒ ประจำปี {year} "
        "มีกำหนด ๓๐ วัน นับแต่วันเปิดสมัยประชุม",
        True,
    ),
    (
        "dry-season-water-pressure",
        OTHER,
        "waterworks",
        198,
        "ประกาศสำนักงานการประปา เรื่อง แรงดันน้ำประปาต่ำในช่วงฤดูแล้ง",
        "เนื่องจากระดับน้ำในแม่น้ำเจ้าพระยาลดลง อาจทำให้แรงดันน้ำประปาต่ำในบางพื้นที่ "
        "ขอให้ประชาชนสำรองน้ำไว้ใช้และใช้น้ำอย่างประหยัด",
        False,
    ),
    (
        "recruit-driver",
        RECRUITMENT,
        "clerk",
        186,
        "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างทั่วไป ตำแหน่งพนักงานขับรถยนต์",
        "รับสมัครพนักงานขับรถยนต์ จำนวน ๑ อัตรา ผู้สมัครต้องมีใบอนุญาตขับรถยนต์ส่วนบุคคล"
        "และมีประสบการณ์ขับรถไม่น้อยกว่า ๒ ปี",
        False,
    ),
    (
        "rabies-vaccination",
        OTHER,
        "health",
        175,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง ประชาสัมพันธ์การฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า ประจำปี {year}",
        "ขอเชิญเจ้าของสุนัขและแมวนำสัตว์เลี้ยงมารับวัคซีนป้องกันโรคพิษสุนัขบ้าโดยไม่เสียค่าใช้จ่าย "
        "ตามจุดบริการในชุมชนทั้ง ๖๖ ชุมชน",
        False,
    ),
    (
        "council-extraordinary-session-1",
        COUNCIL,
        "clerk",
        160,
        "ประกาศเรียกประชุมสภาเทศบาลนครนครสวรรค์ สมัยวิสามัญ สมัยที่ ๑ ประจำปี {year}",
        "เพื่อพิจารณาร่างเทศบัญญัติงบประมาณรายจ่ายเพิ่มเติม ฉบับที่ ๑ ประจำปีงบประมาณ พ.ศ. {fy}",
        True,
    ),
    (
        "dengue-prevention",
        OTHER,
        "health",
        150,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง มาตรการป้องกันและควบคุมโรคไข้เลือดออก",
        "ขอความร่วมมือประชาชนกำจัดแหล่งเพาะพันธุ์ยุงลายตามหลัก ๓ เก็บ ได้แก่ เก็บบ้าน เก็บขยะ เก็บน้ำ ทุกสัปดาห์",
        False,
    ),
    (
        "recruit-teacher-assistant",
        RECRUITMENT,
        "education",
        140,
        "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยครู",
        "สำนักงานการศึกษา รับสมัครผู้ช่วยครู จำนวน ๔ อัตรา เพื่อปฏิบัติงานในโรงเรียนสังกัดเทศบาลนครนครสวรรค์",
        True,
    ),
    (
        "local-development-plan-hearing",
        OTHER,
        "planning",
        128,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง การรับฟังความคิดเห็นต่อร่างแผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐) เพิ่มเติม",
        "ขอเชิญประชาชนร่วมแสดงความคิดเห็นต่อร่างแผนพัฒนาท้องถิ่น ณ ห้องประชุมเทศบาล "
        "หรือส่งความคิดเห็นทางไปรษณีย์อิเล็กทรอนิกส์ของกองวิชาการและแผนงาน",
        True,
    ),
    (
        "recruit-civil-defence-volunteers",
        RECRUITMENT,
        "clerk",
        118,
        "ประกาศรับสมัครอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.) เทศบาลนครนครสวรรค์",
        "รับสมัครประชาชนที่มีอายุ ๑๘ ปีขึ้นไป และมีภูมิลำเนาในเขตเทศบาล เข้ารับการฝึกอบรม"
        "หลักสูตรอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
        False,
    ),
    (
        "water-outage-sawanwithi",
        OTHER,
        "waterworks",
        104,
        "ประกาศงดจ่ายน้ำประปาชั่วคราว เพื่อซ่อมท่อเมนประปา ถนนสวรรค์วิถี",
        "สำนักงานการประปาจะงดจ่ายน้ำประปาตั้งแต่เวลา ๒๒.๐๐ น. ถึง ๐๔.๐๐ น. เพื่อซ่อมท่อเมน"
        "ขนาด ๔๐๐ มิลลิเมตร ขออภัยในความไม่สะดวก",
        False,
    ),
    (
        "recruit-electrician-assistant",
        RECRUITMENT,
        "engineering",
        92,
        "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยช่างไฟฟ้า",
        "สำนักงานช่าง รับสมัครผู้ช่วยช่างไฟฟ้า จำนวน ๒ อัตรา ผู้สมัครต้องมีวุฒิ ปวช. หรือ ปวส. สาขาช่างไฟฟ้า",
        False,
    ),
    (
        "council-ordinary-session-3",
        COUNCIL,
        "clerk",
        78,
        "ประกาศเรียกประชุมสภาเทศบาลนครนครสวรรค์ สมัยสามัญ สมัยที่ ๓ ประจำปี {year}",
        "เพื่อพิจารณาร่างเทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {next_fy} "
        "ณ ห้องประชุมสภาเทศบาลนครนครสวรรค์",
        True,
    ),
    (
        "elderly-school-admission",
        RECRUITMENT,
        "welfare",
        64,
        "ประกาศรับสมัครผู้สูงอายุเข้าเรียนโรงเรียนผู้สูงอายุเทศบาลนครนครสวรรค์ รุ่นที่ ๙",
        "กองสวัสดิการสังคม รับสมัครผู้มีอายุ ๖๐ ปีขึ้นไป เรียนทุกวันพุธ ณ ศูนย์พัฒนาคุณภาพชีวิตผู้สูงอายุ ไม่เสียค่าใช้จ่าย",
        False,
    ),
    (
        "council-session-3-minutes",
        COUNCIL,
        "clerk",
        45,
        "ประกาศรายงานการประชุมสภาเทศบาลนครนครสวรรค์ สมัยสามัญ สมัยที่ ๓ ประจำปี {year}",
        "สภาเทศบาลนครนครสวรรค์ได้มีมติเห็นชอบร่างเทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ "
        "พ.ศ. {fy} จึงประกาศรายงานการประชุมให้ทราบโดยทั่วกัน",
        True,
    ),
    (
        "procurement-plan",
        OTHER,
        "finance",
        38,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {fy}",
        "ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ มาตรา ๑๑ "
        "เทศบาลจึงเผยแพร่แผนการจัดซื้อจัดจ้างประจำปีให้ประชาชนทราบ",
        True,
    ),
    (
        "elderly-allowance-registration",
        OTHER,
        "welfare",
        30,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง การลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ ประจำปีงบประมาณ พ.ศ. {next_fy}",
        "ผู้ที่จะมีอายุครบ ๖๐ ปีบริบูรณ์ ลงทะเบียนได้ที่กองสวัสดิการสังคม ชั้น ๑ "
        "พร้อมบัตรประจำตัวประชาชนและสมุดบัญชีเงินฝากธนาคาร",
        False,
    ),
    (
        "anti-corruption-intent",
        OTHER,
        "planning",
        21,
        "ประกาศเทศบาลนครนครสวรรค์ เรื่อง เจตจำนงสุจริตในการบริหารงาน ประจำปีงบประมาณ พ.ศ. {fy}",
        "นายกเทศมนตรีนครนครสวรรค์ ประกาศเจตจำนงบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส "
        "และตรวจสอบได้ ตามหลักธรรมาภิบาล",
        False,
    ),
    (
        "holiday-waste-collection",
        OTHER,
        "health",
        12,
        "ประกาศประชาสัมพันธ์ การจัดเก็บขยะมูลฝอยช่วงวันหยุดราชการต่อเนื่อง",
        "เทศบาลยังคงจัดเก็บขยะมูลฝอยตามปกติทุกวัน ขอความร่วมมือประชาชนคัดแยกขยะและนำขยะออกมาทิ้งตามเวลาที่กำหนด",
        False,
    ),
    (
        "council-ordinary-session-4",
        COUNCIL,
        "clerk",
        5,
        "ประกาศเรียกประชุมสภาเทศบาลนครนครสวรรค์ สมัยสามัญ สมัยที่ ๔ ประจำปี {year}",
        "ประธานสภาเทศบาลนครนครสวรรค์ เรียกประชุมสภาเทศบาล สมัยสามัญ สมัยที่ ๔ ประจำปี {year} "
        "ตั้งแต่วันเปิดสมัยประชุมเป็นต้นไป มีกำหนด ๓๐ วัน",
        True,
    ),
]


def demo_date(days_ago):
    return timezone.localdate() - datetime.timedelta(days=days_ago)


def fill_years(text, date):
    """``{year}``, ``{fy}``, ``{next_fy}`` and ``{next_year}`` in Thai digits for ``date``."""
    year, fy = be_year(date), fiscal_year(date)
    return text.format(
        year=thai_digits(year),
        fy=thai_digits(fy),
        next_fy=thai_digits(fy + 1),
        next_year=thai_digits(year + 1),
    )


def attachment(title, label):
    """An attachments StreamField value holding one generated PDF."""
    return [
        {
            "type": "document",
            "value": {"document": demo_document(title, label, pages=1).pk, "title": ""},
        }
    ]


def index(home):
    """The announcements index (H5) under ``home``, created once and translated into English."""
    page = child_page(
        home,
        AnnouncementIndexPage,
        INDEX_SLUG,
        title=INDEX_TITLE,
        intro=INDEX_INTRO,
        responsible_unit=unit("clerk"),
    )
    translate_page(page, "en", INDEX_EN)
    return page


def load(home):
    parent = index(home)
    for slug, kind, unit_slug, days_ago, title, text, with_pdf in ANNOUNCEMENTS:
        date = demo_date(days_ago)
        title = fill_years(title, date)
        child_page(
            parent,
            AnnouncementPage,
            slug,
            title=title,
            kind=kind,
            date=date,
            responsible_unit=unit(unit_slug),
            body=[{"type": "paragraph", "value": f"<p>{fill_years(text, date)}</p>"}],
            attachments=attachment(title, f"Announcement {slug}") if with_pdf else [],
        )
    return parent
