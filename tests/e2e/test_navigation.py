"""Views: each one reached by keyboard and by its address, Back/Forward and reload, what was
typed kept across views, Home in one screen, share links and the printed report."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ssi_coach.exporters.share import SharedReport, encode_report
from ssi_coach.model import CheckIn
from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    NOW,
    VIEWS,
    current_view,
    document_v2,
    from_the_top,
    go,
    record,
    start,
)
from tests.e2e.test_coach import coach_document, week

pytestmark = pytest.mark.e2e

CHECKINS = (record("2026-09-01", 11, 7, 6, 8, industry_rank=40, network_rank=30),
            record("2026-10-04", 12, 8, 7, 9, industry_rank=38, network_rank=28,
                   industry="Software", note="webinar"),
            record("2026-11-01", 12.5, 8.25, 7.4, 9.1, industry_rank=35, network_rank=27))
HEADINGS = {"home": "dashboard-heading", "checkins": "form-heading", "peers": "peers-heading",
            "coach": "coach-heading", "activity": "activity-heading", "posts": "posts-heading",
            "accounts": "accounts-heading",
            "network": "network-heading", "team": "team-heading", "data": "data-heading"}


def shows(page: Page, view: str) -> None:
    """`view` alone is on screen, marked in the navigation, at its own address."""
    expect(page.locator(f"#view-{view}")).to_be_visible()
    assert current_view(page) == view
    expect(page.locator("#nav-list a[aria-current=page]")).to_have_attribute("data-view", view)
    expect(page.locator("#nav-list a[aria-current]")).to_have_count(1)


def test_every_view_is_reached_by_keyboard_with_focus_on_its_heading(
        page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(*CHECKINS))
    shows(page, "home")  # no address: Home
    for view in (*VIEWS[1:], "home"):
        from_the_top(page)
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("v => document.activeElement.dataset.view === v", view):
                break
        expect(page.locator(f"#nav-list a[data-view={view}]")).to_be_focused()
        page.keyboard.press("Enter")
        shows(page, view)
        assert page.url.endswith(f"#/{view}")
        expect(page.locator(f"#{HEADINGS[view]}")).to_be_focused()  # where the view starts


def test_every_view_has_an_address_that_back_forward_and_reload_keep(
        page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(*CHECKINS))
    for view in VIEWS:  # typed into the address bar (same page: no reload)
        page.goto(f"{site_url}#/{view}")
        shows(page, view)
    page.goto(f"{site_url}#/nowhere")
    shows(page, "home")  # an unknown address is Home

    go(page, "coach")
    go(page, "team")
    page.go_back()
    shows(page, "coach")
    page.go_back()
    shows(page, "home")
    page.go_forward()
    shows(page, "coach")

    page.reload()
    wait_ready(page)
    shows(page, "coach")
    expect(page.locator("#coach-body")).not_to_be_empty()

    page.goto(f"{site_url}#/data")  # a bookmark, opened in a fresh page
    page.reload()
    wait_ready(page)
    shows(page, "data")


def test_what_was_typed_or_unfolded_survives_switching_views(page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(*CHECKINS))
    go(page, "checkins")
    page.fill("#f-date", "2026-11-20")
    page.fill("#f-brand", "13,5")
    page.fill("#f-note", "half typed")
    page.click("#paste-open")
    page.fill("#paste-text", "some pasted text")
    go(page, "coach")
    page.locator("#plan-details summary").click()
    go(page, "activity")
    go(page, "checkins")
    expect(page.locator("#f-date")).to_have_value("2026-11-20")
    expect(page.locator("#f-brand")).to_have_value("13,5")
    expect(page.locator("#f-note")).to_have_value("half typed")
    expect(page.locator("#paste-text")).to_have_value("some pasted text")
    expect(page.locator("#paste-panel")).to_be_visible()
    go(page, "coach")
    expect(page.locator("#plan-details")).to_have_attribute("open", "")


def test_the_skip_link_leads_into_the_view_on_screen(page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(*CHECKINS))
    go(page, "checkins")
    from_the_top(page)
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Skip to the check-in form")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator("#checkin-form :focus")).to_have_count(1)
    shows(page, "checkins")  # a jump within the view, not another view
    page.reload()
    wait_ready(page)
    shows(page, "checkins")  # the anchor's own view after a reload


def test_a_phone_opens_views_from_the_menu(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    start(page, site_url, document=document_v2(*CHECKINS))
    toggle = page.locator("#nav-toggle")
    expect(toggle).to_be_visible()
    expect(page.locator("#nav-list")).to_be_hidden()  # folded away: the page has the room
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.click("#nav-list a[data-view=team]")
    shows(page, "team")
    expect(page.locator("#nav-list")).to_be_hidden()  # folds back after the choice
    expect(toggle).to_have_attribute("aria-expanded", "false")


ESSENTIALS = {  # what Home must show without scrolling
    "latest SSI": "[data-testid=total]", "its change": ".total-card .since",
    "the four pillars": ".pillar-list", "ranks": ".rank-card dl", "due state": "[data-testid=due]",
    "trend chart": "#trend-chart svg", "top 3 actions": ".top-actions",
    "link to the Coach": "#next a[href='#/coach']",
}


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_home_answers_in_one_screen(page: Page, site_url: str, size: tuple[int, int]) -> None:
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    seeded = coach_document(*CHECKINS, weeks=[week("2026-11-09", posts=1, comments_written=2),
                                              week("2026-11-16", posts=1)])
    start(page, site_url, document=seeded, charts=True)
    shows(page, "home")
    expect(page.locator(".top-actions > li")).to_have_count(3)
    for what, selector in ESSENTIALS.items():
        box = page.locator(selector).bounding_box()
        assert box is not None, f"{what} is not shown"
        inside = (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width
                  and box["y"] + box["height"] <= height)
        assert inside, f"{what} is outside the first screen: {box}"
    page.click("#next a[href='#/coach']")
    shows(page, "coach")


def test_a_share_link_still_opens_the_read_only_report(page: Page, site_url: str) -> None:
    checkins = (CheckIn(dt.date(2026, 10, 1), 11, 7, 6, 8),
                CheckIn(dt.date(2026, 11, 1), 12, 8, 7, 9))
    link = encode_report(SharedReport("Dana", dt.date(2026, 11, 2), checkins))
    page.clock.set_fixed_time(NOW)
    page.goto(f"{site_url}#report={link}")
    wait_ready(page)
    expect(page.locator("#report-banner")).to_contain_text("Dana's SSI report (read-only)")
    for shown in ("#dashboard", "#charts", "#history"):
        expect(page.locator(shown)).to_be_visible()
    expect(page.locator("[data-testid=total]")).to_have_text("36 / 100")
    for hidden in ("#site-nav", "#entry", "#coach", "#team", "#data", "#next"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator("#history-table [data-action]")).to_have_count(0)


PRINTED_TABLES = """() => [...document.querySelectorAll('table')]
    .filter(t => t.getClientRects().length > 0)
    .map(t => {
        const seen = el => el.getClientRects().length > 0;
        const cells = row => [...row.children].filter(seen).map(c => c.textContent.trim());
        return {id: t.id, head: cells(t.tHead.rows[0]),
                rows: [...t.tBodies[0].rows].filter(seen).map(cells)};
    })"""


@pytest.mark.parametrize("view", ["home", "coach", "checkins"])
def test_the_printed_report_puts_every_value_under_its_heading(
        page: Page, site_url: str, view: str) -> None:
    start(page, site_url, document=document_v2(*CHECKINS), charts=True)
    go(page, view)
    page.emulate_media(media="print")
    expect(page.locator("#site-nav")).to_be_hidden()
    for shown in ("[data-testid=total]", ".pillar-list", "#trend-chart svg", "#history-table"):
        expect(page.locator(shown)).to_be_visible()  # whichever view was open

    tables: list[dict[str, Any]] = page.evaluate(PRINTED_TABLES)
    assert [t["id"] for t in tables] == ["history-table"]
    history = tables[0]
    assert history["head"] == ["Date", "Total", "Brand", "People", "Insights", "Relationships",
                               "Industry rank", "Network rank", "Industry", "Note"]
    printed = [dict(zip(history["head"], row, strict=True)) for row in history["rows"]]
    expected = [{"Date": r["date"], "Total": str(round(sum(r[p] for p in (
                     "brand", "people", "insights", "relationships")))),
                 "Brand": _score(r["brand"]), "People": _score(r["people"]),
                 "Insights": _score(r["insights"]), "Relationships": _score(r["relationships"]),
                 "Industry rank": f"Top {r['industry_rank']}%",
                 "Network rank": f"Top {r['network_rank']}%",
                 "Industry": r.get("industry", ""), "Note": r.get("note", "")}
                for r in reversed(CHECKINS)]
    assert printed == expected


def _score(value: float) -> str:
    return re.sub(r"\.?0+$", "", f"{value:.3f}")
