"""The statistics as an XLSX workbook (openpyxl): complaints per month and per category, and
the use of each online form per month."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cases.statistics import month_label, month_starts
from core.spreadsheets import safe_cell, safe_row


def _table(sheet, title, header, rows):
    sheet.append([safe_cell(title)])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    sheet.append(safe_row(header))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))
    sheet.append([])


def statistics_workbook(stats, usage):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("เรื่องร้องเรียน")
    header = [_("เดือน"), _("ได้รับ"), _("ดำเนินการแล้วเสร็จ"), _("อยู่ระหว่างดำเนินการ")]
    none = _("ไม่มีเรื่องร้องเรียน")
    _table(
        sheet,
        _("สถิติเรื่องร้องเรียน ปีงบประมาณ %(year)s") % {"year": stats.year},
        header,
        [
            [row.label, row.received, row.completed, row.in_progress]
            if row.received
            else [row.label, 0, 0, 0, none]
            for row in stats.months
        ]
        + [[_("รวม"), stats.total.received, stats.total.completed, stats.total.in_progress]],
    )
    _table(
        sheet,
        _("แยกตามประเภท"),
        [_("ประเภท"), *header[1:]],
        [[row.label, row.received, row.completed, row.in_progress] for row in stats.categories],
    )
    sheet.column_dimensions["A"].width = 36
    forms = workbook.create_sheet(_("การใช้บริการออนไลน์"))
    months = [month_label(day) for day in month_starts(stats.year)]
    _table(
        forms,
        _("จำนวนการใช้บริการออนไลน์ ปีงบประมาณ %(year)s") % {"year": stats.year},
        [_("บริการ"), *months, _("รวม")],
        [[form.label, *form.months, form.total] for form in usage],
    )
    forms.column_dimensions["A"].width = 36
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
