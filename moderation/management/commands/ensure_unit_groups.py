from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from moderation import setup


class Command(BaseCommand):
    help = (
        "Create what is missing of the role groups (per unit and site-wide), their permissions "
        "and the approval workflow. Safe to run again; takes nothing away."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            setup.ensure_all(apps)
        self.stdout.write(self.style.SUCCESS("Role groups and the approval workflow are in place."))
