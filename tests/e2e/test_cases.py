"""Citizen channels in Chromium: on a phone a citizen files a complaint with a photo and gets
its tracking number and private link; the complaints centre assigns it to the Engineering
Office in the admin and the office's handler resolves it; the citizen sees the outcome through
the link. Every public page visited passes an axe WCAG 2.1 AA scan."""

import io
import re
import time

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, assert_accessible
from tests.e2e.test_workflow import person

pytestmark = pytest.mark.e2e

DESCRIPTION = f"ฝาท่อระบายน้ำหน้าโรงเรียนแตก เด็กเกือบตกลงไป (ทดสอบ {int(time.time())})"
OUTCOME = "เปลี่ยนฝาท่อใหม่และตรวจฝาท่อทั้งซอยแล้ว"
CASE_PAGE = re.compile(r"/admin/cases/complaints/\d+/$")


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "#c84c09").save(buffer, "JPEG")
    return {"name": "drain.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def test_a_citizen_files_a_complaint_staff_resolve_it_and_the_citizen_follows_it(
    browser, site_url, checked_html
):
    citizen = checked_html(browser.new_context(viewport=PHONE, locale="th-TH").new_page())
    outside = []
    citizen.on("request", lambda req: "127.0.0.1" not in req.url and outside.append(req.url))

    # 1. On a phone, the citizen files a complaint with a photo.
    citizen.goto(site_url + "/complaints/")
    assert_accessible(citizen)
    citizen.select_option("#id_category", label="ท่อระบายน้ำและน้ำท่วมขัง")
    citizen.fill("#id_description", DESCRIPTION)
    citizen.fill("#id_place", "ซอยสวรรค์วิถี 5 หน้าโรงเรียนเทศบาล 1")
    citizen.set_input_files("#id_attachments", [photo()])
    citizen.fill("#id_contact_email", "citizen@example.org")
    citizen.wait_for_timeout(3500)  # a person takes longer than a bot to fill the form
    citizen.get_by_role("button", name="ส่งเรื่อง").click()
    citizen.wait_for_url(re.compile(r"/complaints/track/\d{4}-\d{6}/[^/]+/\?new=1$"))
    heading = citizen.get_by_role("heading", level=1).inner_text()
    number = re.search(r"นว-\d{4}-\d{6}", heading).group(0)
    assert citizen.get_by_text("ได้รับเรื่องของท่านแล้ว").is_visible()
    assert_accessible(citizen)
    link = citizen.url.removesuffix("?new=1")

    # 2. The complaints centre assigns it to the Engineering Office.
    centre = person(browser, site_url, "complaints-officer")
    centre.goto(site_url + "/admin/cases/complaints/")
    centre.get_by_role("link", name=number).first.click()
    centre.wait_for_url(CASE_PAGE)
    expect(centre.get_by_text(DESCRIPTION)).to_be_visible()
    expect(centre.get_by_text("citizen@example.org")).to_be_visible()
    centre.select_option("#id_unit", label="สำนักงานช่าง")
    centre.get_by_role("button", name="ส่งหน่วยงาน (Assign to a unit)").click()
    expect(centre.locator(".case-details dd").first).to_have_text(
        "ส่งหน่วยงานแล้ว (Assigned to a unit)"
    )
    centre.context.close()

    # 3. The office's handler finds it, sees no personal data, and resolves it.
    engineer = person(browser, site_url, "engineering-staff")
    engineer.goto(site_url + "/admin/cases/complaints/")
    engineer.get_by_role("link", name=number).first.click()
    engineer.wait_for_url(CASE_PAGE)
    expect(engineer.get_by_text("ซ่อนข้อมูลส่วนบุคคล")).to_be_visible()
    assert engineer.get_by_text("citizen@example.org").count() == 0
    engineer.fill("#id_text", OUTCOME)
    engineer.get_by_role("button", name="ดำเนินการแล้วเสร็จ (Resolve)").click()
    expect(engineer.locator(".case-details dd").first).to_have_text("ดำเนินการแล้วเสร็จ (Resolved)")
    engineer.context.close()

    # 4. The citizen sees the new status through the private link.
    citizen.goto(link)
    assert citizen.locator(".case-status").inner_text() == "ดำเนินการแล้วเสร็จ"
    assert citizen.get_by_text(OUTCOME).is_visible()
    assert_accessible(citizen)

    # The questions and statistics pages pass the scan too.
    for path in ("/questions/", "/complaint-statistics/", "/complaint-statistics/e-services/"):
        citizen.goto(site_url + path)
        assert citizen.get_by_role("heading", level=1).is_visible()
        assert_accessible(citizen)
    assert outside == []
    citizen.context.close()
