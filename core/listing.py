"""What every listing page shares: one-query pagination, card images, and the units and
checked values of the filter forms."""

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import models
from wagtail.images import get_image_model

from ownership.models import UNITS_CACHE_KEY, Unit
from pagecache.fragments import keeps, remember

# The rendition every listing card shows; prefetched with the items.
CARD_IMAGE = "fill-480x300"


class CountingPaginator(Paginator):
    """Django's paginator, with the total counted by the page's own query (a window count).

    A listing then runs one query for its rows and their total instead of two. When the
    requested page is empty (past the end, or no rows at all), Django's own ``get_page``
    takes over: it counts, then falls back to the last page.
    """

    MAX_PAGE = 10_000

    def get_page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        if not 1 <= number <= self.MAX_PAGE:
            return super().get_page(number)
        start = (number - 1) * self.per_page
        total = models.Window(models.Count("pk"))
        rows = list(self.object_list.annotate(total_rows=total)[start : start + self.per_page])
        if not rows:
            return super().get_page(number)
        self.count = rows[0].total_rows  # instead of Paginator's COUNT query
        return Page(rows, number, self)


def paginate(queryset, request, per_page):
    """One page of ``queryset``; a missing, odd or too large page number never fails."""
    return CountingPaginator(queryset, per_page).get_page(request.GET.get("page"))


def paginate_pages(queryset, request, per_page, name):
    """``paginate`` for a listing of pages, its rows kept under the content version (any
    change to a page raises it) for the address, query string included. ``queryset`` may be
    a function that returns it: then it is built only when the rows are not kept (building
    a listing's query, with its privacy and language conditions, costs more than reading
    the kept rows)."""
    paginator = CountingPaginator(queryset, per_page)

    def compute():
        if callable(paginator.object_list):
            paginator.object_list = paginator.object_list()
        page = paginator.get_page(request.GET.get("page"))
        return list(page.object_list), page.number, paginator.count

    rows, number, paginator.count = remember(
        request, "listing", compute, name, request.path, request.GET.urlencode()
    )
    return Page(rows, number, paginator)


def valid_choice(query, name, values):
    """``query[name]`` when it is one of ``values``; anything else is ignored (None), so a
    filter never shows a citizen an error."""
    value = query.get(name, "")
    return value if value in values else None


def with_card_image(queryset, field):
    """``queryset`` with the image in ``field`` and its card rendition loaded in bulk."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_IMAGE)
    return queryset.select_related(field).prefetch_related(
        models.Prefetch(
            f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions"
        )
    )


def units_by_pk(request=None):
    """Every unit by its id, in order. For a request that keeps parts of pages
    (``pagecache.fragments.keeps``), read from the database once per content version (a
    unit's change raises it) and then from the process's own copy: no Redis round trip per
    request. Otherwise from the units cache that ``Unit.cached`` keeps (no query)."""
    if keeps(request):
        return remember(request, "units", lambda: {unit.pk: unit for unit in Unit.objects.all()})
    units = cache.get(UNITS_CACHE_KEY)
    if units is None:
        Unit.cached(None)  # fills the cache
        units = cache.get(UNITS_CACHE_KEY)
    return units if units is not None else {unit.pk: unit for unit in Unit.objects.all()}


def all_units(request=None):
    """Every unit in order (``units_by_pk``)."""
    return list(units_by_pk(request).values())
