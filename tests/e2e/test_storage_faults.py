"""Storage faults in the real browser: damage, a full storage, two tabs at once."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.conftest import PageWatch, wait_ready
from tests.e2e.helpers import (
    DOCUMENT_KEY,
    NOW,
    add_checkin,
    document_v2,
    download_after_click,
    form_values,
    go,
    history_dates,
    record,
    reveal,
    start,
    stored,
    stored_document,
)

pytestmark = pytest.mark.e2e

LAST_GOOD_KEY = DOCUMENT_KEY + ".last-good"
OCT = record("2026-10-04", 11, 7, 6, 8)
NOV = record("2026-11-01", 12, 8, 7, 9)


def test_a_damaged_document_is_replaced_by_the_last_good_copy_and_kept_to_download(
        page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(OCT))
    add_checkin(page, "2026-11-01", "12", "8", "7", "9")
    good = stored(page)
    assert good is not None
    assert page.evaluate("(k) => localStorage.getItem(k)", LAST_GOOD_KEY) == good
    damaged = good[: len(good) // 2]  # truncated, as a crash mid-write elsewhere might leave it
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [DOCUMENT_KEY, damaged])

    page.reload()
    wait_ready(page)
    status = page.locator("#status")
    expect(status).to_contain_text("Your saved data was damaged")
    expect(status).to_contain_text("loaded the last good copy")
    assert sorted(history_dates(page)) == ["2026-10-04", "2026-11-01"]
    assert stored(page) == good
    name, data = download_after_click(page, "#status [data-action=download-aside]")
    assert data.decode() == damaged and name.endswith(".json")


FILL_STORAGE = """() => {
    // Fill this origin's storage to the brim, the way years of other data could.
    const chunk = "x".repeat(1 << 20);
    let i = 0, size = chunk.length;
    for (let piece = chunk; size >= 16; ) {
        try { localStorage.setItem("filler-" + i++, piece); }
        catch (e) { size = Math.floor(size / 2); piece = "x".repeat(size); }
    }
}"""


def test_a_full_storage_refuses_the_save_says_so_and_loses_nothing(
        page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(OCT))
    before = stored(page)
    page.evaluate(FILL_STORAGE)
    add = {"date": "2026-11-01", "brand": "12", "people": "8", "insights": "7",
           "relationships": "9", "note": "A long note " * 40}
    go(page, "checkins")
    for name, value in add.items():
        page.fill(f"#f-{name}", value)
    page.click("#save-button")
    status = page.locator("#status")
    # Refused before writing (the app measures what the save would take against the
    # browser's limit), or by the browser itself when its limit is below the app's estimate.
    expect(status).to_contain_text(re.compile(
        r"above what this browser allows \(about 5 MB\); nothing was saved"
        r"|storage for ssi-coach is full"))
    expect(status).to_contain_text("Nothing was changed")
    assert stored(page) == before
    assert form_values(page)["note"] == add["note"]  # what was typed is still there
    assert history_dates(page) == ["2026-10-04"]


def _second_tab(context: BrowserContext, site_url: str, watch: PageWatch, *,
                deaf: bool = False) -> Page:
    """Another tab of the same browser; `deaf` keeps it from hearing the first tab's saves,
    as when both tabs save before either hears of the other."""
    tab = context.new_page()
    watch.attach(tab)
    tab.clock.set_fixed_time(NOW)
    if deaf:
        tab.add_init_script("addEventListener('storage', (e) => "
                            "e.stopImmediatePropagation(), true)")
    tab.goto(site_url)
    wait_ready(tab)
    return tab


def test_a_check_in_saved_in_one_tab_appears_in_the_other(
        page: Page, context: BrowserContext, site_url: str, watch: PageWatch) -> None:
    start(page, site_url, document=document_v2(OCT))
    other = _second_tab(context, site_url, watch)
    add_checkin(page, "2026-11-01", "12", "8", "7", "9")
    expect(other.locator("#history-table tr[data-date='2026-11-01']")).to_have_count(1)
    expect(other.locator("#status")).to_contain_text("Updated with changes saved in another tab")


def test_another_tab_storing_the_same_data_leaves_this_one_as_it_was(
        page: Page, context: BrowserContext, site_url: str, watch: PageWatch) -> None:
    """A tab that stores what this one already shows (the same data written out again,
    as a second tab does with the Coach's fit) must not replace this tab's message."""
    start(page, site_url, document=document_v2(OCT))
    add_checkin(page, "2026-11-01", "12", "8", "7", "9")
    other = _second_tab(context, site_url, watch)
    other.evaluate("k => localStorage.setItem(k, JSON.stringify("
                   "JSON.parse(localStorage.getItem(k)), null, 1))", DOCUMENT_KEY)
    # The storage event reaches this tab within the next turns; then a real change follows,
    # so the message seen last must be that change's, never the same-data write's.
    page.wait_for_timeout(1000)
    expect(page.locator("#status")).to_contain_text("Saved the check-in of 1 Nov 2026")
    add_checkin(other, "2026-11-08", "12", "8", "7", "10")
    expect(page.locator("#status")).to_contain_text("Updated with changes saved in another tab")


def _edit_note(tab: Page, date: str, note: str) -> None:
    reveal(tab, "#history-table")
    tab.click(f"#history-table tr[data-date='{date}'] [data-action=edit]")
    tab.fill("#f-note", note)
    tab.click("#save-button")


def test_edits_of_different_check_ins_in_two_tabs_both_survive(
        page: Page, context: BrowserContext, site_url: str, watch: PageWatch) -> None:
    start(page, site_url, document=document_v2(OCT))
    deaf = _second_tab(context, site_url, watch, deaf=True)
    add_checkin(page, "2026-11-01", "12", "8", "7", "9")
    _edit_note(deaf, "2026-10-04", "edited in the second tab")
    expect(deaf.locator("#status")).to_contain_text("Changes saved in another tab were kept")
    saved = {c["date"]: c for c in stored_document(deaf)["checkins"]}
    assert set(saved) == {"2026-10-04", "2026-11-01"}
    assert saved["2026-10-04"]["note"] == "edited in the second tab"
    expect(deaf.locator("#history-table tr[data-date='2026-11-01']")).to_have_count(1)


def test_the_same_check_in_edited_in_two_tabs_keeps_the_last_save_and_says_so(
        page: Page, context: BrowserContext, site_url: str, watch: PageWatch) -> None:
    start(page, site_url, document=document_v2(OCT, NOV))
    deaf = _second_tab(context, site_url, watch, deaf=True)
    _edit_note(page, "2026-10-04", "first tab")
    expect(page.locator("#status")).to_contain_text("Updated the check-in")
    _edit_note(deaf, "2026-10-04", "second tab")
    status = deaf.locator("#status")
    expect(status).to_contain_text("Another tab had also changed the check-in of 4 Oct 2026")
    notes = {c["date"]: c.get("note") for c in json.loads(stored(deaf) or "{}")["checkins"]}
    assert notes == {"2026-10-04": "second tab", "2026-11-01": None}
