from wagtail import hooks

from schools.checks import schools_without_notice

hooks.register("register_site_checks", schools_without_notice)
