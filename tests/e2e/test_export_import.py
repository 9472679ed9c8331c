"""Importing LinkedIn's data export in the page: drop it, read the report, save or cancel.

The exports are synthetic and quirk-faithful (tests/linkedin_export.py) and their expected
weekly counts are computed while they are written, never read back from the page. The page
fixture fails any test that makes a request to another origin, so every journey here also
proves that the export never leaves the browser.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import drop, go, record, reveal, start, stored, stored_document
from tests.e2e.test_coach import coach_document, week
from tests.linkedin_export import ExportSpec, GeneratedExport, make_export

pytestmark = pytest.mark.e2e

IMPORT_TIMEOUT_MS = 120_000  # pandas loads on the first import: seconds on a 2-core machine
SPEC = ExportSpec(seed=5, weeks=26, corrupt_rows=2)
CHECKINS = (record("2026-10-04", 12, 8, 7, 9), record("2026-11-01", 12.5, 8.2, 7.4, 9.1))


def drop_files(page: Page, files: list[tuple[str, bytes]]) -> None:
    drop(page, "export-drop", files)


def choose_files(page: Page, tmp_path: Path, files: list[tuple[str, bytes]]) -> None:
    reveal(page, "#export-file")
    paths = []
    for name, data in files:
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    page.set_input_files("#export-file", paths)


def open_import(page: Page) -> None:
    reveal(page, "#export-details")
    details = page.locator("#export-details")
    if details.get_attribute("open") is None:
        details.locator("> summary").click()


def report(page: Page) -> Any:
    found = page.locator("#export-panel .export-report")
    expect(found).to_be_visible(timeout=IMPORT_TIMEOUT_MS)
    return found


def stored_weeks(data: dict[str, Any], key: str) -> dict[str, dict[str, int]]:
    return {w["week"]: w["counts"] for w in data[key]}


def expected_weeks(export: GeneratedExport) -> dict[str, dict[str, int]]:
    return {monday.isoformat(): counts for monday, counts in export.expected.weeks.items()}


def test_drop_an_export_check_the_report_save_it_and_import_it_again_without_doubling(
        page: Page, site_url: str) -> None:
    export = make_export(SPEC)
    expected = export.expected
    mondays = sorted(expected_weeks(export))
    typed_monday = mondays[-2]
    typed = week(typed_monday, posts=expected.weeks[dt.date.fromisoformat(typed_monday)]
                 .get("posts", 0) + 3, meetings=2)
    start(page, site_url, document=coach_document(*CHECKINS, weeks=[typed]), charts=True)
    estimate_before = page.locator("#coach-body .estimate-list").inner_text()
    before = stored(page)

    open_import(page)
    drop_files(page, export.uploads)
    found = report(page)
    expect(page.locator("#export-report-heading")).to_be_focused()
    files_read = len(expected.rows_read)
    rows = sum(expected.rows_read.values())
    expect(found.locator(".export-summary")).to_contain_text(
        f"Read {files_read} files: {rows:,} rows, {len(expected.bad_rows)} rows skipped.")
    expect(found.locator(".export-changes")).to_contain_text(
        f"{len(mondays)} new weeks of activity")
    errors = found.locator(".export-row-errors")
    for name, line in expected.bad_rows:
        expect(errors).to_contain_text(f"{name}, line {line}")
    conflict = found.locator(f"table.export-conflicts tr[data-week='{typed_monday}']")
    expect(conflict).to_contain_text("Posts published: typed")
    expect(conflict.locator("select")).to_have_value("typed")
    for item, done in expected.checklist.items():
        expect(found.locator(f".export-checklist li[data-item={item}]")).to_contain_text(
            "→ done" if done else "→ not done")
    assert stored(page) == before, "nothing is saved before the member confirms"

    # The member lets the export win the week they also typed, and saves.
    conflict.locator("select").select_option("imported")
    found.locator("[data-action=export-confirm]").click()
    expect(page.locator("#status")).to_have_text(
        f"Imported your LinkedIn export: {len(mondays)} new and 0 updated weeks of activity.")
    expect(page.locator("#export-panel")).to_be_hidden()
    saved = stored_document(page)
    assert stored_weeks(saved, "imported") == expected_weeks(export)
    assert stored_weeks(saved, "weeks") == {typed_monday: typed["counts"]}  # typed kept
    assert saved["week_sources"] == {typed_monday: "imported"}
    for item, done in expected.checklist.items():
        assert saved["checklist"]["items"][item] is done, item
    assert saved["network"]["invitations_sent"] == expected.network.invitations_sent
    assert "message" not in json.dumps(saved).lower().replace("messages_", "")  # counts only

    # The log shows the imported weeks, marked; the typed week offers its picker.
    expect(page.locator(f"#weeks-table tr[data-week='{mondays[-1]}']")).to_have_attribute(
        "data-source", "imported")
    both = page.locator(f"#weeks-table tr[data-week='{typed_monday}']")
    expect(both).to_have_attribute("data-source", "both")
    expect(both.locator("select")).to_have_value("imported")
    expect(page.locator("#coach-body .estimate-list")).not_to_have_text(estimate_before)
    go(page, "network")
    network = page.locator("#network-details")
    expect(network).to_be_visible()
    size = sum(sum(c.values()) for c in expected.network.connections_by_month.values())
    size += expected.network.undated_connections
    expect(network.locator("dd[data-fact=size]")).to_have_text(f"{size:,}")

    # The same export again: nothing new, nothing doubled, nothing saved.
    after_first = stored(page)
    drop_files(page, export.uploads)
    again = report(page)
    expect(again.locator(".export-nothing")).to_be_visible()
    again.locator("[data-action=export-close]").click()
    assert stored(page) == after_first

    # A newer export, four weeks later, overlapping the first: weeks are replaced, not added.
    newer = make_export(ExportSpec(seed=5, weeks=26, last_day=SPEC.last_day
                                   + dt.timedelta(weeks=4)))
    drop_files(page, newer.uploads)
    report(page).locator("[data-action=export-confirm]").click()
    expect(page.locator("#status")).to_contain_text("Imported your LinkedIn export")
    merged = stored_weeks(stored_document(page), "imported")
    for monday, counts in expected_weeks(newer).items():
        assert merged[monday] == {**merged[monday], **counts}, monday  # the newer counts
    older_only = [m for m in expected_weeks(export) if m not in expected_weeks(newer)]
    for monday in older_only:
        assert merged[monday] == expected_weeks(export)[monday], monday  # kept as they were


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BAD_UPLOADS = {
    "random zip": ([("holiday.zip", _zip({"beach.txt": b"sand", "notes.md": b"# hi"}))],
                   "no files from a LinkedIn data export"),
    "corrupted zip": ([("Complete_LinkedInDataExport_11-20-2026.zip",
                        _zip({"Connections.csv": b"First Name,Connected On\n" * 50})[:60])],
                      "Complete_LinkedInDataExport_11-20-2026.zip"),
    "empty csv": ([("Connections.csv", b"")], "Connections.csv"),
    "another service's csv": ([("contacts.csv", b"name,email\nAda,ada@example.com\n")],
                              "no files from a LinkedIn data export"),
}


@pytest.mark.parametrize("case", list(BAD_UPLOADS))
def test_bad_uploads_say_why_and_change_nothing(page: Page, site_url: str,
                                                 tmp_path: Path, case: str) -> None:
    files, says = BAD_UPLOADS[case]
    start(page, site_url, document=coach_document(*CHECKINS, weeks=[week("2026-11-16",
                                                                          posts=1)]))
    before = stored(page)
    open_import(page)
    choose_files(page, tmp_path, files)
    message = page.locator("#export-panel .export-refused, #export-panel .export-problems")
    expect(message.first).to_be_visible(timeout=IMPORT_TIMEOUT_MS)
    expect(page.locator("#export-panel")).to_contain_text(says)
    assert stored(page) == before


def test_a_file_over_300_mb_is_refused_before_it_is_read(page: Page, site_url: str,
                                                         tmp_path: Path) -> None:
    start(page, site_url, document=coach_document(*CHECKINS))
    before = stored(page)
    huge = tmp_path / "Complete_LinkedInDataExport_11-20-2026.zip"
    with huge.open("wb") as handle:  # sparse: no 300 MB is written or read
        handle.truncate(301 * 1024 * 1024)
    open_import(page)
    page.set_input_files("#export-file", huge)
    refused = page.locator("#export-panel .export-refused")
    expect(refused).to_contain_text("is 301 MB")
    expect(refused).to_contain_text("Your saved data is unchanged.")
    assert stored(page) == before


def test_removing_a_kept_report_keeps_the_members_own_activity(page: Page,
                                                                site_url: str) -> None:
    person = {"name": "Dana Example", "saved_on": "2026-11-01",
              "checkins": [record("2026-10-01", 10, 8, 6, 9)]}
    document = coach_document(*CHECKINS, weeks=[week("2026-11-16", posts=2)],
                              plan={"weekly": {"posts": 3}})
    document["people"] = [person]
    start(page, site_url, document=document)
    go(page, "team")
    page.locator("#team-table tr[data-person='Dana Example'] [data-action=team-remove]").click()
    expect(page.locator("#team-status")).to_contain_text("Removed Dana Example")
    saved = stored_document(page)
    assert saved["people"] == []
    assert stored_weeks(saved, "weeks") == {"2026-11-16": {"posts": 2}}
    assert saved["plan"] == {"weekly": {"posts": 3}}
    assert len(saved["checkins"]) == 2
