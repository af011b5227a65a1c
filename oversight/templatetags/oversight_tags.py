from django import template

register = template.Library()


@register.filter
def thai_duration(value):
    """A timedelta (or hours as a number) as ``2 วัน 3 ชม.`` / ``45 นาที``."""
    if value is None or value == "":
        return ""
    seconds = value * 3600 if isinstance(value, int | float) else value.total_seconds()
    minutes = round(seconds / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if days:
        parts.append(f"{days} วัน")
    if hours:
        parts.append(f"{hours} ชม.")
    if minutes and not days:
        parts.append(f"{minutes} นาที")
    return " ".join(parts) or "0 นาที"


@register.filter
def percent_of(value, maximum):
    """``value`` as a percentage of ``maximum`` (for CSS bar widths), 0–100."""
    try:
        return 0 if not maximum else max(0, min(100, round(100 * float(value) / float(maximum))))
    except (TypeError, ValueError):
        return 0
