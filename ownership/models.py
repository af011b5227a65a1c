"""Who owns what: the units of the municipality, what each group is for, and the owning unit
of every page in one table.

This app sits below every content app: ``core`` and ``moderation`` import it, it imports none
of them. ``ownership.permissions`` decides with these records what a person may see and do.
"""

import contextlib
import contextvars

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Page

from portal.cache import forget
from portal.i18n import localized

UNITS_CACHE_KEY = "units"
# Pages without a responsible unit are approved by the supervisors of this unit (the Office of
# the Municipal Clerk runs the municipality's general administration).
FALLBACK_UNIT_SLUG = "clerk"


class Unit(models.Model):
    """A unit of the municipality (A1) that owns content. New units are added as data."""

    name = models.CharField("ชื่อหน่วยงาน (Name)", max_length=200, unique=True)
    name_en = models.CharField("ชื่อภาษาอังกฤษ (Name in English)", max_length=200, blank=True)
    slug = models.SlugField("รหัส (Code)", max_length=50, unique=True)
    sort_order = models.PositiveSmallIntegerField("ลำดับ (Order)", default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        # The table it had in ``core``, where it was first made (moved without copying rows).
        db_table = "core_unit"
        ordering = ["sort_order", "name"]
        verbose_name = "หน่วยงาน (Unit)"
        verbose_name_plural = "หน่วยงาน (Units)"

    def __str__(self):
        return self.name

    @property
    def localized_name(self):
        return localized(self.name, self.name_en)

    @classmethod
    def cached(cls, pk):
        """The unit ``pk`` from a cache of all units (they change rarely), without a query."""
        units = cache.get(UNITS_CACHE_KEY)
        if units is None:
            units = {unit.pk: unit for unit in cls.objects.all()}
            cache.set(UNITS_CACHE_KEY, units, None)
        return units.get(pk)


class Office(models.Model):
    """Where a unit, one of its sections or a room of the municipality is: entered once, and
    read by the building directory (``about.HistoryPage``), the unit's page
    (``departments.DepartmentPage``) and the phone directory (``departments.PhoneEntry``)."""

    unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงาน (Unit)",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="offices",
        help_text="เว้นว่างสำหรับห้องที่ไม่ใช่ของหน่วยงานใด เช่น ห้องนายกเทศมนตรี "
        "(Empty for a room of no unit, e.g. the mayor's office)",
    )
    name = models.CharField(
        "งานหรือห้อง (Section or room)",
        max_length=200,
        blank=True,
        help_text="เว้นว่างเมื่อเป็นสำนักงานของหน่วยงานเอง เช่น งานพัสดุ หรือ ห้องนายกเทศมนตรี "
        "(Empty for the unit's own office; e.g. the procurement section, the mayor's office)",
    )
    name_en = models.CharField("ชื่อภาษาอังกฤษ (Name in English)", max_length=200, blank=True)
    building = models.CharField("อาคาร (Building)", max_length=200, default="อาคารสำนักงานเทศบาล")
    building_en = models.CharField(
        "อาคาร ภาษาอังกฤษ (Building in English)",
        max_length=200,
        blank=True,
        default="Municipal office building",
    )
    floor = models.PositiveSmallIntegerField(
        "ชั้น (Floor)",
        null=True,
        blank=True,
        help_text="เว้นว่างถ้าอาคารมีชั้นเดียว (Empty for a one-storey building)",
    )
    room = models.CharField(
        "ห้อง (Room)",
        max_length=50,
        blank=True,
        help_text="เช่น 101 หรือ 101–103 (e.g. 101, or 101–103)",
    )
    sort_order = models.PositiveSmallIntegerField("ลำดับ (Order)", default=0)

    panels = [
        FieldRowPanel([FieldPanel("unit"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("building"), FieldPanel("building_en")]),
        FieldRowPanel([FieldPanel("floor"), FieldPanel("room")]),
    ]

    class Meta:
        ordering = ["sort_order", "building", "floor", "room", "pk"]
        verbose_name = "ที่ตั้งสำนักงาน (Office)"
        verbose_name_plural = "ที่ตั้งสำนักงาน (Offices)"

    def __str__(self):
        return f"{self.name or self.unit or '—'}: {self.location}"

    @property
    def display_name(self):
        """The section or room's name, or its unit's, in the page's language."""
        if self.name:
            return localized(self.name, self.name_en)
        return self.unit.localized_name if self.unit_id else ""

    @property
    def building_name(self):
        return localized(self.building, self.building_en)

    @property
    def floor_room(self):
        """``ชั้น 1 ห้อง 101–103`` (``Floor 1, room 101–103`` on English pages)."""
        if self.floor is not None and self.room:
            return gettext("ชั้น %(floor)s ห้อง %(room)s") % {"floor": self.floor, "room": self.room}
        if self.floor is not None:
            return gettext("ชั้น %(floor)s") % {"floor": self.floor}
        if self.room:
            return gettext("ห้อง %(room)s") % {"room": self.room}
        return ""

    @property
    def location(self):
        """The one way every page writes where it is: building, floor and room
        (``อาคารสำนักงานเทศบาล ชั้น 1 ห้อง 101–103``;
        ``Municipal office building, floor 1, room 101–103``)."""
        separator = localized(" ", ", ")
        return separator.join(part for part in (self.building_name, self.floor_room) if part)


class Role(models.TextChoices):
    CREATOR = "creator", "ผู้จัดทำเนื้อหา (Content creator)"
    SUPERVISOR = "supervisor", "ผู้บังคับบัญชา (Supervisor)"
    OPERATOR = "operator", "ผู้ปฏิบัติงานเผยแพร่ (Web operator)"
    IT_ADMIN = "it_admin", "ผู้ดูแลระบบ (IT administrator)"


UNIT_ROLES = {Role.CREATOR, Role.SUPERVISOR}
SITE_ROLES = {Role.OPERATOR, Role.IT_ADMIN}


class GroupRole(models.Model):
    """What a group is for. Created with the group (``moderation.setup``), never by hand."""

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="role", verbose_name="กลุ่ม (Group)"
    )
    role = models.CharField("บทบาท (Role)", max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงาน (Unit)",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="group_roles",
    )

    class Meta:
        # The table it had in ``moderation``, where it was first made.
        db_table = "moderation_grouprole"
        verbose_name = "บทบาทของกลุ่ม (Group role)"
        verbose_name_plural = "บทบาทของกลุ่ม (Group roles)"
        constraints = [
            models.UniqueConstraint(
                fields=["role", "unit"],
                condition=models.Q(unit__isnull=False),
                name="one_group_per_unit_role",
            ),
            models.UniqueConstraint(
                fields=["role"], condition=models.Q(unit__isnull=True), name="one_site_wide_group"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=sorted(UNIT_ROLES), unit__isnull=False)
                | models.Q(role__in=sorted(SITE_ROLES), unit__isnull=True),
                name="unit_roles_have_a_unit",
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.unit or '—'}"


class PageUnit(models.Model):
    """The responsible unit of a page, keyed by the page, whatever its type: "pages of unit X"
    and "unit of these pages" are one join on ``wagtailcore_page`` (``ownership__unit``),
    however many page types there are. Written by ``record`` whenever a page with a
    ``responsible_unit`` is saved (created, published, copied, moved, imported); the page's own
    field stays the one editors change."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="ownership"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="pages"
    )

    class Meta:
        verbose_name = "หน่วยงานเจ้าของหน้า (Page owner unit)"
        verbose_name_plural = "หน่วยงานเจ้าของหน้า (Page owner units)"

    def __str__(self):
        return f"{self.page_id}: {self.unit_id}"

    @classmethod
    def record(cls, page):
        """Keep the stored owner of ``page`` in step with its ``responsible_unit`` (inside
        ``recorded_together``: at its end)."""
        pending = _recorded_together.get()
        if pending is not None:
            pending[page.pk] = page.responsible_unit_id
            return
        cls._write({page.pk: page.responsible_unit_id})

    @classmethod
    @contextlib.contextmanager
    def recorded_together(cls):
        """Inside, the owners ``record`` is asked to keep are written at the end, in one
        statement (the import saves hundreds of pages in a row); nothing is written if the
        block fails."""
        pending = {}
        token = _recorded_together.set(pending)
        try:
            yield
        finally:
            _recorded_together.reset(token)
        cls._write(pending)

    @classmethod
    def _write(cls, units):
        if not units:
            return
        cls.objects.bulk_create(
            [cls(page_id=page_id, unit_id=unit_id) for page_id, unit_id in units.items()],
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=["unit"],
        )


# The owners ``PageUnit.record`` keeps for the end of ``PageUnit.recorded_together``.
_recorded_together = contextvars.ContextVar("page_units_recorded_together", default=None)


def clear_cached_units(**kwargs):
    forget(UNITS_CACHE_KEY)


post_save.connect(clear_cached_units, sender=Unit, dispatch_uid="units-save")
post_delete.connect(clear_cached_units, sender=Unit, dispatch_uid="units-delete")
