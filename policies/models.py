"""Website policies (government website standard, PDPA): one section under the home page
holding a ``PolicyPage`` per kind (website policy, privacy notice, cookie policy, security
policy, accessibility statement) and the HTML ``SiteMapPage``."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import BodyBlock
from core.models import BasePage, BasePageForm, IndexPage
from core.queries import public
from policies.blocks import ProcessingBlock
from policies.consent import CATEGORIES
from policies.sitemap import site_map
from thai.index import ThaiSearchField


class PolicyKind(models.TextChoices):
    WEBSITE = "website", "นโยบายเว็บไซต์ (Website policy)"
    PRIVACY = "privacy", "ประกาศความเป็นส่วนตัว (Privacy notice)"
    COOKIES = "cookies", "นโยบายคุกกี้ (Cookie policy)"
    SECURITY = "security", "นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์ (Website security policy)"
    ACCESSIBILITY = "accessibility", "การเข้าถึงเว็บไซต์ (Accessibility statement)"


DUPLICATE_KIND = "มีนโยบายประเภทนี้ในหมวดนี้แล้ว (This section already has a policy of this kind)"

# The footer's order; "sitemap" is the SiteMapPage.
FOOTER_ORDER = [*PolicyKind.values, "sitemap"]


class PolicyIndexPage(IndexPage):
    """นโยบายเว็บไซต์: the section holding the policies and the site map, once per language."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["policies.PolicyPage", "policies.SiteMapPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หมวดนโยบายเว็บไซต์ (Website policies section)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = public(self.get_children().live().specific())
        return context


class PolicyPageForm(BasePageForm):
    """One policy of each kind per section (per language tree)."""

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if kind and parent is not None:
            siblings = PolicyPage.objects.child_of(parent).filter(kind=kind)
            if siblings.exclude(pk=self.instance.pk).exists():
                self.add_error("kind", DUPLICATE_KIND)
        return cleaned


class PolicyPage(BasePage):
    """One policy, of one kind (only one of each kind per section)."""

    kind = models.CharField("ประเภท (Kind)", max_length=20, choices=PolicyKind.choices)
    body = StreamField(BodyBlock(), blank=True, verbose_name="เนื้อหา (Text)")
    processing = StreamField(
        [("processing", ProcessingBlock())],
        blank=True,
        verbose_name="การประมวลผลข้อมูลส่วนบุคคล (Processing of personal data)",
        help_text="สำหรับประกาศความเป็นส่วนตัว: วัตถุประสงค์ ฐานทางกฎหมาย ข้อมูล ระยะเวลาเก็บ "
        "และผู้รับข้อมูล แสดงเป็นตาราง (For the privacy notice: purposes, legal basis, data, "
        "retention and recipients, shown as a table)",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("body"),
        FieldPanel("processing"),
    ]
    search_fields = [*BasePage.search_fields, ThaiSearchField("body")]

    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []
    base_form_class = PolicyPageForm

    class Meta:
        verbose_name = "นโยบาย (Policy)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.kind == PolicyKind.COOKIES:
            context["consent_categories"] = CATEGORIES
        return context


class SiteMapPage(IndexPage):
    """แผนผังเว็บไซต์: every live public page of the language served, as nested lists,
    built from the tree in a constant number of queries."""

    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "แผนผังเว็บไซต์ (Site map)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the content is rendered: it is kept, rendered, under the content
        # version ({% fragment %} in ``policies/site_map_page.html``).
        home = SimpleLazyObject(lambda: Page.objects.get(path=self.path[: Page.steplen * 2]))
        context["home"] = home
        context["site_map"] = SimpleLazyObject(lambda: site_map(home, request))
        return context
