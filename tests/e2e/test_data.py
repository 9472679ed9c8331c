"""Data in and out: paste from LinkedIn, CSV, backup and restore, share links, the calendar
reminder and the printed report, each driven as the member would in Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ssi_coach.exporters.share import decode_report
from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    NOW,
    SCHEMA_VERSION,
    TODAY,
    document_v2,
    download_after_click,
    form_values,
    go,
    history_dates,
    history_texts,
    record,
    reveal,
    start,
    storage_length,
    stored,
    stored_document,
    strict_page,
)
from tests.ssi_pages import EMAIL, PAGE, PARTIAL, RUSSIAN

pytestmark = pytest.mark.e2e

# ---- pastes of linkedin.com/sales/ssi (as in tests/unit/test_paste.py) ---------------------

# docs/linkedin-export.md §4.2 with a caption that matches its pillars
# (12.275 + 6 + 3.1 + 1.948 = 23.323).
NO_RELATIONSHIPS = PARTIAL


THREE = (
    record("2026-09-01", 12.5, 6.2, 4.318, 8.8, industry_rank=55, network_rank=30,
           industry_average=31.25, network_average=35.5, industry="Software Development"),
    record("2026-10-01", 12, 6.2, 4.118, 8.8, note='Posted twice, "big" week'),
    record("2026-11-01", 13.118, 7, 5.5, 9.2, industry_rank=48, network_rank=31,
           note="+3 posts; =SUM(A1) stays text"),
)
CSV_HEADER = ("Date,Total,Establish your professional brand,Find the right people,"
              "Engage with insights,Build relationships,Industry SSI rank (Top %),"
              "Network SSI rank (Top %),Industry average SSI,Network average SSI,Industry,Note,"
              "Industry avg: Brand,Industry avg: People,Industry avg: Insights,"
              "Industry avg: Relationships,Network avg: Brand,Network avg: People,"
              "Network avg: Insights,Network avg: Relationships,Industry status,"
              "Network status,Events")


def csv_file(name: str, text: str) -> dict[str, object]:
    return {"name": name, "mimeType": "text/csv", "buffer": text.encode("utf-8")}


def json_file(name: str, data: object) -> dict[str, object]:
    return {"name": name, "mimeType": "application/json",
            "buffer": json.dumps(data).encode("utf-8")}


def save_download(page: Page, selector: str, folder: Path) -> Path:
    """Click a download button and keep the file under its offered name, as a browser does."""
    reveal(page, selector)
    with page.expect_download() as info:
        page.click(selector)
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def dates_of(checkins: list[dict[str, object]]) -> list[object]:
    return [c["date"] for c in checkins]


# ---- 1. paste from LinkedIn ------------------------------------------------------------------

def test_paste_fills_the_form_for_checking_and_refuses_what_it_cannot_read(
        page: Page, context: BrowserContext, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url[:-1])
    start(page, site_url)
    go(page, "checkins")
    panel, result = page.locator("#paste-panel"), page.locator("#paste-result")
    preview, status = page.locator("#total-preview"), page.locator("#status")

    expect(panel).to_be_hidden()
    page.click("#paste-open")
    expect(panel).to_be_visible()
    expect(page.locator("#paste-open")).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#paste-text")).to_be_focused()

    page.fill("#f-note", "After the webinar")  # typed before pasting: a paste keeps it
    page.fill("#paste-text", PAGE)
    assert result.inner_html() == "", "typed text is read only when the button is pressed"
    page.click("#paste-read")
    expect(result.locator("li")).to_have_text([
        "SSI 23 (pillars add up to 23.323)",
        "Establish your professional brand: 12.275",
        "Find the right people: 6",
        "Engage with insights: 3.1",
        "Build relationships: 1.948",
        "Industry SSI rank: Top 65%",
        "Network SSI rank: Top 81%",
        "Industry average: 31",
        "Network average: 30",
        "Industry: Software Development",
    ])
    expect(result).to_contain_text("Nothing is saved until then")
    assert form_values(page) == {
        "date": TODAY, "brand": "12.275", "people": "6", "insights": "3.1",
        "relationships": "1.948", "industry_rank": "65", "network_rank": "81",
        "industry_average": "31", "network_average": "30",
        "industry": "Software Development", "note": "After the webinar",
    }
    expect(preview).to_have_text("23.323 (LinkedIn shows 23)")
    expect(page.locator("#f-brand")).to_be_focused()  # ready for checking
    assert stored(page) is None, "a paste must not save anything by itself"

    # The member corrects one number, then saves.
    page.fill("#f-brand", "12.5")
    expect(preview).to_have_text("23.548 (LinkedIn shows 24)")
    page.click("#save-button")
    expect(status).to_contain_text("Saved the check-in of 22 Nov 2026: SSI 24")
    expect(page.locator("[data-testid=total]")).to_have_text("24 / 100")
    for pillar, score in (("brand", "12.5"), ("people", "6"), ("insights", "3.1"),
                          ("relationships", "1.948")):
        item = page.locator(f"#dashboard-body li[data-pillar={pillar}]")
        expect(item).to_contain_text(f"{score} / 25")
    expect(page.locator("dd[data-rank=industry]")).to_have_text("Top 65%")
    expect(page.locator("dd[data-rank=network]")).to_have_text("Top 81%")
    dashboard = page.locator("#dashboard-body")
    expect(dashboard).to_contain_text("Industry average 31: you are 7.452 below")
    expect(dashboard).to_contain_text("Network average 30: you are 6.452 below")
    row = page.locator(f"#history-table tr[data-date='{TODAY}']")
    expect(row).to_contain_text("Software Development")
    expect(row).to_contain_text("After the webinar")
    assert stored_document(page)["checkins"] == [{
        "date": TODAY, "brand": 12.5, "people": 6, "insights": 3.1, "relationships": 1.948,
        "industry_rank": 65, "network_rank": 81, "industry_average": 31,
        "network_average": 30, "industry": "Software Development", "note": "After the webinar",
    }]

    # Text that is not a usable SSI page: says what is missing; form and storage untouched.
    page.fill("#f-date", "2026-11-21")
    page.fill("#f-brand", "10")  # the next check-in, half typed
    typed, saved = form_values(page), stored(page)
    for paste, says in ((EMAIL, "doesn't look like LinkedIn's SSI page"),
                        (NO_RELATIONSHIPS, "The paste has no score for “Build relationships”")):
        page.fill("#paste-text", paste)
        page.click("#paste-read")
        expect(result).to_contain_text(says)
        expect(result).to_contain_text("Nothing was read, and nothing was saved.")
        expect(result.locator("li")).to_have_count(1)
        assert form_values(page) == typed
        assert stored(page) == saved

    # A real paste (Ctrl+V) is read at once: a Russian page with comma decimals.
    page.fill("#paste-text", "")
    page.evaluate("text => navigator.clipboard.writeText(text)", RUSSIAN)
    page.focus("#paste-text")
    page.keyboard.press("Control+V")
    expect(result.locator("li").first).to_have_text("SSI 23 (pillars add up to 23.323)")
    expect(result).to_contain_text("Ranks not found.")
    assert form_values(page) == {
        "date": "2026-11-21", "brand": "12.275", "people": "6", "insights": "3.1",
        "relationships": "1.948", "industry_rank": "", "network_rank": "",
        "industry_average": "", "network_average": "", "industry": "", "note": "",
    }
    assert stored(page) == saved


# ---- 2. CSV ----------------------------------------------------------------------------------

def test_csv_moves_the_history_to_another_browser_with_a_preview_first(
        page: Page, browser: Browser, site_url: str, tmp_path: Path) -> None:
    start(page, site_url, document=document_v2(*THREE))
    export_path = save_download(page, "#csv-export", tmp_path)
    name = export_path.name
    assert name == f"ssi-coach-checkins-{TODAY}.csv"
    text = export_path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8"
    lines = text.removeprefix("\ufeff").split("\r\n")
    assert lines[0] == CSV_HEADER
    assert [line.split(",")[0] for line in lines[1:4]] == [c["date"] for c in THREE]
    assert lines[4:] == [""]
    dashboard_a = page.locator("#dashboard-body").inner_text()
    history_a = history_texts(page)

    with strict_page(browser, site_url) as other:
        start(other, site_url)
        go(other, "data")
        panel, status = other.locator("#import-panel"), other.locator("#status")
        other.set_input_files("#csv-file", export_path)
        expect(panel).to_be_visible()
        expect(panel.locator("h3")).to_have_text(f"Import “{name}”")
        expect(panel.locator("li").first).to_have_text("3 new check-ins to add")
        assert stored(other) is None, "nothing is stored before the member confirms"
        panel.locator("[data-action=import-confirm]").click()
        expect(status).to_contain_text("Imported: 3 check-ins added or updated")
        expect(panel).to_be_hidden()
        assert other.locator("#dashboard-body").inner_text() == dashboard_a
        assert history_texts(other) == history_a
        assert stored_document(other)["checkins"] == list(THREE)

        # A bad row is shown with its line; nothing changes until confirm; cancel keeps all.
        saved = stored(other)
        other.set_input_files("#csv-file", csv_file("edited.csv", (
            "Date,Establish your professional brand,Find the right people,"
            "Engage with insights,Build relationships\n"
            "2026-11-15,13,7,5.5,9.3\n"
            "2026-11-16,abc,7,5.5,9.3\n")))
        expect(panel.locator("h3")).to_have_text("Import “edited.csv”")
        expect(panel).to_contain_text("1 new check-in to add")
        expect(panel).to_contain_text("1 row that cannot be used")
        bad = panel.locator("details tbody tr")
        expect(bad).to_have_count(1)
        expect(bad.locator("th")).to_have_text("3")
        expect(bad).to_contain_text("Establish your professional brand")
        expect(bad).to_contain_text("“abc” is not a number")
        assert stored(other) == saved
        assert history_dates(other) == ["2026-11-01", "2026-10-01", "2026-09-01"]
        panel.locator("[data-action=import-cancel]").click()
        expect(panel).to_be_hidden()
        expect(status).to_contain_text("Import cancelled; nothing was changed.")
        assert stored(other) == saved
        assert history_dates(other) == ["2026-11-01", "2026-10-01", "2026-09-01"]

        # A date already here with other numbers: keep or replace; replace takes the file's.
        other.set_input_files("#csv-file", csv_file("corrected.csv", (
            f"{CSV_HEADER}\r\n"
            f"{lines[2]}\r\n"  # October as exported: the same check-in
            "2026-11-01,36,14,7,5.8,9.2,45,31,,,,corrected\r\n")))
        expect(panel.locator("li")).to_have_text([
            "0 new check-ins to add",
            "1 check-in already here with the same numbers",
            "1 date already here with different details",
        ])
        expect(panel.locator("input[name=conflicts][value=keep]")).to_be_checked()
        conflict = panel.locator(".conflicts tbody tr")
        expect(conflict).to_have_count(1)
        expect(conflict).to_contain_text("2026-11-01")
        expect(conflict).to_contain_text("34.818")
        expect(conflict).to_contain_text("36")
        assert stored(other) == saved
        panel.locator("input[name=conflicts][value=replace]").check()
        panel.locator("[data-action=import-confirm]").click()
        expect(status).to_contain_text("Imported: 1 check-in added or updated")
        expect(other.locator("[data-testid=total]")).to_have_text("36 / 100")
        expect(other.locator("dd[data-rank=industry]")).to_contain_text("Top 45%")
        row = other.locator("#history-table tr[data-date='2026-11-01']")
        expect(row).to_contain_text("14")
        expect(row).to_contain_text("corrected")
        checkins = stored_document(other)["checkins"]
        assert dates_of(checkins) == ["2026-09-01", "2026-10-01", "2026-11-01"]
        assert checkins[1] == THREE[1]
        assert checkins[2] == record("2026-11-01", 14, 7, 5.8, 9.2, industry_rank=45,
                                     network_rank=31, note="corrected")


# ---- 3. backup and restore --------------------------------------------------------------------

def test_backup_restores_by_merging_or_replacing_and_keeps_the_replaced_data(
        page: Page, browser: Browser, site_url: str, tmp_path: Path) -> None:
    start(page, site_url, document=document_v2(*THREE))
    backup_path = save_download(page, "#backup-download", tmp_path)
    assert backup_path.name == f"ssi-coach-backup-{TODAY}.json"
    content = json.loads(backup_path.read_bytes().decode("utf-8"))
    assert content["schema_version"] == SCHEMA_VERSION
    assert content["checkins"] == list(THREE)
    assert content["people"] == []

    own = document_v2(
        record("2026-10-01", 10, 5, 4, 8, note="my own October"),
        record("2026-11-10", 14, 7.5, 6, 9.5, industry_rank=40),
    )
    with strict_page(browser, site_url) as other:
        start(other, site_url, document=own)
        go(other, "data")
        before = stored(other)
        panel, status = other.locator("#import-panel"), other.locator("#status")
        title = f"Restore “{backup_path.name}”"

        other.set_input_files("#backup-file", backup_path)
        expect(panel.locator("h3")).to_have_text(title)
        expect(panel.locator("li")).to_have_text([
            "2 new check-ins to add",
            "0 check-ins already here with the same numbers",
            "1 date already here with different details",
        ])
        expect(panel).to_contain_text(
            "The backup holds 3 check-ins, 1 Sep 2026 to 1 Nov 2026. "
            "Your data now: 2 check-ins, 1 Oct 2026 to 10 Nov 2026.")
        assert stored(other) == before
        merge = panel.locator("[data-action=import-confirm]")
        expect(merge).to_have_text("Merge into my data")
        expect(panel.locator("input[name=conflicts][value=keep]")).to_be_checked()
        merge.click()  # keeping my numbers for the date that differs
        expect(status).to_contain_text("Imported: 2 check-ins added or updated")
        merged = stored_document(other)["checkins"]
        assert dates_of(merged) == ["2026-09-01", "2026-10-01", "2026-11-01", "2026-11-10"]
        assert merged[0] == THREE[0] and merged[2] == THREE[2]
        assert merged[1] == own["checkins"][0], "merge must not overwrite a date I have"
        assert merged[3] == own["checkins"][1]
        assert history_dates(other) == ["2026-11-10", "2026-11-01", "2026-10-01", "2026-09-01"]
        expect(other.locator("#set-aside")).to_be_hidden()

        # Replace: the data becomes the backup's; what was there is kept as a copy.
        replaced = stored(other)
        other.set_input_files("#backup-file", backup_path)
        expect(panel.locator("li").first).to_have_text("0 new check-ins to add")
        panel.locator("[data-action=restore-replace]").click()
        expect(status).to_contain_text("Restored the backup: 3 check-ins.")
        expect(panel).to_be_hidden()
        assert stored_document(other)["checkins"] == list(THREE)
        assert history_dates(other) == ["2026-11-01", "2026-10-01", "2026-09-01"]
        expect(other.locator("[data-testid=total]")).to_have_text("35 / 100")
        copy_key = "ssi-coach.before-restore.1"
        assert stored(other, copy_key) == replaced
        kept = other.locator("#set-aside")
        expect(kept).to_be_visible()
        expect(kept).to_contain_text(copy_key)
        aside_name, aside = download_after_click(
            other, f"#set-aside-body [data-action=download-aside][data-key='{copy_key}']")
        assert aside_name == f"{copy_key}.json"
        assert aside.decode("utf-8") == replaced
        # The status offers the same copy.
        _, again = download_after_click(
            other, f"#status [data-action=download-aside][data-key='{copy_key}']")
        assert again.decode("utf-8") == replaced

        # A backup from a newer version is refused politely; nothing changes.
        restored = stored(other)
        other.set_input_files("#backup-file", json_file(
            "from-the-future.json", {"schema_version": 99, "checkins": [], "people": []}))
        expect(panel).to_be_visible()
        expect(panel).to_contain_text("newer version of ssi-coach")
        expect(panel).to_contain_text("Nothing was changed.")
        expect(panel.locator("[data-action=import-confirm]")).to_have_count(0)
        expect(panel.locator("[data-action=restore-replace]")).to_have_count(0)
        assert stored(other) == restored
        assert stored(other, "ssi-coach.before-restore.2") is None
        panel.locator("[data-action=import-cancel]").click()
        expect(panel).to_be_hidden()
        assert history_dates(other) == ["2026-11-01", "2026-10-01", "2026-09-01"]


def test_refused_restore_over_unreadable_data_leaves_no_copy_behind(
        page: Page, site_url: str) -> None:
    raw = '{"schema_version": 2, "checkins": [{"date": "2026-10-01"'  # cut off: unreadable
    start(page, site_url, raw=raw)
    expect(page.locator("#problem")).to_be_visible()
    go(page, "data")
    page.set_input_files("#backup-file", json_file("backup.json", document_v2(*THREE)))
    panel = page.locator("#import-panel")
    expect(panel.locator("li").first).to_have_text("3 new check-ins to add")
    panel.locator("[data-action=restore-replace]").click()
    expect(page.locator("#status")).to_contain_text("Could not restore")
    expect(page.locator("#status")).to_contain_text("Your data is unchanged.")
    assert stored(page) == raw
    # No restore happened, so there is no "data from before a restore" to keep or list.
    assert stored(page, "ssi-coach.before-restore.1") is None
    page.reload()
    wait_ready(page)
    expect(page.locator("#set-aside")).to_be_hidden()


# ---- 4. share link ------------------------------------------------------------------------------

SECRET_NOTE = "pipeline call with Contoso"
SECRET_INDUSTRY = "Covert Widgets"


def twelve_months() -> list[dict[str, object]]:
    checkins = []
    for month in range(12):  # Dec 2025 to Nov 2026, climbing slowly
        year, number = (2025, 12) if month == 0 else (2026, month)
        checkins.append(record(
            f"{year}-{number:02d}-01", round(10 + month * 0.45, 3), round(5.1 + month * 0.2, 3),
            round(3.25 + month * 0.3, 2), round(7.875 + month * 0.1, 3),
            industry_rank=60 - month * 2, network_rank=40 - month,
            industry_average=31.25, network_average=29.5 + month * 0.25,
            industry=SECRET_INDUSTRY, note=f"{SECRET_NOTE} #{month + 1}"))
    return checkins


def test_share_link_opens_read_only_elsewhere_and_can_be_kept(
        page: Page, browser: Browser, site_url: str) -> None:
    checkins = twelve_months()
    start(page, site_url, document=document_v2(*checkins))
    dashboard_here = page.locator("#dashboard-body").inner_text()

    go(page, "data")
    page.click("#share-open")
    expect(page.locator("#share-panel")).to_be_visible()
    page.fill("#share-name", "Dana Example")
    expect(page.locator("#share-last")).to_have_value("12")
    page.uncheck("#share-industry")
    expect(page.locator("#share-notes")).not_to_be_checked()
    page.click("#share-create")
    link = page.locator("#share-url")
    expect(link).to_have_value(re.compile(r"#report=r1\."))
    url = link.input_value()
    assert url.startswith(site_url + "#report=r1.")
    assert len(url) < 2000, f"a share link of 12 monthly check-ins is {len(url)} characters"
    expect(page.locator("#share-result")).to_contain_text(f"{len(url):,} characters")
    report = decode_report(url.split("#report=", 1)[1])
    assert [c.on.isoformat() for c in report.checkins] == [c["date"] for c in checkins]
    assert {(c.note, c.industry) for c in report.checkins} == {("", "")}

    payload = url.split("#report=", 1)[1]
    middle = len(payload) // 2
    garbled_payload = payload[:middle] + "".join(
        "Q" if ch != "Q" else "w" for ch in payload[middle:middle + 3]) + payload[middle + 3:]
    garbled = site_url + "#report=" + garbled_payload

    with strict_page(browser, site_url) as friend:
        friend.clock.set_fixed_time(NOW)
        banner = friend.locator("#report-banner")

        # A damaged link: a clear message, no Python error, nothing stored.
        friend.goto(garbled)
        wait_ready(friend)
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("This share link cannot be opened")
        expect(banner).to_contain_text("damaged")
        expect(friend.locator(".py-error")).to_have_count(0)
        expect(friend.locator("#dashboard")).to_be_hidden()
        assert storage_length(friend) == 0

        # The whole link (the page reloads itself for the new fragment).
        friend.goto(url)
        wait_ready(friend, charts=True)
        expect(banner).to_be_visible()
        expect(banner.locator("h2")).to_have_text("Dana Example's SSI report (read-only)")
        expect(banner).to_contain_text("with 12 check-ins")
        assert friend.locator("#dashboard-body").inner_text() == dashboard_here
        expect(friend.locator("[data-testid=total]")).to_have_text(
            page.locator("[data-testid=total]").inner_text())
        expect(friend.locator("#history-table tbody tr")).to_have_count(12)
        expect(friend.locator("#history [data-action]")).to_have_count(0)  # no edit, delete
        expect(friend.locator("#trend-chart svg")).to_have_count(1)
        for part in ("#entry", "#data"):
            expect(friend.locator(part)).to_be_hidden()
        shown = friend.locator("body").inner_text()
        assert SECRET_NOTE not in shown and SECRET_INDUSTRY not in shown
        assert storage_length(friend) == 0, "opening a report must not store anything"

        friend.locator("[data-action=keep-report]").click()
        expect(friend.locator("#status")).to_contain_text("Kept as “Dana Example”")
        kept = stored_document(friend)
        assert kept["checkins"] == []
        assert [p["name"] for p in kept["people"]] == ["Dana Example"]
        person = kept["people"][0]
        assert person["saved_on"] == TODAY
        # Team members' check-ins are stored as columns (schema 9): read them back through
        # the codec and compare what the member shared, less the note and industry.
        from ssi_coach.storage import decode

        document, _ = decode(json.dumps(kept))
        shared = [(c["date"], c["brand"], c["people"], c["insights"], c["relationships"],
                   c["industry_rank"], c["network_rank"]) for c in checkins]
        assert [(c.on.isoformat(), c.brand, c.people, c.insights, c.relationships,
                 c.industry_rank, c.network_rank)
                for c in document.people[0].checkins] == shared
        assert all(c.note == "" and not c.industry for c in document.people[0].checkins)

        friend.locator("#report-banner a[data-action=own-data]").click()
        friend.wait_for_url(site_url)
        wait_ready(friend)
        expect(banner).to_be_hidden()
        people = friend.locator("#team-table tbody tr")
        expect(people).to_have_count(1)  # kept reports are the Team
        latest = page.locator("#history-table tbody tr").first.locator("td strong").inner_text()
        expect(people.first).to_have_attribute("data-person", "Dana Example")
        expect(people.first).to_contain_text("1 Nov 2026")
        expect(people.first.locator("td strong")).to_have_text(latest)
        expect(friend.locator("#history-table")).to_have_count(0)  # never mixed with own


def test_copy_link_copies_it_or_says_how_when_the_browser_refuses(
        page: Page, context: BrowserContext, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url[:-1])
    start(page, site_url, document=document_v2(*THREE))
    go(page, "data")
    page.click("#share-open")
    page.click("#share-create")
    url = page.locator("#share-url").input_value()
    status = page.locator("#status")
    page.click("[data-action=share-copy]")
    expect(status).to_have_text("Link copied. Paste it into an email or message.")
    assert page.evaluate("navigator.clipboard.readText()") == url

    # Browsers may refuse the clipboard (no permission, page not focused): writeText's
    # promise rejects. The member must not be told it was copied, and no error may show.
    page.evaluate("""() => {
        navigator.clipboard.writeText = () =>
            Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    }""")
    page.evaluate("() => { document.getElementById('status').textContent = ''; }")
    page.click("[data-action=share-copy]")
    expect(status).to_contain_text("Ctrl+C")
    expect(status).not_to_contain_text("Link copied")
    expect(page.locator(".py-error")).to_have_count(0)
    selected = page.evaluate("""() => { const f = document.getElementById('share-url');
        return [f.selectionStart, f.selectionEnd, f.value.length]; }""")
    assert selected == [0, len(url), len(url)], "the link is selected for copying by hand"


# ---- 5. reminder --------------------------------------------------------------------------------

def read_reminder(page: Page) -> tuple[str, Calendar]:
    name, data = download_after_click(page, "#reminder-download")
    return name, Calendar.from_ical(data)


def test_reminder_is_a_monthly_calendar_event_from_the_next_due_day(
        page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(*THREE[:1], THREE[2]))  # last: 1 Nov 2026
    name, calendar = read_reminder(page)
    assert name == "ssi-coach-monthly-reminder.ics"
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "Check your SSI"
    assert event["RRULE"]["FREQ"] == ["MONTHLY"]
    assert str(event["URL"]) == site_url
    assert event["DTSTART"].dt == dt.date(2026, 12, 1)  # 30 days after the last check-in
    expect(page.locator("#status")).to_contain_text("from 1 Dec 2026")

    # With the last check-in long past, the reminder starts today.
    go(page, "checkins")
    page.click("[data-action=delete][data-date='2026-11-01']")
    expect(page.locator("#history-table tr[data-date='2026-11-01']")).to_have_count(0)
    _, calendar = read_reminder(page)
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].dt == dt.date.fromisoformat(TODAY)
    assert str(event["URL"]) == site_url
    expect(page.locator("#status")).to_contain_text("from 22 Nov 2026")


# ---- 6. print -----------------------------------------------------------------------------------

def test_printed_report_shows_the_numbers_and_hides_the_controls(
        page: Page, site_url: str) -> None:
    start(page, site_url, document=document_v2(*THREE), charts=True)
    go(page, "checkins")
    page.click("#paste-open")  # an open panel must not be printed either
    go(page, "data")
    page.evaluate("window.print = () => { window.printRequested = true; }")  # no print dialog
    page.click("#print-report")
    assert page.evaluate("window.printRequested") is True

    controls = ["#checkin-form", "#save-button", "#paste-panel", "#paste-open", "#data",
                "#csv-export", "#print-report", "[data-action=edit] >> nth=0"]
    report = ["[data-testid=total]", "#dashboard-body li[data-pillar=brand]",
              "#dashboard-body li[data-pillar=relationships]",
              "dd[data-rank=industry]", "dd[data-rank=network]", "#trend-chart svg",
              "#history-table", "#history-table tr[data-date='2026-09-01']"]
    heading = page.locator("#print-heading")
    for selector in controls + report:  # on screen, everything is there, each in its view
        reveal(page, selector.split(" >> ")[0])
        expect(page.locator(selector)).to_be_visible()
    expect(heading).to_be_hidden()

    go(page, "data")  # printed from where its button is
    page.emulate_media(media="print")
    for selector in controls:
        expect(page.locator(selector)).to_be_hidden()
    for selector in report:
        expect(page.locator(selector)).to_be_visible()
    expect(heading).to_be_visible()
    expect(heading).to_have_text("SSI report, printed 22 Nov 2026")
    expect(page.locator("[data-testid=total]")).to_have_text("35 / 100")
