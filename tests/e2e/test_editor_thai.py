"""An editor in Chromium writes a notice in Thai: the page address keeps the Thai words whole,
vowel and tone marks included, and the date picker reads in the Buddhist Era (its calendar and
the date beside the field) while the page keeps the Gregorian date."""

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

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

    # The date picker: its calendar reads in the Buddhist Era; the editor picks the 15th of the
    # next year's month from the year list, the Buddhist Era date shows beside the field and the
    # field holds the Gregorian date.
    editor.locator("#id_date").click()
    picker = editor.locator(".xdsoft_datetimepicker:visible")
    # The picker draws its calendar asynchronously: wait for the heading rather than read it.
    year = int(set_year(picker))
    shown = year + 543
    expect(heading(picker)).to_have_text(f"{shown}")
    assert f"{shown}" in year_list(picker) and f"{year}" not in year_list(picker)
    picker.locator(".xdsoft_label.xdsoft_year").click()
    picker.locator(f".xdsoft_yearselect .xdsoft_option[data-value='{year + 1}']").click()
    expect(heading(picker)).to_have_text(f"{shown + 1}")
    picker.locator("td.xdsoft_date:not(.xdsoft_other_month)[data-date='15']").click()
    picked = editor.locator("#id_date").input_value()
    day, month, picked_year = (int(part) for part in picked.split("/"))
    assert (day, picked_year) == (15, year + 1)
    era = editor.locator("output[for='id_date']")
    assert re.fullmatch(rf"พ\.ศ\.: 15 \S+ {shown + 1}", era.inner_text())

    # Saved as a draft, the page keeps that address.
    editor.select_option("#id_kind", "recruitment")
    # "บันทึกฉบับร่าง" sits in the footer's menu, behind the creator's "submit for approval".
    editor.locator("button.action-save").first.evaluate("button => button.click()")
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert editor.locator("#id_slug").input_value() == address
    # The saved date is the Gregorian one picked (the form shows the stored value).
    assert editor.locator("#id_date").input_value() == f"15/{month:02d}/{year + 1}"

    # The schedule dialog's pickers read in the Buddhist Era too.
    editor.locator("[data-side-panel-toggle='status']").first.click()
    editor.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    editor.locator("#id_go_live_at").click()
    picker = editor.locator(".xdsoft_datetimepicker:visible")
    expect(heading(picker)).to_have_text(f"{int(set_year(picker)) + 543}")
    editor.context.close()


def test_the_english_admin_keeps_the_common_era_in_the_date_picker(browser, site_url):
    editor = person(browser, site_url, "finance-creator")
    index_id = announcements_index_id(editor, site_url)
    with admin_language(editor, site_url, "en"):
        editor.goto(f"{site_url}/admin/pages/add/news/announcementpage/{index_id}/")
        editor.locator("#id_date").click()
        picker = editor.locator(".xdsoft_datetimepicker:visible")
        expect(heading(picker)).to_have_text(set_year(picker))
        assert "2026" in year_list(picker)
    editor.context.close()


def heading(picker):
    """The year in the heading of the date picker's calendar."""
    return picker.locator(".xdsoft_label.xdsoft_year > span")


def set_year(picker):
    """The year the calendar's days set in the field (Gregorian)."""
    day = picker.locator("td.xdsoft_date:not(.xdsoft_other_month)").first
    return day.get_attribute("data-year")


def year_list(picker):
    return picker.locator(".xdsoft_yearselect .xdsoft_option").all_text_contents()


@contextmanager
def admin_language(tab, site_url, language):
    """The signed-in user's admin language set on their account page, then back to Thai."""

    def choose(code):
        tab.goto(f"{site_url}/admin/account/")
        tab.select_option("#id_locale-preferred_language", code)
        tab.locator("form button[type=submit]").last.click()
        tab.wait_for_load_state()

    choose(language)
    try:
        yield
    finally:
        choose("th")
