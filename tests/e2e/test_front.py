"""The public frame as a citizen meets it (issue 19): nothing moves on a first visit while the
cookie banner appears, the page heading is on the first screen of a phone, the main menu works
from the keyboard alone, a notice's share links carry its address, and a notice prints on
portrait A4 (the wide monthly summary on landscape)."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.conftest import PHONE, assert_accessible

pytestmark = pytest.mark.e2e

# Sums every layout shift not caused by input, from the first paint on.
WATCH_LAYOUT_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def first_link(tab, site_url, listing, selector):
    """The address of the first item of a listing page."""
    tab.goto(site_url + listing)
    return site_url + tab.locator(selector).first.get_attribute("href")


@pytest.mark.parametrize(
    "path", ["/", "/announcements/", "/procurement/", "/search/?q=ประกาศ", "/en/", "/history/"]
)
def test_first_visit_moves_nothing_and_shows_the_heading(page, site_url, path):
    page.add_init_script(WATCH_LAYOUT_SHIFTS)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    banner = page.locator("#consent-banner")
    assert banner.is_visible()  # a first visit: no choice stored yet
    assert page.evaluate("window.layoutShift") < 0.05
    # The heading is on the first screen, above the banner, on a phone too.
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert heading["y"] + heading["height"] <= banner.bounding_box()["y"]
    assert page.outside_requests == []


def focused(tab):
    return tab.evaluate("document.activeElement")


def test_main_menu_by_keyboard(page, site_url):
    page.goto(site_url + "/")
    button = page.locator("[data-menu-button]")
    panel = page.locator("#main-menu")
    for _ in range(20):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("the menu button is not reached with Tab")
    assert button.get_attribute("aria-expanded") == "false"
    assert panel.is_hidden()

    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert panel.is_visible()
    # Every section: the notice's H1 items and the citizen channels, nothing out of sight.
    for name in ("งบประมาณ", "ร้องเรียน/ร้องทุกข์", "ประกาศ / ข่าวประชาสัมพันธ์"):
        link = panel.get_by_role("link", name=name, exact=True)
        assert link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.keyboard.press("Tab")  # into the menu: its first link
    assert page.evaluate("document.activeElement.closest('#main-menu') !== null")
    assert_accessible(page)

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert panel.is_hidden()
    assert button.evaluate("el => el === document.activeElement")

    # Enter again opens it, and following a link goes there.
    page.keyboard.press("Enter")
    panel.get_by_role("link", name="งบประมาณ", exact=True).click()
    page.wait_for_url(site_url + "/budget/")
    assert page.get_by_role("heading", level=1).inner_text() == "งบประมาณ"


def test_the_tasks_are_in_the_menu_bar_on_a_desktop(page, site_url):
    page.goto(site_url + "/")
    bar = page.locator(".main-nav__bar")
    for name in ("ข่าวสาร", "ประกาศ", "จัดซื้อจัดจ้าง", "ร้องเรียน", "ITA", "ติดต่อ"):
        assert bar.get_by_role("link", name=name, exact=True).is_visible()
    # Wrapped, never scrolled sideways.
    assert bar.evaluate("el => el.scrollWidth <= el.clientWidth")


def test_share_links_carry_the_notice_address(browser, site_url, checked_html):
    context = browser.new_context(viewport=PHONE, locale="th-TH")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    tab = checked_html(context.new_page())
    notice = first_link(tab, site_url, "/announcements/", "main a[href^='/announcements/']")
    tab.goto(notice)
    line = tab.get_by_role("link", name="LINE", exact=True).get_attribute("href")
    assert line.startswith("https://social-plugins.line.me/lineit/share?")
    assert parse_qs(urlsplit(line).query)["url"] == [notice]
    facebook = tab.get_by_role("link", name="Facebook", exact=True).get_attribute("href")
    assert facebook.startswith("https://www.facebook.com/sharer/sharer.php?")
    assert parse_qs(urlsplit(facebook).query)["u"] == [notice]
    tab.get_by_role("button", name="คัดลอกลิงก์").click()
    # The copy is asynchronous: wait for the announcement rather than read it at once (in the
    # share section: the search box's suggestions have a status region of their own).
    share = tab.get_by_role("region", name="แชร์หน้านี้")
    expect(share.get_by_role("status")).to_have_text("คัดลอกลิงก์แล้ว")
    assert tab.evaluate("navigator.clipboard.readText()") == notice
    context.close()


def pdf_pages(tab):
    """The page as printed to PDF (Chrome's Page.printToPDF, the page's own @page size)."""
    return PdfReader(io.BytesIO(tab.pdf(prefer_css_page_size=True))).pages


def test_a_notice_prints_on_portrait_a4_with_its_address(phone, site_url):
    notice = first_link(phone, site_url, "/announcements/", "main a[href^='/announcements/']")
    phone.goto(notice)
    pages = pdf_pages(phone)
    first = pages[0].mediabox
    assert first.height > first.width
    assert round(float(first.width) / 72 * 25.4) == 210  # A4: 210 mm wide
    text = "".join(page.extract_text() for page in pages)
    assert notice in text.replace("\n", "")


def test_the_monthly_summary_prints_on_landscape(phone, site_url):
    summary = first_link(phone, site_url, "/procurement/summaries/", "ol.notice-list a")
    phone.goto(summary)
    first = pdf_pages(phone)[0].mediabox
    assert first.width > first.height
