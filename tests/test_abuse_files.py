"""Attachments of unapproved drafts are not public: a document or image is served at
``/documents/<id>/<name>`` and listed by the API only once a live public page uses it (or
it is in a public collection); before that only staff who may use it see it."""

from django.test import TestCase, override_settings
from wagtail.models import Collection

from ownership.models import Role
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsIndexPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    home_page,
)
from tests.moderation_support import make_user, sign_in


class DraftAttachmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.publications = PublicationIndexPageFactory(parent=home)
        NewsIndexPageFactory(parent=home)
        cls.document = DocumentFactory(title="งบการเงินฉบับร่าง")
        cls.cover = ImageFactory(title="ภาพปกฉบับร่าง")
        with cls.captureOnCommitCallbacks(execute=True):
            cls.draft = PublicationPageFactory(
                parent=cls.publications, live=False, document=cls.document, cover_image=cls.cover
            )
        cls.creator = make_user("planning-creator", Role.CREATOR, "planning")

    def api_ids(self, endpoint):
        return {item["id"] for item in self.client.get(f"/api/v2/{endpoint}/").json()["items"]}

    def test_a_drafts_document_and_image_are_hidden_until_the_page_goes_live(self):
        url = self.document.url
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.get(f"/api/v2/documents/{self.document.pk}/").status_code, 404)
        self.assertNotIn(self.document.pk, self.api_ids("documents"))
        self.assertNotIn(self.cover.pk, self.api_ids("images"))
        # The staff who may use it see it.
        sign_in(self.client, self.creator)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.logout()
        # Approved and live: public.
        with self.captureOnCommitCallbacks(execute=True):
            self.draft.save_revision().publish()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content)[:5], b"%PDF-")
        self.assertIn(self.document.pk, self.api_ids("documents"))
        self.assertIn(self.cover.pk, self.api_ids("images"))

    def test_a_document_added_in_a_draft_of_a_live_page_waits_for_approval(self):
        with self.captureOnCommitCallbacks(execute=True):
            published = DocumentFactory(title="ฉบับที่อนุมัติแล้ว")
            live = PublicationPageFactory(parent=self.publications, document=published)
            replacement = DocumentFactory(title="ฉบับแก้ไข รออนุมัติ")
            live.document = replacement
            live.save_revision()
        self.assertEqual(self.client.get(published.url).status_code, 200)
        self.assertEqual(self.client.get(replacement.url).status_code, 404)
        self.assertNotIn(replacement.pk, self.api_ids("documents"))

    def test_an_unused_upload_is_hidden_and_a_public_collection_is_public(self):
        unused = DocumentFactory()
        self.assertEqual(self.client.get(unused.url).status_code, 404)
        forms = Collection.get_first_root_node().add_child(name="แบบฟอร์มสำหรับประชาชน")
        form = DocumentFactory(collection=forms)
        with override_settings(PUBLIC_COLLECTIONS=["แบบฟอร์มสำหรับประชาชน"]):
            self.assertEqual(self.client.get(form.url).status_code, 200)
            self.assertIn(form.pk, self.api_ids("documents"))
