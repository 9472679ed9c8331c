"""Check-ins as a CSV spreadsheet for Excel and friends, and the columns both ways.

Writes what spreadsheet programs open without questions: UTF-8 with a byte-order mark, CRLF
line ends, ISO dates, '.' decimals without trailing zeros, readable column headers, and text
cells that could run as a formula prefixed with an apostrophe. The reader of such files is
`ssi_coach.importers.csv_checkins`; a new column is added to CSV_COLUMNS here, and the
reader learns its header (and any other names people give it) in its alias table.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from ..checkins.validation import MAX_DECIMALS
from ..model import PILLARS, CheckIn

CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "Date"),
    ("total", "Total"),
    *((p.key, p.label) for p in PILLARS),
    ("industry_rank", "Industry SSI rank (Top %)"),
    ("network_rank", "Network SSI rank (Top %)"),
    ("industry_average", "Industry average SSI"),
    ("network_average", "Network average SSI"),
    ("industry", "Industry"),
    ("note", "Note"),
)
_TEXTS = ("industry", "note")


# ---- export ------------------------------------------------------------------------------

# A cell that a spreadsheet could run as a formula: one starting with = + - @, possibly after
# spaces, or with a tab or carriage return (OWASP's list). Leading apostrophes are part of the
# pattern so that a cell which itself starts with "'=" also gets one, which keeps the escape
# reversible: import strips exactly one apostrophe, and only from cells that match after it.
FORMULA_START = re.compile(r"'*(?:[\t\r]|\s*[=+\-@])")


def escape_formula(text: str) -> str:
    return "'" + text if FORMULA_START.match(text) else text


def number_text(value: float) -> str:
    """12.275 -> '12.275', 6.0 -> '6': the plainest text that reads back as the same value."""
    text = f"{value + 0.0:.{MAX_DECIMALS}f}"  # + 0.0 turns -0.0 into 0.0
    if float(text) != value:  # more decimals than the rules allow: keep every digit
        text = repr(float(value))
        if "e" in text or "E" in text:
            text = f"{value:.17f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _cell(checkin: CheckIn, field: str) -> str:
    if field == "date":
        return checkin.on.isoformat()
    if field == "total":
        return number_text(checkin.total)
    value = getattr(checkin, field)
    if field in _TEXTS:
        return escape_formula(value)
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else number_text(value)


def checkins_to_csv(checkins: Iterable[CheckIn]) -> str:
    """The check-ins as CSV text, oldest first; encode it as UTF-8 to save it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(header for _, header in CSV_COLUMNS)
    for checkin in sorted(checkins, key=lambda c: c.on):
        writer.writerow(_cell(checkin, field) for field, _ in CSV_COLUMNS)
    # The byte-order mark is how Excel knows the file is UTF-8 and not the PC's code page.
    return "\ufeff" + out.getvalue()
