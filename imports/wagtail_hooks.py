from wagtail import hooks

from imports.checks import incomplete_imports
from imports.writer import IMPORTED

hooks.register("register_site_checks", incomplete_imports)


@hooks.register("register_log_actions")
def import_log_actions(actions):
    actions.register_action(
        IMPORTED,
        "นำเข้าจากเว็บไซต์เดิม (Imported from the old site)",
        "นำเข้าจากเว็บไซต์เดิม",
    )
