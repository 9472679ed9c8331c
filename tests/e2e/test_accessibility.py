"""Accessibility: axe-core on every screen, a keyboard-only journey, a 360 px wide phone.

axe-core comes from npm (pinned and checked by tools/runtime.py) into vendor/test-tools/;
it is injected by the test browser, never part of the site. Set SSI_A11Y_REPORT to a file
name to get the per-screen results as JSON (tools/hardening_report.py does).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ssi_coach.exporters.share import SharedReport, encode_report
from ssi_coach.model import CheckIn
from tests.analytics_workbooks import NEW, overlapping_pair
from tests.e2e.conftest import ROOT, PageWatch, wait_ready
from tests.e2e.helpers import (
    NOW,
    TODAY,
    VIEWS,
    document_v2,
    from_the_top,
    go,
    long_date,
    record,
    start,
    stored_checkins,
)
from tests.e2e.test_coach import coach_document, week
from tests.e2e.test_export_import import choose_files, open_import, report
from tests.e2e.test_posts import (
    END,
    IMPORT_TIMEOUT_MS,
    drop,
    files_of,
    open_posts_import,
    stored_posts,
)
from tests.linkedin_export import ExportSpec, make_export

pytestmark = pytest.mark.e2e

AXE = ROOT / "vendor" / "test-tools" / "axe.min.js"
BLOCKING = ("serious", "critical")
RESULTS: dict[str, dict[str, Any]] = {}
CHECKINS = (record("2026-09-01", 11, 7, 6, 8, industry_rank=40, network_rank=30),
            record("2026-10-04", 12, 8, 7, 9, industry_rank=38, network_rank=28, note="webinar"),
            record("2026-11-01", 12.5, 8.2, 7.4, 9.1, industry_rank=35, network_rank=27))


@pytest.fixture(scope="module", autouse=True)
def _write_report() -> Iterator[None]:
    yield
    target = os.environ.get("SSI_A11Y_REPORT")
    if target:
        Path(target).write_text(json.dumps(RESULTS, indent=2))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    if not AXE.exists():
        pytest.fail("vendor/test-tools/axe.min.js is missing: run the tests through 'make test'")
    ctx = browser.new_context(accept_downloads=True, service_workers="block")
    ctx.add_init_script(path=str(AXE))  # injected by the browser, not loaded by the page
    yield ctx
    ctx.close()


def check_screen(page: Page, screen: str) -> None:
    """axe-core on what is on screen now: no serious or critical violation."""
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return {violations: result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))})),
                rules: result.passes.length + result.violations.length
                       + result.incomplete.length + result.inapplicable.length};
    }""")
    blocking = [v for v in found["violations"] if v["impact"] in BLOCKING]
    RESULTS[screen] = {"rules": found["rules"], "violations": found["violations"],
                       "blocking": len(blocking)}
    assert not blocking, f"{screen}: " + json.dumps(blocking, indent=1)


def open_all_details(page: Page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def test_every_screen_of_the_members_own_data(page: Page, site_url: str,
                                              tmp_path: Path) -> None:
    start(page, site_url)
    check_screen(page, "first visit (empty)")

    go(page, "checkins")
    page.click("#paste-open")
    page.fill("#paste-text", "not an SSI page")
    page.click("#paste-read")
    page.fill("#f-brand", "30")
    page.click("#save-button")
    expect(page.locator("#form-summary")).to_be_visible()
    check_screen(page, "form with errors, paste panel open")

    document = coach_document(*CHECKINS, weeks=[week("2026-10-26", posts=2, comments_written=5)])
    document["people"] = [{"name": "Ann Lee", "saved_on": "2026-11-02", "checkins": CHECKINS},
                          {"name": "Bo Chen", "saved_on": "2026-11-03",
                           "checkins": CHECKINS[:1]}]  # the Team section, with charts
    document["posts"] = stored_posts()  # the Posts view with every part filled
    start(page, site_url, document=document, charts=True)
    go(page, "team")
    expect(page.locator("#team-heat-map svg")).to_be_visible()
    open_all_details(page)
    page.evaluate("""() => {  // the update prompt and the offline note, as they would show
        document.getElementById('update-banner').hidden = false;
        document.getElementById('offline-note').hidden = false; }""")
    for view in VIEWS:  # every view, with everything unfolded
        go(page, view)
        check_screen(page, f"{view} view, everything unfolded")

    open_import(page)
    choose_files(page, tmp_path, make_export(ExportSpec(seed=3, weeks=8)).uploads)
    report(page)
    check_screen(page, "LinkedIn export report")

    older, newer = overlapping_pair(seed=2, gap_days=5, days=60, era=NEW, end=END)
    open_posts_import(page)
    drop(page, "posts-drop", files_of(older, newer))
    expect(page.locator("#posts-panel .posts-report")).to_be_visible(timeout=IMPORT_TIMEOUT_MS)
    check_screen(page, "post analytics report")


def test_shared_report_broken_link_and_unreadable_data(browser: Browser, page: Page,
                                                       site_url: str) -> None:
    checkins = (CheckIn(dt.date(2026, 10, 1), 11, 7, 6, 8), CheckIn(dt.date(2026, 11, 1),
                                                                     12, 8, 7, 9))
    link = encode_report(SharedReport("Dana", dt.date(2026, 11, 2), checkins))
    page.clock.set_fixed_time(NOW)
    page.goto(site_url + "#report=" + link)
    wait_ready(page, charts=True)
    check_screen(page, "shared report (read-only)")
    page.goto(site_url + "#report=r1.broken")
    wait_ready(page)
    check_screen(page, "broken share link")

    start(page, site_url, raw='{"schema_version": 4, "checkins": [')
    expect(page.locator("#problem")).to_be_visible()
    check_screen(page, "unreadable stored data")


# ---- keyboard only -------------------------------------------------------------------------

FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    // A date field's calendar button is focused inside the field: the page styles it with
    // ::-webkit-calendar-picker-indicator:focus-visible, which getComputedStyle cannot see.
    const picker = el.type === "date" && !el.matches(":focus") && el.matches(":focus-within");
    const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    return {id: el.id, tag: el.tagName.toLowerCase(),
            text: (el.textContent || "").trim().slice(0, 40),
            outline: picker || ring, visible: box.width > 0 && box.height > 0};
}"""
REACHABLE = """() => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(el => !el.disabled && el.getClientRects().length > 0
                  && getComputedStyle(el).visibility !== "hidden"
                  && !el.closest('[hidden], details:not([open]) > :not(summary)'))
    .length"""


def tab_through(page: Page) -> list[dict[str, Any]]:
    """Press Tab until focus comes back round; every stop, with how its focus looks."""
    from_the_top(page)
    stops: list[dict[str, Any]] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["tag"] == "body" or (stops and state == stops[0]):
            break
        stops.append(state)
    return stops


def test_keyboard_only_add_edit_and_reach_every_control_with_visible_focus(
        page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(*CHECKINS[:2]), charts=True)
    for view in VIEWS:
        go(page, view)
        stops = tab_through(page)
        reachable = page.evaluate(REACHABLE)
        assert len(stops) >= reachable - 2, (view, len(stops), reachable)  # file inputs: 1 stop
        unseen = [s for s in stops if not s["outline"] or not s["visible"]]
        assert not unseen, f"{view}: focus not visible on: {unseen}"

    # Add a check-in: on Check-ins, the skip link leads to the form; Enter saves.
    go(page, "checkins")
    from_the_top(page)
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")  # the date field is filled in with today
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-brand":
            break
    for value in ("12.5", "8.2", "7.4", "9.1"):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    saved_text = f"Saved the check-in of {long_date(TODAY)}"
    expect(page.locator("#status")).to_contain_text(saved_text)

    # Edit it: Tab to its Edit button in the history, Enter, change a score, Enter.
    edit = page.locator(f"#history-table tr[data-date='{TODAY}'] [data-action=edit]")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("(day) => document.activeElement.dataset.action === 'edit' && "
                         "document.activeElement.dataset.date === day", TODAY):
            break
    expect(edit).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#form-heading")).to_contain_text("Edit")
    page.locator("#f-brand").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("13")
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_contain_text("Updated the check-in")
    saved = {c["date"]: c["brand"] for c in stored_checkins(page)}
    assert saved == {"2026-09-01": 11, "2026-10-04": 12, TODAY: 13}


# ---- a phone --------------------------------------------------------------------------------

def test_the_layout_works_360_px_wide(page: Page, site_url: str, watch: PageWatch) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    start(page, site_url, document={**coach_document(*CHECKINS), "posts": stored_posts()},
          charts=True)
    open_all_details(page)
    for view in VIEWS:
        go(page, view)
        page.click("#nav-toggle")  # the menu unfolded is part of the page too
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(el => el.getClientRects().length && !el.closest('.table-wrap, pre')
                          && el.getBoundingClientRect().right > 361)
            .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                       + (el.className ? '.' + String(el.className).split(' ')[0] : ''))
            .slice(0, 10)""")
        assert not wide, f"{view}: wider than the phone: {wide}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        check_screen(page, f"phone, 360 px wide, {view} view")
