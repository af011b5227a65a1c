from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.sitemaps import PortalSitemap, robots_txt
from search import views as search_views
from search.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # One sitemap for both languages (each page with its other-language version), and robots.txt.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}),
    path("robots.txt", robots_txt),
    # The site's icon at the address browsers ask for (issue 19).
    path("favicon.ico", core_views.favicon),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Thai at /, English at /en/: the language prefix selects the Wagtail locale.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feeds/", include("feeds.urls")),
    path("manifest.webmanifest", core_views.web_manifest, name="web-manifest"),  # issue 19
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
