"""Admin views: copying an assessment year's list to a new year, and the coverage report of
the current year."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import IndexView

from oversight import access
from transparency.coverage import tally, year_coverage
from transparency.models import MAX_YEAR, MIN_YEAR, AssessmentYear
from transparency.sources import Status


def can_prepare(user):
    """Whoever may add assessment years and items (IT administrators give the permission)."""
    return user.has_perms(["transparency.add_assessmentyear", "transparency.add_oititem"])


class CopyYearForm(forms.Form):
    year = forms.IntegerField(
        label="ปีการประเมินใหม่ พ.ศ. (New assessment year, B.E.)",
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={
            "invalid": "ใส่ปี พ.ศ. เป็นตัวเลข เช่น 2570 (Enter a B.E. year in digits, e.g. 2570)",
            "min_value": f"ปีต้องไม่ก่อน {MIN_YEAR} (The year cannot be before {MIN_YEAR})",
            "max_value": f"ปีต้องไม่เกิน {MAX_YEAR} (The year cannot be after {MAX_YEAR})",
        },
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if AssessmentYear.objects.filter(year=year).exists():
            raise forms.ValidationError(
                f"มีปีการประเมิน {year} แล้ว (Assessment year {year} already exists)"
            )
        return year


class CopyYearView(WagtailAdminTemplateMixin, FormView):
    """คัดลอกรายการไปปีใหม่: the items and their evidence links, to be edited there."""

    page_title = "คัดลอกรายการ ITA ไปปีใหม่ (Copy the ITA list to a new year)"
    header_icon = "copy"
    template_name = "transparency/admin/copy_year.html"
    form_class = CopyYearForm
    _show_breadcrumbs = True

    def dispatch(self, request, pk):
        if not can_prepare(request.user):
            raise PermissionDenied
        self.source = get_object_or_404(AssessmentYear, pk=pk)
        return super().dispatch(request, pk)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_initial(self):
        return {"year": self.source.year + 1}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            source=self.source, item_count=self.source.items.count(), **kwargs
        )

    def form_valid(self, form):
        new = self.source.copy_to(form.cleaned_data["year"])
        messages.success(
            self.request,
            f"คัดลอก {new.items.count()} ข้อจาก ITA {self.source.year} ไปยัง ITA {new.year} แล้ว "
            "ตรวจแก้รหัส ชื่อ และหลักฐานตามคู่มือของปีนั้น "
            "(Copied; now check codes, titles and evidence against that year's manual)",
        )
        return redirect(reverse("transparency_oititem:list") + f"?year={new.pk}")


class AssessmentYearIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_prepare(self.request.user):
            buttons.append(
                Button(
                    "คัดลอกไปปีใหม่ (Copy to a new year)",
                    url=reverse("transparency_copy_year", args=(instance.pk,)),
                    icon_name="copy",
                    priority=25,
                )
            )
        return buttons


class CoverageReportView(WagtailAdminTemplateMixin, TemplateView):
    """ความครบถ้วนของหลักฐาน ITA: each item of an assessment year green, amber or red, with
    the reasons in words."""

    page_title = "ความครบถ้วนของหลักฐาน ITA (ITA evidence coverage)"
    header_icon = "tasks"
    template_name = "transparency/admin/coverage.html"
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        if not access.can_view_findings(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def chosen_year(self):
        years = list(AssessmentYear.objects.all())
        wanted = self.request.GET.get("year", "")
        chosen = next((y for y in years if str(y.year) == wanted), None)
        if wanted and chosen is None:
            messages.error(
                self.request,
                f"ไม่มีปีการประเมิน {wanted[:10]} แสดงปีปัจจุบันแทน "
                "(No such assessment year; showing the current one)",
            )
        return chosen or AssessmentYear.objects.current(), years

    def get_context_data(self, **kwargs):
        year, years = self.chosen_year()
        coverage = year_coverage(year) if year else []
        counts = tally(coverage)
        return super().get_context_data(
            year=year,
            years=years,
            coverage=coverage,
            counts=[(status, counts[status]) for status in Status],
            items_url=reverse("transparency_oititem:list"),
            **kwargs,
        )
