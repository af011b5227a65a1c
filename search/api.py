"""The portal's open-data interface: Wagtail's read-only API v2 at ``/api/v2/``.

``/api/v2/pages/``, ``/api/v2/images/`` and ``/api/v2/documents/`` list what is public (live
pages outside private sections, images and documents), as JSON. ``?search=`` goes through the
same Thai-aware search backend as the search page (``thai.backends``), so
``/api/v2/pages/?search=จัดซื้อ`` finds the procurement notices. A misspelled word is corrected
against the index's vocabulary as on the search page (``?search=จัดชื้อ`` searches ``จัดซื้อ``, and
the response says so in the ``X-Search-Corrected`` header, URL-encoded);
``&search_spelling=off`` searches the words as typed.
"""

from types import SimpleNamespace
from urllib.parse import quote

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from search.results import correction

SPELLING_PARAMETER = "search_spelling"


class CorrectingSearchFilter(SearchFilter):
    """Wagtail's ``?search=`` filter, searching the corrected query when a word is misspelled
    (``search.results.correction``), unless ``?search_spelling=off``."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search", "")
        if query and request.GET.get(SPELLING_PARAMETER) != "off":
            fixed = correction(query)
            if fixed is not None:
                view.search_correction = fixed
                params = request.GET.copy()
                params["search"] = fixed.corrected
                # Wagtail's filter reads only ``request.GET``.
                request = SimpleNamespace(GET=params)
        return super().filter_queryset(request, queryset, view)


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, with each page's locale loaded with it (the listing shows
    it for every item: one query instead of one per page)."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters | {SPELLING_PARAMETER}
    filter_backends = [
        CorrectingSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    search_correction = None

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.search_correction is not None:
            response["X-Search-Corrected"] = quote(self.search_correction.corrected)
        return response


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
