"""The member's journey: first visit, first check-in, a trend, the monthly rhythm, editing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    DRAFT_KEY,
    TODAY,
    add_checkin,
    days_before,
    document,
    form_values,
    go,
    history_dates,
    history_texts,
    long_date,
    record,
    start,
    stored,
    stored_checkins,
)

pytestmark = pytest.mark.e2e


def test_first_visit_explains_ssi_and_starts_the_form(page: Page, site_url: str) -> None:
    start(page, site_url)

    intro = page.locator("#dashboard-body")
    expect(intro).to_contain_text("Social Selling Index")
    expect(intro).to_contain_text("professional brand")  # names what the score is made of
    expect(page.locator("[data-testid=total]")).to_have_count(0)
    expect(page.locator("#history")).to_be_hidden()
    expect(page.locator("#history-table")).to_have_count(0)
    expect(page.locator("#f-date")).to_have_value(TODAY)  # pre-filled with today

    expect(page.locator("#f-brand")).not_to_be_focused()
    page.get_by_role("button", name="Add your first check-in").click()
    expect(page.locator("#f-brand")).to_be_focused()
    expect(page.locator("#view-checkins")).to_be_visible()  # the form's own view
    assert page.url.endswith("#/checkins")
    assert stored(page) is None, "just looking must not store anything"

    # Before any check-in the chart area should already say what it is waiting for.
    expect(page.locator("#charts-body")).to_contain_text(
        re.compile(r"second check-in|two check-ins"))


def test_first_checkin_fills_the_dashboard(page: Page, site_url: str) -> None:
    start(page, site_url)
    go(page, "checkins")
    preview = page.locator("#total-preview")
    expect(preview).to_have_text("–")

    # A comma decimal, as many European LinkedIn pages show it; the total follows typing.
    page.fill("#f-date", "2026-10-01")
    page.fill("#f-brand", "12,5")
    page.fill("#f-people", "6.2")
    expect(preview).to_have_text("18.7 so far (2 of 4 pillars)")
    page.fill("#f-insights", "4.318")
    page.fill("#f-relationships", "8,8")
    expect(preview).to_have_text("31.818 (LinkedIn shows 32)")
    page.fill("#f-industry_rank", "48")
    page.fill("#f-network_rank", "Top 30%")  # pasted as LinkedIn words it
    page.fill("#f-industry_average", "31")
    page.fill("#f-network_average", "35")
    page.fill("#f-industry", "Software")
    page.fill("#f-note", "Posted <b>twice</b> a week")
    page.click("#save-button")

    expect(page.locator("#status")).to_contain_text("Saved the check-in of 1 Oct 2026: SSI 32")
    expect(page.locator("[data-testid=total]")).to_have_text("32 / 100")
    dashboard = page.locator("#dashboard-body")
    expect(dashboard).to_contain_text("Exact sum of pillars: 31.818")
    expect(dashboard).to_contain_text("Your first check-in")

    pillars = {"brand": "12.5", "people": "6.2", "insights": "4.318", "relationships": "8.8"}
    for pillar, score in pillars.items():
        item = page.locator(f"#dashboard-body li[data-pillar={pillar}]")
        expect(item).to_contain_text(f"{score} / 25")
        expect(item.locator("meter")).to_have_attribute("value", score)
    weakest = page.locator("#dashboard-body li[data-pillar].weakest")
    expect(weakest).to_have_count(1)
    expect(weakest).to_have_attribute("data-pillar", "insights")
    expect(weakest).to_contain_text("Weakest: most room to grow")

    expect(page.locator("dd[data-rank=industry]")).to_have_text("Top 48%")
    expect(page.locator("dd[data-rank=network]")).to_have_text("Top 30%")
    expect(dashboard).to_contain_text("Lower is better")
    expect(dashboard).to_contain_text("Industry average 31: you are 0.818 above")
    expect(dashboard).to_contain_text("Network average 35: you are 3.182 below")

    # The form is ready for the next check-in.
    values = form_values(page)
    assert values.pop("date") == TODAY
    assert values == dict.fromkeys(values, ""), values
    expect(preview).to_have_text("–")
    assert stored(page, DRAFT_KEY) is None

    # Stored as numbers, not as the text typed.
    assert stored_checkins(page) == [{
        "date": "2026-10-01", "brand": 12.5, "people": 6.2, "insights": 4.318,
        "relationships": 8.8, "industry_rank": 48, "network_rank": 30,
        "industry_average": 31, "network_average": 35, "industry": "Software",
        "note": "Posted <b>twice</b> a week",
    }]
    row = page.locator("#history-table tr[data-date='2026-10-01']")
    expect(row).to_contain_text("Posted <b>twice</b> a week")  # shown as text, not markup
    expect(row.locator("b")).to_have_count(0)
    expect(page.locator("#charts-body")).to_contain_text("appears after your second check-in")


def test_changes_ranks_and_charts_across_checkins(page: Page, site_url: str) -> None:
    start(page, site_url, charts=True)
    charts = page.locator("#charts-body")
    total_card = page.locator(".total-card")

    add_checkin(page, "2026-09-01", "12.5", "6.2", "4.318", "8.8",
                industry_rank="55", network_rank="30")  # 31.818
    expect(charts).to_contain_text("appears after your second check-in")
    expect(page.locator("#trend-chart")).to_have_count(0)

    add_checkin(page, "2026-10-01", "12", "6.2", "4.118", "8.8")  # 31.118, no ranks
    expect(total_card).to_contain_text("\u22120.7 since 1 Sep 2026")
    expect(page.locator("#dashboard-body li[data-pillar=brand]")).to_contain_text("\u22120.5")
    expect(page.locator("#dashboard-body li[data-pillar=people]")).to_contain_text("±0")
    expect(page.locator("#trend-chart svg.chart-svg[role=img]")).to_have_count(1)
    expect(page.locator("#rank-chart")).to_have_count(0)  # only one check-in has ranks

    add_checkin(page, "2026-11-01", "13.118", "7", "5.5", "9.2",
                industry_rank="48", network_rank="31")  # 34.818
    expect(page.locator("[data-testid=total]")).to_have_text("35 / 100")
    expect(total_card).to_contain_text("+3.7 since 1 Oct 2026")
    expect(page.locator("#dashboard-body li[data-pillar=brand]")).to_contain_text("+1.12")
    industry = page.locator("dd[data-rank=industry]")
    expect(industry).to_contain_text("Top 48% up 7 points since 1 Sep 2026 (Top 55%)")
    expect(page.locator("dd[data-rank=network]")).to_contain_text("down 1 point")

    trend_svg = page.locator("#trend-chart svg.chart-svg[role=img]")
    expect(trend_svg).to_have_count(1)
    expect(trend_svg).to_have_attribute(
        "aria-label", "Your SSI went from 32 on 1 Sep 2026 to 35 on 1 Nov 2026 over 3 check-ins.")
    expect(page.locator("#rank-chart svg.chart-svg[role=img]")).to_have_count(1)
    expect(page.locator("#rank-chart")).to_contain_text("lower is better")

    # The numbers behind the trend chart, one row per date.
    go(page, "home")
    table = page.locator("#trend-chart details table")
    expect(table).to_be_hidden()
    page.locator("#trend-chart details summary").click()
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(3)
    october = table.locator("tbody tr", has=page.locator("th", has_text="2026-10-01"))
    expect(october).to_contain_text("31.118")
    expect(october.locator("td").first).to_have_text("12")  # Brand comes first
    rank_rows = page.locator("#rank-chart details tbody tr th")
    expect(rank_rows).to_have_text(["2026-09-01", "2026-11-01"])


def test_due_badge_follows_the_monthly_rhythm(page: Page, site_url: str) -> None:
    old = days_before(30)  # 2026-10-23: exactly 30 days is due
    start(page, site_url, document=document(record(old, 12.5, 6.2, 4.318, 8.8)))
    due = page.locator("[data-testid=due]")
    expect(due).to_have_class(re.compile(r"\bis-due\b"))
    expect(due.locator(".badge.due")).to_have_text("Due")
    expect(due).to_contain_text("30 days ago")

    recent = days_before(10)  # 2026-11-12
    add_checkin(page, recent, "12.5", "6.2", "4.318", "9")
    expect(due).not_to_have_class(re.compile(r"\bis-due\b"))
    expect(due.locator(".badge.due")).to_have_count(0)
    expect(due).to_contain_text(f"Next check-in due {long_date(days_before(-20))}")  # +30 days
    expect(due).to_contain_text("2 check-ins logged")


def test_edit_delete_undo_and_reload_keep_history(page: Page, site_url: str) -> None:
    seeded = document(
        record("2026-09-01", 12.5, 6.2, 4.318, 8.8, industry_rank=55),
        record("2026-10-01", 12, 6.2, 4.118, 8.8, note="after the conference"),
        record("2026-11-01", 13.118, 7, 5.5, 9.2, industry_rank=48, industry="Software"),
    )
    start(page, site_url, document=seeded)
    assert history_dates(page) == ["2026-11-01", "2026-10-01", "2026-09-01"]  # newest first
    total = page.locator("[data-testid=total]")
    expect(total).to_have_text("35 / 100")

    # Edit the latest: the form holds exactly its numbers.
    go(page, "checkins")
    page.click("[data-action=edit][data-date='2026-11-01']")
    expect(page.locator("#cancel-edit")).to_be_visible()
    expect(page.locator("#form-heading")).to_have_text("Edit the check-in of 1 Nov 2026")
    assert form_values(page) == {
        "date": "2026-11-01", "brand": "13.118", "people": "7", "insights": "5.5",
        "relationships": "9.2", "industry_rank": "48", "network_rank": "",
        "industry_average": "", "network_average": "", "industry": "Software", "note": "",
    }
    page.fill("#f-brand", "20.118")  # +7: 41.818
    page.click("#save-button")
    expect(page.locator("#status")).to_contain_text("Updated the check-in of 1 Nov 2026: SSI 42")
    expect(total).to_have_text("42 / 100")
    assert history_dates(page) == ["2026-11-01", "2026-10-01", "2026-09-01"]  # no duplicate
    latest_row = page.locator("#history-table tr[data-date='2026-11-01']")
    expect(latest_row).to_contain_text("20.118")
    expect(latest_row).to_contain_text("Software")
    expect(page.locator("#cancel-edit")).to_be_hidden()
    assert [c["brand"] for c in stored_checkins(page)] == [12.5, 12, 20.118]

    # Delete the latest: gone from history, storage and dashboard, with a way back.
    page.click("[data-action=delete][data-date='2026-11-01']")
    expect(latest_row).to_have_count(0)
    expect(total).to_have_text("31 / 100")  # the October check-in is the latest now
    assert [c["date"] for c in stored_checkins(page)] == ["2026-09-01", "2026-10-01"]
    status = page.locator("#status")
    expect(status).to_contain_text("Deleted the check-in of 1 Nov 2026")
    status.locator("[data-action=undo]").click()
    expect(status).to_contain_text("Restored the check-in of 1 Nov 2026")
    expect(latest_row).to_contain_text("20.118")
    expect(total).to_have_text("42 / 100")
    assert [c["date"] for c in stored_checkins(page)] == ["2026-09-01", "2026-10-01", "2026-11-01"]

    before_reload = (total.inner_text(), history_texts(page), stored(page))
    page.reload()
    wait_ready(page)
    after_reload = (total.inner_text(), history_texts(page), stored(page))
    assert after_reload == before_reload
    assert len(after_reload[1]) == 3
