"""The e-mails Wagtail does not send: step 1 to the supervisors of the page's unit (Wagtail's
own notifier only knows group approval tasks), and a step-2 rejection to the supervisor who
approved step 1. The texts are Thai templates (Wagtail's own notifications use the Thai
templates under templates/wagtailadmin/notifications/ in this app)."""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import (
    BaseGroupApprovalTaskStateEmailNotifier,
    BaseWorkflowStateEmailNotifier,
)
from wagtail.models import TaskState

from moderation.models import OperatorApprovalTask, UnitTaskState
from ownership.models import Role


class SupervisorSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """Step 1 has started: e-mail the supervisors of the unit asked."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, UnitTaskState)

    def get_template_base_prefix(self, instance, **kwargs):
        return "task_state_"

    def get_recipient_users(self, task_state, **kwargs):
        supervisors = get_user_model().objects.filter(
            is_active=True,
            groups__role__role=Role.SUPERVISOR,
            groups__role__unit_id=task_state.unit_id,
        )
        triggering_user = kwargs.get("user")
        if triggering_user is not None:
            supervisors = supervisors.exclude(pk=triggering_user.pk)
        return set(supervisors.distinct())


class ReturnedToSupervisorNotifier(BaseWorkflowStateEmailNotifier):
    """A web operator sent the page back: the supervisor who approved it hears it too (Wagtail
    e-mails only the person who submitted)."""

    notification = "rejected"
    template_directory = "moderation/notifications/"

    def can_handle(self, instance, **kwargs):
        if not super().can_handle(instance, **kwargs) or instance.current_task_state is None:
            return False
        return isinstance(instance.current_task_state.task.specific, OperatorApprovalTask)

    def get_template_base_prefix(self, instance, **kwargs):
        return "returned_to_supervisor_"

    def get_recipient_users(self, workflow_state, **kwargs):
        approval = (
            UnitTaskState.objects.filter(
                workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
            )
            .select_related("finished_by")
            .order_by("-finished_at")
            .first()
        )
        if approval is None or approval.finished_by is None:
            return set()
        excluded = {workflow_state.requested_by_id, getattr(kwargs.get("user"), "pk", None)}
        return set() if approval.finished_by.pk in excluded else {approval.finished_by}

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state.specific
        context.update(task=task_state.task, task_state=task_state, comment=task_state.comment)
        return context
