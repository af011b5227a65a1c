"""What a person may see and do with a page: one layer, asked by every entry point.

Wagtail's page permissions are tree-based: a group's permission on a page applies to the page and
everything below it. Content here is owned by a unit (``BasePage.responsible_unit``, stored for
every page in ``PageUnit``) and a unit's notices sit under shared sections (announcements, news,
schools). So the groups of a unit hold their page permissions at the root, and both layers that
Wagtail asks apply them only to that unit's pages:

- ``UnitPagePermissionPolicy`` (registered for pages in ``ownership.apps``) answers the querysets:
  the explorer, the admin API, admin search, the reports (workflows, aging, locked pages, site
  history), choosers and bulk actions;
- ``UnitPagePermissionTester`` (what ``BasePage.permissions_for_user`` returns) answers for one
  page: edit, buttons, delete, move, unpublish, copy, wagtail-localize.

The rules:
- a unit group's change / lock / unlock / publish permission counts on a page only when the
  page's responsible unit is the group's unit;
- its "add" permission lets the group create pages under any section where the page types allow
  it (so the sections are explorable), but the new page must belong to one of the user's units
  (the page form offers only those: ``limit_unit_choices``);
- groups without a unit (web operators, or a per-school group given rights on one school's
  section) keep Wagtail's tree-based meaning;
- nobody but a superuser publishes a page directly: ``can_publish`` and ``can_publish_subpage``
  are false for everyone else, so every entry point that publishes (the editor, create, copy,
  alias, bulk actions, wagtail-localize, the page API) refuses. Pages go live through the
  workflow's last step (``moderation.workflow.publish_approved``) or the scheduler. The publish
  permission of web operators still lets them unpublish, unschedule, set privacy and move;
- moving pages needs the publish permission (creators never move pages).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.forms import ModelChoiceField, Select
from wagtail.models import GroupPagePermission, get_page_models
from wagtail.models.pages import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from ownership.models import UNIT_ROLES, GroupRole, PageUnit, Role, Unit

_ROLES_CACHE = "_ownership_group_roles"
EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def codenames(*actions):
    """The page permission codenames of ``actions`` (``add`` → ``add_page``)."""
    return {f"{action}_page" for action in actions}


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


def owner_unit_id(page):
    """The responsible unit of ``page``: its own field when it has one loaded, else the stored
    owner (a plain ``Page``, as some admin views pass)."""
    if hasattr(page, "responsible_unit_id"):
        return page.responsible_unit_id
    return PageUnit.objects.filter(page_id=page.pk).values_list("unit_id", flat=True).first()


def section_content_types():
    """The page types that can hold other pages: the sections a unit's staff may add to, so
    they see them in the explorer whatever unit owns them."""
    models = [model for model in get_page_models() if model.allowed_subpage_models()]
    return list(ContentType.objects.get_for_models(*models).values())


class UnitPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with unit groups' permissions limited to their unit's pages."""

    def _subtree(self, perm, scoped):
        pages = self.model._default_manager.descendant_of(perm.page, inclusive=True)
        if perm.group_id in scoped:
            pages = pages.filter(ownership__unit_id=scoped[perm.group_id])
        return pages

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not user.is_active or user.is_superuser:
            return user.is_active
        scoped = unit_scoped_groups(user)
        unit_id = owner_unit_id(instance) if scoped else None
        permissions = set()
        for perm in self.get_cached_permissions_for_user(user):
            if not instance.path.startswith(perm.page.path):
                continue
            if perm.group_id in scoped and scoped[perm.group_id] != unit_id:
                continue
            permissions.add(perm.permission.codename)
            if perm.permission.codename == "add_page" and instance.owner_id == user.pk:
                permissions.add("change_page")
        return bool(codenames(*actions) & permissions)

    def _all_or_none(self, user):
        """Every page for an active superuser, none for an inactive account, else None."""
        if not user.is_active:
            return self.model._default_manager.none()
        return self.model._default_manager.all() if user.is_superuser else None

    def instances_user_has_any_permission_for(self, user, actions):
        everything_or_nothing = self._all_or_none(user)
        if everything_or_nothing is not None:
            return everything_or_nothing
        scoped = unit_scoped_groups(user)
        wanted = codenames(*actions)
        pages = self.model._default_manager.none()
        for perm in self.get_cached_permissions_for_user(user):
            codename = perm.permission.codename
            if codename == "add_page" and "add" not in actions and "change" in actions:
                pages |= self._subtree(perm, scoped).filter(owner=user)
            elif codename in wanted:
                pages |= self._subtree(perm, scoped)
        return pages

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        ancestors = instance.get_ancestors(inclusive=True)
        # Groups without a unit, and the groups of the page's own unit.
        in_scope = Q(group__role__unit__isnull=True) | Q(
            group__role__unit_id=owner_unit_id(instance)
        )
        permissions = GroupPagePermission.objects.filter(in_scope, page__in=ancestors)
        groups = permissions.filter(permission__codename__in=codenames(*actions)).values_list(
            "group", flat=True
        )
        q = Q(groups__in=groups)
        if include_superusers:
            q |= Q(is_superuser=True)
        if "change" in actions and "add" not in actions:
            add_groups = permissions.filter(permission__codename="add_page").values_list(
                "group", flat=True
            )
            q |= Q(groups__in=add_groups) & Q(pk=instance.owner_id)
        return get_user_model()._default_manager.filter(is_active=True).filter(q).distinct()

    def explorable_instances(self, user):
        everything_or_nothing = self._all_or_none(user)
        if everything_or_nothing is not None:
            return everything_or_nothing
        explorable = self.instances_user_has_any_permission_for(user, EXPLORE_ACTIONS)
        scoped = unit_scoped_groups(user)
        perm_pages = []
        for perm in self.get_cached_permissions_for_user(user):
            perm_pages.append(perm.page)
            explorable |= self.model._default_manager.ancestor_of(perm.page)
            if perm.group_id in scoped and perm.permission.codename == "add_page":
                sections = self.model._default_manager.descendant_of(perm.page, inclusive=True)
                explorable |= sections.filter(content_type__in=section_content_types())
        if not perm_pages:
            return self.model._default_manager.none()
        common = self.model.base_page_model.objects.first_common_ancestor_of(perm_pages)
        return explorable.filter(path__startswith=common.path)


class UnitPagePermissionTester(PagePermissionTester):
    """Wagtail's permission tester, with unit groups' permissions limited to their unit's pages
    and direct publishing left to superusers."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.adds_for_own_unit = False
        if not user.is_active or user.is_superuser:
            return
        scoped = unit_scoped_groups(user)
        if not scoped:
            return
        page_unit_id = owner_unit_id(page)
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

    def _holds_publish(self):
        """The publish permission: what lets a web operator unpublish, unschedule, set privacy
        and move, though not publish directly."""
        return self.user.is_active and (self.user.is_superuser or "publish" in self.permissions)

    def can_publish(self):
        return self.user.is_superuser and super().can_publish()

    def can_publish_subpage(self):
        return self.user.is_superuser and super().can_publish_subpage()

    def can_set_view_restrictions(self):
        return not self.page_is_root and self._holds_publish()

    def can_unschedule(self):
        return not self.page_is_root and self._holds_publish()

    def can_move(self):
        return self._holds_publish() and super().can_move()


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
