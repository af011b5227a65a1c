"""The transparency centre's own evidence of the ITA (registered in ``wagtail_hooks.py``, as
every app's): the section of transparency and anti-corruption measures."""

from transparency.models import MeasureIndexPage
from transparency.sources import Source, live_of


def ita_sources():
    return [
        Source(
            "transparency_measures",
            "มาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริต (Transparency and anti-corruption measures)",
            pages=live_of(MeasureIndexPage),
        ),
    ]
