"""A citizen (or an ITA assessor) on a phone opens the ITA page of 2569 and follows O11 to a
monthly procurement summary; the pages pass an axe WCAG 2.1 AA scan and call nothing outside."""

import pytest

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


def test_ita_2569_item_o11_leads_to_a_monthly_procurement_summary(phone, site_url):
    phone.goto(site_url + "/ita/2569/")
    assert "2569" in phone.get_by_role("heading", level=1).inner_text()
    o11 = phone.locator("#o11")
    assert "สรุปผลการจัดซื้อจัดจ้างรายเดือน" in o11.get_by_role("heading").inner_text()
    assert_accessible(phone)
    summary_link = o11.get_by_role("link").first
    summary_link.scroll_into_view_if_needed()
    summary_link.click()
    phone.wait_for_load_state()
    assert "/procurement/summaries/" in phone.url
    assert "แบบ สขร.๑" in phone.locator("main").inner_text()
    assert_accessible(phone)
    assert phone.outside_requests == []


def test_the_year_switcher_and_the_measure_on_publishing_information(phone, site_url):
    phone.goto(site_url + "/ita/2569/")
    phone.get_by_role("link", name="ITA 2568").click()
    assert "/ita/2568/" in phone.url
    assert "สรุปผลการจัดซื้อจัดจ้างรายเดือน" in phone.locator("#o12").inner_text()
    phone.goto(site_url + "/transparency-measures/")
    phone.get_by_role("link", name="มาตรการเผยแพร่ข้อมูลต่อสาธารณะ").click()
    assert phone.get_by_role("heading", level=1).inner_text() == "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ"
    assert "ผู้บังคับบัญชา" in phone.locator("main").inner_text()
    assert_accessible(phone)
