"""What happens to a case: filed by a citizen, then assigned to a unit, in progress, resolved or
rejected with a reason, with internal notes on the way. Each step is a ``CaseEvent`` (the
status history the citizen sees) and sends its e-mails (``cases.notify``)."""

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


def status_secret(nonce):
    """The private link's secret of the case filed with a form token's ``nonce``: made again
    from the nonce when the same form is sent twice, never stored (the case keeps its hash)."""
    return salted_hmac("cases.status-link", nonce).hexdigest()[:32]


def file_complaint(page, data, status_url_for, nonce=None):
    """Save the complaint of the form's ``data`` filed through ``page``; ``status_url_for(case,
    secret)`` makes its private link. Returns ``(case, status_url)``. A form token's ``nonce``
    files one case: sent again (a double click, a reload), it answers with that case."""
    secret = status_secret(nonce) if nonce else None
    earlier = Complaint.objects.filter(form_nonce=nonce).first() if nonce else None
    if earlier is not None:
        return earlier, status_url_for(earlier, secret)
    fields = {
        name: data.get(name) or ""
        for name in ("description", "place", "contact_name", "contact_phone", "contact_email")
    }
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
            for upload, stored_name, content_type in data.get("attachments") or []:
                attachment = CaseAttachment(
                    complaint=case, content_type=content_type, size=upload.size
                )
                attachment.file.save(stored_name, upload, save=True)
    except IntegrityError:
        # The same token sent at the same moment: the other request filed it.
        earlier = Complaint.objects.filter(form_nonce=nonce).first() if nonce else None
        if earlier is None:
            raise
        return earlier, status_url_for(earlier, secret)
    status_url = status_url_for(case, secret)
    notify.case_filed(case, status_url)
    return case, status_url


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
        notify.send("answered", [question.email], question=question, url=page.full_url)
    questions.update(notified_at=timezone.now())
