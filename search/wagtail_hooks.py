from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    """Synonyms for the site search, kept by web operators (``search.synonyms``)."""

    model = Synonym
    icon = "search"
    url_prefix = "search/synonyms"
    admin_url_namespace = "search_synonym"
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    menu_label = "คำพ้องความหมาย (Search synonyms)"
    add_to_settings_menu = True


register_snippet(SynonymViewSet)
