"""Peers, end to end: a pasted SSI page with the peers' pillar averages fills the form's
Peers group, is saved with the check-in, and the Peers view, Home and the Coach compare the
member with their industry and network; older check-ins without peers still show everywhere;
events noted on a check-in explain a change; the weekly reminder and the activity streak."""

from __future__ import annotations

import re
from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    TODAY,
    days_before,
    download_after_click,
    go,
    record,
    start,
    stored_checkins,
)
from tests.e2e.test_coach import coach_document, open_details, week

ROOT = Path(__file__).resolve().parents[2]
# Own 12.05 / 5 / 10 / 5.95; industry 8 / 7 / 9 / 7; network 9 / 6 / 8 / 7.
PAGE = (ROOT / "tests/fixtures/ssi_pages/en-page-with-accessibility-tables.txt").read_text()
PEER_FIELDS = {"industry_peers_brand": "8", "industry_peers_people": "7",
               "industry_peers_insights": "9", "industry_peers_relationships": "7",
               "network_peers_brand": "9", "network_peers_people": "6",
               "network_peers_insights": "8", "network_peers_relationships": "7"}


def paste(page: Page, text: str) -> None:
    go(page, "checkins")
    page.click("#paste-open")
    page.fill("#paste-text", text)
    page.click("#paste-read")


def test_a_pasted_page_with_peers_is_saved_and_compared_pillar_by_pillar(
        page: Page, site_url: str) -> None:
    start(page, site_url)
    paste(page, PAGE)

    # The preview shows the eight averages; the form's Peers group holds them, folded.
    peers = page.locator("#paste-peers tbody tr")
    expect(peers).to_have_count(4)
    expect(peers.nth(0)).to_have_text(re.compile(r"Brand\s*8\s*9"))
    expect(peers.nth(3)).to_have_text(re.compile(r"Relationships\s*7\s*7"))
    for name, value in PEER_FIELDS.items():
        assert page.input_value(f"#f-{name}") == value, name
    expect(page.locator("#peers-filled")).to_contain_text("8 of 8")

    page.click("#save-button")
    expect(page.locator("#status")).to_contain_text("Saved the check-in")
    [saved] = stored_checkins(page)
    assert saved["industry_peers"] == {"brand": 8, "people": 7, "insights": 9,
                                       "relationships": 7}
    assert saved["network_peers"]["relationships"] == 7

    # Home: the absolute weakest (people, 5) is also furthest below peers (mean 6.5);
    # brand is furthest above them (12.05 against 8.5).
    go(page, "home")
    people = page.locator(".pillar-list li[data-pillar=people]")
    expect(people).to_contain_text("Weakest")
    expect(people).to_contain_text("Furthest below peers")
    expect(people).to_contain_text("1.5 below peers")
    expect(page.locator(".pillar-list li[data-pillar=brand]")).to_contain_text(
        "Furthest above peers")

    # The Peers view: the table at once, the chart once Matplotlib is in.
    go(page, "peers")
    rows = page.locator("#peers-table tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.nth(0)).to_contain_text("Establish your professional brand")
    expect(rows.nth(0).locator("td")).to_have_text(["12.05", "8", "9", "+4.05", "+3.05"])
    expect(rows.nth(1).locator("td")).to_have_text(["5", "7", "6", "−2", "−1"])
    expect(page.locator("#peers-body")).to_contain_text("Weakest relative to peers")
    expect(page.locator("#peers-body")).to_contain_text("furthest below the average")
    wait_ready(page, charts=True)
    expect(page.locator("#peers-chart svg")).to_be_visible()
    # One check-in with peers is not a trend yet, and the page says so.
    expect(page.locator("#peers-charts")).to_contain_text("once two check-ins have")


def test_older_check_ins_without_peers_still_show_everywhere(page: Page, site_url: str) -> None:
    older = record(days_before(40), 10, 6, 8, 5, industry_rank=30)
    start(page, site_url, document=coach_document(
        older, weeks=[week(days_before(13 + 7 * n), posts=1, comments_written=2)
                      for n in range(3)]))
    go(page, "peers")
    expect(page.locator("#peers-body")).to_contain_text("do not have your peers' averages yet")
    expect(page.locator("#peers-charts svg")).to_have_count(0)

    paste(page, PAGE)
    page.click("#save-button")
    expect(page.locator("#status")).to_contain_text("Saved the check-in")
    for view in ("home", "checkins", "coach", "activity", "network", "team", "data", "peers"):
        go(page, view)  # the page fixture fails the test on any error along the way
    expect(page.locator("#peers-table tbody tr")).to_have_count(4)
    # The Coach explains the change: without peers on the older check-in it cannot tell the
    # market's part from the member's, and says so.
    go(page, "coach")
    open_details(page, "change-details")
    expect(page.locator("#change-body .market")).to_contain_text("Not enough information")


def test_events_noted_on_a_check_in_explain_the_change(page: Page, site_url: str) -> None:
    older = record(days_before(30), 12, 6, 8, 7)
    start(page, site_url, document=coach_document(older))
    go(page, "checkins")
    page.fill("#f-brand", "10")
    page.fill("#f-people", "5")
    page.fill("#f-insights", "7")
    page.fill("#f-relationships", "6")
    page.check("#f-event_linkedin_change")
    page.check("#f-event_holiday")
    page.click("#save-button")
    expect(page.locator("#status")).to_contain_text("Saved the check-in")
    saved = stored_checkins(page)[-1]
    assert saved["date"] == TODAY and saved["events"] == ["holiday", "linkedin_change"]
    assert not page.is_checked("#f-event_holiday"), "the form starts empty again"

    go(page, "coach")
    open_details(page, "change-details")
    events = page.locator("#change-body .events li")
    expect(events).to_have_text(["22 Nov 2026: Holiday or time off, LinkedIn changed something"])


def test_home_shows_the_streak_and_the_weekly_reminder_downloads(
        page: Page, site_url: str) -> None:
    monday = "2026-11-16"  # the week before TODAY's; this week is not logged yet
    weeks = [week(days_before(7 * n, monday), posts=1) for n in range(3)]
    start(page, site_url, document=coach_document(record(days_before(3), 12, 6, 8, 7),
                                                  weeks=weeks))
    expect(page.locator("[data-testid=streak]")).to_contain_text(
        "3 weeks of activity logged in a row")
    go(page, "data")
    name, data = download_after_click(page, "#weekly-reminder-download")
    assert name == "ssi-coach-weekly-reminder.ics"
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["MO"]
    assert event.decoded("DTSTART").isoformat() == "2026-11-23"
    expect(page.locator("#status")).to_contain_text("every Monday from 23 Nov 2026")
