"""Values kept in the shared cache (Redis in production) and cleared when what they hold
changes: cleared again once the change commits, so a process that read the old rows while the
change was being made (and put them back) does not keep serving them (``portal.cache.forget``)."""

from django.core.cache import cache
from django.test import TestCase
from wagtail.models import Site

from core.navigation import home_tree, menu_cache_key
from ownership.models import UNITS_CACHE_KEY, Unit
from tests.factories import NewsIndexPageFactory, unit


class ClearedAgainAfterTheCommitTests(TestCase):
    def test_a_renamed_unit_is_not_undone_by_a_process_that_read_it_before_the_commit(self):
        clerk = unit("clerk")
        before = Unit.cached(clerk.pk)
        with self.captureOnCommitCallbacks(execute=True):
            clerk.name = "สำนักปลัดเทศบาล (ชื่อใหม่)"
            clerk.save()
            # Another process, still seeing the old row, keeps the units as they were.
            cache.set(UNITS_CACHE_KEY, {clerk.pk: before}, None)
        self.assertEqual(Unit.cached(clerk.pk).name, "สำนักปลัดเทศบาล (ชื่อใหม่)")

    def test_a_section_unpublished_leaves_the_menu_read_before_the_commit(self):
        site = Site.objects.get(is_default_site=True)
        section = NewsIndexPageFactory(
            parent=site.root_page, slug="news", title="ข่าวสาร", responsible_unit=unit("clerk")
        )
        self.assertIn(section.title, [item["title"] for item in home_tree(site, "th")["children"]])
        old = cache.get(menu_cache_key(site.pk, "th"))
        with self.captureOnCommitCallbacks(execute=True):
            section.unpublish()
            cache.set(menu_cache_key(site.pk, "th"), old, 60 * 60)  # the other process
        titles = [item["title"] for item in home_tree(site, "th")["children"]]
        self.assertNotIn(section.title, titles)
