"""Units, the home page, the site's settings and translations."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Site
from wagtail_localize.models import Translation, TranslationSource

# Unit may move to another app: tests import it from tests.factories, never from its app.
from core.models import SiteSettings
from home.models import HomePage
from ownership.models import Unit

HOME_TITLE_EN = {"เทศบาลนครนครสวรรค์": "Nakhon Sawan City Municipality"}


def unit(slug):
    """One of the nine units of the municipality, which a data migration creates."""
    return Unit.objects.get(slug=slug)


class UnitFactory(DjangoModelFactory):
    """A unit beyond the nine (units are data: the admin adds more)."""

    class Meta:
        model = Unit
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"unit-{n}")
    name = factory.Sequence(lambda n: f"กองทดสอบที่ {n}")
    name_en = factory.Sequence(lambda n: f"Test Division {n}")
    sort_order = 50


def home_page():
    """The Thai home page, the site's root (created by a migration)."""
    return HomePage.objects.get(locale__language_code="th")


def hotline(label, label_en, number):
    return {"type": "hotline", "value": {"label": label, "label_en": label_en, "number": number}}


def site_settings(**fields):
    """The site's contact settings, with a Thai address and phone unless given."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values = {
        "address": "เทศบาลนครนครสวรรค์ 329 ถนนโกสีย์ ตำบลปากน้ำโพ อำเภอเมืองนครสวรรค์ 60000",
        "address_en": "329 Kosi Road, Pak Nam Pho, Mueang Nakhon Sawan 60000",
        "phone": "0 5600 0000",
        "email": "contact@example.org",
        "office_hours": "วันจันทร์–ศุกร์ 08.30–16.30 น.",
        "office_hours_en": "Monday–Friday 08:30–16:30",
        "facebook_url": "https://www.facebook.com/example-municipality",
        "hotlines": [hotline("ศูนย์รับเรื่องร้องเรียน", "Complaints centre", "0 5600 0001")],
        **fields,
    }
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def translate(page, strings=None, language="en"):
    """The translation of ``page`` into ``language`` through wagtail-localize, made once and
    published; ``strings`` maps each Thai text to its translation (the rest stays Thai).
    Untranslated ancestors are translated first (the home page with its English name)."""
    locale = Locale.objects.get(language_code=language)
    if page.has_translation(locale):
        return page.get_translation(locale)
    parent = page.get_parent()
    if parent.depth > 1 and not parent.has_translation(locale):
        translate(parent.specific, HOME_TITLE_EN if parent.depth == 2 else {}, language)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (strings or {}).get(entry.msgid, "")
    translation.import_po(po)
    # A draft published now: wagtail-localize would publish on commit, from a copy of the page
    # taken before its children were added.
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return target


def english_home():
    return translate(home_page(), HOME_TITLE_EN)


def translated_home():
    """The Thai home page, with its English translation published."""
    english_home()
    return home_page()
