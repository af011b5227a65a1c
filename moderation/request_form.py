"""แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์: the publication request form of every page version
published through the approval workflow, read back from the workflow's own records.

One form per approved ``WorkflowState`` (a run of the two-step workflow that ended in
publication):

- the version published is the revision that step 2 (``OperatorApprovalTask``) approved;
- the preparer is whoever submitted it: the user of the last "workflow start" or "resume"
  entry of the audit log (``PageLogEntry``) before step 1 began for that version, and its time
  is the date of the request (the workflow's requester and start when the log has none);
- the approver is who approved step 1 (``UnitTaskState``) for that version, and the unit is
  the unit whose supervisors were asked;
- the publisher is who approved step 2 (approving it publishes).

Subject, summary and attachments come from the version published, not from the page as it is
now, and each sign-off prints the position its signer held at that moment
(``accounts.PositionRecord``). Forms are built in batches: a fiscal year costs a fixed number of queries, whatever its size.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from accounts.models import position_at, positions_of
from moderation.models import OperatorApprovalTask
from ownership.models import Unit
from thai.dates import fiscal_year_bounds

SUBMISSION_ACTIONS = ("wagtail.workflow.start", "wagtail.workflow.resume")
# A submission's log entry is written just after its workflow state is created.
CLOCK_SLACK = datetime.timedelta(seconds=5)
SUMMARY_LENGTH = 400


@dataclass
class SignOff:
    name: str
    position: str
    at: datetime.datetime | None


@dataclass
class RequestForm:
    pk: int
    page: Page
    revision_id: int
    unit: Unit | None
    requested_at: datetime.datetime | None
    subject: str
    summary: str
    url: str
    preparer: SignOff
    approver: SignOff
    publisher: SignOff
    page_unit_id: int | None = None
    attachments: list = field(default_factory=list)

    @property
    def published_at(self):
        return self.publisher.at


def sign_off(user, at, positions):
    """``user``'s sign-off at ``at``, with the position they held then (``positions`` as
    ``positions_of`` gives them)."""
    if user is None:
        return SignOff(name="", position="", at=at)
    name = user.get_full_name() or user.get_username()
    return SignOff(name=name, position=position_at(positions.get(user.pk, []), at), at=at)


def approved_states():
    """Workflow runs on pages that ended in publication."""
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_APPROVED,
        base_content_type=ContentType.objects.get_for_model(Page),
    )


def states_for_page(page):
    return approved_states().filter(object_id=str(page.pk))


def states_for_year(year_be, unit_id=None):
    """Runs whose publishing step was approved in fiscal year ``year_be`` (Bangkok dates),
    of unit ``unit_id`` (the unit whose supervisors approved step 1) when given."""
    first, last = fiscal_year_bounds(year_be)
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    published = TaskState.objects.filter(
        task__in=OperatorApprovalTask.objects.all(),
        status=TaskState.STATUS_APPROVED,
        finished_at__gte=start,
        finished_at__lt=end,
    )
    states = approved_states().filter(pk__in=published.values("workflow_state_id"))
    if unit_id is not None:
        states = states.filter(
            task_states__unittaskstate__unit_id=unit_id,
            task_states__status=TaskState.STATUS_APPROVED,
        ).distinct()
    return states


def build(states):
    """The ``RequestForm`` of each workflow run in ``states``, oldest publication first."""
    states = list(states.select_related("requested_by"))
    if not states:
        return []
    page_ids = {int(state.object_id) for state in states}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids)}
    operator_tasks = set(OperatorApprovalTask.objects.values_list("pk", flat=True))
    task_states = (
        TaskState.objects.filter(
            workflow_state__in=states, status=TaskState.STATUS_APPROVED, finished_at__isnull=False
        )
        .select_related("revision", "finished_by", "unittaskstate")
        .order_by("finished_at", "pk")
    )
    by_state = {}
    for task_state in task_states:
        by_state.setdefault(task_state.workflow_state_id, []).append(task_state)
    submissions = (
        PageLogEntry.objects.filter(page_id__in=page_ids, action__in=SUBMISSION_ACTIONS)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    by_page = {}
    for entry in submissions:
        by_page.setdefault(entry.page_id, []).append(entry)

    runs = []
    for state in states:
        page = pages.get(int(state.object_id))
        steps = by_state.get(state.pk, [])
        published = [ts for ts in steps if ts.task_id in operator_tasks]
        if page is None or not published:
            continue  # the page was deleted, or the run was not the two-step workflow
        publish_step = published[-1]
        unit_steps = [ts for ts in steps if hasattr(ts, "unittaskstate")]
        same_version = [ts for ts in unit_steps if ts.revision_id == publish_step.revision_id]
        approve_step = (same_version or unit_steps or [None])[-1]
        runs.append((state, page, publish_step.revision.as_object(), approve_step, publish_step))
    documents = _documents([obj for _state, _page, obj, _approve, _publish in runs])
    positions = positions_of(
        [state.requested_by_id for state in states]
        + [ts.finished_by_id for steps in by_state.values() for ts in steps]
        + [entry.user_id for entry in submissions]
    )
    forms = [
        _form(state, page, obj, steps, by_page.get(page.pk, []), documents, positions)
        for state, page, obj, *steps in runs
    ]
    forms.sort(key=lambda form: (form.published_at, form.pk))
    return forms


def _form(state, page, obj, steps, submissions, documents, positions):
    approve_step, publish_step = steps
    preparer = sign_off(*_submission(state, approve_step, submissions), positions)
    unit_state = getattr(approve_step, "unittaskstate", None)
    unit_id = (unit_state and unit_state.unit_id) or getattr(obj, "responsible_unit_id", None)
    return RequestForm(
        pk=state.pk,
        page=page,
        revision_id=publish_step.revision_id,
        unit=Unit.cached(unit_id) if unit_id else None,
        requested_at=preparer.at,
        subject=obj.title,
        summary=summary_of(obj),
        url=page.get_full_url() or "",
        preparer=preparer,
        approver=sign_off(
            approve_step.finished_by if approve_step else None,
            approve_step.finished_at if approve_step else None,
            positions,
        ),
        publisher=sign_off(publish_step.finished_by, publish_step.finished_at, positions),
        page_unit_id=getattr(obj, "responsible_unit_id", None),
        attachments=[documents[pk] for pk in document_ids(obj) if pk in documents],
    )


def _submission(state, approve_step, entries):
    """Who submitted the version that step 1 approved, and when."""
    until = approve_step.started_at + CLOCK_SLACK if approve_step else None
    since = state.created_at - CLOCK_SLACK
    candidates = [
        entry
        for entry in entries
        if entry.timestamp >= since and (until is None or entry.timestamp <= until)
    ]
    if candidates:
        return candidates[-1].user, candidates[-1].timestamp
    return state.requested_by, state.created_at


def summary_of(obj):
    """The search description, else the listing summary, else the first text of the page."""
    for name in ("search_description", "listing_summary"):
        text = getattr(obj, name, "") or ""
        if text.strip():
            return Truncator(text.strip()).chars(SUMMARY_LENGTH)
    for model_field in obj._meta.concrete_fields:
        if not hasattr(model_field, "get_searchable_content"):
            continue
        value = model_field.value_from_object(obj)
        for text in model_field.get_searchable_content(value) if value else []:
            text = " ".join(strip_tags(str(text)).split())
            if text:
                return Truncator(text).chars(SUMMARY_LENGTH)
    return ""


def document_ids(obj):
    """The documents a page version links to or attaches, in the order they appear."""
    Document = get_document_model()
    found = []
    for model_field in obj._meta.concrete_fields:
        if model_field.is_relation and model_field.related_model is Document:
            value = model_field.value_from_object(obj)
            references = [(Document, value)] if value else []
        elif hasattr(model_field, "extract_references"):
            value = model_field.value_from_object(obj)
            references = (
                [
                    (model, object_id)
                    for model, object_id, _path, _content in model_field.extract_references(value)
                ]
                if value
                else []
            )
        else:
            continue
        for model, object_id in references:
            is_new = str(object_id).isdigit() and int(object_id) not in found
            if issubclass(model, Document) and is_new:
                found.append(int(object_id))
    return found


def _documents(objects):
    ids = {pk for obj in objects for pk in document_ids(obj)}
    Document = get_document_model()
    return {document.pk: document for document in Document.objects.filter(pk__in=ids)}
