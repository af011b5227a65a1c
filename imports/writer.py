"""Writing imported rows as pages, through Wagtail's own page API.

A new page is made as an editor's would be: added under its parent as ``add_child`` does (a
draft, saved by Wagtail's ``Page.save``; the row was validated in full just before), given its
first revision as ``save_revision`` does, logged ``wagtail.create`` and ``imports.imported``
(``IMPORTED``, registered in ``wagtail_hooks``: the yearly report counts it as moved in, not
published by hand), then with ``--publish`` published as ``Revision.publish`` publishes a new
page (logged ``wagtail.publish``, ``page_published`` sent). The batch's new pages are written
together at its end (``Writer.write_created``): a parent locked once for all its new children,
the revisions, the pages' pointers to them and the log entries each in one statement. A page
that already exists (same ``source_id``) gets a new revision with ``save_revision`` and is
published with ``Revision.publish``. The slugs taken under each parent are kept in memory, so
there is no slug query per row."""

import contextlib
import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.actions.move_page import MovePageAction
from wagtail.log_actions import get_active_log_context
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from imports.legacy import only_missing
from imports.models import ImportedNotice
from imports.rows import RowProblem
from oversight.annual import MOVED_IN
from ownership.models import PageUnit
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
        self.created = []  # (page, parent, row) of the batch, to be written by write_created

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
        """A new page for ``row`` under its target parent, validated and given its address; it
        is written with the batch's other new pages by ``write_created``. Returns it."""
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
        self._slugs[parent.pk].add(page.slug)
        self.created.append((page, parent, row))
        return page

    def write_created(self):
        """Write the pages ``create`` made in this batch, as Wagtail's ``add_child``,
        ``save_revision`` and ``Revision.publish`` would one by one, but a parent at a time and
        a table at a time (``add_children``, ``add_first_revisions``, ``publish_new_pages``),
        and their records (``ImportedNotice``) in one insert. Returns the pages."""
        created, self.created = self.created, []
        by_parent = {}
        for page, parent, _row in created:
            by_parent.setdefault(parent.pk, []).append(page)
        for parent_pk, pages in by_parent.items():
            add_children(parent_pk, pages)
        pages = [page for page, _parent, _row in created]
        add_first_revisions(pages, publish=self.publish)
        ImportedNotice.objects.bulk_create(
            ImportedNotice(
                source_id=row.source_id, page=page, row_digest=row.digest, old_paths=row.old_paths
            )
            for page, _parent, row in created
        )
        return pages

    def forget_batch(self):
        """Forget what was remembered of a batch that was rolled back (to write it again)."""
        self.created = []
        self._slugs = {}

    # --- existing pages ---------------------------------------------------------------

    def unchanged(self, row, mapping):
        """Whether ``row`` is as last imported into the page ``mapping`` points to (loaded
        with it) and there is nothing to do: no query."""
        page = mapping.page
        to_publish = self.publish and (not page.live or page.has_unpublished_changes)
        return mapping.row_digest == row.digest and not to_publish

    def update(self, row, target, mapping):
        """A new revision of the page ``mapping`` points to (published with ``--publish``).

        Returns the page, or None when the row is as last imported and nothing is to be done.
        """
        if self.unchanged(row, mapping):
            return None
        changed = mapping.row_digest != row.digest
        page = mapping.page.specific
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


def tree_step(number):
    """The last step of the path of a page's ``number``th child (1, 2, …), in treebeard's
    documented materialised-path form: ``Page.steplen`` characters of ``Page.alphabet``."""
    base, step = len(Page.alphabet), ""
    while number:
        number, digit = divmod(number, base)
        step = Page.alphabet[digit] + step
    if len(step) > Page.steplen:
        raise RowProblem(_("หน้านี้มีหน้าย่อยเต็มจำนวนที่รับได้แล้ว"))
    return step.rjust(Page.steplen, Page.alphabet[0])


def step_number(path):
    """The position (1, 2, …) the last step of ``path`` gives its page among its siblings."""
    number = 0
    for character in path[-Page.steplen :]:
        number = number * len(Page.alphabet) + Page.alphabet.index(character)
    return number


def add_children(parent_pk, pages):
    """Add the unsaved ``pages`` as the last children of the page ``parent_pk``, in order, as
    treebeard's ``add_child`` does for each: the parent's row locked (editors adding a page
    there wait until the batch is committed), the pages saved with their paths after its last
    child (Wagtail's ``Page.save``: address, owner unit), its child count raised. Here the
    parent is locked and its last child read once for all of them. Wagtail's ``wagtail.create``
    log entries are written by ``add_first_revisions``."""
    parent = Page.objects.select_for_update().get(pk=parent_pk)
    last = parent.get_last_child()
    position = step_number(last.path) if last else 0
    with one_savepoint(), PageUnit.recorded_together():
        for page in pages:
            position += 1
            page.depth = parent.depth + 1
            page.path = parent.path + tree_step(position)
            page._cached_parent_obj = parent  # as add_child does: no query for the parent
            # A new page (a new translation_key) is no site's root: Page.save need not ask.
            page._is_site_root = False
            page.save(clean=False, log_action=None)
    Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + len(pages))


@contextlib.contextmanager
def one_savepoint():
    """A savepoint around the block and none inside it: ``Page.save`` is atomic, and each
    savepoint is two more round trips to the database per page (``SAVEPOINT``, ``RELEASE``).
    Inside, Django's nested ``atomic`` blocks make none (the connection's
    ``features.uses_savepoints`` off, as on a database without them; SQLite's backend decides
    by itself and keeps them, in-process and cheap there); a failure inside marks
    the block for rollback and this savepoint rolls all of it back, as the caller's
    ``write_atomically`` would (private name: docs/upgrading.md)."""
    with transaction.atomic():
        features = connection.features
        had_own = "uses_savepoints" in vars(features)
        before = features.uses_savepoints
        features.uses_savepoints = False
        try:
            yield
        finally:
            if had_own:
                features.uses_savepoints = before
            else:
                del features.uses_savepoints


def add_first_revisions(pages, publish):
    """Give the just saved ``pages`` their first revision as ``save_revision`` does (content
    ``serializable_data()``, the page pointing to it), logged ``wagtail.create`` then
    ``imports.imported`` (``IMPORTED``), and with ``publish`` publish them as
    ``Revision.publish`` does a new page, logged ``wagtail.publish``, ``page_published`` sent:
    one insert of revisions, one update of the pages and one insert of log entries for all.

    What Wagtail's publish does beyond that to a page (saving and validating it a third time,
    cancelling a workflow, updating aliases, comments and scheduled revisions, which a new page
    cannot have) was half the time of an import.
    ``tests/test_import_notices.py::PublishedAsByWagtailTests`` compares an imported page,
    its revision and its log entries with those Wagtail makes for a page created and
    published by hand."""
    if not pages:
        return
    for page in pages:
        # A new page has no inline children (bidders, comments): said in memory, its revision's
        # content does not ask the database for each kind.
        for relation in get_all_child_relations(page):
            setattr(page, relation.get_accessor_name(), [])
    created_at = timezone.now()
    contents = [page.serializable_data() for page in pages]
    # Each content as an expression: Django then inserts the revisions as rows of VALUES,
    # each content one JSON parameter. Plain values would make its PostgreSQL form, arrays of
    # each column (UNNEST), whose JSON array the driver escapes in Python character by
    # character, every backslash of Thai text's ``\\u0e..`` escapes included (1 ms per revision).
    content_field = Revision._meta.get_field("content")
    revisions = Revision.objects.bulk_create(
        Revision(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            created_at=created_at,
            content=Value(content, output_field=content_field),
            object_str=str(page),
        )
        for page, content in zip(pages, contents, strict=True)
    )
    for revision, content in zip(revisions, contents, strict=True):
        revision.content = content
    published_at = timezone.now()
    # Each page points to its revision: one UPDATE for all, each row's revision found by the
    # database (the revisions' object_id is the page's id as text).
    revision = Subquery(
        Revision.objects.page_revisions()
        .filter(object_id=Cast(OuterRef("pk"), CharField()))
        .order_by("-pk")
        .values("pk")[:1]
    )
    fields = {
        "latest_revision": revision,
        "latest_revision_created_at": created_at,
        "draft_title": F("title"),
        "has_unpublished_changes": not publish,
    }
    if publish:
        fields.update(
            live=True,
            expired=False,
            live_revision=revision,
            first_published_at=Coalesce("first_published_at", Value(published_at)),
            last_published_at=published_at,
        )
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(**fields)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision, page.latest_revision_created_at = revision, created_at
        page.draft_title = page.title
        page.has_unpublished_changes = not publish
        if publish:
            page.live, page.expired, page.live_revision = True, False, revision
            page.first_published_at = page.first_published_at or published_at
            page.last_published_at = published_at
    entries = [(page, "wagtail.create", {"content_changed": True}) for page in pages]
    entries += [
        (page, IMPORTED, {"revision": page.latest_revision, "content_changed": True})
        for page in pages
    ]
    if publish:
        entries += [
            (page, "wagtail.publish", {"revision": page.live_revision, "content_changed": True})
            for page in pages
        ]
    log_all(entries)
    if publish:
        for page in pages:
            revision = page.live_revision
            page_published.send(sender=page.specific_class, instance=page, revision=revision)


def log_all(entries):
    """Page log entries ``[(page, action, fields)]`` as Wagtail's ``log()`` writes each
    (``PageLogEntryManager.log_action``: the page's title as label, its own content type, the
    active log context's user and uuid, the action checked to be registered), in one insert."""
    context = get_active_log_context()
    for action in {action for _page, action, _fields in entries}:
        if not log_registry.action_exists(action):
            raise ValueError(f"The log action {action!r} has not been registered.")
    now = timezone.now()
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            page=page,
            content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
            label=PageLogEntry.objects.get_instance_title(page),
            action=action,
            timestamp=now,
            data={},
            user=context.user,
            uuid=context.uuid,
            **fields,
        )
        for page, action, fields in entries
    )


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
