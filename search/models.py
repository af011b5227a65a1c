"""Search data web operators keep in the admin: synonyms (see ``search.synonyms``)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\n,;]+")


class Synonym(models.Model):
    """Words that mean the same to a citizen: a query holding any of them finds the pages that
    hold any other (``e-bidding`` ↔ ``ประกวดราคาอิเล็กทรอนิกส์``)."""

    terms = models.TextField(
        _("คำที่มีความหมายเดียวกัน"),
        help_text=_("คำหรือวลีตั้งแต่สองรายการ คั่นด้วยจุลภาค หรือบรรทัดละหนึ่งรายการ"),
    )
    note = models.CharField(_("หมายเหตุ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("คำพ้องความหมาย")
        verbose_name_plural = _("คำพ้องความหมาย")
        ordering = ["pk"]

    def __str__(self):
        return " ↔ ".join(self.term_list())

    def term_list(self):
        """The terms as typed, without blanks or repeats."""
        return list(dict.fromkeys(t.strip() for t in _SEPARATORS.split(self.terms) if t.strip()))

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("ใส่คำอย่างน้อยสองคำ")})


class SearchMiss(models.Model):
    """A query that found no or few results in a week (counts only: no user, address or
    time of day). Web operators read them in the report "คำค้นที่ไม่พบผล" and answer with a
    search promotion or a synonym."""

    week = models.DateField(_("สัปดาห์ที่เริ่ม (วันจันทร์)"))
    query = models.CharField(_("คำค้น"), max_length=200)
    searches = models.PositiveIntegerField(_("จำนวนครั้งที่ค้น"), default=0)
    results = models.PositiveIntegerField(_("จำนวนผลที่พบ (น้อยที่สุด)"), default=0)

    class Meta:
        verbose_name = _("คำค้นที่ไม่พบผล")
        verbose_name_plural = _("คำค้นที่ไม่พบผล")
        ordering = ["-week", "-searches", "query"]
        constraints = [
            models.UniqueConstraint(fields=["week", "query"], name="search_miss_week_query")
        ]

    def __str__(self):
        return self.query
