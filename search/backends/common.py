"""What every Thai search backend shares: queries are cut into words before searching."""

from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from search.text import query_words


def thai_query(query):
    """``query`` (a string or a Wagtail search query) with its text normalised and segmented
    like the index. An empty string when nothing searchable is left (e.g. only punctuation):
    Wagtail then returns no results."""
    if isinstance(query, str):
        return " ".join(query_words(query))
    if isinstance(query, MatchAll):
        return query
    if isinstance(query, PlainText):
        text = " ".join(query_words(query.query_string))
        return PlainText(text, operator=query.operator, boost=query.boost) if text else ""
    if isinstance(query, Phrase):
        text = " ".join(query_words(query.query_string))
        return Phrase(text) if text else ""
    if isinstance(query, Fuzzy):
        text = " ".join(query_words(query.query_string))
        return type(query)(text, **_fuzzy_options(query)) if text else ""
    if isinstance(query, Boost):
        inner = thai_query(query.subquery)
        return Boost(inner, query.boost) if inner != "" else ""
    if isinstance(query, Not):
        inner = thai_query(query.subquery)
        return Not(inner) if inner != "" else ""
    if isinstance(query, (And, Or)):
        parts = [part for part in map(thai_query, query.subqueries) if part != ""]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else type(query)(parts)
    return query


def _fuzzy_options(query):
    return {
        name: getattr(query, name)
        for name in ("operator", "unaccent")
        if hasattr(query, name) and getattr(query, name) is not None
    }


class ThaiQueryMixin:
    """For a search backend: segment the query of ``search()`` and ``autocomplete()``."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(thai_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(thai_query(query), model_or_queryset, *args, **kwargs)


def thai_backend_class(backend_class):
    """``backend_class`` with Thai queries."""
    return type(f"Thai{backend_class.__name__}", (ThaiQueryMixin, backend_class), {})
