"""The consent categories of the cookie banner, and the cookies each one covers.

The banner (portal/static/js/consent.js), the cookie policy page and the map page all read
this list, so what the site says it stores is what it stores. There is no analytics category:
the portal runs no analytics. A category is added here only when something uses it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CONSENT_COOKIE = "portal_consent"
CONSENT_MAX_AGE_DAYS = 180


@dataclass(frozen=True)
class Cookie:
    name: str
    provider: str
    purpose: str
    lifetime: str


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    description: str
    cookies: tuple
    required: bool = False


CATEGORIES = (
    Category(
        key="necessary",
        name=_("คุกกี้ที่จำเป็น"),
        description=_(
            "ทำให้เว็บไซต์ทำงานได้และปลอดภัย เช่น จดจำการเลือกเรื่องคุกกี้ของท่าน "
            "และป้องกันการส่งแบบฟอร์มปลอม ปิดไม่ได้"
        ),
        required=True,
        cookies=(
            Cookie(
                CONSENT_COOKIE,
                _("เว็บไซต์นี้"),
                _("จดจำหมวดคุกกี้ที่ท่านยินยอม"),
                _("180 วัน"),
            ),
            Cookie(
                "csrftoken",
                _("เว็บไซต์นี้"),
                _("ป้องกันการส่งแบบฟอร์มปลอมเมื่อท่านส่งเรื่องร้องเรียนหรือคำถาม"),
                _("1 ปี"),
            ),
            Cookie(
                "sessionid",
                _("เว็บไซต์นี้"),
                _("การเข้าสู่ระบบของเจ้าหน้าที่ (ไม่ใช้กับประชาชนทั่วไป)"),
                _("จนปิดเบราว์เซอร์ หรือไม่ใช้งาน 30 นาที"),
            ),
        ),
    ),
    Category(
        key="embeds",
        name=_("เนื้อหาจากผู้ให้บริการภายนอก"),
        description=_(
            "แสดงแผนที่ Google บนหน้าแผนที่ตั้ง เมื่อเปิดใช้ เบราว์เซอร์จะติดต่อ Google "
            "ซึ่งอาจบันทึกคุกกี้ของตนเองตามนโยบายของ Google หากไม่ยินยอม "
            "จะแสดงเป็นลิงก์ไปยังแผนที่แทน"
        ),
        cookies=(
            Cookie(
                "NID, AEC, SOCS",
                "Google",
                _("คุกกี้ของ Google Maps เมื่อแสดงแผนที่ที่ฝังในหน้า"),
                _("ตามนโยบายของ Google (สูงสุดประมาณ 13 เดือน)"),
            ),
        ),
    ),
)

OPTIONAL_KEYS = tuple(category.key for category in CATEGORIES if not category.required)
