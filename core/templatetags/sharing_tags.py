"""The page head's description, sharing cards, canonical and language alternates."""

from urllib.parse import urlencode

from django import template
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.languages import THAI, is_thai_only
from core.sharing import THEME_COLOUR, shorten, translated_urls
from pagecache.fragments import remember

register = template.Library()

OG_LOCALES = {"th": "th_TH", "en": "en_US"}
EMBLEM = "img/icons/icon-512.png"
# An Open Graph picture: 1.91:1 as Facebook and LINE show it, as JPEG for small files.
SHARE_RENDITION = "fill-1200x630|format-jpeg|jpegquality-80"


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """What search engines and chat apps read of the page: see ``BasePage.share_description``
    and ``share_image``; the emblem stands in for a page without a picture."""
    request = context.get("request")
    if request is None:
        return {"theme_colour": THEME_COLOUR}
    page = context.get("page")
    site_name = gettext("เทศบาลนครนครสวรรค์")
    language = translation.get_language()
    absolute = request.build_absolute_uri
    # A Thai page at its English address (core/languages.py) is the Thai page: canonical
    # there, not indexed here.
    thai_only = page is not None and is_thai_only(request)
    if thai_only:
        language = THAI
    meta = {
        "site_name": site_name,
        "title": (getattr(page, "seo_title", "") or page.title) if page else site_name,
        "description": (
            page.share_description()
            if hasattr(page, "share_description")
            else shorten(getattr(page, "search_description", "")) or site_name
        ),
        "url": absolute(page.get_url(request) if thai_only else request.path),
        "noindex": thai_only,
        "locale": OG_LOCALES.get(language, "th_TH"),
        "other_locales": [v for k, v in OG_LOCALES.items() if k != language],
        "type": "article" if page and page.depth > 2 else "website",
        "image": absolute(static(EMBLEM)),
        "image_alt": gettext("ตราเทศบาลนครนครสวรรค์"),
        "large_image": False,
        "theme_colour": THEME_COLOUR,
    }
    picture = share_picture(request, page) if hasattr(page, "share_image") else None
    if picture is not None:
        url, alt = picture
        meta.update(image=absolute(url), image_alt=alt, large_image=True)
    if page is not None and page.pk:
        urls = translated_urls(page, request)
        if len(urls) > 1:
            meta["alternates"] = [(code, absolute(url)) for code, url in sorted(urls.items())]
            meta["default_url"] = absolute(urls.get("th") or next(iter(urls.values())))
    return meta


def share_picture(request, page):
    """``(address, alt text)`` of the page's sharing picture's rendition, or None; kept
    under the content version for the page (``pagecache.fragments``): Wagtail reads and
    writes the rendition's cache entry each time it is asked for one."""

    def picture():
        image = page.share_image()
        if image is None:
            return None
        rendition = image.get_rendition(SHARE_RENDITION)
        return rendition.url, image.default_alt_text or page.title

    return remember(request, "share-picture", picture, page.pk)


@register.inclusion_tag("includes/page_tools.html", takes_context=True)
def page_tools(context):
    """Below the content: share links on pages a citizen passes on (``BasePage.shareable``),
    and what a printed page carries: the municipality's name, the page's address, the print
    date and the addresses of its attachments."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return {}
    url = request.build_absolute_uri(request.path)
    tools = {"url": url, "today": timezone.localdate()}
    if getattr(page, "shareable", False):
        tools["share"] = {
            "line": "https://social-plugins.line.me/lineit/share?" + urlencode({"url": url}),
            "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        }
    tools["attachments"] = remember(
        request,
        "print-attachments",
        lambda: [
            {
                "title": block.value["title"] or block.value["document"].title,
                "url": request.build_absolute_uri(block.value["document"].url),
            }
            for block in getattr(page, "attachments", None) or ()
            if block.value["document"] is not None
        ],
        page.pk,
        request.scheme,
    )
    return tools
