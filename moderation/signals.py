"""Signal handlers: a new unit gets its groups, and the e-mails Wagtail does not send."""

from django.apps import apps as global_apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import WorkflowState
from wagtail.signals import task_submitted, workflow_rejected

from moderation import setup
from moderation.models import UnitTaskState
from moderation.notifications import ReturnedToSupervisorNotifier, SupervisorSubmissionNotifier
from ownership.models import GroupRole, Unit

supervisor_submission_notifier = SupervisorSubmissionNotifier()
returned_to_supervisor_notifier = ReturnedToSupervisorNotifier()


def give_new_unit_its_groups(sender, instance, created, raw=False, **kwargs):
    """A unit added (or renamed) in the admin gets (or renames) its two groups: no code."""
    if not raw:
        setup.ensure_unit_groups(global_apps, instance)


def delete_group_of_removed_role(sender, instance, **kwargs):
    """A unit's groups go with the unit: left behind, their tree-wide page permissions would no
    longer be limited to a unit."""
    Group = global_apps.get_model("auth", "Group")
    Group.objects.filter(pk=instance.group_id).delete()


def connect():
    post_save.connect(give_new_unit_its_groups, sender=Unit, dispatch_uid="moderation-unit-groups")
    post_delete.connect(
        delete_group_of_removed_role, sender=GroupRole, dispatch_uid="moderation-role-delete"
    )
    task_submitted.connect(
        supervisor_submission_notifier,
        sender=UnitTaskState,
        dispatch_uid="moderation-supervisor-submitted-email",
    )
    workflow_rejected.connect(
        returned_to_supervisor_notifier,
        sender=WorkflowState,
        dispatch_uid="moderation-returned-to-supervisor-email",
    )
