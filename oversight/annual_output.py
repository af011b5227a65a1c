"""The yearly report as tables, and those tables as an XLSX workbook and a PDF.

The admin page, the workbook and the PDF show the same tables (``tables``), so their figures
cannot disagree. The PDF is made by WeasyPrint (Pango shapes Thai: vowels and tone marks in
place) with a Thai font from Debian's fonts-thai-tlwg; WeasyPrint is imported only when a PDF
is asked for, so the site runs without it.
"""

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.spreadsheets import safe_cell, safe_row
from thai.dates import format_thai_date, format_thai_datetime

PDF_FONTS = '"Laksaman", "Garuda", "Loma", "Norasi", sans-serif'


class PdfUnavailable(RuntimeError):
    pass


@dataclass
class Table:
    key: str
    title: str
    headers: list
    rows: list
    chart_column: int | None = None  # the column drawn as bars
    note: str = ""
    sheet: str = ""

    @property
    def chart_max(self):
        if self.chart_column is None:
            return 0
        return max((row[self.chart_column] or 0 for row in self.rows), default=0)


def dash(value):
    return "-" if value is None else value


def tables(report):
    checks = report.checks
    found = sum(row[1] for row in report.findings_by_kind)
    fixed = sum(row[2] for row in report.findings_by_kind)
    _label, approved, median_all, p90_all = report.turnaround_all
    summary = Table(
        "summary",
        "สรุป (Summary)",
        ["รายการ (Item)", "จำนวน (Figure)"],
        [
            ["รายการที่เผยแพร่ใหม่ (Items first published)", report.published_total],
            ["รายการที่นำเข้าจากเว็บไซต์เดิม (Items moved in from the old site)", report.moved_in_total],
            ["รายการที่อนุมัติและเผยแพร่ (Items approved and published)", approved],
            ["เวลาอนุมัติ มัธยฐาน ชั่วโมง (Approval time, median hours)", dash(median_all)],
            ["เวลาอนุมัติ เปอร์เซ็นไทล์ที่ 90 ชั่วโมง (Approval time, 90th percentile hours)", dash(p90_all)],
            ["การส่งกลับให้แก้ไข (Sent back for changes)", report.rejections_total],
            ["เผยแพร่ด่วนโดยไม่ผ่านการอนุมัติ (Published urgently)", report.urgent_total],
            ["ถอนการเผยแพร่ด่วนภายหลัง (Urgent publications withdrawn)", report.urgent_withdrawn],
            [
                "ประกาศเตือนทั้งเว็บไซต์ที่เผยแพร่ด่วน (Alert banners published urgently)",
                report.urgent_banners,
            ],
            [
                "ประกาศเตือนที่ถอนการเผยแพร่ด่วนภายหลัง (Urgent alert banners withdrawn)",
                report.urgent_banners_withdrawn,
            ],
            ["เผยแพร่ตามเวลาที่ตั้งไว้ (Scheduled go-lives)", report.scheduled_go_lives],
            ["สิ้นสุดตามเวลาที่ตั้งไว้ (Scheduled expiries)", report.scheduled_expiries],
            ["การตรวจเว็บไซต์ตามกำหนด (Scheduled site checks run)", checks["runs"]],
            ["วันที่ตรวจเว็บไซต์ (Days checked)", checks["days_checked"]],
            ["วันที่ไม่ได้ตรวจ (Days missed)", checks["days_missed"]],
            ["ปัญหาที่ตรวจพบ (Findings)", found],
            ["ปัญหาที่แก้ไขแล้ว (Findings fixed)", fixed],
        ],
        sheet="สรุป",
    )
    return [
        summary,
        Table(
            "by_month",
            "รายเดือน (By month)",
            [
                "เดือน (Month)",
                "เผยแพร่ใหม่ (Published)",
                "เผยแพร่ตามเวลาที่ตั้ง (Scheduled go-lives)",
                "สิ้นสุดตามเวลาที่ตั้ง (Scheduled expiries)",
            ],
            [list(row) for row in report.by_month],
            chart_column=1,
            sheet="รายเดือน",
        ),
        Table(
            "by_section",
            "รายการที่เผยแพร่ตามหมวด (Published by section)",
            ["หมวด (Section)", "จำนวน (Items)"],
            [list(row) for row in report.by_section],
            chart_column=1,
            sheet="ตามหมวด",
        ),
        Table(
            "by_kind",
            "รายการที่เผยแพร่ตามประเภท (Published by kind)",
            ["ประเภท (Kind)", "จำนวน (Items)"],
            [list(row) for row in report.by_kind],
            chart_column=1,
            sheet="ตามประเภท",
        ),
        Table(
            "by_unit",
            "รายการที่เผยแพร่ตามหน่วยงาน (Published by unit)",
            ["หน่วยงาน (Unit)", "จำนวน (Items)"],
            [list(row) for row in report.by_unit],
            chart_column=1,
            sheet="ตามหน่วยงาน",
        ),
        Table(
            "by_language",
            "รายการที่เผยแพร่ตามภาษา (Published by language)",
            ["ภาษา (Language)", "จำนวน (Items)"],
            [list(row) for row in report.by_language],
            sheet="ตามภาษา",
        ),
        Table(
            "turnaround",
            "ระยะเวลาตั้งแต่ส่งขออนุมัติจนเผยแพร่ (Approval turnaround: submitted to live)",
            [
                "หน่วยงาน (Unit)",
                "จำนวน (Items)",
                "มัธยฐาน ชั่วโมง (Median hours)",
                "เปอร์เซ็นไทล์ที่ 90 ชั่วโมง (90th percentile hours)",
            ],
            [[unit, count, dash(mid), dash(top)] for unit, count, mid, top in report.turnaround]
            + [[report.turnaround_all[0], approved, dash(median_all), dash(p90_all)]],
            chart_column=2,
            note="เปอร์เซ็นไทล์ที่ 90 แบบอันดับใกล้สุด (nearest rank); นับรายการที่เผยแพร่ในช่วงเวลานี้",
            sheet="เวลาอนุมัติ",
        ),
        Table(
            "rejections_by_unit",
            "การส่งกลับให้แก้ไขตามหน่วยงาน (Sent back, by unit)",
            ["หน่วยงาน (Unit)", "จำนวน (Times)"],
            [list(row) for row in report.rejections_by_unit],
            chart_column=1,
            sheet="ส่งกลับตามหน่วยงาน",
        ),
        Table(
            "rejections_by_step",
            "การส่งกลับให้แก้ไขตามขั้นตอน (Sent back, by step)",
            ["ขั้นตอน (Step)", "จำนวน (Times)"],
            [list(row) for row in report.rejections_by_step],
            sheet="ส่งกลับตามขั้นตอน",
        ),
        Table(
            "checks",
            "การตรวจเว็บไซต์ประจำวัน (Daily site checks)",
            ["รายการ (Item)", "จำนวน (Figure)"],
            [
                ["การตรวจตามกำหนดเวลา (Scheduled runs)", checks["runs"]],
                ["สำเร็จ (Succeeded)", checks["succeeded"]],
                ["ไม่สำเร็จ (Failed)", checks["failed"]],
                ["วันที่นับ (Days counted)", checks["days"]],
                ["วันที่ตรวจแล้ว (Days checked)", checks["days_checked"]],
                ["วันที่ไม่ได้ตรวจ (Days missed)", checks["days_missed"]],
            ],
            note=missed_note(checks["missed_dates"]),
            sheet="การตรวจประจำวัน",
        ),
        Table(
            "findings",
            "ปัญหาที่ตรวจพบตามประเภท (Findings by kind)",
            [
                "ประเภท (Kind)",
                "พบ (Found)",
                "แก้ไขแล้ว (Fixed)",
                "ยังค้าง (Open)",
                "มัธยฐานเวลาแก้ไข ชั่วโมง (Median time to fix, hours)",
            ],
            [
                [kind, found, fixed, still_open, dash(mid)]
                for kind, found, fixed, still_open, mid in report.findings_by_kind
            ],
            chart_column=1,
            sheet="ปัญหาที่พบ",
        ),
    ]


def missed_note(days):
    if not days:
        return ""
    shown = ", ".join(format_thai_date(day, "short") for day in days[:31])
    more = f" และอีก {len(days) - 31} วัน" if len(days) > 31 else ""
    return f"วันที่ไม่ได้ตรวจ (Days missed): {shown}{more}"


NARRATIVE_FIELDS = [
    ("problems", "ปัญหา (Problems)"),
    ("obstacles", "อุปสรรค (Obstacles)"),
    ("suggestions", "ข้อเสนอแนะ (Suggestions)"),
]


def narrative_items(report):
    narrative = report.narrative
    return [
        (label, getattr(narrative, name, "") if narrative else "")
        for name, label in NARRATIVE_FIELDS
    ]


def heading(report):
    return f"รายงานผลการดำเนินงานตามมาตรการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ {report.period.label}"


def period_line(report):
    period = report.period
    return (
        f"{format_thai_date(period.first_day)} – {format_thai_date(period.last_day)} "
        f"({period.label_en})"
    )


def xlsx(report):
    """The report as an XLSX workbook (bytes): a sheet per table, and the narrative."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "บันทึก"
    sheet.append([heading(report)])
    sheet.append([period_line(report)])
    sheet.append([f"จัดทำเมื่อ (Generated) {format_thai_datetime(timezone.now())}"])
    sheet.append([])
    for label, text in narrative_items(report):
        sheet.append(safe_row([label, text]))
        sheet.cell(sheet.max_row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    for table in tables(report):
        sheet = workbook.create_sheet(table.sheet[:31])
        sheet.append([safe_cell(table.title)])
        sheet["A1"].font = Font(bold=True)
        sheet.append(safe_row(table.headers))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(safe_row(row))
        if table.note:
            sheet.append([])
            sheet.append([safe_cell(table.note)])
        sheet.column_dimensions["A"].width = 60
        for letter in "BCDE":
            sheet.column_dimensions[letter].width = 22
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def html(report, for_pdf=False):
    with translation.override("th"):
        return render_to_string(
            "oversight/annual_report_document.html",
            {
                "report": report,
                "tables": tables(report),
                "narrative": narrative_items(report),
                "heading": heading(report),
                "period_line": period_line(report),
                "generated_at": timezone.now(),
                "fonts": PDF_FONTS,
                "for_pdf": for_pdf,
            },
        )


def pdf(report):
    """The report as a PDF (bytes); ``PdfUnavailable`` when WeasyPrint or Pango is missing."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango's shared library is missing
        raise PdfUnavailable(str(error)) from error
    return weasyprint.HTML(string=html(report, for_pdf=True)).write_pdf()
