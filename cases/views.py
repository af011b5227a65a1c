"""The public views the page types route to: asking a question, filing a complaint, following
it by its private link or by its number and the contact given, rating a closed case, and the
published statistics (page, XLSX, e-service use)."""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import handling, protection
from cases.forms import ComplaintForm, LookupForm, QuestionForm, RatingForm
from cases.models import Complaint, ComplaintCategory
from cases.models.complaints import matching_contact
from cases.statistics import (
    complaint_statistics,
    first_fiscal_year,
    form_usage,
    month_label,
    month_starts,
)
from cases.xlsx import statistics_workbook
from core.listing import paginate
from pagecache.fragments import remember
from thai.dates import fiscal_year, parse_be_year

QUESTIONS_PER_PAGE = 20
# The one answer to a lookup that finds nothing, whether the number exists or not.
NOT_FOUND = gettext_lazy(
    "ไม่พบเรื่องที่ตรงกับเลขที่และโทรศัพท์หรืออีเมลที่ระบุ กรุณาตรวจสอบอีกครั้ง "
    "หากแจ้งเรื่องโดยไม่ประสงค์ออกนามหรือไม่ได้ให้ช่องทางติดต่อไว้ "
    "โปรดติดต่อศูนย์รับเรื่องร้องเรียนพร้อมเลขที่เรื่อง"
)
RATED = gettext_lazy("ขอบคุณที่ให้คะแนนการดำเนินการเรื่องนี้")
RATED_BEFORE = gettext_lazy("เรื่องนี้ได้รับคะแนนความพึงพอใจแล้ว ขอบคุณ (ให้คะแนนได้ครั้งเดียว)")


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
    # The form is the visitor's (its CSRF token); the page's addresses are kept under the
    # content version (pagecache.fragments): Wagtail's site root paths are not read for them.
    page_url, lookup_url = remember(
        request,
        "complaint-addresses",
        lambda: (
            page.get_url(request),
            page.get_url(request) + page.reverse_subpage("lookup_view"),
        ),
        page.pk,
    )
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "error": error,
            "page_url": page_url,
            "lookup_url": lookup_url,
        },
    )
    response.status_code = status
    return response


def status_path(page, case, secret):
    return page.reverse_subpage(
        "status_view",
        kwargs={"year": case.year, "sequence": f"{case.sequence:06d}", "secret": secret},
    )


def _case(year, sequence):
    return (
        Complaint.objects.select_related("category", "unit")
        .filter(year=year, sequence=sequence)
        .first()
    )


def _case_by_pk(pk):
    return Complaint.objects.select_related("category", "unit").filter(pk=pk).first()


def _private(response):
    """A private page: not cached, not indexed, its address not passed on in a Referer."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _status_response(page, request, case, **context):
    """The case as its complainant follows it, with the rating form once it is closed."""
    steps = case.events.exclude(status="").select_related("unit")
    rating_form = context.pop("rating_form", None)
    if rating_form is None and case.may_be_rated:
        rating_form = RatingForm(initial={"case": RatingForm.token(case)})
    response = page.render(
        request,
        template="cases/complaint_status.html",
        context_overrides={
            "case": case,
            "steps": steps,
            "overdue": case.is_overdue(),
            "rating_form": rating_form if case.may_be_rated else None,
            "rating_url": page.url + page.reverse_subpage("rate_view"),
            **context,
        },
    )
    return _private(response)


def complaint_status(page, request, year, sequence, secret):
    """The case as its complainant follows it; 404 for a wrong secret, as for no case."""
    case = _case(year, sequence)
    if case is None or not case.secret_matches(secret):
        raise Http404
    return _status_response(
        page,
        request,
        case,
        new=request.GET.get("new") == "1",
        files_lost=request.GET.get("files_lost", "").isdigit(),
    )


def complaint_lookup(page, request):
    """Following a case without its private link: the tracking number and the phone number or
    e-mail address given with it. A wrong contact and a number that does not exist get the same
    answer, status and work (the contact is compared, against nothing when there is no case);
    every attempt counts towards the address's hourly limit."""
    status, form, error = 200, None, ""
    if _rate_limited(request, "lookup"):
        status, error = 429, protection.TOO_MANY
    elif request.method == "POST":
        form = LookupForm(request.POST)
        if form.is_valid():
            year, sequence = form.cleaned_data["number"]
            contact = form.cleaned_data["contact"]
            case = _case(year, sequence)
            if case is not None and case.contact_matches(contact):
                return _status_response(page, request, case)
            if case is None:
                matching_contact(contact, "", "")
            error = NOT_FOUND
    response = page.render(
        request,
        template="cases/complaint_lookup.html",
        context_overrides={"form": form or LookupForm(), "error": error},
    )
    response.status_code = status
    return _private(response)


def complaint_rating(page, request):
    """The complainant's rating of a closed case, from the form on its status page; counted
    once per case (a second one is politely refused and changes nothing)."""
    lookup_url = page.url + page.reverse_subpage("lookup_view")
    if request.method != "POST":
        return HttpResponseRedirect(lookup_url)
    form = RatingForm(request.POST)
    valid = form.is_valid()
    case_id = form.cleaned_data.get("case")
    case = _case_by_pk(case_id) if case_id else None
    if case is None:  # a form left open too long, or tampered with: find the case again
        response = page.render(
            request,
            template="cases/complaint_lookup.html",
            context_overrides={"form": LookupForm(), "error": RatingForm.EXPIRED},
        )
        response.status_code = 400
        return _private(response)
    if not valid:
        return _status_response(page, request, case, rating_form=form)
    recorded = case.rate(form.cleaned_data["rating"], form.cleaned_data["comment"])
    return _status_response(page, request, case, rating_message=RATED if recorded else RATED_BEFORE)


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
    """The statistics of the fiscal year asked for. The content is kept, rendered, under the
    content version ({% fragment %} in ``cases/case_statistics_page.html``; complaints and
    their categories raise it, ``PAGE_CACHE_CONTENT_MODELS``, and so does a rating,
    ``Complaint.rate``) for the year, the message and today (the months shown end today):
    its years and statistics are read only when it is rendered."""
    year, message = _year(request)
    categories = ComplaintCategory.objects.order_by("sort_order", "name")
    return page.render(
        request,
        context_overrides={
            "year": year,
            "years": SimpleLazyObject(lambda: _years(year)),
            "message": message,
            "today": timezone.localdate(),
            "stats": SimpleLazyObject(lambda: complaint_statistics(year, categories)),
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
