"""The departments' evidence of the ITA (``transparency.sources``, registered in
``wagtail_hooks.py``): the executives directory and the internal phone numbers."""

from departments.models import DirectoryPerson, PersonDirectoryPage, PhoneDirectoryPage
from transparency.sources import Source, Status, live_of, live_pages


def executives_pages(year=None, period=None):
    return live_pages(PersonDirectoryPage).filter(kind=PersonDirectoryPage.Kind.EXECUTIVES)


def check_executives(year, period, entries, today):
    """Every executive needs a photo and a direct contact (phone or e-mail)."""
    people = list(DirectoryPerson.objects.filter(page__in=executives_pages().values("pk")))
    if not people:
        return Status.RED, "ไม่มีทำเนียบคณะผู้บริหารที่เผยแพร่ หรือไม่มีรายชื่อ"
    lacking = [p.name for p in people if not p.photo_id or not (p.phone or p.email)]
    if lacking:
        return Status.AMBER, "ยังไม่มีภาพถ่ายหรือช่องทางติดต่อโดยตรง: " + ", ".join(lacking)
    return Status.GREEN, f"ผู้บริหาร {len(people)} คนมีภาพถ่ายและช่องทางติดต่อครบ"


def ita_sources():
    return [
        Source(
            "executives",
            "ทำเนียบคณะผู้บริหาร (Executives directory)",
            pages=executives_pages,
            check=check_executives,
        ),
        Source(
            "phone_directory",
            "หน้าเบอร์โทรศัพท์ภายใน (Internal phone numbers page)",
            pages=live_of(PhoneDirectoryPage),
        ),
    ]
