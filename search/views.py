from django.db import transaction
from django.db.models import Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core.listing import all_units
from pagecache import fragments
from portal.throttle import client_ip, over_limit
from schools.cache import school_choices, school_pages
from search import misses, results, synonyms
from search.snippets import highlight, snippet
from thai.dates import fiscal_year
from thai.text import query_words

FISCAL_YEARS_SHOWN = 6
# ``?spelling=off``: search the query as typed, without correcting it.
SPELLING_PARAMETER = "spelling"


def promoted_queries():
    """The query strings that have editors' picks."""
    return frozenset(
        SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()
    )


def promotions(query, request=None):
    """Editors' picks (Wagtail search promotions) for the query or any of its words, so that
    ``ร้องเรียน`` and ``ร้องเรียน ถนน`` both lead to the complaint channels page. Most queries
    have none: the queries that have picks are kept under the content version (a pick saved
    raises it), and the picks are read only for a query among them."""
    if not query:
        return []
    keys = {normalise_query_string(query), *query.casefold().split(), *query_words(query)}
    if keys.isdisjoint(fragments.remember(request, "search-promoted", promoted_queries)):
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string__in=keys)
        .filter(Q(page__live=True) | Q(page__isnull=True) & ~Q(external_link_url=""))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    seen, found = set(), []
    for pick in picks:
        key = pick.page_id or pick.external_link_url
        if key not in seen:
            seen.add(key)
            found.append(pick)
    return found


def query_parameter(params):
    """The query: ``q`` (what search forms and browser keywords send, and this page's own
    form), else ``query`` (the page's older links)."""
    return params.get("q") or params.get("query", "")


def search(request):
    """The site search (noindex): Thai-aware full-text search over every public page, with
    filters by kind, unit, school, fiscal year and date range. Any input is safe: bad filter
    values are ignored and a query over 200 characters is cut (with a message)."""
    query, was_cut = results.clean_query(query_parameter(request.GET))
    units = all_units(request)
    schools = school_pages(request)
    filters = results.Filters.read(request.GET, units, schools)
    newest = not query or request.GET.get("sort") == results.NEWEST
    sort = results.NEWEST if newest else results.RELEVANCE

    # Synonyms first: their terms need no correction (สขร is in no notice, its synonym is).
    expanded = synonyms.expand(query)
    correction = None
    spelling = results.Spelling(request)
    spelling_on = request.GET.get(SPELLING_PARAMETER) != "off"
    if query and not expanded.applied and spelling_on:
        correction = spelling.correction(query)
        if correction:
            expanded = synonyms.expand(correction.corrected)
    searched = expanded.highlighted

    page_obj = None
    cards = []
    suggestion = None
    counted = False
    if query or filters:

        def compute():
            found = results.search(expanded.query, filters, sort, request)
            page = results.SearchPaginator(found, results.RESULTS_PER_PAGE).get_page(
                request.GET.get("page")
            )
            cards = results.cards(list(page), {unit.pk: unit for unit in units}, request)
            offer = None
            if query and not expanded.applied and correction is None and spelling_on:
                # Searched as typed and found little: a near query that finds clearly more?
                offer = spelling.did_you_mean(
                    query,
                    page.paginator.count,
                    lambda text: results.search(
                        synonyms.expand(text).query, filters, sort, request
                    ).count(),
                )
            for card in cards:
                card.title_html = highlight(card.title, searched)
                card.snippet = snippet(card.text, searched)
            return cards, page.number, page.paginator.count, offer

        # A query asked again (the same words, filters, order and page) is answered from what
        # the first asking found, kept under the content version as a listing's rows are.
        cards, number, count, suggestion = fragments.remember(
            request,
            "search-results",
            compute,
            query,
            spelling_on,
            filters.key(),
            sort,
            request.GET.get("page", ""),
        )
        page_obj = results.kept_page(cards, number, count)
        # Counted once per search: on its first page, without filters (the filters narrow).
        if query and request.GET.get("page", "1") in ("", "1") and not filters:
            # Counted on commit (at once under autocommit), after the results are read: the
            # count is no part of them, and the reads cost the same however many are found.
            transaction.on_commit(lambda: misses.record(query, count))
            counted = misses.counted(count)

    current = fiscal_year(timezone.localdate())
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "query_was_cut": was_cut,
            "correction": correction,
            "suggestion": suggestion,
            "max_query_length": results.MAX_QUERY_LENGTH,
            "filters": filters,
            "sort": sort,
            "search_results": page_obj,
            "cards": cards,
            "promotions": promotions(correction.corrected if correction else query, request),
            "kinds": results.kind_choices(),
            "units": units,
            "schools": school_choices(schools, get_language()),
            "fiscal_years": range(current, current - FISCAL_YEARS_SHOWN, -1),
            "sort_choices": results.SORT_CHOICES,
        },
    )
    if counted:
        # Each such search is counted: none is answered by the page cache or a shared cache.
        patch_cache_control(response, private=True)
    return response


# Suggestions as you type (``suggest``): at most ``SUGGESTIONS`` titles for a query of at least
# ``SUGGEST_MIN_LENGTH`` characters, cut at ``SUGGEST_MAX_LENGTH``; ``SUGGESTS_PER_MINUTE`` per
# address (the box asks once a pause in typing, so a person stays far below it).
SUGGESTIONS = 6
SUGGEST_MIN_LENGTH = 2
SUGGEST_MAX_LENGTH = 60
SUGGESTS_PER_MINUTE = 120


def _too_many_suggests(request):
    """Count this request against its address (the portal's shared counter, for a minute)."""
    return over_limit("search-suggest", client_ip(request), SUGGESTS_PER_MINUTE, 60)


def suggest(request):
    """Suggestions as you type, for the search boxes' script (``js/search-suggest.js``): JSON
    ``{"query": …, "suggestions": [{"title": …, "url": …}, …]}`` of the pages whose title or
    words begin as typed (Wagtail's autocomplete, the last word as a prefix), best first. Any
    input is safe: a short query gives none, a long one is cut, too many requests from one
    address get a 429 with a Thai message."""
    if _too_many_suggests(request):
        response = JsonResponse(
            {"query": "", "suggestions": [], "error": _("ค้นหาถี่เกินไป กรุณารอสักครู่")}, status=429
        )
        response["Retry-After"] = "60"
        return response
    query, _was_cut = results.clean_query(query_parameter(request.GET)[: SUGGEST_MAX_LENGTH * 2])
    query = query[:SUGGEST_MAX_LENGTH]
    found = []
    if len(query) >= SUGGEST_MIN_LENGTH:
        pages = results.searchable_pages(results.Filters(), request)
        found = list(get_search_backend().autocomplete(query, pages)[:SUGGESTIONS])
    response = JsonResponse(
        {
            "query": query,
            "suggestions": [
                {"title": page.title, "url": page.get_url(request=request)} for page in found
            ],
        }
    )
    response["Cache-Control"] = "public, max-age=60"
    response["X-Robots-Tag"] = "noindex"
    return response
