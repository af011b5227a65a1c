from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = "หน่วยงาน (Units)"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    add_to_admin_menu = True
    menu_order = 250


register_snippet(UnitViewSet)
