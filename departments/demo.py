"""Demo content of หน่วยงานในสังกัด (A1–A3), the directories of the main menu and the phone list.

The mayor's name is the one that signs the notice. The other people, and the past mayors and
clerks before the present ones, are illustrative: the municipality replaces them with its records.
"""

from core.demo import child_page, demo_portrait, translate_page, unit
from departments.models import (
    DepartmentIndexPage,
    DepartmentPage,
    DepartmentPerson,
    DirectoryPerson,
    PersonDirectoryPage,
    PhoneDirectoryPage,
    PhoneEntry,
)
from ownership.models import Office

MAYOR = "นายจิตตเกษมณ์ นิโรจน์ธนรัฐ"
CLERK = "นายวีระพงษ์ ศรีสวัสดิ์"
CURRENT_TERM = 2564  # the municipal election of 28 March 2021

INDEX_TITLE = "หน่วยงานในสังกัด"
INDEX_INTRO = (
    "เทศบาลนครนครสวรรค์แบ่งส่วนราชการออกเป็นเก้าสำนักและกอง "
    "เลือกหน่วยงานเพื่อดูอำนาจหน้าที่ ทำเนียบบุคลากร และช่องทางติดต่อ"
)
INDEX_EN = {
    INDEX_TITLE: "Departments",
    INDEX_INTRO: (
        "Nakhon Sawan City Municipality is organised in nine offices and divisions. "
        "Choose one to see its powers and duties, its staff and how to contact it."
    ),
}

POSITIONS_EN = {
    "นายกเทศมนตรีนครนครสวรรค์": "Mayor of Nakhon Sawan City",
    "รองนายกเทศมนตรี": "Deputy Mayor",
    "เลขานุการนายกเทศมนตรี": "Secretary to the Mayor",
    "ประธานสภาเทศบาล": "President of the Municipal Council",
    "รองประธานสภาเทศบาล": "Vice-President of the Municipal Council",
    "นายกเทศมนตรี": "Mayor",
    "ปลัดเทศบาล": "Municipal Clerk",
    "รองปลัดเทศบาล": "Deputy Municipal Clerk",
    "ผู้อำนวยการสำนักปลัดเทศบาล": "Director of the Office of the Municipal Clerk",
    "หัวหน้าฝ่ายอำนวยการ": "Head of General Administration",
    "หัวหน้าฝ่ายปกครอง": "Head of Civil Registration and Administration",
    "หัวหน้าฝ่ายป้องกันและบรรเทาสาธารณภัย": "Head of Disaster Prevention and Relief",
    "ผู้อำนวยการสำนักการคลัง": "Director of Finance",
    "ผู้อำนวยการส่วนพัฒนารายได้": "Director of Revenue Development",
    "หัวหน้าฝ่ายการเงินและบัญชี": "Head of Finance and Accounts",
    "หัวหน้าฝ่ายพัสดุและทรัพย์สิน": "Head of Procurement and Supplies",
    "หัวหน้าฝ่ายเร่งรัดรายได้": "Head of Revenue Collection",
    "ผู้อำนวยการสำนักการช่าง": "Director of Engineering",
    "ผู้อำนวยการส่วนการโยธา": "Director of Public Works",
    "หัวหน้าฝ่ายควบคุมการก่อสร้างอาคาร": "Head of Building Control",
    "หัวหน้าฝ่ายสวนสาธารณะ": "Head of Parks",
    "วิศวกรโยธาชำนาญการ": "Civil Engineer (Professional Level)",
    "ผู้อำนวยการสำนักการสาธารณสุขและสิ่งแวดล้อม": "Director of Public Health and Environment",
    "ผู้อำนวยการส่วนบริการสาธารณสุข": "Director of Public Health Services",
    "หัวหน้าฝ่ายบริการอนามัยสิ่งแวดล้อม": "Head of Environmental Health",
    "หัวหน้าฝ่ายรักษาความสะอาด": "Head of Sanitation",
    "ผู้อำนวยการสำนักการศึกษา": "Director of Education",
    "ผู้อำนวยการส่วนบริหารการศึกษา": "Director of Education Administration",
    "หัวหน้าฝ่ายส่งเสริมการศึกษา ศาสนาและวัฒนธรรม": ("Head of Education, Religion and Culture Promotion"),
    "หัวหน้าฝ่ายกิจการโรงเรียน": "Head of School Affairs",
    "ศึกษานิเทศก์ชำนาญการพิเศษ": "Education Supervisor (Senior Professional Level)",
    "ผู้อำนวยการสำนักการประปา": "Director of Waterworks",
    "หัวหน้าฝ่ายผลิต": "Head of Water Production",
    "หัวหน้าฝ่ายบริการผู้ใช้น้ำ": "Head of Customer Services",
    "หัวหน้าฝ่ายซ่อมบำรุงระบบจ่ายน้ำ": "Head of Distribution Maintenance",
    "ผู้อำนวยการกองสวัสดิการสังคม": "Director of Social Welfare",
    "หัวหน้าฝ่ายสังคมสงเคราะห์": "Head of Social Assistance",
    "หัวหน้าฝ่ายพัฒนาชุมชน": "Head of Community Development",
    "นักพัฒนาชุมชนชำนาญการ": "Community Development Officer (Professional Level)",
    "ผู้อำนวยการกองวิชาการและแผนงาน": "Director of Academic Affairs and Planning",
    "หัวหน้าฝ่ายแผนงานและงบประมาณ": "Head of Planning and Budget",
    "หัวหน้าฝ่ายบริการและเผยแพร่วิชาการ": "Head of Public Relations and Publications",
    "นักวิเคราะห์นโยบายและแผนชำนาญการ": "Policy and Planning Analyst (Professional Level)",
    "ผู้อำนวยการกองสารสนเทศภาคีและทรัพย์สิน": ("Director of Information, Partnerships and Assets"),
    "หัวหน้าฝ่ายสารสนเทศ": "Head of Information Technology",
    "หัวหน้าฝ่ายบริหารทรัพย์สิน": "Head of Asset Management",
    "นักวิชาการคอมพิวเตอร์ชำนาญการ": "Computer Technical Officer (Professional Level)",
}
for district in range(1, 5):
    POSITIONS_EN[f"สมาชิกสภาเทศบาล เขตเลือกตั้งที่ {district}"] = (
        f"Council member, electoral district {district}"
    )


def duties(intro, *items):
    """Powers and duties as one paragraph block: a sentence and a numbered list."""
    listed = "".join(f"<li>{item}</li>" for item in items)
    return [{"type": "paragraph", "value": f"<p>{intro}</p><ol>{listed}</ol>"}]


# slug: (phone, location, duties, [(name, position), ...] with the head first)
UNIT_PAGES = {
    "clerk": (
        "0 5621 9510",
        duties(
            "สำนักปลัดเทศบาลรับผิดชอบงานบริหารทั่วไปของเทศบาล "
            "และงานที่มิได้กำหนดให้เป็นหน้าที่ของส่วนราชการใดโดยเฉพาะ",
            "งานธุรการ สารบรรณ และการประชุมของเทศบาลและสภาเทศบาล",
            "งานการเจ้าหน้าที่ การบริหารงานบุคคล และสวัสดิการพนักงาน",
            "งานทะเบียนราษฎรและบัตรประจำตัวประชาชน",
            "งานป้องกันและบรรเทาสาธารณภัย และการดับเพลิง",
            "งานเทศกิจ การรักษาความสงบเรียบร้อยในที่สาธารณะ",
            "งานนิติการ การรับเรื่องราวร้องทุกข์ และการดำเนินคดี",
        ),
        [
            (CLERK, "ปลัดเทศบาล"),
            ("นางสาวกาญจนา ทองมา", "รองปลัดเทศบาล"),
            ("นายประเสริฐ บุญเรือง", "ผู้อำนวยการสำนักปลัดเทศบาล"),
            ("นางวันเพ็ญ แสงทอง", "หัวหน้าฝ่ายอำนวยการ"),
            ("นายธนากร พึ่งทอง", "หัวหน้าฝ่ายปกครอง"),
            ("นายสุรชัย อินทร์แก้ว", "หัวหน้าฝ่ายป้องกันและบรรเทาสาธารณภัย"),
        ],
    ),
    "finance": (
        "0 5621 9520",
        duties(
            "สำนักงานคลังบริหารการเงิน การคลัง การจัดเก็บรายได้ และการพัสดุของเทศบาลตามระเบียบกระทรวงมหาดไทย",
            "การรับ การเบิกจ่าย และการเก็บรักษาเงินของเทศบาล",
            "การจัดทำบัญชี งบแสดงฐานะการเงิน และรายงานการเงินประจำปี",
            "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง ภาษีป้าย และค่าธรรมเนียมต่าง ๆ",
            "การจัดซื้อจัดจ้าง การควบคุมพัสดุ และการจำหน่ายพัสดุ",
            "การจัดทำรายงานสถิติการคลังเพื่อเผยแพร่ต่อประชาชน",
        ),
        [
            ("นางสุภาพร จันทร์เพ็ญ", "ผู้อำนวยการสำนักการคลัง"),
            ("นางสาวพรทิพย์ เรืองศรี", "ผู้อำนวยการส่วนพัฒนารายได้"),
            ("นางนงลักษณ์ มีสุข", "หัวหน้าฝ่ายการเงินและบัญชี"),
            ("นายอนุชา คำแก้ว", "หัวหน้าฝ่ายพัสดุและทรัพย์สิน"),
            ("นางสาวศิริรัตน์ ปานทอง", "หัวหน้าฝ่ายเร่งรัดรายได้"),
        ],
    ),
    "engineering": (
        "0 5621 9530",
        duties(
            "สำนักงานช่างก่อสร้าง ซ่อมบำรุง และควบคุมโครงสร้างพื้นฐานของเมือง",
            "การสำรวจ ออกแบบ และประมาณราคางานก่อสร้างของเทศบาล",
            "การก่อสร้างและบำรุงรักษาถนน สะพาน ทางเท้า และท่อระบายน้ำ",
            "การอนุญาตก่อสร้าง ดัดแปลง และรื้อถอนอาคาร ตามพระราชบัญญัติควบคุมอาคาร พ.ศ. 2522",
            "งานไฟฟ้าสาธารณะและไฟสัญญาณจราจร",
            "การดูแลสวนสาธารณะ ต้นไม้ และภูมิทัศน์ของเมือง",
            "การป้องกันและแก้ไขปัญหาน้ำท่วมขัง",
        ),
        [
            ("นายชาตรี สุขประเสริฐ", "ผู้อำนวยการสำนักการช่าง"),
            ("นายกิตติพงษ์ ทรัพย์มาก", "ผู้อำนวยการส่วนการโยธา"),
            ("นายพงศกร ดวงดี", "หัวหน้าฝ่ายควบคุมการก่อสร้างอาคาร"),
            ("นางสาวอรุณี เกิดผล", "หัวหน้าฝ่ายสวนสาธารณะ"),
            ("นายณัฐวุฒิ พรหมมา", "วิศวกรโยธาชำนาญการ"),
        ],
    ),
    "health": (
        "0 5621 9540",
        duties(
            "สำนักงานการสาธารณสุขและสิ่งแวดล้อมส่งเสริมสุขภาพของประชาชน และดูแลความสะอาดและสิ่งแวดล้อมของเมือง",
            "การบริการสาธารณสุขมูลฐานในศูนย์บริการสาธารณสุขของเทศบาล",
            "การป้องกันและควบคุมโรคติดต่อ เช่น ไข้เลือดออก และโรคพิษสุนัขบ้า",
            "การเก็บขน และกำจัดขยะมูลฝอยและสิ่งปฏิกูล",
            "การควบคุมตลาด สถานที่จำหน่ายอาหาร และกิจการที่เป็นอันตรายต่อสุขภาพ",
            "การเฝ้าระวังคุณภาพน้ำ อากาศ และเสียง",
        ),
        [
            ("นางปราณี ศรีวิไล", "ผู้อำนวยการสำนักการสาธารณสุขและสิ่งแวดล้อม"),
            ("นายบุญชัย แก้วกาญจน์", "ผู้อำนวยการส่วนบริการสาธารณสุข"),
            ("นางสาวจิราพร ใจดี", "หัวหน้าฝ่ายบริการอนามัยสิ่งแวดล้อม"),
            ("นายสมศักดิ์ นาคสุข", "หัวหน้าฝ่ายรักษาความสะอาด"),
        ],
    ),
    "education": (
        "0 5621 9550",
        duties(
            "สำนักงานการศึกษาบริหารการศึกษาของเทศบาล ทั้งโรงเรียนเทศบาลแปดแห่งและศูนย์พัฒนาเด็กเล็ก",
            "การบริหารและนิเทศโรงเรียนในสังกัดเทศบาล",
            "การจัดการศึกษาปฐมวัยในศูนย์พัฒนาเด็กเล็ก",
            "การส่งเสริมการศึกษานอกระบบและการเรียนรู้ตลอดชีวิต",
            "การส่งเสริมศาสนา ศิลปวัฒนธรรม และประเพณีท้องถิ่น เช่น งานประเพณีแห่เจ้าพ่อเจ้าแม่ปากน้ำโพ",
            "การส่งเสริมกีฬาและนันทนาการ",
        ),
        [
            ("นายไพโรจน์ วงศ์ใหญ่", "ผู้อำนวยการสำนักการศึกษา"),
            ("นางรัชนี ธรรมสอน", "ผู้อำนวยการส่วนบริหารการศึกษา"),
            ("นางสาวปิยะนุช สายทอง", "หัวหน้าฝ่ายส่งเสริมการศึกษา ศาสนาและวัฒนธรรม"),
            ("นายเอกชัย ศรีบุญ", "หัวหน้าฝ่ายกิจการโรงเรียน"),
            ("นางอัญชลี มั่นคง", "ศึกษานิเทศก์ชำนาญการพิเศษ"),
        ],
    ),
    "waterworks": (
        "0 5621 9560",
        duties(
            "สำนักงานการประปาผลิตและจ่ายน้ำประปาที่สะอาดและเพียงพอ ให้แก่ประชาชนในเขตเทศบาล",
            "การผลิตน้ำประปาและควบคุมคุณภาพน้ำให้ได้มาตรฐาน",
            "การวางท่อ ขยายเขตจ่ายน้ำ และซ่อมบำรุงระบบท่อ",
            "การรับคำขอติดตั้งประปาใหม่และโอนย้ายมาตรวัดน้ำ",
            "การอ่านมาตร จัดเก็บค่าน้ำประปา และรับแจ้งท่อแตกรั่ว",
        ),
        [
            ("นายประยุทธ เพชรรัตน์", "ผู้อำนวยการสำนักการประปา"),
            ("นายวิชัย ทองดี", "หัวหน้าฝ่ายผลิต"),
            ("นางสาวมาลัย ชื่นใจ", "หัวหน้าฝ่ายบริการผู้ใช้น้ำ"),
            ("นายสุเทพ ยิ้มแย้ม", "หัวหน้าฝ่ายซ่อมบำรุงระบบจ่ายน้ำ"),
        ],
    ),
    "audit": (
        "0 5621 9590",
        duties(
            "หน่วยตรวจสอบภายในตรวจสอบการเงิน การบัญชี การพัสดุ และการปฏิบัติงานของทุกหน่วยงาน "
            "และรายงานต่อนายกเทศมนตรีโดยตรง",
            "การตรวจสอบการรับ จ่าย และเก็บรักษาเงินและทรัพย์สินของเทศบาล",
            "การตรวจสอบการจัดซื้อจัดจ้างให้เป็นไปตามระเบียบ",
            "การประเมินระบบการควบคุมภายในและการบริหารความเสี่ยง",
        ),
        [("นางสาวอรุณี ตรงไปตรงมา", "หัวหน้าหน่วยตรวจสอบภายใน")],
    ),
    "welfare": (
        "0 5621 9570",
        duties(
            "กองสวัสดิการสังคมดูแลสวัสดิการและพัฒนาคุณภาพชีวิตของประชาชนและชุมชน",
            "การรับลงทะเบียนและจ่ายเบี้ยยังชีพผู้สูงอายุ คนพิการ และผู้ป่วยเอดส์",
            "การสงเคราะห์ผู้ยากไร้ ผู้ด้อยโอกาส และผู้ประสบภัย",
            "การส่งเสริมและพัฒนาชุมชน คณะกรรมการชุมชน และกลุ่มอาชีพ",
            "การส่งเสริมบทบาทสตรี เด็ก เยาวชน และครอบครัว",
        ),
        [
            ("นางพัชรี สมบูรณ์", "ผู้อำนวยการกองสวัสดิการสังคม"),
            ("นางสาววรรณา พูลสวัสดิ์", "หัวหน้าฝ่ายสังคมสงเคราะห์"),
            ("นายธีรวัฒน์ ชัยมงคล", "หัวหน้าฝ่ายพัฒนาชุมชน"),
            ("นางสาวสุนิสา บัวแก้ว", "นักพัฒนาชุมชนชำนาญการ"),
        ],
    ),
    "planning": (
        "0 5621 9580",
        duties(
            "กองวิชาการและแผนงานวางแผนพัฒนาเทศบาล จัดทำงบประมาณ และเผยแพร่ข้อมูลข่าวสารของเทศบาล",
            "การจัดทำแผนพัฒนาท้องถิ่นและการติดตามประเมินผล",
            "การจัดทำร่างเทศบัญญัติงบประมาณรายจ่ายประจำปี",
            "การประชาสัมพันธ์และเผยแพร่ข่าวสารของเทศบาล",
            "การจัดทำรายงานประจำปีและวารสารท้องถิ่น",
        ),
        [
            ("นายอภิชาต รุ่งเรือง", "ผู้อำนวยการกองวิชาการและแผนงาน"),
            ("นางสาวนิภาพร แสงอรุณ", "หัวหน้าฝ่ายแผนงานและงบประมาณ"),
            ("นายจักรพันธ์ ศรีนวล", "หัวหน้าฝ่ายบริการและเผยแพร่วิชาการ"),
            ("นางสาวเบญจวรรณ ทองคำ", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
        ],
    ),
    "assets": (
        "0 5621 9590",
        duties(
            "กองสารสนเทศภาคีและทรัพย์สินดูแลระบบสารสนเทศ ความร่วมมือกับภาคีเครือข่าย และทรัพย์สินของเทศบาล",
            "การพัฒนาและดูแลระบบคอมพิวเตอร์ เครือข่าย และเว็บไซต์ของเทศบาล",
            "การจัดทำแผนที่ภาษีและทะเบียนทรัพย์สิน",
            "การบริหารและจัดหาประโยชน์จากทรัพย์สินของเทศบาล เช่น ตลาดและอาคารให้เช่า",
            "การประสานความร่วมมือกับภาคีเครือข่ายภาครัฐ เอกชน และประชาชน",
        ),
        [
            ("นายศักดิ์ชัย เจริญผล", "ผู้อำนวยการกองสารสนเทศภาคีและทรัพย์สิน"),
            ("นายปิยะพงษ์ ศรีเมือง", "หัวหน้าฝ่ายสารสนเทศ"),
            ("นางสาวดวงใจ ทองประเสริฐ", "หัวหน้าฝ่ายบริหารทรัพย์สิน"),
            ("นายธนพล วงศ์ชัย", "นักวิชาการคอมพิวเตอร์ชำนาญการ"),
        ],
    ),
}

EXECUTIVES = [
    (MAYOR, "นายกเทศมนตรีนครนครสวรรค์", "0 5621 9501"),
    ("นายสมเกียรติ ภู่ทอง", "รองนายกเทศมนตรี", "0 5621 9502"),
    ("นายวิเชียร แก้วประดิษฐ์", "รองนายกเทศมนตรี", "0 5621 9503"),
    ("นางสาวรัตนา เจริญสุข", "รองนายกเทศมนตรี", "0 5621 9504"),
    ("นายภาณุพงศ์ อ่อนศรี", "เลขานุการนายกเทศมนตรี", "0 5621 9505"),
]

# Six members for each of the four electoral districts.
COUNCIL_DISTRICTS = [
    [
        "นายสุวิทย์ ชื่นชม",
        "นายบุญส่ง ทองใบ",
        "นายชัยวัฒน์ ปิ่นแก้ว",
        "นางสมพร แดงงาม",
        "นายวิทยา สุวรรณรัตน์",
        "นายณรงค์ ศักดิ์ดี",
    ],
    [
        "นางอรพิน สุขสวัสดิ์",
        "นายมานพ เพ็ชรสุวรรณ",
        "นางสาวสุดารัตน์ อินทรสุข",
        "นายเกรียงไกร บุญมา",
        "นายพิชิต แสงจันทร์",
        "นางจันทร์เพ็ญ ศรีทอง",
    ],
    [
        "นายสมบัติ เกตุแก้ว",
        "นายวรวุฒิ คงสมบูรณ์",
        "นางสาวอำไพ รักษาวงศ์",
        "นายทวีศักดิ์ มณีรัตน์",
        "นายอดิศักดิ์ ภู่ระหงษ์",
        "นางบุษบา จันทร์หอม",
    ],
    [
        "นายประพันธ์ ศรีประเสริฐ",
        "นายสุรศักดิ์ ทองอินทร์",
        "นางวิไลวรรณ ปัญญาดี",
        "นายชูชาติ รอดเจริญ",
        "นายธวัชชัย บุญประคอง",
        "นางสาวลำดวน พวงมาลัย",
    ],
]
COUNCIL_OFFICERS = {
    "นายสุวิทย์ ชื่นชม": ("ประธานสภาเทศบาล", "0 5621 9506"),
    "นางอรพิน สุขสวัสดิ์": ("รองประธานสภาเทศบาล", "0 5621 9507"),
}

PAST_MAYORS = [
    ("นายเฉลิม ศรีวิบูลย์", 2519, 2523),
    ("นายสนั่น ประเสริฐวงศ์", 2523, 2528),
    ("นายบุญเลิศ ตันติวงศ์", 2528, 2533),
    ("นายวิรัช อุดมผล", 2533, 2538),
    ("นายสมหมาย ธนะสาร", 2538, 2542),
    ("นายอุดม วัฒนกุล", 2542, 2547),
    ("นายชวลิต พานิชกุล", 2547, 2551),
    ("นายไพศาล เลิศพิพัฒน์", 2551, 2555),
    (MAYOR, 2555, None),
]
PAST_CLERKS = [
    ("นายประสิทธิ์ มณีวงศ์", 2520, 2526),
    ("นายสุชาติ บุญยืน", 2526, 2532),
    ("นายอำนวย ศรีสุข", 2532, 2537),
    ("นายเสถียร ทองเจริญ", 2537, 2543),
    ("นายวัฒนา ใจกล้า", 2543, 2549),
    ("นายสมพงษ์ รัตนพันธ์", 2549, 2556),
    ("นางศรีสุดา พงษ์ไพบูลย์", 2556, 2566),
    (CLERK, 2566, None),
]

DIRECTORIES = {
    # slug: (kind, title, English title, introduction, English introduction)
    "executives": (
        PersonDirectoryPage.Kind.EXECUTIVES,
        "คณะผู้บริหาร",
        "Executive board",
        "นายกเทศมนตรีนครนครสวรรค์และคณะผู้บริหาร ซึ่งมาจากการเลือกตั้งเมื่อ พ.ศ. 2564",
        "The Mayor of Nakhon Sawan City and the executive board, elected in 2021.",
    ),
    "council": (
        PersonDirectoryPage.Kind.COUNCIL,
        "สมาชิกสภาเทศบาล",
        "Council members",
        "สมาชิกสภาเทศบาลนครนครสวรรค์ 24 คน จากสี่เขตเลือกตั้ง เขตละหกคน",
        "The 24 members of the municipal council, six from each of the four electoral districts.",
    ),
    "past-mayors": (
        PersonDirectoryPage.Kind.PAST_MAYORS,
        "ทำเนียบนายกเทศมนตรี",
        "Past and present mayors",
        "นายกเทศมนตรีนครสวรรค์ตั้งแต่อดีตจนถึงปัจจุบัน",
        "The mayors of Nakhon Sawan from the past to the present.",
    ),
    "past-clerks": (
        PersonDirectoryPage.Kind.PAST_CLERKS,
        "ทำเนียบปลัดเทศบาล",
        "Municipal clerks",
        "ปลัดเทศบาลนครนครสวรรค์ตั้งแต่อดีตจนถึงปัจจุบัน",
        "The municipal clerks of Nakhon Sawan from the past to the present.",
    ),
}

PHONE_TITLE = "เบอร์โทรศัพท์ภายใน"
PHONE_INTRO = (
    "หมายเลขภายในของหน่วยงานและห้องต่าง ๆ ของเทศบาลนครนครสวรรค์ "
    "ค้นหาตามหน่วยงาน หรือพิมพ์ชื่องาน ชั้น ห้อง หรือหมายเลข"
)
PHONE_EN = {
    PHONE_TITLE: "Internal phone numbers",
    PHONE_INTRO: (
        "Extensions of the municipality's units and rooms. "
        "Filter by unit, or type a section, floor, room or number."
    ),
}

MAIN = ("อาคารสำนักงานเทศบาล", "Municipal office building")
EDUCATION = ("อาคารสำนักการศึกษา", "Education Office building")
HEALTH = ("อาคารสำนักการสาธารณสุข", "Public Health Office building")
WATERWORKS = ("อาคารสำนักการประปา", "Waterworks Office building")
PLANT = ("โรงกรองน้ำ", "Water treatment plant")
FIRE_STATION = ("สถานีดับเพลิง", "Fire station")

# Where everything is, entered once (ownership.Office): (unit slug or None, section or room
# (empty: the unit's own office), its English name, building, floor, room, extension, direct
# line). The building directory, the unit pages and the phone directory all read these.
OFFICES = [
    (
        None,
        "ศูนย์บริการประชาชนแบบเบ็ดเสร็จ",
        "One-stop service centre",
        MAIN,
        1,
        "100",
        "1100",
        "0 5621 9500",
    ),
    ("clerk", "ศูนย์รับเรื่องราวร้องทุกข์", "Complaints centre", MAIN, 1, "101", "1101", "0 5621 9555"),
    (
        "clerk",
        "งานทะเบียนราษฎรและบัตรประจำตัวประชาชน",
        "Civil registration and ID cards",
        MAIN,
        1,
        "102",
        "1102",
        "0 5621 9512",
    ),
    ("finance", "", "", MAIN, 1, "103–105", "", ""),
    (
        "finance",
        "งานผลประโยชน์ (ชำระภาษีและค่าธรรมเนียม)",
        "Revenue (taxes and fees)",
        MAIN,
        1,
        "103",
        "1103",
        "0 5621 9522",
    ),
    ("finance", "งานการเงินและบัญชี", "Finance and accounts", MAIN, 1, "104", "1104", ""),
    ("finance", "งานพัสดุและจัดซื้อจัดจ้าง", "Procurement", MAIN, 1, "105", "1105", "0 5621 9524"),
    ("welfare", "", "", MAIN, 1, "106", "1106", "0 5621 9572"),
    ("clerk", "", "", MAIN, 2, "201–203", "", ""),
    (
        "clerk",
        "งานธุรการและสารบรรณ",
        "Administration and correspondence",
        MAIN,
        2,
        "201",
        "2201",
        "0 5621 9511",
    ),
    ("clerk", "งานการเจ้าหน้าที่", "Personnel", MAIN, 2, "202", "2202", ""),
    ("engineering", "", "", MAIN, 2, "204–205", "", ""),
    (
        "engineering",
        "งานควบคุมอาคาร (ขออนุญาตก่อสร้าง)",
        "Building control (permits)",
        MAIN,
        2,
        "204",
        "2204",
        "0 5621 9533",
    ),
    (
        "engineering",
        "งานไฟฟ้าสาธารณะ ถนน และท่อระบายน้ำ",
        "Street lights, roads and drains",
        MAIN,
        2,
        "205",
        "2205",
        "",
    ),
    ("planning", "", "", MAIN, 3, "301–303", "", ""),
    ("planning", "งานนโยบายและแผน", "Policy and planning", MAIN, 3, "301", "3301", "0 5621 9581"),
    ("planning", "งานงบประมาณ", "Budget", MAIN, 3, "302", "3302", ""),
    ("planning", "งานประชาสัมพันธ์", "Public relations", MAIN, 3, "303", "3303", "0 5621 9583"),
    ("assets", "", "", MAIN, 3, "304–305", "", ""),
    (
        "assets",
        "งานสารสนเทศและเว็บไซต์",
        "Information technology and website",
        MAIN,
        3,
        "304",
        "3304",
        "0 5621 9592",
    ),
    (
        "assets",
        "งานแผนที่ภาษีและทะเบียนทรัพย์สิน",
        "Tax maps and property register",
        MAIN,
        3,
        "305",
        "3305",
        "",
    ),
    (None, "ห้องนายกเทศมนตรี", "Mayor's office", MAIN, 4, "401", "4401", "0 5621 9501"),
    (None, "ห้องรองนายกเทศมนตรี", "Deputy mayors' offices", MAIN, 4, "402", "4402", ""),
    ("clerk", "ห้องปลัดเทศบาล", "Municipal Clerk's office", MAIN, 4, "403", "4403", "0 5621 9510"),
    (
        None,
        "สำนักงานสภาเทศบาลและห้องประชุมสภา",
        "Council office and chamber",
        MAIN,
        4,
        "404",
        "4404",
        "0 5621 9506",
    ),
    ("audit", "", "", MAIN, 4, "405", "4405", "0 5621 9590"),
    ("education", "", "", EDUCATION, 1, "", "", ""),
    (
        "education",
        "งานบริหารการศึกษา",
        "Education administration",
        EDUCATION,
        1,
        "",
        "5101",
        "0 5621 9550",
    ),
    ("education", "งานกีฬาและนันทนาการ", "Sports and recreation", EDUCATION, 2, "", "5201", ""),
    ("health", "", "", HEALTH, 1, "", "", ""),
    ("health", "ศูนย์บริการสาธารณสุข", "Public health centre", HEALTH, 1, "", "6101", "0 5621 9541"),
    (
        "health",
        "งานรักษาความสะอาด (แจ้งเก็บขยะ)",
        "Cleansing (waste collection)",
        HEALTH,
        1,
        "",
        "6102",
        "0 5621 9544",
    ),
    ("waterworks", "", "", WATERWORKS, 1, "", "", ""),
    (
        "waterworks",
        "งานบริการผู้ใช้น้ำ (ขอติดตั้ง แจ้งท่อแตก)",
        "Customer service (connections, burst pipes)",
        WATERWORKS,
        1,
        "",
        "7101",
        "0 5621 9563",
    ),
    ("waterworks", "งานผลิตน้ำประปา", "Water production", PLANT, None, "", "7201", ""),
    (
        "clerk",
        "งานป้องกันและบรรเทาสาธารณภัย",
        "Disaster prevention and relief",
        FIRE_STATION,
        None,
        "",
        "8101",
        "0 5621 9516",
    ),
]


def load_offices():
    """The offices of ``OFFICES`` (found again by unit and name, so loading twice adds none),
    each with its phone entry, if it has an extension."""
    offices = []
    for slug, name, name_en, (building, building_en), floor, room, extension, line in OFFICES:
        office, _created = Office.objects.update_or_create(
            unit=unit(slug) if slug else None,
            name=name,
            defaults={
                "name_en": name_en,
                "building": building,
                "building_en": building_en,
                "floor": floor,
                "room": room,
                "sort_order": len(offices),
            },
        )
        offices.append((office, extension, line))
    return [
        PhoneEntry(
            sort_order=number,
            office=office,
            unit_id=office.unit_id,
            extension=extension,
            direct_line=line,
        )
        for number, (office, extension, line) in enumerate(row for row in offices if row[1])
    ]


def load_unit_page(index, slug, phone, unit_duties, people):
    department = unit(slug)
    base = int(phone[-2:])  # each unit's people follow its own number: 9510 → 9511, 9512…
    page = child_page(
        index,
        DepartmentPage,
        slug,
        title=department.name,
        unit=department,
        phone=phone,
        email=f"{slug}@nakhonsawancity.go.th",
        duties=unit_duties,
        people=[
            DepartmentPerson(
                sort_order=number,
                name=name,
                position=position,
                phone=f"0 5621 95{base + number:02d}",
                email=f"{slug}@nakhonsawancity.go.th" if number == 1 else "",
                photo=demo_portrait(name),
            )
            for number, (name, position) in enumerate(people, start=1)
        ],
    )
    translate_page(page, "en", {department.name: department.name_en, **POSITIONS_EN})


def council_members():
    for district, names in enumerate(COUNCIL_DISTRICTS, start=1):
        for name in names:
            position, phone = COUNCIL_OFFICERS.get(
                name, (f"สมาชิกสภาเทศบาล เขตเลือกตั้งที่ {district}", "")
            )
            yield name, position, phone


def directory_people(slug):
    if slug == "executives":
        rows = [(name, position, phone, CURRENT_TERM, None) for name, position, phone in EXECUTIVES]
    elif slug == "council":
        rows = [(*member, CURRENT_TERM, None) for member in council_members()]
    else:
        position = "นายกเทศมนตรี" if slug == "past-mayors" else "ปลัดเทศบาล"
        holders = PAST_MAYORS if slug == "past-mayors" else PAST_CLERKS
        rows = [(name, position, "", start, end) for name, start, end in holders]
    return [
        DirectoryPerson(
            sort_order=number,
            name=name,
            position=position,
            phone=phone,
            term_start=start,
            term_end=end,
            photo=demo_portrait(name),
        )
        for number, (name, position, phone, start, end) in enumerate(rows)
    ]


def load(home):
    clerk = unit("clerk")
    index = child_page(
        home,
        DepartmentIndexPage,
        "departments",
        title=INDEX_TITLE,
        intro=INDEX_INTRO,
        responsible_unit=clerk,
    )
    translate_page(index, "en", INDEX_EN)
    for slug, (phone, unit_duties, people) in UNIT_PAGES.items():
        load_unit_page(index, slug, phone, unit_duties, people)

    for slug, (kind, title, title_en, intro, intro_en) in DIRECTORIES.items():
        page = child_page(
            home,
            PersonDirectoryPage,
            slug,
            title=title,
            kind=kind,
            intro=intro,
            show_in_menus=True,
            responsible_unit=clerk,
            people=directory_people(slug),
        )
        translate_page(page, "en", {title: title_en, intro: intro_en, **POSITIONS_EN})

    phones = child_page(
        home,
        PhoneDirectoryPage,
        "phone-directory",
        title=PHONE_TITLE,
        intro=PHONE_INTRO,
        show_in_menus=True,
        responsible_unit=clerk,
        entries=load_offices(),
    )
    translate_page(phones, "en", PHONE_EN)
