"""Two web instances of one site, as on two machines (deploy/stack.py, ``make stack``): gunicorn
in production settings on one PostgreSQL database (a scratch database on the server at
127.0.0.1:5432, whatever database the suite itself runs on), one Redis and one S3 server
(moto), each instance with media folders of its own, and Debian's Varnish in front of both.
What staff and citizens do through one instance holds on the other: a document uploaded, a
complaint's attachment (for its handler only), a page published (Varnish purged too), a
banner published, a site setting changed, a sign-in lock-out."""

import io
import json
import os
import re
import secrets
import socket
import time
from pathlib import Path

import httpx
import psycopg
from PIL import Image

from deploy import stack
from tests import faults_support as faults

SETUP = """
import json
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection
from cases.models import ComplaintCategory
from cases.setup import CENTRE_GROUP
from ownership.models import Role
from tests.factories import (
    AnnouncementIndexPageFactory, AnnouncementPageFactory, ComplaintPageFactory, home_page,
)
from tests.moderation_support import make_user, sign_in

def session(user):
    client = Client()
    sign_in(client, user)
    return client.cookies["sessionid"].value

complaints = ComplaintPageFactory(parent=home_page(), slug="complaints", title="ร้องเรียน")
index = AnnouncementIndexPageFactory(parent=home_page(), slug="announcements")
notice = AnnouncementPageFactory(parent=index, slug="water", title="ประกาศงดจ่ายน้ำประปา")
draft = notice.get_latest_revision_as_object()
draft.title = "ประกาศงดจ่ายน้ำประปา (เลื่อนเป็นวันเสาร์)"
draft.save_revision()
editor = make_user("writer", Role.CREATOR, "engineering")
centre = make_user("centre")
centre.groups.add(Group.objects.get(name=CENTRE_GROUP))
stranger = make_user("accountant", Role.CREATOR, "finance")
root = make_user("root-admin", is_superuser=True, is_staff=True)
print(json.dumps({
    "complaints": complaints.url,
    "notice": notice.url,
    "notice_id": notice.pk,
    "collection": Collection.get_first_root_node().pk,
    "category": ComplaintCategory.objects.get(slug="roads").pk,
    "sessions": {name: session(user) for name, user in
                 [("editor", editor), ("centre", centre), ("stranger", stranger), ("root", root)]},
}))
"""

DOCUMENT_URL = """
from wagtail.documents.models import Document
print(Document.objects.get(title="แผนที่จุดจ่ายน้ำ").url)
"""

OLD_TITLE = "ประกาศงดจ่ายน้ำประปา"
BANNER = "น้ำท่วมถนนสวรรค์วิถี งดใช้เส้นทางชั่วคราว"


class ThroughProxy(httpx.HTTPTransport):
    """What the HTTPS proxy in front of an instance does: the request arrives as plain HTTP
    with ``X-Forwarded-Proto: https``; a browser sends a form with its site as Referer."""

    def handle_request(self, request):
        if request.method == "POST":
            request.headers.setdefault("Referer", f"https://{request.url.netloc.decode()}/")
        request.url = request.url.copy_with(scheme="http")
        request.headers["X-Forwarded-Proto"] = "https"
        return super().handle_request(request)


def browser(port, session=None):
    client = httpx.Client(
        base_url=f"https://127.0.0.1:{port}", transport=ThroughProxy(), timeout=60
    )
    if session:
        client.cookies.set("sessionid", session, domain="127.0.0.1")
    return client


def post(client, url, data, files=None):
    """A form sent as a browser sends it: the CSRF cookie from showing the form first."""
    form = client.get(url)
    assert form.status_code == 200, (url, form.status_code)
    token = {"csrfmiddlewaretoken": client.cookies["csrftoken"]}
    return client.post(url, data={**token, **data}, files=files)


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#0b4f6c").save(buffer, "JPEG")
    return buffer.getvalue()


def scratch_database():
    """A new database on the PostgreSQL server of the suite, or on 127.0.0.1:5432."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        server, prefix = url.rsplit("/", 1)
    else:
        server, prefix = "postgres://postgres@127.0.0.1:5432", "test_portal"
    name = f"{prefix}_two_instances_{secrets.token_hex(4)}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    return server, name


def drop_database(server, name):
    with psycopg.connect(f"{server}/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_what_one_instance_does_holds_on_the_other(tmp_path):
    server, name = scratch_database()
    site = stack.Stack(tmp_path)
    site.cleanups.append(lambda: drop_database(server, name))
    with site:
        redis_port = faults.free_port()
        site.add(stack.redis_server(redis_port, tmp_path))
        s3_port = faults.free_port()
        site.add(stack.moto_server(s3_port, tmp_path))
        stack.create_buckets(s3_port)
        varnish = Path(stack.VARNISHD).exists()
        if varnish:
            # Held (bound, not listening) until Varnish starts, so that no instance takes it.
            varnish_port = faults.free_port()
            held = socket.socket()
            held.bind(("127.0.0.1", varnish_port))
        env = stack.portal_environment(
            f"{server}/{name}",
            f"redis://127.0.0.1:{redis_port}/0",
            tmp_path,
            **stack.s3_environment(s3_port),
        )
        stack.manage(env, "migrate", "--noinput", "-v0")
        stack.manage(env, "collectstatic", "--noinput", "-v0")
        setup = json.loads(faults.python(site.instance_environment(env, "setup"), SETUP))
        if varnish:  # the instances purge it after each change
            env["VARNISH_URL"] = f"http://127.0.0.1:{varnish_port}"
        ports = []
        for instance in ("a", "b"):
            ports.append(faults.free_port())
            site.add(
                stack.gunicorn(
                    ports[-1], site.instance_environment(env, instance), tmp_path, 1, instance
                )
            )
        if varnish:  # balancing both
            held.close()
            site.add(stack.varnish(varnish_port, ports))
        a, b = ports
        sessions = setup["sessions"]

        # A citizen opens the complaint form on A (the form must stay open 3 s).
        citizen = browser(a)
        form = citizen.get(setup["complaints"])
        assert form.status_code == 200
        started = re.search(r'name="started" value="([^"]+)"', form.text).group(1)
        shown_at = time.monotonic()

        # Documents: uploaded through A by an editor, served by B.
        editor_a = browser(a, sessions["editor"])
        upload = post(
            editor_a,
            "/admin/documents/add/",
            {"title": "แผนที่จุดจ่ายน้ำ", "collection": setup["collection"], "tags": ""},
            files={"file": ("water-points.pdf", b"%PDF-1.4 water points\n", "application/pdf")},
        )
        assert upload.status_code == 302, upload.text[-2000:]
        document = faults.python(site.instance_environment(env, "query"), DOCUMENT_URL).strip()
        served = browser(b, sessions["editor"]).get(document, follow_redirects=True)
        assert served.status_code == 200
        assert served.content == b"%PDF-1.4 water points\n"

        # A complaint with a photo, filed on A ...
        time.sleep(max(0, 3.2 - (time.monotonic() - shown_at)))
        photo = jpeg()
        filed = citizen.post(
            setup["complaints"],
            data={
                "csrfmiddlewaretoken": citizen.cookies["csrftoken"],
                "started": started,
                "website": "",
                "category": setup["category"],
                "description": "ท่อประปาแตก น้ำไหลนองถนน",
                "place": "ถนนสวรรค์วิถี หน้าโรงเรียน",
                "contact_name": "สมหญิง ใจดี",
            },
            files={"attachments": ("pipe.jpg", photo, "image/jpeg")},
        )
        assert filed.status_code == 302 and "/track/" in filed.headers["location"], filed.text
        # ... is on B for the complaints centre, photo included ...
        centre_b = browser(b, sessions["centre"])
        listing = centre_b.get("/admin/cases/complaints/")
        case = re.search(r'href="(/admin/cases/complaints/\d+/)"', listing.text).group(1)
        attachment = re.search(rf'href="({case}files/\d+/)"', centre_b.get(case).text).group(1)
        download = centre_b.get(attachment, follow_redirects=True)
        assert download.status_code == 200
        assert download.content == photo
        # ... and nobody else's: staff without the cases, or anyone not signed in.
        assert browser(b, sessions["stranger"]).get(attachment).status_code in (302, 403, 404)
        anonymous = browser(b).get(attachment)
        assert anonymous.status_code == 302
        assert "/admin/login/" in anonymous.headers["location"]
        # The photo is in the private bucket, which answers no unsigned request; the files are
        # in the store, none on an instance's disk.
        private = stack.BUCKETS["S3_PRIVATE_BUCKET"]
        (stored,) = stack.s3_client(s3_port).list_objects_v2(Bucket=private)["Contents"]
        assert httpx.get(f"http://127.0.0.1:{s3_port}/{private}/{stored['Key']}").status_code == 403
        assert not [path for path in tmp_path.glob("[ab]/**/*") if path.is_file()]

        # A page published through A: B serves the new version at once, and so does Varnish.
        readers = [browser(b)]
        if varnish:
            # Varnish keeps pages by the site's host name, which the instances' purges name.
            readers.append(browser(varnish_port))
            readers[-1].headers["Host"] = "localhost"
        for reader in readers:
            for _ in range(2):  # the second time from the caches
                page = reader.get(setup["notice"])
                assert OLD_TITLE in page.text and "เลื่อนเป็นวันเสาร์" not in page.text
        if varnish:
            assert page.headers["X-Cache"] == "HIT"
        root_a = browser(a, sessions["root"])
        publish = f"/admin/bulk/wagtailcore/page/publish/?id={setup['notice_id']}"
        published = post(root_a, publish, {"include_descendants": ""})
        assert published.status_code == 302, published.text[-2000:]
        for reader in readers:
            assert "เลื่อนเป็นวันเสาร์" in reader.get(setup["notice"]).text

        # A banner published through B is on A's next page.
        home_a = browser(a)
        assert BANNER not in home_a.get("/").text
        add = "/admin/snippets/core/alertbanner/add/"
        banner = post(
            browser(b, sessions["root"]),
            add,
            {"text": BANNER, "text_en": "", "link": "", "level": "danger"}
            | {"action-publish": "action-publish"},
        )
        assert banner.status_code == 302, banner.text[-2000:]
        assert BANNER in home_a.get("/").text

        # A site setting changed through B is in A's next page (its footer, a part kept under
        # the content version).
        phone = "056 219 2569"
        assert phone not in home_a.get("/").text
        admin_b = browser(b, sessions["root"])
        # The settings menu leads to the site's own settings (its address, on this https client).
        chosen = admin_b.get("/admin/settings/core/sitesettings/").headers["location"]
        address = "ศาลาว่าการเทศบาลนครนครสวรรค์ ถนนพหลโยธิน"
        fields = {"address": address, "phone": phone, "hotlines-count": "0"}
        changed = post(admin_b, httpx.URL(chosen).path, fields)
        assert changed.status_code == 302, changed.text[-2000:]
        footer = home_a.get("/").text
        assert phone in footer and address in footer

        # Five wrong passwords on A lock the account on B, right password and all.
        sign_in = {"username": "accountant", "password": "a-long-test-password-2569"}
        assert post(browser(b), "/admin/login/", sign_in).status_code == 302
        attacker = browser(a)
        for _ in range(5):
            post(attacker, "/admin/login/", {**sign_in, "password": "guess"})
        owner = post(browser(b), "/admin/login/", sign_in)
        assert owner.status_code == 429
        assert "บัญชีถูกล็อกชั่วคราว" in owner.text
