"""A citizen on a phone opens the procurement summaries, a unit's monthly summary (แบบ สขร.๑)
and downloads its CSV; the listing, a summary and the ITA list pass an axe WCAG 2.1 AA scan."""

from pathlib import Path

import pytest

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


def test_open_a_monthly_summary_and_download_its_csv(phone, site_url):
    phone.goto(site_url + "/procurement/")
    phone.get_by_role("link", name="สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)").click()
    phone.wait_for_url("**/procurement/summaries/")
    phone.locator("ol.notice-list a").first.click()
    phone.wait_for_url("**/procurement/summaries/*-*/")
    assert phone.locator(".procurement-summary__form").inner_text() == "แบบ สขร.๑"
    rows = phone.locator(".procurement-summary__table tbody tr").count()
    empty = phone.locator(".procurement-summary__empty").count()
    assert rows > 0 or empty == 1
    # The wide table scrolls inside its box; the page itself does not.
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    with phone.expect_download() as download:
        phone.get_by_role("link", name="CSV").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    assert "ลำดับที่" in content.decode("utf-8-sig")


def test_the_empty_month_says_so(phone, site_url):
    phone.goto(site_url + "/procurement/summaries/?unit=welfare")
    phone.locator("ol.notice-list a").first.click()
    assert phone.locator(".procurement-summary__empty").inner_text() == "ไม่มีการจัดซื้อจัดจ้าง"


@pytest.mark.parametrize(
    "path",
    [
        "/procurement/?stage=winner",
        "/procurement/summaries/",
        "/en/procurement/summaries/",
        "/announcements/road-matuli-soi-12-winner/",
    ],
)
def test_procurement_pages_pass_axe(page, site_url, path):
    response = page.goto(site_url + path)
    assert response.status == 200
    assert_accessible(page)
    assert page.outside_requests == []


def test_a_summary_and_the_ita_list_pass_axe(page, site_url):
    page.goto(site_url + "/procurement/summaries/")
    page.locator("ol.notice-list a").first.click()
    assert_accessible(page)
    page.goto(site_url + "/procurement/summaries/")
    page.locator("#ita-heading + ul a").first.click()
    assert page.locator("table").count() + page.get_by_text("ไม่มีการจัดซื้อจัดจ้าง").count() > 0
    assert_accessible(page)
