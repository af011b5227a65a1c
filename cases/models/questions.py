"""A citizen's question: who asked (kept apart from the public FAQ page, so that no name or
address ever enters a page revision) and whether they were told of the answer."""

from django.db import models
from django.utils import timezone

from ownership.models import Unit


class Question(models.Model):
    page = models.ForeignKey(
        "cases.QuestionPage",
        verbose_name="หน้าถาม-ตอบ (FAQ entry)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    asked_at = models.DateTimeField("วันที่ถาม (Asked)", default=timezone.now, db_index=True)
    text = models.TextField("คำถาม (Question)")
    unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงานที่เกี่ยวข้อง (Unit)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField("ชื่อผู้ถาม (Name)", max_length=200, blank=True)
    email = models.EmailField("อีเมล (E-mail)", blank=True)
    notified_at = models.DateTimeField("แจ้งคำตอบเมื่อ (Told of the answer)", null=True)
    anonymised_at = models.DateTimeField("ลบข้อมูลส่วนบุคคลเมื่อ (Anonymised)", null=True)
    # The nonce of the form token it was asked with: a token asks one question only.
    # NULL (not "") for those made without a form, so that the nonces alone are unique.
    form_nonce = models.CharField(max_length=32, unique=True, null=True, editable=False)  # noqa: DJ001

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = "คำถามจากประชาชน (Citizen's question)"
        verbose_name_plural = "คำถามจากประชาชน (Citizens' questions)"

    def __str__(self):
        return self.text[:60]
