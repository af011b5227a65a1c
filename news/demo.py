"""Demo news (H2, H3) and publications (H4) of Nakhon Sawan City Municipality.

Dates are counted back from the day of the first run, so the news always looks recent.
"""

import datetime

from django.utils import timezone

from core.demo import child_page, demo_document, demo_image, translate_page, unit
from news.models import NewsCategory, NewsIndexPage, NewsPage, PublicationIndexPage, PublicationPage

MUNICIPAL = NewsCategory.MUNICIPAL
ACTIVITY = NewsCategory.ACTIVITY

NEWS_INDEX = {
    "title": "ข่าวสาร",
    "intro": "ข่าวสารการดำเนินงานของเทศบาลนครนครสวรรค์ และข่าวกิจกรรมของผู้บริหารและหน่วยงาน",
    "listing_summary": "ข่าวสารเทศบาลและข่าวกิจกรรม",
}
NEWS_INDEX_EN = {
    "ข่าวสาร": "News",
    NEWS_INDEX["intro"]: "News of the work of Nakhon Sawan City Municipality, and of the "
    "activities of its executives and units.",
    "ข่าวสารเทศบาลและข่าวกิจกรรม": "Municipal news and activity news",
}

PUBLICATION_INDEX = {
    "title": "เอกสารเผยแพร่",
    "intro": "รายงานประจำปี วารสารท้องถิ่น และคู่มือประชาชน ดาวน์โหลดได้โดยไม่ต้องลงทะเบียน",
    "listing_summary": "รายงานประจำปี วารสารท้องถิ่น คู่มือประชาชน",
}
PUBLICATION_INDEX_EN = {
    "เอกสารเผยแพร่": "Publications",
    PUBLICATION_INDEX["intro"]: "Annual reports, the local journal and citizen handbooks, "
    "free to download without registering.",
    PUBLICATION_INDEX["listing_summary"]: "Annual reports, local journal, citizen handbooks",
}

# slug, days ago, category, unit, title, summary, paragraphs, gallery captions, English
NEWS = [
    (
        "flood-preparedness-chao-phraya",
        12,
        MUNICIPAL,
        "clerk",
        "เทศบาลเตรียมความพร้อมรับมือน้ำหลากริมแม่น้ำเจ้าพระยา",
        "ตรวจความพร้อมเครื่องสูบน้ำและแนวกระสอบทรายชุมชนริมน้ำ",
        [
            "นายกเทศมนตรีนครนครสวรรค์พร้อมด้วยสำนักปลัดเทศบาลและสำนักงานช่าง "
            "ลงพื้นที่ตรวจความพร้อมของเครื่องสูบน้ำ ประตูระบายน้ำ และแนวกระสอบทราย "
            "ตามแนวตลิ่งแม่น้ำเจ้าพระยาบริเวณชุมชนริมน้ำ ตำบลปากน้ำโพ",
            "เทศบาลได้จัดเตรียมเครื่องสูบน้ำขนาดใหญ่ 12 เครื่อง กระสอบทรายกว่า 20,000 ใบ "
            "และเรือท้องแบนสำหรับช่วยเหลือประชาชน หากระดับน้ำสูงขึ้น "
            "ขอให้ประชาชนติดตามประกาศของเทศบาลอย่างใกล้ชิด",
        ],
        ["ตรวจเครื่องสูบน้ำริมแม่น้ำเจ้าพระยา", "แนวกระสอบทรายชุมชนริมน้ำ", "เรือท้องแบนพร้อมใช้งาน"],
        {
            "title": "Municipality prepares for high water along the Chao Phraya",
            "summary": "Pumps and sandbag lines checked in riverside communities",
            "paragraphs": [
                "The mayor of Nakhon Sawan, with the Office of the Municipal Clerk and the "
                "Engineering Office, inspected pumps, sluice gates and sandbag lines along the "
                "Chao Phraya river bank in the riverside communities of Pak Nam Pho.",
                "The municipality has 12 large pumps, more than 20,000 sandbags and flat-bottomed "
                "boats ready to help residents if the water rises. Please follow the "
                "municipality's announcements closely.",
            ],
            "captions": [
                "Checking pumps on the Chao Phraya",
                "Sandbag line in a riverside community",
                "Flat-bottomed boats ready for use",
            ],
        },
    ),
    (
        "dengue-control-campaign",
        20,
        ACTIVITY,
        "health",
        "รณรงค์ป้องกันและควบคุมโรคไข้เลือดออกในชุมชน",
        "ทำลายแหล่งเพาะพันธุ์ยุงลายและพ่นหมอกควันในชุมชนเขตเทศบาล",
        [
            "สำนักงานการสาธารณสุขและสิ่งแวดล้อม ร่วมกับอาสาสมัครสาธารณสุขประจำหมู่บ้าน "
            "จัดกิจกรรมรณรงค์ป้องกันโรคไข้เลือดออก ด้วยมาตรการ 3 เก็บ "
            "เก็บบ้าน เก็บขยะ เก็บน้ำ ในชุมชนเขตเทศบาลนครนครสวรรค์",
            "เจ้าหน้าที่ได้พ่นหมอกควันกำจัดยุงลายตัวเต็มวัย และแจกทรายอะเบทให้ครัวเรือน "
            "ประชาชนที่มีไข้สูงติดต่อกันเกิน 2 วัน ควรรีบพบแพทย์",
        ],
        ["อาสาสมัครสาธารณสุขสำรวจลูกน้ำยุงลาย", "พ่นหมอกควันกำจัดยุงลาย"],
        {
            "title": "Dengue prevention and control campaign in the communities",
            "summary": "Mosquito breeding sites removed and fogging in municipal communities",
            "paragraphs": [
                "The Public Health and Environment Office, with village health volunteers, ran a "
                "dengue prevention campaign based on the three clean-ups - homes, rubbish and "
                "water containers - in the communities of Nakhon Sawan City.",
                "Staff fogged against adult mosquitoes and handed out larvicide sand to "
                "households. Anyone with a high fever for more than two days should see a doctor.",
            ],
            "captions": ["Volunteers checking for mosquito larvae", "Fogging against mosquitoes"],
        },
    ),
    (
        "pak-nam-pho-festival-planning",
        5,
        MUNICIPAL,
        "planning",
        "ประชุมเตรียมงานประเพณีแห่เจ้าพ่อ-เจ้าแม่ปากน้ำโพ ประจำปี 2570",
        "ประชุมคณะกรรมการจัดงานตรุษจีนปากน้ำโพร่วมกับมูลนิธิและภาคเอกชน",
        [
            "เทศบาลนครนครสวรรค์ โดยกองวิชาการและแผนงาน จัดประชุมคณะกรรมการเตรียมงาน "
            "ประเพณีแห่เจ้าพ่อ-เจ้าแม่ปากน้ำโพ ซึ่งจัดขึ้นในช่วงเทศกาลตรุษจีนของทุกปี "
            "ร่วมกับมูลนิธิสมาคมจีน หน่วยงานราชการ และภาคเอกชน",
            "ที่ประชุมได้กำหนดเส้นทางขบวนแห่ จุดบริการนักท่องเที่ยว การจัดการจราจร "
            "และการดูแลความสะอาดตลอดงาน เพื่อให้ประชาชนและนักท่องเที่ยวร่วมงานอย่างปลอดภัย",
        ],
        ["ที่ประชุมคณะกรรมการจัดงาน", "แผนที่เส้นทางขบวนแห่"],
        {
            "title": "Planning meeting for the Pak Nam Pho Chao Pho-Chao Mae procession",
            "summary": "The Chinese New Year festival committee meets with foundations and "
            "businesses",
            "paragraphs": [
                "Nakhon Sawan City Municipality, through the Academic Affairs and Planning "
                "Division, held a committee meeting to prepare the Pak Nam Pho Chao Pho-Chao Mae "
                "procession, held every year at Chinese New Year, with the Chinese associations, "
                "government agencies and businesses.",
                "The meeting set the procession route, visitor service points, traffic "
                "arrangements and cleaning throughout the festival, so that residents and "
                "visitors can join in safely.",
            ],
            "captions": ["The festival committee meeting", "Map of the procession route"],
        },
    ),
    (
        "road-repair-sawanwithi",
        33,
        MUNICIPAL,
        "engineering",
        "ซ่อมแซมผิวจราจรถนนสวรรค์วิถีและถนนในชุมชน",
        "สำนักงานช่างซ่อมหลุมบ่อและปรับปรุงผิวจราจรแอสฟัลต์",
        [
            "สำนักงานช่างดำเนินการซ่อมแซมหลุมบ่อและปูผิวจราจรแอสฟัลต์ติกคอนกรีต "
            "บนถนนสวรรค์วิถีและถนนในชุมชนที่ได้รับความเสียหายจากฝนตกหนัก",
            "ระหว่างการซ่อมแซม เทศบาลขออภัยในความไม่สะดวก และขอให้ผู้ขับขี่ใช้ความระมัดระวัง "
            "ตามป้ายเตือนของเจ้าหน้าที่",
        ],
        ["ซ่อมหลุมบ่อถนนสวรรค์วิถี", "ปูผิวแอสฟัลต์ใหม่"],
        None,
    ),
    (
        "mayor-visits-communities",
        41,
        ACTIVITY,
        "welfare",
        "นายกเทศมนตรีลงพื้นที่รับฟังปัญหาชุมชนเขตเทศบาล",
        "โครงการเทศบาลเคลื่อนที่พบประชาชน รับเรื่องร้องเรียนและให้บริการนอกสถานที่",
        [
            "นายกเทศมนตรีนครนครสวรรค์ พร้อมคณะผู้บริหารและกองสวัสดิการสังคม "
            "ลงพื้นที่ชุมชนในเขตเทศบาลตามโครงการเทศบาลเคลื่อนที่พบประชาชน "
            "เพื่อรับฟังปัญหาและความต้องการของประชาชนโดยตรง",
            "ภายในงานมีการให้บริการรับชำระภาษี ลงทะเบียนเบี้ยยังชีพผู้สูงอายุและคนพิการ "
            "ตรวจสุขภาพเบื้องต้น และรับเรื่องร้องเรียนเพื่อส่งต่อหน่วยงานที่เกี่ยวข้อง",
        ],
        ["นายกเทศมนตรีพบปะประชาชน", "ลงทะเบียนเบี้ยยังชีพ", "ตรวจสุขภาพเบื้องต้น"],
        {
            "title": "Mayor visits communities to hear residents' concerns",
            "summary": "The mobile municipality takes complaints and services to the communities",
            "paragraphs": [
                "The mayor of Nakhon Sawan, with the executive board and the Social Welfare "
                "Division, visited communities in the municipality under the mobile municipality "
                "project, to hear residents' problems and needs first-hand.",
                "Residents could pay local taxes, register for the old-age and disability "
                "allowances, have a basic health check and file complaints, which are passed on "
                "to the units concerned.",
            ],
            "captions": [
                "The mayor meets residents",
                "Registering for allowances",
                "Basic health checks",
            ],
        },
    ),
    (
        "school-sports-day",
        55,
        ACTIVITY,
        "education",
        "การแข่งขันกีฬานักเรียนโรงเรียนเทศบาล ประจำปีการศึกษา 2569",
        "นักเรียนโรงเรียนเทศบาลทั้ง 8 แห่งร่วมแข่งขันกีฬาและกรีฑา",
        [
            "สำนักงานการศึกษาจัดการแข่งขันกีฬานักเรียนโรงเรียนในสังกัดเทศบาลนครนครสวรรค์ "
            "ทั้ง 8 แห่ง ณ สนามกีฬากลางจังหวัดนครสวรรค์ เพื่อส่งเสริมสุขภาพและความสามัคคี",
            "การแข่งขันประกอบด้วยกรีฑา ฟุตบอล วอลเลย์บอล และเปตอง โดยมีผู้ปกครองและประชาชนร่วมเชียร์อย่างคึกคัก",
        ],
        ["พิธีเปิดการแข่งขันกีฬา", "การแข่งขันกรีฑา"],
        None,
    ),
    (
        "tap-water-quality",
        68,
        MUNICIPAL,
        "waterworks",
        "การประปาเทศบาลตรวจคุณภาพน้ำประปาตามมาตรฐาน",
        "ผลการตรวจคุณภาพน้ำประปาผ่านเกณฑ์มาตรฐานน้ำดื่มทุกจุด",
        [
            "สำนักงานการประปาเก็บตัวอย่างน้ำประปาจากโรงผลิตน้ำและจุดจ่ายน้ำในชุมชน "
            "ส่งตรวจคุณภาพทางกายภาพ เคมี และจุลชีววิทยา",
            "ผลการตรวจพบว่าคุณภาพน้ำประปาผ่านเกณฑ์มาตรฐานทุกจุด "
            "ประชาชนที่พบน้ำขุ่นหรือมีกลิ่นผิดปกติ แจ้งได้ที่ศูนย์รับเรื่องร้องเรียน",
        ],
        ["เก็บตัวอย่างน้ำประปา", "โรงผลิตน้ำประปาเทศบาล"],
        None,
    ),
    (
        "land-tax-payment-period",
        85,
        MUNICIPAL,
        "finance",
        "ขอเชิญชวนชำระภาษีที่ดินและสิ่งปลูกสร้างภายในกำหนด",
        "สำนักงานคลังเปิดจุดรับชำระภาษีเพิ่มและรับชำระผ่านแอปพลิเคชัน",
        [
            "สำนักงานคลัง เทศบาลนครนครสวรรค์ ขอเชิญชวนเจ้าของที่ดินและสิ่งปลูกสร้าง "
            "ชำระภาษีภายในกำหนด เพื่อหลีกเลี่ยงเบี้ยปรับและเงินเพิ่ม",
            "ประชาชนชำระได้ที่สำนักงานเทศบาล จุดบริการเคลื่อนที่ในชุมชน หรือผ่านแอปพลิเคชันของเทศบาลและพร้อมเพย์",
        ],
        ["จุดรับชำระภาษีที่สำนักงานเทศบาล", "บริการรับชำระภาษีเคลื่อนที่"],
        None,
    ),
    (
        "big-cleaning-day-market",
        97,
        ACTIVITY,
        "health",
        "กิจกรรม Big Cleaning Day ตลาดสดเทศบาล",
        "ล้างทำความสะอาดตลาดสดครั้งใหญ่ร่วมกับผู้ค้า",
        [
            "สำนักงานการสาธารณสุขและสิ่งแวดล้อมร่วมกับผู้ค้า จัดกิจกรรมล้างทำความสะอาด "
            "ตลาดสดเทศบาลครั้งใหญ่ ทั้งแผงค้า ทางเดิน และท่อระบายน้ำ",
            "เพื่อให้ตลาดสะอาด ปลอดภัย ได้มาตรฐานตลาดสดน่าซื้อ",
        ],
        ["ล้างทำความสะอาดแผงค้า", "ผู้ค้าร่วมกิจกรรม"],
        None,
    ),
    (
        "community-waste-sorting",
        110,
        ACTIVITY,
        "health",
        "อบรมการคัดแยกขยะต้นทางให้แกนนำชุมชน",
        "ลดปริมาณขยะด้วยการคัดแยกขยะอินทรีย์และขยะรีไซเคิล",
        [
            "เทศบาลจัดอบรมแกนนำชุมชนเรื่องการคัดแยกขยะต้นทาง การทำปุ๋ยหมักจากขยะอินทรีย์ "
            "และการจัดตั้งธนาคารขยะรีไซเคิลในชุมชน",
        ],
        ["การอบรมแกนนำชุมชน", "ธนาคารขยะรีไซเคิล"],
        None,
    ),
    (
        "public-park-renovation",
        124,
        MUNICIPAL,
        "assets",
        "ปรับปรุงสวนสาธารณะและลานกีฬาชุมชน",
        "ติดตั้งไฟส่องสว่างและเครื่องออกกำลังกายใหม่",
        [
            "กองสารสนเทศภาคีและทรัพย์สินร่วมกับสำนักงานช่าง ปรับปรุงสวนสาธารณะและลานกีฬาชุมชน "
            "ติดตั้งไฟส่องสว่าง เครื่องออกกำลังกายกลางแจ้ง และม้านั่ง",
        ],
        ["ไฟส่องสว่างในสวนสาธารณะ", "เครื่องออกกำลังกายกลางแจ้ง"],
        None,
    ),
    (
        "elderly-allowance-registration",
        150,
        MUNICIPAL,
        "welfare",
        "เปิดลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุรายใหม่",
        "ผู้ที่จะอายุครบ 60 ปี ลงทะเบียนได้ที่กองสวัสดิการสังคม",
        [
            "กองสวัสดิการสังคมเปิดรับลงทะเบียนผู้มีสิทธิรับเบี้ยยังชีพผู้สูงอายุรายใหม่ "
            "สำหรับผู้ที่จะมีอายุครบ 60 ปีบริบูรณ์ในปีงบประมาณถัดไป",
            "เอกสารที่ใช้ ได้แก่ บัตรประจำตัวประชาชน ทะเบียนบ้าน และสมุดบัญชีเงินฝากธนาคาร",
        ],
        ["จุดรับลงทะเบียนเบี้ยยังชีพ", "เจ้าหน้าที่ให้คำแนะนำ"],
        None,
    ),
    (
        "fire-drill-office",
        172,
        ACTIVITY,
        "clerk",
        "ฝึกซ้อมแผนป้องกันและระงับอัคคีภัยอาคารสำนักงานเทศบาล",
        "เจ้าหน้าที่ฝึกอพยพหนีไฟและใช้ถังดับเพลิง",
        [
            "สำนักปลัดเทศบาลจัดฝึกซ้อมแผนป้องกันและระงับอัคคีภัยประจำปี "
            "ให้เจ้าหน้าที่ฝึกการอพยพหนีไฟ การใช้ถังดับเพลิง และการปฐมพยาบาลเบื้องต้น",
        ],
        ["ฝึกใช้ถังดับเพลิง", "ฝึกอพยพหนีไฟ"],
        None,
    ),
    (
        "tree-planting-riverbank",
        195,
        ACTIVITY,
        "education",
        "นักเรียนและจิตอาสาร่วมปลูกต้นไม้ริมแม่น้ำเจ้าพระยา",
        "เพิ่มพื้นที่สีเขียวและป้องกันการพังทลายของตลิ่ง",
        [
            "นักเรียนโรงเรียนเทศบาลและจิตอาสาร่วมปลูกต้นไม้ริมตลิ่งแม่น้ำเจ้าพระยา "
            "เพื่อเพิ่มพื้นที่สีเขียวและช่วยป้องกันการพังทลายของตลิ่ง",
        ],
        ["นักเรียนร่วมปลูกต้นไม้", "จิตอาสาริมแม่น้ำเจ้าพระยา"],
        None,
    ),
    (
        "development-plan-hearing",
        228,
        MUNICIPAL,
        "planning",
        "ประชาคมรับฟังความคิดเห็นแผนพัฒนาท้องถิ่น",
        "ประชาชนร่วมเสนอโครงการเพื่อบรรจุในแผนพัฒนาท้องถิ่น",
        [
            "กองวิชาการและแผนงานจัดเวทีประชาคมรับฟังความคิดเห็นของประชาชน "
            "เพื่อจัดทำแผนพัฒนาท้องถิ่น โดยมีผู้แทนชุมชนร่วมเสนอโครงการด้านถนน ระบบระบายน้ำ "
            "และไฟฟ้าส่องสว่าง",
        ],
        ["เวทีประชาคมแผนพัฒนาท้องถิ่น", "ผู้แทนชุมชนเสนอโครงการ"],
        None,
    ),
]

# slug, kind, year, unit, title, summary, English
PUBLICATIONS = [
    (
        "annual-report-2567",
        "annual_report",
        2567,
        "planning",
        "รายงานประจำปี 2567",
        "ผลการดำเนินงานตามแผนพัฒนาท้องถิ่น ผลการใช้จ่ายงบประมาณ "
        "และโครงการสำคัญของเทศบาลนครนครสวรรค์ในปี 2567",
        {
            "title": "Annual report 2567 (2024)",
            "summary": "Results against the local development plan, budget spending and the "
            "main projects of Nakhon Sawan City Municipality in 2567 (2024).",
        },
    ),
    (
        "annual-report-2566",
        "annual_report",
        2566,
        "planning",
        "รายงานประจำปี 2566",
        "ผลการดำเนินงานตามยุทธศาสตร์การพัฒนา 6 ด้าน และงบการเงินของเทศบาลในปี 2566",
        {
            "title": "Annual report 2566 (2023)",
            "summary": "Results of the six development strategies and the municipality's "
            "financial statements for 2566 (2023).",
        },
    ),
    (
        "journal-2568-2",
        "local_journal",
        2568,
        "assets",
        "วารสารเทศบาลนครนครสวรรค์ ฉบับที่ 2/2568",
        "ข่าวกิจกรรมรอบเมือง ความคืบหน้าโครงการพัฒนาเมือง และบทสัมภาษณ์ผู้บริหาร",
        None,
    ),
    (
        "journal-2568-1",
        "local_journal",
        2568,
        "assets",
        "วารสารเทศบาลนครนครสวรรค์ ฉบับที่ 1/2568",
        "งานประเพณีแห่เจ้าพ่อ-เจ้าแม่ปากน้ำโพ และการเตรียมรับมือฤดูน้ำหลาก",
        None,
    ),
    (
        "handbook-land-tax",
        "citizen_handbook",
        2568,
        "finance",
        "คู่มือประชาชน การชำระภาษีที่ดินและสิ่งปลูกสร้าง",
        "ขั้นตอน ระยะเวลา และช่องทางการชำระภาษีที่ดินและสิ่งปลูกสร้าง พร้อมอัตราภาษี",
        None,
    ),
    (
        "handbook-building-permit",
        "citizen_handbook",
        2567,
        "engineering",
        "คู่มือประชาชน การขออนุญาตก่อสร้างอาคาร",
        "เอกสารที่ต้องใช้ ขั้นตอน และระยะเวลาการขออนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร",
        None,
    ),
]


def figure(image, caption):
    return {
        "type": "figure",
        "value": {
            "image": {"image": image.pk, "alt_text": caption, "decorative": False},
            "caption": caption,
        },
    }


def load_news(home):
    index = child_page(home, NewsIndexPage, "news", responsible_unit=unit("clerk"), **NEWS_INDEX)
    translate_page(index, "en", NEWS_INDEX_EN)
    today = timezone.localdate()
    for slug, days_ago, category, unit_slug, title, summary, paragraphs, captions, en in NEWS:
        label = slug.replace("-", " ")
        photos = [
            demo_image(caption, f"{label} {n}") for n, caption in enumerate(captions, start=1)
        ]
        page = child_page(
            index,
            NewsPage,
            slug,
            title=title,
            date=today - datetime.timedelta(days=days_ago),
            category=category,
            responsible_unit=unit(unit_slug),
            listing_summary=summary,
            listing_image=photos[0],
            body=[{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs],
            gallery=[figure(photo, photo.title) for photo in photos],
        )
        if en:
            strings = {title: en["title"], summary: en["summary"]}
            strings.update(zip(paragraphs, en["paragraphs"], strict=True))
            strings.update(zip(captions, en["captions"], strict=True))
            translate_page(page, "en", strings)
    return index


def load_publications(home):
    index = child_page(
        home,
        PublicationIndexPage,
        "publications",
        responsible_unit=unit("planning"),
        **PUBLICATION_INDEX,
    )
    translate_page(index, "en", PUBLICATION_INDEX_EN)
    for slug, kind, year, unit_slug, title, summary, en in PUBLICATIONS:
        label = f"{slug.replace('-', ' ')}"
        page = child_page(
            index,
            PublicationPage,
            slug,
            title=title,
            kind=kind,
            year=year,
            responsible_unit=unit(unit_slug),
            listing_summary=summary,
            summary=summary,
            cover_image=demo_image(f"ปก {title}", label, size=(600, 800)),
            document=demo_document(title, label, pages=3),
        )
        if en:
            translate_page(page, "en", {title: en["title"], summary: en["summary"]})
    return index


def load(home):
    load_news(home)
    load_publications(home)
