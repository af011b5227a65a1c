"""Where each imported row goes: its page type, its parent page and its responsible unit."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.rich_text import RichText

from imports.rows import RowProblem
from news.models import (
    AnnouncementIndexPage,
    AnnouncementKind,
    AnnouncementPage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)
from ownership.models import Unit
from procurement.models import ProcurementNoticePage
from schools.models import SchoolPage
from thai.dates import arabic_digits


def school_key(code):
    """A school code as typed in many ways (``ท.๑``, ``ท.1``, ``ท ๑``) reduced to ``ท1``."""
    return "".join(ch for ch in arabic_digits(code) if ch not in ". \u00a0").casefold()


def body_blocks(text):
    """Plain text as the body's paragraphs: a blank line starts a paragraph, a line break
    stays a line break. The text is escaped: HTML from the old site is shown, never run."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return [
        ("paragraph", RichText("<p>{}</p>".format(escape(part).replace("\n", "<br/>"))))
        for part in paragraphs
        if part
    ]


@dataclass
class Target:
    """The page a row becomes: its type, parent, unit and own field values."""

    model: type
    parent: object
    unit: object
    fields: dict


class Targets:
    """The parents and units of the site, loaded once per import (four queries)."""

    def __init__(self):
        self.locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.units = {}
        for unit in Unit.objects.all():
            for name in (unit.name, unit.name_en, unit.slug):
                if name:
                    self.units.setdefault(" ".join(name.split()).casefold(), unit)
        self.announcements = self._index(AnnouncementIndexPage)
        self.news = self._index(NewsIndexPage)
        self.schools = {
            school_key(school.code): school
            for school in SchoolPage.objects.filter(locale=self.locale).order_by("path")
        }

    def _index(self, model):
        return model.objects.filter(locale=self.locale).order_by("path").first()

    def for_row(self, row):
        """The ``Target`` of ``row``, or ``RowProblem`` (unknown unit or school, no index)."""
        if row.kind in ("news", "activity"):
            model, parent = NewsPage, self.news
            category = NewsCategory.MUNICIPAL if row.kind == "news" else NewsCategory.ACTIVITY
            fields = {"category": category, "date": row.published}
        else:
            model = (
                ProcurementNoticePage if row.kind in ("procurement", "winner") else AnnouncementPage
            )
            parent = self.announcements
            fields = {"kind": AnnouncementKind(row.kind), "date": row.published}
        if row.school:
            school = self.schools.get(school_key(row.school))
            if school is None:
                raise RowProblem(_("ไม่พบโรงเรียนรหัส '%(code)s'") % {"code": row.school})
            if model is not ProcurementNoticePage:
                raise RowProblem(
                    _("ใต้หน้าโรงเรียนมีได้เฉพาะประกาศจัดซื้อจัดจ้างและประกาศผู้ชนะ (ประเภท %(kind)s)")
                    % {"kind": row.kind}
                )
            parent = school
        if parent is None:
            missing = _("หน้ารวมข่าวสาร") if model is NewsPage else _("หน้ารวมประกาศ")
            raise RowProblem(_("เว็บไซต์ยังไม่มี%(page)s ภาษาไทย จึงนำเข้าแถวนี้ไม่ได้") % {"page": missing})
        unit = self.unit(row.department, parent)
        fields.update(
            title=row.title,
            draft_title=row.title,
            body=body_blocks(row.body),
            responsible_unit=unit,
        )
        if model is ProcurementNoticePage:
            fields.update(row.structured)
        elif "fiscal_year" in row.structured:
            fields["fiscal_year"] = row.structured["fiscal_year"]
        return Target(model=model, parent=parent, unit=unit, fields=fields)

    def unit(self, name, parent):
        """The unit named ``name`` (its Thai name; its English name or code also do), or the
        parent's unit when the column is empty, as for a page made in the editor."""
        if not name:
            return getattr(parent, "owner_unit", None)
        unit = self.units.get(name.casefold())
        if unit is None:
            raise RowProblem(_("ไม่พบหน่วยงาน '%(name)s'") % {"name": name})
        return unit
