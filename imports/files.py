"""The old notices' files (the ``files`` column, ``--files FOLDER_OR_ZIP``) as Wagtail
documents: checked by what they contain, not by their name (PDF, DOCX, XLSX, JPEG, PNG, WebP;
nothing else, so nothing executable), stored once per content (Wagtail's ``file_hash``, a
SHA-1, is the checksum: the same file named by many rows, or imported before, is one document),
in a collection per unit under "เอกสารนำเข้าจากเว็บไซต์เดิม"."""

import hashlib
import io
import zipfile
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import Collection

from imports.rows import FileProblem, RowProblem

COLLECTION = "เอกสารนำเข้าจากเว็บไซต์เดิม (Imported from the old site)"
MAX_FILE_MB = 20
# extension → (what the first bytes must be, for an Office file the part it must contain)
OFFICE = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
IMAGES = {"jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}


def kind_of(name, data):
    """The checked extension of the file ``name`` holding ``data``, or None when its content is
    not what its name says or not one of the accepted types."""
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    if extension == "pdf":
        return "pdf" if data.startswith(b"%PDF-") else None
    if extension in OFFICE:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return extension if OFFICE[extension] in archive.namelist() else None
        except zipfile.BadZipFile:
            return None
    if extension in IMAGES or extension == "webp":
        if extension == "webp":
            if not (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
                return None
        elif not data.startswith(IMAGES[extension]):
            return None
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        except Exception:
            return None
        return extension
    return None


class Files:
    """The folder or ZIP given with ``--files``; ``None`` when the option is not given.

    With ``store=False`` (``--dry-run``) the documents are made without their files being
    written to storage: the rows are rolled back, and storage is not part of the transaction.
    Otherwise each file written is remembered until ``sweep``, which deletes those whose
    document was rolled back (a row refused after its files were stored, a batch written
    again), so no file is left that no document names."""

    def __init__(self, path, store=True):
        self.store = store
        self.stored = []  # (storage, name) written since the last sweep
        self.path = Path(path)
        self.archive = None
        if self.path.is_file() and zipfile.is_zipfile(self.path):
            self.archive = zipfile.ZipFile(self.path)
            self.names = set(self.archive.namelist())
        elif not self.path.is_dir():
            raise FileProblem(_("ไม่พบโฟลเดอร์หรือไฟล์ ZIP ของเอกสารแนบ %(path)s") % {"path": path})
        self.made = []  # pks of the documents made since ``new_documents``
        self.forget()

    def forget(self):
        """Forget the collections and documents looked up or made: after a rollback they may be
        gone."""
        self.collections = {}
        self.documents = {}  # checksum → document (None: none stored)

    def new_documents(self):
        """The documents made since the last call that were not rolled back, with their tags
        (the search index reads them three times per document)."""
        made, self.made = self.made, []
        return get_document_model().objects.filter(pk__in=made).prefetch_related("tags")

    def read(self, name):
        """The bytes of the file ``name`` (a path inside the folder or ZIP), or RowProblem."""
        relative = PurePosixPath(name.replace("\\", "/"))
        if relative.is_absolute() or ".." in relative.parts:
            raise RowProblem(_("ชื่อไฟล์แนบไม่ถูกต้อง: '%(name)s'") % {"name": name})
        try:
            if self.archive is not None:
                info = self.archive.getinfo(str(relative))
                if info.file_size > MAX_FILE_MB * 1024 * 1024:
                    raise RowProblem(self.too_large(name))
                return self.archive.read(info)
            file = self.path / relative
            if file.stat().st_size > MAX_FILE_MB * 1024 * 1024:
                raise RowProblem(self.too_large(name))
            return file.read_bytes()
        except (KeyError, FileNotFoundError, IsADirectoryError):
            raise RowProblem(_("ไม่พบไฟล์แนบ '%(name)s'") % {"name": name}) from None

    def too_large(self, name):
        return _("ไฟล์แนบ '%(name)s' มีขนาดเกิน %(mb)s เมกะไบต์") % {"name": name, "mb": MAX_FILE_MB}

    def check(self, row):
        """``[(name, data, checksum)]`` of the row's files, each checked, or RowProblem."""
        checked = []
        for name in row.files:
            data = self.read(name)
            if kind_of(name, data) is None:
                raise RowProblem(
                    _(
                        "ไฟล์แนบ '%(name)s' ไม่ใช่ PDF, DOCX, XLSX หรือภาพ (JPEG, PNG, WebP) ตามที่ชื่อไฟล์ระบุ"
                    )
                    % {"name": name}
                )
            checked.append((name, data, hashlib.sha1(data).hexdigest()))
        return checked

    def all_stored(self, checked):
        """Whether each checked file is already a stored document, so that ``attachments``
        writes nothing. The checksums not looked up yet are looked up in one query."""
        unknown = {checksum for _name, _data, checksum in checked} - self.documents.keys()
        if unknown:
            Document = get_document_model()
            # The oldest document of a checksum, as ``attachments`` would take it (``first()``).
            for document in Document.objects.filter(file_hash__in=unknown).order_by("pk"):
                self.documents.setdefault(document.file_hash, document)
            for checksum in unknown:
                self.documents.setdefault(checksum, None)
        return all(self.documents[checksum] is not None for _name, _data, checksum in checked)

    def attachments(self, checked, unit):
        """The attachments StreamField value linking the checked files, stored as documents
        (once per checksum) in the unit's collection: ``[("document", {"document": document,
        "title": ""})]``."""
        Document = get_document_model()
        value = []
        for name, data, checksum in checked:
            if checksum not in self.documents:
                self.documents[checksum] = Document.objects.filter(file_hash=checksum).first()
            document = self.documents[checksum]
            if document is None:
                document = Document(
                    title=PurePosixPath(name).stem[:255],
                    collection=self.collection(unit),
                    file_hash=checksum,
                    file_size=len(data),
                )
                filename = PurePosixPath(name).name
                if self.store:
                    document.file.save(filename, ContentFile(data), save=False)
                    self.stored.append((document.file.storage, document.file.name))
                else:
                    document.file.name = document.file.field.generate_filename(document, filename)
                document.save()
                self.documents[checksum] = document
                self.made.append(document.pk)
            # The document itself, not its id: reading the value asks no query for it.
            value.append(("document", {"document": document, "title": ""}))
        return value

    def sweep(self):
        """Delete the files stored since the last sweep that no document names (rolled back)."""
        Document = get_document_model()
        stored, self.stored = self.stored, []
        kept = set(
            Document.objects.filter(file__in=[name for _storage, name in stored]).values_list(
                "file", flat=True
            )
        )
        for storage, name in stored:
            if name not in kept:
                storage.delete(name)

    def collection(self, unit):
        key = unit.pk if unit else None
        if key not in self.collections:
            root = Collection.get_first_root_node()
            parent = root.get_children().filter(name=COLLECTION).first()
            if parent is None:
                parent = root.add_child(name=COLLECTION)
            name = unit.name if unit else _("ไม่ระบุหน่วยงาน")
            collection = parent.get_children().filter(name=name).first()
            if collection is None:
                collection = parent.add_child(name=name)
            self.collections[key] = collection
        return self.collections[key]
