from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.blocks import BodyBlock, FiscalYearDocumentsBlock
from core.models import BasePage


class HomePage(BasePage):
    """หน้าหลัก: the root of each language's tree."""

    intro = models.TextField("ข้อความต้อนรับ (Welcome text)", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "หน้าหลัก (Home page)"


class InformationPage(BasePage):
    """A page of the H1 main menu: policy, development plan, budget, fiscal statistics,
    administrative structure, powers and duties, operating standards."""

    body = StreamField(BodyBlock(), blank=True, verbose_name="เนื้อหา (Body)")
    documents = StreamField(
        [("fiscal_year", FiscalYearDocumentsBlock())],
        blank=True,
        verbose_name="เอกสารตามปีงบประมาณ (Documents by fiscal year)",
        help_text="ปีล่าสุดไว้บนสุด (Newest fiscal year first)",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("documents")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "หน้าข้อมูลเมนูหลัก (Main-menu information page)"


class ChannelsPage(BasePage):
    """ช่องทางร้องเรียน (H6): the complaint channels, read from the site settings."""

    intro = models.TextField("คำอธิบาย (Introduction)", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "ช่องทางร้องเรียน (Complaint channels page)"
