from django.db import models
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import HotlineBlock


class BasePage(Page):
    """What every public page shares: listing fields and the "last updated" footer.

    Abstract, so that no page pays for a join on every query.
    """

    listing_summary = models.TextField(
        "สรุปสำหรับรายการ (Listing summary)",
        blank=True,
        help_text="ข้อความสั้นที่แสดงในรายการและผลการค้นหา (Short text for listings and search results)",
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("listing_summary"),
    ]

    class Meta:
        abstract = True

    @property
    def last_updated(self):
        return self.last_published_at or self.latest_revision_created_at


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and complaint channels (H6), changed by editors without a deploy."""

    address = models.TextField("ที่อยู่ (Address)", default="")
    address_en = models.TextField("Address in English", blank=True)
    phone = models.CharField("โทรศัพท์ (Phone)", max_length=50, blank=True)
    email = models.EmailField("อีเมล (E-mail)", blank=True)
    office_hours = models.CharField("เวลาทำการ (Office hours)", max_length=200, blank=True)
    office_hours_en = models.CharField("Office hours in English", max_length=200, blank=True)
    hotlines = StreamField(
        [("hotline", HotlineBlock())], blank=True, verbose_name="สายด่วน (Hotlines)"
    )
    facebook_url = models.URLField("เพจ Facebook (Facebook page)", blank=True)
    app_name = models.CharField("ชื่อแอปพลิเคชัน (App name)", max_length=100, blank=True)
    app_url = models.URLField("ลิงก์แอปพลิเคชัน (App link)", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
                FieldPanel("office_hours_en"),
            ],
            heading="ติดต่อเทศบาล (Contact)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotlines"),
                FieldPanel("facebook_url"),
                FieldPanel("app_name"),
                FieldPanel("app_url"),
            ],
            heading="ช่องทางร้องเรียน (Complaint channels, H6)",
        ),
    ]

    class Meta:
        verbose_name = "ข้อมูลติดต่อและช่องทางร้องเรียน (Contact and channels)"

    def _in_language(self, thai, english):
        return english if get_language() == "en" and english else thai

    @property
    def localized_address(self):
        return self._in_language(self.address, self.address_en)

    @property
    def localized_office_hours(self):
        return self._in_language(self.office_hours, self.office_hours_en)
