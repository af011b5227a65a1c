"""Moving notices from the old site: ``manage.py import_notices FILE.csv`` (docs/import.md).

``rows`` reads and checks the CSV, ``targets`` decides where each row goes, ``writer`` writes
the pages. Rows are written in batches, each batch in one transaction; a row that writes
before the batch's end (an update, a new attachment) does it in a savepoint of its own (a new
page's row writes nothing until ``write_created``): a bad row is rolled back alone and leaves
nothing behind, a crash loses at most the batch being written, and the database is not asked to commit (and,
on SQLite, to sync the file) once per row. Search indexing is done per batch in bulk
(Wagtail's own per-save indexing recomputes the SQLite index's title statistics over the whole
table at every save, which made a large import quadratic). A batch that meets an editor's
transaction (a deadlock, a locked database) is rolled back and written again (``RETRIES``).
PostgreSQL's statistics are refreshed at the end (``analyze``).
"""

import hashlib
import random
import time
from dataclasses import dataclass, field, replace

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, OperationalError, connection, transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from imports.files import Files
from imports.models import ImportedNotice
from imports.rows import FileProblem, RowProblem, parse_row, read_table
from imports.targets import Targets
from imports.writer import Writer, write_atomically
from news.models import AnnouncementPage, NewsPage
from pagecache import purge as pagecache
from procurement.models import ProcurementNoticePage
from thai.backends.common import title_norms_once

__all__ = ["FileProblem", "ImportReport", "import_notices"]

BATCH_SIZE = 500
# A batch that meets another writer's transaction (a deadlock, a serialization failure, a
# locked SQLite database) is rolled back and written again, up to RETRIES times, pausing
# about RETRY_PAUSE seconds, doubled at each attempt.
RETRIES = 5
RETRY_PAUSE = 0.2
# PostgreSQL's SQLSTATEs of a transaction that may succeed when tried again.
CONFLICTS = {"40P01", "40001", "55P03"}


def is_conflict(error):
    """Whether ``error`` is the database refusing a transaction because of another one's
    (PostgreSQL: deadlock detected, serialization failure, lock not available; SQLite: the
    database is busy or locked), so that the batch is worth trying again."""
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) in CONFLICTS:
        return True
    return getattr(cause, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # batches written again after meeting another writer's transaction
    retried: int = 0
    # (line, source_id, reason in Thai), in the order of the file
    rejected: list = field(default_factory=list)


def page_models():
    return (AnnouncementPage, ProcurementNoticePage, NewsPage)


class _Import:
    def __init__(self, publish, dry_run, batch_size, progress, files=None):
        self.files = files
        self.publish = publish
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.progress = progress or (lambda done, total: None)
        self.report = ImportReport()
        self.seen = {}  # source_id → line, to refuse a second row with the same id
        self.claimed = {}  # old path → line, to refuse a second row with the same address

    def run(self, header, lines):
        self.writer = Writer(self.publish)
        self.report.rows = len(lines)
        for start in range(0, len(lines), self.batch_size):
            self.batch(header, lines[start : start + self.batch_size])
            self.progress(min(start + self.batch_size, len(lines)), len(lines))
        self.report.rejected.sort()
        return self.report

    def batch(self, header, lines):
        rows = []
        for line, values in lines:
            try:
                row = parse_row(header, line, values)
            except RowProblem as problem:
                self.reject(line, values[0].strip() if values else "", problem)
                continue
            if row.source_id in self.seen:
                message = _("source_id ซ้ำกับบรรทัดที่ %(line)s") % {"line": self.seen[row.source_id]}
                self.reject(line, row.source_id, message)
                continue
            claimed = [path for path in row.old_paths if path in self.claimed]
            if claimed:
                message = _("ที่อยู่เดิม %(url)s ซ้ำกับบรรทัดที่ %(line)s") % {
                    "url": claimed[0],
                    "line": self.claimed[claimed[0]],
                }
                self.reject(line, row.source_id, message)
                continue
            self.seen[row.source_id] = line
            self.claimed.update(dict.fromkeys(row.old_paths, line))
            rows.append(row)
        for attempt in range(1, RETRIES + 1):
            outcome = ImportReport()
            try:
                with transaction.atomic():
                    self.write(rows, outcome)
            except OperationalError as error:
                if not is_conflict(error):
                    raise
                # Rolled back whole: written again from what the database now holds.
                self.writer.forget_batch()
                self.forget_collections()
                if attempt < RETRIES:
                    self.report.retried += 1
                    time.sleep(RETRY_PAUSE * 2 ** (attempt - 1) * (1 + random.random()))
                    continue
                message = _(
                    "บันทึกไม่ได้เพราะมีผู้แก้ไขหน้าในส่วนเดียวกันพร้อมกัน (ลองแล้ว %(times)s ครั้ง) "
                    "กรุณานำเข้าไฟล์นี้อีกครั้ง แถวที่นำเข้าแล้วจะไม่ซ้ำ"
                ) % {"times": RETRIES}
                for row in rows:
                    self.reject(row.line, row.source_id, message)
                return
            finally:
                if self.files is not None:
                    self.files.sweep()
            self.report.created += outcome.created
            self.report.updated += outcome.updated
            self.report.unchanged += outcome.unchanged
            self.report.rejected += outcome.rejected
            return

    def write(self, rows, outcome):
        """Write ``rows`` (one batch, in the caller's transaction), counting in ``outcome``."""
        self.targets = Targets()
        self.writer.locale = self.targets.locale
        mappings = {
            mapping.source_id: mapping
            for mapping in ImportedNotice.objects.filter(
                source_id__in=[row.source_id for row in rows]
            ).select_related("page")
        }
        redirects = Redirects([path for row in rows for path in row.old_paths])
        written, created = [], []  # pages written; rows of new pages, written at the end
        for row in rows:
            target, bare = None, False
            try:
                target = self.targets.for_row(row)
                mapping = mappings.get(row.source_id)
                redirects.check(row, mapping.page_id if mapping else None)
                checked = self.check_files(row, target)
                row = with_files_digest(row, checked)
                if mapping is None:
                    # A new page is written at the end of the batch (``write_created``); a
                    # savepoint is needed now only if the row stores a new attachment.
                    bare = not checked or self.files.all_stored(checked)
                    if bare:
                        self.create(row, target, checked)
                    else:
                        write_atomically(self.create, row, target, checked)
                    created.append(row)
                    outcome.created += 1
                    continue
                # An unchanged row (most of a re-run) is known without a savepoint.
                page = None
                if not self.writer.unchanged(row, mapping):
                    page = write_atomically(self.update, row, target, mapping, checked)
                if page is None:
                    if redirects.update(row, mapping.page_id, mapping):
                        outcome.updated += 1
                    else:
                        outcome.unchanged += 1
                    continue
                outcome.updated += 1
            except RowProblem as problem:
                self.forget_collections()
                outcome.rejected.append((row.line, row.source_id, str(problem)))
                continue
            except DatabaseError as error:
                if is_conflict(error) or bare:
                    # The whole batch is tried again; or (a lookup failing outside a
                    # savepoint) the transaction cannot go on.
                    raise
                self.forget_collections()
                if target is not None:
                    self.writer.forget(target.parent)
                message = _("ฐานข้อมูลไม่รับแถวนี้: %(error)s") % {"error": error}
                outcome.rejected.append((row.line, row.source_id, message))
                continue
            redirects.update(row, page.pk, mapping)
            written.append(page)
        try:
            pages = write_atomically(self.writer.write_created)
        except DatabaseError as error:
            if is_conflict(error):
                raise  # the whole batch is tried again
            # Not expected of rows that passed their checks: the new pages of the batch are
            # refused together, what was updated is kept.
            self.writer.forget_batch()
            message = _("ฐานข้อมูลไม่รับแถวนี้: %(error)s") % {"error": error}
            outcome.rejected += [(row.line, row.source_id, message) for row in created]
            outcome.created -= len(created)
            created, pages = [], []
        for row, page in zip(created, pages, strict=True):
            redirects.update(row, page.pk)
        redirects.save()
        if not self.dry_run:
            index_pages(written)
            index_pages(pages, new=True)
            if self.files is not None:
                index_objects(self.files.new_documents(), new=True)
        if outcome.created or outcome.updated:
            pagecache.bump()  # once per batch: pagecache.paused

    def check_files(self, row, target):
        """The row's files read and checked (``imports.files``), before anything is written."""
        if not row.files:
            return []
        if self.files is None:
            raise RowProblem(_("แถวนี้มีไฟล์แนบ แต่ไม่ได้ระบุโฟลเดอร์หรือไฟล์ ZIP ด้วย --files"))
        if "attachments" not in {f.name for f in target.model._meta.get_fields()}:
            raise RowProblem(_("คอลัมน์ files ใช้ได้กับประกาศเท่านั้น ไม่ใช่ข่าว"))
        return self.files.check(row)

    def with_attachments(self, target, checked):
        if checked:
            target.fields["attachments"] = self.files.attachments(checked, target.unit)
        return target

    def create(self, row, target, checked):
        return self.writer.create(row, self.with_attachments(target, checked))

    def update(self, row, target, mapping, checked):
        return self.writer.update(row, self.with_attachments(target, checked), mapping)

    def forget_collections(self):
        # A collection or document made in a rolled-back savepoint is gone.
        if self.files is not None:
            self.files.forget()

    def reject(self, line, source_id, problem):
        self.report.rejected.append((line, source_id, str(problem)))


def with_files_digest(row, checked):
    """``row`` with a digest of its content and of its files' contents (not their names): the
    same files given again, from a folder or a ZIP, under any names, change nothing; a file
    whose content changed under the same name makes a new revision."""
    if not checked:
        return row
    content = row.digest + "".join(checksum for _name, _data, checksum in checked)
    return replace(row, digest=hashlib.sha256(content.encode()).hexdigest())


class Redirects:
    """The old addresses of a batch's rows as Wagtail redirects (``wagtail.contrib.redirects``):
    permanent, to the page itself (``redirect_page``, so they follow the page when it moves),
    for every site. Loaded in one query and written in a few per batch; an address that
    already leads elsewhere refuses its row. An address dropped from a row's ``old_url`` is
    deleted if this import made it (``ImportedNotice.old_paths``); a redirect an editor added
    in *Settings → Redirects* is left alone."""

    def __init__(self, paths):
        self.existing = dict(
            Redirect.objects.filter(site=None, old_path__in=paths).values_list(
                "old_path", "redirect_page_id"
            )
        )
        self.new = []
        self.gone = Q(pk__in=[])
        self.mappings = []  # whose old_paths changed

    def check(self, row, page_id):
        for path in row.old_paths:
            if path in self.existing and (page_id is None or self.existing[path] != page_id):
                raise RowProblem(
                    _("ที่อยู่เดิม %(url)s เปลี่ยนเส้นทางไปยังหน้าอื่นอยู่แล้ว (ดูที่ ตั้งค่า → การเปลี่ยนเส้นทาง)")
                    % {"url": path}
                )

    def update(self, row, page_id, mapping=None):
        """Redirect the row's addresses to ``page_id``; drop those the import made for it that
        the row no longer lists (``mapping``: the row's earlier import). Whether anything
        changed."""
        added = [path for path in row.old_paths if path not in self.existing]
        for path in added:
            self.new.append(Redirect(old_path=path, is_permanent=True, redirect_page_id=page_id))
            self.existing[path] = page_id
        if mapping is None:
            return bool(added)
        gone = [path for path in mapping.old_paths if path not in row.old_paths]
        if gone:
            self.gone |= Q(redirect_page_id=page_id, old_path__in=gone)
        if mapping.old_paths != row.old_paths:
            mapping.old_paths = row.old_paths
            self.mappings.append(mapping)
        return bool(added or gone)

    def save(self):
        Redirect.objects.filter(self.gone, site=None).delete()
        Redirect.objects.bulk_create(self.new)
        ImportedNotice.objects.bulk_update(self.mappings, ["old_paths"])


def index_pages(pages, new=False):
    """Index ``pages`` for search and for Wagtail's reference index, in bulk per page type,
    as read back from the database (``new``: pages made in this transaction, see
    ``index_objects``; their attachments are taken as written, with their documents in hand:
    read back, Wagtail's reference extraction would ask for each page's documents)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), {})[page.pk] = page
    for model, written in by_model.items():
        objects = model.objects.filter(pk__in=written).select_related("responsible_unit")
        objects = list(objects.prefetch_related(*child_relations(model)))
        if new and "attachments" in {field.name for field in model._meta.get_fields()}:
            for each in objects:
                each.attachments = written[each.pk].attachments
        index_objects(objects, new=new)


def index_objects(objects, new=False):
    """Index ``objects`` (a queryset or list of one model) for search and Wagtail's reference index;
    ``new``: objects made in this transaction, which have no references recorded yet
    (``add_references``)."""
    objects = list(objects)
    if not objects:
        return
    if new:
        add_references(objects)
    else:
        for each in objects:
            ReferenceIndex.create_or_update_for_object(each)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(type(objects[0]), objects)


def add_references(objects):
    """Record the references of ``objects``, which have none recorded yet, as Wagtail's
    ``ReferenceIndex.create_or_update_for_object`` records an object's: its references found
    by Wagtail (``_extract_references_from_object``), each keyed by the hash of its content
    path (``_get_content_path_hash``), under the object's own and base content types. Wagtail's
    method asks three queries per object (the recorded references, the insert, the deletion);
    here one insert for all (private names: docs/upgrading.md)."""
    references = []
    for each in objects:
        models = [each, *each._meta.get_parent_list()]
        content_types = [
            ContentType.objects.get_for_model(model, for_concrete_model=False) for model in models
        ]
        found = set(ReferenceIndex._extract_references_from_object(each))
        references += [
            ReferenceIndex(
                content_type=content_types[0],
                base_content_type=content_types[-1],
                object_id=each.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in found
        ]
    ignore_conflicts = connection.features.supports_ignore_conflicts
    ReferenceIndex.objects.bulk_create(references, ignore_conflicts=ignore_conflicts)


def child_relations(model):
    """The inline children of ``model`` (bidders, editors' comments), loaded in bulk."""
    return [relation.get_accessor_name() for relation in get_all_child_relations(model)]


class _PerSaveWorkPaused:
    """What Wagtail and the page cache do at every save, off while the import does it once per
    batch: search indexing of the imported page types and documents and reference indexing
    (done in bulk, ``index_pages``), refreshing PostgreSQL's title norms (once, at the end:
    ``title_norms_once``), and raising the page cache's content version
    (``pagecache.purge.bump``, once per batch)."""

    def __enter__(self):
        self.norms = title_norms_once()
        self.norms.__enter__()
        self.references = disable_reference_index_auto_update()
        self.references.__enter__()
        for model in indexed_models():
            post_save.disconnect(post_save_signal_handler, sender=model)
        self.pagecache = pagecache.paused()
        self.pagecache.__enter__()

    def __exit__(self, *exc):
        self.pagecache.__exit__(*exc)
        for model in indexed_models():
            post_save.connect(post_save_signal_handler, sender=model)
        self.references.__exit__(*exc)
        return self.norms.__exit__(*exc)


def indexed_models():
    return (*page_models(), get_document_model())


def import_notices(
    path, publish=False, dry_run=False, batch_size=BATCH_SIZE, progress=None, files=None
):
    """Import the notices of the CSV at ``path``; returns an ``ImportReport``.

    ``progress(rows_done, rows)`` is called after each batch. With ``dry_run`` every row goes through
    the same checks and writes, which are then rolled back. ``files`` is the folder or ZIP of
    the ``files`` column's attachments. Raises ``FileProblem``.
    """
    header, lines = read_table(path)
    files = Files(files, store=not dry_run) if files else None
    job = _Import(publish, dry_run, batch_size, progress, files)
    with _PerSaveWorkPaused():
        if dry_run:
            with transaction.atomic():
                report = job.run(header, lines)
                transaction.set_rollback(True)
            return report
        report = job.run(header, lines)
    analyze()
    return report


def analyze():
    """Refresh PostgreSQL's statistics of the tables an import fills: autovacuum does not
    analyse a table that grew from a few rows to thousands at once, and the search's plans are
    costed on the old figures until it does (a fresh database searched in seconds, not
    milliseconds). SQLite plans without statistics: nothing to do."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
