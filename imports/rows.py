"""Reading the old site's CSV: the file, its header, and the values of each row.

Every problem is reported in Thai: a problem with the whole file (missing, not UTF-8, a wrong
header) as ``FileProblem``, a problem with one row as ``RowProblem`` with its line number.
"""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect

from news.models import AnnouncementPage
from procurement.models import ProcurementNoticePage
from thai.dates import BE_OFFSET, MAX_YEAR_BE, MIN_YEAR_BE, arabic_digits

BASE_COLUMNS = ("source_id", "kind", "title", "body", "published", "department", "school")
# Optional columns that are not the page's content: a re-import that changes only them does
# not make a new revision (they are left out of the row's digest).
LINK_COLUMNS = ("old_url",)
# The files attached to the notice (names in --files, by |): their contents, not their names,
# are part of the row's digest (added by the importer once the files are read).
FILE_COLUMNS = ("files",)
KINDS = ("procurement", "winner", "council", "recruitment", "news", "activity", "other")
PROCUREMENT_KINDS = ("procurement", "winner")
# ISO dates, in the Common Era or the Buddhist Era; a time after the date is ignored.
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+Z-]*)?")
MONEY_NOISE = re.compile(r"[,\s]|บาท")
SOURCE_ID_MAX = 100
TITLE_MAX = 255
OLD_PATH_MAX = Redirect._meta.get_field("old_path").max_length


class FileProblem(Exception):
    """The file cannot be imported at all (its Thai message says why)."""


class RowProblem(Exception):
    """One row cannot be imported (its Thai message says why)."""


@dataclass
class Row:
    line: int
    source_id: str
    kind: str
    title: str
    body: str
    published: datetime.date
    department: str
    school: str
    structured: dict = field(default_factory=dict)
    digest: str = ""
    old_paths: list = field(default_factory=list)
    files: list = field(default_factory=list)


def structured_fields():
    """The procurement notice's own fields that a column may fill, by name: the fields of
    ``ProcurementNoticePage`` itself (whatever it has when this runs) that hold a plain value,
    and the fiscal year of every notice."""
    plain = (models.CharField, models.TextField, models.DecimalField, models.DateField)
    plain += (models.IntegerField,)
    fields = {
        f.name: f
        for f in ProcurementNoticePage._meta.local_concrete_fields
        if isinstance(f, plain) and not f.primary_key
    }
    fields["fiscal_year"] = AnnouncementPage._meta.get_field("fiscal_year")
    return fields


def read_table(path):
    """``(header, rows)`` of the CSV at ``path``: each row is ``(line, values)``, ``line``
    being the line of the file where the row starts. Raises ``FileProblem``."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise FileProblem(_("ไม่พบไฟล์ %(path)s") % {"path": path}) from None
    except IsADirectoryError:
        raise FileProblem(_("%(path)s เป็นโฟลเดอร์ ไม่ใช่ไฟล์ CSV") % {"path": path}) from None
    except OSError as error:
        raise FileProblem(
            _("เปิดไฟล์ %(path)s ไม่ได้: %(error)s") % {"path": path, "error": error.strerror}
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FileProblem(
            _(
                "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 (พบอักขระที่อ่านไม่ได้ที่บรรทัดที่ %(line)s) "
                "กรุณาบันทึกไฟล์ใหม่เป็น CSV UTF-8"
            )
            % {"line": line}
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise FileProblem(_("ไฟล์ว่าง ไม่มีหัวตาราง"))
        header = [name.strip() for name in header]
        check_header(header)
        rows, line = [], reader.line_num + 1
        for values in reader:
            if any(value.strip() for value in values):
                rows.append((line, values))
            line = reader.line_num + 1
    except csv.Error as error:
        raise FileProblem(
            _("อ่านไฟล์ CSV ไม่ได้ที่บรรทัดที่ %(line)s: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from None
    return header, rows


def check_header(header):
    missing = [name for name in BASE_COLUMNS if name not in header]
    known = set(BASE_COLUMNS) | set(LINK_COLUMNS) | set(FILE_COLUMNS)
    known |= set(structured_fields())
    unknown = [name for name in header if name not in known]
    repeated = sorted({name for name in header if header.count(name) > 1})
    problems = []
    if missing:
        problems.append(_("ไม่มีคอลัมน์ %(names)s") % {"names": ", ".join(missing)})
    if unknown:
        problems.append(_("ไม่รู้จักคอลัมน์ %(names)s") % {"names": ", ".join(unknown)})
    if repeated:
        problems.append(_("คอลัมน์ซ้ำ %(names)s") % {"names": ", ".join(repeated)})
    if problems:
        raise FileProblem(
            _("หัวตารางไม่ถูกต้อง: %(problems)s (หัวตารางต้องมี %(columns)s)")
            % {"problems": "; ".join(problems), "columns": ",".join(BASE_COLUMNS)}
        )


def parse_row(header, line, values):
    """The ``Row`` of ``values`` read at ``line``, or ``RowProblem``."""
    if len(values) != len(header):
        raise RowProblem(
            _("จำนวนช่องไม่ตรงกับหัวตาราง (มี %(found)s ช่อง หัวตารางมี %(expected)s คอลัมน์)")
            % {"found": len(values), "expected": len(header)}
        )
    cells = {name: value.strip() for name, value in zip(header, values, strict=True)}
    source_id = cells["source_id"]
    if not source_id:
        raise RowProblem(_("ไม่มีรหัสในเว็บไซต์เดิม (source_id)"))
    if len(source_id) > SOURCE_ID_MAX:
        raise RowProblem(_("รหัส source_id ยาวเกิน %(max)s ตัวอักษร") % {"max": SOURCE_ID_MAX})
    kind = cells["kind"].lower()
    if kind not in KINDS:
        raise RowProblem(
            _("ประเภทไม่ถูกต้อง: '%(kind)s' (ต้องเป็น %(kinds)s)")
            % {"kind": cells["kind"], "kinds": ", ".join(KINDS)}
        )
    title = " ".join(cells["title"].split())
    if not title:
        raise RowProblem(_("ไม่มีชื่อเรื่อง (title)"))
    if len(title) > TITLE_MAX:
        raise RowProblem(_("ชื่อเรื่องยาวเกิน %(max)s ตัวอักษร") % {"max": TITLE_MAX})
    structured = {}
    for name, model_field in structured_fields().items():
        raw = cells.get(name, "")
        if not raw:
            continue
        if kind not in PROCUREMENT_KINDS:
            raise RowProblem(
                _("คอลัมน์ %(column)s ใช้ได้กับประกาศจัดซื้อจัดจ้างและประกาศผู้ชนะเท่านั้น") % {"column": name}
            )
        structured[name] = parse_value(name, model_field, raw)
    content = "\x1f".join(f"{n}={cells[n]}" for n in header if n not in LINK_COLUMNS + FILE_COLUMNS)
    digest = hashlib.sha256(content.encode()).hexdigest()
    return Row(
        line=line,
        source_id=source_id,
        kind=kind,
        title=title,
        body=cells["body"],
        published=parse_date(cells["published"], "published"),
        department=" ".join(cells["department"].split()),
        school=cells["school"],
        structured=structured,
        digest=digest,
        old_paths=parse_old_urls(cells.get("old_url", "")),
        files=list(
            dict.fromkeys(
                name.strip() for name in cells.get("files", "").split("|") if name.strip()
            )
        ),
    )


def parse_old_urls(text):
    """The old site's addresses of a notice (separated by ``|``; absolute URLs or paths, with
    their query string) as Wagtail's redirects store them (``Redirect.normalise_path``: the
    host is dropped, the query's parameters sorted)."""
    paths = []
    for address in text.split("|"):
        address = address.strip()
        if not address:
            continue
        if any(ch.isspace() for ch in address):
            raise RowProblem(_("ที่อยู่เดิมมีช่องว่าง: '%(url)s' (คั่นหลายที่อยู่ด้วย |)") % {"url": address})
        path = Redirect.normalise_path(address)
        if path == "/" or path.startswith("/?"):
            raise RowProblem(
                _("ที่อยู่เดิม '%(url)s' เป็นหน้าแรกของเว็บไซต์ จึงเปลี่ยนเส้นทางไม่ได้") % {"url": address}
            )
        if len(path) > OLD_PATH_MAX:
            raise RowProblem(
                _("ที่อยู่เดิมยาวเกิน %(max)s ตัวอักษร: '%(url)s'") % {"max": OLD_PATH_MAX, "url": address}
            )
        if path not in paths:
            paths.append(path)
    return paths


def parse_date(text, column):
    """A date written ``YYYY-MM-DD`` in the Common or the Buddhist Era, Thai digits allowed."""
    if not text:
        raise RowProblem(_("ไม่มีวันที่ (คอลัมน์ %(column)s)") % {"column": column})
    match = ISO_DATE.fullmatch(arabic_digits(text))
    if match is None:
        raise RowProblem(
            _("วันที่ไม่ถูกต้อง: '%(value)s' (คอลัมน์ %(column)s ต้องเป็น ปปปป-ดด-วว เช่น 2567-03-15)")
            % {"value": text, "column": column}
        )
    year, month, day = (int(part) for part in match.groups())
    if year >= MIN_YEAR_BE:
        year -= BE_OFFSET
    try:
        if not MIN_YEAR_BE - BE_OFFSET <= year <= MAX_YEAR_BE - BE_OFFSET:
            raise ValueError
        return datetime.date(year, month, day)
    except ValueError:
        raise RowProblem(
            _("วันที่ไม่ถูกต้อง: '%(value)s' (ไม่มีวันนี้ในปฏิทิน หรือปีอยู่นอกช่วง) (คอลัมน์ %(column)s)")
            % {"value": text, "column": column}
        ) from None


def parse_money(text, column):
    """Baht: ``1,250,000.50``, ``๑๒๕๐๐๐`` or ``1250000 บาท``; never negative, two decimals."""
    cleaned = MONEY_NOISE.sub("", arabic_digits(text))
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount.as_tuple().exponent < -2:
        raise RowProblem(
            _("จำนวนเงินไม่ถูกต้อง: '%(value)s' (คอลัมน์ %(column)s เช่น 1250000.50)")
            % {"value": text, "column": column}
        )
    if amount < 0:
        raise RowProblem(
            _("จำนวนเงินต้องไม่ติดลบ: '%(value)s' (คอลัมน์ %(column)s)")
            % {"value": text, "column": column}
        )
    return amount


def parse_choice(text, model_field, column):
    """A choice by its stored value or by its Thai or English label."""
    wanted = " ".join(text.split()).casefold()
    for value, label in model_field.flatchoices:
        if wanted in (str(value).casefold(), str(label).casefold()):
            return value
    raise RowProblem(
        _("ค่าในคอลัมน์ %(column)s ไม่ถูกต้อง: '%(value)s' (ใช้ได้: %(choices)s)")
        % {
            "column": column,
            "value": text,
            "choices": ", ".join(str(value) for value, _label in model_field.flatchoices),
        }
    )


def parse_value(column, model_field, text):
    if model_field.choices:
        return parse_choice(text, model_field, column)
    if isinstance(model_field, models.DecimalField):
        return parse_money(text, column)
    if isinstance(model_field, models.DateField):
        return parse_date(text, column)
    if isinstance(model_field, models.IntegerField):
        number = arabic_digits(text).strip()
        if not number.isdigit():
            raise RowProblem(
                _("ค่าในคอลัมน์ %(column)s ต้องเป็นตัวเลข: '%(value)s'")
                % {"column": column, "value": text}
            )
        return int(number)
    if model_field.max_length and len(text) > model_field.max_length:
        raise RowProblem(
            _("ค่าในคอลัมน์ %(column)s ยาวเกิน %(max)s ตัวอักษร")
            % {"column": column, "max": model_field.max_length}
        )
    return text
