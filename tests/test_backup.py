"""Backup and restore (``manage.py backup`` / ``restore``, operations/): a site with pages,
revisions, an approval in progress, audit log entries, a document, an image and a complaint
with an attachment comes back whole in an emptied database and empty media folders, on SQLite
and on PostgreSQL (DATABASE_URL), and the complainant's private link still opens the case. A
damaged, altered or foreign archive is refused with a Thai message, and nothing changes."""

import hashlib
import io
import json
import shutil
import sqlite3
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from cases.models import CaseAttachment, Complaint, ComplaintCategory
from cases.protection import started_token
from news.models import AnnouncementPage
from ownership.models import Role
from tests.factories import (
    AnnouncementIndexPageFactory,
    ComplaintPageFactory,
    DocumentFactory,
    ImageFactory,
    UserFactory,
    unit,
)

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:18599/0",
    }
}


def checksum(field_file):
    with field_file.open("rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def jpeg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b4f6c").save(buffer, "JPEG")
    return SimpleUploadedFile("pothole.jpg", buffer.getvalue(), content_type="image/jpeg")


def site_state():
    """What an editor, an auditor and a complainant would compare after a restore."""
    return {
        "tree": list(
            Page.objects.order_by("path").values_list(
                "path", "title", "slug", "live", "content_type__model", "locale__language_code"
            )
        ),
        "revisions": list(
            Revision.objects.order_by("pk").values_list(
                "pk", "object_id", "content", "created_at", "user__username"
            )
        ),
        "workflow states": list(
            WorkflowState.objects.order_by("pk").values_list(
                "object_id", "workflow__name", "status", "current_task_state__task__name"
            )
        ),
        "audit log": list(
            PageLogEntry.objects.order_by("pk").values_list(
                "action", "page_id", "timestamp", "user__username"
            )
        ),
        "documents": [(d.title, d.file.name, checksum(d.file)) for d in Document.objects.all()],
        "images": [(i.title, i.file.name, checksum(i.file)) for i in Image.objects.all()],
        "attachments": [
            (a.complaint.number, a.file.name, checksum(a.file))
            for a in CaseAttachment.objects.select_related("complaint")
        ],
    }


def empty_database():
    """Leave the test database as a freshly created one: no tables at all."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    else:
        connection.ensure_connection()
        sqlite3.connect(":memory:").backup(connection.connection)


def move_aside(folder):
    """Take a media folder away, so the restore starts from none (returns where it went)."""
    aside = Path(tempfile.mkdtemp(prefix="portal-test-aside-")) / "folder"
    shutil.move(folder, aside)
    return aside


class RoundTripTests(TransactionTestCase):
    # The restore replaces the whole database; the data the migrations created (home page,
    # units, workflow) is put back for the transactional tests that follow.
    serialized_rollback = True

    def build_site(self):
        creator = UserFactory(username="creator", role=Role.CREATOR, unit="clerk")
        admin = UserFactory(username="admin", is_superuser=True)
        index = AnnouncementIndexPageFactory()
        image = ImageFactory(title="ภาพถนนชำรุด")
        document = DocumentFactory(title="ประกาศผลการประกวดราคา")
        live = AnnouncementPage(
            title="ประกาศรับสมัครพนักงานจ้าง", slug="hiring", responsible_unit=unit("clerk")
        )
        index.add_child(instance=live)
        live.save_revision(user=creator).publish(user=admin)
        live.title = "ประกาศรับสมัครพนักงานจ้าง (แก้ไข)"
        live.save_revision(user=creator, log_action=True)
        waiting = AnnouncementPage(
            title="ประกาศรอการอนุมัติ", slug="waiting", live=False, responsible_unit=unit("clerk")
        )
        index.add_child(instance=waiting)
        waiting.save_revision(user=creator, log_action=True)
        waiting.get_workflow().start(waiting, creator)
        complaints = ComplaintPageFactory()
        response = self.client.post(
            complaints.url,
            {
                "category": ComplaintCategory.objects.get(slug="roads").pk,
                "description": "ถนนหน้าตลาดเป็นหลุมลึก",
                "place": "ถนนโกสีย์",
                "contact_name": "สมชาย ใจดี",
                "contact_email": "somchai@example.org",
                "website": "",
                "started": started_token(time.time() - 30),
                "attachments": [jpeg()],
            },
        )
        self.assertEqual(response.status_code, 302)
        return response["Location"].removesuffix("?new=1"), image, document

    def test_a_restored_site_is_the_same_site(self):
        status_link, image, document = self.build_site()
        before = site_state()
        self.assertEqual(
            [len(before[key]) > 0 for key in before], [True] * len(before), "a part is empty"
        )
        work = Path(tempfile.mkdtemp(prefix="portal-test-backup-"))
        out = io.StringIO()
        call_command("backup", str(work), stdout=out)
        archive = next(work.glob("portal-backup-*.tar"))
        self.assertIn("สำรองแล้ว", out.getvalue())

        empty_database()
        move_aside(settings.MEDIA_ROOT)
        move_aside(settings.CASES_FILES_ROOT)
        self.assertFalse(Path(image.file.path).exists())

        out = io.StringIO()
        call_command("restore", str(archive), stdout=out)
        self.assertIn("กู้คืนแล้ว", out.getvalue())
        self.assertEqual(site_state(), before)
        self.assertTrue(Path(image.file.path).is_file())
        self.assertTrue(Path(document.file.path).is_file())
        # The complainant's private link opens the case again.
        page = self.client.get(status_link)
        self.assertContains(page, Complaint.objects.get().number)
        # The public site serves the restored pages.
        self.assertContains(self.client.get("/announcements/hiring/"), "ประกาศรับสมัครพนักงานจ้าง")

        # Restoring over a site in place needs --replace; the replaced folders are kept.
        with self.assertRaisesMessage(CommandError, "--replace"):
            call_command("restore", str(archive), stdout=io.StringIO())
        out = io.StringIO()
        call_command("restore", str(archive), "--replace", stdout=out)
        self.assertIn("before-restore-", out.getvalue())
        self.assertEqual(site_state(), before)

        # With Redis down (nothing listens on its port) the site is restored all the same, and
        # the operator is told the cache still holds the replaced site.
        with (
            override_settings(CACHES=UNREACHABLE_REDIS),
            self.assertRaisesMessage(CommandError, "กู้คืนแล้ว แต่ล้างแคชไม่ได้"),
        ):
            call_command("restore", str(archive), "--replace", stdout=io.StringIO())
        self.assertEqual(site_state(), before)


def rewritten(archive, target, change):
    """A copy of ``archive`` with ``change(name, data) -> data or None`` applied to each file."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as copy:
        for member in source:
            data = source.extractfile(member).read()
            data = change(member.name, data)
            if data is not None:
                member.size = len(data)
                copy.addfile(member, io.BytesIO(data))
    return target


class RefusalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.work = Path(tempfile.mkdtemp(prefix="portal-test-backup-"))
        cls.archive = cls.work / "site.tar"
        call_command("backup", str(cls.archive), stdout=io.StringIO())

    def refused(self, archive, *options):
        pages = Page.objects.count()
        with self.assertRaises(CommandError) as raised:
            call_command("restore", str(archive), *options, stdout=io.StringIO())
        self.assertEqual(Page.objects.count(), pages)
        return str(raised.exception)

    def test_an_altered_file_fails_its_checksum_and_nothing_is_restored(self):
        def alter(name, data):
            return data[:-1] + bytes([data[-1] ^ 1]) if name.startswith("database.") else data

        message = self.refused(
            rewritten(self.archive, self.work / "altered.tar", alter), "--replace"
        )
        self.assertIn("ไม่ตรงกับค่าตรวจสอบ SHA-256", message)
        self.assertIn("ไม่ได้กู้คืนสิ่งใด", message)

    def test_a_truncated_or_foreign_file_is_refused(self):
        truncated = self.work / "truncated.tar"
        truncated.write_bytes(self.archive.read_bytes()[:5000])
        self.assertIn("ไฟล์สำรองเสียหาย", self.refused(truncated, "--replace"))
        foreign = self.work / "notes.tar"
        foreign.write_text("ไม่ใช่ไฟล์สำรอง")
        self.assertIn("ไฟล์สำรองเสียหาย", self.refused(foreign, "--replace"))
        self.assertIn("ไม่พบไฟล์สำรอง", self.refused(self.work / "missing.tar"))

    def test_a_missing_file_or_another_database_system_is_refused(self):
        def drop_database(name, data):
            return None if name.startswith("database.") else data

        message = self.refused(
            rewritten(self.archive, self.work / "partial.tar", drop_database), "--replace"
        )
        self.assertIn("ไฟล์สำรองไม่ครบ", message)

        def other_vendor(name, data):
            if name != "manifest.json":
                return data
            manifest = json.loads(data)
            manifest["database"]["vendor"] = (
                "sqlite" if connection.vendor == "postgresql" else "postgresql"
            )
            return json.dumps(manifest).encode()

        message = self.refused(
            rewritten(self.archive, self.work / "other.tar", other_vendor), "--replace"
        )
        self.assertIn("กู้คืนข้ามชนิดฐานข้อมูลไม่ได้", message)

    def test_a_database_that_cannot_be_restored_leaves_the_folders_as_they_were(self):
        garbage = b"not a database " * 100

        def garbage_database(name, data):
            if name.startswith("database."):
                return garbage
            if name == "manifest.json":  # checksums that match, so only the restore can fail
                manifest = json.loads(data)
                manifest["files"][manifest["database"]["file"]] = {
                    "sha256": hashlib.sha256(garbage).hexdigest(),
                    "size": len(garbage),
                }
                return json.dumps(manifest).encode()
            return data

        media = Path(settings.MEDIA_ROOT)
        marker = media / "marker.txt"
        marker.write_text("ก่อนกู้คืน")
        archive = rewritten(self.archive, self.work / "garbage.tar", garbage_database)
        self.assertIn("ไม่ถูกเปลี่ยนแปลง", self.refused(archive, "--replace"))
        self.assertEqual(marker.read_text(), "ก่อนกู้คืน")
        self.assertEqual(list(media.parent.glob(f"{media.name}.before-restore-*")), [])
        self.assertEqual(list(media.parent.glob(f".{media.name}.restoring-*")), [])

    def test_an_archive_of_a_newer_version_is_refused(self):
        def newer(name, data):
            if name != "manifest.json":
                return data
            manifest = json.loads(data)
            manifest["migrations"]["cases"].append("9999_from_the_future")
            return json.dumps(manifest).encode()

        message = self.refused(rewritten(self.archive, self.work / "newer.tar", newer), "--replace")
        self.assertIn("รุ่นที่ใหม่กว่าที่ติดตั้งอยู่", message)
        self.assertIn("cases.9999_from_the_future", message)

    def test_a_site_in_place_is_kept_without_replace(self):
        self.assertIn("--replace", self.refused(self.archive))

    def test_backup_arguments_are_checked_in_thai(self):
        with self.assertRaisesMessage(CommandError, "ไม่เขียนทับไฟล์สำรองเดิม"):
            call_command("backup", str(self.archive), stdout=io.StringIO())
        with self.assertRaisesMessage(CommandError, "ไม่พบโฟลเดอร์"):
            call_command("backup", str(self.work / "no" / "x.tar"), stdout=io.StringIO())
