"""Storage full or read-only while a citizen files a complaint with attachments: the case is
saved with what they typed, without the files that could not be stored, and they are told in
Thai; no partial or orphan file stays behind, and the daily retention job sweeps any left by
a crash. The faults are real: a file-size limit on the process (a full disk: EFBIG) and a
storage folder replaced by a plain file (writes fail as on a read-only mount, even as root)."""

import contextlib
import datetime
import io
import os
import resource
import shutil
import signal
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import TestCase
from django.utils import timezone

from cases import handling
from cases.models import CaseAttachment, CaseEvent, Complaint
from tests.test_cases import build_tree, category, complaint_data, jpeg

ROOT = Path(settings.CASES_FILES_ROOT)


def pdf(size, name="plan.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * size, content_type="application/pdf")


@contextlib.contextmanager
def disk_full_past(limit):
    """Writing a file past ``limit`` bytes fails with EFBIG, as on a full disk."""
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


@contextlib.contextmanager
def storage_unwritable():
    """The attachments folder is a plain file: nothing can be written below it."""
    aside = ROOT.with_name(ROOT.name + "-aside")
    ROOT.rename(aside)
    ROOT.write_text("not a folder")
    try:
        yield
    finally:
        ROOT.unlink()
        aside.rename(ROOT)


def stored_files():
    return {path.relative_to(ROOT).as_posix() for path in ROOT.rglob("*") if path.is_file()}


class StorageFaultTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, _questions, _statistics = build_tree()

    def setUp(self):
        shutil.rmtree(ROOT, ignore_errors=True)
        ROOT.mkdir()

    def file(self, files):
        return self.client.post(self.page.url, complaint_data(attachments=files), follow=True)

    def assert_told_and_kept(self, response):
        case = Complaint.objects.get()
        self.assertContains(response, f"เรื่องเลขที่ {case.number}")
        self.assertContains(response, "ได้รับเรื่องของท่านแล้ว")
        self.assertContains(response, "ไฟล์แนบของท่านบันทึกไม่สำเร็จ")
        self.assertEqual(case.description, complaint_data()["description"])
        note = CaseEvent.objects.get(complaint=case, status="")
        self.assertIn("บันทึกไม่สำเร็จ", note.note)
        return case

    def test_a_full_disk_keeps_the_case_and_the_files_that_fit_and_leaves_no_partial_file(self):
        with disk_full_past(1024 * 1024):
            response = self.file([jpeg(), pdf(2 * 1024 * 1024)])
        case = self.assert_told_and_kept(response)
        stored = case.attachments.get()
        self.assertEqual(stored.content_type, "image/jpeg")
        self.assertEqual(stored_files(), {stored.file.name})  # no half-written PDF

    def test_read_only_storage_keeps_the_case_without_its_attachment(self):
        with storage_unwritable():
            response = self.file([jpeg()])
        self.assert_told_and_kept(response)
        self.assertFalse(CaseAttachment.objects.exists())
        self.assertEqual(stored_files(), set())

    def test_a_complaint_without_trouble_says_nothing_about_files(self):
        response = self.file([jpeg()])
        self.assertNotContains(response, "บันทึกไม่สำเร็จ")
        self.assertEqual(stored_files(), {Complaint.objects.get().attachments.get().file.name})

    def test_a_case_rolled_back_after_its_files_were_written_leaves_no_file(self):
        with connection.cursor() as cursor:  # the database refuses the case's e-mail row
            if connection.vendor == "postgresql":
                cursor.execute(
                    "CREATE FUNCTION refuse_mail() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"
                )
                cursor.execute(
                    "CREATE TRIGGER refuse BEFORE INSERT ON outbox_outgoingmail "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_mail()"
                )
            else:
                cursor.execute(
                    "CREATE TRIGGER refuse BEFORE INSERT ON outbox_outgoingmail "
                    "BEGIN SELECT RAISE(ABORT, 'refused'); END"
                )
        data = {
            "category": category("roads"),
            "description": "ท่อระบายน้ำอุดตัน",
            "contact_email": "somchai@example.org",
            "attachments": [(jpeg(), "a" * 32 + ".jpg", "image/jpeg")],
        }
        with (
            self.settings(EMAIL_BACKEND="outbox.backends.OutboxBackend"),
            self.assertRaises(DatabaseError),
        ):
            handling.file_complaint(self.page, data, lambda case, secret: "/status/")
        self.assertFalse(Complaint.objects.exists())
        self.assertEqual(stored_files(), set())

    def test_the_retention_job_sweeps_old_orphan_files_only(self):
        self.file([jpeg()])
        kept = Complaint.objects.get().attachments.get().file.name
        old, fresh = ROOT / "cases" / "old-orphan.jpg", ROOT / "cases" / "fresh-upload.jpg"
        for path in (old, fresh):
            path.write_bytes(b"\xff\xd8\xff")
        two_hours_ago = time.time() - 2 * 3600
        os.utime(old, (two_hours_ago, two_hours_ago))
        output = io.StringIO()
        call_command("anonymise_cases", stdout=output)
        self.assertEqual(stored_files(), {kept, "cases/fresh-upload.jpg"})
        self.assertIn("removed 1 orphan files", output.getvalue())
        later = timezone.now() + datetime.timedelta(hours=2)
        self.assertEqual(handling.sweep_orphan_files(later), 1)
        self.assertEqual(stored_files(), {kept})
