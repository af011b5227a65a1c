from django.core.management.base import BaseCommand
from wagtail.models import Site

from transparency.data import load_lists


class Command(BaseCommand):
    help = (
        "Load the ITA 2568 and 2569 lists of OIT items where they are missing "
        "(items already there are left as edited)."
    )

    def handle(self, *args, **options):
        # The Thai home page: the root of the default site.
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page if site is not None else None
        added = load_lists(home)
        self.stdout.write(f"เพิ่ม {added} ข้อ (Added {added} items)")
