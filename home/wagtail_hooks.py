from wagtail import hooks

from home.ita_sources import ita_sources

hooks.register("register_ita_sources", ita_sources)
