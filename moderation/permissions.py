"""Page permissions by owning unit, wherever the page sits in the tree.

Wagtail's page permissions are tree-based: a group's permission on a page applies to the page and
everything below it. Content here is owned by a unit (``BasePage.responsible_unit``) and a unit's
notices sit under shared sections (announcements, news, schools). So the groups of a unit hold
their page permissions at the root, and ``UnitPagePermissionTester`` (what
``BasePage.permissions_for_user`` returns, and so what every admin view, button and action asks)
applies them only to pages owned by that unit:

- a unit group's change / lock / unlock / publish permission counts on a page only when the
  page's responsible unit is the group's unit;
- its "add" permission lets the group create pages under any page where the page types allow it,
  but the new page must belong to one of the user's units (the page form offers only those:
  ``limit_unit_choices``);
- groups without a unit (web operators, or a per-school group given rights on one school's
  section) keep Wagtail's tree-based meaning;
- moving pages needs the publish permission (creators never move pages).
"""

from django.forms import ModelChoiceField, Select
from wagtail.models import GroupPagePermission
from wagtail.models.pages import PagePermissionTester

from core.models import Unit
from moderation.models import UNIT_ROLES, GroupRole, Role

_ROLES_CACHE = "_moderation_group_roles"


def group_roles(user):
    """``{group_id: (role, unit_id)}`` for the user's groups that have a role, cached on the user
    object for the request (every permission check of a page asks for it)."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        rows = GroupRole.objects.filter(group__user=user).values_list("group_id", "role", "unit_id")
        cached = {group_id: (role, unit_id) for group_id, role, unit_id in rows}
        setattr(user, _ROLES_CACHE, cached)
    return cached


def user_roles(user):
    """The set of ``(role, unit_id)`` the user holds (``unit_id`` None for site-wide roles)."""
    return set(group_roles(user).values())


def unit_scoped_groups(user):
    """``{group_id: unit_id}`` of the user's unit groups (creators, supervisors)."""
    return {
        group_id: unit_id
        for group_id, (role, unit_id) in group_roles(user).items()
        if role in UNIT_ROLES
    }


def supervised_unit_ids(user):
    return {unit_id for role, unit_id in user_roles(user) if role == Role.SUPERVISOR}


def has_role(user, *roles):
    return any(role in roles for role, _unit in user_roles(user))


class UnitPagePermissionTester(PagePermissionTester):
    """Wagtail's permission tester, with unit groups' permissions limited to their unit's pages."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.adds_for_own_unit = False
        if not user.is_active or user.is_superuser:
            return
        scoped = unit_scoped_groups(user)
        if not scoped:
            return
        page_unit_id = getattr(page, "responsible_unit_id", None)
        permissions = set()
        for perm in self.permission_policy.get_cached_permissions_for_user(user):
            if not page.path.startswith(perm.page.path):
                continue
            action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
            group_unit_id = scoped.get(perm.group_id)
            if group_unit_id is None or group_unit_id == page_unit_id:
                permissions.add(action)
            elif action == "add":
                self.adds_for_own_unit = True
        self.permissions = permissions

    def can_add_subpage(self):
        if super().can_add_subpage():
            return True
        if not (self.user.is_active and self.adds_for_own_unit):
            return False
        specific_class = self.page.specific_class
        if specific_class is None:
            return False
        return any(
            model.can_create_at(self.page) for model in specific_class.creatable_subpage_models()
        )

    def can_move(self):
        if not (self.user.is_superuser or "publish" in self.permissions):
            return False
        return super().can_move()


def _has_tree_wide_page_rights(user):
    scoped = unit_scoped_groups(user)
    return (
        GroupPagePermission.objects.filter(group__user=user)
        .exclude(group_id__in=scoped)
        .filter(permission__codename__in=["add_page", "change_page"])
        .exists()
    )


def assignable_units(user):
    """The units ``user`` may give a page to, or None when not limited (superusers, web
    operators, anyone with tree-based rights)."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    scoped = unit_scoped_groups(user)
    if not scoped or _has_tree_wide_page_rights(user):
        return None
    return Unit.objects.filter(pk__in=set(scoped.values()))


def limit_unit_choices(form, user):
    """In a page form, offer a unit's staff only their own unit(s) in every unit field (the
    responsible unit, a unit page's unit); a new page starts with their unit."""
    units = assignable_units(user)
    if units is None:
        return
    allowed = list(units)
    allowed_ids = {unit.pk for unit in allowed}
    for name, field in form.fields.items():
        if not (isinstance(field, ModelChoiceField) and field.queryset.model is Unit):
            continue
        field.queryset = units
        field.required = True
        field.empty_label = None
        # A plain list of their unit(s), not the unit chooser that lists every unit.
        field.widget = Select()
        field.widget.choices = field.choices
        current = form.initial.get(name, field.initial)
        current_id = getattr(current, "pk", current)
        if current_id not in allowed_ids and allowed:
            form.initial[name] = allowed[0].pk
            field.initial = allowed[0].pk
