"""Demo content: the site as a newcomer first sees it. Idempotent; development only."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site
from wagtail_localize.models import Translation, TranslationSource

from core.models import SiteSettings
from home.models import HomePage

DEMO_SUPERUSER = ("admin", "nakhonsawan-demo-2569")

CONTACT = {
    "address": "เทศบาลนครนครสวรรค์ 329 ถนนโกสีย์ ตำบลปากน้ำโพ\nอำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์ 60000",
    "address_en": "Nakhon Sawan City Municipality, 329 Kosi Road, Pak Nam Pho,\nMueang Nakhon Sawan, Nakhon Sawan 60000",
    "phone": "0 5621 9500",
    "email": "saraban@nakhonsawancity.go.th",
    "office_hours": "วันจันทร์–ศุกร์ 08.30–16.30 น. (เว้นวันหยุดราชการ)",
    "office_hours_en": "Monday–Friday 08:30–16:30 (except public holidays)",
    "facebook_url": "https://www.facebook.com/nakhonsawancity",
    "app_name": "NSM Smart City",
    "app_url": "https://nakhonsawancity.go.th/app",
    "hotlines": [
        {
            "type": "hotline",
            "value": {
                "label": "ศูนย์รับเรื่องร้องเรียน",
                "label_en": "Complaints centre",
                "number": "0 5621 9555",
            },
        },
        {
            "type": "hotline",
            "value": {"label": "เหตุเพลิงไหม้และกู้ภัย", "label_en": "Fire and rescue", "number": "199"},
        },
        {
            "type": "hotline",
            "value": {"label": "สายด่วนเทศบาล", "label_en": "Municipal hotline", "number": "1132"},
        },
    ],
}

HOME_EN = {
    "เทศบาลนครนครสวรรค์": "Nakhon Sawan City Municipality",
}
HOME_INTRO = "เว็บไซต์เผยแพร่ข้อมูลข่าวสารของเทศบาลนครนครสวรรค์ เพื่อความโปร่งใสและการมีส่วนร่วมของประชาชน"
HOME_INTRO_EN = (
    "The public-information website of Nakhon Sawan City Municipality, "
    "for transparency and citizens' participation."
)


def translate_page(page, language_code, strings):
    """Translate ``page`` through wagtail-localize, once, and publish the translation.

    ``strings`` maps each Thai text to its English text; what it lacks stays in Thai.
    """
    locale = Locale.objects.get(language_code=language_code)
    if page.has_translation(locale):
        return page.get_translation(locale)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)
    return page.get_translation(locale)


def load_site_settings():
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    for name, value in CONTACT.items():
        setattr(settings, name, value)
    settings.save()


def load_home():
    home = HomePage.objects.get(locale__language_code="th")
    if home.intro != HOME_INTRO:
        home.intro = HOME_INTRO
        home.save_revision().publish()
    translate_page(home, "en", {**HOME_EN, HOME_INTRO: HOME_INTRO_EN})
    return home


def load_superuser():
    username, password = DEMO_SUPERUSER
    User = get_user_model()
    if not User.objects.filter(username=username).exists():
        User.objects.create_superuser(username, "admin@example.org", password)


def load_all():
    load_site_settings()
    load_home()
    load_superuser()
