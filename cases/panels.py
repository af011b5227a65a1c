"""Dashboard panels: the cases past their time limit that the user can see, and the questions
of the user's units still waiting for an answer."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from cases import access
from cases.models import QuestionPage

PANEL_LIMIT = 10


class OverdueCasesPanel(Component):
    name = "overdue_cases"
    template_name = "cases/admin/overdue_panel.html"
    order = 80

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        overdue = (
            access.visible_complaints(self.user)
            .overdue(timezone.now())
            .select_related("category", "unit")
            .order_by("due_at")
        )
        return {"cases": overdue[:PANEL_LIMIT], "count": overdue.count()}


class WaitingQuestionsPanel(Component):
    name = "waiting_questions"
    template_name = "cases/admin/questions_panel.html"
    order = 85

    def __init__(self, unit_ids):
        self.unit_ids = unit_ids

    def get_context_data(self, parent_context):
        waiting = QuestionPage.objects.filter(live=False, first_published_at__isnull=True)
        if self.unit_ids is not None:
            waiting = waiting.filter(responsible_unit_id__in=self.unit_ids)
        waiting = waiting.order_by("pk")
        return {"pages": waiting[:PANEL_LIMIT], "count": waiting.count()}
