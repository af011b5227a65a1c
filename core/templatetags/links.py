from django import template

from core.links import page_link

register = template.Library()


@register.filter(name="page_link")
def page_link_filter(page):
    """``{{ page|page_link }}``: the page's full link for an e-mail (core.links)."""
    return page_link(page)
