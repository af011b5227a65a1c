"""Translations go through the same approval as any page.

wagtail-localize's editor only offers "publish" (to those who may publish) and its ``save_target``
writes the translated content into the page row, which is what citizens see on a live page. A
translator here instead saves the translation as a new draft version of the translated page
(the live page is untouched, as Wagtail's own editor does) and submits it to the workflow.
"""

from django.db import transaction
from wagtail.models import WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


def synced_translation_for(page):
    """The enabled wagtail-localize translation whose target is ``page``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def save_translation_draft(translation, page, user):
    """The translation's current strings as a new draft version of ``page`` (its target),
    without changing the live page. Raises ValidationError when the result is not valid."""
    source = translation.source
    original = source.as_instance()
    target = page.specific_class.objects.get(pk=page.pk)
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    if not target.live:
        target.save()
    return target.save_revision(user=user, log_action=True)


@transaction.atomic
def submit_translation(page, user):
    """Save the translation as a draft and submit it for approval (or resubmit it when it was
    sent back). Returns the page as submitted."""
    translation = synced_translation_for(page)
    save_translation_draft(translation, page, user)
    page = page.specific_class.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)
    return page
