from django.db.models import Case, F, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.blocks import BodyBlock, FiscalYearDocumentsBlock, body_text
from core.languages import is_thai_only, mark_thai_only
from core.models import BasePage, IndexPage
from news.models import AnnouncementKind, AnnouncementPage, NewsPage
from pagecache.fragments import LocalizedWithSite, remember
from thai.index import ThaiSearchField


class HomePage(LocalizedWithSite, IndexPage):
    """หน้าหลัก: the root of each language's tree."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.InformationPage",
        "home.ChannelsPage",
        "about.BasicInformationPage",
        "about.HistoryPage",
        "about.VisionPage",
        "about.MapPage",
        "departments.DepartmentIndexPage",
        "departments.PersonDirectoryPage",
        "departments.PhoneDirectoryPage",
        "news.NewsIndexPage",
        "news.PublicationIndexPage",
        "news.AnnouncementIndexPage",
        "schools.SchoolIndexPage",
        "procurement.ProcurementIndexPage",
        "cases.QuestionIndexPage",
        "cases.ComplaintPage",
        "cases.CaseStatisticsPage",
        "policies.PolicyIndexPage",
        "transparency.ITAPage",
        "transparency.MeasureIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้าหลัก (Home page)"

    def route(self, request, path_components):
        """Routing below the home page, kept under the content version for the address
        (``pagecache.fragments``): the page served and the pages on the way to it are loaded
        once per change instead of by three or four queries on every request, and so is
        whether it is a Thai page at its English address (``core.languages``). A routable
        page's sub-view is found again from the kept page (Wagtail's ``route``, no query: its
        result carries a view). Addresses that find nothing are routed every time."""
        if not path_components:
            return super().route(request, path_components)
        page, result, thai_only = remember(
            request,
            "route-to",  # not "route": what that name kept before has another shape
            lambda: self.route_below(request, path_components),
            self.pk,
            "/".join(path_components),
        )
        if thai_only:
            mark_thai_only(request)
        if result is None:
            return page.route(request, path_components[page.depth - self.depth :])
        return result

    def route_below(self, request, path_components):
        """``(page, Wagtail's route result, whether a Thai page at its English address)``;
        the result is None for a routable page's sub-view, which ``route`` finds again."""
        result = super().route(request, path_components)
        routable = bool(result.args or result.kwargs)
        return result.page, None if routable else result, is_thai_only(request)

    def get_context(self, request, *args, **kwargs):
        """What a citizen comes for first (issue 19): ``lists``, the newest notices and
        procurement notices, news with pictures; four queries whatever the number of items,
        read only when the page's content is rendered: it is kept, rendered, under the content
        version (``{% fragment %}`` in ``home/home_page.html``)."""
        context = super().get_context(request, *args, **kwargs)
        context["lists"] = SimpleLazyObject(self.lists)
        return context

    def lists(self):
        notices = self.latest_notices(limit=5)
        return {
            "announcements": [n for n in notices if not n.is_procurement],
            "procurement": [n for n in notices if n.is_procurement],
            "news": list(NewsPage.latest(limit=4)),
        }

    @staticmethod
    def latest_notices(limit):
        """The newest ``limit`` procurement notices (invitations and winning bids) and the
        newest ``limit`` other notices, in one query; each with ``is_procurement``."""
        procurement_kinds = [AnnouncementKind.PROCUREMENT, AnnouncementKind.WINNER]
        is_procurement = Case(When(kind__in=procurement_kinds, then=Value(True)), default=False)
        rank = Window(
            RowNumber(), partition_by=is_procurement, order_by=[F("date").desc(), F("pk").desc()]
        )
        return (
            AnnouncementPage.listing()
            .annotate(is_procurement=is_procurement, rank=rank)
            .filter(rank__lte=limit)
            .order_by("-date", "-pk")
        )


class InformationPage(BasePage):
    """A page of the H1 main menu: policy, development plan, budget, fiscal statistics,
    administrative structure, powers and duties, operating standards."""

    body = StreamField(BodyBlock(), blank=True, verbose_name="เนื้อหา (Body)")
    documents = StreamField(
        [("fiscal_year", FiscalYearDocumentsBlock())],
        blank=True,
        verbose_name="เอกสารตามปีงบประมาณ (Documents by fiscal year)",
        help_text="ปีล่าสุดไว้บนสุด (Newest fiscal year first)",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("documents")]
    search_fields = [*BasePage.search_fields, ThaiSearchField("body"), ThaiSearchField("documents")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "หน้าข้อมูลเมนูหลัก (Main-menu information page)"

    def search_text(self):
        return f"{super().search_text()} {body_text(self.body)}".strip()


class ChannelsPage(IndexPage):
    """ช่องทางร้องเรียน (H6): the complaint channels, read from the site settings."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "ช่องทางร้องเรียน (Complaint channels page)"
