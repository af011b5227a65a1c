"""What the import from the old website remembers (``manage.py import_notices``)."""

from django.db import models
from wagtail.models import Page

# ---------------------------------------------------------------------------


class ImportedNotice(models.Model):
    """The page an old-site notice became: a second import of the same ``source_id`` updates
    this page instead of adding another. Deleting the page forgets the mapping."""

    source_id = models.CharField("รหัสในเว็บไซต์เดิม (Old-site id)", max_length=100, unique=True)
    page = models.OneToOneField(
        Page, verbose_name="หน้า (Page)", on_delete=models.CASCADE, related_name="+"
    )
    # A digest of the row as last imported: an unchanged row is skipped, without a new revision.
    row_digest = models.CharField(max_length=64)
    # The old addresses the import made redirects of (``old_url``): one dropped from the column
    # is deleted on the next import, never a redirect an editor added.
    old_paths = models.JSONField("ที่อยู่เดิม (Old addresses)", default=list, blank=True)
    imported_at = models.DateTimeField("นำเข้าครั้งแรก (First imported)", auto_now_add=True)
    updated_at = models.DateTimeField("นำเข้าล่าสุด (Last imported)", auto_now=True)

    class Meta:
        # The table it had in ``news``, where it was first made.
        db_table = "news_importednotice"
        verbose_name = "ประกาศที่นำเข้าจากเว็บไซต์เดิม (Imported notice)"
        verbose_name_plural = "ประกาศที่นำเข้าจากเว็บไซต์เดิม (Imported notices)"

    def __str__(self):
        return self.source_id
