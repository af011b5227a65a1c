from wagtail import hooks

from home.checks import fiscal_year_documents
from home.ita_sources import ita_sources

hooks.register("register_ita_sources", ita_sources)
hooks.register("register_site_checks", fiscal_year_documents)
