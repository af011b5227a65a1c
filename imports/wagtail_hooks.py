from wagtail import hooks

from imports.checks import incomplete_imports

hooks.register("register_site_checks", incomplete_imports)
