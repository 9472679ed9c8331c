"""A Connections.csv the member opened in a spreadsheet program and saved again, imported next
to the other files of their export (issue 13).

The export is synthetic (tests/linkedin_export.py) and its expected counts are computed while
it is written. The spreadsheet's copy of Connections.csv is made here from the generated one
the way Excel writes it back: no `Notes:` preamble, CRLF, every `Connected On` rewritten in
the program's date format, and for a German Excel `;` between fields and Windows-1252.

- Ambiguous slash dates (every day and month up to 12): one message for the whole file says
  what happened and what to do, no row of it is listed as skipped, nothing of it is counted,
  and every other measure is what the export without Connections.csv gives.
- Day.month.year dates: the report says how they were read, and the connections count as if
  the file had never been opened.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import record, start, stored_document
from tests.e2e.test_coach import coach_document
from tests.e2e.test_export_import import (
    drop_files,
    expected_weeks,
    open_import,
    report,
    stored_weeks,
)
from tests.linkedin_export import LOOSE, ExportSpec, make_export

pytestmark = pytest.mark.e2e

SPEC = ExportSpec(seed=11, weeks=20, layout=LOOSE)
CHECKINS = (record("2026-10-04", 12, 8, 7, 9),)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def resave(data: bytes, write: Callable[[dt.date], str], *, delimiter: str = ",",
           encoding: str = "utf-8") -> bytes:
    """Connections.csv as a spreadsheet program saves it: from the header on, CRLF, each
    `Connected On` (`09 Jul 2026`) written by `write`."""
    lines = data.decode("utf-8").splitlines(keepends=True)
    start_at = next(i for i, line in enumerate(lines) if line.startswith("First Name,"))
    rows = list(csv.reader(io.StringIO("".join(lines[start_at:]), newline="")))
    header, records = rows[0], rows[1:]
    column = header.index("Connected On")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in records:
        day, month, year = row[column].split(" ")
        row[column] = write(dt.date(int(year), MONTHS.index(month) + 1, int(day)))
        writer.writerow(row)
    return out.getvalue().encode(encoding)  # raises if the export holds what it cannot write


def ambiguous(day: dt.date) -> str:
    """Month/day/year with the day folded into 1-12: no value tells which number is which."""
    return f"{day.month}/{1 + day.day % 12}/{day.year}"


def test_a_resaved_connections_file_is_one_clear_message_then_read_when_it_can_be(
        page: Page, site_url: str) -> None:
    export = make_export(SPEC)
    without = make_export(ExportSpec(seed=SPEC.seed, weeks=SPEC.weeks, layout=LOOSE,
                                     omit=frozenset({"connections"})))
    connections = export.files["Connections.csv"]
    start(page, site_url, document=coach_document(*CHECKINS))
    open_import(page)

    # 1. Slash dates nobody can read for sure: one message for the file, nothing else.
    drop_files(page, [*without.uploads, ("Connections.csv", resave(connections, ambiguous))])
    found = report(page)
    problems = found.locator(".export-problems li")
    expect(problems).to_have_count(1)
    expect(problems).to_have_text(
        "Connections.csv: the dates in the Connected On column were changed by a spreadsheet "
        "program (the file was opened and saved again) and cannot be read for sure: dates "
        "like 2/6/2026 could be 2 June or 6 February, and no date in the file tells which. "
        "Nothing in this file was counted. Download your data export again from LinkedIn and "
        "choose the new file without opening it first.")
    expect(found.locator(".export-row-errors")).to_have_count(0)
    expect(found.locator("table.export-files")).not_to_contain_text("Connections.csv")
    rows = sum(without.expected.rows_read.values())
    expect(found.locator(".export-summary")).to_contain_text(
        f"Read {len(without.expected.rows_read)} files: {rows:,} rows, 0 rows skipped.")
    found.locator("[data-action=export-confirm]").click()
    expect(page.locator("#status")).to_contain_text("Imported your LinkedIn export")
    assert stored_weeks(stored_document(page), "imported") == expected_weeks(without)

    # 2. The same export with Connections.csv from a German Excel: read, and said how.
    german = resave(connections, lambda day: f"{day.day:02d}.{day.month:02d}.{day.year}",
                    delimiter=";", encoding="cp1252")
    uploads = [(name, german if name == "Connections.csv" else data)
               for name, data in export.uploads]
    drop_files(page, uploads)
    found = report(page)
    row = found.locator("table.export-files tr", has=page.locator("th", has_text="Connections"))
    expect(row.locator("td.file-notes")).to_have_text(
        "text encoded as Windows-1252 (saved by a spreadsheet program); fields separated by "
        "semicolons (saved by a spreadsheet program); Connected On: dates as a spreadsheet "
        "program writes them, read as day.month.year (like 31.01.2026)")
    expect(row.locator("td").nth(1)).to_have_text(f"{export.expected.rows_read['Connections.csv']:,}")
    expect(found.locator(".export-problems")).to_have_count(0)
    expect(found.locator(".export-row-errors")).to_have_count(0)
    found.locator("[data-action=export-confirm]").click()
    expect(page.locator("#status")).to_contain_text("Imported your LinkedIn export")
    saved = stored_document(page)
    assert stored_weeks(saved, "imported") == expected_weeks(export)
    network = export.expected.network
    assert saved["network"]["connections_by_month"] == network.connections_by_month
    assert saved["network"]["invitations_accepted"] == network.invitations_accepted
