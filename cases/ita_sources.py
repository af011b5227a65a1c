"""The citizen cases' evidence of the ITA (``transparency.sources``, registered in
``wagtail_hooks.py``): the questions, the complaint form, the complaint statistics of the
fiscal year and the use of the online services."""

from django.utils.translation import gettext_lazy as _

from cases.models import CaseStatisticsPage, ComplaintPage, QuestionIndexPage
from transparency.sources import Source, live_of


def statistics_entry(page, year, period):
    return page.title, f"{page.url}?year={year.evidence_year(period)}" if page.url else None


def e_services_entry(page, year, period):
    title = _("สถิติการใช้บริการออนไลน์ (E-Service)")
    return str(title), f"{page.url}e-services/" if page.url else None


def ita_sources():
    return [
        Source(
            "questions",
            "หน้าถาม-ตอบ (Questions and answers page)",
            pages=live_of(QuestionIndexPage),
        ),
        Source(
            "complaint_form",
            "แบบฟอร์มแจ้งเรื่องร้องเรียน รวมถึงการทุจริต (Complaint form, corruption included)",
            pages=live_of(ComplaintPage),
        ),
        Source(
            "complaint_statistics",
            "สถิติเรื่องร้องเรียนของปีงบประมาณ (Complaint statistics of the fiscal year)",
            pages=live_of(CaseStatisticsPage),
            entry=statistics_entry,
        ),
        Source(
            "e_services",
            "บริการออนไลน์และสถิติการใช้งาน (Online services and their use)",
            pages=live_of(CaseStatisticsPage),
            entry=e_services_entry,
        ),
    ]
