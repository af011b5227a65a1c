"""จัดซื้อจัดจ้าง: every procurement notice of the municipality and its schools, filtered,
with the open-data downloads (CSV and JSON) of the same selection."""

from core.listing import all_units, valid_choice
from core.models import IndexPage
from core.queries import below, route_to_child
from pagecache.fragments import remember
from procurement import exports, opendata
from procurement.models.notices import ProcurementMethod, ProcurementNoticePage, ProcurementStage
from procurement.schools import registered_schools
from thai.dates import parse_be_year

NOTICES_PER_PAGE = 20


class ProcurementIndexPage(IndexPage):
    """การจัดซื้อจัดจ้าง: the notices by unit, school, fiscal year, method and stage, and their
    open data (``?format=csv``, ``?format=json`` with the same filters).

    Not a routable page on purpose: passing through it to a summary then costs no query."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["procurement.ProcurementSummaryIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้ารวมการจัดซื้อจัดจ้าง (Procurement index)"

    @staticmethod
    def filters(query, units, schools):
        """The valid filters in a query string; anything else is ignored."""

        return {
            "unit": valid_choice(query, "unit", {unit.slug for unit in units}),
            "school": valid_choice(query, "school", {slug for slug, *_rest in schools}),
            "year": parse_be_year(query.get("year")),
            "method": valid_choice(query, "method", ProcurementMethod.values),
            "stage": valid_choice(query, "stage", ProcurementStage.values),
        }

    @staticmethod
    def notices(filters, schools=()):
        """Live public notices (in the language served, or Thai) matching ``filters``."""
        items = ProcurementNoticePage.listing()
        if filters.get("unit"):
            items = items.filter(responsible_unit__slug=filters["unit"])
        if filters.get("school"):
            paths = [p for slug, _t, ps, _code in schools if slug == filters["school"] for p in ps]
            items = items.filter(below(paths))
        if filters.get("year"):
            items = items.filter(fiscal_year=filters["year"])
        if filters.get("method"):
            items = items.filter(method=filters["method"])
        if filters.get("stage"):
            items = items.filter(stage=filters["stage"])
        return items

    @staticmethod
    def fiscal_years():
        """The fiscal years that have live notices, newest first (for the filter)."""
        years = ProcurementNoticePage.objects.live().exclude(fiscal_year=None)
        return years.order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct()

    def summaries_index(self):
        """The live summaries index below this page (the template asks it only when the
        listing's content is rendered, not when it is kept)."""
        from procurement.models.summaries import ProcurementSummaryIndexPage

        return ProcurementSummaryIndexPage.objects.child_of(self).live().first()

    def route(self, request, path_components):
        """The summaries index in one query (it is the only kind of child)."""
        from procurement.models.summaries import ProcurementSummaryIndexPage

        return route_to_child(
            self, request, path_components, ProcurementSummaryIndexPage
        ) or super().route(request, path_components)

    def _selection(self, request):
        units, schools = all_units(request), registered_schools().filter_choices(request)
        return self.filters(request.GET, units, schools), units, schools

    def serve(self, request, *args, **kwargs):
        """``?format=csv`` and ``?format=json`` download the notices the filters select."""
        download = request.GET.get("format")
        if self.live and download in DOWNLOADS:
            filters, _units, schools = self._selection(request)
            items = self.notices(filters, schools).prefetch_related("bidders")
            return DOWNLOADS[download](items, request, filters)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters, units, schools = self._selection(request)
        query = request.GET.copy()
        for name in ("page", "format"):
            query.pop(name, None)
        context.update(
            self.listing_context(
                request,
                "notices",
                lambda: self.notices(filters, schools),
                NOTICES_PER_PAGE,
                filters,
                units=units,
                schools=[(slug, title, code) for slug, title, _paths, code in schools],
                methods=ProcurementMethod.choices,
                stages=ProcurementStage.choices,
                fiscal_years=remember(
                    request, "procurement-years", lambda: list(self.fiscal_years())
                ),
            ),
            download_query=query.urlencode(),
        )
        return context


def csv_download(notices, request, filters):
    headers, rows = opendata.as_csv_rows(notices, request)
    return exports.csv_response("procurement-notices.csv", headers, rows)


def json_download(notices, request, filters):
    data = opendata.as_json(notices, request, filters)
    return exports.json_response("procurement-notices.json", data)


DOWNLOADS = {"csv": csv_download, "json": json_download}
