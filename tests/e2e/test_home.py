"""A citizen opens the home page in Thai and in English, on a phone and on a desktop."""

import pytest

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/", "th", "เทศบาลนครนครสวรรค์"), ("/en/", "en", "Nakhon Sawan City Municipality")],
)
def test_home_page_reads_well_and_passes_axe(page, site_url, path, language, heading):
    page.goto(site_url + path)
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_role("heading", level=1).inner_text() == heading
    # Nothing wider than the screen: no sideways scrolling on a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.outside_requests == []
    assert_accessible(page)


def test_skip_link_and_language_switcher_work_from_the_keyboard(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="ข้ามไปยังเนื้อหาหลัก")
    assert skip.evaluate("el => el === document.activeElement")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site_url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
