"""Downloads: CSV (UTF-8 with a byte-order mark, so that Excel shows Thai), XLSX and JSON."""

import csv
import io
import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.spreadsheets import safe_cell, safe_row

BOM = "\ufeff"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = "#,##0.00"


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def cell_text(value):
    """A cell as CSV text: money with two decimals, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def csv_response(filename, headers, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(headers))
    writer.writerows([cell_text(safe_cell(value)) for value in row] for row in rows)
    response = HttpResponse(BOM + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, filename)


def xlsx_response(filename, title_lines, headers, rows, money_columns=()):
    """One sheet: the title lines, the header row in bold, then the rows (money as numbers
    shown with two decimals)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "data"
    for line in title_lines:
        sheet.append([safe_cell(line)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    sheet.append(safe_row(headers))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(safe_row(row))
        for column in money_columns:
            sheet.cell(row=sheet.max_row, column=column + 1).number_format = MONEY_FORMAT
    for column, header in enumerate(headers, start=1):
        letter = sheet.cell(row=header_row, column=column).column_letter
        sheet.column_dimensions[letter].width = max(10, min(40, len(header) + 4))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)


def json_response(filename, data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    return _attachment(response, filename)
