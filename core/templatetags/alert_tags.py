from django import template

from core.alerts import live_banners

register = template.Library()


@register.inclusion_tag("components/alert_banner.html", takes_context=True)
def alert_banners(context):
    """The site-wide alerts live now, in the page's language (core/alerts.py)."""
    return {"banners": live_banners(context.get("request"))}
