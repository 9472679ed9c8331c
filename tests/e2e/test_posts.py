"""Posts, end to end: drop two overlapping post analytics workbooks, check the report, save,
see the weekly sums the files hold (the newer export winning each day), import them again
and change nothing, download the workbook and find the same numbers in it; bad files are
refused and change nothing; the weekly log goes out as CSV and comes back through a preview.

The workbooks are synthetic and quirk-faithful (tests/analytics_workbooks.py); the expected
weekly sums are computed here from the days the generator wrote, never read from the page.
The page fixture fails any test that requests another origin, so the workbooks provably never
leave the browser.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from ssi_coach.importers.analytics import read_all
from ssi_coach.importers.linkedin.types import Upload
from ssi_coach.model import PostAnalytics
from ssi_coach.posts.merge import plan_merge
from ssi_coach.storage.posts_codec import posts_to_data
from tests.analytics_workbooks import (
    NEW,
    ExpectedAggregate,
    ExpectedSinglePost,
    GeneratedWorkbook,
    SinglePostSpec,
    make_single_post,
    overlapping_pair,
)
from tests.e2e.helpers import (
    download_after_click,
    drop,
    go,
    reveal,
    start,
    stored,
    stored_document,
)
from tests.e2e.test_coach import coach_document, week

pytestmark = pytest.mark.e2e

IMPORT_TIMEOUT_MS = 120_000  # openpyxl loads on the first import: seconds on a 2-core machine
END = dt.date(2026, 11, 16)  # the newer export's day; "today" in the page is 22 November


def open_posts_import(page: Page) -> None:
    go(page, "posts")
    details = page.locator("#posts-import-details")
    if details.get_attribute("open") is None:
        details.locator("> summary").click()


def merged_days(older: ExpectedAggregate, newer: ExpectedAggregate) -> dict[dt.date, tuple]:
    """Per day the newer export's figures; days only the older has, the older's."""
    days = {d.day: (d.impressions, d.engagements, d.new_followers) for d in older.days}
    days.update({d.day: (d.impressions, d.engagements, d.new_followers) for d in newer.days})
    return days


def weekly_sums(days: dict[dt.date, tuple]) -> dict[dt.date, tuple[int, int]]:
    sums: dict[dt.date, tuple[int, int]] = {}
    for day, (impressions, engagements, _) in days.items():
        monday = day - dt.timedelta(days=day.weekday())
        before = sums.get(monday, (0, 0))
        sums[monday] = (before[0] + impressions, before[1] + engagements)
    return sums


def shown(number: int) -> str:
    return f"{number:,}".replace("-", "\u2212")


def files_of(*workbooks: GeneratedWorkbook) -> list[tuple[str, bytes]]:
    return [(w.name, w.data) for w in workbooks]


def stored_posts(seed: int = 6) -> dict[str, Any]:
    """A document's "posts" as an import of two 2026 exports and a single post stores them:
    for tests that need the Posts view filled without importing through the page."""
    older, newer = overlapping_pair(seed=seed, gap_days=9, days=200, era=NEW, end=END)
    single = make_single_post(SinglePostSpec(seed=seed, with_kind=True))
    reading = read_all([Upload(w.name, w.data) for w in (older, newer, single)])
    return posts_to_data(plan_merge(PostAnalytics(), reading).result)


def test_drop_two_overlapping_workbooks_save_see_weekly_sums_reimport_and_download(
        page: Page, site_url: str) -> None:
    older, newer = overlapping_pair(seed=4, gap_days=9, days=120, era=NEW, end=END)
    assert isinstance(older.expected, ExpectedAggregate)
    assert isinstance(newer.expected, ExpectedAggregate)
    single = make_single_post(SinglePostSpec(seed=8))
    assert isinstance(single.expected, ExpectedSinglePost)
    days = merged_days(older.expected, newer.expected)
    sums = weekly_sums(days)
    start(page, site_url, charts=True)
    go(page, "posts")
    expect(page.locator("#posts-body .empty-state")).to_contain_text("No post analytics yet")
    before = stored(page)

    # Newer first: the order of the files must not matter.
    open_posts_import(page)
    drop(page, "posts-drop", files_of(newer, single, older))
    report = page.locator("#posts-panel .posts-report")
    expect(report).to_be_visible(timeout=IMPORT_TIMEOUT_MS)
    expect(page.locator("#posts-report-heading")).to_be_focused()
    lines = report.locator(".posts-report-files li")
    expect(lines).to_have_count(3)
    expect(lines.nth(1)).to_contain_text(f"{single.name}: single post published")
    expect(lines.nth(0)).to_contain_text(f"{newer.name}: aggregate export")
    expect(lines.nth(0)).to_contain_text("120 days")
    expect(lines.nth(2)).to_contain_text(f"{older.name}: aggregate export")
    expect(lines.nth(2)).to_contain_text("where a newer file of this import wins")
    expect(report.locator(".posts-report-saved")).to_contain_text(
        f"Will be saved: {len(days)} days added")
    assert stored(page) == before, "nothing is saved before the member confirms"

    report.locator("[data-action=posts-confirm]").click()
    expect(page.locator("#status")).to_contain_text(
        f"Saved your post analytics: {len(days)} days added")
    saved = stored_document(page)
    assert saved["posts"], "the merged analytics are stored"

    # The weekly table holds the sums of the merged days, week by week.
    table = page.locator("#posts-weekly-table")
    for monday, (impressions, engagements) in sums.items():
        row = table.locator(f"tr[data-week='{monday.isoformat()}'] td")
        expect(row.nth(0)).to_have_text(shown(impressions))
        expect(row.nth(1)).to_have_text(shown(engagements))
    headline = page.locator("#posts-headline")
    expect(headline).to_contain_text(shown(newer.expected.followers_total))
    link = page.locator("#posts-top-table a").first
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    assert (link.get_attribute("href") or "").startswith("https://www.linkedin.com/")
    expect(page.locator("#posts-weekly-chart svg")).to_be_visible(timeout=60_000)
    # The single post: its own figures and who saw it.
    post = page.locator("#posts-single .single-post")
    expect(post).to_have_count(1)
    figure = post.locator("dl > div", has_text="Impressions").first
    expect(figure.locator("dd")).to_have_text(
        shown(single.expected.metrics["impressions"]))
    expect(post).to_contain_text("of the people who saw it are decision makers")

    # The same files again: nothing to save, nothing changes.
    after_save = stored(page)
    drop(page, "posts-drop", files_of(older, newer, single))
    expect(report).to_be_visible(timeout=IMPORT_TIMEOUT_MS)
    expect(report.locator(".posts-report-saved")).to_have_text(
        "Nothing to save: everything these files hold is already saved.")
    expect(report.locator("[data-action=posts-confirm]")).to_have_count(0)
    report.locator("[data-action=posts-cancel]").click()
    assert stored(page) == after_save

    # The workbook download holds the same weekly numbers, typed.
    go(page, "data")
    name, data = download_after_click(page, "#workbook-download")
    assert name == "ssi-coach-2026-11-22.xlsx"
    sheet = load_workbook(io.BytesIO(data), read_only=True)["Posts weekly"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {row[0].date(): (row[1], row[2]) for row in rows} == sums
    assert all(isinstance(row[1], int) for row in rows)


def test_files_that_are_not_linkedin_analytics_are_refused_and_change_nothing(
        page: Page, site_url: str) -> None:
    start(page, site_url, document=coach_document(weeks=[week("2026-11-09", posts=2)]))
    before = stored(page)
    open_posts_import(page)
    drop(page, "posts-drop", [("notes.xlsx", b"not a workbook at all"),
                              ("Content_2026-01-01_2026-12-31_Ada.xlsx", b"PK\x03\x04broken")])
    refused = page.locator("#posts-panel .export-refused")
    expect(refused).to_be_visible(timeout=IMPORT_TIMEOUT_MS)
    expect(refused).to_contain_text("Nothing was imported.")
    expect(refused).to_contain_text("notes.xlsx:")
    expect(refused).to_contain_text("Content_2026-01-01_2026-12-31_Ada.xlsx:")
    assert stored(page) == before
    refused.locator("[data-action=posts-close]").click()
    expect(page.locator("#posts-panel")).to_be_hidden()


def test_the_weekly_log_goes_out_as_csv_and_comes_back_through_a_preview(
        page: Page, site_url: str, tmp_path: Path) -> None:
    start(page, site_url, document=coach_document(weeks=[
        week("2026-11-02", posts=2, comments_written=5),
        week("2026-11-09", posts=1, meetings=1)]))
    go(page, "data")
    name, data = download_after_click(page, "#weeks-csv-export")
    assert name == "ssi-coach-weekly-log-2026-11-22.csv"
    text = data.decode("utf-8-sig")
    assert "2026-11-02" in text and "2026-11-09" in text

    # The member edits one count, adds a week, and imports the file back.
    lines = text.splitlines()
    header = lines[0].split(",")
    posts_column = next(i for i, h in enumerate(header) if h.strip().lower().startswith("posts"))
    edited = []
    for line in lines[1:]:
        cells = line.split(",")
        if cells[0] == "2026-11-09":
            cells[posts_column] = "4"
        edited.append(cells)
    added = [""] * len(header)
    added[0], added[posts_column] = "2026-11-16", "3"
    path = tmp_path / "log.csv"
    path.write_text("\r\n".join([lines[0], *(",".join(c) for c in edited), ",".join(added)]))
    before = stored(page)
    reveal(page, "#weeks-csv-file")
    page.set_input_files("#weeks-csv-file", path)
    preview = page.locator("#import-panel")
    expect(preview).to_contain_text("1 new week to add")
    expect(preview.locator(".weeks-changes")).to_contain_text("1 → 4")
    assert stored(page) == before
    preview.locator("input[name=weeks-conflicts][value=replace]").check()
    preview.locator("[data-action=weeks-confirm]").click()
    expect(page.locator("#status")).to_contain_text(
        "Imported the weekly log: 1 week added and 1 week changed.")
    weeks = {w["week"]: w["counts"] for w in stored_document(page)["weeks"]}
    assert weeks["2026-11-09"]["posts"] == 4 and weeks["2026-11-09"]["meetings"] == 1
    assert weeks["2026-11-16"] == {"posts": 3}
