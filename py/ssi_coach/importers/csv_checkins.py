"""Check-ins from a CSV spreadsheet: a tolerant reader of the files people actually have.

The writer is `ssi_coach.exporters.csv_checkins`, which also owns the columns. This reader
accepts such a sheet after editing it by hand: any column order, renamed or extra
columns, ',' ';' or tab as the separator, comma decimals, UTF-8 or UTF-16, blank lines,
and files from before a column existed (peers' averages, statuses, events are optional).
Every row goes through the same rules as the check-in form (`validation`); a row that breaks
one is set aside as a `Problem` naming the file, the physical line and the column, and the
other rows still come in. Nothing here raises on what is in the file. Decoding, the
separator and physical line numbers are `csv_text`'s, shared with the weekly log's reader.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ..checkins.validation import (
    EVENTS_FIELD,
    FIELD_LABELS,
    FIRST_SSI_DATE,
    RECORD_LABELS,
    check_record,
    parse_date,
    parse_number,
    parse_rank,
    read_peers,
    status_field,
)
from ..errors import InvalidText
from ..exporters.csv_checkins import CSV_COLUMNS, EVENTS_SEPARATOR, FORMULA_START, number_text
from ..model import (
    EVENTS,
    PEER_GROUPS,
    PILLAR_KEYS,
    PILLAR_MAX,
    PILLARS,
    CheckIn,
    FieldError,
    Problem,
)
from .csv_text import MAX_RAW_LENGTH as MAX_RAW_LENGTH
from .csv_text import Refused, csv_rows, header_key, raw_text, text_lines

REQUIRED_FIELDS = ("date", *PILLAR_KEYS)
TOTAL_TOLERANCE = 0.01
MAX_CSV_BYTES = 5_000_000  # decades of daily check-ins fit; a wrong file is stopped early

LABELS = {**RECORD_LABELS, "total": "Total"}  # column -> the name a Problem gives it
_RANKS = ("industry_rank", "network_rank")
_AVERAGES = ("industry_average", "network_average")
_STATUSES = tuple(status_field(group) for group in PEER_GROUPS)
_TEXTS = ("industry", "note", *_STATUSES)
_MAX_SHOWN_EVENT = 40  # an unknown event is quoted in the Problem, a long one only in part
_COLUMN_ORDER = tuple(field for field, _ in CSV_COLUMNS)  # problems of a row, left to right

T = TypeVar("T")


@dataclass(frozen=True)
class CsvRead:
    """The check-ins a CSV file holds (oldest first, one per date) and the rows set aside."""

    checkins: tuple[CheckIn, ...]
    rejected: tuple[Problem, ...]


# ---- import: columns ---------------------------------------------------------------------

def _alias_table() -> dict[str, str]:
    names: dict[str, list[str]] = {field: [field, header] for field, header in CSV_COLUMNS}
    for field, label in FIELD_LABELS.items():
        names[field].append(label)
    for pillar in PILLARS:
        names[pillar.key] += [pillar.short, pillar.api_key]
    # Headers people write by hand or other tools use for the same columns.
    names["date"] += ["day", "on", "checked on", "check-in date", "checkin date", "date read"]
    names["total"] += ["SSI", "total SSI", "SSI total", "score", "SSI score", "total score"]
    names["brand"] += ["professional brand", "your professional brand"]
    names["people"] += ["right people", "find people"]
    names["insights"] += ["insight", "engage insights", "engagement"]
    names["relationships"] += ["relationship", "strong relationships"]
    for scope in ("industry", "network"):
        names[f"{scope}_rank"] += [f"{scope} rank (Top %)", f"{scope} top %", f"rank {scope}",
                                   f"rank in {scope}", f"{scope} SSI rank top"]
        names[f"{scope}_average"] += [f"{scope} average", f"{scope} avg", f"{scope} avg SSI",
                                      f"{scope} SSI average", f"average {scope} SSI"]
    names["industry"] += ["sector"]
    names["note"] += ["notes", "comment", "comments", "remark", "remarks"]
    for group in PEER_GROUPS:
        scope = group.label
        for pillar in PILLARS:
            names[group.field_name(pillar)] += [
                f"{scope} average {pillar.short}", f"{scope} {pillar.short} average",
                f"{scope} {pillar.short} avg", f"{scope} peers {pillar.short}",
                f"{scope} average {pillar.label}"]
        names[status_field(group)] += [f"{scope} weekly status", f"{scope} status line"]
    names[EVENTS_FIELD] += ["event", "what happened"]
    table: dict[str, str] = {}
    for field, aliases in names.items():
        for alias in aliases:
            key = header_key(alias)
            if table.setdefault(key, field) != field:
                raise AssertionError(f"header alias {alias!r} names two columns")
    return table


_HEADER_ALIASES = _alias_table()


def _columns(header: list[str]) -> dict[str, int]:
    """Field -> column index. The first column naming a field wins; unknown ones are extra."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = _HEADER_ALIASES.get(header_key(cell))
        if field is not None:
            columns.setdefault(field, index)
    return columns


# ---- import: text ------------------------------------------------------------------------

def _unescape_formula(text: str) -> str:
    """Undo the writer's apostrophe before a formula-like cell, and only that one."""
    if text.startswith("'") and FORMULA_START.match(text, 1):
        return text[1:]
    return text


# ---- import: cells -----------------------------------------------------------------------

_LOOSE_DATE = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")  # 2026/10/01, 2026.10.01
_DAY_FIRST_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")  # 1.10.2026: dots mean day first
_MIDNIGHT = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]00:00(?::00(?:\.0+)?)?")  # spreadsheet dates


def _parse_date_cell(text: str) -> dt.date:
    """ISO dates, plus the unambiguous forms a spreadsheet turns them into when re-saved."""
    text = text.strip()
    for pattern, order in ((_LOOSE_DATE, (1, 2, 3)), (_DAY_FIRST_DATE, (3, 2, 1))):
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day)
            except ValueError:
                break
    match = _MIDNIGHT.fullmatch(text)
    return parse_date(match.group(1) if match else text)


def _event_table() -> dict[str, str]:
    """Folded name -> event key: each event's label and key, and a few everyday names."""
    names = {e.key: [e.key, e.label] for e in EVENTS}
    names["holiday"] += ["holidays", "time off", "vacation", "leave"]
    names["job_change"] += ["new job", "new role"]
    names["linkedin_change"] += ["LinkedIn change"]
    names["campaign"] += ["push"]
    return {header_key(name): key for key, aliases in names.items() for name in aliases}


_EVENT_NAMES = _event_table()


def parse_events(text: str) -> tuple[str, ...]:
    """'Job change; Holiday or time off' -> ('holiday', 'job_change'): labels or keys, split at
    ';' or ',', in any order and case; each event once, in EVENTS order."""
    found = set()
    for piece in re.split(r"[;,]", text):
        if not piece.strip():
            continue
        key = _EVENT_NAMES.get(header_key(piece))
        if key is None:
            shown = piece.strip()[:_MAX_SHOWN_EVENT]
            known = EVENTS_SEPARATOR.join(e.label for e in EVENTS)
            raise InvalidText(f"“{shown}” is not an event ssi-coach knows; use: {known}.")
        found.add(key)
    return tuple(e.key for e in EVENTS if e.key in found)


def _attempt(parser: Callable[[str], T], text: str) -> tuple[T | None, str | None]:
    try:
        return parser(text), None
    except InvalidText as invalid:
        return None, str(invalid)


@dataclass
class _Row:
    """One data row while it is read: values parsed so far and what was wrong."""

    values: dict[str, object]
    errors: dict[str, str]  # field -> first message; later ones about a field add nothing

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)


def _read_row(cells: dict[str, str], today: dt.date) -> tuple[_Row, CheckIn]:
    """Parse one row's cells and run the record rules; the CheckIn is valid if no errors."""
    row = _Row({}, {})
    parsers: dict[str, Callable[[str], object]] = {
        "date": _parse_date_cell, **dict.fromkeys(PILLAR_KEYS, parse_number),
        "total": parse_number, **dict.fromkeys(_RANKS, parse_rank),
        **dict.fromkeys(_AVERAGES, parse_number), EVENTS_FIELD: parse_events,
    }
    for field, parser in parsers.items():
        text = cells.get(field, "").strip()
        if not text:
            if field in REQUIRED_FIELDS:
                row.fail(field, _empty_message(field))
            continue
        value, message = _attempt(parser, text)
        if message is not None:
            row.fail(field, message)
        else:
            row.values[field] = value
    industry = _unescape_formula(cells.get("industry", "")).strip()
    note = _unescape_formula(cells.get("note", ""))  # kept exactly: spaces may be on purpose
    statuses = {name: _unescape_formula(cells.get(name, "")).strip() for name in _STATUSES}
    peer_errors: list[FieldError] = []
    peers = {f"{g.key}_peers": read_peers(cells, g, peer_errors) for g in PEER_GROUPS}
    for error in peer_errors:
        row.fail(error.field, error.message)
    # Stand-ins for fields that did not parse let the rules judge every other field, so the
    # person sees all problems of a row at once; the stand-ins' own verdicts are dropped.
    checkin = CheckIn(
        on=row.values.get("date", FIRST_SSI_DATE),  # type: ignore[arg-type]
        **{k: row.values.get(k, 0.0) for k in PILLAR_KEYS},  # type: ignore[arg-type]
        **{k: row.values.get(k) for k in (*_RANKS, *_AVERAGES)},  # type: ignore[arg-type]
        industry=industry,
        note=note,
        **peers,  # type: ignore[arg-type]
        **statuses,  # type: ignore[arg-type]
        events=row.values.get(EVENTS_FIELD, ()),  # type: ignore[arg-type]
    )
    read_peer_fields = {g.field_name(p) for g in PEER_GROUPS
                        if peers[f"{g.key}_peers"] is not None for p in PILLARS} - set(row.errors)
    parsed = set(row.values) | set(_TEXTS) | read_peer_fields
    for error in check_record(checkin):
        if error.field in parsed:
            row.fail(error.field, error.message)
    if "date" in row.values and checkin.on > today:
        row.fail("date", f"Date {checkin.on.isoformat()} is in the future; "
                         f"today is {today.isoformat()}.")
    total = row.values.get("total")
    pillars_read = all(k in row.values for k in PILLAR_KEYS)
    if isinstance(total, float) and pillars_read and abs(total - checkin.total) > TOTAL_TOLERANCE:
        row.fail("total", f"Total {number_text(total)} does not match the pillars' sum "
                          f"{number_text(checkin.total)}.")
    return row, checkin


def _empty_message(field: str) -> str:
    if field == "date":
        return "The date is empty; every row needs the date the score was read."
    return f"This cell is empty; each pillar needs its score (0 to {PILLAR_MAX})."


# ---- import ------------------------------------------------------------------------------

@dataclass
class _Sheet:
    """The data rows while they are read: check-ins kept, problems, dates seen."""

    file_name: str
    lines: list[str]
    today: dt.date
    checkins: list[CheckIn] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)
    seen: dict[dt.date, int] = dataclasses.field(default_factory=dict)  # date -> its first line

    def add(self, cells: list[str], columns: dict[str, int], start: int, end: int) -> None:
        """Read one data row (physical lines `start` to `end`) as a check-in or problems."""
        if not any(cell.strip() for cell in cells):
            return  # blank lines and spreadsheets' empty rows (",,,,")
        row_cells = {f: cells[i] if i < len(cells) else "" for f, i in columns.items()}
        row, checkin = _read_row(row_cells, self.today)
        if "date" in row.values:
            earlier = self.seen.setdefault(checkin.on, start)
            if earlier != start:
                row.fail("date", f"Date {checkin.on.isoformat()} appears twice in this file "
                                 f"(line {earlier}).")
        if row.errors:
            raw = raw_text(self.lines, start, end)
            self.problems += [Problem(self.file_name, start, LABELS[f], row.errors[f], raw)
                              for f in _COLUMN_ORDER if f in row.errors]
        else:
            self.checkins.append(checkin)

    def read(self) -> CsvRead:
        return CsvRead(tuple(sorted(self.checkins, key=lambda c: c.on)), tuple(self.problems))


def read_checkins_csv(data: bytes | str, *, file_name: str, today: dt.date) -> CsvRead:
    """Every valid check-in in a CSV file, and a Problem for each row and column left out.

    Never raises on the file's content: a file that cannot be used at all gives no check-ins
    and one Problem at the line where it goes wrong (line 1 for a missing column).
    """
    found = text_lines(data, max_bytes=MAX_CSV_BYTES,
                       too_large="This file is too large to be a list of SSI check-ins.")
    if isinstance(found, Refused):
        return CsvRead((), (Problem(file_name, found.line, "", found.message, found.raw),))
    sheet = _Sheet(file_name, found.lines, today)
    columns: dict[str, int] | None = None
    for row in csv_rows(found):
        if isinstance(row, Refused):
            problem = Problem(file_name, row.line, "", row.message, row.raw)
            if columns is None:
                return CsvRead((), (problem,))
            sheet.problems.append(problem)
            break
        if columns is None:
            columns = _columns(row.cells)
            missing = [LABELS[f] for f in REQUIRED_FIELDS if f not in columns]
            if missing:
                return CsvRead((), (Problem(
                    file_name, row.start, "", "The first line must name the columns; this "
                    f"file has no column for: {', '.join(missing)}.",
                    raw_text(found.lines, row.start, row.end)),))
            continue
        sheet.add(row.cells, columns, row.start, row.end)
    return sheet.read()
