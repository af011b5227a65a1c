"""The outbox part of the daily site check (``register_site_checks``): e-mails that gave up,
or still wait an hour after they were written, are one finding until they are delivered or an
operator dealt with them. Mail carries private links, so the finding gives counts only."""

from django.utils import timezone

from outbox.delivery import LATE_MINUTES, late
from outbox.models import OutgoingMail
from oversight.findings import Observation
from oversight.models import Finding, FindingKind


def undelivered_mail(now):
    mails = late(now)
    failed = mails.filter(state=OutgoingMail.State.FAILED).count()
    waiting = mails.filter(state=OutgoingMail.State.QUEUED)
    oldest = waiting.order_by("created_at").values_list("created_at", flat=True).first()
    waiting_count = waiting.count()
    if not failed and not waiting_count:
        return
    since = f" ฉบับแรกรอตั้งแต่ {timezone.localtime(oldest):%d/%m/%Y %H.%M} น." if oldest else ""
    yield Observation(
        kind=FindingKind.MAIL_UNDELIVERED,
        page_id=None,
        source=Finding.Source.CONTENT,
        target="outbox",
        detail=f"อีเมลส่งไม่สำเร็จ {failed} ฉบับ และรอส่งเกิน {LATE_MINUTES} นาที "
        f"{waiting_count} ฉบับ{since} ตรวจสอบเซิร์ฟเวอร์อีเมลและรายงานอีเมลขาออก "
        f"({failed} e-mails failed, {waiting_count} waiting over {LATE_MINUTES} minutes)",
    )
