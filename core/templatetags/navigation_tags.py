"""The site frame: main menu, breadcrumbs and the language switcher."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Site

from core.languages import THAI, english_address
from core.navigation import home_task_items, home_tree, menu_groups, task_items
from core.sharing import translated_urls
from pagecache.fragments import remember

register = template.Library()


def locale_home_url(language_code):
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The whole menu of the active language, in groups (``core.navigation.menu_groups``)."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    return menu_groups(site, translation.get_language())


@register.simple_tag(takes_context=True)
def menu_tasks(context):
    """What citizens come for first (``core.navigation.TASKS``), for the header and home."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    return task_items(site, translation.get_language())


@register.simple_tag(takes_context=True)
def home_tasks(context):
    """``menu_tasks`` and the sub-views the home page offers beside them (the complaint
    lookup), with their titles."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    return home_task_items(site, translation.get_language())


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors of ``page`` from the home page down, as ``{"title", "url", "locale_id"}``.

    Kept under the content version for the page (``pagecache.fragments``): read from the
    process's own copy, without the Redis round trips of the navigation cache or of Wagtail's
    site root paths (each ancestor's address). Routing leaves each page's parent on it, so
    walking up costs no query; a page right under the home page takes the home page from the
    navigation cache.
    """
    request = context["request"]
    return remember(request, "breadcrumbs", lambda: _ancestors(request, page), page.pk)


def _ancestors(request, page):
    site = Site.find_for_request(request)
    if page.depth == 3 and site is not None:
        return [home_tree(site, translation.get_language())["home"]]
    crumbs = []
    ancestor = page
    while ancestor.depth > 2:
        ancestor = ancestor.get_parent()
        crumbs.insert(
            0,
            {
                "title": ancestor.title,
                "url": ancestor.get_url(request),
                "locale_id": ancestor.locale_id,
            },
        )
    return crumbs


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link to the same page in each other language, or to that language's home page."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translated = translated_urls(page, request) if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        if page is not None:
            # A Thai page not translated: its English address (core/languages.py).
            url = translated.get(code)
            if url is None and page.pk and current == THAI:
                # Kept under the content version (pagecache.fragments): a query on every
                # Thai page otherwise, the dearest part of a notice's frame.
                url = remember(
                    request,
                    "english-address",
                    lambda code=code: english_address(page, code, request),
                    page.pk,
                    code,
                )
            url = url or locale_home_url(code)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url})
    return {"links": links}
