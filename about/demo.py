"""Demo content of the about section: basic information, history, vision and map.

Each text is written as a (Thai, English) pair: the Thai builds the page, the pair feeds the
English translation. Run twice, it creates nothing new.
"""

from decimal import Decimal

from about.models import BasicInformationPage, HistoryPage, MapPage, VisionPage
from core.demo import CONTACT, child_page, demo_image, translate_page, unit

# Office of Nakhon Sawan City Municipality (approximate), shown on the map page.
OFFICE_LATITUDE = Decimal("15.703000")
OFFICE_LONGITUDE = Decimal("100.137000")

TITLES = {
    "ข้อมูลพื้นฐาน": "Basic information",
    "ประวัติความเป็นมา": "History",
    "วิสัยทัศน์และยุทธศาสตร์": "Vision and strategy",
    "แผนที่ตั้ง": "Location map",
}

SUMMARIES = [
    (
        "ขนาด ที่ตั้ง อาณาเขต ภูมิอากาศ แหล่งท่องเที่ยว และศักยภาพของเทศบาลนครนครสวรรค์",
        "Size, location, boundaries, climate, attractions and capacity of Nakhon Sawan City "
        "Municipality",
    ),
    (
        "ความเป็นมาของเทศบาลนครนครสวรรค์ และหน่วยงานในแต่ละชั้นของอาคารสำนักงาน",
        "How the municipality came to be, and which units sit on each floor of the office",
    ),
    (
        "วิสัยทัศน์ ยุทธศาสตร์การพัฒนา พันธกิจ และจุดมุ่งหมายเพื่อการพัฒนา",
        "Vision, development strategies, missions and development goals",
    ),
    (
        "ที่ตั้งสำนักงานเทศบาลนครนครสวรรค์ พร้อมลิงก์แผนที่ Google",
        "Where the municipal office is, with a link to Google Maps",
    ),
]

# B1: general conditions, one list of paragraphs (or bullet items) per topic.
SIZE_AND_LOCATION = [
    (
        "เทศบาลนครนครสวรรค์ตั้งอยู่ในเขตอำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์ ห่างจาก"
        "กรุงเทพมหานครไปทางทิศเหนือประมาณ 240 กิโลเมตร ตามทางหลวงแผ่นดินหมายเลข 1 "
        "(ถนนพหลโยธิน)",
        "Nakhon Sawan City Municipality lies in Mueang Nakhon Sawan District, Nakhon Sawan "
        "Province, about 240 kilometres north of Bangkok along Highway 1 (Phahonyothin Road).",
    ),
    (
        "มีพื้นที่ประมาณ 27.87 ตารางกิโลเมตร ตัวเมืองตั้งอยู่บริเวณปากน้ำโพ "
        "จุดที่แม่น้ำปิงและแม่น้ำน่านไหลมาบรรจบกันเป็นต้นแม่น้ำเจ้าพระยา",
        "It covers about 27.87 square kilometres. The town grew at Pak Nam Pho, where the Ping "
        "and Nan rivers meet to form the Chao Phraya River.",
    ),
]
BOUNDARIES = [
    (
        "ทิศเหนือ ติดต่อกับตำบลหนองปลิงและตำบลบึงเสนาท อำเภอเมืองนครสวรรค์",
        "North: Nong Pling and Bueng Senat subdistricts, Mueang Nakhon Sawan District",
    ),
    (
        "ทิศใต้ ติดต่อกับตำบลนครสวรรค์ออกและตำบลบางม่วง",
        "South: Nakhon Sawan Ok and Bang Muang subdistricts",
    ),
    (
        "ทิศตะวันออก ติดต่อกับตำบลหนองปลิงและตำบลกลางแดด",
        "East: Nong Pling and Klang Daet subdistricts",
    ),
    (
        "ทิศตะวันตก ติดต่อกับแม่น้ำเจ้าพระยาและตำบลแควใหญ่",
        "West: the Chao Phraya River and Khwae Yai subdistrict",
    ),
]
GEOGRAPHY = [
    (
        "พื้นที่ส่วนใหญ่เป็นที่ราบลุ่มริมแม่น้ำ สูงจากระดับน้ำทะเลปานกลางประมาณ 25–30 เมตร "
        "มีเนินเขาขนาดเล็กอยู่ในเขตเมือง เช่น เขากบ และเขาที่ตั้งวัดจอมคีรีนาคพรต",
        "Most of the area is river lowland, about 25–30 metres above mean sea level, with small "
        "hills inside the town such as Khao Kop and the hill of Wat Chom Khiri Nak Phrot.",
    ),
    (
        "ทรัพยากรธรรมชาติที่สำคัญคือแหล่งน้ำ ได้แก่ แม่น้ำปิง แม่น้ำน่าน และแม่น้ำเจ้าพระยา "
        "ซึ่งใช้ผลิตน้ำประปา ทำการเกษตร และคมนาคมทางน้ำ ใกล้เขตเทศบาลยังมีบึงบอระเพ็ด "
        "บึงน้ำจืดที่ใหญ่ที่สุดของประเทศไทย เป็นแหล่งประมงและที่อาศัยของนกน้ำ",
        "Its main natural resource is water: the Ping, Nan and Chao Phraya rivers supply tap "
        "water, farming and river transport. Near the municipality lies Bueng Boraphet, "
        "Thailand's largest freshwater lake, a fishery and a home for water birds.",
    ),
]
CLIMATE = [
    (
        "มีภูมิอากาศแบบร้อนชื้นสลับแห้ง แบ่งเป็น 3 ฤดู คือ ฤดูร้อน (กลางเดือนกุมภาพันธ์ถึงกลาง"
        "เดือนพฤษภาคม) ฤดูฝน (กลางเดือนพฤษภาคมถึงเดือนตุลาคม) และฤดูหนาว (เดือนพฤศจิกายนถึง"
        "กลางเดือนกุมภาพันธ์)",
        "The climate is tropical wet and dry, with three seasons: hot (mid-February to mid-May), "
        "rainy (mid-May to October) and cool (November to mid-February).",
    ),
    (
        "อุณหภูมิเฉลี่ยตลอดปีประมาณ 28 องศาเซลเซียส ช่วงเดือนเมษายนอาจสูงถึง 40 องศาเซลเซียส "
        "ปริมาณฝนเฉลี่ยประมาณ 1,100–1,200 มิลลิเมตรต่อปี",
        "The average temperature is about 28 °C over the year and may reach 40 °C in April; "
        "rainfall averages about 1,100–1,200 millimetres a year.",
    ),
]
ATTRACTIONS = [
    (
        "ต้นแม่น้ำเจ้าพระยา ปากน้ำโพ จุดบรรจบของแม่น้ำปิงและแม่น้ำน่าน",
        "The source of the Chao Phraya at Pak Nam Pho, where the Ping and Nan rivers meet",
    ),
    (
        "เขากบ จุดชมทิวทัศน์ของตัวเมืองนครสวรรค์และแม่น้ำเจ้าพระยา",
        "Khao Kop, a hill with views over the city and the Chao Phraya",
    ),
    (
        "วัดจอมคีรีนาคพรต วัดเก่าแก่บนยอดเขากลางเมือง",
        "Wat Chom Khiri Nak Phrot, an old temple on a hilltop in the town",
    ),
    (
        "บึงบอระเพ็ด บึงน้ำจืดที่ใหญ่ที่สุดในประเทศไทย ห่างจากตัวเมืองไปทางทิศตะวันออกประมาณ 10 กิโลเมตร",
        "Bueng Boraphet, Thailand's largest freshwater lake, about 10 kilometres east of the town",
    ),
]
ARTS_AND_CULTURE = [
    (
        "ประเพณีแห่เจ้าพ่อเจ้าแม่ปากน้ำโพ จัดขึ้นในช่วงเทศกาลตรุษจีนของทุกปี สืบทอดมากว่า "
        "100 ปี มีขบวนแห่มังกรทอง เชิดสิงโต และขบวนอัญเชิญองค์เจ้าพ่อเจ้าแม่ไปรอบเมือง",
        "The Chao Pho Chao Mae Pak Nam Pho procession at Chinese New Year, held for more than "
        "100 years, with the golden dragon parade, lion dances and the deities carried "
        "around the town.",
    ),
    (
        "ชาวไทยและชาวไทยเชื้อสายจีนอยู่ร่วมกันมาอย่างกลมกลืน เห็นได้จากวัดและศาลเจ้าเก่าแก่"
        "ในเขตเทศบาล รวมทั้งงานประเพณีลอยกระทงและสงกรานต์ริมแม่น้ำเจ้าพระยา",
        "Thai and Thai-Chinese communities have long lived side by side, as the old temples and "
        "shrines of the town show, together with Loy Krathong and Songkran by the Chao Phraya.",
    ),
]
RECREATION = [
    (
        "อุทยานสวรรค์ (หนองสมบุญ) สวนสาธารณะขนาดใหญ่กลางเมือง มีบึงน้ำ ทางวิ่ง และลานกิจกรรม",
        "Sawan Park (Nong Sombun), a large park in the town centre with a lake, running track "
        "and event grounds",
    ),
    (
        "สวนสาธารณะเฉลิมพระเกียรติ บึงบอระเพ็ด สำหรับพักผ่อนและชมนกน้ำ",
        "The Chaloem Phra Kiat park at Bueng Boraphet, for leisure and bird watching",
    ),
    (
        "ลานริมน้ำปากน้ำโพ ทางเดินริมแม่น้ำเจ้าพระยาสำหรับเดินเล่นและชมพระอาทิตย์ตก",
        "The Pak Nam Pho riverside walk along the Chao Phraya, for strolls and sunsets",
    ),
]
# B2: capacity of the municipality.
LEGISLATIVE = [
    (
        "สภาเทศบาลนครนครสวรรค์ประกอบด้วยสมาชิกสภาเทศบาลจำนวน 24 คน ซึ่งมาจากการเลือกตั้ง"
        "โดยตรงของประชาชนในเขตเทศบาล มีวาระการดำรงตำแหน่งคราวละ 4 ปี",
        "The Nakhon Sawan City Council has 24 members elected directly by the people of the "
        "municipality for four-year terms.",
    ),
    (
        "ประธานสภาเทศบาลและรองประธานสภาเทศบาลดำเนินการประชุมสภา ซึ่งพิจารณาร่างเทศบัญญัติ "
        "ร่างเทศบัญญัติงบประมาณรายจ่ายประจำปี และตรวจสอบการบริหารงานของฝ่ายบริหาร",
        "The council chair and vice-chair lead its meetings, which consider draft municipal "
        "ordinances and the annual budget ordinance, and scrutinise the executive.",
    ),
]
EXECUTIVE = [
    (
        "นายกเทศมนตรีนครนครสวรรค์มาจากการเลือกตั้งโดยตรงของประชาชน มีวาระการดำรงตำแหน่ง"
        "คราวละ 4 ปี และแต่งตั้งรองนายกเทศมนตรี เลขานุการนายกเทศมนตรี และที่ปรึกษา"
        "นายกเทศมนตรี ร่วมบริหารงานตามนโยบายที่แถลงต่อสภาเทศบาล",
        "The mayor is elected directly by the people for a four-year term and appoints deputy "
        "mayors, secretaries and advisers, who govern together by the policy stated to the "
        "council.",
    ),
    (
        "ปลัดเทศบาลเป็นผู้บังคับบัญชาพนักงานเทศบาลและลูกจ้างรองจากนายกเทศมนตรี "
        "และดูแลงานประจำของส่วนราชการทั้งหมด",
        "The municipal clerk leads the municipal staff under the mayor and oversees the daily "
        "work of all units.",
    ),
]

# HI1: history.
HISTORY = [
    (
        "ชื่อปากน้ำโพที่ชาวบ้านใช้เรียกตัวเมืองมาแต่เดิม มาจากที่ตั้งของเมืองบริเวณปากแม่น้ำ "
        "ซึ่งแม่น้ำปิงและแม่น้ำน่านไหลมาบรรจบกัน ตัวเมืองเติบโตเป็นชุมทางการค้าทางน้ำ "
        "โดยเฉพาะการค้าข้าวและไม้จากภาคเหนือ",
        "The town's old name, Pak Nam Pho, comes from its place at the mouth of the rivers, "
        "where the Ping and the Nan meet. It grew as a river trading hub, above all for rice and "
        "timber from the North.",
    ),
    (
        "เทศบาลนครนครสวรรค์เดิมมีฐานะเป็นเทศบาลเมืองนครสวรรค์ จัดตั้งขึ้นเมื่อ พ.ศ. 2479 "
        "และได้รับการยกฐานะเป็นเทศบาลนครนครสวรรค์เมื่อ พ.ศ. 2538 เนื่องจากเมืองขยายตัว"
        "และมีประชากรเพิ่มขึ้น",
        "The municipality began as Nakhon Sawan Town Municipality in 1936 and was raised to "
        "city municipality status in 1995 as the town and its population grew.",
    ),
    (
        "ปัจจุบันเทศบาลมีหน่วยงานในสังกัด 9 ส่วนราชการ ให้บริการประชาชนด้านการศึกษา "
        "สาธารณสุข สิ่งแวดล้อม การประปา สวัสดิการสังคม และโครงสร้างพื้นฐานของเมือง",
        "Today nine units serve the people in education, public health, the environment, "
        "water supply, social welfare and the town's infrastructure.",
    ),
]
OFFICE_PHOTO = ("อาคารสำนักงานเทศบาลนครนครสวรรค์", "Nakhon Sawan City Municipality office")
OFFICE_PHOTO_ALT = (
    "ด้านหน้าอาคารสำนักงานเทศบาลนครนครสวรรค์",
    "The front of the Nakhon Sawan City Municipality office",
)


# V1–V4. The vision and the six strategies are the notice's own words (seed notice, 2562);
# the missions and goals are not in the notice: these are demo texts until the municipality's
# development plan supplies the official ones.
VISION = (
    "คนสุขภาพดี การศึกษาได้มาตรฐาน รักษาสิ่งแวดล้อม เป็นเมืองน่าอยู่ ชูเศรษฐกิจพอเพียง",
    "Healthy people, education up to standard, a cared-for environment, a liveable city and "
    "a sufficiency economy",
)
VISION_INTRO = (
    "แผนพัฒนาเทศบาลนครนครสวรรค์กำหนดวิสัยทัศน์ ยุทธศาสตร์การพัฒนา พันธกิจ และจุดมุ่งหมาย"
    "เพื่อการพัฒนา เป็นกรอบในการจัดทำโครงการและงบประมาณประจำปีของทุกส่วนราชการ",
    "The municipality's development plan sets the vision, development strategies, missions "
    "and development goals that frame every unit's projects and yearly budget.",
)
STRATEGIES = [
    ("ด้านการสาธารณสุขและสิ่งแวดล้อม", "Public health and environment"),
    ("ด้านการศึกษา ศาสนา วัฒนธรรมและนันทนาการ", "Education, religion, culture and recreation"),
    ("ด้านสวัสดิการสังคมและชุมชน", "Social welfare and community"),
    ("พัฒนากายภาพเมือง", "Physical development of the city"),
    ("ด้านการรักษาความสงบเรียบร้อยและความมั่นคง", "Public order and security"),
    ("ด้านการบริหารจัดการที่ดี", "Good governance"),
]
MISSIONS = [
    (
        "ส่งเสริมสุขภาพของประชาชน และพัฒนาบริการสาธารณสุขให้ทั่วถึงและได้มาตรฐาน",
        "Promote people's health and provide public health services that reach everyone and "
        "meet standards",
    ),
    (
        "พัฒนาคุณภาพการศึกษาให้ได้มาตรฐาน และส่งเสริมศาสนา ศิลปวัฒนธรรม ประเพณีท้องถิ่น กีฬาและนันทนาการ",
        "Raise the quality of education to standard and promote religion, arts, local "
        "traditions, sport and recreation",
    ),
    (
        "อนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม และจัดการขยะมูลฝอยและน้ำเสียอย่างเป็นระบบ",
        "Conserve natural resources and the environment, and manage solid waste and wastewater "
        "systematically",
    ),
    (
        "พัฒนาโครงสร้างพื้นฐานและระบบสาธารณูปโภคให้เมืองน่าอยู่ ปลอดภัย และสัญจรสะดวก",
        "Develop infrastructure and utilities for a liveable, safe and easy-to-travel city",
    ),
    (
        "ส่งเสริมสวัสดิการสังคมและคุณภาพชีวิตของเด็ก สตรี ผู้สูงอายุ ผู้พิการ และเสริมสร้างความเข้มแข็งของชุมชน",
        "Promote social welfare and the quality of life of children, women, older people and "
        "people with disabilities, and strengthen communities",
    ),
    (
        "ส่งเสริมเศรษฐกิจชุมชนตามหลักปรัชญาของเศรษฐกิจพอเพียงและการท่องเที่ยวของเมือง",
        "Support the community economy following the sufficiency economy philosophy, and the "
        "city's tourism",
    ),
    (
        "บริหารจัดการองค์กรตามหลักธรรมาภิบาล โปร่งใส ตรวจสอบได้ และเปิดให้ประชาชนมีส่วนร่วม",
        "Run the organisation by good governance: transparent, accountable and open to "
        "citizens' participation",
    ),
]
GOALS = [
    (
        "ประชาชนมีสุขภาพดีและเข้าถึงบริการสาธารณสุขอย่างทั่วถึง",
        "People are healthy and have access to public health services",
    ),
    (
        "เด็กและเยาวชนได้รับการศึกษาที่ได้มาตรฐาน และสืบสานศิลปวัฒนธรรมท้องถิ่น",
        "Children and young people receive an education that meets standards and carry on "
        "local arts and culture",
    ),
    (
        "เมืองสะอาด สิ่งแวดล้อมดี และใช้ทรัพยากรธรรมชาติอย่างยั่งยืน",
        "A clean city with a good environment and sustainable use of natural resources",
    ),
    (
        "เมืองมีโครงสร้างพื้นฐานที่ดี ปลอดภัย และน่าอยู่",
        "A city with good infrastructure that is safe and liveable",
    ),
    (
        "ชุมชนเข้มแข็ง ประชาชนมีคุณภาพชีวิตที่ดีและดำรงชีวิตตามหลักเศรษฐกิจพอเพียง",
        "Strong communities whose people enjoy a good quality of life and live by the "
        "sufficiency economy",
    ),
    (
        "องค์กรมีการบริหารจัดการที่ดี โปร่งใส และประชาชนมีส่วนร่วม",
        "A well-run, transparent organisation in which citizens take part",
    ),
]

# M1: the office address is the one in the site's contact setting, on one line.
ADDRESS = (" ".join(CONTACT["address"].split()), " ".join(CONTACT["address_en"].split()))
DIRECTIONS_HEADING = ("การเดินทาง", "Getting here")
DIRECTIONS = [
    (
        "จากกรุงเทพมหานคร ใช้ทางหลวงแผ่นดินหมายเลข 1 (ถนนพหลโยธิน) ต่อด้วยทางหลวงหมายเลข 32 "
        "ถึงจังหวัดนครสวรรค์ ระยะทางประมาณ 240 กิโลเมตร",
        "From Bangkok, take Highway 1 (Phahonyothin Road) and then Highway 32 to Nakhon Sawan, "
        "about 240 kilometres.",
    ),
    (
        "จากสถานีรถไฟนครสวรรค์และสถานีขนส่งผู้โดยสารจังหวัดนครสวรรค์ มีรถโดยสารประจำทางและรถรับจ้างเข้าสู่ตัวเมือง",
        "Buses and taxis run into town from Nakhon Sawan railway station and the provincial bus "
        "terminal.",
    ),
    (
        "มีที่จอดรถสำหรับผู้มาติดต่อราชการด้านหน้าอาคารสำนักงาน",
        "Visitors can park in front of the office building.",
    ),
]


def _paragraphs(pairs):
    return "".join(f"<p>{thai}</p>" for thai, _english in pairs)


def _bullets(pairs):
    return "<ul>" + "".join(f"<li>{thai}</li>" for thai, _english in pairs) + "</ul>"


def _items(pairs):
    return [{"type": "item", "value": thai} for thai, _english in pairs]


def _english(*groups):
    """One {Thai: English} map from lists of pairs (or single pairs)."""
    strings = {}
    for group in groups:
        strings.update([group] if isinstance(group, tuple) else group)
    return strings


def load_basic_information(home):
    page = child_page(
        home,
        BasicInformationPage,
        "basic-information",
        title="ข้อมูลพื้นฐาน",
        responsible_unit=unit("planning"),
        listing_summary=SUMMARIES[0][0],
        size_and_location=_paragraphs(SIZE_AND_LOCATION),
        boundaries=_bullets(BOUNDARIES),
        geography=_paragraphs(GEOGRAPHY),
        climate=_paragraphs(CLIMATE),
        tourist_attractions=_bullets(ATTRACTIONS),
        arts_and_culture=_paragraphs(ARTS_AND_CULTURE),
        recreation=_bullets(RECREATION),
        legislative_branch=_paragraphs(LEGISLATIVE),
        executive_branch=_paragraphs(EXECUTIVE),
    )
    translate_page(
        page,
        "en",
        _english(
            TITLES,
            SUMMARIES[0],
            SIZE_AND_LOCATION,
            BOUNDARIES,
            GEOGRAPHY,
            CLIMATE,
            ATTRACTIONS,
            ARTS_AND_CULTURE,
            RECREATION,
            LEGISLATIVE,
            EXECUTIVE,
        ),
    )
    return page


def load_history(home):
    photo = demo_image(OFFICE_PHOTO[0], OFFICE_PHOTO[1])
    page = child_page(
        home,
        HistoryPage,
        "history",
        title="ประวัติความเป็นมา",
        responsible_unit=unit("clerk"),
        listing_summary=SUMMARIES[1][0],
        body=[
            {"type": "paragraph", "value": _paragraphs(HISTORY[:2])},
            {
                "type": "figure",
                "value": {
                    "image": {
                        "image": photo.pk,
                        "decorative": False,
                        "alt_text": OFFICE_PHOTO_ALT[0],
                    },
                    "caption": OFFICE_PHOTO[0],
                },
            },
            {"type": "paragraph", "value": _paragraphs(HISTORY[2:])},
        ],
    )
    translate_page(
        page,
        "en",
        _english(
            TITLES,
            SUMMARIES[1],
            HISTORY,
            OFFICE_PHOTO,
            OFFICE_PHOTO_ALT,
        ),
    )
    return page


def load_vision(home):
    page = child_page(
        home,
        VisionPage,
        "vision",
        title="วิสัยทัศน์และยุทธศาสตร์",
        responsible_unit=unit("planning"),
        listing_summary=SUMMARIES[2][0],
        vision=VISION[0],
        intro=[{"type": "paragraph", "value": _paragraphs([VISION_INTRO])}],
        strategies=_items(STRATEGIES),
        missions=_items(MISSIONS),
        goals=_items(GOALS),
    )
    translate_page(
        page,
        "en",
        _english(TITLES, SUMMARIES[2], VISION, VISION_INTRO, STRATEGIES, MISSIONS, GOALS),
    )
    return page


def load_map(home):
    page = child_page(
        home,
        MapPage,
        "map",
        title="แผนที่ตั้ง",
        responsible_unit=unit("clerk"),
        listing_summary=SUMMARIES[3][0],
        address=ADDRESS[0],
        latitude=OFFICE_LATITUDE,
        longitude=OFFICE_LONGITUDE,
        body=[
            {
                "type": "paragraph",
                "value": f"<h2>{DIRECTIONS_HEADING[0]}</h2>" + _paragraphs(DIRECTIONS),
            }
        ],
    )
    translate_page(
        page, "en", _english(TITLES, SUMMARIES[3], ADDRESS, DIRECTIONS_HEADING, DIRECTIONS)
    )
    return page


def load(home):
    load_basic_information(home)
    load_history(home)
    load_vision(home)
    load_map(home)
