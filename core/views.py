"""Admin views of the shared page machinery."""

from django.http import JsonResponse
from wagtail.models import Page

from core.addresses import free_address


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
