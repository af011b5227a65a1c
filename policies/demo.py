"""Demo content of the policies section: the five policies and the site map, in Thai, with the
section, the privacy notice and the site map translated to English.

The texts follow the government website standard and the Personal Data Protection Act
B.E. 2562 (PDPA); retention periods and the data protection officer's address are the demo's,
for the municipality's data protection officer to confirm.
"""

from core.demo import CONTACT, child_page, translate_page, unit
from policies.models import PolicyIndexPage, PolicyKind, PolicyPage, SiteMapPage

DPO_EMAIL = "dpo@nakhonsawancity.go.th"
ADDRESS = (" ".join(CONTACT["address"].split()), " ".join(CONTACT["address_en"].split()))

SECTION = (
    ("นโยบายเว็บไซต์", "Website policies"),
    (
        "นโยบายและประกาศของเว็บไซต์เทศบาลนครนครสวรรค์ ตามมาตรฐานเว็บไซต์ภาครัฐ "
        "และพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
        "The policies and notices of the Nakhon Sawan City Municipality website, under the "
        "government website standard and the Personal Data Protection Act B.E. 2562 (2019).",
    ),
)
SITE_MAP = (
    ("แผนผังเว็บไซต์", "Site map"),
    (
        "หน้าทั้งหมดของเว็บไซต์ จัดตามหมวด",
        "Every section of the website and its pages.",
    ),
)

# (heading or paragraph, English); a heading is a 1-tuple group marked by "h2".
PRIVACY_TITLE = ("ประกาศความเป็นส่วนตัว", "Privacy notice")
PRIVACY_SUMMARY = (
    "เทศบาลเก็บ ใช้ และเปิดเผยข้อมูลส่วนบุคคลของท่านอย่างไร และท่านมีสิทธิอะไรบ้าง",
    "How the municipality collects, uses and discloses your personal data, and your rights.",
)
PRIVACY_BODY = [
    ("h2", "ผู้ควบคุมข้อมูลส่วนบุคคล", "The data controller"),
    (
        "p",
        f"เทศบาลนครนครสวรรค์ {ADDRESS[0]} เป็นผู้ควบคุมข้อมูลส่วนบุคคลตามพระราชบัญญัติ"
        "คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 สำหรับข้อมูลที่ได้รับผ่านเว็บไซต์นี้",
        f"Nakhon Sawan City Municipality, {ADDRESS[1]}, is the data controller under the "
        "Personal Data Protection Act B.E. 2562 (2019) for the data received through this "
        "website.",
    ),
    (
        "p",
        "เทศบาลเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็นตามวัตถุประสงค์ในตารางด้านล่าง ไม่ขายข้อมูล "
        "และไม่ใช้เพื่อการโฆษณา เว็บไซต์นี้ไม่ใช้เครื่องมือวิเคราะห์การใช้งานหรือติดตามผู้เข้าชม",
        "The municipality collects only the personal data needed for the purposes in the table "
        "below. It does not sell data or use it for advertising. This website uses no analytics "
        "or tracking tools.",
    ),
    ("h2", "ผู้รับข้อมูล", "Who receives the data"),
    (
        "p",
        "ข้อมูลเปิดเผยเฉพาะแก่เจ้าหน้าที่ของหน่วยงานที่รับผิดชอบเรื่อง และหน่วยงานของรัฐ"
        "ที่มีอำนาจตามกฎหมาย เมื่อท่านยินยอมให้แสดงแผนที่ Google เบราว์เซอร์ของท่านจะส่งข้อมูล"
        "การเข้าชมไปยัง Google ตามนโยบายความเป็นส่วนตัวของ Google",
        "Data is disclosed only to the staff of the unit handling the matter and to state "
        "authorities empowered by law. If you allow the Google map, your browser sends "
        "visit data to Google under Google's privacy policy.",
    ),
    ("h2", "สิทธิของเจ้าของข้อมูล", "Your rights"),
    (
        "li",
        "ขอเข้าถึงและขอรับสำเนาข้อมูลของท่าน (มาตรา 30)",
        "To access and obtain a copy of your data (section 30)",
    ),
    (
        "li",
        "ขอรับหรือขอให้โอนข้อมูลในรูปแบบที่อ่านได้ด้วยเครื่องมือ (มาตรา 31)",
        "To receive your data, or have it transferred, in a machine-readable format (section 31)",
    ),
    ("li", "คัดค้านการประมวลผลข้อมูล (มาตรา 32)", "To object to processing (section 32)"),
    (
        "li",
        "ขอให้ลบ ทำลาย หรือทำให้ข้อมูลไม่สามารถระบุตัวบุคคลได้ (มาตรา 33)",
        "To have your data erased, destroyed or anonymised (section 33)",
    ),
    ("li", "ขอให้ระงับการใช้ข้อมูล (มาตรา 34)", "To restrict the use of your data (section 34)"),
    (
        "li",
        "ขอให้แก้ไขข้อมูลให้ถูกต้อง เป็นปัจจุบัน และสมบูรณ์ (มาตรา 35 และ 36)",
        "To have your data corrected, kept up to date and complete (sections 35 and 36)",
    ),
    (
        "li",
        "ถอนความยินยอมเมื่อใดก็ได้ โดยง่ายเช่นเดียวกับการให้ความยินยอม (มาตรา 19)",
        "To withdraw consent at any time, as easily as you gave it (section 19)",
    ),
    (
        "p",
        "เทศบาลจะตอบคำขอภายใน 30 วันนับแต่ได้รับคำขอ หากปฏิเสธจะแจ้งเหตุผลเป็นหนังสือ",
        "The municipality answers a request within 30 days of receiving it, and gives its "
        "reasons in writing if it refuses.",
    ),
    ("h2", "ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล", "Contacting the data protection officer"),
    (
        "p",
        f"เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล เทศบาลนครนครสวรรค์ อีเมล {DPO_EMAIL} "
        f"โทรศัพท์ {CONTACT['phone']} หรือไปรษณีย์ถึง {ADDRESS[0]}",
        f"The data protection officer, Nakhon Sawan City Municipality: e-mail {DPO_EMAIL}, "
        f"telephone {CONTACT['phone']}, or by post to {ADDRESS[1]}.",
    ),
    ("h2", "สิทธิร้องเรียนต่อคณะกรรมการผู้เชี่ยวชาญ", "Your right to complain"),
    (
        "p",
        "หากเห็นว่าเทศบาลปฏิบัติไม่เป็นไปตามกฎหมาย ท่านมีสิทธิร้องเรียนต่อสำนักงาน"
        "คณะกรรมการคุ้มครองข้อมูลส่วนบุคคล (สคส.) ตามมาตรา 73 ได้ที่ www.pdpc.or.th",
        "If you believe the municipality has not complied with the law, you have the right "
        "to complain to the Office of the Personal Data Protection Committee (PDPC) under "
        "section 73, at www.pdpc.or.th.",
    ),
    ("h2", "การเปลี่ยนแปลงประกาศนี้", "Changes to this notice"),
    (
        "p",
        "เทศบาลอาจปรับปรุงประกาศนี้ และจะแสดงวันที่ปรับปรุงล่าสุดไว้ท้ายหน้า",
        "The municipality may update this notice; the date of the last update is shown at the "
        "foot of the page.",
    ),
]
PROCESSING = [
    {
        "purpose": (
            "รับและดำเนินการเรื่องร้องเรียน ร้องทุกข์ และคำถามของประชาชน",
            "Handling citizens' complaints, grievances and questions",
        ),
        "legal_basis": "public_task",
        "data": (
            "ชื่อ นามสกุล ช่องทางติดต่อ รายละเอียดเรื่อง และไฟล์แนบ",
            "Name, contact details, the details of the matter and attachments",
        ),
        "retention": ("5 ปีนับแต่วันที่ยุติเรื่อง", "5 years after the matter is closed"),
        "recipients": (
            "หน่วยงานของเทศบาลที่รับผิดชอบเรื่อง และหน่วยงานของรัฐที่เกี่ยวข้องเมื่อจำเป็นต้องส่งต่อ",
            "The municipal unit in charge, and other state agencies when the matter must be "
            "referred to them",
        ),
    },
    {
        "purpose": (
            "เผยแพร่ข้อมูลผู้บริหารและบุคลากรตามที่กฎหมายกำหนดให้เปิดเผย",
            "Publishing information on executives and staff as the law requires",
        ),
        "legal_basis": "legal_obligation",
        "data": (
            "ชื่อ ตำแหน่ง ภาพถ่าย และหมายเลขโทรศัพท์ที่ทำงาน",
            "Name, position, photograph and office telephone number",
        ),
        "retention": (
            "ตลอดการดำรงตำแหน่ง ทำเนียบผู้บริหารในอดีตเก็บเป็นประวัติของเทศบาล",
            "While in office; past executives are kept in the municipality's history",
        ),
        "recipients": ("ประชาชนทั่วไป (เผยแพร่บนเว็บไซต์)", "The public (published on the website)"),
    },
    {
        "purpose": (
            "จัดการบัญชีเจ้าหน้าที่ผู้ดูแลเนื้อหา และบันทึกการเข้าใช้ระบบ",
            "Managing the accounts of staff who maintain content, and logging their sign-ins",
        ),
        "legal_basis": "public_task",
        "data": (
            "ชื่อ ตำแหน่ง หน่วยงาน อีเมล ประวัติการอนุมัติเนื้อหา และที่อยู่ไอพีเมื่อเข้าสู่ระบบ",
            "Name, position, unit, e-mail, approval history and IP address at sign-in",
        ),
        "retention": (
            "ตลอดการปฏิบัติงาน ประวัติการอนุมัติเก็บเป็นหลักฐานการเผยแพร่ข้อมูล",
            "While in post; the approval history is kept as evidence of what was published",
        ),
        "recipients": ("ผู้ดูแลระบบของเทศบาล", "The municipality's IT administrators"),
    },
    {
        "purpose": (
            "บันทึกข้อมูลจราจรทางคอมพิวเตอร์ของผู้เข้าชมเว็บไซต์",
            "Keeping the computer traffic data of visitors",
        ),
        "legal_basis": "legal_obligation",
        "data": (
            "ที่อยู่ไอพี วันเวลา หน้าที่เรียก และชนิดเบราว์เซอร์",
            "IP address, date and time, page requested and browser type",
        ),
        "retention": (
            "ไม่น้อยกว่า 90 วัน ตามพระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์",
            "At least 90 days, as the Computer Crime Act requires",
        ),
        "recipients": (
            "พนักงานเจ้าหน้าที่ตามกฎหมายเมื่อมีคำขอโดยชอบ",
            "Competent officials under the law, on a lawful request",
        ),
    },
    {
        "purpose": (
            "แสดงแผนที่ Google เมื่อท่านยินยอม",
            "Showing the Google map when you allow it",
        ),
        "legal_basis": "consent",
        "data": (
            "การเลือกของท่านในคุกกี้ portal_consent ของเว็บไซต์นี้",
            "Your choice, in this site's portal_consent cookie",
        ),
        "retention": (
            "180 วัน หรือจนท่านถอนความยินยอม",
            "180 days, or until you withdraw consent",
        ),
        "recipients": ("Google (เฉพาะเมื่อท่านยินยอม)", "Google (only with your consent)"),
    },
]

WEBSITE_POLICY = [
    ("h2", "วัตถุประสงค์ของเว็บไซต์", None),
    (
        "p",
        "เว็บไซต์นี้เผยแพร่ข้อมูลข่าวสารของเทศบาลนครนครสวรรค์ตามพระราชบัญญัติข้อมูลข่าวสาร"
        "ของราชการ พ.ศ. 2540 และมาตรฐานเว็บไซต์ภาครัฐ เพื่อความโปร่งใสและการมีส่วนร่วมของประชาชน",
        None,
    ),
    ("h2", "ความรับผิดชอบต่อเนื้อหา", None),
    (
        "p",
        "ทุกหน้ามีหน่วยงานเจ้าของเนื้อหา จัดทำโดยเจ้าหน้าที่ของหน่วยงาน ผ่านการอนุมัติของ"
        "ผู้บังคับบัญชา และเผยแพร่โดยผู้ปฏิบัติงานเผยแพร่ ทุกขั้นตอนมีบันทึกและแบบฟอร์มการขอ"
        "เผยแพร่ข้อมูลผ่านเว็บไซต์เป็นหลักฐาน",
        None,
    ),
    ("h2", "การนำข้อมูลไปใช้", None),
    (
        "p",
        "ข้อมูลบนเว็บไซต์นำไปใช้ได้โดยอ้างอิงแหล่งที่มา ยกเว้นภาพหรือเอกสารที่ระบุลิขสิทธิ์ไว้เป็นอย่างอื่น "
        "ข้อมูลเปิดเผยในรูปแบบที่เครื่องอ่านได้ผ่าน API ของเว็บไซต์",
        None,
    ),
    ("h2", "ลิงก์ไปยังเว็บไซต์อื่น", None),
    (
        "p",
        "เทศบาลไม่รับผิดชอบต่อเนื้อหาและนโยบายความเป็นส่วนตัวของเว็บไซต์ภายนอกที่ลิงก์ถึง",
        None,
    ),
    ("h2", "การติดต่อ", None),
    (
        "p",
        f"แจ้งข้อผิดพลาดหรือสอบถามเกี่ยวกับเว็บไซต์ได้ที่ {CONTACT['email']} โทรศัพท์ {CONTACT['phone']}",
        None,
    ),
]
COOKIE_POLICY = [
    ("h2", "คุกกี้คืออะไร", None),
    (
        "p",
        "คุกกี้คือไฟล์ข้อมูลขนาดเล็กที่เว็บไซต์บันทึกไว้ในเบราว์เซอร์ของท่าน "
        "เว็บไซต์นี้ใช้คุกกี้ที่จำเป็นเท่านั้น เว้นแต่ท่านยินยอมให้แสดงเนื้อหาจากผู้ให้บริการภายนอก",
        None,
    ),
    ("h2", "การให้และถอนความยินยอม", None),
    (
        "p",
        "เมื่อเข้าเว็บไซต์ครั้งแรก ท่านเลือกได้ว่าจะยอมรับทั้งหมด ปฏิเสธทั้งหมด หรือเลือกเป็นหมวด "
        'เปลี่ยนการเลือกหรือถอนความยินยอมได้ทุกเมื่อจากลิงก์ "ตั้งค่าคุกกี้" ท้ายทุกหน้า '
        "หรือปุ่มด้านล่าง เมื่อถอนความยินยอม เนื้อหาจากภายนอกจะไม่ถูกโหลดอีก",
        None,
    ),
    (
        "p",
        "ท่านยังตั้งค่าเบราว์เซอร์ให้ปฏิเสธหรือลบคุกกี้ได้ โดยเว็บไซต์ยังใช้งานได้ตามปกติ",
        None,
    ),
]
SECURITY_POLICY = [
    ("h2", "การรักษาความมั่นคงปลอดภัย", None),
    (
        "li",
        "เว็บไซต์ให้บริการผ่าน HTTPS เท่านั้น และกำหนดนโยบายความปลอดภัยของเนื้อหา (CSP) ไม่โหลดสคริปต์จากภายนอก",
        None,
    ),
    (
        "li",
        "เจ้าหน้าที่แต่ละคนมีบัญชีของตนเอง รหัสผ่านยาวอย่างน้อย 12 ตัวอักษร บัญชีถูกล็อก"
        "เมื่อใส่รหัสผ่านผิด 5 ครั้ง และผู้ปฏิบัติงานเผยแพร่กับผู้ดูแลระบบต้องยืนยันตัวตนสองขั้นตอน",
        None,
    ),
    (
        "li",
        "สิทธิแก้ไขเนื้อหาแยกตามหน่วยงาน ทุกการเผยแพร่ผ่านการอนุมัติสองขั้น "
        "และการเข้าใช้ระบบ การอนุมัติ และการเผยแพร่ทุกครั้งถูกบันทึกไว้",
        None,
    ),
    (
        "li",
        "ตรวจสอบเว็บไซต์อัตโนมัติทุกวัน สำรองข้อมูลสม่ำเสมอ และปรับปรุงซอฟต์แวร์ให้เป็นปัจจุบัน",
        None,
    ),
    ("h2", "การแจ้งช่องโหว่หรือเหตุการณ์ผิดปกติ", None),
    (
        "p",
        f"หากพบช่องโหว่หรือความผิดปกติของเว็บไซต์ โปรดแจ้ง {CONTACT['email']} "
        "เทศบาลจะตรวจสอบและแจ้งผลโดยเร็ว",
        None,
    ),
]
ACCESSIBILITY = [
    ("h2", "มาตรฐานที่ใช้", None),
    (
        "p",
        "เว็บไซต์นี้ออกแบบให้เป็นไปตามแนวทางการเข้าถึงเนื้อหาเว็บ WCAG 2.1 ระดับ AA "
        "ใช้งานได้ด้วยแป้นพิมพ์ โปรแกรมอ่านหน้าจอ และบนโทรศัพท์มือถือ",
        None,
    ),
    ("h2", "สิ่งที่เทศบาลทำ", None),
    (
        "li",
        "ทดสอบทุกหน้าหลักด้วยเครื่องมือตรวจสอบ axe ทุกครั้งที่ปรับปรุงระบบ",
        None,
    ),
    (
        "li",
        "การตรวจเว็บไซต์ประจำวันแจ้งหน่วยงานเมื่อภาพไม่มีคำบรรยายทดแทน",
        None,
    ),
    (
        "li",
        "ประกาศและเอกสารแสดงเป็นข้อความบนหน้าเว็บ ไม่ใช่เพียงภาพสแกน",
        None,
    ),
    ("h2", "ข้อจำกัดที่ทราบ", None),
    (
        "p",
        "เอกสาร PDF เก่าบางฉบับเป็นภาพสแกนซึ่งโปรแกรมอ่านหน้าจออ่านไม่ได้ "
        "และแผนที่ Google มาจากผู้ให้บริการภายนอก หากต้องการเอกสารในรูปแบบอื่น โปรดติดต่อเทศบาล",
        None,
    ),
    ("h2", "แจ้งปัญหาการเข้าถึง", None),
    (
        "p",
        f"แจ้งปัญหาได้ที่ {CONTACT['email']} หรือโทรศัพท์ {CONTACT['phone']} เทศบาลจะตอบภายใน 15 วันทำการ",
        None,
    ),
]

POLICIES = [
    (
        PolicyKind.WEBSITE,
        "website",
        "นโยบายเว็บไซต์",
        "วัตถุประสงค์ ความรับผิดชอบต่อเนื้อหา และการนำข้อมูลไปใช้",
        WEBSITE_POLICY,
    ),
    (PolicyKind.PRIVACY, "privacy", PRIVACY_TITLE[0], PRIVACY_SUMMARY[0], PRIVACY_BODY),
    (
        PolicyKind.COOKIES,
        "cookies",
        "นโยบายคุกกี้",
        "คุกกี้ที่เว็บไซต์ใช้ และการให้หรือถอนความยินยอม",
        COOKIE_POLICY,
    ),
    (
        PolicyKind.SECURITY,
        "security",
        "นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์",
        "มาตรการรักษาความปลอดภัยของเว็บไซต์และการแจ้งช่องโหว่",
        SECURITY_POLICY,
    ),
    (
        PolicyKind.ACCESSIBILITY,
        "accessibility",
        "การเข้าถึงเว็บไซต์",
        "มาตรฐานการเข้าถึงที่เว็บไซต์ใช้ ข้อจำกัด และการแจ้งปัญหา",
        ACCESSIBILITY,
    ),
]


def rich_text(parts):
    """HTML from ``(tag, thai, english)`` parts; consecutive ``li`` parts form one list."""
    html, in_list = [], False
    for tag, thai, _english in parts:
        if (tag == "li") != in_list:
            html.append("<ul>" if tag == "li" else "</ul>")
            in_list = tag == "li"
        html.append(f"<{tag}>{thai}</{tag}>")
    if in_list:
        html.append("</ul>")
    return "".join(html)


def _processing(items):
    return [
        {
            "type": "processing",
            "value": {
                key: value[0] if isinstance(value, tuple) else value for key, value in item.items()
            },
        }
        for item in items
    ]


def _english(*pairs, parts=(), processing=()):
    strings = dict(pairs)
    strings.update((thai, english) for _tag, thai, english in parts if english)
    for item in processing:
        strings.update(value for value in item.values() if isinstance(value, tuple))
    return strings


def load(home):
    clerk = unit("clerk")
    index = child_page(
        home,
        PolicyIndexPage,
        "policies",
        title=SECTION[0][0],
        intro=SECTION[1][0],
        responsible_unit=clerk,
    )
    translate_page(index, "en", _english(*SECTION))
    pages = {}
    for kind, slug, title, summary, parts in POLICIES:
        pages[kind] = child_page(
            index,
            PolicyPage,
            slug,
            title=title,
            kind=kind,
            listing_summary=summary,
            responsible_unit=clerk,
            body=[{"type": "paragraph", "value": rich_text(parts)}],
            processing=_processing(PROCESSING) if kind == PolicyKind.PRIVACY else [],
        )
    translate_page(
        pages[PolicyKind.PRIVACY],
        "en",
        _english(PRIVACY_TITLE, PRIVACY_SUMMARY, parts=PRIVACY_BODY, processing=PROCESSING),
    )
    site_map = child_page(
        index,
        SiteMapPage,
        "site-map",
        title=SITE_MAP[0][0],
        intro=SITE_MAP[1][0],
        responsible_unit=clerk,
    )
    translate_page(site_map, "en", _english(*SITE_MAP))
    return index
