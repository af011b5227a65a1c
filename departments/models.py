"""หน่วยงานในสังกัด (A1–A3) and the directories of the main menu (H1).

The nine units' pages with their powers and duties and personnel, the boards and past holders
(executives, council, mayors, municipal clerks) and the internal phone numbers.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import RowNumber
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from core.listing import valid_choice
from core.models import BasePage, IndexPage
from core.queries import public, route_to_child
from news.models import AnnouncementPage
from ownership.models import Office, Unit
from procurement.navigation import listing_url
from thai.index import ThaiSearchField

PORTRAIT = "fill-200x240"  # the one rendition of a person's photo in every card

FIRST_BE_YEAR = 2475  # B.E. 2475 (1932), before the first municipalities of B.E. 2476
LAST_BE_YEAR = 2700

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 \-]{2,28}$",
    "ใส่เฉพาะตัวเลข ช่องว่าง หรือขีด เช่น 0 5621 9500 (Digits, spaces and dashes only)",
)
extension_validator = RegexValidator(r"^[0-9]{2,6}$", "ใส่ตัวเลข 2–6 หลัก เช่น 1101 (2 to 6 digits)")
be_year_validators = [MinValueValidator(FIRST_BE_YEAR), MaxValueValidator(LAST_BE_YEAR)]
QUERY_MAX_LENGTH = 100  # of the text typed in the phone-number filter


def with_portraits(people):
    """``people`` with their photos and the photos' card renditions, in two queries."""
    Rendition = get_image_model().get_rendition_model()
    return people.select_related("photo").prefetch_related(
        Prefetch(
            "photo__renditions",
            queryset=Rendition.objects.filter(filter_spec=PORTRAIT),
            to_attr="prefetched_renditions",
        )
    )


class Person(models.Model):
    """What a citizen sees of a person in a directory: photo, name, position, how to reach them."""

    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ภาพถ่าย (Photo)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="ข้อความแทนภาพคือชื่อบุคคล (The person's name is used as the alt text)",
    )
    name = models.CharField("ชื่อ-นามสกุล (Name)", max_length=200)
    position = models.CharField("ตำแหน่ง (Position)", max_length=200, blank=True)
    phone = models.CharField(
        "โทรศัพท์ (Phone)", max_length=30, blank=True, validators=[phone_validator]
    )
    email = models.EmailField("อีเมล (E-mail)", blank=True)

    panels = [
        FieldPanel("photo"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]
    override_translatable_fields = [SynchronizedField("phone")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name


# --- หน่วยงานในสังกัด (A1) ------------------------------------------------------------------


class DepartmentIndexPage(IndexPage):
    """หน่วยงานในสังกัด: the nine units, each with its head and phone number."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["departments.DepartmentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน่วยงานในสังกัด (Departments index)"

    def unit_pages(self):
        """The live public unit pages in tree order, each with its head (first person): one
        query, run only when the listing is rendered (not when it is kept)."""
        head = DepartmentPerson.objects.filter(page=OuterRef("pk")).order_by("sort_order")
        return (
            public(DepartmentPage.objects.child_of(self).live())
            .annotate(
                head_name=Subquery(head.values("name")[:1]),
                head_position=Subquery(head.values("position")[:1]),
            )
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unit_pages"] = self.unit_pages()
        return context

    def route(self, request, path_components):
        """A unit page and its own fields in one query, not two (page, then specific)."""
        return route_to_child(self, request, path_components, DepartmentPage) or super().route(
            request, path_components
        )


class DepartmentPage(BasePage):
    """One unit (A1): its powers and duties (A2) and personnel directory (A3)."""

    unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงาน (Unit)",
        on_delete=models.PROTECT,
        related_name="department_pages",
        help_text="หน่วยงานละหนึ่งหน้าในแต่ละภาษา และเป็นหน่วยงานที่รับผิดชอบหน้านี้ "
        "(One page per unit in each language; the unit also owns this page)",
    )
    duties = StreamField(BodyBlock(), blank=True, verbose_name="อำนาจหน้าที่ (Powers and duties)")
    phone = models.CharField(
        "โทรศัพท์ (Phone)", max_length=30, blank=True, validators=[phone_validator]
    )
    email = models.EmailField("อีเมล (E-mail)", blank=True)

    # The responsible unit is always the page's unit (set in clean), so it is not edited here.
    # Where the unit sits is its offices' (ownership.Office), shared with the building and
    # phone directories.
    content_panels = [
        *Page.content_panels,
        FieldPanel("unit"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email")],
            heading="ติดต่อหน่วยงาน (Contact)",
            help_text="ชั้นและห้องแก้ไขที่เมนู ที่ตั้งสำนักงาน (Floors and rooms are edited under Offices)",
        ),
        FieldPanel("duties"),
        InlinePanel(
            "people",
            heading="ทำเนียบบุคลากร (Personnel directory)",
            label="บุคลากร (Person)",
            help_text="ใส่หัวหน้าหน่วยงานเป็นคนแรก แล้วเรียงตามลำดับที่ต้องการแสดง "
            "(Put the head of the unit first, then the others in the order to show)",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        ThaiSearchField("duties"),
        index.RelatedFields("people", [ThaiSearchField("name"), ThaiSearchField("position")]),
    ]
    override_translatable_fields = [SynchronizedField("phone")]

    parent_page_types = ["departments.DepartmentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "หน่วยงาน (Department)"

    def clean(self):
        super().clean()
        self.responsible_unit_id = self.unit_id
        if self.unit_id is None:
            return
        others = DepartmentPage.objects.filter(unit_id=self.unit_id, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {
                    "unit": "หน่วยงานนี้มีหน้าของตนแล้วในภาษานี้ "
                    "(This unit already has its page in this language)"
                }
            )

    def save(self, *args, **kwargs):
        self.responsible_unit_id = self.unit_id
        return super().save(*args, **kwargs)

    def personnel(self):
        """The unit's people in the editor's order (head first), with their photos."""
        return with_portraits(self.people.all())

    def offices(self):
        """Where the unit and its sections sit (one query)."""
        return Office.objects.filter(unit_id=self.unit_id).select_related("unit")

    def get_context(self, request, *args, **kwargs):
        """``lists``: the people, offices and the newest notices, read only when the page's
        content is rendered: it is kept, rendered, under the content version
        (``{% fragment %}`` in ``departments/department_page.html``)."""
        context = super().get_context(request, *args, **kwargs)
        context["lists"] = SimpleLazyObject(
            lambda: {
                "people": list(self.personnel()),
                "offices": list(self.offices()),
                **self.latest_notices(),
            }
        )
        return context

    def latest_notices(self, limit=5):
        """The unit's newest announcements and, apart, its newest procurement notices (its
        schools' included), by responsible unit: one query; the address of all its
        procurement in the procurement listing is cached."""
        is_procurement = models.Case(
            models.When(procurementnoticepage__isnull=False, then=models.Value(True)),
            default=models.Value(False),
            output_field=models.BooleanField(),
        )
        rank = models.Window(
            RowNumber(),
            partition_by=is_procurement,
            order_by=[models.F("date").desc(), models.F("pk").desc()],
        )
        items = list(
            AnnouncementPage.listing()
            .filter(responsible_unit=self.unit_id)
            .select_related("procurementnoticepage")
            .annotate(procurement=is_procurement, rank=rank)
            .filter(rank__lte=limit)
        )
        return {
            "announcements": [item for item in items if not item.procurement],
            "procurement": {
                "notices": [item.procurementnoticepage for item in items if item.procurement],
                "listing_url": listing_url(self.locale_id),
            },
        }


class DepartmentPerson(TranslatableMixin, Orderable, Person):
    """A person in a unit's personnel directory (A3)."""

    page = ParentalKey(DepartmentPage, on_delete=models.CASCADE, related_name="people")

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = "บุคลากร (Person)"
        verbose_name_plural = "บุคลากร (Personnel)"


# --- ทำเนียบ (H1 directories) ---------------------------------------------------------------


class PersonDirectoryPage(IndexPage):
    """คณะผู้บริหาร, สมาชิกสภาเทศบาล, ทำเนียบนายกเทศมนตรี or ทำเนียบปลัดเทศบาล."""

    class Kind(models.TextChoices):
        EXECUTIVES = "executives", "คณะผู้บริหาร (Executives)"
        COUNCIL = "council", "สมาชิกสภาเทศบาล (Council members)"
        PAST_MAYORS = "past_mayors", "ทำเนียบนายกเทศมนตรี (Past and present mayors)"
        PAST_CLERKS = "past_clerks", "ทำเนียบปลัดเทศบาล (Municipal clerks)"

    kind = models.CharField("ประเภททำเนียบ (Kind of directory)", max_length=20, choices=Kind.choices)

    content_panels = [
        *IndexPage.content_panels,
        FieldPanel("kind"),
        InlinePanel(
            "people",
            heading="รายชื่อ (People)",
            label="บุคคล (Person)",
            help_text="เรียงตามลำดับที่ต้องการแสดง (In the order to show)",
        ),
    ]
    search_fields = [
        *IndexPage.search_fields,
        index.RelatedFields("people", [ThaiSearchField("name"), ThaiSearchField("position")]),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "ทำเนียบบุคคล (Person directory)"

    @property
    def lists_past_holders(self):
        """Mayors and clerks through the years, rather than the board in office."""
        return self.kind in (self.Kind.PAST_MAYORS, self.Kind.PAST_CLERKS)

    def directory(self):
        return with_portraits(self.people.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people"] = self.directory()
        return context


class DirectoryPerson(TranslatableMixin, Orderable, Person):
    """A person in a directory, with the term in Buddhist Era years (end empty = in office)."""

    page = ParentalKey(PersonDirectoryPage, on_delete=models.CASCADE, related_name="people")
    term_start = models.PositiveSmallIntegerField(
        "เริ่มวาระ พ.ศ. (Term from, B.E.)", validators=be_year_validators
    )
    term_end = models.PositiveSmallIntegerField(
        "สิ้นสุดวาระ พ.ศ. (Term until, B.E.)",
        null=True,
        blank=True,
        validators=be_year_validators,
        help_text="เว้นว่างถ้ายังดำรงตำแหน่ง (Leave empty while still in office)",
    )

    panels = [
        *Person.panels,
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = "บุคคลในทำเนียบ (Person in a directory)"
        verbose_name_plural = "บุคคลในทำเนียบ (People in a directory)"

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError(
                {"term_end": "ปีสิ้นสุดวาระต้องไม่ก่อนปีเริ่มวาระ (The term cannot end before it starts)"}
            )


# --- เบอร์โทรศัพท์ภายใน (H1) -----------------------------------------------------------------


class PhoneDirectoryPage(IndexPage):
    """เบอร์โทรศัพท์ภายใน: internal numbers by unit, floor and room, searchable by citizens."""

    switchboard = models.CharField(
        "หมายเลขกลาง (Switchboard number)",
        max_length=30,
        default="0 5621 9500",
        validators=[phone_validator],
        help_text="โทรเข้าหมายเลขนี้แล้วกดเบอร์ภายใน (Call this number, then dial the extension)",
    )

    content_panels = [
        *IndexPage.content_panels,
        FieldPanel("switchboard"),
        InlinePanel("entries", heading="หมายเลขโทรศัพท์ (Numbers)", label="หมายเลข (Number)"),
    ]
    search_fields = [
        *IndexPage.search_fields,
        index.RelatedFields("entries", [ThaiSearchField("section")]),
    ]
    override_translatable_fields = [SynchronizedField("switchboard")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "เบอร์โทรศัพท์ภายใน (Internal phone numbers)"

    @property
    def switchboard_dial(self):
        """The switchboard as dialled: digits only, for ``tel:`` links."""
        return "".join(c for c in self.switchboard if c.isdigit() or c == "+")

    def units(self):
        """Units that have a number here, for the filter's choices."""
        return Unit.objects.filter(phone_entries__page=self).distinct()

    @staticmethod
    def filters(query, units):
        """``?unit=<slug>&q=<text>``: a value that does not fit is ignored, never an error."""
        text = query.get("q", "").strip()
        fits = len(text) <= QUERY_MAX_LENGTH and "\x00" not in text
        return {
            "unit": valid_choice(query, "unit", {unit.slug for unit in units}),
            "q": text if fits else "",
        }

    def numbers(self, unit=None, query=""):
        """The entries in the editor's order, narrowed to the unit with the slug ``unit`` and
        to the text ``query`` if given."""
        entries = self.entries.select_related("unit", "office__unit")
        if unit:
            entries = entries.filter(unit__slug=unit)
        if query:
            entries = entries.filter(
                Q(section__icontains=query)
                | Q(unit__name__icontains=query)
                | Q(unit__name_en__icontains=query)
                | Q(office__name__icontains=query)
                | Q(office__room__icontains=query)
                | Q(extension__icontains=query)
                | Q(direct_line__icontains=query)
            )
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        units = list(self.units())
        filters = self.filters(request.GET, units)
        context.update(
            units=units,
            filters=filters,
            query_max_length=QUERY_MAX_LENGTH,
            is_filtered=bool(filters["unit"] or filters["q"]),
            entries=self.numbers(filters["unit"], filters["q"]),
        )
        return context


class PhoneEntry(TranslatableMixin, Orderable):
    """One internal number: a unit or a named section, where it sits and how to call it."""

    page = ParentalKey(PhoneDirectoryPage, on_delete=models.CASCADE, related_name="entries")
    unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงาน (Unit)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="phone_entries",
    )
    section = models.CharField(
        "งาน / ห้อง (Section)",
        max_length=200,
        blank=True,
        help_text="เช่น งานทะเบียนราษฎร หรือ ห้องนายกเทศมนตรี (e.g. civil registration)",
    )
    office = models.ForeignKey(
        Office,
        verbose_name="ที่ตั้ง (Office)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="phone_entries",
        help_text="ชั้นและห้องมาจากข้อมูลที่ตั้งสำนักงาน (The floor and room come from Offices)",
    )
    extension = models.CharField(
        "เบอร์ภายใน (Extension)", max_length=6, validators=[extension_validator]
    )
    direct_line = models.CharField(
        "สายตรง (Direct line)", max_length=30, blank=True, validators=[phone_validator]
    )

    panels = [
        FieldRowPanel([FieldPanel("unit"), FieldPanel("section")]),
        FieldRowPanel([FieldPanel("office"), FieldPanel("extension"), FieldPanel("direct_line")]),
    ]
    override_translatable_fields = [
        SynchronizedField("extension"),
        SynchronizedField("direct_line"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = "หมายเลขภายใน (Internal number)"
        verbose_name_plural = "หมายเลขภายใน (Internal numbers)"

    def __str__(self):
        return f"{self.section or self.unit} {self.extension}"

    def clean(self):
        super().clean()
        if self.office_id and self.office.unit_id and self.unit_id is None:
            self.unit_id = self.office.unit_id  # the office's unit, for the unit filter
        if self.unit_id is None and not self.section and not self.office_id:
            raise ValidationError(
                {"section": "เลือกหน่วยงานหรือใส่ชื่องาน (Choose a unit or name the section)"}
            )

    @property
    def name(self):
        """What the row is called: its section, else its office's name, else its unit."""
        if self.section:
            return self.section
        if self.office_id and self.office.name:
            return self.office.display_name
        return self.unit.localized_name if self.unit_id else ""
