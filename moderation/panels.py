"""Dashboard panels: "awaiting my approval" (supervisors, web operators) and "my drafts and
items sent back" (anyone who prepares content)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, WorkflowState

from moderation.models import authored_latest_version
from ownership.models import Unit

MY_ITEMS_LIMIT = 20


class AwaitingMyApprovalPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "awaiting your review", in Thai, with each page's unit and step, and a note
    where the reviewer edited the latest version (so cannot approve it)."""

    name = "awaiting_my_approval"
    template_name = "moderation/panels/awaiting_my_approval.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        for state in context["states"]:
            page = state["obj"]
            unit_id = getattr(page.specific_deferred, "responsible_unit_id", None)
            state["unit"] = Unit.cached(unit_id) if unit_id else None
            state["edited_by_me"] = authored_latest_version(page, user)
        return context


class MyItemsPanel(Component):
    """The pages I submitted that are awaiting approval or were sent back (with the reason),
    and my drafts not yet submitted."""

    name = "my_items"
    template_name = "moderation/panels/my_items.html"
    order = 100

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        page_type = ContentType.objects.get_for_model(Page)
        states = list(
            WorkflowState.objects.active()
            .filter(requested_by=user, base_content_type=page_type)
            .select_related("current_task_state__task", "current_task_state__finished_by")
            .order_by("-created_at")[:MY_ITEMS_LIMIT]
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        items = []
        for state in states:
            page = pages.get(int(state.object_id))
            if page is None:
                continue
            task_state = state.current_task_state
            returned = state.status == WorkflowState.STATUS_NEEDS_CHANGES
            items.append(
                {
                    "page": page,
                    "returned": returned,
                    "task": task_state.task if task_state else None,
                    "comment": task_state.comment if (task_state and returned) else "",
                    "by": task_state.finished_by if (task_state and returned) else None,
                    "since": task_state.finished_at if returned else state.created_at,
                }
            )
        drafts = list(
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
            .exclude(pk__in=pages)
            .order_by("-latest_revision_created_at")[:MY_ITEMS_LIMIT]
        )
        # Drafts already in approval (submitted by someone else) are not waiting for me.
        in_approval = set(
            WorkflowState.objects.active()
            .filter(base_content_type=page_type, object_id__in=[str(p.pk) for p in drafts])
            .values_list("object_id", flat=True)
        )
        drafts = [page for page in drafts if str(page.pk) not in in_approval]
        return {"items": items, "drafts": drafts, "request": request}
