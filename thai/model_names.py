"""Names the admin shows that Wagtail and wagtail-localize write without gettext: Wagtail's
Locale and wagtail-localize's Translation have no verbose name (the group editor's rows
"Locale" and "Translation", the count "1 translation" under Reports > Translations), and the
group editor's page permission form leaves its page field without a label (screen readers read
"Page"). ``name_models_in_thai`` (run by ``ThaiConfig.ready``) gives them names through gettext:
Django's ``Model._meta`` options and the form class's ``base_fields``. ``Meta`` as declared
(``_meta.original_attrs``) is left alone, so no migration follows."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page
from wagtail.users.forms import PagePermissionsForm
from wagtail_localize.models import Translation


def name_models_in_thai():
    Locale._meta.verbose_name = _("ภาษา")
    Locale._meta.verbose_name_plural = pgettext_lazy("plural", "ภาษา")
    Translation._meta.verbose_name = _("คำแปล")
    Translation._meta.verbose_name_plural = pgettext_lazy("plural", "คำแปล")
    # Wagtail's own translated name of a page ("หน้า"), as the column above the field reads.
    PagePermissionsForm.base_fields["page"].label = capfirst(Page._meta.verbose_name)
