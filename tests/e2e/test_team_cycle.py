"""The team review cycle, end to end: five members' share links (with their weekly activity)
pasted at once inside a chat thread; the coach sets everyone's target and two people's
segment, picks a quarter, sees the movers, who is due (with the reminder) and the activity
columns, and downloads the period's report; a save that would not fit is refused with a
message and loses nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from ssi_coach.exporters.share import build_report, share_link
from ssi_coach.model import CheckIn, Document, WeekLog
from tests.e2e.helpers import download_after_click, go, reveal, start, stored_document

pytestmark = pytest.mark.e2e

D = dt.date.fromisoformat


def _member(name: str, totals: list[tuple[str, float]], posts: int, site_url: str) -> str:
    """A member's share link with their weekly activity, as their own app would make it."""
    checkins = tuple(CheckIn(D(day), total / 4, total / 4, total / 4, total / 4)
                     for day, total in totals)
    first = D(totals[0][0])
    monday = first - dt.timedelta(days=first.weekday())
    weeks = tuple(WeekLog(monday + dt.timedelta(weeks=n),
                          {"posts": posts, "comments_written": 2 * posts, "meetings": 1})
                  for n in range(16))
    report = build_report(Document(checkins, weeks=weeks), last=12, include_notes=False,
                          include_industry=False, name=name, created=D(totals[-1][0]),
                          include_activity=True)
    return share_link(site_url, report)


def thread(site_url: str) -> str:
    """A coach's inbox: links quoted, wrapped and surrounded by chat."""
    links = [
        _member("Ann Lee", [("2026-09-01", 40), ("2026-10-05", 46), ("2026-11-10", 52)], 3,
                site_url),
        _member("Bo Chen", [("2026-09-03", 60), ("2026-11-02", 55)], 1, site_url),
        _member("Cy Diaz", [("2026-06-01", 30), ("2026-07-01", 31)], 0, site_url),
        _member("Di Ng", [("2026-09-20", 50), ("2026-11-15", 58)], 5, site_url),
        _member("Ed Ruiz", [("2026-10-01", 45), ("2026-11-12", 47)], 2, site_url),
    ]
    return (f"Ann: here you go <{links[0]}>\n> Bo wrote:\n> {links[1]}\n"
            f"Cy: sorry, old one: {links[2]}.\nDi -- {links[3]} -- thanks!\n"
            f"Ed: {links[4]}\nAnn again: {links[0]}\n")


def test_a_coach_runs_a_quarterly_review_from_pasted_links(page: Page, site_url: str) -> None:
    start(page, site_url, charts=True)
    go(page, "team")
    reveal(page, "#team-link")
    page.fill("#team-link", thread(site_url))
    page.click("#team-add-form button[type=submit]")
    status = page.locator("#team-status")
    expect(status).to_contain_text("Added 5 people")
    expect(status).to_contain_text("1 duplicate read once")
    expect(page.locator("#team-table tbody tr")).to_have_count(5)

    # Everyone's target, then two people's segment.
    page.locator("#team-targets > summary").click()
    page.fill("#team-target-total", "70")
    page.fill("#team-target-by", "2027-06-30")
    page.locator("#team-target-form button[data-scope=everyone]").click()
    expect(page.locator("#status")).to_contain_text("Set everyone's target")
    for name in ("Ann Lee", "Di Ng"):
        page.locator(f"#team-leaderboard tr[data-person='{name}'] button[data-action=team-tags]"
                     ).click()
        page.fill("#person-tags", "region: EMEA, Executives")
        page.locator("#person-tags-form button[type=submit]").click()
        expect(page.locator("#status")).to_contain_text(f"Saved the tags for {name}")
    saved = {p["name"]: p for p in stored_document(page)["people"]}
    assert saved["Di Ng"]["tags"] == ["region: EMEA", "Executives"]
    assert saved["Bo Chen"]["target"]["total"] == 70

    # The quarter: movers, targets, activity, who is due.
    page.select_option("#team-period", label="This quarter (Q4 2026)")
    board = page.locator("#team-leaderboard")
    expect(board.locator("thead")).to_contain_text("Posts")
    ann = board.locator("tr[data-person='Ann Lee']")
    expect(ann.locator("td").first).to_have_text("+12")  # 40 on 1 Sep → 52 on 10 Nov
    expect(ann).to_contain_text("70 by 30 Jun 2027")
    expect(page.locator("#team-movers")).to_contain_text("Di Ng +8")
    expect(page.locator("#team-movers")).to_contain_text("Bo Chen −5")
    due = page.locator("#team-due")
    expect(due.locator("li[data-person='Cy Diaz']")).to_be_visible()
    expect(due.locator("li[data-person='Cy Diaz'] pre")).to_contain_text("share link")

    # One segment against the rest.
    page.select_option("#team-compare", "region")
    expect(page.locator("#team-segments")).to_contain_text("EMEA")
    page.select_option("#team-segment", "region: EMEA")
    expect(board.locator("tbody tr")).to_have_count(2)

    # The period's report.
    name, data = download_after_click(page, "#team-cycle button[data-action=team-report-xlsx]")
    assert name.endswith(".xlsx")
    book = load_workbook(io.BytesIO(data), read_only=True)
    assert "Leaderboard" in book.sheetnames and "Due" in book.sheetnames


def test_links_that_would_not_fit_in_storage_are_refused_and_nothing_is_lost(
        page: Page, site_url: str) -> None:
    start(page, site_url)
    go(page, "team")
    pasted = thread(site_url)
    # Another key takes almost all of what this browser allows (5 MiB characters).
    page.evaluate("() => localStorage.setItem('someone-else', 'x'.repeat(5 * 1024 * 1024 - 2000))")
    before = page.evaluate("() => localStorage.getItem('ssi-coach')")
    reveal(page, "#team-link")
    page.fill("#team-link", pasted)
    page.click("#team-add-form button[type=submit]")
    expect(page.locator("#status")).to_contain_text("above what this browser allows")
    expect(page.locator("#team-status")).to_contain_text("Nothing was changed")
    assert page.evaluate("() => localStorage.getItem('ssi-coach')") == before
    assert page.input_value("#team-link") == pasted  # what the coach pasted is still there
    expect(page.locator("#team-table tbody tr")).to_have_count(0)
