"""Public page types: questions and answers (ITA O3), the complaint form with its private status
pages (O17), and the statistics of complaints and e-service use (O18, O10). The views live in
``cases.views``; the pages route to them."""

from django.db import models
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from core.models import BasePage, BasePageForm, IndexPage
from thai.index import ThaiSearchField

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
NO_ANSWER = (
    "กรุณาเขียนคำตอบก่อนส่งขออนุมัติหรือเผยแพร่ "
    "(Write the answer before sending it for approval or publishing)"
)


class QuestionIndexPage(IndexPage):
    """ถาม-ตอบ: the published answers, newest first, and the form to ask a question."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.QuestionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "ถาม-ตอบ (Questions and answers)"

    def serve(self, request, *args, **kwargs):
        if self.expired and not self.live:
            return super().serve(request, *args, **kwargs)
        from cases.views import question_index

        return question_index(self, request)

    def entries(self):
        from core.queries import public

        return public(QuestionPage.objects.live().child_of(self)).order_by(
            "-first_published_at", "-pk"
        )


class QuestionPageForm(BasePageForm):
    """A question's draft may wait without an answer; it goes for approval only with one."""

    def clean(self):
        cleaned = super().clean()
        if not self.is_deferred_validation and not strip_tags(cleaned.get("answer") or "").strip():
            self.add_error("answer", NO_ANSWER)
        return cleaned


class QuestionPage(BasePage):
    """One question and its answer. Created as a draft from a citizen's question; the unit's
    staff write the answer and it goes live through the approval workflow like any page."""

    question = models.TextField("คำถาม (Question)")
    answer = RichTextField("คำตอบ (Answer)", features=ANSWER_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("question"), FieldPanel("answer")]
    search_fields = [
        *BasePage.search_fields,
        ThaiSearchField("question"),
        ThaiSearchField("answer"),
    ]

    parent_page_types = ["cases.QuestionIndexPage"]
    subpage_types = []
    base_form_class = QuestionPageForm

    class Meta:
        verbose_name = "คำถามและคำตอบ (Question and answer)"


class ComplaintPage(RoutablePageMixin, IndexPage):
    """ร้องเรียน/ร้องทุกข์: the complaint form (general trouble and corruption reports), the
    private status page of each case, reached by its secret link or by the lookup
    (``track/``: number and contact), and the rating of a closed case (``track/rate/``)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "ร้องเรียน/ร้องทุกข์ (Complaint form)"

    @path("")
    def form_view(self, request):
        from cases.views import complaint_form

        return complaint_form(self, request)

    @path("track/")
    def lookup_view(self, request):
        from cases.views import complaint_lookup

        return complaint_lookup(self, request)

    @path("track/rate/")
    def rate_view(self, request):
        from cases.views import complaint_rating

        return complaint_rating(self, request)

    @path("track/<int:year>-<int:sequence>/<str:secret>/")
    def status_view(self, request, year, sequence, secret):
        from cases.views import complaint_status

        return complaint_status(self, request, year, sequence, secret)


class CaseStatisticsPage(RoutablePageMixin, IndexPage):
    """สถิติเรื่องร้องเรียน: complaints received, completed and in progress per month and
    category of a fiscal year (``?year=2569``), as a page and XLSX; and the use of the
    e-services (every online form) per month at ``e-services/``."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "สถิติเรื่องร้องเรียนและการใช้บริการออนไลน์ (Complaint statistics)"

    @path("")
    def statistics_view(self, request):
        from cases.views import statistics

        return statistics(self, request)

    @path("xlsx/")
    def xlsx_view(self, request):
        from cases.views import statistics_xlsx

        return statistics_xlsx(self, request)

    @path("e-services/")
    def e_services_view(self, request):
        from cases.views import e_services

        return e_services(self, request)
