from wagtail import hooks

from departments.checks import directories, unit_pages
from departments.ita_sources import ita_sources

hooks.register("register_ita_sources", ita_sources)
hooks.register("register_site_checks", unit_pages)
hooks.register("register_site_checks", directories)
