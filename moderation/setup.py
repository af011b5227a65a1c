"""The groups, their permissions and the approval workflow, as data. Idempotent.

Every function takes an app registry: the data migration passes its historical one, the
``ensure_unit_groups`` command and the signal for a new unit pass Django's. They add what is
missing and never take away what an IT administrator granted since.

Groups (names written out in Thai, English in brackets):
- per unit: ผู้จัดทำเนื้อหา <unit> (content creators) and ผู้บังคับบัญชา <unit> (supervisors);
- ผู้ปฏิบัติงานเผยแพร่ (Web operators) and ผู้ดูแลระบบ (IT administrators).
"""

from ownership.grants import ACCESS_ADMIN, permission

WORKFLOW_NAME = "การอนุมัติเนื้อหา (Content approval)"
SUPERVISOR_TASK_NAME = "ขั้นที่ 1 ผู้บังคับบัญชาของหน่วยงานอนุมัติ (Step 1: the unit's supervisor approves)"
OPERATOR_TASK_NAME = (
    "ขั้นที่ 2 ผู้ปฏิบัติงานเผยแพร่ตรวจและเผยแพร่ (Step 2: a web operator reviews and publishes)"
)
OPERATORS_GROUP = "ผู้ปฏิบัติงานเผยแพร่ (Web operators)"
IT_ADMINS_GROUP = "ผู้ดูแลระบบ (IT administrators)"
# Wagtail's example groups and workflow, replaced by the roles above.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

GROUP_NAME_LENGTH = 150


def creators_group_name(unit):
    return _group_name("ผู้จัดทำเนื้อหา", "Content creators", unit)


def supervisors_group_name(unit):
    return _group_name("ผู้บังคับบัญชา", "Supervisors", unit)


def _group_name(thai, english, unit):
    name = f"{thai} {unit.name}"
    if unit.name_en:
        name += f" ({english}, {unit.name_en})"
    else:
        name += f" ({english})"
    return name[:GROUP_NAME_LENGTH]


SUBMIT_TRANSLATION = (
    "wagtail_localize",
    "translation",
    "submit_translation",
    "Can submit translations",
)


def _model_permissions(app_label, model, actions):
    return [(app_label, model, f"{action}_{model}", f"Can {action} {model}") for action in actions]


# Permissions on the whole page tree (held at the root; a unit's groups' are limited to the
# unit's pages by ownership.permissions).
PAGE_PERMISSIONS = {
    "creator": ["add_page", "change_page"],
    "supervisor": [],
    "operator": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "it_admin": [],
}
# Images and documents, on the root collection.
COLLECTION_PERMISSIONS = {
    "creator": [
        *_model_permissions("wagtailimages", "image", ["add", "choose"]),
        *_model_permissions("wagtaildocs", "document", ["add", "choose"]),
    ],
    "supervisor": [],
    "operator": [
        *_model_permissions("wagtailimages", "image", ["add", "change", "choose"]),
        *_model_permissions("wagtaildocs", "document", ["add", "change", "choose"]),
    ],
    "it_admin": [],
}
MODEL_PERMISSIONS = {
    "creator": [ACCESS_ADMIN, SUBMIT_TRANSLATION],
    "supervisor": [ACCESS_ADMIN],
    # The contact details and complaint channels (site settings) go live when saved: only the
    # operators, who publish, may change them.
    "operator": [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,
        *_model_permissions("core", "sitesettings", ["change"]),
        # The ITA assessment years and their items (the transparency centre's data).
        *_model_permissions("transparency", "assessmentyear", ["add", "change", "view"]),
        *_model_permissions("transparency", "oititem", ["add", "change", "view"]),
        # The site search's synonyms, and what citizens could not find.
        *_model_permissions("search", "synonym", ["add", "change", "delete", "view"]),
        *_model_permissions("search", "searchmiss", ["view"]),
        # The site-wide alert banner: written here, published through the workflow (no
        # "publish" permission), like a page.
        *_model_permissions("core", "alertbanner", ["add", "change", "view", "lock", "unlock"]),
        # Where the offices are (the building and phone directories, the unit pages).
        *_model_permissions("ownership", "office", ["add", "change", "delete", "view"]),
    ],
    "it_admin": [
        ACCESS_ADMIN,
        *_model_permissions("auth", "user", ["add", "change", "delete", "view"]),
        *_model_permissions("auth", "group", ["add", "change", "delete", "view"]),
        *_model_permissions("ownership", "unit", ["add", "change", "view"]),
        *_model_permissions("axes", "accessattempt", ["view", "delete"]),
    ],
}


# Where the models of ``ownership`` lived before they moved there: the data migration
# moderation/0002 runs this code with the historical models of its time.
MOVED_FROM = {("ownership", "unit"): "core", ("ownership", "grouprole"): "moderation"}


def _model(apps, app_label, model_name):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return apps.get_model(MOVED_FROM[(app_label, model_name.lower())], model_name)


def _permission(apps, app_label, model, codename, name):
    if (app_label, model) in MOVED_FROM:
        app_label = _model(apps, app_label, model)._meta.app_label
    return permission(apps, app_label, model, codename, name)


def _root_page(apps):
    return apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()


def _grant(apps, group, role):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    for spec in MODEL_PERMISSIONS[role]:
        group.permissions.add(_permission(apps, *spec))
    root = _root_page(apps)
    if root is not None:
        for codename in PAGE_PERMISSIONS[role]:
            permission = _permission(
                apps, "wagtailcore", "page", codename, f"Can {codename.split('_')[0]} page"
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for spec in COLLECTION_PERMISSIONS[role]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, *spec)
            )


def _role_group(apps, role, unit, name):
    """The group that has ``role`` (for ``unit``), created or renamed to ``name``."""
    Group = apps.get_model("auth", "Group")
    GroupRole = _model(apps, "ownership", "GroupRole")
    link = GroupRole.objects.filter(role=role, unit=unit).select_related("group").first()
    if link is None:
        group, _ = Group.objects.get_or_create(name=name)
        GroupRole.objects.update_or_create(group=group, defaults={"role": role, "unit": unit})
    else:
        group = link.group
        if group.name != name and not Group.objects.filter(name=name).exists():
            group.name = name
            group.save(update_fields=["name"])
    _grant(apps, group, role)
    return group


def ensure_unit_groups(apps, unit):
    """The content creators' and supervisors' groups of ``unit``."""
    return (
        _role_group(apps, "creator", unit, creators_group_name(unit)),
        _role_group(apps, "supervisor", unit, supervisors_group_name(unit)),
    )


def ensure_site_groups(apps):
    return (
        _role_group(apps, "operator", None, OPERATORS_GROUP),
        _role_group(apps, "it_admin", None, IT_ADMINS_GROUP),
    )


def _task(apps, model_name, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Model = apps.get_model("moderation", model_name)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="moderation", model=model_name.lower()
    )
    task = Model.objects.filter(name=name).first()
    if task is None:
        task = Model.objects.create(name=name, content_type=content_type, active=True)
    return task


def ensure_workflow(apps):
    """One workflow on all content: assigned to the root and to every site's home page (a new
    language's home page is under the root, so it is covered too)."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    supervisors = _task(apps, "UnitSupervisorTask", SUPERVISOR_TASK_NAME)
    operators = _task(apps, "OperatorApprovalTask", OPERATOR_TASK_NAME)
    GroupRole = _model(apps, "ownership", "GroupRole")
    operators.groups.add(GroupRole.objects.get(role="operator", unit=None).group)
    for order, task in enumerate([supervisors, operators]):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    for page in Page.objects.filter(depth__lte=2):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    # The site-wide alert banner (a snippet) goes through the same two steps; it has no unit,
    # so the Clerk's office approves step 1 (FALLBACK_UNIT_SLUG).
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    banner_type, _ = ContentType.objects.get_or_create(app_label="core", model="alertbanner")
    WorkflowContentType.objects.update_or_create(
        content_type=banner_type, defaults={"workflow": workflow}
    )
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exclude(pk=workflow.pk).update(
        active=False
    )
    return workflow


def remove_wagtail_default_groups(apps):
    """Wagtail's example "Editors" and "Moderators" groups edit and publish the whole tree
    whatever the unit; they go, unless someone was put in them."""
    Group = apps.get_model("auth", "Group")
    GroupRole = _model(apps, "ownership", "GroupRole")
    with_role = GroupRole.objects.values("group_id")
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).exclude(pk__in=with_role):
        if not group.user_set.exists():
            group.delete()


def ensure_all(apps):
    Unit = _model(apps, "ownership", "Unit")
    ensure_site_groups(apps)
    for unit in Unit.objects.order_by("sort_order", "name"):
        ensure_unit_groups(apps, unit)
    ensure_workflow(apps)
    remove_wagtail_default_groups(apps)
