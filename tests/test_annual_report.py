"""The yearly operations report (O3) of a constructed fiscal year 2568 (1 Oct 2024 – 30 Sep
2025): every figure is known in advance, and the admin page, the XLSX workbook, the PDF and the
command show the same ones."""

import datetime
import io
import tempfile
import unicodedata
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import WorkflowState

from home.models import HomePage
from moderation.setup import SUPERVISOR_TASK_NAME
from news.models import AnnouncementPage
from oversight import annual, annual_output
from oversight.models import AnnualNarrative, Finding, FindingKind, JobRun, Severity
from ownership.models import Role
from tests.factories import AnnouncementIndexPageFactory, AnnouncementPageFactory, unit
from tests.oversight_support import at, make_user, sign_in

HOUR = datetime.timedelta(hours=1)
PROBLEMS = "เจ้าหน้าที่ผู้ดูแลเว็บไซต์มีจำนวนน้อย ทำให้การตรวจทานเนื้อหาล่าช้าในช่วงสิ้นปีงบประมาณ"
OBSTACLES = "บางหน่วยงานส่งประกาศฉบับลงนามไม่ครบถ้วน ต้องส่งกลับให้แก้ไข"
SUGGESTIONS = "ควรจัดอบรมผู้จัดทำเนื้อหาของทุกหน่วยงานปีละ ๒ ครั้ง"
# Thai vowel and tone marks above and below the line. WeasyPrint maps each drawn glyph to one
# piece of text, so a mark drawn in several places may read back as another mark; the PDF's
# text is compared without them (the letters and their order must all be there).
THAI_MARKS = dict.fromkeys([0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)])


def bangkok(*args):
    return timezone.make_aware(datetime.datetime(*args))


def letters(text):
    return "".join(unicodedata.normalize("NFKC", text).translate(THAI_MARKS).split())


class ConstructedYearTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.index = AnnouncementIndexPageFactory(
            parent=home,
            slug="announcements",
            title="ประกาศ",
            responsible_unit=unit("clerk"),
        )
        cls.finance_creator = make_user("finance-creator", Role.CREATOR, "finance")
        cls.finance_supervisor = make_user("finance-supervisor", Role.SUPERVISOR, "finance")
        cls.education_creator = make_user("education-creator", Role.CREATOR, "education")
        cls.education_supervisor = make_user("education-supervisor", Role.SUPERVISOR, "education")
        cls.operator = make_user("web-operator", Role.OPERATOR)
        cls.admin = make_user("it-admin", Role.IT_ADMIN, is_superuser=True)

        # Approved through both steps: submitted → live in 5 h, 50 h (Finance), 10 h (Education).
        cls.approved("finance-a", "finance", bangkok(2024, 10, 7, 9), [2, 5])
        cls.approved("finance-b", "finance", bangkok(2025, 1, 6, 9), [25, 50])
        cls.approved("education-c", "education", bangkok(2025, 3, 3, 9), [3, 10])
        # Sent back by the Education Office's supervisor, never published.
        page, state = cls.submitted("education-d", "education", bangkok(2025, 5, 5, 9))
        with at(bangkok(2025, 5, 5, 11)):
            state.current_task_state.task.specific.on_action(
                state.current_task_state.specific,
                cls.education_supervisor,
                "reject",
                comment="กรุณาแนบประกาศฉบับลงนาม",
            )
        # Scheduled by a web operator: live on 1 June, expired on 1 July 2025.
        with at(bangkok(2025, 5, 30, 10)):
            page = AnnouncementPage(
                slug="timed-e",
                title="ประกาศ timed-e",
                live=False,
                responsible_unit=unit("clerk"),
                go_live_at=bangkok(2025, 6, 1, 8),
                expire_at=bangkok(2025, 7, 1, 0),
            )
            cls.index.add_child(instance=page)
            page.save_revision(user=cls.admin).publish(user=cls.admin)
        for moment in (bangkok(2025, 6, 1, 8, 1), bangkok(2025, 7, 1, 0, 5)):
            with at(moment):
                call_command("publish_scheduled", stdout=io.StringIO())
        # Published just outside the fiscal year, on either side.
        for slug, moment in (
            ("before", bangkok(2024, 9, 30, 23, 59)),
            ("after", bangkok(2025, 10, 1, 0, 1)),
        ):
            with at(moment):
                AnnouncementPageFactory(parent=cls.index, slug=slug, title=f"ประกาศ {slug}")

        # The daily check ran every day but 25 Dec, 13 and 14 Apr (13 Apr: it failed).
        missed = {
            datetime.date(2024, 12, 25),
            datetime.date(2025, 4, 13),
            datetime.date(2025, 4, 14),
        }
        day, runs = datetime.date(2024, 10, 1), []
        while day <= datetime.date(2025, 9, 30):
            started = bangkok(day.year, day.month, day.day, 6)
            if day not in missed:
                runs.append(JobRun(job="check_site", started_at=started, succeeded=True))
            elif day == datetime.date(2025, 4, 13):
                runs.append(JobRun(job="check_site", started_at=started, succeeded=False))
            day += datetime.timedelta(days=1)
        JobRun.objects.bulk_create(runs)

        # Findings: broken links fixed after 2, 4 and 9 hours and one still open; an external
        # link fixed after a day; one found after the year.
        found = bangkok(2024, 11, 1, 6)
        for number, (kind, first_seen, fix_hours) in enumerate(
            [
                (FindingKind.BROKEN_LINK, found, 2),
                (FindingKind.BROKEN_LINK, found, 4),
                (FindingKind.BROKEN_LINK, found, 9),
                (FindingKind.BROKEN_LINK, bangkok(2025, 2, 1, 6), None),
                (FindingKind.EXTERNAL_LINK, bangkok(2025, 8, 1, 6), 24),
                (FindingKind.BROKEN_LINK, bangkok(2025, 10, 2, 6), 1),
            ]
        ):
            Finding.objects.create(
                key=f"k{number}",
                source=Finding.Source.CRAWL,
                kind=kind,
                severity=Severity.ERROR,
                first_seen=first_seen,
                last_seen=first_seen,
                fixed_at=first_seen + fix_hours * HOUR if fix_hours else None,
            )

    @classmethod
    def submitted(cls, slug, unit_slug, moment):
        creator = getattr(cls, f"{unit_slug}_creator")
        with at(moment):
            page = AnnouncementPage(
                slug=slug, title=f"ประกาศ {slug}", live=False, responsible_unit=unit(unit_slug)
            )
            cls.index.add_child(instance=page)
            page.save_revision(user=creator)
            state = page.get_workflow().start(page, creator)
        return page, state

    @classmethod
    def approved(cls, slug, unit_slug, moment, after_hours):
        page, state = cls.submitted(slug, unit_slug, moment)
        supervisor = getattr(cls, f"{unit_slug}_supervisor")
        for approver, hours in zip((supervisor, cls.operator), after_hours, strict=True):
            state = WorkflowState.objects.get(pk=state.pk)
            task_state = state.current_task_state.specific
            with at(moment + hours * HOUR):
                task_state.task.specific.on_action(task_state, approver, "approve")
        page.refresh_from_db()
        assert page.live, slug
        return page

    def report(self, kind="fiscal", year=2568):
        return annual.build(annual.Period.parse(kind, year))

    def test_the_figures_of_the_year_match_exactly(self):
        report = self.report()
        self.assertEqual(report.published_total, 4)
        self.assertEqual(report.by_section, [("ประกาศ", 4)])
        self.assertEqual(report.by_kind, [("ประกาศ (Announcement)", 4)])
        self.assertEqual(
            sorted(report.by_unit),
            [("สำนักงานการศึกษา", 1), ("สำนักงานคลัง", 2), ("สำนักปลัดเทศบาล", 1)],
        )
        self.assertEqual(
            report.by_month,
            [
                ("ต.ค. 67", 1, 0, 0),
                ("พ.ย. 67", 0, 0, 0),
                ("ธ.ค. 67", 0, 0, 0),
                ("ม.ค. 68", 1, 0, 0),
                ("ก.พ. 68", 0, 0, 0),
                ("มี.ค. 68", 1, 0, 0),
                ("เม.ย. 68", 0, 0, 0),
                ("พ.ค. 68", 0, 0, 0),
                ("มิ.ย. 68", 1, 1, 0),
                ("ก.ค. 68", 0, 0, 1),
                ("ส.ค. 68", 0, 0, 0),
                ("ก.ย. 68", 0, 0, 0),
            ],
        )
        self.assertEqual(
            report.turnaround,
            [("สำนักงานคลัง", 2, 27.5, 50.0), ("สำนักงานการศึกษา", 1, 10.0, 10.0)],
        )
        self.assertEqual(report.turnaround_all[1:], (3, 10.0, 50.0))
        self.assertEqual(report.rejections_total, 1)
        self.assertEqual(report.rejections_by_unit, [("สำนักงานการศึกษา", 1)])
        self.assertEqual(report.rejections_by_step, [(SUPERVISOR_TASK_NAME, 1)])
        self.assertEqual((report.scheduled_go_lives, report.scheduled_expiries), (1, 1))
        checks = {key: value for key, value in report.checks.items() if key != "missed_dates"}
        self.assertEqual(
            checks,
            {
                "runs": 363,
                "succeeded": 362,
                "failed": 1,
                "days": 365,
                "days_checked": 362,
                "days_missed": 3,
            },
        )
        self.assertEqual(
            report.checks["missed_dates"],
            [datetime.date(2024, 12, 25), datetime.date(2025, 4, 13), datetime.date(2025, 4, 14)],
        )
        self.assertEqual(
            report.findings_by_kind,
            [
                ("ลิงก์ภายในเสีย (Broken internal link)", 4, 3, 1, 4.0),
                ("ลิงก์ภายนอกเปิดไม่ได้ (External link fails)", 1, 1, 0, 24.0),
            ],
        )

    def test_a_calendar_year_counts_january_to_december(self):
        report = self.report("calendar", 2568)
        # October 2024 is in 2567; the notice of 1 October 2025 is in 2568.
        self.assertEqual(report.published_total, 4)
        self.assertEqual(report.by_month[0], ("ม.ค. 68", 1, 0, 0))
        self.assertEqual(report.turnaround_all[1:], (2, 30.0, 50.0))

    def test_narrative_is_written_in_the_admin_and_kept_per_year(self):
        url = reverse("oversight_annual_report")
        sign_in(self.client, self.operator)
        response = self.client.post(
            url,
            {
                "period": "fiscal",
                "year": "2568",
                "problems": PROBLEMS,
                "obstacles": OBSTACLES,
                "suggestions": SUGGESTIONS,
            },
        )
        self.assertRedirects(response, f"{url}?period=fiscal&year=2568")
        narrative = AnnualNarrative.objects.get(period="fiscal", year=2568)
        self.assertEqual((narrative.problems, narrative.updated_by), (PROBLEMS, self.operator))
        page = self.client.get(url, {"period": "fiscal", "year": "2568"})
        self.assertContains(page, PROBLEMS)
        self.assertContains(page, "27.5")
        self.assertContains(page, 'class="annual-bar"')
        self.assertNotContains(self.client.get(url, {"year": "2569"}), PROBLEMS)
        # Supervisors read the report; only the web team writes it.
        sign_in(self.client, self.finance_supervisor)
        self.assertContains(self.client.get(url, {"year": "2568"}), PROBLEMS)
        refused = self.client.post(url, {"period": "fiscal", "year": "2568", "problems": "x"})
        self.assertNotEqual(refused.status_code, 200)
        self.assertEqual(AnnualNarrative.objects.get().problems, PROBLEMS)
        sign_in(self.client, self.finance_creator)
        self.assertNotEqual(self.client.get(url).status_code, 200)

    def test_bad_years_in_the_admin_show_a_message_not_an_error(self):
        sign_in(self.client, self.operator)
        response = self.client.get(reverse("oversight_annual_report"), {"year": "2025"})
        self.assertContains(response, "ใช้ปีพุทธศักราช เช่น 2568")
        response = self.client.get(reverse("oversight_annual_report"), {"year": "abc"})
        self.assertEqual(response.status_code, 200)

    def test_xlsx_opens_with_the_same_figures(self):
        AnnualNarrative.objects.create(period="fiscal", year=2568, problems=PROBLEMS)
        sign_in(self.client, self.operator)
        response = self.client.get(
            reverse("oversight_annual_report"), {"year": "2568", "format": "xlsx"}
        )
        self.assertIn("annual-report-fiscal-2568.xlsx", response["Content-Disposition"])
        workbook = load_workbook(io.BytesIO(response.content))
        report = self.report()
        for table in annual_output.tables(report):
            rows = list(workbook[table.sheet].iter_rows(min_row=3, values_only=True))
            self.assertEqual(
                [list(row) for row in rows[: len(table.rows)]], table.rows, table.sheet
            )
        summary = dict(workbook["สรุป"].iter_rows(min_row=3, max_col=2, values_only=True))
        self.assertEqual(summary["วันที่ไม่ได้ตรวจ (Days missed)"], 3)
        self.assertEqual(
            summary["เวลาอนุมัติ เปอร์เซ็นไทล์ที่ 90 ชั่วโมง (Approval time, 90th percentile hours)"], 50.0
        )
        notes = dict(workbook["บันทึก"].iter_rows(min_row=5, max_col=2, values_only=True))
        self.assertEqual(notes["ปัญหา (Problems)"], PROBLEMS)

    def test_pdf_holds_the_thai_text_and_the_figures(self):
        from pypdf import PdfReader

        AnnualNarrative.objects.create(
            period="fiscal",
            year=2568,
            problems=PROBLEMS,
            obstacles=OBSTACLES,
            suggestions=SUGGESTIONS,
        )
        sign_in(self.client, self.operator)
        response = self.client.get(
            reverse("oversight_annual_report"), {"year": "2568", "format": "pdf"}
        )
        self.assertEqual(response["Content-Type"], "application/pdf")
        text = "\n".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        )
        self.assertIn("ปีงบประมาณ พ.ศ. 2568", text)
        self.assertIn("อุปสรรค", text)
        for thai in (PROBLEMS, OBSTACLES, SUGGESTIONS, "สำนักงานคลัง", "การตรวจเว็บไซต์ประจำวัน"):
            self.assertIn(letters(thai), letters(text))
        self.assertIn("27.5", text)
        self.assertIn("ต.ค. 67", text)

    def test_command_prints_the_report_and_writes_files(self):
        out = io.StringIO()
        call_command("annual_report", "--fiscal-year", "2568", stdout=out)
        self.assertIn("ปีงบประมาณ พ.ศ. 2568", out.getvalue())
        self.assertIn("สำนักงานคลัง | 2 | 27.5 | 50.0", out.getvalue())
        path = str(Path(self.enterContext(tempfile.TemporaryDirectory())) / "report.xlsx")
        call_command("annual_report", "--fiscal-year", "2568", "--output", path, stdout=out)
        self.assertEqual(load_workbook(path)["สรุป"]["B3"].value, 4)

    def test_command_refuses_bad_arguments_with_a_clear_message(self):
        cases = {
            ("--fiscal-year", "2025"): "ใช้ปีพุทธศักราช เช่น 2568",
            ("--fiscal-year", "abc"): "ปีต้องเป็นตัวเลขปีพุทธศักราช",
            ("--year", "3000"): "ปี พ.ศ. ต้องอยู่ระหว่าง",
            (): "ระบุ --fiscal-year หรือ --year",
            ("--fiscal-year", "2568", "--output", "report.docx"): ".xlsx หรือ .pdf",
        }
        for arguments, message in cases.items():
            with self.subTest(arguments=arguments), self.assertRaisesMessage(CommandError, message):
                call_command("annual_report", *arguments, stdout=io.StringIO())
