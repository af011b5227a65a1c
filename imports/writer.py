"""Writing imported rows as pages, through Wagtail's own page API.

A new page is made as an editor's would be: added under its parent with ``add_child`` (a
draft, so Wagtail's save checks only title and slug; the row was validated in full just
before), then given its first revision with ``save_revision`` logged as ``imports.imported``
(``IMPORTED``, registered in ``wagtail_hooks``: the yearly report counts it as moved in, not
published by hand), then with ``--publish`` published through ``Revision.publish`` (which logs
``wagtail.publish`` and sends ``page_published``). Wagtail logs ``wagtail.create`` itself. A
page that already exists (same ``source_id``) gets a new revision the same way. The slugs taken
under each parent are kept in memory, so there is no slug query per row.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.actions.move_page import MovePageAction
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published

from imports.legacy import only_missing
from imports.models import ImportedNotice
from imports.rows import RowProblem
from oversight.annual import MOVED_IN
from procurement.models.notices import ProcurementNoticePage, stage_for_kind
from thai.text import slug as address_of

# The log action of an imported page's first revision (and of each re-import's revision),
# which the yearly report counts apart from pages published by hand.
IMPORTED = MOVED_IN


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
    """Creates and updates the pages of one import; keeps the slugs taken under each parent
    between rows."""

    def __init__(self, publish):
        self.locale = None  # Thai, set from the batch's targets
        self.publish = publish
        self.now = timezone.now()
        self._slugs = {}
        self.created = []  # (page, revision, row) of the batch being written

    def forget(self, parent):
        """Drop what is remembered of ``parent`` (after a failed write): its slugs, and its
        child count as ``add_child`` left it in memory."""
        self._slugs.pop(parent.pk, None)
        parent.refresh_from_db(fields=["numchild"])

    def _children(self, parent):
        return Page.objects.child_of(parent)

    def free_slug(self, parent, row):
        """The address the page editor would give the row's title (``thai.text.slug``: Thai
        marks kept), else its old id, made free under ``parent``."""
        if parent.pk not in self._slugs:
            self._slugs[parent.pk] = set(self._children(parent).values_list("slug", flat=True))
        taken = self._slugs[parent.pk]
        base = address_of(row.title) or address_of(row.source_id) or "notice"
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
        # A new page's place in the tree is set by ``add_child`` (its slug is free: free_slug).
        relations += ["path", "depth"]
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
        """A new page for ``row`` under its target parent, with its first revision; returns it.
        With ``--publish`` it is published at the end of the batch (``publish_created``)."""
        parent = target.parent
        page = target.model(**with_stage(target))
        page.slug = self.free_slug(parent, row)
        page.locale = self.locale
        page.live = False
        if self.publish:
            # The old site's date: Wagtail's publish keeps a first publication already set.
            published = timezone.make_aware(
                datetime.datetime.combine(row.published, datetime.time())
            )
            page.first_published_at = min(published, self.now)
        self.validate(page)
        try:
            parent.add_child(instance=page)
        except IntegrityError:
            self.forget(parent)
            raise RowProblem(_("บันทึกไม่ได้เพราะมีการแก้ไขหน้าเดียวกันพร้อมกัน กรุณานำเข้าใหม่")) from None
        self._slugs[parent.pk].add(page.slug)
        # A new page has no inline children (bidders, comments): said in memory, the revision
        # does not ask the database for each kind.
        for relation in get_all_child_relations(page):
            setattr(page, relation.get_accessor_name(), [])
        revision = page.save_revision(clean=False, log_action=IMPORTED)
        self.created.append((page, revision, row))
        return page

    def finish_batch(self):
        """What is written once per batch for the pages ``create`` made: their mappings to the
        old site's ids in one insert and, with ``--publish``, their publication."""
        created, self.created = self.created, []
        ImportedNotice.objects.bulk_create(
            ImportedNotice(
                source_id=row.source_id, page=page, row_digest=row.digest, old_paths=row.old_paths
            )
            for page, _revision, row in created
        )
        if self.publish:
            publish_new_pages([(page, revision) for page, revision, _row in created])

    def forget_batch(self):
        """Forget what was remembered of a batch that was rolled back (to write it again)."""
        self.created = []
        self._slugs = {}

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
        if changed or revision is None:  # drafts of older imports had no revision
            revision = page.save_revision(clean=False, log_action=IMPORTED)
        if self.publish:
            revision.publish(skip_permission_checks=True)
        return page

    def _apply(self, page, target):
        fields = with_stage(target, current=page)
        if "fiscal_year" not in fields and hasattr(page, "fiscal_year"):
            fields["fiscal_year"] = None  # derived again from the date
        for name, value in fields.items():
            setattr(page, name, value)


def publish_new_pages(created):
    """Publish ``[(page, revision)]``, pages just made whose revision is their only one, as
    ``Revision.publish`` does for a new page, in one update for all of them.

    Wagtail's publish saves and fully validates each page again and looks up what a new page
    cannot have (aliases, comments, a workflow in progress, scheduled revisions, a previous
    revision): that was half the time of an import. What it does to a new page is done here:
    the page is live, its revision live, its first and last publication set, a
    ``wagtail.publish`` log entry written by Wagtail's ``log`` and ``page_published`` sent.
    ``tests/test_import_notices.py::PublishedAsByWagtailTests`` compares an imported page with
    one published by ``Revision.publish``.
    """
    if not created:
        return
    now = timezone.now()
    Page.objects.filter(pk__in=[page.pk for page, _revision in created]).update(
        live=True,
        has_unpublished_changes=False,
        expired=False,
        first_published_at=Coalesce("first_published_at", Value(now)),
        last_published_at=now,
        live_revision=F("latest_revision"),
    )
    for page, revision in created:
        page.live, page.has_unpublished_changes, page.expired = True, False, False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = now
        page.live_revision = revision
        log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
        page_published.send(sender=page.specific_class, instance=page, revision=revision)


def with_stage(target, current=None):
    """``target``'s fields; for a procurement notice whose row has no stage, the stage of its
    kind (the kind follows the stage): ``current``'s stage while it is of that kind."""
    fields = dict(target.fields)
    if issubclass(target.model, ProcurementNoticePage) and "stage" not in fields:
        fields["stage"] = stage_for_kind(fields["kind"], getattr(current, "stage", None))
    return fields


def write_atomically(function, *args):
    """``function(*args)`` in a savepoint of its own: a failed row leaves nothing behind."""
    with transaction.atomic():
        return function(*args)
