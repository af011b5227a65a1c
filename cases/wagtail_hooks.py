from wagtail import hooks

from cases import access
from cases.admin_views import CategoryViewSet, ComplaintViewSet
from cases.checks import overdue_cases
from cases.ita_sources import ita_sources
from cases.panels import OverdueCasesPanel, WaitingQuestionsPanel


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ComplaintViewSet(), CategoryViewSet()]


hooks.register("register_ita_sources", ita_sources)
# The daily site check calls it with ``now``: open cases past their time limit.
hooks.register("register_site_checks", overdue_cases)


@hooks.register("construct_homepage_panels")
def case_panels(request, panels):
    user = request.user
    if user.is_superuser or access.can_use_cases(user):
        panels.append(OverdueCasesPanel(user))
    unit_ids = None if user.is_superuser else access.user_unit_ids(user)
    if unit_ids is None or unit_ids:
        panels.append(WaitingQuestionsPanel(unit_ids))
