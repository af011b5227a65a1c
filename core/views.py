"""Views of the shared page machinery: the page editor's address helper (admin), and the site's
icon and web manifest, asked for by browsers at fixed addresses, and the documents view."""

import logging

from django.http import HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from wagtail.documents.views import serve
from wagtail.models import Page

from core import errors
from core.addresses import free_address
from core.sharing import THEME_COLOUR

logger = logging.getLogger(__name__)

BACKGROUND_COLOUR = "#fdf6e3"  # the emblem's ground


def page_address(request):
    """``{"slug": …}``: the address the portal gives a title (``?title=``), free under the
    parent (``?parent=<id>``) but for the page itself (``?page=<id>``). The page editor's
    script asks it while the title is typed, so the editor shows what saving will keep."""
    parent = _page(request.GET.get("parent"))
    page = _page(request.GET.get("page"))
    if parent is None and page is not None:
        parent = page.get_parent()
    return JsonResponse({"slug": free_address(parent, request.GET.get("title", "")[:255], page)})


def _page(value):
    if not value or not value.isdigit():
        return None
    return Page.objects.filter(pk=value).first()


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: the static icon.
    Not a permanent redirect: the static file's name changes with its content."""
    return HttpResponseRedirect(static("img/icons/favicon.ico"))


@cache_control(public=True, max_age=60 * 60 * 24)
def web_manifest(request):
    """The web app manifest: the name, colours and icons a phone uses when the site is added
    to its home screen."""
    icons = [
        {
            "src": static(f"img/icons/icon-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
        }
        for size in (192, 512)
    ]
    icons.append({"src": static("img/seal.svg"), "sizes": "any", "type": "image/svg+xml"})
    manifest = {
        "name": gettext("เทศบาลนครนครสวรรค์"),
        "short_name": gettext("ทน.นครสวรรค์"),
        "lang": request.LANGUAGE_CODE,
        "start_url": "/" if request.LANGUAGE_CODE == "th" else f"/{request.LANGUAGE_CODE}/",
        "display": "browser",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


def serve_document(request, document_id, document_filename):
    """Wagtail's ``/documents/<id>/<name>``; while the file store cannot be reached (object
    storage down: ``portal.storage`` raises ``OSError``) the citizen is asked to come back
    (503), not shown a 500."""
    try:
        return serve.serve(request, document_id, document_filename)
    except OSError:
        logger.warning("file store unreachable: document %s not served", document_id)
        return errors.unavailable()
