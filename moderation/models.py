"""Roles, and the two steps of the approval workflow (W1–W3).

What each group is for (``ownership.GroupRole``) and which pages a unit's groups may act on
(``ownership.permissions``) are decided in ``ownership``.

The workflow has two tasks: ``UnitSupervisorTask`` (step 1) goes to the supervisors of the page's
responsible unit, so one workflow serves every unit; ``OperatorApprovalTask`` (step 2) is Wagtail's
group approval by the web operators, whose approval publishes. Nobody approves a version they
edited last, and the operators' step only starts for a version that step 1 approved.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Task, TaskState

from ownership.models import FALLBACK_UNIT_SLUG, Role, Unit
from ownership.permissions import supervised_unit_ids, user_roles


class ReasonForm(forms.Form):
    """Sending a page back needs a reason: it is what the creator reads."""

    comment = forms.CharField(
        label=_("เหตุผลและสิ่งที่ต้องแก้ไข"), widget=forms.Textarea(attrs={"rows": 4})
    )


class OptionalCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("ความเห็น"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


def authored_latest_version(obj, user):
    """Whether ``user`` saved the version that approving would pass on (no self-approval)."""
    revision = obj.get_latest_revision()
    return revision is not None and revision.user_id == user.pk


class ApprovalRulesMixin:
    """What both steps share: Thai actions, a reason to send back, no self-approval, and no
    acting on a task state that is not this page's current one."""

    approve_label = _("อนุมัติ")

    def moderation_actions(self, obj, user):
        actions = [("reject", _("ส่งกลับให้แก้ไข"), True)]
        if not authored_latest_version(obj, user):
            actions += [
                ("approve", self.approve_label, False),
                ("approve", _("อนุมัติพร้อมความเห็น"), True),
            ]
        return actions

    def get_form_for_action(self, action):
        return ReasonForm if action == "reject" else OptionalCommentForm

    def check_action(self, task_state, user, action_name):
        if task_state.task_id != self.pk or task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise PermissionDenied
        page = task_state.workflow_state.content_object
        if action_name not in {name for name, _label, _modal in self.get_actions(page, user)}:
            raise PermissionDenied(_("ผู้ที่แก้ไขฉบับล่าสุดอนุมัติเองไม่ได้"))


class UnitTaskState(TaskState):
    """Step 1 of a page, with the unit whose supervisors are asked (read from the submitted
    version, so that "awaiting my approval" is one indexed query)."""

    unit = models.ForeignKey(
        Unit,
        verbose_name="หน่วยงาน (Unit)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "ขั้นอนุมัติของหน่วยงาน (Unit approval state)"
        verbose_name_plural = "ขั้นอนุมัติของหน่วยงาน (Unit approval states)"

    def save(self, *args, **kwargs):
        """A new step 1 records its unit before Wagtail announces it (``task_submitted``)."""
        if self._state.adding and self.unit_id is None and self.revision_id is not None:
            self.unit_id = unit_of_revision(self.revision)
        super().save(*args, **kwargs)


def unit_of_revision(revision):
    """The responsible unit of the submitted version (or the fallback unit)."""
    unit_id = getattr(revision.as_object(), "responsible_unit_id", None)
    if unit_id is None:
        unit_id = Unit.objects.filter(slug=FALLBACK_UNIT_SLUG).values_list("pk", flat=True).first()
    return unit_id


class UnitSupervisorTask(ApprovalRulesMixin, Task):
    """Step 1: the supervisors of the page's responsible unit approve it or send it back."""

    task_state_class = UnitTaskState
    approve_label = _("อนุมัติ (ส่งต่อให้ผู้ปฏิบัติงานเผยแพร่)")

    class Meta:
        verbose_name = "การอนุมัติโดยผู้บังคับบัญชาของหน่วยงาน (Approval by the unit's supervisors)"
        verbose_name_plural = "การอนุมัติโดยผู้บังคับบัญชาของหน่วยงาน (Approvals by the unit's supervisors)"

    def _current_unit_id(self, obj):
        """The unit asked at this step for ``obj``, cached on the object for the request."""
        cache_name = "_moderation_step_unit"
        if not hasattr(obj, cache_name):
            state = obj.current_workflow_task_state
            unit_id = state.unit_id if isinstance(state, UnitTaskState) else None
            setattr(obj, cache_name, unit_id)
        return getattr(obj, cache_name)

    def user_supervises(self, obj, user):
        if user.is_superuser:
            return True
        unit_id = self._current_unit_id(obj)
        return unit_id is not None and (Role.SUPERVISOR, unit_id) in user_roles(user)

    def user_can_access_editor(self, obj, user):
        return self.user_supervises(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_supervises(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_supervises(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        return self.moderation_actions(obj, user) if self.user_supervises(obj, user) else []

    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_action(task_state, user, action_name)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        return states.filter(unittaskstate__unit_id__in=supervised_unit_ids(user))

    @classmethod
    def get_description(cls):
        return _("ผู้บังคับบัญชาของหน่วยงานที่รับผิดชอบหน้านั้นอนุมัติหรือส่งกลับ")


class OperatorApprovalTask(ApprovalRulesMixin, GroupApprovalTask):
    """Step 2: a web operator checks correctness and completeness, then publishes (approving
    the last step publishes) or sends the page back."""

    approve_label = _("ตรวจแล้ว อนุมัติและเผยแพร่")

    class Meta:
        verbose_name = "การตรวจและเผยแพร่โดยผู้ปฏิบัติงานเผยแพร่ (Review and publishing by web operators)"
        verbose_name_plural = "การตรวจและเผยแพร่โดยผู้ปฏิบัติงานเผยแพร่ (Reviews by web operators)"

    def start(self, workflow_state, user=None):
        # Wagtail resumes a page sent back at this step here; its new version has not been
        # approved by the earlier steps yet, so they come first.
        earlier = self.first_unapproved_earlier_task(workflow_state)
        if earlier is not None:
            return earlier.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    def first_unapproved_earlier_task(self, workflow_state):
        latest = workflow_state.content_object.get_latest_revision()
        steps = workflow_state.workflow.workflow_tasks.select_related("task").order_by("sort_order")
        for step in steps:
            if step.task_id == self.pk:
                return None
            if not step.task.active:
                continue
            approved = TaskState.objects.filter(
                workflow_state=workflow_state,
                task_id=step.task_id,
                status=TaskState.STATUS_APPROVED,
                revision=latest,
            )
            if not approved.exists():
                return step.task.specific
        return None

    def get_actions(self, obj, user):
        if user.is_superuser or self.groups.filter(user=user).exists():
            return self.moderation_actions(obj, user)
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_action(task_state, user, action_name)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("ผู้ปฏิบัติงานเผยแพร่ตรวจความถูกต้องครบถ้วน แล้วเผยแพร่หรือส่งกลับ")


class UrgentPublication(models.Model):
    """A notice, or the site-wide alert banner, a web operator published at once, with its
    written reason (moderation.urgent), and what the unit's supervisor decided afterwards."""

    class Decision(models.TextChoices):
        PENDING = "pending", "รอผู้บังคับบัญชาพิจารณา (Awaiting the supervisor)"
        APPROVED = "approved", "ผู้บังคับบัญชาอนุมัติแล้ว (Approved)"
        WITHDRAWN = "withdrawn", "ผู้บังคับบัญชาถอนการเผยแพร่ (Withdrawn)"

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="urgent_publications",
    )
    banner = models.ForeignKey(
        "core.AlertBanner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="urgent_publications",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    unit = models.ForeignKey(Unit, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField("เหตุผลที่ต้องเผยแพร่ทันที (Why it could not wait)")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-published_at"]
        verbose_name = "การเผยแพร่ด่วน (Urgent publication)"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=False, banner__isnull=True)
                | models.Q(page__isnull=True, banner__isnull=False),
                name="urgent_publication_of_a_page_or_a_banner",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.get_decision_display()})"

    @property
    def subject(self):
        """What was published: the page (its specific type) or the alert banner."""
        return self.page.specific if self.page_id else self.banner

    @property
    def title(self):
        return self.page.title if self.page_id else self.banner.text

    @property
    def admin_url(self):
        if self.page_id:
            return reverse("wagtailadmin_pages:edit", args=[self.page_id])
        return reverse("wagtailsnippets_core_alertbanner:edit", args=[self.banner_id])
