"""The home app's evidence of the ITA (``transparency.sources``, registered in
``wagtail_hooks.py``): the complaint and contact channels page."""

from home.models import ChannelsPage
from transparency.sources import Source, live_of


def ita_sources():
    return [
        Source(
            "contact_channels",
            "หน้าช่องทางร้องเรียนและติดต่อ (Complaint and contact channels page)",
            pages=live_of(ChannelsPage),
        ),
    ]
