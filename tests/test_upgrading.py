"""Pins for the private names of other packages the project still uses (docs/upgrading.md):
each fails when an upgrade renames or changes what the project relies on, so the upgrade
is caught here rather than on the site."""

import inspect

from django.contrib.sitemaps import Sitemap
from django.test import RequestFactory, TestCase
from django.urls import resolve, reverse
from django.utils.functional import SimpleLazyObject, empty
from modelsearch.backends.base import BaseSearchResults
from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource

from ownership.wagtail_hooks import SubmitOwnPageTranslationView, SyncOwnTranslationsView
from tests.factories import DocumentFactory, ImageFactory


class BorrowedInternalsTests(TestCase):
    def test_treebeard_keeps_a_parent_set_on_the_child(self):
        """core.models.BasePage.route and core.queries.route_to_child hand the parent over."""
        home = Page.objects.get(depth=2, locale__language_code="th")
        root = home.get_parent()
        home = Page.objects.get(pk=home.pk)
        home._cached_parent_obj = root
        with self.assertNumQueries(0):
            self.assertIs(home.get_parent(), root)

    def test_wagtail_takes_the_site_of_a_request_from_the_request(self):
        """pagecache.fragments.find_site hands Wagtail the site kept under the content version."""
        site = Site.objects.get(is_default_site=True)
        request = RequestFactory().get("/", HTTP_HOST="elsewhere.example")
        request._wagtail_site = site
        with self.assertNumQueries(0):
            self.assertIs(Site.find_for_request(request), site)

    def test_wagtail_records_file_metadata_as_uploads_do(self):
        image, document = ImageFactory(), DocumentFactory()
        image.file_size = document.file_size = None
        image._set_image_file_metadata()
        document._set_document_file_metadata()
        self.assertEqual(
            (image.file_size, document.file_size), (image.file.size, document.file.size)
        )
        self.assertTrue(image.file_hash and document.file_hash)

    def test_django_sitemap_builds_urls_in_one_private_method(self):
        self.assertEqual(
            list(inspect.signature(Sitemap._urls).parameters),
            ["self", "page", "protocol", "domain"],
        )

    def test_lazy_objects_keep_their_wrapped_value(self):
        """The sign-in audit log unwraps request.user to log the real user."""
        lazy = SimpleLazyObject(lambda: "user")
        self.assertIs(lazy._wrapped, empty)
        lazy._setup()
        self.assertEqual(lazy._wrapped, "user")

    def test_querysets_and_search_results_keep_what_the_thai_backend_copies(self):
        queryset = Page.objects.prefetch_related("locale").values_list("pk")
        self.assertEqual(queryset._prefetch_related_lookups, ("locale",))
        self.assertTrue(hasattr(queryset, "_iterable_class"))
        for name in ("_do_search", "_do_count"):
            self.assertTrue(callable(getattr(BaseSearchResults, name)))
        self.assertIn("_score_field", vars(BaseSearchResults(None, None)))

    def test_wagtail_localize_segments_and_submit_address(self):
        parameters = inspect.signature(TranslationSource._get_segments_for_translation).parameters
        self.assertIn("fallback", parameters)
        url = reverse("wagtail_localize:submit_page_translation", args=[1])
        self.assertIs(resolve(url).func.view_class, SubmitOwnPageTranslationView)
        url = reverse("wagtail_localize:update_translations", args=[1])
        self.assertIs(resolve(url).func.view_class, SyncOwnTranslationsView)

    def test_wagtail_renders_timestamps_through_django_formats(self):
        import datetime

        from django.utils import timezone, translation
        from wagtail.utils import timestamps

        from thai.admin import BuddhistEraFormats

        self.assertIsInstance(timestamps.formats, BuddhistEraFormats)
        self.assertIn("formats.date_format(", inspect.getsource(timestamps.render_timestamp))
        moment = timezone.make_aware(datetime.datetime(2026, 1, 15, 14, 30))
        with translation.override("th"):
            self.assertEqual(timestamps.render_timestamp(moment), "15 มกราคม 2569 เวลา 14.30 น.")
        with translation.override("en"):
            self.assertIn("2026", timestamps.render_timestamp(moment))

    def test_wagtail_sites_and_group_editor_take_the_portals_labels(self):
        """thai.wagtail_hooks serves Settings > Sites at Wagtail's addresses with labelled
        columns; thai.model_names names Locale, Translation and the page permission form's page
        field. When Wagtail labels those columns itself, the portal's viewset can go."""
        from django.utils import translation
        from wagtail.models import Locale
        from wagtail.sites.views import IndexView
        from wagtail.users.forms import PagePermissionsForm
        from wagtail_localize.models import Translation

        from thai.wagtail_hooks import SiteIndexView

        self.assertIs(resolve(reverse("wagtailsites:index")).func.view_class, SiteIndexView)
        unlabelled = {c.name for c in IndexView.columns if isinstance(c.label, str)}
        self.assertEqual(unlabelled, {"port", "site_name", "root_page"})
        with translation.override("th"):
            self.assertEqual(
                [str(c.label) for c in SiteIndexView.columns if c.name in unlabelled],
                ["พอร์ต", "ชื่อเว็บไซต์", "หน้าราก"],
            )
            self.assertEqual(str(PagePermissionsForm().fields["page"].label), "หน้า")
            self.assertEqual(str(Locale._meta.verbose_name), "ภาษา")
            self.assertEqual(str(Translation._meta.verbose_name_plural), "คำแปล")
        with translation.override("en"):
            self.assertEqual(str(Translation._meta.verbose_name), "translation")
            self.assertEqual(str(Locale._meta.verbose_name_plural), "locales")

    def test_wagtail_records_references_as_the_import_does_in_bulk(self):
        """imports.importer.add_references writes a new object's references with Wagtail's own
        extraction and content path hash: the rows must be those Wagtail's
        ``create_or_update_for_object`` writes (a unit, a document in the attachments, a link
        to a page in the body)."""
        from wagtail.models import ReferenceIndex

        from imports.importer import add_references
        from tests.factories.pages import AnnouncementPageFactory, paragraph

        document, home = DocumentFactory(), Page.objects.get(depth=2, locale__language_code="th")
        page = AnnouncementPageFactory(
            body=[paragraph(f'<p><a linktype="page" id="{home.pk}">หน้าแรก</a></p>')],
            attachments=[{"type": "document", "value": {"document": document.pk, "title": ""}}],
        )
        fields = ["content_type", "base_content_type", "object_id", "to_content_type"]
        fields += ["to_object_id", "model_path", "content_path", "content_path_hash"]

        def recorded():
            rows = ReferenceIndex.get_references_for_object(page).values_list(*fields)
            return sorted(rows, key=str)

        ReferenceIndex.create_or_update_for_object(page)
        by_wagtail = recorded()
        ReferenceIndex.get_references_for_object(page).delete()
        add_references([page])
        self.assertEqual(recorded(), by_wagtail)
        paths = {row[fields.index("model_path")] for row in by_wagtail}
        self.assertTrue({"responsible_unit", "attachments.document.document"} <= paths, paths)
        self.assertTrue(any(path.startswith("body.") for path in paths), paths)

    def test_django_makes_no_nested_savepoint_when_the_connection_has_none(self):
        """imports.writer.one_savepoint turns the connection's ``features.uses_savepoints`` off
        inside one savepoint of its own: a nested ``atomic`` (as ``Page.save``) must then make
        none, and a failure inside must roll back all that the block wrote, and only that."""
        from django.db import IntegrityError, connection, transaction
        from django.test.utils import CaptureQueriesContext
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.models import Locale

        from imports.writer import one_savepoint

        Redirect.objects.create(old_path="/before")
        with CaptureQueriesContext(connection) as queries, one_savepoint(), transaction.atomic():
            Redirect.objects.create(old_path="/inside")
        savepoints = [q["sql"] for q in queries if q["sql"].startswith("SAVEPOINT")]
        # SQLite's backend decides by itself (its savepoints cost no round trip).
        self.assertEqual(len(savepoints), 1 if connection.vendor == "postgresql" else 2)
        with self.assertRaises(IntegrityError), one_savepoint():
            Redirect.objects.create(old_path="/rolled-back")
            with transaction.atomic():
                Locale.objects.create(language_code="th")  # already there
        self.assertTrue(connection.features.uses_savepoints)
        self.assertEqual(
            sorted(Redirect.objects.values_list("old_path", flat=True)), ["/before", "/inside"]
        )
