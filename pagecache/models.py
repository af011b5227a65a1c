from django.db import models


class ContentVersion(models.Model):
    """The one row whose number is part of every page-cache key: raised in the same transaction
    as any content change, so the change and the end of the old cached pages commit together,
    whichever process or cache holds them (``pagecache.purge``)."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "รุ่นของเนื้อหา (Content version)"

    def __str__(self):
        return str(self.number)
