"""Cookie consent on a phone: the banner works with the keyboard alone, the Google map loads
only after its category is accepted (checked on the network), withdrawing removes it, and the
banner passes an axe WCAG 2.1 AA scan. Requests to Google are answered locally by the test,
so nothing leaves 127.0.0.1."""

from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import PHONE, assert_accessible

pytestmark = pytest.mark.e2e

COOKIE = "portal_consent"


@pytest.fixture
def phone(browser, checked_html):
    """A phone tab whose requests to Google are recorded and answered with a stand-in page."""
    context = browser.new_context(viewport=PHONE, locale="th-TH")
    tab = checked_html(context.new_page())
    tab.google_requests = []

    def stand_in(route):
        tab.google_requests.append(route.request.url)
        route.fulfill(content_type="text/html", body="<!DOCTYPE html><title>map</title>")

    context.route("https://www.google.com/**", stand_in)
    tab.outside_requests = []
    tab.on(
        "request",
        lambda req: (
            urlsplit(req.url).hostname not in {"127.0.0.1", "www.google.com", None}
            and tab.outside_requests.append(req.url)
        ),
    )
    yield tab
    assert tab.outside_requests == []
    context.close()


def consent_cookie(tab):
    return next((c["value"] for c in tab.context.cookies() if c["name"] == COOKIE), None)


def focused_text(tab):
    return tab.evaluate("document.activeElement && document.activeElement.textContent.trim()")


def tab_to(tab, label, limit=15):
    """Press Tab until the focused control reads ``label``."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if focused_text(tab) == label:
            return
    raise AssertionError(f"{label!r} not reached with Tab")


def test_banner_with_the_keyboard_only_reject_then_choose_a_category(phone, site_url):
    phone.goto(site_url + "/")
    banner = phone.locator("#consent-banner")
    assert banner.is_visible()
    assert_accessible(phone)
    tab_to(phone, "ปฏิเสธทั้งหมด")
    phone.keyboard.press("Enter")
    assert banner.is_hidden()
    assert consent_cookie(phone) == "1%3A"
    # Focus is not lost: it goes to the start of the page.
    assert phone.evaluate("document.activeElement.closest('.site-header') !== null")
    phone.reload()
    assert banner.is_hidden()

    # "ตั้งค่าคุกกี้" in the footer reopens it, with focus on its heading.
    phone.locator("[data-consent-open]").first.focus()
    phone.keyboard.press("Enter")
    assert banner.is_visible()
    assert phone.evaluate("document.activeElement.id") == "consent-heading"
    tab_to(phone, "เลือกเอง")
    phone.keyboard.press("Enter")
    assert phone.locator("#consent-choices").is_visible()
    assert phone.evaluate("document.activeElement.id") == "consent-embeds"
    assert_accessible(phone)
    phone.keyboard.press("Space")
    tab_to(phone, "บันทึกการเลือก")
    phone.keyboard.press("Enter")
    assert banner.is_hidden()
    assert consent_cookie(phone) == "1%3Aembeds"
    # Back to the footer link that opened it.
    assert phone.evaluate("document.activeElement.hasAttribute('data-consent-open')")


def test_map_loads_only_after_consent_and_goes_when_consent_is_withdrawn(phone, site_url):
    phone.goto(site_url + "/map/")
    phone.wait_for_load_state("networkidle")
    assert phone.locator("main iframe").count() == 0
    assert phone.google_requests == []
    assert phone.get_by_role("link", name="เปิดตำแหน่งที่ตั้งใน Google Maps").is_visible()

    # Accept all, with the keyboard.
    tab_to(phone, "ยอมรับทั้งหมด")
    with phone.expect_request(lambda request: "google.com/maps" in request.url):
        phone.keyboard.press("Enter")
    frame = phone.locator("main iframe")
    assert frame.count() == 1
    assert "output=embed" in frame.get_attribute("src")
    assert phone.google_requests

    # Withdraw from the footer: the map goes, and stays gone on the next visit.
    phone.locator("[data-consent-open]").first.focus()
    phone.keyboard.press("Enter")
    tab_to(phone, "ปฏิเสธทั้งหมด")
    phone.keyboard.press("Enter")
    assert phone.locator("main iframe").count() == 0
    phone.google_requests.clear()
    phone.reload()
    phone.wait_for_load_state("networkidle")
    assert phone.locator("main iframe").count() == 0
    assert phone.google_requests == []
    assert_accessible(phone)


def test_the_map_pages_own_button_gives_the_consent_and_shows_the_map(phone, site_url):
    phone.goto(site_url + "/map/")
    tab_to(phone, "ปฏิเสธทั้งหมด")
    phone.keyboard.press("Enter")
    button = phone.get_by_role("button", name="แสดงแผนที่ Google")
    button.focus()
    with phone.expect_request(lambda request: "google.com/maps" in request.url):
        phone.keyboard.press("Enter")
    assert phone.locator("main iframe").count() == 1
    assert consent_cookie(phone) == "1%3Aembeds"


def test_without_javascript_no_banner_and_the_map_is_a_link(browser, site_url):
    context = browser.new_context(viewport=PHONE, locale="th-TH", java_script_enabled=False)
    tab = context.new_page()
    requested = []
    tab.on("request", lambda req: requested.append(req.url))
    tab.goto(site_url + "/map/")
    assert tab.locator("#consent-banner").is_hidden()
    assert tab.get_by_role("link", name="เปิดตำแหน่งที่ตั้งใน Google Maps").is_visible()
    assert tab.locator("iframe").count() == 0
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in requested)
    context.close()
