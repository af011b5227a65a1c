"""One archive holds the whole portal: the database (PostgreSQL's custom-format dump, or a copy
of the SQLite file through SQLite's backup API), the media (MEDIA_ROOT: images, renditions,
documents) and the private complaint attachments (CASES_FILES_ROOT), with a manifest of
versions, applied migrations, row counts and the SHA-256 of every file.

A restore checks everything before it changes anything: the archive is read whole, every file
is unpacked beside its destination and checked against its checksum, and only then is the
database replaced in one transaction and the folders swapped in by renaming. The folders it
replaces are kept beside the new ones (``…before-restore-<time>``), never deleted.

``dumpdata``/``loaddata`` are not used: loading them into a fresh database fails
(``GroupCollectionPermission has no collection``), and they leave out sequences and the search
index tables.
"""

import hashlib
import io
import itertools
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
CHUNK = 1024 * 1024
# What the summary line names, by table.
SUMMARY = {
    "wagtailcore_page": "หน้า (pages)",
    "wagtailcore_revision": "ฉบับแก้ไข (revisions)",
    "wagtailcore_workflowstate": "สถานะอนุมัติ (workflow states)",
    "wagtailcore_pagelogentry": "บันทึกการใช้งาน (audit log entries)",
    "wagtaildocs_document": "เอกสาร (documents)",
    "wagtailimages_image": "รูปภาพ (images)",
    "cases_complaint": "เรื่องร้องเรียน (complaints)",
    "cases_caseattachment": "ไฟล์แนบเรื่องร้องเรียน (complaint attachments)",
}


class ArchiveProblem(Exception):
    """A backup or restore refused or failed; the message (Thai, then English) says why and
    what was left unchanged."""


@dataclass
class Summary:
    path: Path
    manifest: dict

    def counts(self):
        counts = self.manifest["counts"]
        return ", ".join(f"{label} {counts.get(table, 0):,}" for table, label in SUMMARY.items())

    def files(self):
        return sum(1 for name in self.manifest["files"] if "/" in name)


def folders():
    """``{name in the archive: folder}`` of the files the portal keeps outside the database;
    none when they are in the object store (``MEDIA_STORAGE=s3``: its buckets keep them)."""
    if settings.MEDIA_STORAGE != "disk":
        return {}
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private-media": Path(settings.CASES_FILES_ROOT),
    }


def sha256_of(path):
    with open(path, "rb") as stream:
        return sha256_of_stream(stream)


def sha256_of_stream(stream):
    digest = hashlib.sha256()
    while block := stream.read(CHUNK):
        digest.update(block)
    return digest.hexdigest()


def model_tables():
    """The tables of every model the project runs on (counted in the manifest)."""
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )


def count_rows(cursor, quote, existing):
    counts = {}
    for table in model_tables():
        if table in existing:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def applied_migrations(cursor):
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    applied = {}
    for app, name in cursor.fetchall():
        applied.setdefault(app, []).append(name)
    return applied


def database_vendor():
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor not in DATABASE_FILES:
        raise ArchiveProblem(
            f"สำรองและกู้คืนได้เฉพาะ PostgreSQL และ SQLite ฐานข้อมูลนี้เป็น {connection.vendor} "
            f"(only PostgreSQL and SQLite are supported)"
        )
    return connection.vendor


# PostgreSQL ----------------------------------------------------------------------------------


def pg_environment(settings_dict):
    """The libpq environment of the portal's database (no password on a command line)."""
    env = dict(os.environ)
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": settings_dict.get("OPTIONS", {}).get("sslmode"),
    }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def run_tool(arguments, env, failed):
    """Run a PostgreSQL client program; when it fails, ``failed`` and the program's own last
    lines of error."""
    if shutil.which(arguments[0]) is None:
        raise ArchiveProblem(
            f"ไม่พบโปรแกรม {arguments[0]} กรุณาติดตั้งเครื่องมือของ PostgreSQL (postgresql-client) "
            f"ที่มีรุ่นไม่ต่ำกว่าเซิร์ฟเวอร์ ({arguments[0]} not found: install postgresql-client)"
        )
    result = subprocess.run(arguments, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()[-5:]
        raise ArchiveProblem(f"{failed}: " + " / ".join(detail))
    return result.stdout


def dump_postgresql(target):
    """Dump with pg_dump inside an exported snapshot, so that the counts and migrations in the
    manifest describe exactly the rows in the dump, even while the site is in use."""
    snapshot = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with snapshot.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), version()")
            snapshot_id, version = cursor.fetchone()
            env = pg_environment(snapshot.settings_dict)
            tool = run_tool(
                ["pg_dump", "--version"], env, "เรียก pg_dump ไม่ได้ (pg_dump cannot run)"
            ).strip()
            run_tool(
                ["pg_dump", "--format=custom", f"--snapshot={snapshot_id}", f"--file={target}"],
                env,
                "สำรองฐานข้อมูลด้วย pg_dump ไม่สำเร็จ ไม่ได้เขียนไฟล์สำรอง "
                "(pg_dump failed, no backup written)",
            )
            existing = set(snapshot.introspection.table_names(cursor))
            counts = count_rows(cursor, snapshot.ops.quote_name, existing)
            migrations = applied_migrations(cursor)
            cursor.execute("COMMIT")
    finally:
        snapshot.close()
    return {"server": version.split(",")[0], "tool": tool}, counts, migrations


def restore_postgresql(source, replace):
    connection = connections[DEFAULT_DB_ALIAS]
    env = pg_environment(connection.settings_dict)
    arguments = [
        "pg_restore",
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        f"--dbname={connection.settings_dict['NAME']}",
    ]
    if replace:
        arguments += ["--clean", "--if-exists"]
    run_tool(
        [*arguments, str(source)],
        env,
        "กู้คืนฐานข้อมูลด้วย pg_restore ไม่สำเร็จ ฐานข้อมูลและโฟลเดอร์ไม่ถูกเปลี่ยนแปลง "
        "(pg_restore failed; the database and folders are unchanged)",
    )
    # A restored database has no planner statistics: without them search takes seconds.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# SQLite --------------------------------------------------------------------------------------


def dump_sqlite(target):
    """Copy the live database with SQLite's backup API (consistent even while it is written);
    the counts and migrations are read from the copy itself."""
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        existing = {row[0] for row in cursor.fetchall()}
        counts = count_rows(cursor, connection.ops.quote_name, existing)
        migrations = applied_migrations(cursor)
    finally:
        copy.close()
    versions = {"server": f"SQLite {sqlite3.sqlite_version}", "tool": "sqlite3 backup API"}
    return versions, counts, migrations


def restore_sqlite(source, replace):
    """Copy the archived database over the live one in one step of the backup API: the
    destination changes all at once or not at all."""
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    archived = sqlite3.connect(source)
    try:
        archived.backup(connection.connection)
    except sqlite3.Error as error:
        raise ArchiveProblem(
            f"กู้คืนฐานข้อมูล SQLite ไม่สำเร็จ ฐานข้อมูลและโฟลเดอร์ไม่ถูกเปลี่ยนแปลง "
            f"(SQLite restore failed; the database and folders are unchanged): {error}"
        ) from error
    finally:
        archived.close()


DUMP = {"postgresql": dump_postgresql, "sqlite": dump_sqlite}
RESTORE = {"postgresql": restore_postgresql, "sqlite": restore_sqlite}


# Backup --------------------------------------------------------------------------------------


def default_name():
    return f"portal-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar"


def backup(destination):
    """Write the archive to ``destination`` (a file, or a folder to name it in); returns a
    ``Summary``. A failed backup leaves no file behind."""
    destination = Path(destination)
    if destination.is_dir():
        destination = destination / default_name()
    if not destination.parent.is_dir():
        raise ArchiveProblem(f"ไม่พบโฟลเดอร์ {destination.parent} กรุณาสร้างก่อน (folder not found)")
    if destination.exists():
        raise ArchiveProblem(
            f"มีไฟล์ {destination} อยู่แล้ว ระบบไม่เขียนทับไฟล์สำรองเดิม กรุณาระบุชื่อใหม่ "
            f"(file exists; a backup is never overwritten)"
        )
    vendor = database_vendor()
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        with tempfile.TemporaryDirectory(dir=destination.parent) as work:
            database_file = Path(work) / DATABASE_FILES[vendor]
            versions, counts, migrations = DUMP[vendor](database_file)
            files = {database_file.name: file_entry(database_file)}
            with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
                archive.add(database_file, arcname=database_file.name)
                for name, folder in folders().items():
                    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                        if path.is_file() and not path.is_symlink():
                            arcname = f"{name}/{path.relative_to(folder).as_posix()}"
                            files[arcname] = file_entry(path)
                            archive.add(path, arcname=arcname, recursive=False)
                manifest = {
                    "format": FORMAT,
                    "created": timezone.now().isoformat(),
                    "media_storage": settings.MEDIA_STORAGE,
                    "site": settings.WAGTAIL_SITE_NAME,
                    "database": {"vendor": vendor, "file": database_file.name, **versions},
                    "versions": {
                        "python": platform.python_version(),
                        "django": django.get_version(),
                        "wagtail": wagtail.__version__,
                    },
                    "migrations": migrations,
                    "counts": counts,
                    "files": files,
                }
                add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            with open(partial, "rb") as stream:
                os.fsync(stream.fileno())
            partial.rename(destination)
    except OSError as error:
        raise ArchiveProblem(f"เขียนไฟล์สำรองไม่สำเร็จ (writing the backup failed): {error}") from error
    finally:
        partial.unlink(missing_ok=True)
    return Summary(destination, manifest)


def file_entry(path):
    return {"sha256": sha256_of(path), "size": path.stat().st_size}


def add_bytes(archive, name, text):
    data = text.encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    archive.addfile(info, fileobj=io.BytesIO(data))


# Restore -------------------------------------------------------------------------------------

DAMAGED = "ไฟล์สำรองเสียหายหรือไม่ใช่ไฟล์สำรองของเว็บไซต์นี้ ไม่ได้กู้คืนสิ่งใด"


def read_manifest(archive):
    try:
        member = archive.getmember(MANIFEST)
        manifest = json.loads(archive.extractfile(member).read().decode())
        complete = isinstance(manifest, dict) and {"files", "counts", "database"} <= set(manifest)
    except (KeyError, AttributeError, ValueError, tarfile.TarError, OSError):
        complete = False
    if not complete:
        raise ArchiveProblem(
            f"{DAMAGED}: ไม่พบรายการไฟล์ (manifest) ที่อ่านได้ "
            f"(damaged or not a portal backup: no readable manifest)"
        )
    if manifest.get("format") != FORMAT:
        raise ArchiveProblem(
            f"ไฟล์สำรองรูปแบบ {manifest.get('format')!r} ไม่รองรับ ไม่ได้กู้คืนสิ่งใด "
            f"(unsupported backup format)"
        )
    return manifest


def check_compatible(manifest, vendor):
    archived = manifest["database"].get("vendor")
    if archived != vendor:
        raise ArchiveProblem(
            f"ไฟล์สำรองนี้เป็นฐานข้อมูล {VENDOR_NAMES.get(archived, archived)} แต่เว็บไซต์นี้ใช้ "
            f"{VENDOR_NAMES[vendor]} กู้คืนข้ามชนิดฐานข้อมูลไม่ได้ ไม่ได้กู้คืนสิ่งใด "
            f"(the backup is of another database system)"
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{name}"
        for app, names in manifest.get("migrations", {}).items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise ArchiveProblem(
            "ไฟล์สำรองมาจากโปรแกรมรุ่นที่ใหม่กว่าที่ติดตั้งอยู่ (มี migration ที่โปรแกรมนี้ไม่รู้จัก: "
            f"{', '.join(unknown[:5])}) กรุณาติดตั้งรุ่นเดียวกับตอนสำรองก่อน ไม่ได้กู้คืนสิ่งใด "
            f"(the backup was made by a newer version of the portal)"
        )


def check_media_storage(manifest):
    if settings.MEDIA_STORAGE != "disk" and any("/" in name for name in manifest["files"]):
        raise ArchiveProblem(
            "ไฟล์สำรองนี้มีไฟล์สื่อและไฟล์แนบ แต่เว็บไซต์นี้เก็บไฟล์ในที่เก็บ S3 (MEDIA_STORAGE=s3): "
            "กู้คืนด้วย MEDIA_STORAGE=disk แล้วสั่ง manage.py move_media --to s3 ไม่ได้กู้คืนสิ่งใด "
            "(the archive holds files but the site keeps them in S3: restore with "
            "MEDIA_STORAGE=disk, then move_media --to s3; nothing restored)"
        )


def site_in_place():
    """What a restore would replace: a database with migrations applied, non-empty folders."""
    connection = connections[DEFAULT_DB_ALIAS]
    found = []
    with connection.cursor() as cursor:
        if "django_migrations" in connection.introspection.table_names(cursor):
            cursor.execute("SELECT COUNT(*) FROM django_migrations")
            if cursor.fetchone()[0]:
                found.append("ฐานข้อมูล (the database)")
    for folder in folders().values():
        if folder.is_dir() and any(folder.iterdir()):
            found.append(str(folder))
    return found


def safe_parts(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ArchiveProblem(f"{DAMAGED}: ชื่อไฟล์ไม่ปลอดภัย {name!r} (unsafe file name)")
    return path.parts


def unpack(archive, manifest, staging, database_dir):
    """Unpack every file to its staging place, checking each against the manifest."""
    expected = manifest["files"]
    seen = set()
    for member in archive:
        if member.name == MANIFEST or member.isdir():
            continue
        parts = safe_parts(member.name)
        entry = expected.get(member.name)
        if not member.isfile() or entry is None:
            raise ArchiveProblem(
                f"{DAMAGED}: มีไฟล์ {member.name} ที่ไม่อยู่ในรายการ (unexpected file in the archive)"
            )
        if len(parts) == 1:
            target = database_dir / parts[0]
        elif parts[0] in staging:
            target = staging[parts[0]].joinpath(*parts[1:])
        else:
            raise ArchiveProblem(f"{DAMAGED}: ไม่รู้จักโฟลเดอร์ {parts[0]} (unknown folder)")
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with archive.extractfile(member) as source, open(target, "wb") as out:
            while block := source.read(CHUNK):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != entry["sha256"]:
            raise ArchiveProblem(
                f"ไฟล์ {member.name} ในไฟล์สำรองไม่ตรงกับค่าตรวจสอบ SHA-256 ไฟล์สำรองเสียหาย "
                f"ไม่ได้กู้คืนสิ่งใด (checksum mismatch: the archive is damaged, nothing restored)"
            )
        seen.add(member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise ArchiveProblem(
            f"ไฟล์สำรองไม่ครบ ขาด {len(missing)} ไฟล์ เช่น {missing[0]} ไม่ได้กู้คืนสิ่งใด "
            f"(files missing from the archive, nothing restored)"
        )


def restore(source, replace=False):
    """Restore the archive at ``source``; returns ``(Summary, folders kept aside)``. Refuses,
    changing nothing, an archive that is damaged, of another database system or of a newer
    version, and (unless ``replace``) a site already in place."""
    source = Path(source)
    if not source.is_file():
        raise ArchiveProblem(f"ไม่พบไฟล์สำรอง {source} (backup file not found)")
    vendor = database_vendor()
    staging, swapped = {}, []
    try:
        with tarfile.open(source, "r:") as archive:
            manifest = read_manifest(archive)
            check_compatible(manifest, vendor)
            check_media_storage(manifest)
            in_place = site_in_place()
            if in_place and not replace:
                raise ArchiveProblem(
                    f"มีข้อมูลอยู่แล้วใน {', '.join(in_place)} การกู้คืนจะแทนที่ทั้งหมด "
                    "หากต้องการแทนที่จริง ให้สั่งใหม่พร้อม --replace ไม่ได้กู้คืนสิ่งใด "
                    "(a site is already in place: add --replace to replace it; nothing restored)"
                )
            for name, folder in folders().items():
                folder.parent.mkdir(parents=True, exist_ok=True)
                staging[name] = Path(
                    tempfile.mkdtemp(prefix=f".{folder.name}.restoring-", dir=folder.parent)
                )
            with tempfile.TemporaryDirectory() as database_dir:
                unpack(archive, manifest, staging, Path(database_dir))
                # The folders first (renames, undone if the database cannot be restored), then
                # the database in one transaction.
                for name, folder in folders().items():
                    swapped.append((folder, swap_in(staging.pop(name), folder)))
                RESTORE[vendor](Path(database_dir) / manifest["database"]["file"], replace)
    except BaseException as error:
        for folder, aside in reversed(swapped):
            shutil.rmtree(folder, ignore_errors=True)
            if aside is not None:
                aside.rename(folder)
        if isinstance(error, tarfile.TarError | EOFError):
            raise ArchiveProblem(f"{DAMAGED} (damaged archive: {error})") from error
        if isinstance(error, OSError):
            raise ArchiveProblem(
                f"อ่านหรือเขียนไฟล์ไม่สำเร็จ ไม่ได้กู้คืนสิ่งใด (I/O error, nothing restored): {error}"
            ) from error
        raise
    finally:
        for folder in staging.values():
            shutil.rmtree(folder, ignore_errors=True)
    check_counts(manifest)
    # Cached pages, menus and settings describe the site that was replaced.
    try:
        cache.clear()
    except Exception as error:  # whatever the cache backend raises; the restore is done
        raise ArchiveProblem(
            f"กู้คืนแล้ว แต่ล้างแคชไม่ได้ ({error}) กรุณาเริ่ม Redis แล้วล้างแคชก่อนเปิดเว็บ "
            "(restored, but the cache could not be cleared: clear it before starting the web)"
        ) from error
    return Summary(source, manifest), [aside for _folder, aside in swapped if aside]


def swap_in(new, folder):
    """Put the folder ``new`` in the place of ``folder``; returns where the old one was kept
    (``…before-restore-<time>``), or None when there was none or it was empty."""
    aside = None
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
    elif folder.exists():
        stamp = f"{timezone.localtime():%Y%m%d-%H%M%S}"
        aside = folder.with_name(f"{folder.name}.before-restore-{stamp}")
        for n in itertools.count(2):
            if not aside.exists():
                break
            aside = folder.with_name(f"{folder.name}.before-restore-{stamp}-{n}")
        folder.rename(aside)
    new.rename(folder)
    return aside


def check_counts(manifest):
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        counts = count_rows(cursor, connection.ops.quote_name, existing)
    differ = sorted(
        table for table, count in manifest["counts"].items() if counts.get(table) != count
    )
    if differ:
        raise ArchiveProblem(
            f"กู้คืนแล้ว แต่จำนวนแถวไม่ตรงกับไฟล์สำรองในตาราง {', '.join(differ[:5])} "
            f"กรุณาตรวจสอบ (restored, but row counts differ from the manifest)"
        )
