"""The public pages of the transparency centre: the ITA page (one per site, a year per
sub-path) and the section of the municipality's transparency and anti-corruption measures."""

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage, IndexPage
from pagecache.fragments import remember
from thai.index import ThaiSearchField
from transparency.models.assessment import AssessmentYear, current_of


class ITAPage(RoutablePageMixin, IndexPage):
    """การประเมินคุณธรรมและความโปร่งใส (ITA): every OIT item of an assessment year with live
    links to its evidence, at ``<year>/`` (the URL the municipality enters in the ITA system);
    the page itself shows the year being assessed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้าการประเมิน ITA (ITA page)"

    def year_url(self, year, request=None):
        return self.get_url(request) + self.reverse_subpage("year", args=(year,))

    def show_year(self, request, year, years):
        """The year's page. Its content is kept, rendered, under the content version
        (``{% fragment "ita-content" %}`` in ``transparency/ita_page.html``: the year and
        whether its surveys are open today are its variant), so the years' addresses and the
        evidence (``groups``) are worked out only when it is rendered."""
        from transparency.evidence import by_indicator, year_evidence

        return self.render(
            request,
            context_overrides={
                "year": year,
                "years": SimpleLazyObject(
                    lambda: [(y, self.year_url(y.year, request)) for y in years]
                ),
                "groups": SimpleLazyObject(lambda: by_indicator(year_evidence(year))),
                "surveys_open": year.surveys_open(timezone.localdate()),
            },
        )

    @staticmethod
    def assessment_years(request):
        """Every assessment year, newest first, read from the database once per content
        version (``pagecache.fragments``; years are snippets, so a change raises it)."""
        return remember(
            request, "ita-years", lambda: list(AssessmentYear.objects.order_by("-year"))
        )

    @path("")
    def current_view(self, request):
        years = self.assessment_years(request)
        current = current_of(years)
        if current is None:
            return self.render(request, context_overrides={"year": None, "years": []})
        return self.show_year(request, current, years)

    @path("<int:year>/", name="year")
    def year_view(self, request, year):
        years = self.assessment_years(request)
        chosen = next((y for y in years if y.year == year), None)
        if chosen is None:
            raise Http404
        return self.show_year(request, chosen, years)


class MeasureIndexPage(IndexPage):
    """มาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริต: the municipality's measures."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["transparency.MeasurePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "มาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริต (Transparency measures)"

    def measures(self):
        return MeasurePage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["measures"] = self.measures()
        return context


class MeasurePage(BasePage):
    """One measure: what it is, who prepares, approves and publishes, and by when."""

    announced_on = models.DateField("ประกาศเมื่อ (Announced on)", null=True, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name="เนื้อหา (Body)")

    content_panels = [*BasePage.content_panels, FieldPanel("announced_on"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        ThaiSearchField("body"),
        index.FilterField("announced_on"),
    ]

    parent_page_types = ["transparency.MeasureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "มาตรการ (Measure)"
        verbose_name_plural = "มาตรการ (Measures)"
