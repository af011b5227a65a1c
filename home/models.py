from django.db.models import F, Window
from django.db.models.functions import RowNumber
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.blocks import BodyBlock, FiscalYearDocumentsBlock, body_text
from core.models import BasePage, IndexPage
from core.queries import in_active_language, public
from news.models import AnnouncementPage, NewsPage, PublicationPage
from pagecache.fragments import remember
from thai.index import ThaiSearchField


class HomePage(IndexPage):
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
        once per change instead of by three or four queries on every request. Addresses that
        find nothing, and the sub-views of routable pages (their result carries a view), are
        routed every time."""
        if not path_components:
            return super().route(request, path_components)
        return remember(
            request,
            "route",
            lambda: super(HomePage, self).route(request, path_components),
            self.pk,
            "/".join(path_components),
            keep=lambda result: not result.args and not result.kwargs,
        )

    def get_context(self, request, *args, **kwargs):
        """The three lists, kept under the content version (``pagecache.fragments``): they
        change only with content, and their queries are the page's dearest."""
        context = super().get_context(request, *args, **kwargs)
        context.update(
            remember(
                request,
                "home-lists",
                lambda: {
                    "news": list(self.latest_news(per_category=4)),
                    "announcements": list(self.latest_announcements(per_kind=3)),
                    "publications": list(self.latest_publications(limit=4)),
                },
            )
        )
        return context

    @staticmethod
    def latest_news(per_category):
        """The newest municipal news (H2) and activity news (H3), ``per_category`` of each,
        in one query (plus one for the card images), ordered by category then newest."""
        rank = Window(
            RowNumber(), partition_by=F("category"), order_by=[F("date").desc(), F("pk").desc()]
        )
        return (
            in_active_language(NewsPage.listing())
            .annotate(rank=rank)
            .filter(rank__lte=per_category)
            .order_by("-category", "-date", "-pk")
        )

    @staticmethod
    def latest_announcements(per_kind):
        """The newest announcements of each kind (H5), grouped by kind, in one query."""
        return AnnouncementPage.latest_by_kind(per_kind=per_kind)

    @staticmethod
    def latest_publications(limit):
        """The newest publications (H4), as a text list: one query, no cover images."""
        items = public(PublicationPage.objects.live()).order_by("-year", "-pk")
        return in_active_language(items)[:limit]


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
