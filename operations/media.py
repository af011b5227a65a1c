"""Moving the site's files between the local disk and the object store (``manage.py
move_media``, docs/operations.md "Object storage"): both storages, ``default`` (documents,
images, renditions) and ``private`` (complaint attachments), each file under the same name.

A file already at the destination with the same size and SHA-256 is skipped, so a move that
was interrupted is run again. Each copy is read back and checked before it counts, and only a
checked copy lets ``delete_source`` remove the original."""

from dataclasses import dataclass

from django.conf import settings

from operations.archive import sha256_of_stream
from portal.storage import media_storages, walk

KINDS = {"disk": "ดิสก์ของเครื่อง (the local disk)", "s3": "ที่เก็บอ็อบเจกต์ S3 (the S3 buckets)"}
ALIASES = {
    "default": "ไฟล์สื่อ (media)",
    "private": "ไฟล์แนบเรื่องร้องเรียน (complaint attachments)",
}


class MoveProblem(Exception):
    """A move refused or stopped; the message (Thai, then English) says why and what is left."""


@dataclass
class Tally:
    alias: str
    files: int = 0
    copied: int = 0
    skipped: int = 0
    removed: int = 0
    bytes_copied: int = 0

    def line(self):
        return (
            f"{ALIASES[self.alias]}: {self.files:,} ไฟล์ (files), คัดลอก (copied) {self.copied:,} "
            f"= {self.bytes_copied / 1024 / 1024:,.1f} MB, มีอยู่แล้ว (already there) "
            f"{self.skipped:,}, ลบต้นทาง (sources deleted) {self.removed:,}"
        )


def checksum(storage, name):
    with storage.open(name, "rb") as stream:
        return sha256_of_stream(stream)


def same_file(source, target, name):
    return (
        target.exists(name)
        and target.size(name) == source.size(name)
        and checksum(target, name) == checksum(source, name)
    )


def copy(source, target, name):
    """Copy ``name`` under the same name (an older, different copy is replaced) and check it."""
    if target.exists(name):
        target.delete(name)
    with source.open(name, "rb") as stream:
        stored = target.save(name, stream)
    if stored != name or checksum(target, name) != checksum(source, name):
        raise MoveProblem(
            f"สำเนาของ {name} ไม่ตรงกับต้นฉบับ หยุดย้ายไฟล์ ไฟล์ต้นทางยังอยู่ครบ "
            f"(the copy of {name} does not match the original; stopped, the sources are intact)"
        )


def check(to, delete_source):
    if to not in KINDS:
        raise MoveProblem(
            f"ระบุปลายทางด้วย --to s3 (ย้ายจากดิสก์ไปที่เก็บ S3) หรือ --to disk (ย้ายกลับ) ไม่ใช่ {to!r} "
            f"(say --to s3 or --to disk)"
        )
    buckets = [
        config.get("OPTIONS", {}).get("bucket_name")
        for config in settings.MEDIA_STORAGES["s3"].values()
    ]
    if not all(buckets):
        raise MoveProblem(
            "ยังไม่ได้ตั้งค่าที่เก็บ S3: กำหนด S3_ENDPOINT_URL, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, "
            "S3_PUBLIC_BUCKET และ S3_PRIVATE_BUCKET ก่อน ไม่ได้ย้ายไฟล์ใด "
            "(object storage is not configured: set the S3_* variables; nothing moved)"
        )
    source = "disk" if to == "s3" else "s3"
    if delete_source and source == settings.MEDIA_STORAGE:
        raise MoveProblem(
            f"เว็บไซต์ยังใช้ไฟล์จาก{KINDS[source]} (MEDIA_STORAGE={source}) จึงลบต้นทางไม่ได้: "
            f"ตั้ง MEDIA_STORAGE={to} แล้วเริ่มเว็บใหม่ก่อน จึงสั่งซ้ำพร้อม --delete-source "
            f"ไม่ได้ย้ายไฟล์ใด (the site still uses the source; switch MEDIA_STORAGE first; "
            f"nothing moved)"
        )
    return source


def move(to, delete_source=False, progress=None):
    """Copy every file of both storages to ``to`` (``disk`` or ``s3``); the ``Tally`` of each.
    ``progress(tally)`` is called after each file."""
    source_kind = check(to, delete_source)
    sources, targets = media_storages(source_kind), media_storages(to)
    tallies = []
    for alias in ALIASES:
        source, target = sources[alias], targets[alias]
        tally = Tally(alias)
        tallies.append(tally)
        try:
            for name in walk(source):
                tally.files += 1
                if same_file(source, target, name):
                    tally.skipped += 1
                else:
                    copy(source, target, name)
                    tally.copied += 1
                    tally.bytes_copied += source.size(name)
                if delete_source:
                    source.delete(name)
                    tally.removed += 1
                if progress:
                    progress(tally)
        except OSError as error:
            raise MoveProblem(
                f"อ่านหรือเขียนไฟล์ไม่สำเร็จ ({error}) หยุดย้ายไฟล์ที่{ALIASES[alias]} "
                f"ไฟล์ที่คัดลอกแล้วยังอยู่ สั่งซ้ำได้เมื่อแก้ไขแล้ว (I/O error; stopped, run again "
                f"once fixed: what was copied is kept and skipped)"
            ) from error
    return tallies
