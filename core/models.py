import functools

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_save
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PageViewRestriction,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.url_routing import RouteResult

from core.addresses import EMPTY_MESSAGE, free_address, validate_page_address
from core.blocks import HotlineBlock
from core.languages import mark_thai_only, may_find_thai_only, thai_only_child
from core.listing import units_by_pk
from core.sharing import shorten
from ownership.models import PageUnit, Unit
from ownership.permissions import UnitPagePermissionTester, limit_unit_choices
from pagecache.fragments import remember
from portal.cache import forget
from portal.i18n import localized
from thai.dates import format_thai_datetime
from thai.index import ThaiSearchField, thai_search_fields

SETTINGS_CACHE_KEY = "site-settings"
STALE_SAVE_MESSAGE = (
    "ยังไม่ได้บันทึก: %(who)s บันทึกหน้านี้ฉบับใหม่กว่า (“%(title)s”) เมื่อ %(when)s "
    "ระหว่างที่ท่านแก้ไขอยู่ สิ่งที่ท่านพิมพ์ยังอยู่ในแบบฟอร์มนี้ครบ โปรดเปิดประวัติการแก้ไข"
    "ในแท็บใหม่เพื่อดูฉบับนั้น แล้วนำสิ่งที่เปลี่ยนมารวมกัน กดบันทึกอีกครั้งเมื่อพร้อม "
    "(การบันทึกอีกครั้งจะแทนที่ฉบับนั้น)"
)


def choice_display(field_name, choices):
    """A ``get_<field>_display`` method for a field of ``choices`` (a ``TextChoices`` class):
    the label of the value, translated once, or the value itself. Django's own builds a dict
    of every choice at each call and hashes each lazy label, which translates all of them (a
    listing of 20 notices: a hundred gettext calls for twenty labels). Django keeps a method
    the class defines instead of making its own."""

    def display(self):
        value = getattr(self, field_name)
        try:
            return str(choices(value).label)
        except ValueError:
            return value

    display.__name__ = f"get_{field_name}_display"
    return display


class BasePageForm(WagtailAdminPageForm):
    """A new page starts with its parent's responsible unit; a unit's staff may only choose
    their own unit (ownership.permissions)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        field = self.fields.get("responsible_unit")
        if field and not self.instance.pk and parent_page is not None:
            field.initial = getattr(parent_page.specific_deferred, "responsible_unit_id", None)
        limit_unit_choices(self, self.for_user)
        slug = self.fields.get("slug")
        if slug:
            # Thai addresses keep their marks (core/addresses.py); an empty one is made from
            # the title on save, as the editor's script makes it while the title is typed.
            slug.validators = [validate_page_address]
            slug.required = False
            slug.widget.attrs.update(
                {
                    "data-controller": "page-address",
                    "data-action": "w-sync:check->page-address#compare "
                    "w-sync:apply->page-address#fill:prevent blur->page-address#clean",
                    "data-page-address-url-value": reverse("core_page_address"),
                    "data-page-address-parent-value": getattr(parent_page, "pk", "") or "",
                    "data-page-address-page-value": self.instance.pk or "",
                }
            )

    def clean(self):
        cleaned_data = super().clean()
        self.refuse_stale_save()
        return cleaned_data

    def refuse_stale_save(self):
        """Refuse a save based on an older version than the page's latest: someone saved in
        between. The editor posts the version it loaded (``loaded_revision_id``, which Wagtail
        itself checks only for autosave); the form comes back with everything typed and says
        who saved what and when. The form it comes back with is based on that newer version,
        so saving again is a deliberate overwrite."""
        if "loaded_revision_id" not in self.data or not self.instance.pk:
            return  # not the page editor (code, the importer)
        latest = self.instance.latest_revision
        if latest is None or self.data["loaded_revision_id"] == str(latest.pk):
            return
        who = latest.user.get_full_name() or latest.user.get_username() if latest.user else None
        raise ValidationError(
            STALE_SAVE_MESSAGE,
            code="stale",
            params={
                "who": who or "ระบบ",
                "when": format_thai_datetime(latest.created_at),
                "title": getattr(latest.as_object(), "title", ""),
            },
        )

    def clean_slug(self):
        value = self.cleaned_data.get("slug")
        if value:
            return value
        value = free_address(self.parent_page, self.cleaned_data.get("title", ""), self.instance)
        if not value:
            raise ValidationError(EMPTY_MESSAGE, code="required")
        return value


class BasePage(Page):
    """What every public page shares: its responsible unit, listing fields and the
    "last updated" footer.

    Abstract, so that no page pays for a join on every query.
    """

    responsible_unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงานที่รับผิดชอบ (Responsible unit)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ "
        "(The unit that owns this content; its staff prepare and approve it)",
    )
    listing_summary = models.TextField(
        "สรุปสำหรับรายการ (Listing summary)",
        blank=True,
        help_text="ข้อความสั้นที่แสดงในรายการและผลการค้นหา (Short text for listings and search results)",
    )
    review_by = models.DateField(
        "ทบทวนเนื้อหาภายในวันที่ (Review by)",
        null=True,
        blank=True,
        help_text="การตรวจเว็บไซต์ประจำวันแจ้งหน่วยงานเมื่อเลยวันนี้แล้ว "
        "(The daily site check reports the page to its unit after this date)",
    )

    content_panels = [*Page.content_panels, FieldPanel("responsible_unit")]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("listing_summary"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("review_by")]
    base_form_class = BasePageForm
    # Thai-aware search (thai/index.py): the title (ranked first), the summaries and the
    # responsible unit's name; each page type adds its own text fields.
    search_fields = [
        *thai_search_fields(Page.search_fields),
        ThaiSearchField("listing_summary"),
        ThaiSearchField("search_description"),
        index.RelatedFields(
            "responsible_unit", [ThaiSearchField("name"), ThaiSearchField("name_en")]
        ),
        index.FilterField("responsible_unit"),
    ]
    # What the site search asks of a page type (search/results.py reads these and names no
    # page type's table): the kinds its kind filter offers for this type, as ``(value,
    # label)``, and where they come in the filter; the field holding the kind when the type
    # has several; the date field that dates the page (date filters, "newest first", the
    # result card); the fiscal year field when it is stored apart from the date. A page type
    # without kinds is one of the search's "other pages". Multi-table subclasses inherit them.
    search_kinds = ()
    search_kind_order = 0
    search_kind_field = None
    search_date_field = None
    search_fiscal_year_field = None
    # Where the page type comes in results ranked by relevance, before how well it matches:
    # the higher first. Listings and summaries (below 0) come after the notices and pages
    # they list, which a citizen searching ``จัดซื้อ`` is looking for.
    search_boost = 0
    # Whether the page offers LINE, Facebook and "copy link" share links (news and notices).
    shareable = False

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """The view restrictions of this page and its ancestors, an alias's taken from its
        source, as Wagtail's own method finds them, in one query instead of two: the
        ancestors' paths are the prefixes of this page's path (Wagtail asks this of every
        page it serves, ``check_view_restrictions``); for a page being served, those
        ``keep_view_restrictions`` found."""
        served = getattr(self, "served_view_restrictions", None)
        if served is not None:
            return served
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
        return PageViewRestriction.objects.filter(Q(page__path__in=paths) | Q(page__in=sources))

    def keep_view_restrictions(self, request):
        """Before Wagtail checks this page's view restrictions for ``request`` (its
        ``check_view_restrictions``, on every page it serves; the portal's
        ``before_serve_page`` hook calls this): that the page has none is kept under the
        content version (``pagecache.fragments``), which any restriction added, changed or
        removed raises, so an unrestricted page asks the database nothing for it. A
        restricted page's restrictions are read every time (never kept, nor their password)."""
        self.served_view_restrictions = remember(
            request,
            "view-restrictions",
            lambda: list(self.get_view_restrictions()),
            self.pk,
            keep=lambda restrictions: not restrictions,
        )

    def search_date(self):
        """The date on this page's search result (None for an undated page)."""
        return getattr(self, self.search_date_field) if self.search_date_field else None

    def search_kind_label(self):
        """The kind on this page's search result: by default the Thai name of its type."""
        return str(self._meta.verbose_name).split(" (")[0]  # verbose names are "ไทย (English)"

    def search_text(self):
        """The text a search result's snippet is cut from: the listing summary, or the search
        description; page types with a body add its words."""
        return self.listing_summary or self.search_description or ""

    def share_description(self):
        """The page's meta and Open Graph description: the editor's search description, else
        the listing summary, the introduction or the first words of the body (``search_text``),
        cut to about 160 characters between words; never empty."""
        text = (
            self.search_description
            or self.listing_summary
            or getattr(self, "intro", "")
            or self.search_text()
        )
        return shorten(text) or self.title

    def share_image(self):
        """The page's own picture for Open Graph cards, or None for the municipality's emblem.
        Page types with a picture override this."""
        return None

    def route(self, request, path_components):
        """Wagtail's routing, one query cheaper per level passed through: a page on the way
        to the one served needs only its class (unless it routes sub-paths itself)."""
        if not path_components:
            if self.expired and not self.live:
                return RouteResult(self)  # serve() answers 410 Gone
            return super().route(request, path_components)
        child_slug, *remaining = path_components
        child = self.get_children().filter(slug=child_slug).first()
        if (child is None or not (child.live or child.expired)) and may_find_thai_only(request):
            # A Thai page without a live translation answers at its English address: where
            # there is no English page, or only a translation still in draft (core/languages.py).
            thai = thai_only_child(self, child_slug)
            if thai is not None:
                child = thai
                mark_thai_only(request)
        if child is None:
            raise Http404
        passing_through = remaining and not issubclass(child.specific_class, RoutablePageMixin)
        target = child.specific_deferred if passing_through else child.specific
        target._cached_parent_obj = self  # breadcrumbs walk up without a query
        return target.route(request, remaining)

    def serve(self, request, *args, **kwargs):
        """An expired page answers 410 with a Thai notice of when it stopped being published."""
        # The units ``owner_unit`` reads, kept for the request (read only if it is asked).
        self.served_units = SimpleLazyObject(functools.partial(units_by_pk, request))
        if self.expired and not self.live:
            return TemplateResponse(request, "expired.html", {"page": self}, status=410)
        return super().serve(request, *args, **kwargs)

    def full_clean(self, *args, **kwargs):
        """A page saved without an address (code, not the editor) gets one made from its
        title that keeps the Thai marks, instead of Wagtail's, which drops them."""
        if not self.slug and self.title and self.path:
            self.slug = free_address(self.get_parent(), self.title, self)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        """Save, and keep the stored owner (``ownership.PageUnit``) in step."""
        result = super().save(*args, **kwargs)
        PageUnit.record(self)
        return result

    def permissions_for_user(self, user):
        """What ``user`` may do here: by the responsible unit, not only by the place in the tree
        (ownership.permissions). Wagtail casts plain ``Page`` objects to their type for this."""
        return UnitPagePermissionTester(user, self)

    @property
    def owner_unit(self):
        """The responsible unit, read from the units cache (no query on a page view); on a page
        being served, from the units kept for its request (``core.listing.units_by_pk``)."""
        if not self.responsible_unit_id:
            return None
        units = getattr(self, "served_units", None)
        if units is None:
            return Unit.cached(self.responsible_unit_id)
        return units.get(self.responsible_unit_id)

    @property
    def last_updated(self):
        return self.last_published_at or self.latest_revision_created_at


class IndexPage(BasePage):
    """A page that opens with an introduction: a section's index (news, notices, schools…)
    and the single pages that introduce a form, a table or a directory.

    A filtered listing's context comes from ``listing_context``. Abstract: each page type keeps
    ``intro`` in its own table.
    """

    intro = models.TextField("คำนำ (Introduction)", blank=True)

    search_boost = -1  # a listing comes after what it lists

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, ThaiSearchField("intro")]

    class Meta:
        abstract = True

    @staticmethod
    def listing_context(request, name, items, per_page, filters, **choices):
        """A filtered listing's context: one page of ``items`` (a queryset, or a function
        returning it) as ``name`` (``?page=``), the valid ``filters`` read from the query
        string and the ``choices`` of its drop-downs. The page of pages is kept under the
        content version for its address (``pagecache.fragments``)."""
        from core.listing import paginate_pages

        return {
            name: paginate_pages(items, request, per_page, name),
            "filters": filters,
            **choices,
        }


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and complaint channels (H6), changed by editors without a deploy."""

    address = models.TextField("ที่อยู่ (Address)", default="")
    address_en = models.TextField("Address in English", blank=True)
    phone = models.CharField("โทรศัพท์ (Phone)", max_length=50, blank=True)
    email = models.EmailField("อีเมล (E-mail)", blank=True)
    office_hours = models.CharField("เวลาทำการ (Office hours)", max_length=200, blank=True)
    office_hours_en = models.CharField("Office hours in English", max_length=200, blank=True)
    hotlines = StreamField(
        [("hotline", HotlineBlock())], blank=True, verbose_name="สายด่วน (Hotlines)"
    )
    facebook_url = models.URLField("เพจ Facebook (Facebook page)", blank=True)
    app_name = models.CharField("ชื่อแอปพลิเคชัน (App name)", max_length=100, blank=True)
    app_url = models.URLField("ลิงก์แอปพลิเคชัน (App link)", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
                FieldPanel("office_hours_en"),
            ],
            heading="ติดต่อเทศบาล (Contact)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotlines"),
                FieldPanel("facebook_url"),
                FieldPanel("app_name"),
                FieldPanel("app_url"),
            ],
            heading="ช่องทางร้องเรียน (Complaint channels, H6)",
        ),
    ]

    class Meta:
        verbose_name = "ข้อมูลติดต่อและช่องทางร้องเรียน (Contact and channels)"

    @classmethod
    def for_site(cls, site):
        """The settings of ``site``, cached (every page's footer reads them) until saved again."""
        key = f"{SETTINGS_CACHE_KEY}:{site.pk}"
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, None)
        return instance

    @property
    def localized_address(self):
        return localized(self.address, self.address_en)

    @property
    def localized_office_hours(self):
        return localized(self.office_hours, self.office_hours_en)


def clear_cached_settings(instance, **kwargs):
    forget(f"{SETTINGS_CACHE_KEY}:{instance.site_id}")


post_save.connect(clear_cached_settings, sender=SiteSettings, dispatch_uid="settings-save")


class AlertBanner(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """The site-wide alert banner, shown above every public page (core/alerts.py): drafts,
    revisions, go-live and expiry, and the approval workflow, like a page."""

    class Level(models.TextChoices):
        INFO = "info", "แจ้งให้ทราบ (Information)"
        WARNING = "warning", "เตือน (Warning)"
        DANGER = "danger", "อันตราย / เร่งด่วน (Danger)"

    text = models.CharField("ข้อความ (Text)", max_length=250)
    text_en = models.CharField("ข้อความภาษาอังกฤษ (English text)", max_length=250, blank=True)
    link = models.URLField("ลิงก์รายละเอียด (Link)", blank=True)
    level = models.CharField(
        "ระดับ (Level)", max_length=10, choices=Level.choices, default=Level.WARNING
    )

    panels = [
        MultiFieldPanel([FieldPanel("text"), FieldPanel("text_en")], heading="ข้อความ"),
        FieldPanel("link"),
        FieldPanel("level"),
        PublishingPanel(),
    ]

    class Meta:
        verbose_name = "ประกาศเตือนทั้งเว็บไซต์ (Site-wide alert)"
        verbose_name_plural = "ประกาศเตือนทั้งเว็บไซต์ (Site-wide alerts)"

    def __str__(self):
        return self.text

    @property
    def localized_text(self):
        return localized(self.text, self.text_en)
