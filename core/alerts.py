"""The site-wide alert banner (``core.models.AlertBanner``) (a flood warning, a water cut): a snippet with drafts,
revisions, scheduling (go-live and expiry, run by the scheduler's ``publish_scheduled``) and the
approval workflow, like a page. Shown above every public page, in both languages, from a
cached list: one query when the list changes, none on other page views.

When the live banners change (published, unpublished, expired by the scheduler, deleted),
``alert_banners_changed`` is sent: a page cache that keeps whole pages should drop them then,
since every page shows the banner."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.utils import timezone

from core.models import AlertBanner
from pagecache.fragments import remember
from portal.cache import forget

CACHE_KEY = "alert-banners"
CACHE_SECONDS = 60  # a backstop: saving a banner clears the cache at once

alert_banners_changed = Signal()


def _cached_banners():
    banners = cache.get(CACHE_KEY)
    if banners is None:
        order = {level: rank for rank, level in enumerate(["danger", "warning", "info"])}
        banners = sorted(
            AlertBanner.objects.filter(live=True).only(
                "text", "text_en", "link", "level", "expire_at"
            ),
            key=lambda banner: (order[banner.level], -banner.pk),
        )
        cache.set(CACHE_KEY, banners, CACHE_SECONDS)
    return banners


def live_banners(request=None):
    """The banners shown now, most severe first (cached; see the module doc). For a page's
    ``request`` also kept under the content version, which a banner's change raises: read
    from the process's own copy (``pagecache.fragments``), not from Redis at each page."""
    banners = remember(request, "alert-banners", _cached_banners)
    now = timezone.now()
    # One expired since it was cached but not yet unpublished by the scheduler is not shown.
    return [banner for banner in banners if not banner.expire_at or banner.expire_at > now]


def _changed(sender, **kwargs):
    forget(CACHE_KEY)
    alert_banners_changed.send(sender=AlertBanner)


def connect_signals():
    post_save.connect(_changed, sender=AlertBanner, dispatch_uid="alert-banners-saved")
    post_delete.connect(_changed, sender=AlertBanner, dispatch_uid="alert-banners-deleted")
