"""The public views the page types route to: asking a question, filing a complaint, following
it by its private link, and the published statistics (page, XLSX, e-service use)."""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import handling, protection
from cases.forms import ComplaintForm, QuestionForm
from cases.models import Complaint, ComplaintCategory
from cases.statistics import (
    complaint_statistics,
    first_fiscal_year,
    form_usage,
    month_label,
    month_starts,
)
from cases.xlsx import statistics_workbook
from core.listing import paginate
from thai.dates import fiscal_year, parse_be_year

QUESTIONS_PER_PAGE = 20


def _rate_limited(request, scope):
    return request.method == "POST" and protection.over_rate_limit(request, scope)


def question_index(page, request):
    status, form, error = 200, None, ""
    if _rate_limited(request, "question"):
        status, error = 429, protection.TOO_MANY
    elif request.method == "POST":
        form = QuestionForm(request.POST)
        if form.is_valid():
            handling.ask_question(page, form.cleaned_data, form.nonce)
            return HttpResponseRedirect(page.get_url(request) + "?sent=1#ask")
    context = page.get_context(request)
    context.update(
        form=form or QuestionForm(),
        error=error,
        sent=request.GET.get("sent") == "1",
        entries=paginate(page.entries(), request, QUESTIONS_PER_PAGE),
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def complaint_form(page, request):
    status, form, error = 200, None, ""
    if _rate_limited(request, "complaint"):
        status, error = 429, protection.TOO_MANY
    elif request.method == "POST":
        form = ComplaintForm(request.POST, request.FILES)
        if form.is_valid():
            _case, path, files_lost = handling.file_complaint(
                page,
                form.cleaned_data,
                lambda case, secret: page.get_url(request) + status_path(page, case, secret),
                form.nonce,
            )
            lost = f"&files_lost={files_lost}" if files_lost else ""
            return HttpResponseRedirect(request.build_absolute_uri(f"{path}?new=1{lost}"))
    if form is None:
        slug = request.GET.get("category", "")
        initial = ComplaintCategory.objects.filter(slug=slug, active=True).first() if slug else None
        form = ComplaintForm(initial={"category": initial})
    response = page.render(
        request,
        context_overrides={"form": form, "error": error},
    )
    response.status_code = status
    return response


def status_path(page, case, secret):
    return page.reverse_subpage(
        "status_view",
        kwargs={"year": case.year, "sequence": f"{case.sequence:06d}", "secret": secret},
    )


def complaint_status(page, request, year, sequence, secret):
    """The case as its complainant follows it; 404 for a wrong secret, as for no case."""
    case = (
        Complaint.objects.select_related("category", "unit")
        .filter(year=year, sequence=sequence)
        .first()
    )
    if case is None or not case.secret_matches(secret):
        raise Http404
    steps = case.events.exclude(status="").select_related("unit")
    response = page.render(
        request,
        template="cases/complaint_status.html",
        context_overrides={
            "case": case,
            "steps": steps,
            "new": request.GET.get("new") == "1",
            "files_lost": request.GET.get("files_lost", "").isdigit(),
            "overdue": case.is_overdue(),
        },
    )
    # A private page: not cached, not indexed, its address not passed on in a Referer.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _year(request):
    """The fiscal year asked for (``?year=2569``), or the current one with a message."""
    current = fiscal_year(timezone.localdate())
    raw = request.GET.get("year", "")
    if not raw:
        return current, ""
    year = parse_be_year(raw)
    if year is None:
        return current, _("ปีงบประมาณที่ระบุไม่ถูกต้อง จึงแสดงปีงบประมาณปัจจุบัน")
    if year > current:
        return current, _("ปีงบประมาณที่ระบุยังไม่เริ่ม จึงแสดงปีงบประมาณปัจจุบัน")
    return year, ""


def _years(selected):
    current = fiscal_year(timezone.localdate())
    return list(range(current, min(first_fiscal_year(), selected) - 1, -1))


def statistics(page, request):
    year, message = _year(request)
    categories = ComplaintCategory.objects.order_by("sort_order", "name")
    return page.render(
        request,
        context_overrides={
            "year": year,
            "years": _years(year),
            "message": message,
            "stats": complaint_statistics(year, categories),
        },
    )


def e_services(page, request):
    year, message = _year(request)
    return page.render(
        request,
        template="cases/e_services.html",
        context_overrides={
            "year": year,
            "years": _years(year),
            "message": message,
            "usage": form_usage(year),
            "month_labels": [month_label(day) for day in month_starts(year)],
        },
    )


def statistics_xlsx(page, request):
    year, _message = _year(request)
    categories = ComplaintCategory.objects.order_by("sort_order", "name")
    content = statistics_workbook(complaint_statistics(year, categories), form_usage(year))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="complaint-statistics-{year}.xlsx"'
    return response
