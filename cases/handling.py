"""What happens to a case: filed by a citizen, then assigned to a unit, in progress, resolved or
rejected with a reason, with internal notes on the way. Each step is a ``CaseEvent`` (the
status history the citizen sees) and sends its e-mails (``cases.notify``)."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import Truncator
from wagtail.models import Locale

from cases import notify
from cases.models import (
    CaseAttachment,
    CaseEvent,
    Complaint,
    Question,
    QuestionPage,
    Status,
)
from core.links import page_link, site_url
from portal.storage import walk

logger = logging.getLogger(__name__)
# A stored file without its case is an orphan only after this long (not an upload under way).
ORPHAN_GRACE = datetime.timedelta(hours=1)


def status_secret(nonce):
    """The private link's secret of the case filed with a form token's ``nonce``: made again
    from the nonce when the same form is sent twice, never stored (the case keeps its hash)."""
    return salted_hmac("cases.status-link", nonce).hexdigest()[:32]


def file_complaint(page, data, status_path_for, nonce=None):
    """Save the complaint of the form's ``data`` filed through ``page``; ``status_path_for(case,
    secret)`` makes the path of its private link, which the complainant's e-mail gives on the
    configured site address (``core.links``). Returns ``(case, status_path, files_lost)``:
    attachments that storage refused (full, read-only) are left out, the case is saved without
    them, and an internal note tells staff; no file is left behind by a failed save. A form
    token's ``nonce`` files one case: sent again (a double click, a reload), it answers with
    that case."""
    secret = status_secret(nonce) if nonce else None
    earlier = Complaint.objects.filter(form_nonce=nonce).first() if nonce else None
    if earlier is not None:
        return earlier, status_path_for(earlier, secret), 0
    fields = {
        name: data.get(name) or ""
        for name in ("description", "place", "contact_name", "contact_phone", "contact_email")
    }
    written = []
    try:
        with transaction.atomic():
            case, secret = Complaint.file(
                data["category"],
                secret=secret,
                anonymous=bool(data.get("anonymous")),
                source_page=page,
                form_nonce=nonce,
                **fields,
            )
            lost = save_attachments(case, data.get("attachments") or [], written)
            if lost:
                CaseEvent.objects.create(
                    complaint=case,
                    note=f"ไฟล์แนบ {lost} ไฟล์บันทึกไม่สำเร็จเพราะที่เก็บไฟล์ขัดข้อง "
                    "ผู้ร้องได้รับแจ้งให้ส่งไฟล์อีกครั้ง "
                    f"({lost} attachments not stored: storage error)",
                )
            status_path = status_path_for(case, secret)
            # Into the outbox with the case (outbox/): a mail server that is down fails nothing.
            notify.case_filed(case, site_url(status_path))
    except IntegrityError:
        remove_files(written)
        # The same token sent at the same moment: the other request filed it.
        earlier = Complaint.objects.filter(form_nonce=nonce).first() if nonce else None
        if earlier is None:
            raise
        return earlier, status_path_for(earlier, secret), 0
    except BaseException:
        remove_files(written)  # the case is not saved: neither are its files
        raise
    return case, status_path, lost


def save_attachments(case, attachments, written):
    """Store each attachment of ``case``, noting stored names in ``written``; the number that
    storage refused (each one's partial file removed)."""
    lost = 0
    for upload, stored_name, content_type in attachments:
        attachment = CaseAttachment(complaint=case, content_type=content_type, size=upload.size)
        name = attachment.file.field.generate_filename(attachment, stored_name)
        try:
            with transaction.atomic():
                written.append(name)
                attachment.file.save(stored_name, upload, save=True)
                written[-1] = attachment.file.name
        except OSError:
            logger.exception("Attachment of case %s not stored", case.number)
            remove_files([written.pop()])
            lost += 1
    return lost


def remove_files(names):
    storage = CaseAttachment._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not remove %s; the retention job's sweep will", name)


def sweep_orphan_files(now=None):
    """Remove stored attachment files that no case refers to (left by a crash between the
    file and its row) once older than ``ORPHAN_GRACE``, so none is an upload still in
    progress; the number removed. Run by the daily retention job (``anonymise_cases``)."""
    now = now or timezone.now()
    storage = CaseAttachment._meta.get_field("file").storage
    kept = set(CaseAttachment.objects.values_list("file", flat=True))
    cutoff = now - ORPHAN_GRACE
    removed = 0
    for name in walk(storage):
        try:
            if name not in kept and storage.get_modified_time(name) < cutoff:
                storage.delete(name)
                removed += 1
        except OSError:
            logger.warning("Could not remove the orphan attachment file %s", name)
    return removed


def _change(case, user, status, note="", unit=None, **fields):
    now = timezone.now()
    case.status = status
    for name, value in fields.items():
        setattr(case, name, value)
    case.save()
    CaseEvent.objects.create(
        complaint=case, status=status, user=user, note=note, unit=unit, created_at=now
    )


def assign(case, user, unit, note=""):
    _change(
        case, user, Status.ASSIGNED, note, unit=unit, unit_id=unit.pk, assigned_at=timezone.now()
    )
    notify.case_assigned(case)


def start(case, user, note=""):
    _change(case, user, Status.IN_PROGRESS, note)


def resolve(case, user, outcome):
    _change(case, user, Status.RESOLVED, resolution=outcome, closed_at=timezone.now())
    notify.case_closed(case)


def reject(case, user, reason):
    _change(case, user, Status.REJECTED, resolution=reason, closed_at=timezone.now())
    notify.case_closed(case)


def add_note(case, user, note):
    CaseEvent.objects.create(complaint=case, user=user, note=note)


def ask_question(index, data, nonce=None):
    """Keep the asker's details in a ``Question`` and open a draft FAQ entry with the question
    under the Thai Q&A page, owned by the unit chosen (or the Q&A page's unit). A form token's
    ``nonce`` asks once: sent again, nothing more is saved (returns the first question)."""
    earlier = Question.objects.filter(form_nonce=nonce).first() if nonce else None
    if earlier is not None:
        return earlier
    default = Locale.get_default()
    if index.locale_id != default.pk and index.has_translation(default):
        index = index.get_translation(default)
    with transaction.atomic():
        question = Question.objects.create(
            text=data["text"],
            unit=data.get("unit"),
            name=data.get("name") or "",
            email=data.get("email") or "",
            form_nonce=nonce,
        )
        entry = QuestionPage(
            title=Truncator(" ".join(data["text"].split())).chars(120),
            slug=f"question-{question.pk}",
            question=data["text"],
            responsible_unit=data.get("unit") or index.responsible_unit,
            live=False,
        )
        index.add_child(instance=entry)
        entry.save_revision()
        question.page = entry
        question.save(update_fields=["page"])
    return question


def tell_askers(page):
    """E-mail the askers of a FAQ entry just published (once each)."""
    questions = Question.objects.filter(page=page, notified_at__isnull=True).exclude(email="")
    for question in questions:
        notify.send("answered", [question.email], question=question, url=page_link(page))
    questions.update(notified_at=timezone.now())
