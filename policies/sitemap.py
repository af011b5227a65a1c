"""The HTML site map: the live public pages of one language tree, as nested lists.

Two levels under the home page (its sections and their pages), in tree order. A section with
many dated items (news, announcements) lists its first ``MAX_CHILDREN`` and says how many more
its own page lists, so the map stays readable and its cost does not grow with the site: two
queries whatever the number of pages.
"""

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from core.queries import public

MAX_CHILDREN = 20


def site_map(home, request=None):
    """``[{"title", "url", "children": [...], "more": n}, …]`` for the sections under ``home``."""
    steplen = Page.steplen
    fields = ("title", "url_path", "path", "depth", "locale_id")
    below = public(Page.objects.live().descendant_of(home))
    sections = list(below.filter(depth=home.depth + 1).order_by("path").only(*fields))
    parent_path = Substr("path", 1, steplen * (home.depth + 1))
    items = (
        below.filter(depth=home.depth + 2)
        .annotate(
            rank=Window(RowNumber(), partition_by=parent_path, order_by=F("path").asc()),
            siblings=Window(Count("pk"), partition_by=parent_path),
        )
        .filter(rank__lte=MAX_CHILDREN)
        .order_by("path")
        .only(*fields)
    )
    children = {}
    for page in items:
        children.setdefault(page.path[: steplen * (home.depth + 1)], []).append(page)
    tree = []
    for section in sections:
        kids = children.get(section.path, [])
        total = kids[0].siblings if kids else 0
        tree.append(
            {
                **_item(section, request),
                "children": [{**_item(kid, request), "children": []} for kid in kids],
                "more": total - len(kids),
            }
        )
    return tree


def _item(page, request):
    return {"title": page.title, "url": page.get_url(request), "path": page.path}
