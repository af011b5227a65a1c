from wagtail import hooks

from procurement.ita_sources import ita_sources

hooks.register("register_ita_sources", ita_sources)
