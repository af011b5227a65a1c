"""The portal's open-data interface: Wagtail's read-only API v2 at ``/api/v2/``.

``/api/v2/pages/``, ``/api/v2/images/`` and ``/api/v2/documents/`` list what is public (live
pages outside private sections, images and documents), as JSON. ``?search=`` goes through the
same Thai-aware search backend as the search page (``thai.backends``), so
``/api/v2/pages/?search=จัดซื้อ`` finds the procurement notices.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, with each page's locale loaded with it (the listing shows
    it for every item: one query instead of one per page)."""

    def get_queryset(self):
        return super().get_queryset().select_related("locale")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
