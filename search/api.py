"""The portal's open-data interface: Wagtail's read-only API v2 at ``/api/v2/``.

``/api/v2/pages/``, ``/api/v2/images/`` and ``/api/v2/documents/`` list what is public (live
pages outside private sections, images and documents), as JSON. ``?search=`` goes through the
same Thai-aware search backend as the search page (``thai.backends``), so
``/api/v2/pages/?search=จัดซื้อ`` finds the procurement notices. A misspelled word is corrected
against the index's vocabulary as on the search page (``?search=จัดชื้อ`` searches ``จัดซื้อ``, and
the response says so in the ``X-Search-Corrected`` header, URL-encoded);
``&search_spelling=off`` searches the words as typed. A query whose words the index holds
but which finds little, when a near query finds clearly more (``search.results.did_you_mean``),
gets that query in the ``X-Search-Suggestion`` header ("did you mean").
"""

from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Field
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from core.public_files import public
from pagecache import fragments
from search import synonyms
from search.results import Spelling, entry_date

SPELLING_PARAMETER = "search_spelling"


class CorrectingSearchFilter(SearchFilter):
    """Wagtail's ``?search=`` filter with the search page's synonyms (``search.synonyms``)
    and spelling correction (``search.results.Spelling``, unless ``?search_spelling=off``).
    Wagtail's filter takes the query as a string from ``request.GET``; this one hands the
    backend the query with its synonyms, otherwise as Wagtail does."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search", "")
        if not query or not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            return super().filter_queryset(request, queryset, view)
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        expanded = synonyms.expand(query)
        spelling_on = request.GET.get(SPELLING_PARAMETER) != "off"
        spelling = Spelling(request)
        if not expanded.applied and spelling_on:
            fixed = spelling.correction(query)
            if fixed is not None:
                view.search_correction = fixed
                expanded = synonyms.expand(fixed.corrected)

        def search(text_or_query):
            return get_search_backend().search(
                text_or_query,
                queryset,
                operator=request.GET.get("search_operator") or None,
                order_by_relevance="order" not in request.GET,
                # Equally relevant pages: the newest by their own date first, as on the page.
                newest=entry_date if issubclass(queryset.model, Page) else None,
            )

        try:
            found = search(expanded.query)
            if not expanded.applied and view.search_correction is None and spelling_on:
                # The typed query's count comes from the query that ranks its results.
                view.search_suggestion = spelling.did_you_mean(
                    query, found.count(), lambda text: search(synonyms.expand(text).query).count()
                )
            return found
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            ) from error


BIGINT_MAX = 2**63 - 1
SEARCH_OPERATORS = {"and", "or"}


class CheckedParametersMixin:
    """Answers 400 with a message, never 500, for what Wagtail's endpoints pass on unchecked:
    a number past the database's bigint (``offset``, ``limit``, an id filter), a field filter
    its field cannot read (``?first_published_at=soon``) and a ``search_operator`` other than
    ``and``/``or``."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        fields = set(self.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in self.request.GET.items():
            digits = value.strip().lstrip("+-")
            if digits.isdigit() and int(digits) > BIGINT_MAX:
                raise BadRequestError(f"{name} is too large")
            try:
                field = queryset.model._meta.get_field(name) if name in fields else None
            except FieldDoesNotExist:
                field = None
            if isinstance(field, Field) and not field.is_relation:
                try:
                    field.to_python(value)
                except ValidationError as error:
                    raise BadRequestError(f"{name}: not a valid value") from error
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")


class PublicFilesMixin:
    """Only the documents or images a live public page (or a public collection) makes public
    (``core.public_files``): a draft's attachments stay out of the API until approved."""

    def get_queryset(self):
        return public(super().get_queryset())


class PortalDocumentsAPIViewSet(PublicFilesMixin, CheckedParametersMixin, DocumentsAPIViewSet):
    pass


class PortalImagesAPIViewSet(PublicFilesMixin, CheckedParametersMixin, ImagesAPIViewSet):
    pass


class PortalPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, with each page's locale loaded with it (the listing shows
    it for every item: one query instead of one per page)."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters | {SPELLING_PARAMETER}
    filter_backends = [
        CorrectingSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    search_correction = None
    # Public and read-only: no sign-in is looked for, so an anonymous answer does not read the
    # session (which would make it "Vary: Cookie" and keep it out of the page cache).
    authentication_classes = []
    search_suggestion = None

    def get_base_queryset(self):
        """Wagtail's public pages, worked out once per request: Wagtail asks for them three
        times (the listing, its serializer class and its context), each time reading the view
        restrictions, the site and the site's translations."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset.all()

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def listing_view(self, request):
        """Wagtail's listing; with ``?search=``, what a search found (the items as serialized,
        the total, the correction and suggestion) is kept under the content version for its
        parameters, as the search page keeps its results: a search asked again is not ranked,
        loaded and serialized again. A parameter Wagtail refuses is answered 400, never kept."""
        if "search" not in request.GET:
            return super().listing_view(request)

        def compute():
            data = super(PortalPagesAPIViewSet, self).listing_view(request).data
            return data, self.search_correction, self.search_suggestion

        data, self.search_correction, self.search_suggestion = fragments.remember(
            request, "api-search", compute, sorted(request.GET.lists())
        )
        return Response(data)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.search_correction is not None:
            response["X-Search-Corrected"] = quote(self.search_correction.corrected)
        if self.search_suggestion is not None:
            response["X-Search-Suggestion"] = quote(self.search_suggestion.corrected)
        return response


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
