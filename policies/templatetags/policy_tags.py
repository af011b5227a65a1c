"""``{% load policy_tags %}{% policy_url "privacy" as url %}``: the URL of the live policy page
of that kind in the language served ("" when there is none); ``{% policy_links as links %}``
for the footer. Cached (policies.links): no query after the first call."""

from django import template

from policies.consent import CATEGORIES, CONSENT_COOKIE, CONSENT_MAX_AGE_DAYS
from policies.links import kept_links
from policies.links import policy_links as cached_links
from policies.models import FOOTER_ORDER

register = template.Library()


@register.simple_tag(takes_context=True)
def policy_url(context, kind):
    item = kept_links(context.get("request")).get(kind)
    return item["url"] if item else ""


@register.simple_tag
def policy_links():
    """The footer's list: ``[{"kind", "title", "url"}, …]`` in a fixed order."""
    links = cached_links()
    return [{"kind": kind, **links[kind]} for kind in FOOTER_ORDER if kind in links]


@register.simple_tag(takes_context=True)
def consent_categories(context):
    """The consent banner's categories; also puts the cookie's name and lifetime in context."""
    context["consent_cookie"] = CONSENT_COOKIE
    context["consent_max_age"] = CONSENT_MAX_AGE_DAYS * 24 * 60 * 60
    return CATEGORIES
