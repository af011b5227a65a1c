"""Open data: every procurement notice as a record, for the CSV and JSON downloads.

The JSON shape is version 1 of ``NOTICES_SCHEMA`` (a JSON Schema, draft 2020-12) and stays
stable: fields are only ever added. Money is a string with two decimals (exact baht), dates
are ISO 8601 (Common Era), fiscal years are Buddhist Era numbers.
"""

from django.utils import timezone
from wagtail.documents import get_document_model

FORMAT_VERSION = 1

MONEY = {"type": ["string", "null"], "pattern": r"^[0-9]+\.[0-9]{2}$"}
DATE = {"type": ["string", "null"], "format": "date"}
TEXT = {"type": "string"}
NAMED = {
    "type": ["object", "null"],
    "required": ["slug", "name"],
    "properties": {"slug": TEXT, "name": TEXT},
}
NOTICE_FIELDS = {
    "id": {"type": "integer"},
    "url": TEXT,
    "title": TEXT,
    "item": TEXT,
    "stage": TEXT,
    "stage_label": TEXT,
    "date": DATE,
    "fiscal_year": {"type": ["integer", "null"]},
    "unit": NAMED,
    "school": NAMED,
    "method": TEXT,
    "method_label": TEXT,
    "status": TEXT,
    "status_label": TEXT,
    "budget": MONEY,
    "budget_source": TEXT,
    "budget_source_label": TEXT,
    "reference_price": MONEY,
    "egp_number": TEXT,
    "bidders": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["name", "price"],
            "properties": {"name": TEXT, "price": MONEY},
        },
    },
    "winner_name": TEXT,
    "agreed_price": MONEY,
    "reason": TEXT,
    "contract_number": TEXT,
    "contract_date": DATE,
    "documents": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["role", "title", "url"],
            "properties": {"role": TEXT, "title": TEXT, "url": TEXT},
        },
    },
}
NOTICES_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ประกาศจัดซื้อจัดจ้าง เทศบาลนครนครสวรรค์ (Procurement notices)",
    "type": "object",
    "required": ["version", "generated_at", "filters", "count", "notices"],
    "properties": {
        "version": {"const": FORMAT_VERSION},
        "generated_at": {"type": "string", "format": "date-time"},
        "filters": {"type": "object"},
        "count": {"type": "integer"},
        "notices": {
            "type": "array",
            "items": {
                "type": "object",
                "required": list(NOTICE_FIELDS),
                "properties": NOTICE_FIELDS,
                "additionalProperties": False,
            },
        },
    },
}

CSV_HEADERS = [
    ("url", "ลิงก์"),
    ("title", "ชื่อประกาศ"),
    ("item", "งานที่จัดซื้อหรือจัดจ้าง"),
    ("stage_label", "ขั้นตอน"),
    ("date", "วันที่ประกาศ"),
    ("fiscal_year", "ปีงบประมาณ"),
    ("unit", "หน่วยงาน"),
    ("school", "โรงเรียน"),
    ("method_label", "วิธีการจัดหา"),
    ("status_label", "สถานะ"),
    ("budget", "งบประมาณ (บาท)"),
    ("budget_source_label", "แหล่งที่มาของงบประมาณ"),
    ("reference_price", "ราคากลาง (บาท)"),
    ("egp_number", "เลขที่โครงการ e-GP"),
    ("bidders", "ผู้เสนอราคาและราคาที่เสนอ"),
    ("winner_name", "ผู้ชนะการเสนอราคา"),
    ("agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"),
    ("reason", "เหตุผลที่คัดเลือก"),
    ("contract_number", "เลขที่สัญญา"),
    ("contract_date", "วันที่สัญญา"),
]


def money(value):
    return None if value is None else f"{value:.2f}"


def _documents(notices):
    """The documents of every notice's procurement documents, in one query."""
    ids = {
        block["value"].get("document")
        for notice in notices
        for block in notice.documents.raw_data
        if block.get("type") == "document"
    }
    ids.discard(None)
    return get_document_model().objects.in_bulk(ids)


def records(notices, request):
    """``notices`` (from ``ProcurementNoticePage.listing`` or ``records``, bidders
    prefetched) as dictionaries of the shape ``NOTICES_SCHEMA`` describes."""
    notices = list(notices)
    documents = _documents(notices)
    result = []
    for notice in notices:
        unit = notice.responsible_unit
        files = []
        for block in notice.documents.raw_data:
            document = documents.get(block["value"].get("document"))
            if document is not None:
                files.append(
                    {
                        "role": block["value"].get("role") or "other",
                        "title": block["value"].get("title") or document.title,
                        "url": request.build_absolute_uri(document.url),
                    }
                )
        result.append(
            {
                "id": notice.pk,
                "url": request.build_absolute_uri(notice.get_url(request)),
                "title": notice.title,
                "item": notice.item,
                "stage": notice.stage,
                "stage_label": str(notice.get_stage_display()),
                "date": notice.date.isoformat() if notice.date else None,
                "fiscal_year": notice.fiscal_year,
                "unit": {"slug": unit.slug, "name": unit.name} if unit else None,
                "school": (
                    {"slug": notice.school_slug, "name": notice.school_title}
                    if notice.school_slug
                    else None
                ),
                "method": notice.method,
                "method_label": str(notice.get_method_display()),
                "status": notice.status,
                "status_label": str(notice.get_status_display()),
                "budget": money(notice.budget),
                "budget_source": notice.budget_source,
                "budget_source_label": str(notice.get_budget_source_display()),
                "reference_price": money(notice.reference_price),
                "egp_number": notice.egp_number,
                "bidders": [
                    {"name": bidder.name, "price": money(bidder.price)}
                    for bidder in notice.bidders.all()
                ],
                "winner_name": notice.winner_name,
                "agreed_price": money(notice.agreed_price),
                "reason": notice.reason,
                "contract_number": notice.contract_number,
                "contract_date": (
                    notice.contract_date.isoformat() if notice.contract_date else None
                ),
                "documents": files,
            }
        )
    return result


def as_json(notices, request, filters):
    items = records(notices, request)
    return {
        "version": FORMAT_VERSION,
        "generated_at": timezone.now().isoformat(),
        "filters": {name: value for name, value in filters.items() if value},
        "count": len(items),
        "notices": items,
    }


def as_csv_rows(notices, request):
    """The CSV header row (Thai) and one row per notice."""
    rows = []
    for record in records(notices, request):
        record["unit"] = record["unit"]["name"] if record["unit"] else ""
        record["school"] = record["school"]["name"] if record["school"] else ""
        record["bidders"] = "; ".join(f"{b['name']} {b['price']}" for b in record["bidders"])
        rows.append([record[key] for key, _label in CSV_HEADERS])
    return [label for _key, label in CSV_HEADERS], rows
