"""The admin speaks Thai to the people who use it (issue 18): signed in as each role, every
screen they meet (dashboard, explorer, editor with its side panels and dialogs, workflow history,
every report and setting in the menu, images, documents, users, groups, account, the
wagtail-localize editor, the sign-in screens) shows no English interface text. What editors
typed (titles, usernames, file names) is content, not interface, and is left out; a few proper
names are allowed (ALLOWED below). The catalogue is kept by `make messages` (docs/translation.md).
"""

import json
import re
import zoneinfo
from datetime import timedelta

from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.db import models
from django.template import Context, Template
from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.timesince import timesince
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from tests.factories import DocumentFactory, ImageFactory
from tests.moderation_support import ModerationTestCase, sign_in
from transparency.models import AssessmentYear, OITItem

# Proper names, codes and abbreviations that stay in Latin letters in Thai government usage:
# products and standards (Wagtail, JavaScript, the authenticator apps), file formats, the
# assessment names (ITA, OIT, e-GP) and the language name "English" in the language menus.
ALLOWED = {
    *("Wagtail", "JavaScript", "Google", "Microsoft", "Authenticator", "FreeOTP", "QR", "OTP"),
    *("CSV", "PDF", "XLSX", "JSON", "PO", "AVIF", "GIF", "JPG", "JPEG", "PNG", "WEBP"),
    *("ITA", "OIT", "e-GP", "English", "URL", "HTML", "RSS", "SEO", "ID", "MB", "KB", "px"),
}
# Attributes whose value a person reads (tooltips included) or hears from a screen reader.
READ_ATTRIBUTES = (
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
)
WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
# Code shown as code: a command, a module ("manage.py load_ita_lists"), a two-factor secret.
CODE = re.compile(r"\w+[._]\w+|[A-Z2-7]{16,}")
# The portal's own labels give an English gloss in brackets after the Thai ("ผู้จัดทำเนื้อหา
# (Content creator)") for the staff who work in both languages: the Thai is there, so it passes.
THAI = re.compile(r"[\u0e00-\u0e7f]")
GLOSS = re.compile(r"\([^()\u0e00-\u0e7f]+\)")
# A model's code under its Thai name in Reports > Page types ("news.announcementpage").
MODEL_CODE = re.compile(r"^[a-z_]+\.[a-z_]+$")
URLISH = re.compile(r"(https?://|/)[^\s]*|[\w.+-]+@[\w.-]+|\S+\.(pdf|png|jpe?g|po|csv)\b", re.I)


def _walk_labels(value, found):
    """Labels in the sidebar's JSON (the menu is drawn by script from it)."""
    if isinstance(value, dict):
        for name in ("label", "title"):
            if isinstance(value.get(name), str):
                found.add(value[name])
        for item in value.values():
            _walk_labels(item, found)
    elif isinstance(value, list):
        for item in value:
            _walk_labels(item, found)


def _walk_urls(value, found):
    if isinstance(value, dict):
        if isinstance(value.get("url"), str):
            found.add(value["url"])
        for item in value.values():
            _walk_urls(item, found)
    elif isinstance(value, list):
        for item in value:
            _walk_urls(item, found)


def interface_strings(html):
    """The texts a person reads on a screen: text outside script and style, the attributes in
    READ_ATTRIBUTES, the labels of the sidebar menu; not what is typed in form fields."""
    soup = BeautifulSoup(html, "html.parser")
    found = set()
    sidebar = soup.find("script", id="wagtail-sidebar-props")
    if sidebar:
        _walk_labels(json.loads(sidebar.string), found)
    for tag in soup(["script", "style", "textarea"]):
        tag.decompose()
    for tag in soup.select("[hidden]"):  # never shown as it is (a counter reading "None")
        tag.decompose()
    for text in soup.find_all(string=True):
        if text.strip() and text.__class__.__name__ == "NavigableString":
            found.add(" ".join(text.split()))
    for tag in soup.find_all(True):
        for name in READ_ATTRIBUTES:
            if tag.get(name):
                found.add(" ".join(str(tag[name]).split()))
        if tag.name == "input" and tag.get("type") in ("submit", "button") and tag.get("value"):
            found.add(tag["value"])
    return found


def menu_urls(html):
    soup = BeautifulSoup(html, "html.parser")
    sidebar = soup.find("script", id="wagtail-sidebar-props")
    urls = set()
    if sidebar:
        _walk_urls(json.loads(sidebar.string), urls)
    return {url for url in urls if url.startswith("/admin/")}


def english(strings, content):
    """The strings that still hold an English word once content and proper names are removed."""
    left = set()
    for text in strings:
        if text in content or MODEL_CODE.match(text):
            continue
        stripped = GLOSS.sub(" ", text) if THAI.search(text) else text
        for item in sorted((c for c in content if len(c) >= 4), key=len, reverse=True):
            stripped = stripped.replace(item, " ")
        stripped = URLISH.sub(" ", stripped)
        words = [
            word
            for word in WORD.findall(stripped)
            if len(re.findall("[A-Za-z]", word)) > 1
            and word not in ALLOWED
            and word.rstrip(".").upper() not in ALLOWED
            and word.rstrip(".") not in ALLOWED
            and not CODE.fullmatch(word)
        ]
        if words:
            left.add(text)
    return left


def recorded_content():
    """What people and the demo data typed (page titles, names of units, groups and tasks,
    usernames): every text field of every record, except the permission and content type names
    Django writes itself, which are interface."""
    content = set()
    for model in apps.get_models():
        if model in (Permission, ContentType):
            continue
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField))
        ]
        for record in model._default_manager.all()[:500]:
            content.add(str(record))
            content |= {str(getattr(record, name)) for name in fields if getattr(record, name)}
    return content


class ThaiAdminTests(ModerationTestCase):
    """Each role on each screen it can open."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.superuser = get_user_model().objects.create_superuser(
            "root", "root@example.org", "x" * 16
        )
        # A notice in moderation (status tags, workflow history, the cancel-workflow dialog),
        # one locked, one scheduled, an English translation in wagtail-localize's editor.
        cls.in_moderation = cls.submitted(cls, cls.finance_notice)
        Page.objects.filter(pk=cls.education_notice.pk).update(
            locked=True, locked_by=cls.operator, locked_at=timezone.now()
        )
        scheduled = cls.procurement["finance"].specific
        scheduled.go_live_at = timezone.now() + timedelta(days=3)
        scheduled.save_revision(user=cls.creator, approved_go_live_at=None)
        source, _ = TranslationSource.get_or_create_from_instance(cls.procurement["education"])
        cls.translation = Translation.objects.create(
            source=source, target_locale=Locale.objects.get(language_code="en")
        )
        cls.translation.save_target(user=cls.creator, publish=False)
        cls.english_page = cls.procurement["education"].get_translation(
            Locale.objects.get(language_code="en")
        )
        year = AssessmentYear.objects.create(year=2569, fiscal_year=2569)
        OITItem.objects.create(
            year=year, code="O1", title="โครงสร้าง", indicator="disclosure", period="standing"
        )
        cls.image = ImageFactory()
        cls.document = DocumentFactory()
        cls.roles = {
            "unit creator": cls.creator,
            "unit supervisor": cls.supervisor,
            "web operator": cls.operator,
            "IT administrator": cls.it_admin,
            "superuser": cls.superuser,
        }
        cls.content = recorded_content() | zoneinfo.available_timezones()

    def screens(self):
        """The screens every role tries; a screen a role may not open is skipped for that role."""
        pages = (self.in_moderation, self.procurement["finance"], self.education_notice)
        urls = [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore_root"),
            reverse("wagtailadmin_explore", args=[self.index.pk]),
            reverse("wagtailadmin_pages:edit", args=[self.english_page.pk]),
            reverse("wagtailadmin_pages:add_subpage", args=[self.index.pk]),
            reverse("wagtailadmin_pages:add", args=["news", "announcementpage", self.index.pk]),
            reverse("wagtailimages:index"),
            reverse("wagtailimages:edit", args=[self.image.pk]),
            reverse("wagtaildocs:index"),
            reverse("wagtaildocs:edit", args=[self.document.pk]),
            reverse("wagtailusers_users:index"),
            reverse("wagtailusers_users:edit", args=[self.creator.pk]),
            reverse("wagtailusers_users:add"),
            reverse("wagtailusers_groups:index"),
            reverse("wagtailusers_groups:edit", args=[self.creator.groups.get().pk]),
            reverse("wagtailusers_groups:add"),
            reverse("wagtailadmin_account"),
        ]
        for page in pages:
            urls += [
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                reverse("wagtailadmin_pages:history", args=[page.pk]),
                reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
            ]
        # The dialog that warns that publishing cancels the approval in progress.
        urls.append(
            reverse(
                "wagtailadmin_pages:confirm_workflow_cancellation", args=[self.in_moderation.pk]
            )
        )
        state = self.in_moderation.current_workflow_state
        urls.append(
            reverse(
                "wagtailadmin_pages:workflow_history_detail", args=[self.in_moderation.pk, state.pk]
            )
        )
        return urls

    def visible_english(self, client, url):
        response = client.get(url)
        kind = response.get("Content-Type", "")
        if response.status_code != 200 or not ("text/html" in kind or "json" in kind):
            return None, set()
        # A dialog the editor fetches comes as JSON with its HTML inside.
        html = response.json().get("html") if "json" in kind else response.content.decode()
        if not html:
            return None, set()
        return html, english(interface_strings(html), self.content)

    def test_every_role_reads_thai_on_every_screen(self):
        found, seen = {}, {}
        for role, user in self.roles.items():
            self.client.logout()
            sign_in(self.client, user)
            html, _ = self.visible_english(self.client, reverse("wagtailadmin_home"))
            urls = self.screens() + sorted(menu_urls(html))
            opened = 0
            for url in dict.fromkeys(urls):
                html, left = self.visible_english(self.client, url)
                if html is None:
                    continue
                opened += 1
                seen.setdefault(url, set()).update(interface_strings(html))
                for text in left:
                    found.setdefault(text, set()).add(f"{role} {url}")
            self.assertGreater(opened, 5, role)
        # The dialogs and side screens were really opened (by some role), not skipped.
        for name in ("confirm_workflow_cancellation", "workflow_history_detail"):
            self.assertTrue([url for url in seen if name.split("_")[-1] in url], name)
        shown = set().union(*seen.values()) - self.content
        worded = {text for text in shown if re.search("[A-Za-z\u0e00-\u0e7f]", text)}
        share = 100 * (1 - len(found) / len(worded))
        report = "\n".join(
            f"{text!r}  ({sorted(where)[0]})" for text, where in sorted(found.items())
        )
        self.assertFalse(
            report,
            f"{len(found)} of {len(worded)} interface strings in English "
            f"({share:.1f} % in Thai):\n{report}",
        )

    def test_sign_in_screens_are_thai(self):
        self.client.logout()
        strings = set()
        login = reverse("wagtailadmin_login")
        for _ in range(6):
            response = self.client.post(login, {"username": "web-operator", "password": "wrong"})
            strings |= interface_strings(response.content.decode())
        strings |= interface_strings(self.client.get(login).content.decode())
        self.client.force_login(self.operator)
        for name in ("accounts_two_factor_setup", "accounts_two_factor_verify"):
            strings |= interface_strings(
                self.client.get(reverse(name), follow=True).content.decode()
            )
        self.assertFalse(english(strings, self.content), english(strings, self.content))


class ThaiTimePhraseTests(SimpleTestCase):
    """Time phrases read as one Thai phrase: Django's catalogue had no Thai for its plural
    "%(num)d minutes" ("4 minutes ที่ผ่านมา"), and Wagtail reads a date to come as "0 minutes
    ago"."""

    def test_plural_time_phrases_are_whole_thai(self):
        with translation.override("th"):
            now = timezone.now()
            self.assertEqual(timesince(now - timedelta(minutes=4), now), "4\xa0นาที")
            self.assertEqual(timesince(now - timedelta(days=8), now), "1\xa0สัปดาห์, 1\xa0วัน")
            self.assertEqual(naturaltime(now - timedelta(minutes=4)), "4 นาทีที่แล้ว")
            self.assertEqual(naturaltime(now + timedelta(days=2, minutes=1)), "อีก 2\xa0วัน")

    def test_a_date_to_come_reads_as_to_come(self):
        template = Template("{% load wagtailadmin_tags %}{% human_readable_date date %}")
        with translation.override("th"):
            to_come = template.render(
                Context({"date": timezone.now() + timedelta(days=3, minutes=1)})
            )
            past = template.render(Context({"date": timezone.now() - timedelta(days=3, minutes=1)}))
        self.assertIn("อีก 3\xa0วัน", to_come)
        self.assertNotIn("ที่แล้ว", to_come)
        self.assertIn("3\xa0วันที่แล้ว", past)
