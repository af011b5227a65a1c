"""Writing imported rows as pages.

A new page is written directly: its tree path is the next free one under its parent (kept in
memory, so there is no "last child" query per row), it is saved once without Wagtail's second
validation (the row was validated just before), and it gets no revision: a page's first
revision is made when an editor (or a later import) changes it, as for pages made by a data
migration. Its audit-log entries ("created" and, with ``--publish``, "published") and its
parent's child count are written in bulk at the end of the batch, and ``page_published`` is
sent for it as when an editor publishes. A page that already exists (same ``source_id``) is
updated through Wagtail's own ``save_revision()`` and ``publish()``: slower, but the path an
editor's change takes, with a revision to compare and roll back to.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page, PageLogEntry
from wagtail.signals import page_published

from imports.legacy import only_missing
from imports.models import ImportedNotice
from imports.rows import RowProblem
from procurement.models.notices import ProcurementNoticePage, stage_for_kind

SLUG_MAX = 80


def validation_message(error, model):
    """A model's ``ValidationError`` as one Thai line: ``field label: message``, and
    ``ต้องระบุ field label`` for a required value that is missing."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for name, errors in error.error_dict.items():
        try:
            label = model._meta.get_field(name).verbose_name
        except FieldDoesNotExist:
            label = None
        for each in errors:
            if label and each.code in ("null", "blank"):
                parts.append(_("ต้องระบุ %(field)s") % {"field": label})
            else:
                message = " ".join(each.messages)
                parts.append(f"{label}: {message}" if label else message)
    return "; ".join(parts)


class Writer:
    """Creates and updates the pages of one import; keeps each parent's next free path and
    its children's slugs between rows."""

    def __init__(self, locale, publish):
        self.locale = locale
        self.publish = publish
        self.now = timezone.now()
        self._next_path = {}
        self._slugs = {}
        # Written in bulk by ``finish_batch()``
        self.log_entries = []
        self.new_children = {}

    def forget(self, parent):
        """Drop what is remembered of ``parent`` (after a failed write)."""
        self._next_path.pop(parent.pk, None)
        self._slugs.pop(parent.pk, None)

    # --- tree helpers -----------------------------------------------------------------

    def _children(self, parent):
        return Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)

    def next_path(self, parent):
        if parent.pk not in self._next_path:
            last = self._children(parent).order_by("-path").values_list("path", flat=True).first()
            step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
            self._next_path[parent.pk] = Page._get_path(parent.path, parent.depth + 1, step)
        return self._next_path[parent.pk]

    def free_slug(self, parent, source_id):
        if parent.pk not in self._slugs:
            self._slugs[parent.pk] = set(self._children(parent).values_list("slug", flat=True))
        taken = self._slugs[parent.pk]
        base = slugify(source_id, allow_unicode=True)[:SLUG_MAX].strip("-") or "notice"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    # --- validation -------------------------------------------------------------------

    def validate(self, page):
        """The model's own validation (fields, money, winner, contract…) without the unique
        checks (the path and slug are chosen free). A procurement notice valid but for the
        fields an old notice may lack is marked ``imported_incomplete``."""
        # Foreign keys are left out: they are set here from what was loaded (unit, locale),
        # and checking each one would cost a query per key per row.
        relations = [f.name for f in page._meta.concrete_fields if f.is_relation]
        options = {"exclude": relations, "validate_unique": False, "validate_constraints": False}
        if hasattr(page, "imported_incomplete"):
            page.imported_incomplete = False
        try:
            page.full_clean(**options)
        except ValidationError as error:
            if not only_missing(error, page):
                raise RowProblem(validation_message(error, type(page))) from None
            # An old notice as it was: imported, marked incomplete (imports.legacy).
            page.imported_incomplete = True
            page.full_clean(**options)

    # --- new pages --------------------------------------------------------------------

    def create(self, row, target):
        """A new page for ``row`` under its target parent; returns it."""
        parent = target.parent
        page = target.model(**with_stage(target))
        page.slug = self.free_slug(parent, row.source_id)
        page.locale = self.locale
        page.depth = parent.depth + 1
        page.path = self.next_path(parent)
        page._cached_parent_obj = parent
        page.live = self.publish
        page.has_unpublished_changes = not self.publish
        if self.publish:
            published = timezone.make_aware(
                datetime.datetime.combine(row.published, datetime.time())
            )
            page.first_published_at = min(published, self.now)
            page.last_published_at = self.now
        self.validate(page)
        try:
            # Validated above; the "created" entry of the audit log is written in bulk.
            page.save(clean=False, log_action=None)
        except IntegrityError:
            self.forget(parent)
            raise RowProblem(_("บันทึกไม่ได้เพราะมีการแก้ไขหน้าเดียวกันพร้อมกัน กรุณานำเข้าใหม่")) from None
        ImportedNotice.objects.create(source_id=row.source_id, page=page, row_digest=row.digest)
        # The row is written: its path and slug are taken.
        self._next_path[parent.pk] = page._inc_path()
        self._slugs[parent.pk].add(page.slug)
        self.new_children[parent.pk] = self.new_children.get(parent.pk, 0) + 1
        for action in (
            ("wagtail.create", "wagtail.publish") if self.publish else ("wagtail.create",)
        ):
            self.log_entries.append(self._log_entry(page, action))
        return page

    def _log_entry(self, page, action):
        """The audit-log entry Wagtail's ``log()`` would write (without its per-row query
        for the entry's validation)."""
        return PageLogEntry(
            content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
            label=page.get_admin_display_title(),
            action=action,
            timestamp=self.now,
            data={},
            page=page,
            content_changed=True,
        )

    def finish_batch(self):
        """Write what the batch's rows left for the end: their audit-log entries and their
        parents' child counts."""
        PageLogEntry.objects.bulk_create(self.log_entries)
        for parent_pk, count in self.new_children.items():
            Page.objects.filter(pk=parent_pk).update(numchild=models.F("numchild") + count)
        self.log_entries, self.new_children = [], {}

    # --- existing pages ---------------------------------------------------------------

    def update(self, row, target, mapping):
        """A new revision of the page ``mapping`` points to (published with ``--publish``).

        Returns the page, or None when the row is as last imported and nothing is to be done.
        """
        base = mapping.page
        changed = mapping.row_digest != row.digest
        to_publish = self.publish and (not base.live or base.has_unpublished_changes)
        if not changed and not to_publish:
            return None
        page = base.specific
        if not isinstance(page, target.model):
            raise RowProblem(
                _("source_id นี้นำเข้าเป็น%(old)s แล้ว เปลี่ยนเป็น%(new)s ไม่ได้")
                % {"old": page._meta.verbose_name, "new": target.model._meta.verbose_name}
            )
        if changed:
            self._apply(page, target)
            self.validate(page)
            if page.get_parent().pk != target.parent.pk:
                MovePageAction(page, target.parent, pos="last-child").execute(
                    skip_permission_checks=True
                )
                self.forget(target.parent)
                page.refresh_from_db(fields=["path", "url_path", "depth"])
            mapping.row_digest = row.digest
            mapping.save(update_fields=["row_digest", "updated_at"])
        revision = page.latest_revision
        if changed or revision is None:  # an imported draft has no revision yet
            revision = page.save_revision(clean=False, log_action=True)
        if self.publish:
            revision.publish(skip_permission_checks=True)
        return page

    def _apply(self, page, target):
        fields = with_stage(target, current=page)
        if "fiscal_year" not in fields and hasattr(page, "fiscal_year"):
            fields["fiscal_year"] = None  # derived again from the date
        for name, value in fields.items():
            setattr(page, name, value)


def with_stage(target, current=None):
    """``target``'s fields; for a procurement notice whose row has no stage, the stage of its
    kind (the kind follows the stage): ``current``'s stage while it is of that kind."""
    fields = dict(target.fields)
    if issubclass(target.model, ProcurementNoticePage) and "stage" not in fields:
        fields["stage"] = stage_for_kind(fields["kind"], getattr(current, "stage", None))
    return fields


def announce_published(pages):
    """``page_published`` for each new live page, as Wagtail sends it on publishing (caches of
    menus and school lists listen)."""
    for page in pages:
        page_published.send(sender=page.specific_class, instance=page, revision=None)


def write_atomically(function, *args):
    """``function(*args)`` in a savepoint of its own: a failed row leaves nothing behind."""
    with transaction.atomic():
        return function(*args)
