"""Checks made on the content records rather than on the served pages: references to deleted
documents, images and pages, alt text, schedules that did not happen, approvals waiting too
long and pages past their "review by" date; and the rules the apps register with the
``register_site_checks`` Wagtail hook for what the notice requires of their pages (a unit
page's duties and personnel, a school's procurement notices, an H1 page's fiscal-year
documents, ...) and for their own records (overdue cases, ITA gaps).

Review dates are checked on the pages of the default language (translations are synchronised
from them); references and alt text on the pages of every language.
"""

import datetime
import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import ForeignKey
from django.utils import timezone
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, TaskState, get_page_models

from core.models import BasePage
from oversight.findings import Observation, chunks
from oversight.models import Finding, FindingKind
from thai.dates import format_thai_date, format_thai_datetime

# A go-live or expiry this late is no longer "the scheduler has not ticked yet".
SCHEDULE_GRACE = datetime.timedelta(minutes=15)
WAITING_WORKING_DAYS = 2
RICH_TEXT_REFERENCE = re.compile(
    r'<(?:a|embed)\b[^>]*\b(?:linktype|embedtype)="(page|document|image)"[^>]*\bid="(\d+)"'
)


def observation(kind, page, target="", detail=""):
    return Observation(
        kind=kind,
        page_id=page.pk,
        source=Finding.Source.CONTENT,
        target=str(target),
        detail=detail,
    )


def owned_models(field_name):
    """The concrete page models whose own table has ``field_name`` (one query each covers
    its subclasses, e.g. procurement notices with announcements)."""
    return [
        model
        for model in get_page_models()
        if issubclass(model, BasePage)
        and not model._meta.abstract
        and model._meta.get_field(field_name).model is model
    ]


# --- references and alt text in every language ---------------------------------------------


def walk(raw, found):
    """Collect document, image and page references from raw StreamField data into ``found``:
    ``{"document": {id}, "image": {id}, "page": {id}, "image_block": [(id, alt, decorative)]}``."""
    if isinstance(raw, dict):
        if "image" in raw and "alt_text" in raw and "decorative" in raw:  # ImageBlock
            found["image_block"].append(
                (raw.get("image"), raw.get("alt_text") or "", bool(raw.get("decorative")))
            )
        if isinstance(raw.get("document"), int):  # DocumentBlock
            found["document"].add(raw["document"])
        for value in raw.values():
            walk(value, found)
    elif isinstance(raw, list | tuple):
        for item in raw:
            walk(item, found)
    elif isinstance(raw, str) and ("linktype=" in raw or "embedtype=" in raw):
        for kind, pk in RICH_TEXT_REFERENCE.findall(raw):
            found[kind].add(int(pk))


def page_references():
    """``[(page, found)]`` for the live pages with StreamFields or image fields."""
    Image = get_image_model()
    per_page = {}
    for model in get_page_models():
        if not issubclass(model, BasePage) or model._meta.abstract:
            continue
        own = [f for f in model._meta.get_fields() if getattr(f, "model", None) is model]
        streams = [f.name for f in own if isinstance(f, StreamField)]
        rich_texts = [f.name for f in own if isinstance(f, RichTextField)]
        images = [f for f in own if isinstance(f, ForeignKey) and f.related_model is Image]
        if not (streams or rich_texts or images):
            continue
        names = [*streams, *rich_texts, *(f.name for f in images)]
        for page in model.objects.live().only("pk", "title", *names):
            found = per_page.setdefault(
                page.pk,
                (page, {"document": set(), "image": set(), "page": set(), "image_block": []}),
            )[1]
            for name in streams:
                walk(list(getattr(page, name).raw_data), found)
            for name in rich_texts:
                walk(getattr(page, name) or "", found)
            for image_field in images:
                image_id = getattr(page, image_field.attname)
                if image_id:
                    found["image_block"].append((image_id, "", False))
    return list(per_page.values())


def existing(model, ids):
    present = set()
    for chunk in chunks(ids):
        present.update(model.objects.filter(pk__in=chunk).values_list("pk", flat=True))
    return present


def references():
    Image, Document = get_image_model(), get_document_model()
    pages = page_references()
    all_ids = {"document": set(), "image": set(), "page": set()}
    for _page, found in pages:
        all_ids["document"] |= found["document"]
        all_ids["page"] |= found["page"]
        all_ids["image"] |= found["image"] | {pk for pk, _alt, _dec in found["image_block"] if pk}
    documents = existing(Document, all_ids["document"])
    linked_pages = existing(Page, all_ids["page"])
    described = {}
    for chunk in chunks(all_ids["image"]):
        rows = Image.objects.filter(pk__in=chunk).values_list("pk", "description")
        described.update({pk: bool((description or "").strip()) for pk, description in rows})

    for page, found in pages:
        for pk in sorted(found["document"] - documents):
            yield observation(
                FindingKind.MISSING_DOCUMENT,
                page,
                target=f"document:{pk}",
                detail=f"เนื้อหาอ้างถึงเอกสารที่ถูกลบแล้ว (เลขที่ {pk}) "
                f"(The content refers to a deleted document, id {pk})",
            )
        block_images = {pk for pk, _alt, _dec in found["image_block"] if pk}
        for pk in sorted((found["image"] | block_images) - set(described)):
            yield observation(
                FindingKind.MISSING_IMAGE,
                page,
                target=f"image:{pk}",
                detail=f"เนื้อหาอ้างถึงภาพที่ถูกลบแล้ว (เลขที่ {pk}) "
                f"(The content refers to a deleted image, id {pk})",
            )
        for pk in sorted(found["page"] - linked_pages):
            yield observation(
                FindingKind.BROKEN_LINK,
                page,
                target=f"page:{pk}",
                detail=f"ลิงก์ไปยังหน้าที่ถูกลบแล้ว (เลขที่ {pk}) (A link to a deleted page, id {pk})",
            )
        without_alt = {
            pk
            for pk, alt, decorative in found["image_block"]
            if pk in described and not decorative and not alt.strip() and not described[pk]
        }
        for pk in sorted(without_alt):
            yield observation(
                FindingKind.IMAGE_NO_ALT,
                page,
                target=f"image:{pk}",
                detail=f"ภาพเลขที่ {pk} ไม่มีข้อความแทนภาพสำหรับผู้พิการทางสายตา "
                f"(Image {pk} has no alt text for blind readers)",
            )


# --- schedules, approvals and reviews --------------------------------------------------------


def schedules(now):
    late = now - SCHEDULE_GRACE
    revisions = Revision.page_revisions.filter(approved_go_live_at__lt=late)
    pages = Page.objects.in_bulk([int(r.object_id) for r in revisions])
    for revision in revisions:
        page = pages.get(int(revision.object_id))
        if page is not None:
            yield observation(
                FindingKind.SCHEDULE_FAILED,
                page,
                target=f"go_live:{revision.pk}",
                detail=f"กำหนดเผยแพร่ {format_thai_datetime(revision.approved_go_live_at)} "
                "แต่ยังไม่เผยแพร่ (Due to go live, but not live)",
            )
    for page in Page.objects.live().filter(expire_at__lt=late):
        yield observation(
            FindingKind.SCHEDULE_FAILED,
            page,
            target="expire",
            detail=f"กำหนดสิ้นสุดการเผยแพร่ {format_thai_datetime(page.expire_at)} "
            "แต่ยังเผยแพร่อยู่ (Due to expire, but still live)",
        )


def add_working_days(moment, days):
    """``moment`` plus ``days`` working days (Monday to Friday), in Bangkok time. Time spent
    at a weekend does not count: a task started on Saturday is due on Tuesday at midnight."""
    local = timezone.localtime(moment)
    while local.weekday() >= 5:
        local = (local + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0)
    while days:
        local += datetime.timedelta(days=1)
        if local.weekday() < 5:
            days -= 1
    return local


def waiting_approvals(now):
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
    ).select_related("workflow_state", "task")
    waiting = [
        state for state in states if add_working_days(state.started_at, WAITING_WORKING_DAYS) < now
    ]
    pages = Page.objects.in_bulk([int(state.workflow_state.object_id) for state in waiting])
    for state in waiting:
        page = pages.get(int(state.workflow_state.object_id))
        if page is not None:
            yield observation(
                FindingKind.WORKFLOW_WAITING,
                page,
                target=f"task_state:{state.pk}",
                detail=f'รอ "{state.task.name}" ตั้งแต่ {format_thai_datetime(state.started_at)} '
                f"(Waiting for approval since {timezone.localtime(state.started_at):%d/%m/%Y %H:%M})",
            )


def reviews(locale, today):
    for model in owned_models("review_by"):
        for page in model.objects.live().filter(locale=locale, review_by__lt=today):
            yield observation(
                FindingKind.REVIEW_OVERDUE,
                page,
                target=f"review_by:{page.review_by.isoformat()}",
                detail=f"กำหนดทบทวนเนื้อหาภายใน {format_thai_date(page.review_by)} "
                f"(Review was due by {page.review_by:%d/%m/%Y})",
            )


def contributed(now):
    """Observations of the checks the apps register with the ``register_site_checks`` hook:
    each is a function of ``now`` returning ``Observation`` objects of the content source
    (``observation`` makes one)."""
    for check in hooks.get_hooks("register_site_checks"):
        yield from check(now)


def run_all(now=None):
    """Every observation of the content checks."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    return [
        *references(),
        *schedules(now),
        *waiting_approvals(now),
        *reviews(Locale.get_default(), today),
        *contributed(now),
    ]
