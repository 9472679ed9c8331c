"""The weekly log from a CSV spreadsheet: the app's own file (`exporters.csv_weeks`), also
after a spreadsheet program saved it again or the member edited it.

Accepted: ',' ';' or tab separators and UTF-8 with or without a byte-order mark (or UTF-16),
as `csv_text` reads them; columns in any order, headed with a count's label or its key
(case, spaces and punctuation ignored); unknown columns are ignored with a note. Dates are
read in one format per file, decided from the whole column as for a LinkedIn export saved
by a spreadsheet (`linkedin.dates.read_sheet_column`): `2026-11-30`, `30/11/2026` and
`11/30/2026` all work. When every date could be read either way round (2/11/2026), the
order in which every date is a Monday wins, since the file lists Mondays; when neither or
both do, nothing is guessed. A date that is not a Monday counts for its week's Monday, with
a note. Counts obey the weekly form's rules (`activity.log`): whole numbers from 0 to
MAX_WEEKLY_COUNT, parts within their wholes; an empty cell is a count not logged. A row
that breaks a rule is set aside whole, as Problems naming the file, line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..activity.log import check_parts
from ..exporters.csv_weeks import WEEK_COLUMNS, WEEK_HEADER
from ..model import MAX_WEEKLY_COUNT, MEASURES, Problem, WeekLog, week_of
from ..text import long_date
from .csv_text import CsvRow, CsvText, Refused, csv_rows, header_key, raw_text, text_lines
from .linkedin.dates import (
    AMBIGUOUS,
    MIXED,
    SHEET_FORMATS,
    SheetFormat,
    read_sheet_column,
    read_sheet_value,
)

MAX_WEEKS_CSV_BYTES = 2_000_000  # a century of weeks is a quarter of this
LABELS = dict(WEEK_COLUMNS)  # column key -> the name a Problem gives it
_WHOLE = re.compile(r"(\d+)(?:[.,]0+)?")  # 3, or 3.0 / 3,0 as a spreadsheet may write it
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")


@dataclass(frozen=True)
class WeeksRead:
    """What a weekly log CSV holds: the weeks it could read (oldest first, one per Monday),
    the counts it has a column for (a count without a column is unknown, not blank), notes
    on what was read other than as written, and the rows and files set aside."""

    weeks: tuple[WeekLog, ...] = ()
    columns: tuple[str, ...] = ()  # MEASURE keys, in MEASURES order
    notes: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


# ---- columns -----------------------------------------------------------------------------

def _alias_table() -> dict[str, str]:
    names: dict[str, list[str]] = {key: [key, header] for key, header in WEEK_COLUMNS}
    names["week"] += ["Monday", "week of", "week starting", "week start", "date", "week date"]
    return {header_key(name): key for key, aliases in names.items() for name in aliases}


_HEADER_ALIASES = _alias_table()


@dataclass(frozen=True)
class _Header:
    columns: dict[str, int]  # key -> column index
    notes: tuple[str, ...]


def _header(cells: list[str]) -> _Header:
    columns: dict[str, int] = {}
    notes = []
    for index, cell in enumerate(cells):
        if not cell.strip():
            continue  # spreadsheets add empty columns at the end
        key = _HEADER_ALIASES.get(header_key(cell))
        if key is None:
            notes.append(f"Column “{cell.strip()[:40]}” is not a weekly count ssi-coach "
                         "knows; it was ignored.")
        elif key in columns:
            notes.append(f"Column “{cell.strip()[:40]}” repeats “{LABELS[key]}”; only the "
                         "first was read.")
        else:
            columns[key] = index
    return _Header(columns, tuple(notes))


# ---- dates -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Dates:
    """How the file's dates read: each distinct text's day (None: cannot be read)."""

    days: Mapping[str, dt.date]
    notes: tuple[str, ...] = ()
    problem: str = ""  # the whole column cannot be read


def _read_dates(texts: list[str]) -> _Dates:
    counts = Counter(texts)
    if not counts:
        return _Dates({})
    reading = read_sheet_column(counts)
    if reading.format is not None:
        days = {text: moment.date() for text, moment in reading.values.items()}
        return _Dates(days, _format_note(reading.format))
    if reading.problem == AMBIGUOUS:
        return _by_mondays(counts, reading.separator)
    if reading.problem == MIXED:
        return _Dates({}, problem="Some dates in the week column are written month first and "
                      "others day first, so none of them can be read for sure.")
    return _Dates({}, problem="Most dates in the week column cannot be read; write them "
                  "like 2026-11-30.")


def _format_note(fmt: SheetFormat) -> tuple[str, ...]:
    if fmt.key == "y-m-d":
        return ()
    return (f"Dates were read as {fmt.label} ({fmt.example} is 31 January 2026).",)


def _by_mondays(counts: Mapping[str, int], separator: str) -> _Dates:
    """Day first or month first, whichever makes every date a Monday; no guess otherwise."""
    fits = []
    for fmt in SHEET_FORMATS:
        if fmt.shape != "numeric" or fmt.order == "ymd" or fmt.separator != separator:
            continue
        moments = {text: read_sheet_value(fmt, text) for text in counts}
        days = {text: m.date() for text, m in moments.items() if m is not None}
        if len(days) == len(counts) and all(day.weekday() == 0 for day in days.values()):
            fits.append((fmt, days))
    if len(fits) != 1:
        example = separator.join(("2", "11", "2026"))
        return _Dates({}, problem=f"Dates like {example} could be 2 November or 11 February, "
                      "and nothing in the file tells which; write them like 2026-11-02.")
    fmt, days = fits[0]
    return _Dates(days, (f"Dates were read as {fmt.label} ({fmt.example} is 31 January "
                         "2026): read that way, every date is a Monday.",))


# ---- rows --------------------------------------------------------------------------------

def _count(text: str) -> tuple[int | None, str]:
    """A cell's count (None: empty) or the message about it."""
    text = _SPACES.sub("", text)
    if not text:
        return None, ""
    match = _WHOLE.fullmatch(text)
    if match is None:
        return None, f"“{text[:20]}” is not a whole number of 0 or more, like 3."
    number = int(match.group(1))
    if number > MAX_WEEKLY_COUNT:
        return None, (f"{number:,} is more than {MAX_WEEKLY_COUNT:,} in one week; check for "
                      "a typo.")
    return number, ""


@dataclass
class _Sheet:
    """The rows while they are read: weeks kept, notes, problems, Mondays seen."""

    file_name: str
    found: CsvText
    columns: dict[str, int]
    dates: _Dates
    today: dt.date
    weeks: dict[dt.date, WeekLog] = field(default_factory=dict)
    seen: dict[dt.date, int] = field(default_factory=dict)  # Monday -> its line
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add(self, row: CsvRow) -> None:
        cells = {key: row.cells[i] if i < len(row.cells) else ""
                 for key, i in self.columns.items()}
        errors: dict[str, str] = {}
        day = self._day(cells["week"].strip(), errors)
        counts: dict[str, int] = {}
        for measure in MEASURES:
            if measure.key in cells:
                number, message = _count(cells[measure.key])
                if message:
                    errors[measure.key] = message
                elif number is not None:
                    counts[measure.key] = number
        for error in check_parts(counts):
            errors.setdefault(error.field, error.message)
        if errors or day is None:
            raw = raw_text(self.found.lines, row.start, row.end)
            self.problems += [Problem(self.file_name, row.start, LABELS[key], errors[key], raw)
                              for key, _ in WEEK_COLUMNS if key in errors]
            return
        monday = week_of(day)
        if day != monday:
            self.notes.append(f"Line {row.start}: {day:%A} {long_date(day)} is not a Monday; "
                              f"it was read as the week of Monday {long_date(monday)}.")
        self.seen[monday] = row.start
        self.weeks[monday] = WeekLog(monday, counts)

    def _day(self, text: str, errors: dict[str, str]) -> dt.date | None:
        """The row's date, or None with the reason in `errors`."""
        if not text:
            errors["week"] = "The week is empty; every row needs its week's Monday."
            return None
        day = self.dates.days.get(text)
        if day is None:
            errors["week"] = f"“{text[:20]}” cannot be read as a date like the file's others."
            return None
        monday = week_of(day)
        if monday > week_of(self.today):
            errors["week"] = f"The week of {long_date(monday)} has not started yet."
        elif monday in self.seen:
            errors["week"] = (f"The week of {long_date(monday)} is already on line "
                              f"{self.seen[monday]}.")
        return day

    def read(self, header_notes: tuple[str, ...]) -> WeeksRead:
        columns = tuple(m.key for m in MEASURES if m.key in self.columns)
        return WeeksRead(tuple(self.weeks[day] for day in sorted(self.weeks)), columns,
                         (*header_notes, *self.dates.notes, *self.notes),
                         tuple(self.problems))


# ---- the file ----------------------------------------------------------------------------

def _header_problem(header: _Header) -> str:
    if "week" not in header.columns:
        return (f"The first line must name the columns; this file has no “{WEEK_HEADER}” "
                "column.")
    if len(header.columns) == 1:
        return "The first line names no weekly count ssi-coach knows (like “Posts published”)."
    return ""


def read_weeks_csv(data: bytes | str, *, file_name: str, today: dt.date) -> WeeksRead:
    """Every week a weekly log CSV holds, with notes and a Problem for each row left out.

    Never raises on the file's content: a file that cannot be used at all gives no weeks and
    one Problem at the line where it goes wrong (line 1 for a missing column)."""
    found = text_lines(data, max_bytes=MAX_WEEKS_CSV_BYTES,
                       too_large="This file is too large to be a weekly log.")
    if isinstance(found, Refused):
        return WeeksRead(problems=(Problem(file_name, found.line, "", found.message,
                                           found.raw),))
    rows = list(csv_rows(found))
    head = rows[0]
    if isinstance(head, Refused):
        return WeeksRead(problems=(Problem(file_name, head.line, "", head.message, head.raw),))
    header = _header(head.cells)
    message = _header_problem(header)
    if message:
        raw = raw_text(found.lines, head.start, head.end)
        return WeeksRead(problems=(Problem(file_name, head.start, "", message, raw),))
    data_rows = [r for r in rows[1:]
                 if isinstance(r, CsvRow) and any(cell.strip() for cell in r.cells)]
    week_at = header.columns["week"]
    dates = _read_dates([r.cells[week_at].strip() for r in data_rows
                         if week_at < len(r.cells) and r.cells[week_at].strip()])
    if dates.problem:
        return WeeksRead(problems=(Problem(file_name, 0, WEEK_HEADER, dates.problem),))
    sheet = _Sheet(file_name, found, header.columns, dates, today)
    for row in data_rows:
        sheet.add(row)
    sheet.problems += [Problem(file_name, r.line, "", r.message, r.raw) for r in rows
                       if isinstance(r, Refused)]
    return sheet.read(header.notes)
