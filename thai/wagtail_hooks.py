"""Wagtail's Settings > Sites in Thai: its listing names three columns after their fields
("Port", "Site name", "Root page") without gettext. The portal's viewset labels them with the
fields' translated verbose names and is served at Wagtail's addresses (``sites/``): this app's
hooks run first (INSTALLED_APPS order), so Django resolves those addresses here, and Wagtail's
URL names (``wagtailsites:index``, its menu item) lead to them. Its own namespace keeps Django's
URL namespaces unique."""

from django.utils.functional import Promise
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.models import Site
from wagtail.sites import views


def labelled(column):
    """Wagtail's column if its label goes through gettext ("Site", "Default?"), otherwise the
    same column labelled with its field's verbose name ("พอร์ต" for "Port")."""
    if isinstance(column.label, Promise):
        return column
    label = capfirst(Site._meta.get_field(column.name).verbose_name)
    return Column(column.name, label=label, sort_key=column.sort_key)


class SiteIndexView(views.IndexView):
    columns = [labelled(column) for column in views.IndexView.columns]


class SiteViewSet(views.SiteViewSet):
    index_view_class = SiteIndexView


@hooks.register("register_admin_viewset")
def register_site_viewset():
    return SiteViewSet("thai_sites", url_prefix="sites")
