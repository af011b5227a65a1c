"""Media and complaint attachments in S3-compatible object storage (MEDIA_STORAGE=s3), against a
real S3 server (moto's, on 127.0.0.1): a document uploaded in the admin is in the public bucket
but unreadable there, served by the portal once a live page uses it and not before; image
renditions are public with a year's cache lifetime; a complaint attachment is a private object
that only the staff of the case download, through the admin. With the store down, a complaint
is still filed (its attachments reported lost), and nothing answers 500."""

import datetime
import hashlib
import io
import shutil
import tarfile
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document

from cases import handling
from cases.models import CaseAttachment, Complaint
from cases.setup import CENTRE_GROUP, UNIT_HANDLERS_GROUP
from operations.archive import DATABASE_FILES, MANIFEST
from oversight import sitecheck
from oversight.models import CheckRun, Finding, FindingKind, Severity
from ownership.models import Role
from portal.storage import private_storage
from tests.factories import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    DocumentFactory,
    ImageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    home_page,
    unit,
)
from tests.factories.media import pdf_bytes
from tests.moderation_support import make_user, sign_in
from tests.s3_support import PRIVATE, PUBLIC, MotoS3, bucket_storages, closed_port, configured
from tests.test_cases import build_tree, category, complaint_data, jpeg
from tests.test_cases_admin import in_group


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class StoreTestCase(TestCase):
    """A test whose site keeps its files in the buckets of one moto server (per class)."""

    @classmethod
    def setUpClass(cls):
        cls.store = MotoS3()
        cls.store.start()
        cls.addClassCleanup(cls.store.stop)
        super().setUpClass()

    def setUp(self):
        self.store.reset()
        overridden = self.store.settings()
        overridden.enable()
        self.addCleanup(overridden.disable)


class PublicFileTests(StoreTestCase):
    def test_an_uploaded_document_is_in_the_bucket_and_served_only_once_public(self):
        editor = make_user("web-admin", is_superuser=True, is_staff=True)
        sign_in(self.client, editor)
        content = pdf_bytes()
        response = self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "งบแสดงฐานะการเงิน 2568",
                "file": SimpleUploadedFile("budget-2568.pdf", content, "application/pdf"),
                "collection": 1,
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:500])
        document = Document.objects.get(title="งบแสดงฐานะการเงิน 2568")
        self.assertEqual(self.store.keys(PUBLIC), [document.file.name])
        self.assertEqual(self.store.content(PUBLIC, document.file.name), content)
        # Not readable in the store itself by anyone: only through the portal.
        self.assertEqual(self.store.plain_get(PUBLIC, document.file.name).status_code, 403)
        self.client.logout()
        # Used by no live page yet: a citizen finds nothing.
        self.assertEqual(self.client.get(document.url).status_code, 404)
        with self.captureOnCommitCallbacks(execute=True):
            PublicationPageFactory(
                parent=PublicationIndexPageFactory(parent=home_page()), document=document
            )
        served = self.client.get(document.url)
        self.assertEqual(served.status_code, 200)
        self.assertEqual(sha256(b"".join(served.streaming_content)), sha256(content))

    def test_renditions_are_public_for_a_year_and_originals_are_not(self):
        image = ImageFactory(title="สะพานเดชาติวงศ์")
        rendition = image.get_rendition("fill-120x80")
        self.assertTrue(rendition.url.startswith(f"{self.store.endpoint}/{PUBLIC}/images/"))
        self.assertEqual(
            sorted(self.store.keys(PUBLIC)), sorted([image.file.name, rendition.file.name])
        )
        served = self.store.plain_get(PUBLIC, rendition.file.name)
        self.assertEqual(served.status_code, 200)
        self.assertEqual(served.headers["Cache-Control"], "max-age=31536000, public")
        self.assertEqual(served.content[:2], b"\xff\xd8")  # a JPEG
        self.assertEqual(self.store.plain_get(PUBLIC, image.file.name).status_code, 403)

    @override_settings(PAGE_CACHE_SECONDS=600)
    def test_an_original_image_address_outlives_a_cached_copy_of_the_page_that_holds_it(self):
        image = ImageFactory(title="ศาลากลางจังหวัด")
        # The API's download_url is this address, and the API answer may be cached 600 s.
        signed = parse_qs(urlsplit(image.file.url).query)
        if "X-Amz-Expires" in signed:  # signature version 4: a lifetime
            lifetime = int(signed["X-Amz-Expires"][0])
        else:  # version 2: an end time
            lifetime = int(signed["Expires"][0]) - time.time()
        self.assertGreaterEqual(lifetime, 600 + 300 - 5)
        self.assertEqual(httpx.get(image.file.url).status_code, 200)

    def test_a_second_file_of_the_same_name_keeps_the_first(self):
        first = ImageFactory(file__filename="bridge.jpg")
        second = ImageFactory(file__filename="bridge.jpg")
        self.assertNotEqual(first.file.name, second.file.name)
        self.assertEqual(len(self.store.keys(PUBLIC)), 2)


class AttachmentTests(StoreTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, _questions, _statistics = build_tree()
        cls.centre = in_group(make_user("centre"), CENTRE_GROUP)
        cls.engineering = in_group(
            make_user("engineer", Role.SUPERVISOR, "engineering"), UNIT_HANDLERS_GROUP
        )
        cls.finance = in_group(
            make_user("accountant", Role.CREATOR, "finance"), UNIT_HANDLERS_GROUP
        )

    def test_an_attachment_is_private_and_only_the_cases_staff_download_it(self):
        photo = jpeg()
        content = photo.read()
        photo.seek(0)
        response = self.client.post(self.page.url, complaint_data(attachments=[photo]))
        self.assertEqual(response.status_code, 302)
        case = Complaint.objects.get()
        attachment = case.attachments.get()
        self.assertEqual(self.store.keys(PRIVATE), [attachment.file.name])
        self.assertEqual(self.store.keys(PUBLIC), [])
        self.assertEqual(self.store.plain_get(PRIVATE, attachment.file.name).status_code, 403)
        # The centre assigns it to Engineering, whose handler downloads it through the admin.
        self.client.force_login(self.centre)
        self.client.post(
            reverse("cases_complaints:edit", args=[case.pk]),
            {"action": "assign", "unit": unit("engineering").pk},
        )
        url = reverse("cases_complaints:attachment", args=[case.pk, attachment.pk])
        self.client.force_login(self.engineering)
        download = self.client.get(url)
        self.assertEqual(download.status_code, 200)
        self.assertEqual(sha256(b"".join(download.streaming_content)), sha256(content))
        # Another unit's staff and anyone signed out get nothing.
        self.client.force_login(self.finance)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.logout()
        refused = self.client.get(url)
        self.assertEqual(refused.status_code, 302)
        self.assertIn("/admin/login/", refused["Location"])
        # The page of the case gives no address in the store.
        self.client.force_login(self.engineering)
        page = self.client.get(reverse("cases_complaints:edit", args=[case.pk]))
        self.assertNotContains(page, self.store.endpoint)

    def test_the_retention_job_sweeps_orphan_objects_only(self):
        self.client.post(self.page.url, complaint_data(attachments=[jpeg()]))
        kept = CaseAttachment.objects.get().file.name
        orphan = private_storage.save("cases/orphan.jpg", ContentFile(b"left by a crash"))
        self.assertEqual(handling.sweep_orphan_files(), 0)  # too fresh: maybe an upload
        later = timezone.now() + datetime.timedelta(hours=2)
        self.assertEqual(handling.sweep_orphan_files(now=later), 1)
        self.assertEqual(self.store.keys(PRIVATE), [kept])
        self.assertNotEqual(orphan, kept)


class StoreDownTests(TestCase):
    """The store's port is closed: nothing listens there."""

    @classmethod
    def setUpTestData(cls):
        cls.page, _questions, _statistics = build_tree()

    def setUp(self):
        overridden = configured(f"http://127.0.0.1:{closed_port()}")
        overridden.enable()
        self.addCleanup(overridden.disable)

    def test_a_complaint_without_attachments_files_as_usual(self):
        response = self.client.post(self.page.url, complaint_data(), follow=True)
        case = Complaint.objects.get()
        self.assertContains(response, f"เรื่องเลขที่ {case.number}")
        self.assertNotContains(response, "บันทึกไม่สำเร็จ")

    def test_a_complaint_with_attachments_is_kept_and_the_citizen_told_to_resend(self):
        response = self.client.post(
            self.page.url, complaint_data(attachments=[jpeg(), jpeg("second.jpg")]), follow=True
        )
        self.assertEqual(response.status_code, 200)
        case = Complaint.objects.get()
        self.assertContains(response, f"เรื่องเลขที่ {case.number}")
        self.assertContains(response, "ไฟล์แนบของท่านบันทึกไม่สำเร็จ")
        self.assertFalse(case.attachments.exists())
        self.assertIn("ไฟล์แนบ 2 ไฟล์บันทึกไม่สำเร็จ", case.events.get(status="").note)

    def test_staff_opening_an_attachment_are_told_the_store_is_down(self):
        case, _secret = Complaint.file(category("roads"), description="ท่อแตก", place="ถนนมาตุลี")
        attachment = CaseAttachment.objects.create(
            complaint=case, file="cases/2026/12/photo.jpg", content_type="image/jpeg", size=10
        )
        superuser = make_user("root-admin", is_superuser=True, is_staff=True)
        sign_in(self.client, superuser)
        url = reverse("cases_complaints:attachment", args=[case.pk, attachment.pk])
        response = self.client.get(url, follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "ที่เก็บไฟล์ขัดข้อง")

    def test_the_site_check_reports_the_store_and_keeps_what_it_knew_of_the_files(self):
        document = Document.objects.create(title="ใบสมัคร", file="documents/form.pdf")
        notice = AnnouncementPageFactory(
            parent=AnnouncementIndexPageFactory(parent=home_page()),
            attachments=[("document", {"document": document, "title": "ใบสมัคร"})],
        )
        earlier = Finding.objects.create(
            key="earlier",
            source=Finding.Source.CRAWL,
            kind=FindingKind.MISSING_DOCUMENT,
            severity=Severity.ERROR,
            page=notice,
            target=document.url,
            first_seen=timezone.now(),
            last_seen=timezone.now(),
        )
        run = sitecheck.run_check(external=False, mail=False)
        self.assertEqual(run.status, CheckRun.Status.INCOMPLETE)
        self.assertIn("ที่เก็บไฟล์ไม่ตอบ", run.message)
        # One finding for the store, none claiming the document is gone, and what the last
        # run knew of the notice's file stays open until the store answers again.
        opened = Finding.objects.filter(fixed_at__isnull=True)
        self.assertEqual(opened.filter(kind=FindingKind.STORE_UNREACHABLE).count(), 1)
        self.assertFalse(opened.filter(kind=FindingKind.BROKEN_LINK).exists())
        self.assertEqual(list(opened.filter(kind=FindingKind.MISSING_DOCUMENT)), [earlier])

    def test_a_citizen_asking_for_a_document_is_asked_to_come_back(self):
        document = Document.objects.create(title="ประกาศ", file="documents/notice.pdf")
        with self.settings(PUBLIC_COLLECTIONS=[document.collection.name]):
            response = self.client.get(f"/documents/{document.pk}/notice.pdf")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "60")
        self.assertContains(response, "ขออภัย ระบบขัดข้องชั่วคราว", status_code=503)


def disk_checksums(folder):
    return {
        path.relative_to(folder).as_posix(): sha256(path.read_bytes())
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


class MoveMediaTests(StoreTestCase):
    """``manage.py move_media`` takes a site's files from the disk to the buckets and back."""

    def setUp(self):
        self.store.reset()
        self.media = Path(tempfile.mkdtemp(prefix="portal-test-move-media-"))
        self.private = Path(tempfile.mkdtemp(prefix="portal-test-move-cases-"))
        self.addCleanup(shutil.rmtree, self.media, ignore_errors=True)
        self.addCleanup(shutil.rmtree, self.private, ignore_errors=True)
        folders = self.settings(MEDIA_ROOT=str(self.media), CASES_FILES_ROOT=str(self.private))
        folders.enable()
        self.addCleanup(folders.disable)

    def on(self, media_storage):
        overridden = self.store.settings(media_storage)
        overridden.enable()
        self.addCleanup(overridden.disable)

    def move(self, *arguments):
        out = io.StringIO()
        call_command("move_media", *arguments, stdout=out)
        return out.getvalue()

    def build_site_on_disk(self):
        """A document, an image with two renditions and a complaint's two attachments."""
        self.on("disk")
        page, _questions, _statistics = build_tree()
        DocumentFactory(title="ประกาศผลการประกวดราคา")
        image = ImageFactory(title="ภาพถนนชำรุด")
        image.get_rendition("fill-120x80")
        image.get_rendition("max-60x60")
        response = self.client.post(
            page.url, complaint_data(attachments=[jpeg(), jpeg("second.jpg", (50, 20))])
        )
        self.assertEqual(response.status_code, 302)
        media, private = disk_checksums(self.media), disk_checksums(self.private)
        self.assertEqual(len(media), 4)
        self.assertEqual(len(private), 2)
        return media, private

    def test_a_site_goes_to_the_buckets_and_back_with_identical_files(self):
        media, private = self.build_site_on_disk()
        output = self.move("--to", "s3")
        self.assertEqual(self.store.checksums(PUBLIC), media)
        self.assertEqual(self.store.checksums(PRIVATE), private)
        self.assertIn("ไฟล์สื่อ (media): 4 ไฟล์ (files), คัดลอก (copied) 4", output)
        self.assertIn("ไฟล์แนบเรื่องร้องเรียน (complaint attachments): 2 ไฟล์", output)
        # Again, after an interruption or by mistake: nothing is copied twice.
        again = self.move("--to", "s3")
        self.assertIn("คัดลอก (copied) 0 = 0.0 MB, มีอยู่แล้ว (already there) 4", again)
        # The disk source is kept; the site switched to the buckets serves from them.
        self.assertEqual(disk_checksums(self.media), media)
        self.on("s3")
        document = Document.objects.get()
        with self.captureOnCommitCallbacks(execute=True):
            PublicationPageFactory(
                parent=PublicationIndexPageFactory(parent=home_page()), document=document
            )
        served = self.client.get(document.url)
        self.assertEqual(served.status_code, 200)
        self.assertEqual(sha256(b"".join(served.streaming_content)), media[document.file.name])
        # Back to an empty disk.
        shutil.rmtree(self.media)
        shutil.rmtree(self.private)
        self.move("--to", "disk")
        self.assertEqual(disk_checksums(self.media), media)
        self.assertEqual(disk_checksums(self.private), private)

    def test_a_changed_file_is_copied_again_and_sources_go_only_when_asked(self):
        media, private = self.build_site_on_disk()
        self.move("--to", "s3")
        name = next(iter(private))
        (self.private / name).write_bytes(b"a newer version of the file")
        output = self.move("--to", "s3")
        self.assertIn(
            "ไฟล์แนบเรื่องร้องเรียน (complaint attachments): 2 ไฟล์ (files), คัดลอก (copied) 1", output
        )
        self.assertEqual(self.store.content(PRIVATE, name), b"a newer version of the file")
        self.on("s3")
        output = self.move("--to", "s3", "--delete-source")
        self.assertEqual(disk_checksums(self.media), {})
        self.assertEqual(disk_checksums(self.private), {})
        self.assertEqual(self.store.checksums(PUBLIC), media)
        self.assertIn("ลบต้นทาง (sources deleted) 4", output)

    def test_bad_arguments_are_refused_in_thai_and_nothing_moves(self):
        self.build_site_on_disk()
        for arguments, message in [
            ((), "ระบุปลายทางด้วย --to s3"),
            (("--to", "ftp"), "ระบุปลายทางด้วย --to s3"),
            (("--to", "s3", "--delete-source"), "เว็บไซต์ยังใช้ไฟล์จากดิสก์ของเครื่อง"),
        ]:
            with self.subTest(arguments=arguments), self.assertRaisesMessage(CommandError, message):
                self.move(*arguments)
        unconfigured = {"disk": settings.MEDIA_STORAGES["disk"], "s3": bucket_storages("")}
        for storage in unconfigured["s3"].values():
            storage["OPTIONS"]["bucket_name"] = ""
        with (
            self.settings(MEDIA_STORAGES=unconfigured),
            self.assertRaisesMessage(CommandError, "ยังไม่ได้ตั้งค่าที่เก็บ S3"),
        ):
            self.move("--to", "s3")
        self.assertEqual(self.store.keys(PUBLIC), [])

    def test_a_store_that_is_down_stops_the_move_with_a_thai_message(self):
        self.build_site_on_disk()
        with (
            configured(f"http://127.0.0.1:{closed_port()}", "disk"),
            self.assertRaisesMessage(CommandError, "อ่านหรือเขียนไฟล์ไม่สำเร็จ"),
        ):
            self.move("--to", "s3")


class BackupTests(StoreTestCase):
    # No row is written before a backup: SQLite's backup API hung here on a connection
    # holding the test's uncommitted writes (test_backup.py backs up in a TransactionTestCase).
    def test_a_backup_holds_the_database_only_and_a_disk_archive_is_not_restored_over_s3(self):
        folder = Path(tempfile.mkdtemp(prefix="portal-test-s3-backup-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        (folder / "media" / "documents").mkdir(parents=True)
        (folder / "media" / "documents" / "on-disk.pdf").write_bytes(pdf_bytes())
        media_root = self.settings(MEDIA_ROOT=str(folder / "media"))
        media_root.enable()
        self.addCleanup(media_root.disable)
        out = io.StringIO()
        call_command("backup", str(folder / "s3.tar"), stdout=out)
        with tarfile.open(folder / "s3.tar") as archive:
            names = archive.getnames()
        self.assertEqual(sorted(names), sorted([DATABASE_FILES[connection.vendor], MANIFEST]))
        self.assertIn("ไฟล์สื่อและไฟล์แนบอยู่ในที่เก็บ S3", out.getvalue())
        # An archive made on disk holds the files, which a site on S3 cannot take in.
        with self.store.settings("disk"):
            call_command("backup", str(folder / "disk.tar"), stdout=io.StringIO())
        with tarfile.open(folder / "disk.tar") as archive:
            self.assertIn("media/documents/on-disk.pdf", archive.getnames())
        with self.assertRaisesMessage(CommandError, "กู้คืนด้วย MEDIA_STORAGE=disk"):
            call_command("restore", str(folder / "disk.tar"), "--replace")
