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
