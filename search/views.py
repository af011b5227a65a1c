from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("query", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page_obj}
    )
