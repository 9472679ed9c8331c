"""No injection: whatever a member (or a file, or a link) supplies is shown as text.

Hostile strings go in through every entry path: the form, a paste, a CSV file and its name,
a backup file and its name, a share link, a LinkedIn export (file names and cells), kept
reports and stored data. Each time the page must show the string literally and nothing may
run: no marker set by a script, no element carrying an event handler, no javascript: link,
no image requested from the injected markup.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from ssi_coach.exporters.share import SharedReport, encode_report
from ssi_coach.model import CheckIn
from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    NOW,
    VIEWS,
    current_view,
    document_v2,
    go,
    record,
    start,
    strict_page,
)
from tests.e2e.test_export_import import choose_files, open_import, report

pytestmark = pytest.mark.e2e

SCRIPT = "<script>window.__pwned = 'script'</script>"
IMAGE = '<img src="injected.png" onerror="window.__pwned = \'img\'">'
LINK = "javascript:window.__pwned='link'"
ENTITY = "&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;i&#x3E;"
SVG = '"><svg onload="window.__pwned = \'svg\'"></svg>'
PAYLOADS = (SCRIPT, IMAGE, LINK, ENTITY, SVG)
NOTE = f"{SCRIPT} {IMAGE}"  # what fits one field; every payload is used somewhere below


def assert_inert(page: Page, *shown: str) -> None:
    """Nothing injected ran or became markup, and each string is on screen as typed."""
    found = page.evaluate("""() => ({
        pwned: window.__pwned ?? null,
        handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
        links: document.querySelectorAll('a[href^="javascript:" i]').length,
        images: [...document.images].filter(i => i.src.includes('injected')).length,
        scripts: [...document.scripts].filter(s => s.textContent.includes('__pwned')).length,
    })""")
    assert found == {"pwned": None, "handlers": 0, "links": 0, "images": 0, "scripts": 0}
    text = page.locator("body").inner_text()
    if any(value not in text for value in shown):  # shown in another view: look there too
        here = current_view(page)
        for view in VIEWS:
            go(page, view)
            text += page.locator("body").inner_text()
        go(page, here)
    for value in shown:
        assert value in text, f"{value!r} is not shown as text"


def test_typed_notes_and_industry_are_shown_as_text(page: Page, site_url: str) -> None:
    start(page, site_url)
    go(page, "checkins")
    for name, value in {"date": "2026-11-01", "brand": "12", "people": "8", "insights": "7",
                        "relationships": "9", "note": NOTE, "industry": ENTITY}.items():
        page.fill(f"#f-{name}", value)
    page.click("#save-button")
    expect(page.locator("#history-table tr[data-date='2026-11-01']")).to_have_count(1)
    assert_inert(page, SCRIPT, IMAGE, ENTITY)


def test_stored_data_and_kept_reports_are_shown_as_text(page: Page, site_url: str) -> None:
    doc = document_v2(record("2026-10-01", 11, 7, 6, 8, note=SVG, industry=LINK),
                      record("2026-11-01", 12, 8, 7, 9, note=ENTITY))
    doc["people"] = [{"name": IMAGE, "saved_on": "2026-11-02",
                      "checkins": [record("2026-11-01", 10, 5, 5, 5, note=SCRIPT)]}]
    start(page, site_url, document=doc, charts=True)
    assert_inert(page, SVG, LINK, ENTITY, IMAGE)


def test_a_paste_is_read_as_text(page: Page, site_url: str) -> None:
    start(page, site_url)
    go(page, "checkins")
    page.click("#paste-open")
    page.fill("#paste-text", f"{SCRIPT}\nYour Social Selling Index\n{IMAGE}\n{SVG}\n{LINK}")
    page.click("#paste-read")
    expect(page.locator("#paste-result")).not_to_be_empty()
    assert_inert(page)


def test_csv_cells_and_the_file_name_are_shown_as_text(page: Page, site_url: str) -> None:
    start(page, site_url)
    note = NOTE.replace('"', '""')
    csv = ("Date,Establish your professional brand,Find the right people,Engage with insights,"
           f'Build relationships,Industry,Note\n2026-11-01,12,8,7,9,"{LINK}","{note}"\n'
           f'not a date,{SVG.replace(chr(34), "")},1,1,1,,\n')
    go(page, "data")
    page.set_input_files("#csv-file", {"name": f"{IMAGE}.csv", "mimeType": "text/csv",
                                       "buffer": csv.encode()})
    panel = page.locator("#import-panel")
    expect(panel).to_be_visible()
    assert_inert(page, f"{IMAGE}.csv")
    panel.locator("[data-action=import-confirm]").click()
    expect(page.locator("#history-table tr[data-date='2026-11-01']")).to_have_count(1)
    assert_inert(page, LINK, SCRIPT)


def test_a_backup_and_its_file_name_are_shown_as_text(page: Page, site_url: str) -> None:
    start(page, site_url)
    backup = document_v2(record("2026-11-01", 12, 8, 7, 9, note=SVG, industry=ENTITY))
    backup["people"] = [{"name": SCRIPT, "saved_on": "2026-11-02", "checkins": []},
                        {"name": LINK, "saved_on": "2026-11-02",
                         "checkins": [record("2026-11-01", 1, 2, 3, 4, note=IMAGE)]}]
    go(page, "data")
    page.set_input_files("#backup-file", {"name": f"{SVG}.json", "mimeType": "application/json",
                                          "buffer": json.dumps(backup).encode()})
    panel = page.locator("#import-panel")
    expect(panel).to_be_visible()
    assert_inert(page, f"{SVG}.json")
    panel.locator("[data-action=import-confirm]").click()
    expect(page.locator("#history-table tr[data-date='2026-11-01']")).to_have_count(1)
    assert_inert(page, SVG, ENTITY, SCRIPT, LINK)  # kept people show in the Team section


def test_a_share_link_with_a_hostile_name_and_notes_opens_as_text(
        browser: Browser, site_url: str) -> None:
    checkins = (CheckIn(dt.date(2026, 10, 1), 11, 7, 6, 8, note=IMAGE, industry=LINK),
                CheckIn(dt.date(2026, 11, 1), 12, 8, 7, 9, note=ENTITY))
    name = SCRIPT[:60]
    url = site_url + "#report=" + encode_report(SharedReport(name, dt.date(2026, 11, 2),
                                                             checkins))
    with strict_page(browser, site_url) as friend:
        friend.clock.set_fixed_time(NOW)
        friend.goto(url)
        wait_ready(friend, charts=True)
        expect(friend.locator("#report-banner")).to_be_visible()
        assert_inert(friend, name, IMAGE, LINK, ENTITY)
        friend.locator("[data-action=keep-report]").click()
        expect(friend.locator("#status")).to_contain_text("Kept as")
        assert_inert(friend, name)


def _hostile_export() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "Connections.csv",
            "Notes:\nWhen exporting your connection data...\n\n"
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            f'"{SCRIPT}","{IMAGE.replace(chr(34), chr(34) * 2)}",{LINK},,'
            f'"{ENTITY}","{SVG.replace(chr(34), chr(34) * 2)}",01 Nov 2026\n'
            f"Broken,Row,,,,,{SCRIPT}\n")
        archive.writestr(f"{IMAGE}.csv", f"{SVG}\n{LINK}\n")
    return buffer.getvalue()


def test_an_export_with_hostile_names_and_cells_is_reported_as_text(
        page: Page, site_url: str, tmp_path: Path) -> None:
    start(page, site_url, charts=True)
    open_import(page)
    choose_files(page, tmp_path, [("Basic_LinkedInDataExport_<b>x<i>.zip", _hostile_export())])
    found = report(page)
    expect(found).to_be_visible()
    assert_inert(page, "Basic_LinkedInDataExport_<b>x<i>.zip")
    found.locator("[data-action=export-confirm], [data-action=export-close]").first.click()
    assert_inert(page)
