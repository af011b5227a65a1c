from django.db import models
from wagtail.admin.panels import FieldPanel

from core.models import BasePage


class HomePage(BasePage):
    """หน้าหลัก: the root of each language's tree."""

    intro = models.TextField("ข้อความต้อนรับ (Welcome text)", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้าหลัก (Home page)"
