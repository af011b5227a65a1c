"""Wagtail's ``publish_scheduled``, with each go-live and expiry in its own transaction
together with its ``wagtail.publish.scheduled`` / ``wagtail.unpublish.scheduled`` log entry
(the yearly report counts those entries): an item whose publication fails stays as it was,
to be tried again at the next tick, and the others still go live. Replaces Wagtail's command
of the same name (oversight comes before wagtail in INSTALLED_APPS); ``--dryrun`` is Wagtail's."""

import contextlib
import logging

from django.apps import apps
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)


class Command(WagtailCommand):
    help = "Publish the revisions whose go-live time has passed and unpublish expired items."

    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)
        now = timezone.now()
        failed = []
        models = [Page] + [
            model
            for model in apps.get_models()
            if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
        ]
        for model in models:
            due = model.objects.filter(live=True, expire_at__lt=now)
            for pk in due.order_by("expire_at").values_list("pk", flat=True):
                with one_item(failed, f"{model.__name__} {pk}"):
                    item = due.select_for_update().filter(pk=pk).first()
                    if item is not None:  # not unpublished meanwhile
                        item.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        due = Revision.objects.filter(approved_go_live_at__lt=now)
        for pk in due.order_by("approved_go_live_at").values_list("pk", flat=True):
            with one_item(failed, f"revision {pk}"):
                revision = due.select_for_update().filter(pk=pk).first()
                if revision is not None:  # not published or unscheduled meanwhile
                    revision.publish(log_action="wagtail.publish.scheduled")
        if failed:
            raise CommandError(f"Not published or unpublished, tried again next time: {failed}")


@contextlib.contextmanager
def one_item(failed, label):
    """One item's transaction: a failure rolls the item back whole and is noted, and the
    next item goes on."""
    try:
        with transaction.atomic():
            yield
    except Exception as error:
        logger.exception("Scheduled publication of %s failed", label)
        failed.append(f"{label}: {error}")
