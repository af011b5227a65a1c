"""The publication request forms in the admin: a page's forms, one form as a printable page or
a PDF, and the forms of a fiscal year (optionally of one unit) as a list and as one PDF.

Who may see a form: whoever can see its page in the admin, that is superusers, web operators,
and the content creators and supervisors of the page's unit."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from moderation import request_form
from ownership.models import Role, Unit
from ownership.permissions import user_roles
from thai.dates import fiscal_year

PDF_FONTS = '"Laksaman", "Garuda", "Loma", "Norasi", sans-serif'
MAX_ID = 2**31 - 1
SARA_AM, NIKHAHIT_SARA_AA = "\u0e33", "\u0e4d\u0e32"
FIRST_YEAR, LAST_YEAR = 2500, 2700

NOT_FOUND = "ไม่พบแบบฟอร์มการขอเผยแพร่ข้อมูลนี้ (No such publication request form)"
NO_PAGE = "ไม่พบหน้านี้ (No such page)"
NO_ACCESS = "ท่านไม่มีสิทธิ์ดูแบบฟอร์มของหน้านี้ (You may not see this page's forms)"
BAD_YEAR = (
    "ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2569 แสดงปีงบประมาณปัจจุบันแทน "
    "(The fiscal year must be a 4-digit B.E. year such as 2569; showing the current one)"
)
BAD_UNIT = "ไม่พบหน่วยงานนี้ แสดงทุกหน่วยงานแทน (No such unit; showing all units)"
NO_PDF = (
    "สร้าง PDF ไม่ได้: ยังไม่ได้ติดตั้ง WeasyPrint หรือ Pango บนเครื่องแม่ข่าย "
    "(PDF needs WeasyPrint and Pango on the server)"
)
NOTHING_TO_DOWNLOAD = "ไม่มีแบบฟอร์มในช่วงที่เลือก (No forms in the chosen period)"


def parse_id(value):
    """A database id from a URL, or None (never an overflow on the database)."""
    value = str(value or "").strip()
    return int(value) if value.isdigit() and 0 < int(value) <= MAX_ID else None


def all_units_visible(user):
    return user.is_superuser or any(role == Role.OPERATOR for role, _unit in user_roles(user))


def visible_unit_ids(user):
    """The units whose forms ``user`` sees (None: all)."""
    if all_units_visible(user):
        return None
    return {unit_id for _role, unit_id in user_roles(user) if unit_id is not None}


def can_view(user, page):
    """Whoever can see ``page`` in the admin: edit rights on it, or a role in its unit."""
    if all_units_visible(user):
        return True
    page = page.specific_deferred
    if page.permissions_for_user(user).can_edit():
        return True
    return getattr(page, "responsible_unit_id", None) in visible_unit_ids(user)


def _refuse(request, message):
    messages.error(request, message)
    return redirect("moderation_request_forms")


def _form_or_refusal(request, state_id):
    pk = parse_id(state_id)
    forms = request_form.build(request_form.approved_states().filter(pk=pk)) if pk else []
    if not forms:
        return None, _refuse(request, NOT_FOUND)
    if not can_view(request.user, forms[0].page):
        return None, _refuse(request, NO_ACCESS)
    return forms[0], None


def document_html(forms, for_pdf=False):
    """The forms as one printable HTML document (a page break before each form)."""
    with translation.override("th"):
        return render_to_string(
            "moderation/request_form_document.html",
            {
                "forms": forms,
                "fonts": PDF_FONTS,
                "for_pdf": for_pdf,
                "generated_at": timezone.now(),
            },
        )


class PdfUnavailable(Exception):
    pass


def pdf_bytes(forms):
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango's shared library is missing
        raise PdfUnavailable(str(error)) from error
    # SARA AM as NIKHAHIT + SARA AA: drawn the same, but WeasyPrint maps each glyph to one
    # piece of text, and the composed form would make every later "า" copy out as "ำ".
    html = document_html(forms, for_pdf=True).replace(SARA_AM, NIKHAHIT_SARA_AA)
    return weasyprint.HTML(string=html).write_pdf()


def pdf_response(request, forms, filename, back_url):
    try:
        content = pdf_bytes(forms)
    except PdfUnavailable:
        messages.error(request, NO_PDF)
        return redirect(back_url)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def form_view(request, state_id):
    """One form as a printable page (the browser's print makes the paper copy)."""
    form, refusal = _form_or_refusal(request, state_id)
    if refusal:
        return refusal
    return HttpResponse(document_html([form]))


def form_pdf(request, state_id):
    form, refusal = _form_or_refusal(request, state_id)
    if refusal:
        return refusal
    back = reverse("moderation_request_forms_page", args=[form.page.pk])
    return pdf_response(request, [form], f"request-form-{form.pk}.pdf", back)


class PageFormsView(WagtailAdminTemplateMixin, TemplateView):
    """The forms of one page, newest first (from the page's "more" menu and header)."""

    template_name = "moderation/request_form_page.html"
    header_icon = "doc-full"
    _show_breadcrumbs = True

    def get(self, request, page_id):
        pk = parse_id(page_id)
        self.page = Page.objects.filter(pk=pk).first() if pk else None
        if self.page is None:
            return _refuse(request, NO_PAGE)
        if not can_view(request.user, self.page):
            return _refuse(request, NO_ACCESS)
        forms = request_form.build(request_form.states_for_page(self.page))
        return self.render_to_response(self.get_context_data(forms=forms[::-1]))

    def get_page_title(self):
        return f"แบบฟอร์มการขอเผยแพร่ข้อมูล (Publication request forms): {self.page.title}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("moderation_request_forms"), "label": YearFormsView.page_title},
            {"url": "", "label": self.page.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        return context


class YearFormsView(WagtailAdminTemplateMixin, TemplateView):
    """The forms of a fiscal year, by unit; ``?format=pdf`` downloads them as one PDF."""

    page_title = "แบบฟอร์มการขอเผยแพร่ข้อมูล (Publication request forms)"
    template_name = "moderation/request_form_list.html"
    header_icon = "doc-full"
    _show_breadcrumbs = True

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        year, unit = self.choices(request)
        visible = visible_unit_ids(request.user)
        states = request_form.states_for_year(year, unit.pk if unit else None)
        forms = [
            form
            for form in request_form.build(states)
            if visible is None or visible & {form.unit and form.unit.pk, form.page_unit_id}
        ]
        if request.GET.get("format") == "pdf":
            url = f"{reverse('moderation_request_forms')}?year={year}"
            if not forms:
                messages.error(request, NOTHING_TO_DOWNLOAD)
                return redirect(url)
            name = f"request-forms-{year}{f'-{unit.slug}' if unit else ''}.pdf"
            return pdf_response(request, forms, name, url)
        units = Unit.objects.all()
        if visible is not None:
            units = units.filter(pk__in=visible)
        return self.render_to_response(
            self.get_context_data(year=year, unit=unit, units=units, forms=forms)
        )

    def choices(self, request):
        current = fiscal_year(timezone.now())
        raw_year = request.GET.get("year", "").strip()
        year = current
        if raw_year:
            if raw_year.isdigit() and FIRST_YEAR <= int(raw_year) <= LAST_YEAR:
                year = int(raw_year)
            else:
                messages.error(request, BAD_YEAR)
        unit = None
        raw_unit = request.GET.get("unit", "").strip()
        if raw_unit:
            unit = Unit.objects.filter(slug=raw_unit).first()
            if unit is None:
                messages.error(request, BAD_UNIT)
        return year, unit

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = fiscal_year(timezone.now())
        context["years"] = range(current, current - 6, -1)
        return context
