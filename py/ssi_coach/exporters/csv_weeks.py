"""The weekly log the member typed by hand, as a CSV spreadsheet, and its columns both ways.

The file holds the typed log only (`Document.weeks`): the counts read from LinkedIn exports
are not in it (they come back with the next export import, and the workbook download shows
both). One row per week, oldest first: the week's Monday as an ISO date, then one column per
weekly count (`MEASURES`, activity then outcomes) headed with its label. An empty cell is a
count that was not logged, which is not the same as 0. Written like the check-ins' CSV
(UTF-8 with a byte-order mark, CRLF line ends); the reader is
`ssi_coach.importers.csv_weeks`. New measures get new columns at the end, so files written
before them read as they always did.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from ..model import MEASURES, Document, WeekLog

WEEK_HEADER = "Week (Monday)"
WEEK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("week", WEEK_HEADER),
    *((m.key, m.label) for m in MEASURES),
)


def weeks_csv_filename(today: dt.date) -> str:
    """'ssi-coach-weekly-log-2026-12-02.csv'."""
    return f"ssi-coach-weekly-log-{today.isoformat()}.csv"


def _row(log: WeekLog) -> list[str]:
    counts = (log.count(m.key) for m in MEASURES)
    return [log.week.isoformat(), *("" if n is None else str(n) for n in counts)]


def weeks_csv(document: Document) -> str:
    """The typed weekly log as CSV text, oldest first; encode it as UTF-8 to save it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(header for _, header in WEEK_COLUMNS)
    for log in document.weeks:  # one per week, oldest first (the document's rule)
        writer.writerow(_row(log))
    return "\ufeff" + out.getvalue()  # the byte-order mark: Excel then reads it as UTF-8
