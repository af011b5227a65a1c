"""Demo content of the transparency centre: the section of measures with the measure on
publishing information (written for the portal from the notice of 25 June 2562), the ITA page,
and the 2568 and 2569 OIT lists with the survey window of 2569."""

import datetime
import re

from core.demo import child_page, translate_page, unit
from transparency.data import load_lists
from transparency.models import AssessmentYear, ITAPage, MeasureIndexPage, MeasurePage

SECTION_TITLE = "มาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริต"
SECTION_INTRO = "มาตรการและกลไกของเทศบาลนครนครสวรรค์เพื่อให้การดำเนินงานเป็นธรรม โปร่งใส และตรวจสอบได้"
MEASURE_TITLE = "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ"
MEASURE_SUMMARY = "ใครจัดทำ ใครอนุมัติ ใครเผยแพร่ข้อมูลบนเว็บไซต์ของเทศบาล ภายในเวลาเท่าใด และการตรวจสอบทุกวัน"
ITA_TITLE = "การประเมินคุณธรรมและความโปร่งใส (ITA)"
ITA_INTRO = "หลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT) ของเทศบาลนครนครสวรรค์ แต่ละข้อลิงก์ไปยังข้อมูลจริงบนเว็บไซต์นี้"

# (Thai HTML, English HTML): each is one segment for wagtail-localize.
MEASURE_BODY = [
    (
        "<p>เทศบาลนครนครสวรรค์เผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์นี้ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ "
        "เพื่อให้ประชาชนรับรู้และตรวจสอบการบริหารงานได้ ตามประกาศเทศบาลเรื่องมาตรการ "
        "กลไกการเผยแพร่ข้อมูลต่อสาธารณะ ลงวันที่ ๒๕ มิถุนายน พ.ศ. ๒๕๖๒</p>",
        "<p>Nakhon Sawan City Municipality publishes information to the public on this website "
        "under the Official Information Act, so that citizens can know and check how the city is "
        "run, as set out in the municipal notice of 25 June 2019.</p>",
    ),
    ("<h2>ข้อมูลที่เผยแพร่</h2>", "<h2>What is published</h2>"),
    (
        "<p>ข้อมูลพื้นฐาน ประวัติ วิสัยทัศน์และยุทธศาสตร์ หน่วยงานในสังกัดพร้อมอำนาจหน้าที่และทำเนียบบุคลากร "
        "ข่าวสาร เอกสารเผยแพร่ ประกาศ รวมถึงประกาศจัดซื้อจัดจ้างของเทศบาลและโรงเรียนเทศบาลทั้งแปดแห่ง "
        "และช่องทางร้องเรียน</p>",
        "<p>Basic information, history, vision and strategy, the units with their duties and "
        "staff, news, publications, announcements including the procurement notices of the "
        "municipality and its eight schools, and the complaint channels.</p>",
    ),
    ("<h2>ขั้นตอนและผู้รับผิดชอบ</h2>", "<h2>Steps and who is responsible</h2>"),
    (
        "<ol><li>ผู้จัดทำเนื้อหาของหน่วยงานเจ้าของข้อมูลจัดทำและตรวจสอบความถูกต้อง "
        "แล้วส่งขออนุมัติในระบบ</li>"
        "<li>ผู้บังคับบัญชาของหน่วยงานพิจารณาอนุมัติภายใน 2 วันทำการ หรือส่งกลับพร้อมเหตุผล</li>"
        "<li>ผู้ปฏิบัติงานเผยแพร่ตรวจทานความถูกต้องครบถ้วนแล้วเผยแพร่ ด้วยบัญชีผู้ใช้ของตนเอง "
        "ตามสิทธิที่ผู้ดูแลระบบกำหนด</li></ol>",
        "<ol><li>The content creator of the unit that owns the information prepares it, checks "
        "it and submits it for approval.</li>"
        "<li>The unit's supervisor approves it within 2 working days, or sends it back with a "
        "reason.</li>"
        "<li>A web operator reviews it for correctness and completeness and publishes it, "
        "signed in with their own account and the rights the IT administrators give.</li></ol>",
    ),
    (
        "<p>ทุกรายการที่เผยแพร่มีแบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ "
        "ที่ระบบจัดทำจากประวัติการอนุมัติ ระบุผู้จัดทำ ผู้อนุมัติ และผู้เผยแพร่ พร้อมวันที่</p>",
        "<p>Every published item has its publication request form, made by the system from the "
        "approval history, naming the preparer, the approver and the publisher with the dates.</p>",
    ),
    ("<h2>การกำกับติดตาม</h2>", "<h2>Continuous oversight</h2>"),
    (
        "<ul><li>กำหนดวันเริ่มและสิ้นสุดการเผยแพร่ได้ ระบบเผยแพร่และนำออกตามเวลาที่กำหนด</li>"
        "<li>ระบบตรวจเว็บไซต์ทุกวัน แจ้งหน่วยงานเมื่อพบข้อผิดพลาดหรือข้อมูลที่ขาด "
        "เพื่อแก้ไขทันทีและรายงานผู้บังคับบัญชา</li>"
        "<li>รายงานผลการดำเนินงานตามมาตรการ พร้อมปัญหา อุปสรรค และข้อเสนอแนะ "
        "เสนอผู้บังคับบัญชาอย่างน้อยปีละ 1 ครั้ง</li></ul>",
        "<ul><li>Go-live and expiry dates can be set; the system publishes and withdraws on "
        "time.</li>"
        "<li>The system checks the website every day and tells the units what is wrong or "
        "missing, to be fixed at once and reported to the supervisor.</li>"
        "<li>A report on the measure, with problems, obstacles and suggestions, goes to the "
        "superior at least once a year.</li></ul>",
    ),
]


def load_measures(home):
    section = child_page(
        home,
        MeasureIndexPage,
        "transparency-measures",
        title=SECTION_TITLE,
        intro=SECTION_INTRO,
        responsible_unit=unit("clerk"),
    )
    translate_page(
        section,
        "en",
        {
            SECTION_TITLE: "Transparency and anti-corruption measures",
            SECTION_INTRO: "The municipality's measures and mechanisms for fair, transparent and "
            "accountable work.",
        },
    )
    measure = child_page(
        section,
        MeasurePage,
        "public-disclosure",
        title=MEASURE_TITLE,
        listing_summary=MEASURE_SUMMARY,
        announced_on=datetime.date(2019, 6, 25),
        responsible_unit=unit("clerk"),
        body=[("paragraph", "".join(thai for thai, _english in MEASURE_BODY))],
    )
    strings = {
        MEASURE_TITLE: "Measure for publishing information to the public",
        MEASURE_SUMMARY: "Who prepares, approves and publishes information on the municipal "
        "website, how fast, and the daily check.",
    }
    strings.update(segments(MEASURE_BODY))
    translate_page(measure, "en", strings)
    return section


def segments(pairs):
    """Thai → English of each rich-text segment (wagtail-localize extracts one per block
    element and list item, without the outer tags)."""
    tag = re.compile(r"<(p|h2|li)>(.*?)</\1>", re.S)
    found = {}
    for thai, english in pairs:
        for (_t, thai_text), (_e, english_text) in zip(
            tag.findall(thai), tag.findall(english), strict=True
        ):
            found[thai_text] = english_text
    return found


def load_ita(home):
    page = child_page(
        home, ITAPage, "ita", title=ITA_TITLE, intro=ITA_INTRO, responsible_unit=unit("clerk")
    )
    translate_page(
        page,
        "en",
        {
            ITA_TITLE: "Integrity and Transparency Assessment (ITA)",
            ITA_INTRO: "The municipality's open-data evidence (OIT): each item links to the "
            "information itself on this website.",
        },
    )
    load_lists(home)
    year = AssessmentYear.objects.get(year=2569)
    if not year.survey_opens:
        year.survey_opens = datetime.date(2026, 4, 1)
        year.survey_closes = datetime.date(2026, 6, 30)
        year.iit_url = "https://itas.nacc.go.th/"
        year.eit_url = "https://itas.nacc.go.th/"
        year.save()
    return page


def load(home):
    load_measures(home)
    load_ita(home)
