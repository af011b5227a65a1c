"""The main menu, cached per site and language and rebuilt when the tree changes.

Every public page shows the menu, so it costs no query once cached. Production
sets REDIS_URL so that all web workers share the cache and its invalidation.
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.queries import public
from portal.cache import forget

MENU_TIMEOUT = 60 * 60


def menu_cache_key(site_id, language_code):
    return f"main-menu:3:{site_id}:{language_code}"  # 3: items carry their page type and locale


def home_tree(site, language_code):
    """The language's home page and its live public children, in tree order, as
    ``{"home": item, "children": [item, …]}`` with items ``{"title", "url", "path", "in_menu",
    "type", "locale_id"}`` (``{% content_lang item %}`` marks a Thai title on an English page)."""
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
        "type": page.specific_class._meta.label_lower,
        "locale_id": page.locale_id,
    }


# What citizens come for first (issue 19): a short label and the type of the page under home
# that answers it; the header's bar and the home page show them in this order.
TASKS = [
    ("news.newsindexpage", _("ข่าวสาร")),
    ("news.announcementindexpage", _("ประกาศ")),
    ("procurement.procurementindexpage", _("จัดซื้อจัดจ้าง")),
    ("cases.complaintpage", _("ร้องเรียน")),
    ("transparency.itapage", _("ITA")),
    ("home.channelspage", _("ติดต่อ")),
]
# Tasks the home page adds right after the page that answers them: a sub-view of that
# (routable) page, by its route name. A citizen who lost the private link to a complaint
# follows it by its tracking number (issue 19).
HOME_SUB_TASKS = {
    "cases.complaintpage": [("lookup_view", _("ติดตามเรื่องร้องเรียน"))],
}

# The full menu in groups of the pages under home, by type. The H1 items of the notice
# ("show in menus") make their own group, in tree order; a type named nowhere falls into the
# "about" group, so no section is ever left out of the menu.
NEWS_GROUP = (
    "news.newsindexpage",
    "news.announcementindexpage",
    "procurement.procurementindexpage",
    "schools.schoolindexpage",
    "news.publicationindexpage",
)
CITIZEN_GROUP = (
    "cases.complaintpage",
    "cases.questionindexpage",
    "home.channelspage",
    "cases.casestatisticspage",
    "about.mappage",
)
TRANSPARENCY_GROUP = (
    "transparency.itapage",
    "transparency.measureindexpage",
    "policies.policyindexpage",
)


def task_items(site, language_code):
    """``TASKS`` present under the language's home, as ``{"label", "url", "path", "type"}``."""
    by_type = {}
    for item in home_tree(site, language_code)["children"]:
        by_type.setdefault(item.get("type"), item)
    return [
        {**by_type[page_type], "label": label} for page_type, label in TASKS if page_type in by_type
    ]


def home_task_items(site, language_code):
    """``task_items`` each followed by its ``HOME_SUB_TASKS``, whose ``title`` is their label."""
    items = []
    for item in task_items(site, language_code):
        items.append(item)
        for route_name, label in HOME_SUB_TASKS.get(item["type"], ()):
            resolver = apps.get_model(item["type"]).get_resolver()
            url = item["url"] + resolver.reverse(route_name)
            items.append({**item, "title": label, "label": label, "url": url})
    return items


def menu_groups(site, language_code):
    """The whole menu: ``[{"title", "items"}]``, empty groups left out."""
    children = home_tree(site, language_code)["children"]
    grouped = (NEWS_GROUP, CITIZEN_GROUP, TRANSPARENCY_GROUP)
    groups = [
        (_("ข่าวสารและประกาศ"), [i for t in NEWS_GROUP for i in children if i.get("type") == t]),
        (_("ร้องเรียนและติดต่อ"), [i for t in CITIZEN_GROUP for i in children if i.get("type") == t]),
        (_("ข้อมูลการบริหาร"), [i for i in children if i["in_menu"]]),
        (
            _("เกี่ยวกับเทศบาล"),
            [
                i
                for i in children
                if not i["in_menu"] and not any(i.get("type") in g for g in grouped)
            ],
        ),
        (
            _("ความโปร่งใส"),
            [i for t in TRANSPARENCY_GROUP for i in children if i.get("type") == t],
        ),
    ]
    return [{"title": title, "items": items} for title, items in groups if items]


def clear_menus(**kwargs):
    """Forget every site's menus. The sites are those of Wagtail's cached site root paths (kept
    by Wagtail in step with the sites): no query, as this runs at every publication (an import
    publishes thousands of pages)."""
    sites = {root.site_id for root in Site.get_site_root_paths()}
    forget(
        *[menu_cache_key(site_id, code) for site_id in sites for code, _name in settings.LANGUAGES]
    )


def connect_signals():
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(clear_menus, dispatch_uid=f"clear-menus-{signal!r}")
    post_delete.connect(clear_menus, sender=Page, dispatch_uid="clear-menus-delete")
