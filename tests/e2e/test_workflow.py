"""The approval path in the real admin, in Chromium, with three demo accounts: the Finance
Office's content creator writes a notice and submits it, its supervisor approves it, a web
operator (signing in with a two-factor code) reviews and publishes it, and a citizen sees it on
the home page."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tests.e2e.conftest import DESKTOP, assert_accessible

pytestmark = pytest.mark.e2e

TITLE = f"ประกาศรับสมัครพนักงานจ้างเหมาบริการ สำนักงานคลัง (ทดสอบ {int(time.time())})"
HOME_TITLE = "เทศบาลนครนครสวรรค์"
INDEX_TITLE = "ประกาศ / ข่าวประชาสัมพันธ์"


def totp_code():
    totp = TOTP(b32decode(DEMO_TOTP_SECRET))
    return f"{totp.token():06d}"


def person(browser, site_url, username, two_factor=False):
    """A browser of its own (own cookies), signed in to the admin as ``username``."""
    context = browser.new_context(viewport=DESKTOP, locale="th-TH")
    tab = context.new_page()
    tab.goto(site_url + "/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", DEMO_PASSWORD)
    tab.locator("form.login-form button[type=submit]").click()
    if two_factor:
        tab.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
        assert_accessible(tab)
        tab.fill("#id_token", totp_code())
        tab.locator("form.login-form button[type=submit]").click()
    tab.wait_for_url(re.compile(r"/admin/$"))
    return tab


def announcements_index_id(tab, site_url):
    tab.goto(site_url + "/admin/pages/")
    tab.locator(f"a[aria-label*=\"'{HOME_TITLE}'\"]").first.click()
    link = tab.locator(f"a[aria-label*=\"'{INDEX_TITLE}'\"]").first
    return re.search(r"/admin/pages/(\d+)/", link.get_attribute("href")).group(1)


def approve_from_dashboard(tab):
    """ "รอการอนุมัติจากฉัน" on the dashboard: open the row's actions, approve."""
    panel = tab.locator("#awaiting-my-approval-section")
    row = panel.locator("tr", has_text=TITLE)
    row.get_by_role("button", name="อนุมัติหรือส่งกลับ").click()
    row.locator("button[data-workflow-action-url*='/approve/']").first.click()
    tab.wait_for_load_state("networkidle")


def test_creator_supervisor_operator_and_the_citizen_sees_it(browser, site_url, checked_html):
    # 1. The Finance Office's content creator writes the notice and submits it.
    creator = person(browser, site_url, "finance-creator")
    index_id = announcements_index_id(creator, site_url)
    creator.goto(f"{site_url}/admin/pages/add/news/announcementpage/{index_id}/")
    # The form offers the creator's own unit only, and says how content gets published.
    assert creator.locator("#id_responsible_unit option").all_inner_texts() == ["สำนักงานคลัง"]
    assert creator.get_by_text("ขั้นตอนการเผยแพร่").first.is_visible()
    creator.fill("#id_title", TITLE)
    creator.locator("#id_title").press("Tab")
    # The admin makes the address (slug) from the title.
    creator.wait_for_function("document.querySelector('#id_slug').value !== ''")
    creator.select_option("#id_kind", "recruitment")
    assert creator.locator("button[name='action-publish']").count() == 0
    creator.locator("button[name='action-submit']").click()
    creator.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    creator.context.close()

    # 2. Its supervisor approves it from the dashboard.
    supervisor = person(browser, site_url, "finance-supervisor")
    assert supervisor.get_by_role("heading", name="รอการอนุมัติจากฉัน").is_visible()
    approve_from_dashboard(supervisor)
    supervisor.reload()
    assert supervisor.locator("#awaiting-my-approval-section tr", has_text=TITLE).count() == 0
    supervisor.context.close()

    # Not on the site yet.
    citizen = checked_html(browser.new_context(viewport=DESKTOP, locale="th-TH").new_page())
    citizen.goto(site_url + "/")
    assert citizen.get_by_text(TITLE).count() == 0

    # 3. A web operator, after the two-factor code, reviews and publishes it.
    operator = person(browser, site_url, "web-operator", two_factor=True)
    approve_from_dashboard(operator)
    operator.context.close()

    # 4. The citizen sees the new notice on the home page, among the recruitment notices.
    citizen.goto(site_url + "/")
    notice = citizen.get_by_role("link", name=TITLE)
    assert notice.is_visible()
    notice.click()
    assert citizen.get_by_role("heading", level=1).inner_text() == TITLE
    citizen.context.close()
