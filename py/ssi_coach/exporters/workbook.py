"""The trainer's sheet: everything the member keeps, as one Excel workbook (.xlsx).

One sheet per table: check-ins, weekly activity, weekly outcomes, posts per week and the
network summary, and a short "About" sheet. Cells are typed (dates are dates with a date
format, counts and scores are numbers, a count never logged is an empty cell, never 0, and
text is always written as text, so a note starting with "=" never runs as a formula). Each
table has a bold, frozen header row, an autofilter and column widths that fit its values.

XlsxWriter writes the file in memory. It is imported inside `workbook_bytes`, so the browser
loads it only when the member asks for the workbook. The same document and `today` always
give the same bytes: the file's creation date is `today`, and XlsxWriter stamps every part
of the zip with a fixed time.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..checkins.validation import EVENTS_FIELD, PEER_FIELDS
from ..model import ACTIVITY, IMPORTED, OUTCOMES, CheckIn, Document, Measure, WeekLog
from ..network.insights import SENIORITY_LABELS, WEEKDAYS
from ..posts.weekly import PostWeek, weekly
from .csv_checkins import CSV_COLUMNS, events_text

APP_NAME = "ssi-coach"
Cell = dt.date | int | float | str | bool | None
Row = tuple[Cell, ...]

_MIN_WIDTH, _MAX_WIDTH, _MAX_HEADER_WIDTH = 8, 60, 24
DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy-mm"
PERCENT_FORMAT = "0.0%"


def workbook_filename(today: dt.date) -> str:
    """'ssi-coach-2026-12-02.xlsx': the name the download gets, dated like the CSV's."""
    return f"{APP_NAME}-{today.isoformat()}.xlsx"


@dataclass(frozen=True)
class Column:
    header: str
    number_format: str = ""  # Excel's format code for the column's numbers or dates


@dataclass(frozen=True)
class Table:
    """One sheet: its name, columns and rows (each a tuple of cells, one per column), and
    lines written under the table after a blank row (label, value), outside the filter."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    below: tuple[tuple[str, Cell], ...] = ()


# ---- the tables --------------------------------------------------------------------------

_NUMBER_FIELDS = frozenset(("total", "brand", "people", "insights", "relationships",
                            "industry_average", "network_average", *PEER_FIELDS))


def _checkin_cell(checkin: CheckIn, field: str) -> Cell:
    if field == "date":
        return checkin.on
    if field == "total":
        return checkin.total
    if field == EVENTS_FIELD:
        return events_text(checkin.events)
    if field in PEER_FIELDS:
        group, pillar = PEER_FIELDS[field]
        peers = checkin.peers(group)
        return None if peers is None else peers.score_of(pillar)
    value: Cell = getattr(checkin, field)
    return value


def checkins_table(checkins: Sequence[CheckIn]) -> Table:
    """The check-ins with the CSV export's columns, oldest first."""
    columns = tuple(Column(header, DATE_FORMAT if field == "date" else "")
                    for field, header in CSV_COLUMNS)
    rows = tuple(tuple(_checkin_cell(c, field) for field, _ in CSV_COLUMNS)
                 for c in sorted(checkins, key=lambda c: c.on))
    return Table("Check-ins", columns, rows)


def _source(document: Document, monday: dt.date) -> str:
    typed = any(w.week == monday for w in document.weeks)
    imported = any(w.week == monday for w in document.imported)
    if typed and imported:
        winner = document.week_sources.get(monday, "typed")
        return f"both, {'imported' if winner == IMPORTED else 'typed'} counts first"
    return "typed" if typed else "imported"


def _week_rows(logs: Sequence[WeekLog], measures: Sequence[Measure],
               extra: Callable[[WeekLog], tuple[Cell, ...]]) -> tuple[Row, ...]:
    """A row per week holding any of `measures`: a missing count stays an empty cell."""
    keys = [m.key for m in measures]
    return tuple((log.week, *(log.count(k) for k in keys), *extra(log)) for log in logs
                 if any(k in log.counts for k in keys))


def activity_table(document: Document) -> Table:
    """Weekly activity as the estimate reads it (typed and imported merged), with where each
    week's counts came from."""
    columns = (Column("Week (Monday)", DATE_FORMAT), *(Column(m.label) for m in ACTIVITY),
               Column("Source"))
    rows = _week_rows(document.activity_weeks(), ACTIVITY,
                      lambda log: (_source(document, log.week),))
    return Table("Weekly activity", columns, rows)


def outcomes_table(document: Document) -> Table:
    columns = (Column("Week (Monday)", DATE_FORMAT), *(Column(m.label) for m in OUTCOMES))
    return Table("Outcomes", columns, _week_rows(document.activity_weeks(), OUTCOMES,
                                                 lambda log: ()))


def _post_row(week: PostWeek) -> Row:
    return (week.week, week.impressions, week.engagements, week.engagement_rate(),
            week.new_followers, week.days, week.partial)


def posts_table(document: Document) -> Table:
    """The posts' weekly sums; "Partial" marks a week holding an export day, whose figures
    were still coming in."""
    columns = (Column("Week (Monday)", DATE_FORMAT), Column("Impressions"),
               Column("Engagements"), Column("Engagement rate", PERCENT_FORMAT),
               Column("New followers"), Column("Days with figures"),
               Column("Partial (export day inside)"))
    return Table("Posts weekly", columns, tuple(_post_row(w) for w in weekly(document.posts)))


def network_table(document: Document) -> Table:
    """Connections added per month by seniority, then the import's other counts below."""
    columns = (Column("Month", MONTH_FORMAT), *(Column(label) for _, label in SENIORITY_LABELS),
               Column("All connections added"))
    summary = document.network
    if summary is None:
        return Table("Network", columns, ())
    rows: list[Row] = []
    for month in sorted(summary.connections_by_month):
        year, number = (int(part) for part in month.split("-"))
        classes = summary.connections_by_month[month]
        counts = [classes.get(key, 0) for key, _ in SENIORITY_LABELS]
        rows.append((dt.date(year, number, 1), *counts, sum(classes.values())))
    below: tuple[tuple[str, Cell], ...] = (
        ("Connections with no date", summary.undated_connections),
        ("Invitations sent", summary.invitations_sent),
        ("Invitations accepted", summary.invitations_accepted),
        ("Conversations you started", summary.conversations_started),
        ("Conversations answered", summary.conversations_replied),
        *((f"Actions on {day}s", count)
          for day, count in zip(WEEKDAYS, summary.by_weekday, strict=True)),
    )
    return Table("Network", columns, tuple(rows), below)


def about_table(today: dt.date) -> Table:
    lines: tuple[Row, ...] = (
        ("App", APP_NAME),
        ("Made on", today),
        ("Whose figures", "All figures are the member's own: typed in ssi-coach or read from "
                          "their own LinkedIn exports, in their browser."),
        ("Blank cells", "A count that was never logged is blank, not 0."),
    )
    return Table("About", (Column("What"), Column("Value", DATE_FORMAT)), lines)


def tables(document: Document, today: dt.date) -> tuple[Table, ...]:
    """Every sheet of the workbook, in order."""
    return (checkins_table(document.checkins), activity_table(document),
            outcomes_table(document), posts_table(document), network_table(document),
            about_table(today))


# ---- writing -----------------------------------------------------------------------------

def workbook_bytes(document: Document, today: dt.date) -> bytes:
    """The workbook as .xlsx bytes: the same document and day always give the same bytes."""
    return tables_bytes(tables(document, today), "SSI coach data", today)


def tables_bytes(sheets: Sequence[Table], title: str, today: dt.date) -> bytes:
    """Any tables as a workbook, a sheet each, written the way this module writes its own
    (typed cells, a bold frozen header with a filter, fitting widths); made on `today`."""
    import xlsxwriter  # loaded when the member asks for a workbook, not at start-up

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": title, "author": APP_NAME,
                         "created": dt.datetime.combine(today, dt.time())})
    styles = _Styles(book)
    for table in sheets:
        _write_table(book.add_worksheet(table.name), table, styles)
    book.close()
    return out.getvalue()


class _Styles:
    """The workbook's cell formats, made once: XlsxWriter keeps one per distinct format."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.bold = book.add_format({"bold": True})
        self.numbers: dict[str, Any] = {}

    def number(self, code: str) -> Any:
        if code not in self.numbers:
            self.numbers[code] = self.book.add_format({"num_format": code})
        return self.numbers[code]


def _write_table(sheet: Any, table: Table, styles: _Styles) -> None:
    for col, column in enumerate(table.columns):
        sheet.write_string(0, col, column.header, styles.header)
    for row, cells in enumerate(table.rows, 1):
        for col, value in enumerate(cells):
            _write_cell(sheet, row, col, value, table.columns[col], styles)
    below_start = len(table.rows) + 2
    for offset, (label, value) in enumerate(table.below):
        sheet.write_string(below_start + offset, 0, label, styles.bold)
        _write_cell(sheet, below_start + offset, 1, value, Column(label), styles)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    for col, width in enumerate(_widths(table)):
        sheet.set_column(col, col, width)


def _write_cell(sheet: Any, row: int, col: int, value: Cell, column: Column,
                styles: _Styles) -> None:
    if value is None or value == "":
        return  # not logged: an empty cell, never 0
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, styles.number(column.number_format or DATE_FORMAT))
    elif isinstance(value, int | float):
        if column.number_format:
            sheet.write_number(row, col, value, styles.number(column.number_format))
        else:
            sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, value)  # never a formula or a link, whatever it starts with


def _shown_width(value: Cell, column: Column) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return len(column.number_format or DATE_FORMAT) + 2
    if isinstance(value, float) and column.number_format == PERCENT_FORMAT:
        return len(f"{value:.1%}")
    if isinstance(value, float):
        return len(f"{value:.3f}".rstrip("0").rstrip("."))
    return len(str(value))


def _widths(table: Table) -> list[int]:
    """Each column as wide as its widest value, its header up to a point (longer headers
    wrap), and at most _MAX_WIDTH."""
    widths = []
    for col, column in enumerate(table.columns):
        values = [_shown_width(row[col], column) for row in table.rows]
        if col < 2:  # the lines under the table: labels in the first column, values next
            values += [_shown_width(line[col], Column("")) for line in table.below]
        longest = max([min(len(column.header), _MAX_HEADER_WIDTH), *values])
        widths.append(max(_MIN_WIDTH, min(longest + 2, _MAX_WIDTH)))
    return widths
