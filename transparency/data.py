"""The OIT lists of ITA 2568 and 2569 as the municipality starts from, and their idempotent
loader (``load_lists``, run by the demo loader and ``manage.py load_ita_lists``).

The 2569 titles are those of the NACC list; the 2568 list is reconstructed (procurement at
O12/O13 that year) and every item of it is marked to be checked against the 2568 manual, as
are the 2569 items whose evidence description is a summary rather than the manual's words.
A link is ``("source", key)`` (``transparency.sources``) or ``("page", slug)``: a page under
the Thai home page, linked when it exists.

The loader only adds what is missing: an item already there (by year and code) is left as
the web team edited it.
"""

from django.db import transaction

from transparency.models import AssessmentYear, EvidenceLink, Indicator, OITItem, Period

D, P = Indicator.DISCLOSURE, Indicator.PREVENTION
CURRENT, HALF, PREVIOUS, STANDING = (
    Period.CURRENT,
    Period.FIRST_HALF,
    Period.PREVIOUS,
    Period.STANDING,
)

STRUCTURE = [("page", "structure"), ("page", "powers-and-duties"), ("page", "departments")]
CONTACT = [("source", "contact_channels"), ("source", "phone_directory"), ("source", "questions")]
E_SERVICE = [("source", "e_services"), ("source", "complaint_form")]
COMPLAINTS = [("source", "complaint_form"), ("source", "contact_channels")]

# (code, Thai title, English title, indicator, period, what the evidence must contain,
#  wording confirmed, links)
ITA_2569 = [
    (
        "O1",
        "โครงสร้าง หน้าที่และอำนาจ",
        "Structure, duties and powers",
        D,
        STANDING,
        "แผนผังโครงสร้างการแบ่งส่วนราชการ ตำแหน่งผู้บริหาร และหน้าที่และอำนาจของหน่วยงานตามกฎหมาย",
        True,
        STRUCTURE,
    ),
    (
        "O2",
        "ข้อมูลผู้บริหาร",
        "Executives",
        D,
        STANDING,
        "ชื่อ-นามสกุล ตำแหน่ง รูปถ่าย และช่องทางการติดต่อของผู้บริหารแต่ละคน",
        True,
        [("source", "executives")],
    ),
    (
        "O3",
        "ข้อมูลการติดต่อและช่องทางการสอบถาม",
        "Contact details and ways to ask questions",
        D,
        STANDING,
        "ที่อยู่ หมายเลขโทรศัพท์ อีเมล แผนที่ตั้ง และช่องทางที่ประชาชนสอบถามและได้รับคำตอบ",
        True,
        CONTACT,
    ),
    (
        "O4",
        "ข่าวประชาสัมพันธ์",
        "News and public relations",
        D,
        CURRENT,
        "ข่าวประชาสัมพันธ์เกี่ยวกับการดำเนินงานของหน่วยงานที่ลงวันที่ในปีงบประมาณ",
        True,
        [("source", "news")],
    ),
    (
        "O5",
        "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
        "Strategic or development plan",
        D,
        CURRENT,
        "แผนที่มีผลใช้บังคับครอบคลุมปีงบประมาณ มีวิสัยทัศน์ ยุทธศาสตร์ เป้าหมายและตัวชี้วัด",
        False,
        [("page", "development-plan")],
    ),
    (
        "O6",
        "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
        "Annual operating and spending plan and its progress",
        D,
        CURRENT,
        "แผนดำเนินงานและการใช้จ่ายงบประมาณของปีงบประมาณ และความก้าวหน้าอย่างน้อยรอบ 6 เดือน",
        False,
        [("page", "budget")],
    ),
    (
        "O7",
        "รายงานผลการดำเนินงานประจำปี",
        "Annual performance report",
        D,
        PREVIOUS,
        "รายงานผลการดำเนินงานของปีงบประมาณที่ผ่านมา ผลการใช้จ่ายงบประมาณ ปัญหาและข้อเสนอแนะ",
        False,
        [("source", "annual_report")],
    ),
    (
        "O8",
        "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
        "Staff operating manuals",
        D,
        STANDING,
        "คู่มือหรือมาตรฐานการปฏิบัติงานตามภารกิจหลักของหน่วยงาน",
        False,
        [("page", "operating-standards")],
    ),
    (
        "O9",
        "คู่มือหรือแนวทางการขอรับบริการ",
        "Service guides for citizens",
        D,
        STANDING,
        "คู่มือสำหรับประชาชนที่ขอรับบริการ ขั้นตอน ระยะเวลา ค่าธรรมเนียม และเอกสารที่ต้องใช้",
        False,
        [],
    ),
    (
        "O10",
        "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
        "Online services (E-Service)",
        D,
        STANDING,
        "ช่องทางให้บริการออนไลน์ที่ประชาชนใช้ได้จริง และข้อมูลการใช้บริการ",
        True,
        E_SERVICE,
    ),
    (
        "O11",
        "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
        "Monthly procurement summaries",
        D,
        CURRENT,
        "สรุปผลการจัดซื้อจัดจ้างทุกเดือนของปีงบประมาณ (แบบ สขร.๑) เดือนที่ไม่มีให้ระบุว่า ไม่มีการจัดซื้อจัดจ้าง",
        True,
        [("source", "procurement_monthly")],
    ),
    (
        "O12",
        "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี",
        "Annual procurement report",
        D,
        PREVIOUS,
        "ข้อมูลสาระสำคัญของการจัดซื้อจัดจ้างทุกโครงการของปีงบประมาณที่ผ่านมา",
        True,
        [("source", "procurement_annual")],
    ),
    (
        "O13",
        "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
        "Rules and plan for managing and developing staff",
        D,
        CURRENT,
        "หลักเกณฑ์การสรรหา การพัฒนา การประเมินผล และแผนการบริหารและพัฒนาทรัพยากรบุคคลที่ใช้ในปี",
        False,
        [],
    ),
    (
        "O14",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
        "Report on managing and developing staff",
        D,
        PREVIOUS,
        "รายงานผลการดำเนินการตามแผนบริหารและพัฒนาทรัพยากรบุคคลของปีที่ผ่านมา",
        False,
        [],
    ),
    (
        "O15",
        "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
        "Code of ethics and putting it into practice",
        D,
        CURRENT,
        "ประมวลจริยธรรมของเจ้าหน้าที่และกิจกรรมขับเคลื่อนจริยธรรมในปีงบประมาณ",
        False,
        [],
    ),
    (
        "O16",
        "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "Guidelines for handling corruption complaints",
        D,
        STANDING,
        "ขั้นตอน ผู้รับผิดชอบ และระยะเวลาการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        False,
        [],
    ),
    (
        "O17",
        "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "Channels for reporting corruption",
        D,
        STANDING,
        "ช่องทางออนไลน์ที่แจ้งเรื่องร้องเรียนการทุจริตได้ และติดตามผลได้",
        True,
        COMPLAINTS,
    ),
    (
        "O18",
        "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "Statistics of corruption complaints",
        D,
        CURRENT,
        "จำนวนเรื่องร้องเรียนการทุจริตที่ได้รับ ดำเนินการแล้วเสร็จ และอยู่ระหว่างดำเนินการ ของปีงบประมาณ",
        True,
        [("source", "complaint_statistics")],
    ),
    (
        "O19",
        "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน",
        "Results of opening the work to participation",
        D,
        CURRENT,
        "กิจกรรมที่ประชาชนหรือผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงานของหน่วยงานในปีงบประมาณ",
        False,
        [],
    ),
    (
        "O20",
        "การขับเคลื่อนนโยบาย No Gift Policy",
        "No Gift Policy in practice",
        P,
        CURRENT,
        "ประกาศนโยบายไม่รับของขวัญของผู้บริหาร และรายงานการรับของขวัญหรือประโยชน์อื่นใด",
        False,
        [],
    ),
    (
        "O21",
        "การประเมินความเสี่ยงการทุจริต",
        "Corruption risk assessment",
        P,
        CURRENT,
        "ผลการประเมินความเสี่ยงการทุจริตและมาตรการจัดการความเสี่ยงของปีงบประมาณ",
        False,
        [],
    ),
    (
        "O22",
        "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยง",
        "Report on the risk management plan",
        P,
        HALF,
        "ความก้าวหน้าการดำเนินการตามมาตรการจัดการความเสี่ยงการทุจริต",
        False,
        [],
    ),
    (
        "O23",
        "แผนปฏิบัติการป้องกันการทุจริต",
        "Anti-corruption action plan",
        P,
        CURRENT,
        "แผนปฏิบัติการป้องกันการทุจริตของปีงบประมาณ มีโครงการ งบประมาณ และระยะเวลา",
        False,
        [("source", "transparency_measures")],
    ),
    (
        "O24",
        "รายงานผลการดำเนินการป้องกันการทุจริต",
        "Report on preventing corruption",
        P,
        HALF,
        "ความก้าวหน้าการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต",
        False,
        [],
    ),
    (
        "O25",
        "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
        "Using the ITA results to improve the organisation",
        P,
        CURRENT,
        "มาตรการยกระดับคุณธรรมและความโปร่งใสจากผลการประเมินปีที่ผ่านมา และผู้รับผิดชอบ",
        False,
        [],
    ),
    (
        "O26",
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "Report on promoting integrity and transparency inside the organisation",
        P,
        CURRENT,
        "ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส รวมถึงมาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
        False,
        [("source", "transparency_measures")],
    ),
]


def _renumbered(items):
    return [(f"O{number}", *rest) for number, (_code, *rest) in enumerate(items, start=1)]


def _list_2568():
    """ITA 2568 as reconstructed from the 2569 list: the six-month report was an item of its
    own (so procurement sat at O12/O13) and the two last items of 2569 were one."""
    items = [(*item[:6], False, *item[7:]) for item in ITA_2569]
    six_months = (
        "O6b",
        "รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปี รอบ 6 เดือน",
        "Six-month report on operations and spending",
        D,
        HALF,
        "ความก้าวหน้าการดำเนินงานและการใช้จ่ายงบประมาณในรอบ 6 เดือนแรกของปีงบประมาณ",
        False,
        [("page", "budget")],
    )
    items[5] = (
        *items[5][:1],
        "แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
        "Annual operating and spending plan",
        *items[5][3:],
    )
    merged = (
        "O25",
        "การดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "Promoting integrity and transparency inside the organisation",
        P,
        CURRENT,
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสจากผลการประเมินปีที่ผ่านมา และผลการดำเนินการ",
        False,
        [("source", "transparency_measures")],
    )
    return _renumbered([*items[:6], six_months, *items[6:24], merged])


# What the evidence must contain, in English, by the item's English title.
REQUIREMENTS_EN = {
    "Structure, duties and powers": "The organisation chart, the executives' positions and "
    "the unit's duties and powers under the law.",
    "Executives": "Each executive's name, position, photo and contact details.",
    "Contact details and ways to ask questions": "Address, phone, e-mail, map, and a channel "
    "where citizens ask questions and get answers.",
    "News and public relations": "News about the municipality's work dated in the fiscal year.",
    "Strategic or development plan": "A plan in force for the fiscal year, with vision, "
    "strategies, goals and indicators.",
    "Annual operating and spending plan and its progress": "The operating and spending plan "
    "of the fiscal year and its progress, at least at six months.",
    "Annual operating and spending plan": "The operating and spending plan of the fiscal year.",
    "Six-month report on operations and spending": "Progress of operations and spending in "
    "the first six months of the fiscal year.",
    "Annual performance report": "The report on the previous fiscal year's work, spending, "
    "problems and suggestions.",
    "Staff operating manuals": "Manuals or standards for the unit's main tasks.",
    "Service guides for citizens": "Guides for citizens: steps, time, fees and documents needed.",
    "Online services (E-Service)": "Online services citizens can really use, and their use.",
    "Monthly procurement summaries": "The procurement summary of every month of the fiscal "
    "year (form สขร.๑); a month without procurement says so.",
    "Annual procurement report": "The key data of every procurement project of the previous "
    "fiscal year.",
    "Rules and plan for managing and developing staff": "Rules for recruitment, development "
    "and appraisal, and the year's plan for managing and developing staff.",
    "Report on managing and developing staff": "The report on last year's plan for managing "
    "and developing staff.",
    "Code of ethics and putting it into practice": "The staff code of ethics and the year's "
    "activities to put it into practice.",
    "Guidelines for handling corruption complaints": "Steps, people responsible and time "
    "limits for handling complaints of corruption and misconduct.",
    "Channels for reporting corruption": "An online channel to report corruption and follow "
    "the case.",
    "Statistics of corruption complaints": "Corruption complaints received, completed and in "
    "progress in the fiscal year.",
    "Results of opening the work to participation": "Activities in the fiscal year where "
    "citizens or stakeholders took part in the municipality's work.",
    "No Gift Policy in practice": "The executives' no-gift policy and the report on gifts "
    "or other benefits received.",
    "Corruption risk assessment": "The fiscal year's corruption risk assessment and the "
    "measures to manage the risks.",
    "Report on the risk management plan": "Progress on the measures managing corruption risks.",
    "Anti-corruption action plan": "The fiscal year's anti-corruption action plan, with "
    "projects, budget and time frame.",
    "Report on preventing corruption": "Progress on the anti-corruption action plan.",
    "Using the ITA results to improve the organisation": "Measures raising integrity and "
    "transparency from last year's results, and who is responsible.",
    "Report on promoting integrity and transparency inside the organisation": "Results of the "
    "measures promoting integrity and transparency, including the measure on publishing "
    "information.",
    "Promoting integrity and transparency inside the organisation": "Measures promoting "
    "integrity and transparency from last year's results, and what was done.",
}


ITA_2568 = _list_2568()
LISTS = {2568: ITA_2568, 2569: ITA_2569}


def link_rows(item, links, pages):
    rows = []
    for number, (kind, value) in enumerate(links):
        if kind == "source":
            rows.append(EvidenceLink(item=item, sort_order=number, source=value))
        elif value in pages:
            rows.append(EvidenceLink(item=item, sort_order=number, page=pages[value]))
    return rows


@transaction.atomic
def load_lists(home=None):
    """Create what is missing of the 2568 and 2569 lists; returns the number of items added.

    ``home`` (the Thai home page) lets the links to pages under it be made.
    """
    pages = {page.slug: page for page in home.get_children()} if home is not None else {}
    added = 0
    for year_be, items in LISTS.items():
        year, _ = AssessmentYear.objects.get_or_create(
            year=year_be, defaults={"fiscal_year": year_be}
        )
        existing = set(year.items.values_list("code", flat=True))
        for order, (code, title, title_en, indicator, period, needs, confirmed, links) in enumerate(
            items
        ):
            if code in existing:
                continue
            item = OITItem.objects.create(
                year=year,
                sort_order=order,
                code=code,
                title=title,
                title_en=title_en,
                indicator=indicator,
                period=period,
                requirements=needs,
                requirements_en=REQUIREMENTS_EN.get(title_en, ""),
                wording_confirmed=confirmed,
            )
            EvidenceLink.objects.bulk_create(link_rows(item, links, pages))
            added += 1
    return added
