"""Documents and images go public with the pages that use them, not when they are uploaded.

A file uploaded into a draft is referenced only by that draft, which nobody outside the admin
may see until it is approved; its id is sequential, so ``/documents/<id>/<name>`` and the
API would otherwise publish it at once, around the approval workflow. A document or image is
public when:

- a live page outside private sections uses it (Wagtail's reference index records what each
  page's published row refers to; a draft's changes stay in its revision), or
- a record kept outside the page workflow uses it (an ITA evidence link: web operators add it
  to be published), or
- it is in a collection named in ``PUBLIC_COLLECTIONS``.

Anything else is served only to signed-in staff who may use it in the admin (Wagtail's
document and image permissions), and left out of ``/api/v2/documents/`` and
``/api/v2/images/``."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry


def public(queryset):
    """The documents or images of ``queryset`` that anyone may see."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(queryset.model)
    )
    live_pages = Page.objects.live().public().annotate(text_pk=Cast("pk", CharField()))
    used = references.filter(
        ~Q(base_content_type=page_type) | Q(object_id__in=live_pages.values("text_pk"))
    )
    return queryset.annotate(text_pk=Cast("pk", CharField())).filter(
        Q(collection__name__in=getattr(settings, "PUBLIC_COLLECTIONS", []))
        | Q(text_pk__in=used.values("to_object_id"))
    )


def may_see(user, item):
    """Whether ``user`` may see ``item`` (a document or an image) before it is public."""
    return (
        user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and policy_registry.get_by_type(type(item)).user_has_any_permission_for_instance(
            user, ["change", "choose"], item
        )
    )


def is_public(item):
    return public(type(item).objects.filter(pk=item.pk)).exists()
