from wagtail import hooks

from news.ita_sources import ita_sources

hooks.register("register_ita_sources", ita_sources)
