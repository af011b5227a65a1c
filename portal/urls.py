from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.addresses import SERVE_PATTERN
from core.sitemaps import robots_txt, sitemap_xml
from search import views as search_views
from search.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, answering 503 while the file store is down (core/views.py).
    path(
        "documents/<int:document_id>/<str:document_filename>",
        core_views.serve_document,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # One sitemap for both languages (each page with its other-language version), and robots.txt.
    path("sitemap.xml", sitemap_xml),
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
    path("search/suggest/", search_views.suggest, name="search_suggest"),  # issue 20
    path("feeds/", include("feeds.urls")),
    path("manifest.webmanifest", core_views.web_manifest, name="web-manifest"),  # issue 19
    path("", include(wagtail_urls)),
    # After Wagtail's own: page addresses with Thai vowel and tone marks (core/addresses.py);
    # named like it, so ``page.url`` reverses to whichever of the two matches.
    re_path(SERVE_PATTERN, wagtail_views.serve, name="wagtail_serve"),
    prefix_default_language=False,
)

# Thai error pages, the admin's in its own frame (core/errors.py).
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
# Bad requests (and files past the upload limit, 413) get the site's Thai page.
handler400 = "portal.limits.bad_request"
