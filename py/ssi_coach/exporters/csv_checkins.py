"""Check-ins as a CSV spreadsheet for Excel and friends, and the columns both ways.

Writes what spreadsheet programs open without questions: UTF-8 with a byte-order mark, CRLF
line ends, ISO dates, '.' decimals without trailing zeros, readable column headers, and text
cells that could run as a formula prefixed with an apostrophe. The reader of such files is
`ssi_coach.importers.csv_checkins`; a new column is added to CSV_COLUMNS here, and the
reader learns its header (and any other names people give it) in its alias table. New
columns go after the old ones, so a file written before them reads as it always did.

The peers' averages are one column per group and pillar ("Industry avg: Brand"), empty when
the check-in has none; the events are one column of their labels joined by EVENTS_SEPARATOR.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from ..checkins.validation import EVENTS_FIELD, MAX_DECIMALS, PEER_FIELDS, status_field
from ..model import EVENTS, PEER_GROUPS, PILLARS, CheckIn

EVENTS_SEPARATOR = "; "
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
    *((group.field_name(p), f"{group.label} avg: {p.short}") for group in PEER_GROUPS
      for p in PILLARS),
    *((status_field(group), f"{group.label} status") for group in PEER_GROUPS),
    (EVENTS_FIELD, "Events"),
)
_TEXTS = ("industry", "note", *(status_field(group) for group in PEER_GROUPS))


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


def events_text(events: tuple[str, ...]) -> str:
    """("holiday", "campaign") -> 'Holiday or time off; Campaign or push'."""
    return EVENTS_SEPARATOR.join(e.label for e in EVENTS if e.key in events)


def _cell(checkin: CheckIn, field: str) -> str:
    if field == "date":
        return checkin.on.isoformat()
    if field == "total":
        return number_text(checkin.total)
    if field == EVENTS_FIELD:
        return events_text(checkin.events)
    if field in PEER_FIELDS:
        group, pillar = PEER_FIELDS[field]
        peers = checkin.peers(group)
        return "" if peers is None else number_text(peers.score_of(pillar))
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
