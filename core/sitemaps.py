"""``/sitemap.xml``: every live public page of the site in Thai and in English, each with its
other-language version as an ``hreflang`` alternate (and ``x-default``, the Thai page).

Wagtail's own sitemap (``wagtail.contrib.sitemaps``) lists the descendants of the site's root
page only, which here is the Thai home page, and loads every page as its specific type (a query
per page type). This one lists both language trees from ``Page`` rows in one query, and
computes each page's address from the cached site root paths, so it runs the same few queries
whatever the size of the site. Pages that are drafts, in a private section, expired or past
their expiry time (even before the scheduler unpublishes them) are left out.
"""

from django.conf import settings
from django.db.models import F, Min, Q
from django.http import HttpResponse
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page, Site

from core.queries import public
from pagecache.fragments import remember


class PortalSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        under_a_root = Q(pk__in=[])
        for root in Site.get_site_root_paths():
            if root.site_id == site.pk:
                under_a_root |= Q(url_path__startswith=root.root_path)
        pages = (
            public(Page.objects.live())
            .filter(under_a_root)
            .exclude(expire_at__lte=timezone.now())
            .annotate(language=F("locale__language_code"))
            .only(
                "id",
                "path",
                "url_path",
                "translation_key",
                "last_published_at",
                "latest_revision_created_at",
            )
            .order_by("path")
        )
        return list(pages)

    def _urls(self, page, protocol, domain):
        items = self.paginator.page(page).object_list
        versions = {}
        for item in self.paginator.object_list:
            versions.setdefault(item.translation_key, []).append(item)
        urls = []
        for item in items:
            location = item.get_full_url(self.request)
            if location is None:
                continue
            url = {"item": item, "location": location, "lastmod": self.lastmod(item)}
            translations = versions[item.translation_key]
            if len(translations) > 1:
                url["alternates"] = self.alternates(translations)
            urls.append(url)
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def alternates(self, translations):
        alternates = [
            {"lang_code": page.language, "location": page.get_full_url(self.request)}
            for page in sorted(
                translations, key=lambda page: page.language != settings.LANGUAGE_CODE
            )
        ]
        alternates = [alternate for alternate in alternates if alternate["location"]]
        if alternates and alternates[0]["lang_code"] == settings.LANGUAGE_CODE:
            alternates.append({"lang_code": "x-default", "location": alternates[0]["location"]})
        return alternates


def sitemap_xml(request):
    """``/sitemap.xml`` (Wagtail's sitemap view of ``PortalSitemap``), kept as written under
    the content version for its host, port, scheme (its addresses are full ones) and page
    (``?p=``): nothing of it depends on the visitor. A page that expires drops out at its
    expiry time, before the scheduler unpublishes it (which raises the version): what was kept
    is not used past the first expiry after it was written."""
    found = remember(
        request,
        "sitemap-xml",
        lambda: written_sitemap(request),
        request.get_port(),
        request.is_secure(),
        request.GET.get("p", ""),
    )
    expires = found[-1]
    if expires is not None and timezone.now() >= expires:
        found = written_sitemap(request)
    body, headers, _expires = found
    return HttpResponse(body, headers=headers)


def written_sitemap(request):
    """``(body, headers, the next expiry of a live page or None)``: the headers are Django's
    (type, ``Last-Modified``, ``X-Robots-Tag``)."""
    response = sitemap(request, sitemaps={"pages": PortalSitemap})
    response.render()
    expires = (
        Page.objects.live()
        .filter(expire_at__gt=timezone.now())
        .aggregate(first=Min("expire_at"))["first"]
    )
    return response.content, dict(response.headers), expires


def robots_txt(request):
    """``/robots.txt``: everything but the admin may be crawled; where the sitemap is."""
    from django.template.response import TemplateResponse

    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    return TemplateResponse(
        request,
        "robots.txt",
        {"sitemap_url": sitemap_url},
        content_type="text/plain; charset=utf-8",
    )
