"""Staff positions: what the admin knows of a staff member beyond Django's user.

The position (ตำแหน่ง) is edited with the user (``accounts.user_forms``) and kept with its
history, so that the publication request forms (``moderation.request_form``) print the position
each signer held when they signed.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class StaffProfile(models.Model):
    """What the admin knows of a staff member beyond Django's user: their position (ตำแหน่ง),
    printed with their name on publication request forms. Each new position is kept in
    ``PositionRecord`` from the moment it is saved, so that a form prints the position its
    signer held when they signed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name="ผู้ใช้ (User)",
    )
    position = models.CharField(
        "ตำแหน่ง (Position)",
        max_length=200,
        blank=True,
        help_text="ตำแหน่งตามที่ลงนามในแบบฟอร์มการขอเผยแพร่ข้อมูล เช่น นักวิชาการเงินและบัญชีชำนาญการ "
        "(The position signed on publication request forms)",
    )

    class Meta:
        # The table it had in ``moderation``, where it was first made.
        db_table = "moderation_staffprofile"
        verbose_name = "ข้อมูลเจ้าหน้าที่ (Staff profile)"
        verbose_name_plural = "ข้อมูลเจ้าหน้าที่ (Staff profiles)"

    def __str__(self):
        return f"{self.user}: {self.position}"

    def save(self, *args, correction=False, **kwargs):
        """Save; a changed position starts a new record, or with ``correction`` (a typing
        mistake, not a new position) rewrites the current one."""
        super().save(*args, **kwargs)
        latest = PositionRecord.objects.filter(user_id=self.user_id).last()
        if latest is not None and latest.position == self.position:
            return
        if correction and latest is not None:
            latest.position = self.position
            latest.save(update_fields=["position"])
        else:
            PositionRecord.objects.create(user_id=self.user_id, position=self.position)


class PositionRecord(models.Model):
    """A position a staff member held from ``since`` on (written by ``StaffProfile``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="position_records",
        verbose_name="ผู้ใช้ (User)",
    )
    position = models.CharField("ตำแหน่ง (Position)", max_length=200, blank=True)
    since = models.DateTimeField("ตั้งแต่ (Since)", default=timezone.now)

    class Meta:
        # The table it had in ``moderation``, where it was first made.
        db_table = "moderation_positionrecord"
        ordering = ["since", "pk"]
        verbose_name = "ตำแหน่งที่ดำรง (Position held)"
        verbose_name_plural = "ตำแหน่งที่ดำรง (Positions held)"

    def __str__(self):
        return f"{self.user}: {self.position} ({self.since:%Y-%m-%d})"


def positions_of(user_ids):
    """``{user id: [PositionRecord, …]}`` oldest first, in one query."""
    records = {}
    for record in PositionRecord.objects.filter(user_id__in=set(user_ids) - {None}):
        records.setdefault(record.user_id, []).append(record)
    return records


def position_at(records, at):
    """The position held at ``at`` among ``records`` (oldest first): the last one begun by
    then; before the first record, the first one (staff existed before the portal knew
    their position); "" when none is recorded."""
    held = [record for record in records if record.since <= at]
    chosen = held[-1] if held else (records[0] if records else None)
    return chosen.position if chosen is not None else ""
