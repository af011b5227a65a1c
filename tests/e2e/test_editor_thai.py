"""An editor in Chromium writes a notice in Thai: the page address keeps the Thai words whole,
vowel and tone marks included, and the date picker's date reads in the Buddhist Era."""

import re

import pytest

from tests.e2e.test_workflow import announcements_index_id, person
from thai.text import slug

pytestmark = pytest.mark.e2e

TITLE = "ประกาศรับสมัครพนักงานจ้าง ตำแหน่งผู้ช่วยครู ๒๕๖๙"
# The marks Wagtail's own slug script drops: mai ek, mai tho, sara i, sara u, sara uu, am.
MARKS = "\u0e48\u0e49\u0e34\u0e38\u0e39\u0e33"


def test_a_thai_title_makes_a_thai_address_and_dates_read_in_the_buddhist_era(browser, site_url):
    editor = person(browser, site_url, "finance-creator")
    index_id = announcements_index_id(editor, site_url)
    editor.goto(f"{site_url}/admin/pages/add/news/announcementpage/{index_id}/")
    editor.fill("#id_title", TITLE)
    editor.locator("#id_title").press("Tab")
    editor.wait_for_function("document.querySelector('#id_slug').value !== ''")
    address = editor.locator("#id_slug").input_value()
    assert address == slug(TITLE)
    assert address.startswith("ประกาศรับสมัครพนักงานจ้าง-ตำแหน่งผู้ช่วย")
    assert set(MARKS) & set(address) == set(MARKS) & set(TITLE)  # no mark lost
    assert "%" not in address

    # The date picker: the editor picks the 15th; the Buddhist Era date shows beside it.
    editor.locator("#id_date").click()
    picker = editor.locator(".xdsoft_datetimepicker:visible")
    picker.locator("td.xdsoft_date:not(.xdsoft_other_month)[data-date='15']").click()
    picked = editor.locator("#id_date").input_value()
    day, _month, year = (int(part) for part in picked.split("/"))
    assert day == 15
    era = editor.locator("output[for='id_date']")
    assert re.fullmatch(rf"พ\.ศ\.: 15 \S+ {year + 543}", era.inner_text())

    # Saved as a draft, the page keeps that address.
    editor.select_option("#id_kind", "recruitment")
    # "บันทึกฉบับร่าง" sits in the footer's menu, behind the creator's "submit for approval".
    editor.locator("button.action-save").first.evaluate("button => button.click()")
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert editor.locator("#id_slug").input_value() == address
    editor.context.close()
