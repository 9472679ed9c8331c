"""Team view: three members share links from their own browsers; a coach combines them."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    download_after_click,
    go,
    record,
    reveal,
    start,
    stored_document,
    strict_page,
)
from tests.e2e.test_coach import coach_document

pytestmark = pytest.mark.e2e

MEMBERS = {
    "Ann Lee": (record("2026-09-02", 14, 10, 8, 12, industry_rank=20),
                record("2026-10-02", 15, 11, 9, 12.5, industry_rank=18)),
    "Bo Chen": (record("2026-10-05", 9, 13, 4, 10),
                record("2026-11-05", 10, 14, 4.5, 10, network_rank=40)),
    "Cy Diaz": (record("2026-11-10", 20, 6, 12, 15),),
}
COACH_OWN = (record("2026-10-01", 11, 7, 6, 8, note="the coach's own"),
             record("2026-11-01", 12, 8, 7, 9))


def share_link(browser: Browser, site_url: str, name: str, checkins: tuple[dict, ...]) -> str:
    """A member, in a browser of their own, creates a share link the way the app offers it."""
    with strict_page(browser, site_url) as member:
        start(member, site_url, document=coach_document(*checkins))
        go(member, "data")
        member.click("#share-open")
        member.fill("#share-name", name)
        member.click("#share-create")
        link = member.locator("#share-url")
        expect(link).to_have_value(re.compile(r"#report=r1\."))
        return link.input_value()


def add_link(page: Page, link: str, name: str = "") -> None:
    reveal(page, "#team-link")
    page.fill("#team-link", link)
    page.fill("#team-name", name)
    page.click("#team-add-form button[type=submit]")


def team_names(page: Page) -> list[str]:
    return page.locator("#team-table tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.person)")


def test_a_coach_combines_three_share_links_sorts_removes_and_keeps_own_data(
        page: Page, browser: Browser, site_url: str, tmp_path: Path) -> None:
    links = {name: share_link(browser, site_url, name, checkins)
             for name, checkins in MEMBERS.items()}
    start(page, site_url, document=coach_document(*COACH_OWN), charts=True)
    go(page, "team")
    own_before = stored_document(page)["checkins"]
    expect(page.locator("#team-empty")).to_be_visible()
    status = page.locator("#team-status")

    for name, link in links.items():
        add_link(page, link)
        expect(status).to_have_text(
            f"Added {name} to your team: {len(MEMBERS[name])} check-in"
            f"{'s' if len(MEMBERS[name]) > 1 else ''}.")
    # Sorted by SSI, best first: Cy 53, Ann 47.5, Bo 38.5 (latest check-ins).
    assert team_names(page) == ["Cy Diaz", "Ann Lee", "Bo Chen"]
    ann = page.locator("#team-table tr[data-person='Ann Lee']")
    expect(ann).to_contain_text("48")  # 15 + 11 + 9 + 12.5 = 47.5, shown as LinkedIn rounds
    expect(ann).to_contain_text("Top 18%")
    expect(ann.locator("td").nth(7)).to_have_text("+3.5")  # change since 2 Sep: 47.5 - 44
    expect(page.locator("#team-table tfoot")).to_contain_text("Team average")
    expect(page.locator("#team-heat-map svg")).to_be_visible()
    expect(page.locator("#team-trend-chart svg")).to_be_visible()
    focus = page.locator(".team-focus li[data-person='Bo Chen']")
    expect(focus).to_contain_text("weakest pillar Engage with insights (4.5 of 25)")
    expect(focus).to_contain_text("First step:")

    # Sorting by a pillar, then the other way round.
    page.click("#team-table button[data-key=people]")
    assert team_names(page) == ["Bo Chen", "Ann Lee", "Cy Diaz"]
    expect(page.locator("#team-table th[aria-sort=descending]")).to_contain_text("People")
    page.click("#team-table button[data-key=people]")
    assert team_names(page) == ["Cy Diaz", "Ann Lee", "Bo Chen"]

    # The same link again changes nothing; a bad link is refused with a reason.
    add_link(page, links["Bo Chen"])
    expect(status).to_contain_text("Nothing new")
    add_link(page, links["Bo Chen"][:-6] + "AAAAAA")
    expect(status).to_contain_text("This share link cannot be added")
    assert len(stored_document(page)["people"]) == 3

    # The team table as CSV.
    name, data = download_after_click(page, "[data-action=team-csv]")
    assert name.startswith("ssi-coach-team-") and name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Latest check-in", "Total"]
    assert [r[0] for r in rows[1:]] == [*team_names(page), "Average", "Median"]  # as sorted
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Ann Lee"][1:3] == ["2026-10-02", "47.5"]
    assert by_name["Average"][2] == str(round((47.5 + 38.5 + 53) / 3, 3))

    # Remove one; a reload keeps the others; the coach's own check-ins never changed.
    page.click("#team-table tr[data-person='Bo Chen'] [data-action=team-remove]")
    expect(status).to_contain_text("Removed Bo Chen and all of their check-ins")
    status.locator("[data-action=team-undo]").click()
    expect(status).to_contain_text("Bo Chen is back")
    assert len(stored_document(page)["people"]) == 3
    page.click("#team-table tr[data-person='Bo Chen'] [data-action=team-remove]")
    page.reload()
    wait_ready(page, charts=True)
    assert sorted(team_names(page)) == ["Ann Lee", "Cy Diaz"]
    saved = stored_document(page)
    assert saved["checkins"] == own_before
    assert [p["name"] for p in saved["people"]] == ["Ann Lee", "Cy Diaz"]


def test_a_newer_link_refreshes_a_person_and_rename_keeps_their_history(
        page: Page, browser: Browser, site_url: str) -> None:
    first = share_link(browser, site_url, "Dana", (record("2026-10-01", 10, 10, 10, 10),))
    newer = share_link(browser, site_url, "Dana", (record("2026-10-01", 10, 10, 10, 10),
                                                   record("2026-11-01", 11, 11, 11, 11)))
    start(page, site_url, charts=True)
    add_link(page, first)
    add_link(page, newer)
    expect(page.locator("#team-status")).to_have_text("Updated Dana: 1 new check-in, 0 updated.")
    stored_checkins = stored_document(page)["people"][0]["checkins"]  # as columns (v9)
    assert (stored_checkins["start"], stored_checkins["days"]) == ("2026-10-01", [0, 31])

    page.click("#team-table [data-action=team-rename]")
    field = page.locator("#team-rename-input")
    expect(field).to_be_focused()
    field.fill("Dana Example")
    field.press("Enter")
    expect(page.locator("#team-status")).to_contain_text("Renamed Dana to Dana Example")
    assert team_names(page) == ["Dana Example"]
    assert len(stored_document(page)["people"][0]["checkins"]["days"]) == 2

    # A member's CSV export or backup file works too; the file's name names the person.
    csv_text = ("Date,Establish your professional brand,Find the right people,"
                "Engage with insights,Build relationships\n2026-11-12,9,9,9,9\n")
    page.set_input_files("#team-file", {"name": "Eve Park.csv", "mimeType": "text/csv",
                                        "buffer": csv_text.encode()})
    expect(page.locator("#team-status")).to_have_text("Added Eve Park to your team: 1 check-in.")
    page.set_input_files("#team-file", {"name": "broken.json", "mimeType": "application/json",
                                        "buffer": b"{not json"})
    expect(page.locator("#team-status")).to_contain_text("is not an ssi-coach backup")
    assert sorted(team_names(page)) == ["Dana Example", "Eve Park"]

    # The team report prints on its own: the team, without the forms and buttons.
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.click("[data-action=team-print]")
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    expect(page.locator("#team-table")).to_be_visible()
    for hidden in ("#dashboard", "#entry", "#team-add-form", "[data-action=team-csv]"):
        expect(page.locator(hidden)).to_be_hidden()
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("body")).not_to_have_class(re.compile("printing-team"))
