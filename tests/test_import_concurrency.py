"""An import while an editor adds pages to the same sections (issue 17: the import died with a
``DeadlockDetected`` traceback). A batch that meets another writer's transaction is rolled
back and written again; the import ends with its Thai report, and nothing is lost or doubled.

The editor is a second connection in a thread, holding one section while the import waits for
it and then asking for the section the import holds: on PostgreSQL a real deadlock, which
PostgreSQL breaks by failing the import's transaction (it waits longer before checking); on
SQLite the import finds the database locked while the editor's transaction is open.
"""

import csv
import datetime
import io
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django.test import TransactionTestCase

from home.models import HomePage
from imports.models import ImportedNotice
from news.models import AnnouncementPage
from procurement.models import ProcurementNoticePage
from tests.factories import unit
from tests.test_announcements import announcements_index
from tests.test_schools import add_school, school_index

HEADER = ["source_id", "kind", "title", "body", "published", "department", "school", "budget"]


def wait_until_another_waits_for_a_lock():
    """Until another connection to this database waits for a lock (PostgreSQL), or a moment
    during which the import meets the editor's open transaction (SQLite)."""
    if connection.vendor != "postgresql":
        time.sleep(0.5)
        return
    deadline = time.monotonic() + 30
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_locks JOIN pg_stat_activity USING (pid) "
                "WHERE NOT granted AND datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)


class ImportWithAnEditorTests(TransactionTestCase):
    serialized_rollback = True  # the home page made by a migration is kept for the next tests

    def setUp(self):
        home = HomePage.objects.get(locale__language_code="th")
        self.index = announcements_index(home)
        self.school = add_school(school_index(home), 1, "ท.๑", "โรงเรียนเทศบาลวัดไทรใต้")
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.csv = Path(folder.name) / "notices.csv"
        with open(self.csv, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for n in range(1, 4):
                writer.writerow(
                    [f"c-{n}", "council", f"ประกาศสภา {n}", "", "2567-03-15", "", "", ""]
                )
                writer.writerow(
                    [
                        f"s-{n}",
                        "procurement",
                        f"จัดซื้อโรงเรียน {n}",
                        "",
                        "2567-03-15",
                        "",
                        "ท.๑",
                        "1000",
                    ]
                )

    def editor(self, ready, errors):
        """Adds a notice under the school and, in the same transaction, one under the index."""
        try:
            for _attempt in range(200):
                try:
                    with transaction.atomic():
                        if connection.vendor == "postgresql":
                            with connection.cursor() as cursor:
                                cursor.execute("SET LOCAL deadlock_timeout = '10s'")
                        school = type(self.school).objects.get(pk=self.school.pk)
                        school.add_child(instance=self.notice(ProcurementNoticePage, "editor-s"))
                        ready.set()
                        wait_until_another_waits_for_a_lock()
                        index = type(self.index).objects.get(pk=self.index.pk)
                        index.add_child(instance=self.notice(AnnouncementPage, "editor-c"))
                    return
                except OperationalError:  # SQLite: the import holds the database; try again
                    time.sleep(0.05)
            errors.append("the editor never saved")
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            ready.set()
            connection.close()

    def notice(self, model, slug):
        fields = {"kind": "council"}
        if model is ProcurementNoticePage:
            fields = {"kind": "procurement", "budget": Decimal("1000")}
        return model(
            title=f"หน้าของบรรณาธิการ {slug}",
            slug=slug,
            date=datetime.date(2024, 3, 15),
            responsible_unit=unit("education"),
            **fields,
        )

    def test_the_import_is_retried_and_nothing_is_lost_or_doubled(self):
        ready, errors = threading.Event(), []
        editor = threading.Thread(target=self.editor, args=(ready, errors))
        editor.start()
        ready.wait(30)
        out = io.StringIO()
        call_command("import_notices", str(self.csv), "--publish", stdout=out)
        editor.join(60)
        output = out.getvalue()
        self.assertEqual(errors, [])
        self.assertIn("สร้างใหม่ 6", output)
        self.assertIn("ไม่รับ 0", output)
        self.assertIn("มีผู้แก้ไขหน้าในส่วนเดียวกันพร้อมกัน: บันทึกชุดแถวซ้ำ", output)
        titles = sorted(AnnouncementPage.objects.values_list("title", flat=True))
        expected = [f"ประกาศสภา {n}" for n in range(1, 4)] + [
            f"จัดซื้อโรงเรียน {n}" for n in range(1, 4)
        ]
        expected += ["หน้าของบรรณาธิการ editor-c", "หน้าของบรรณาธิการ editor-s"]
        self.assertEqual(titles, sorted(expected))
        self.assertEqual(ImportedNotice.objects.count(), 6)
        for parent in (self.index, self.school):
            parent.refresh_from_db()
            self.assertEqual(parent.numchild, 4)
            self.assertEqual(parent.get_children().count(), 4)
        self.assertEqual(
            sorted(page.slug for page in self.school.get_children()),
            ["editor-s"] + [f"จัดซื้อโรงเรียน-{n}" for n in range(1, 4)],
        )
        self.assertTrue(
            all(page.live for page in self.index.get_children().exclude(slug="editor-c"))
        )
