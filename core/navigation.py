"""The main menu, cached per site and language and rebuilt when the tree changes.

Every public page shows the menu, so it costs no query once cached. Production
sets REDIS_URL so that all web workers share the cache and its invalidation.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.queries import public

MENU_TIMEOUT = 60 * 60


def menu_cache_key(site_id, language_code):
    return f"main-menu:{site_id}:{language_code}"


def home_tree(site, language_code):
    """The language's home page and its live public children, in tree order, as
    ``{"home": item, "children": [item, …]}`` with items ``{"title", "url", "path", "in_menu"}``."""
    key = menu_cache_key(site.pk, language_code)
    tree = cache.get(key)
    if tree is None:
        root = site.root_page
        home = root.get_translation_or_none(Locale.objects.get(language_code=language_code))
        home = home or root
        tree = {
            "home": _item(home),
            "children": [_item(child) for child in public(home.get_children().live())],
        }
        cache.set(key, tree, MENU_TIMEOUT)
    return tree


def _item(page):
    return {
        "title": page.title,
        "url": page.get_url(),
        "path": page.path,
        "in_menu": page.show_in_menus,
    }


def main_menu_items(site, language_code):
    """The H1 main menu: home's children marked "show in menus"."""
    return [item for item in home_tree(site, language_code)["children"] if item["in_menu"]]


def section_items(site, language_code):
    """The other sections under home (news, agencies, schools, …), for the home page."""
    return [item for item in home_tree(site, language_code)["children"] if not item["in_menu"]]


def clear_menus(**kwargs):
    cache.delete_many(
        [
            menu_cache_key(site_id, code)
            for site_id in Site.objects.values_list("pk", flat=True)
            for code, _name in settings.LANGUAGES
        ]
    )


def connect_signals():
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(clear_menus, dispatch_uid=f"clear-menus-{signal!r}")
    post_delete.connect(clear_menus, sender=Page, dispatch_uid="clear-menus-delete")
