"""Feed addresses, under ``/feeds/`` (Thai) and ``/en/feeds/`` (English): each feed in RSS
(``…/rss/``) and Atom (``…/atom/``)."""

from django.urls import path

from feeds.views import AnnouncementAtomFeed, AnnouncementFeed, NewsAtomFeed, NewsFeed

app_name = "feeds"


def both_formats(route, name, rss, atom):
    return [
        path(f"{route}rss/", rss(), name=name),
        path(f"{route}atom/", atom(), name=f"{name}-atom"),
    ]


urlpatterns = [
    *both_formats("announcements/", "announcements", AnnouncementFeed, AnnouncementAtomFeed),
    *both_formats(
        "announcements/kind/<slug:kind>/",
        "announcements-kind",
        AnnouncementFeed,
        AnnouncementAtomFeed,
    ),
    *both_formats(
        "announcements/unit/<slug:unit>/",
        "announcements-unit",
        AnnouncementFeed,
        AnnouncementAtomFeed,
    ),
    *both_formats(
        "announcements/school/<str:school>/",
        "announcements-school",
        AnnouncementFeed,
        AnnouncementAtomFeed,
    ),
    *both_formats("news/", "news", NewsFeed, NewsAtomFeed),
    *both_formats("news/<slug:category>/", "news-category", NewsFeed, NewsAtomFeed),
]
