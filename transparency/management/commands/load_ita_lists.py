from django.core.management.base import BaseCommand
from wagtail.models import Locale

from home.models import HomePage
from transparency.data import load_lists


class Command(BaseCommand):
    help = (
        "Load the ITA 2568 and 2569 lists of OIT items where they are missing "
        "(items already there are left as edited)."
    )

    def handle(self, *args, **options):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        added = load_lists(home)
        self.stdout.write(f"เพิ่ม {added} ข้อ (Added {added} items)")
