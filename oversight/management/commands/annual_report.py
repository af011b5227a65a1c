from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight import annual, annual_output
from oversight.models import PeriodKind


class Command(BaseCommand):
    help = (
        "รายงานผลการดำเนินงานประจำปี (Yearly operations report) for a fiscal year "
        "(--fiscal-year 2568) or a calendar year (--year 2568), in Buddhist Era years: printed, "
        "or written to --output as .xlsx or .pdf."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--fiscal-year", help="ปีงบประมาณ พ.ศ. เช่น 2568 (Thai fiscal year, B.E.)")
        which.add_argument("--year", help="ปีปฏิทิน พ.ศ. เช่น 2568 (calendar year, B.E.)")
        parser.add_argument(
            "--output",
            help="ไฟล์ .xlsx หรือ .pdf ที่จะเขียน (write an .xlsx or .pdf file)",
        )

    def handle(self, *args, fiscal_year=None, year=None, output=None, **options):
        if fiscal_year is None and year is None:
            raise CommandError(
                "ระบุ --fiscal-year หรือ --year เป็นปี พ.ศ. เช่น --fiscal-year 2568 "
                "(give --fiscal-year or --year as a Buddhist Era year, e.g. --fiscal-year 2568)"
            )
        kind = PeriodKind.FISCAL if fiscal_year is not None else PeriodKind.CALENDAR
        try:
            period = annual.Period.parse(kind, fiscal_year if fiscal_year is not None else year)
        except annual.PeriodError as error:
            raise CommandError(str(error)) from None
        suffix = Path(output).suffix.lower() if output else ""
        if output and suffix not in (".xlsx", ".pdf"):
            raise CommandError(
                f"ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx หรือ .pdf (the output must end in .xlsx or .pdf, "
                f"not {suffix or output!r})"
            )
        report = annual.build(period)
        if not output:
            self.print_report(report)
            return
        try:
            content = annual_output.xlsx(report) if suffix == ".xlsx" else annual_output.pdf(report)
        except annual_output.PdfUnavailable as error:
            raise CommandError(
                f"สร้าง PDF ไม่ได้: ต้องติดตั้ง WeasyPrint และ Pango (PDF needs WeasyPrint and "
                f"Pango): {error}"
            ) from None
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            raise CommandError(f"เขียนไฟล์ไม่ได้ (cannot write the file): {error}") from None
        self.stdout.write(f"{annual_output.heading(report)}: {output}")

    def print_report(self, report):
        self.stdout.write(annual_output.heading(report))
        self.stdout.write(annual_output.period_line(report))
        for label, text in annual_output.narrative_items(report):
            self.stdout.write(f"\n{label}\n  {text or '-'}")
        for table in annual_output.tables(report):
            self.stdout.write(f"\n{table.title}")
            if not table.rows:
                self.stdout.write("  -")
            for row in table.rows:
                self.stdout.write("  " + " | ".join(str(value) for value in row))
            if table.note:
                self.stdout.write(f"  {table.note}")
