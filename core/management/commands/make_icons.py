"""Draw the site's icons from the emblem SVG: ``python manage.py make_icons``.

The PNG and ICO files are committed (``portal/static/img/icons/``), so a fresh machine serves
them with Python alone; run this again after changing ``portal/static/img/seal.svg``. The emblem
is drawn with Pillow from the SVG's own shapes (its circles and its text, the only elements it
uses) and a Thai font of Debian's fonts-thai-tlwg, at four times the size and then reduced.
"""

from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw, ImageFont

EMBLEM = Path(settings.BASE_DIR) / "portal/static/img/seal.svg"
ICONS = Path(settings.BASE_DIR) / "portal/static/img/icons"
FONTS = {
    "bold": "/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf",
    "normal": "/usr/share/fonts/truetype/tlwg/Garuda.ttf",
}
SVG = "{http://www.w3.org/2000/svg}"
OVERSAMPLE = 4
# name → (size, background): PNGs for the manifest and Open Graph, an opaque one for iOS.
PNGS = {
    "icon-192.png": (192, None),
    "icon-512.png": (512, None),
    "apple-touch-icon.png": (180, "#ffffff"),
}
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]


def draw_emblem(size, background=None, source=EMBLEM):
    """The emblem as a ``size``-pixel square RGBA image."""
    svg = ElementTree.parse(source).getroot()
    view = float(svg.get("viewBox").split()[2])
    canvas = size * OVERSAMPLE
    scale = canvas / view
    image = Image.new("RGBA", (canvas, canvas), background or (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for element in svg.iter():
        if element.tag == f"{SVG}circle":
            x, y, r = (float(element.get(a)) * scale for a in ("cx", "cy", "r"))
            fill = element.get("fill")
            draw.ellipse(
                (x - r, y - r, x + r, y + r),
                fill=None if fill in (None, "none") else fill,
                outline=element.get("stroke"),
                width=round(float(element.get("stroke-width", 0)) * scale),
            )
        elif element.tag == f"{SVG}text":
            font = ImageFont.truetype(
                FONTS[element.get("font-weight", "normal")],
                round(float(element.get("font-size")) * scale),
            )
            x, y = float(element.get("x")) * scale, float(element.get("y")) * scale
            anchor = "ms" if element.get("text-anchor") == "middle" else "ls"  # on the baseline
            draw.text((x, y), element.text, fill=element.get("fill"), font=font, anchor=anchor)
    return image.resize((size, size), Image.Resampling.LANCZOS)


class Command(BaseCommand):
    help = "Draw the favicon, touch icon and manifest icons from portal/static/img/seal.svg."

    def handle(self, *args, **options):
        ICONS.mkdir(exist_ok=True)
        for name, (size, background) in PNGS.items():
            emblem = draw_emblem(size, background)
            # A palette of 64 colours: a quarter of the bytes, no visible change.
            emblem.quantize(64, method=Image.Quantize.FASTOCTREE).save(ICONS / name, optimize=True)
        draw_emblem(256).save(ICONS / "favicon.ico", sizes=ICO_SIZES)
        self.stdout.write(f"icons written to {ICONS}")
