"""Suggestions as you type on the search page (issue 20), with the keyboard, on a phone and on a
desktop: typing lists the titles of pages that begin as typed, the arrow keys move through them
and Enter opens the one chosen, Escape closes the list and Enter then searches as typed; the page
with the list open passes an axe WCAG 2.1 AA scan and fits a 360 px phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e

BOX = "#search-page-query"
TYPED = "ก่อสร้างถน"  # a citizen half-way through ก่อสร้างถนน


def type_and_wait_for_suggestions(tab, site_url):
    """Open the search page, type ``TYPED`` key by key into the box (``BOX``) and wait for the
    list of suggestions, which is returned."""
    tab.goto(site_url + "/search/")
    box = tab.locator(BOX)
    box.press_sequentially(TYPED, delay=40)
    listbox = tab.locator("#" + box.get_attribute("aria-controls"))
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    return listbox


def test_typing_shows_suggestions_and_the_arrow_keys_and_enter_open_one(page, site_url):
    options = type_and_wait_for_suggestions(page, site_url).get_by_role("option")
    box = page.locator(BOX)
    titles = options.all_inner_texts()
    assert 1 <= len(titles) <= 6, titles
    assert all("ก่อสร้างถนน" in title for title in titles), titles
    # The number found is announced to screen readers.
    expect(page.get_by_role("status").filter(has_text="คำแนะนำ")).to_contain_text(str(len(titles)))

    box.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(0).get_attribute("id"))
    if len(titles) > 1:
        box.press("ArrowDown")
        expect(options.nth(1)).to_have_attribute("aria-selected", "true")
        expect(options.nth(0)).to_have_attribute("aria-selected", "false")
        box.press("ArrowUp")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    # The focus stays in the box while choosing: the typed text is still there to edit.
    assert box.evaluate("el => el === document.activeElement")
    assert box.input_value() == TYPED

    href = options.nth(0).get_attribute("data-url")
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(titles[0])


def test_escape_closes_the_list_and_enter_then_searches_as_typed(page, site_url):
    listbox = type_and_wait_for_suggestions(page, site_url)
    box = page.locator(BOX)
    box.press("ArrowDown")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == TYPED

    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator(BOX).input_value() == TYPED


def test_the_open_list_fits_the_screen_and_passes_axe(page, site_url):
    listbox = type_and_wait_for_suggestions(page, site_url)
    options = listbox.get_by_role("option")
    # Nothing wider than the screen, the list inside it (on a 360 px phone too).
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    width = page.viewport_size["width"]
    shape = listbox.bounding_box()
    assert shape["x"] >= 0 and shape["x"] + shape["width"] <= width, (shape, width)
    # Each suggestion is big enough to tap (WCAG 2.5.8: at least 24 × 24 px).
    assert options.nth(0).bounding_box()["height"] >= 24
    assert page.outside_requests == []
    assert_accessible(page)


def test_a_tap_on_a_suggestion_opens_it(page, site_url):
    options = type_and_wait_for_suggestions(page, site_url).get_by_role("option")
    title = options.nth(0).inner_text()
    options.nth(0).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
