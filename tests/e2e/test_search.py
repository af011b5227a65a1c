"""A citizen searches the notices on a phone: types จัดซื้อ, narrows to one school, opens a
notice; the search page passes an axe WCAG 2.1 AA scan on a phone and on a desktop."""

import pytest

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e

SCHOOL = "โรงเรียนเทศบาลวัดไทรใต้"
RESULT_LINKS = "ol.search-results h3 a"


def test_search_procurement_filter_by_school_and_open_a_notice(phone, site_url):
    phone.goto(site_url + "/")
    box = phone.locator("#site-search-query")
    box.fill("จัดซื้อ")
    box.press("Enter")
    phone.wait_for_url("**/search/?q=*")
    assert phone.locator(RESULT_LINKS).count() > 0
    assert phone.locator("ol.search-results mark").count() > 0

    # On a phone the filters are folded under their summary.
    phone.get_by_text("ตัวกรองและการเรียงลำดับ").click()
    phone.get_by_label("โรงเรียน", exact=True).select_option(label=SCHOOL)
    phone.locator("fieldset.search-filter button[type=submit]").click()
    phone.wait_for_url("**school=school-1*")
    links = phone.locator(RESULT_LINKS)
    assert links.count() > 0
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert all(href.startswith("/schools/school-1/") for href in hrefs), hrefs
    # Nothing wider than the screen with the filters open on a 360 px phone.
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    title = links.first.inner_text()
    links.first.click()
    phone.wait_for_url("**/schools/school-1/**")
    assert phone.get_by_role("heading", level=1).inner_text() == title


@pytest.mark.parametrize("query", ["query=จัดซื้อ", "query=ฟุตบอลโลก", "school=school-2&year=2568", ""])
def test_the_search_page_passes_axe(page, site_url, query):
    response = page.goto(f"{site_url}/search/?{query}")
    assert response.status == 200
    assert page.outside_requests == []
    assert_accessible(page)
