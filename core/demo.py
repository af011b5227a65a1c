"""Demo content: the site as a newcomer first sees it. Idempotent; development only.

Each app's ``demo.py`` has a ``load(home)`` function that builds its part of the tree with
the helpers below; ``demo.loader.load_all`` runs them in order. Pages are found again by slug under their
parent, images and documents by title, so a second run creates nothing new.
"""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale
from wagtail_localize.models import Translation, TranslationSource

from ownership.models import Unit

DEMO_COLLECTION = "ข้อมูลตัวอย่าง (Demo content)"
PALETTE = ["#0b4f6c", "#01baef", "#20bf55", "#f2a541", "#c84c09", "#7b2d26", "#3d348b"]

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
    # Save a draft, then publish it now: wagtail-localize would publish on commit, with a copy
    # of the page taken before its children were added (and so a stale child count).
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return target


def unit(slug):
    return Unit.objects.get(slug=slug)


def child_page(parent, model, slug, **fields):
    """The live page ``slug`` under ``parent``, created and published on the first run only."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=DEMO_COLLECTION).first()
    return existing or root.add_child(name=DEMO_COLLECTION)


def _canvas(label, size, seed):
    rng = random.Random(seed)
    image = PILImage.new("RGB", size, rng.choice(PALETTE))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(20, max(size) // 3)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(PALETTE))
    font = ImageFont.load_default(size=max(14, size[1] // 14))
    draw.rectangle((0, size[1] - size[1] // 5, size[0], size[1]), fill="#ffffff")
    draw.text((size[0] // 20, size[1] - size[1] // 6), label, fill="#111111", font=font)
    return image


def _key(text):
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def _save_image(image, buffer, name):
    image.collection = demo_collection()
    image.file = ImageFile(buffer, name=name)
    image._set_image_file_metadata()
    image.save()
    return image


def demo_image(title, label, size=(800, 500)):
    """A generated picture, stored once under ``title`` in the demo collection.

    ``label`` is drawn on it (Latin letters: the bundled font has no Thai glyphs).
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    _canvas(label, size, title).save(buffer, "JPEG", quality=80)
    return _save_image(Image(title=title, description=title), buffer, f"demo-{_key(title)}.jpg")


def demo_portrait(name):
    """A grey silhouette placeholder for a person's photo."""
    Image = get_image_model()
    title = f"ภาพ {name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = PILImage.new("RGB", (300, 360), "#d9dee3")
    draw = ImageDraw.Draw(image)
    draw.ellipse((95, 60, 205, 170), fill="#8a949e")
    draw.ellipse((45, 190, 255, 420), fill="#8a949e")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    image = Image(title=title, description=f"ภาพถ่ายของ {name}")
    return _save_image(image, buffer, f"portrait-{_key(name)}.jpg")


def demo_document(title, label, pages=2):
    """A real PDF (generated pages with ``label`` drawn on them), stored once under ``title``."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    sheets = [
        _canvas(f"{label} - page {n}", (1240, 1754), f"{title}{n}") for n in range(1, pages + 1)
    ]
    buffer = io.BytesIO()
    sheets[0].save(buffer, "PDF", save_all=True, append_images=sheets[1:], resolution=150)
    document = Document(
        title=title,
        collection=demo_collection(),
        file=SimpleUploadedFile(f"doc-{_key(title)}.pdf", buffer.getvalue()),
    )
    document._set_document_file_metadata()
    document.save()
    return document
