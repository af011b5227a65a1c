"""The e-mails of a case, in Thai, through Django's mail API. The complainant is written to only
when they left an address (an anonymous report has none); staff e-mails carry no personal data,
only the number and a link to the case in the admin."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cases.setup import CENTRE_GROUP, CORRUPTION_GROUP, UNIT_HANDLERS_GROUP
from core.links import site_url


def admin_url(case):
    return site_url(reverse("cases_complaints:edit", args=[case.pk]))


def send(template, recipients, **context):
    """Render ``cases/emails/<template>.txt`` (first line the subject) and send it."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    with translation.override("th"):
        subject, body = render_to_string(f"cases/emails/{template}.txt", context).split("\n", 1)
    return send_mail(subject.strip(), body.strip() + "\n", None, recipients)


def _emails(users):
    return users.filter(is_active=True).exclude(email="").values_list("email", flat=True)


def unit_staff_emails(unit):
    """The unit's complaint handlers; its supervisors when it has none."""
    User = get_user_model()
    in_unit = User.objects.filter(groups__role__unit=unit)
    handlers = list(_emails(in_unit.filter(groups__name=UNIT_HANDLERS_GROUP)))
    if handlers:
        return handlers
    return list(
        _emails(User.objects.filter(groups__role__unit=unit, groups__role__role="supervisor"))
    )


def intake_emails(case):
    group = CORRUPTION_GROUP if case.category.is_corruption else CENTRE_GROUP
    return list(_emails(get_user_model().objects.filter(groups__name=group)))


def case_filed(case, status_url):
    send("filed", [case.contact_email], case=case, status_url=status_url)
    send("new_case", intake_emails(case), case=case, admin_url=admin_url(case))


def case_assigned(case):
    send("assigned", [case.contact_email], case=case)
    send("assigned_unit", unit_staff_emails(case.unit), case=case, admin_url=admin_url(case))


def case_closed(case):
    send("closed", [case.contact_email], case=case)
