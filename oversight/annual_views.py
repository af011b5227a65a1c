"""The yearly operations report in the admin: figures with bar charts, the narrative the web
team writes (ปัญหา, อุปสรรค, ข้อเสนอแนะ), and downloads as XLSX and PDF."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from oversight import access, annual, annual_output
from oversight.models import AnnualNarrative, PeriodKind

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = AnnualNarrative
        fields = ["problems", "obstacles", "suggestions"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}


def period_from(data, request=None):
    """The period asked for; the current fiscal year when none is, or when it is invalid (with
    the reason shown)."""
    if "year" not in data:
        return annual.Period.current()
    try:
        return annual.Period.parse(data.get("period", PeriodKind.FISCAL), data.get("year"))
    except annual.PeriodError as error:
        if request is not None:
            messages.error(request, str(error))
        return annual.Period.current()


def download_name(period, extension):
    return f"annual-report-{period.slug}.{extension}"


class AnnualReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "รายงานผลการดำเนินงานประจำปี (Yearly operations report)"
    header_icon = "doc-full"
    template_name = "oversight/annual_report.html"
    _show_breadcrumbs = True

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not access.can_view_annual_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        period = period_from(request.GET, request)
        file_format = request.GET.get("format")
        if file_format in ("xlsx", "pdf"):
            return self.download(period, file_format)
        return self.render_to_response(self.get_context_data(period=period))

    def post(self, request, *args, **kwargs):
        if not access.can_edit_narrative(request.user):
            raise PermissionDenied
        period = period_from(request.POST, request)
        narrative = AnnualNarrative.objects.filter(period=period.kind, year=period.year).first()
        form = NarrativeForm(
            request.POST,
            instance=narrative or AnnualNarrative(period=period.kind, year=period.year),
        )
        if form.is_valid():
            narrative = form.save(commit=False)
            narrative.updated_by = request.user
            narrative.save()
            messages.success(
                request,
                f"บันทึกปัญหา อุปสรรค และข้อเสนอแนะของ{period.label}แล้ว "
                "(Problems, obstacles and suggestions saved)",
            )
            url = reverse("oversight_annual_report")
            return redirect(f"{url}?period={period.kind}&year={period.year}")
        return self.render_to_response(self.get_context_data(period=period, form=form))

    def download(self, period, file_format):
        report = annual.build(period)
        if file_format == "xlsx":
            response = HttpResponse(annual_output.xlsx(report), content_type=XLSX_TYPE)
        else:
            try:
                content = annual_output.pdf(report)
            except annual_output.PdfUnavailable:
                messages.error(
                    self.request,
                    "สร้าง PDF ไม่ได้: ยังไม่ได้ติดตั้ง WeasyPrint หรือ Pango บนเครื่องแม่ข่าย "
                    "(PDF needs WeasyPrint and Pango on the server)",
                )
                url = reverse("oversight_annual_report")
                return redirect(f"{url}?period={period.kind}&year={period.year}")
            response = HttpResponse(content, content_type="application/pdf")
        name = download_name(period, file_format)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_context_data(self, period=None, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        report = annual.build(period)
        if form is None and access.can_edit_narrative(self.request.user):
            form = NarrativeForm(instance=report.narrative)
        context.update(
            report=report,
            tables=annual_output.tables(report),
            narrative=annual_output.narrative_items(report),
            heading=annual_output.heading(report),
            period_line=annual_output.period_line(report),
            period_choices=PeriodKind.choices,
            form=form,
        )
        return context
