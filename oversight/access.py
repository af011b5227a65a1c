"""Who may see and do what in the oversight screens, by role (``ownership``) or by a
permission an IT administrator grants (``oversight.*``)."""

from ownership.models import Role
from ownership.permissions import has_role


def can_view_findings(user):
    """Everyone with a role: a unit's staff see what the check found in their content."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or has_role(user, *Role) or user.has_perm("oversight.view_finding")


def can_run_check(user):
    """The web operators (and whoever is given ``oversight.run_site_check``)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return (
        user.is_superuser
        or has_role(user, Role.OPERATOR)
        or user.has_perm("oversight.run_site_check")
    )


def can_view_annual_report(user):
    """Supervisors, web operators and IT administrators: the report goes to the superior."""
    if not (user.is_authenticated and user.is_active):
        return False
    return (
        user.is_superuser
        or has_role(user, Role.SUPERVISOR, Role.OPERATOR, Role.IT_ADMIN)
        or user.has_perm("oversight.view_annualnarrative")
    )


def can_edit_narrative(user):
    """The web team writes the year's problems, obstacles and suggestions."""
    if not (user.is_authenticated and user.is_active):
        return False
    return (
        user.is_superuser
        or has_role(user, Role.OPERATOR)
        or user.has_perm("oversight.change_annualnarrative")
    )
