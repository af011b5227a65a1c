from wagtail import hooks

from procurement.schools import Schools
from schools.cache import school_filter_choices
from schools.checks import schools_without_notice
from schools.models import SchoolPage

hooks.register("register_site_checks", schools_without_notice)


@hooks.register("register_procurement_schools")
def schools_publish_procurement_notices():
    return Schools(page_model=SchoolPage, filter_choices=school_filter_choices)
