"""What a citizen does on a phone: find a unit's staff, a school's procurement notice, the vision;
and every page type passes an axe WCAG 2.1 AA scan."""

import pytest

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e

# A notice under the first school (not the school page's own fiscal-year filter links).
SCHOOL_NOTICE_LINK = (
    "main a[href^='/schools/school-1/']:not([href='/schools/school-1/']):not([href*='?'])"
)


def test_home_to_a_unit_and_its_personnel_directory(phone, site_url):
    phone.goto(site_url + "/")
    phone.get_by_role("link", name="หน่วยงานในสังกัด", exact=True).first.click()
    phone.get_by_role("link", name="สำนักงานคลัง").first.click()
    assert phone.get_by_role("heading", level=1).inner_text() == "สำนักงานคลัง"
    directory = phone.get_by_role("heading", name="ทำเนียบบุคลากร")
    directory.scroll_into_view_if_needed()
    assert directory.is_visible()
    assert phone.locator("main img[alt]").count() >= 1


def test_home_to_a_school_procurement_notice_and_its_pdf(phone, site_url):
    phone.goto(site_url + "/")
    phone.get_by_role("link", name="จัดซื้อจัดจ้างโรงเรียนเทศบาล").first.click()
    phone.get_by_role("link", name="โรงเรียนเทศบาลวัดไทรใต้").first.click()
    phone.locator(SCHOOL_NOTICE_LINK).first.click()
    download_link = phone.locator("main a[href*='/documents/']").first
    with phone.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_home_to_vision_and_strategy(phone, site_url):
    phone.goto(site_url + "/")
    phone.get_by_role("link", name="วิสัยทัศน์และยุทธศาสตร์").first.click()
    assert phone.get_by_text(
        "คนสุขภาพดี การศึกษาได้มาตรฐาน รักษาสิ่งแวดล้อม เป็นเมืองน่าอยู่ ชูเศรษฐกิจพอเพียง"
    ).first.is_visible()


# One page of every type; detail pages are reached through the first link of their listing.
PAGES = [
    "/",
    "/policy/",
    "/executives/",
    "/past-mayors/",
    "/phone-directory/",
    "/complaint-channels/",
    "/basic-information/",
    "/history/",
    "/vision/",
    "/map/",
    "/departments/",
    "/departments/finance/",
    "/news/",
    "/publications/",
    "/announcements/",
    "/schools/",
    "/schools/school-1/",
    "/en/",
    "/en/departments/finance/",
    "/search/?query=ประกาศ",
]
DETAILS = {
    "/news/": "main a[href^='/news/']",
    "/publications/": "main a[href^='/publications/']",
    "/announcements/": "main a[href^='/announcements/']",
    "/schools/school-1/": SCHOOL_NOTICE_LINK,
}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_passes_axe(phone, site_url, path):
    response = phone.goto(site_url + path)
    assert response.status == 200
    assert_accessible(phone)
    if path in DETAILS:
        phone.locator(DETAILS[path]).first.click()
        phone.wait_for_load_state()
        assert_accessible(phone)
