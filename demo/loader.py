"""The whole demo site, in the order the tree is built. Idempotent; development only."""

from django.contrib.auth import get_user_model
from wagtail.models import Site

from about import demo as about_demo
from accounts import demo as accounts_demo
from cases import demo as cases_demo
from core.demo import CONTACT
from core.models import SiteSettings
from departments import demo as departments_demo
from home import demo as home_demo
from moderation import demo as moderation_demo
from news import demo as news_demo
from news import demo_announcements
from policies import demo as policies_demo
from procurement import demo as procurement_demo
from procurement import demo_summaries
from schools import demo as schools_demo
from search import demo as search_demo
from transparency import demo as transparency_demo

DEMO_SUPERUSER = ("admin", "nakhonsawan-demo-2569")

# Each section's demo module, in the order the tree is built.
SECTIONS = [
    about_demo,
    departments_demo,
    news_demo,
    demo_announcements,
    procurement_demo,
    schools_demo,
    demo_summaries,
    home_demo,
    search_demo,
    policies_demo,
    transparency_demo,
    accounts_demo,
    moderation_demo,
    cases_demo,
]


def serve_site_at(hostname, port):
    """Point the site at the address the demo is served on, so that its full links (e-mails,
    sitemap, request forms) open; a real site sets its own name under Settings → Sites."""
    Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)


def load_site_settings():
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    for name, value in CONTACT.items():
        setattr(settings, name, value)
    settings.save()


def load_superuser():
    """The demo superuser, with the demo authenticator key (superusers sign in with a code)."""
    username, password = DEMO_SUPERUSER
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_superuser(username, "admin@example.org", password)
    accounts_demo.demo_device(user)


def load_all():
    load_site_settings()
    home = home_demo.load_home()
    for section in SECTIONS:
        section.load(home)
    load_superuser()
