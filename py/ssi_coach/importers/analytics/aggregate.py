"""The aggregate workbook (`Content_…`, `AggregateAnalytics_…`) read sheet by sheet: the window
and its totals (DISCOVERY), one row per day (ENGAGEMENT, with FOLLOWERS' new followers by
date), the two top-posts tables, the follower total and the demographics.

A row that cannot be used is left out with a Problem naming the file, the sheet (as
`column`), the row (as `line`) and a reason, never the cell's text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...model import ExportStamp, PostDay, Problem, Share, TopPost, WindowSnapshot
from .book import Book, Cells, Sheet, refusal
from .cells import date_of, date_parts, day_first_evidence, integer, share, text_of
from .locales import (
    AGGREGATE_SHEETS_TEXT,
    AUDIENCE,
    CONTENT,
    DEMOGRAPHICS_HEADERS,
    DISCOVERY,
    ENGAGEMENT,
    FOLLOWERS,
    TOP_POSTS,
    TOTAL_FOLLOWERS,
    category_key,
    folded,
)
from .sheets import Found
from .types import AggregateFile

OLD_ERA, NEW_ERA = "2025 (Content_)", "2026 (AggregateAnalytics_)"
_NAME_WINDOW = re.compile(r"(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})")


@dataclass
class Skips:
    """The rows left out of one file, as Problems."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, sheet: Sheet, row: int, reason: str) -> None:
        self.problems.append(Problem(self.file, row, sheet.name, reason))


def read_aggregate(book: Book, found: Found) -> AggregateFile | Problem:
    roles = found.roles
    day_first = decide_day_first(book.name, roles, found.language)
    window = _window(book.name, roles, day_first)
    if window is None:
        return refusal(book.name, f"{book.name} looks like LinkedIn's post analytics export "
                                  "but says no dates: neither DISCOVERY's window nor the days "
                                  "of ENGAGEMENT could be read.")
    stamp = ExportStamp(window[0], window[1], book.created)
    skips = Skips(book.name)
    total, gains = _followers(roles.get(FOLLOWERS), day_first, skips)
    days = _days(roles.get(ENGAGEMENT), day_first, stamp, gains, skips)
    discovery = roles.get(DISCOVERY)
    snapshot = WindowSnapshot(
        stamp=stamp,
        impressions=_figure(discovery, 2, skips, "window's impressions not a number"),
        members_reached=_figure(discovery, 3, skips, "members reached not a number"),
        followers_total=total,
        top_posts=_top_posts(roles.get(TOP_POSTS), day_first, skips),
        audience=demographics(roles.get(AUDIENCE), skips),
        content_audience=demographics(roles.get(CONTENT), skips))
    notes = _notes(book, days, stamp, day_first, roles)
    return AggregateFile(name=book.name, era=_era(book.name, roles), language=found.language,
                         snapshot=snapshot, days=days, skipped=tuple(skips.problems),
                         notes=notes)


def not_analytics(name: str) -> Problem:
    return refusal(name, f"{name} has none of the sheets of LinkedIn's post analytics export "
                         f"({AGGREGATE_SHEETS_TEXT}).")


# ---- the window and the order of dates ----------------------------------------------------


def _name_window(name: str) -> tuple[dt.date, dt.date] | None:
    found = _NAME_WINDOW.search(name)
    if not found:
        return None
    try:
        start, end = (dt.date.fromisoformat(g) for g in found.groups())
    except ValueError:
        return None
    return (start, end) if start <= end else None


def _range(value: object, day_first: bool) -> tuple[dt.date, dt.date] | None:
    """DISCOVERY B1, `11/11/2024 - 11/10/2025`, as two dates."""
    if not isinstance(value, str):
        return None
    parts = value.split(" - ")
    if len(parts) != 2:
        return None
    start, end = (date_of(p, day_first) for p in parts)
    return (start, end) if start and end and start <= end else None


def _date_texts(roles: dict[str, Sheet]) -> Iterator[object]:
    discovery = roles.get(DISCOVERY)
    if discovery and isinstance(discovery.cell(1, 1), str):
        yield from str(discovery.cell(1, 1)).split(" - ")
    for role, columns in ((ENGAGEMENT, (0,)), (FOLLOWERS, (0,)), (TOP_POSTS, (1, 5))):
        sheet = roles.get(role)
        for row in sheet.rows if sheet else ():
            yield from (row[c] for c in columns if c < len(row))


def decide_day_first(name: str, roles: dict[str, Sheet], language: str) -> bool:
    """The file's date order: the one that makes DISCOVERY's window the file name's, else the
    one a field over 12 proves, else the language's."""
    named = _name_window(name)
    discovery = roles.get(DISCOVERY)
    window_text = discovery.cell(1, 1) if discovery else None
    if named and window_text is not None:
        for day_first in (False, True):
            if _range(window_text, day_first) == named:
                return day_first
    evidence = day_first_evidence(_date_texts(roles))
    return evidence if evidence is not None else language == "pt"


def _window(name: str, roles: dict[str, Sheet],
            day_first: bool) -> tuple[dt.date, dt.date] | None:
    discovery = roles.get(DISCOVERY)
    stated = _range(discovery.cell(1, 1), day_first) if discovery else None
    if stated:
        return stated
    named = _name_window(name)
    if named:
        return named
    engagement = roles.get(ENGAGEMENT)
    dates = [d for row in (engagement.rows if engagement else ())
             if row and (d := date_of(row[0], day_first))]
    return (min(dates), max(dates)) if dates else None


# ---- the sheets ---------------------------------------------------------------------------


def _blank(row: Cells) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _at(row: Cells, column: int) -> object:
    return row[column] if column < len(row) else None


def _numbered(sheet: Sheet) -> Iterator[tuple[int, Cells]]:
    """The non-blank rows of a sheet with their row numbers."""
    for number, row in enumerate(sheet.rows, 1):
        if not _blank(row):
            yield number, row


def _days(sheet: Sheet | None, day_first: bool, stamp: ExportStamp,
          gains: dict[dt.date, int], skips: Skips) -> tuple[PostDay, ...]:
    if sheet is None:
        return ()
    days: dict[dt.date, PostDay] = {}
    for number, row in _numbered(sheet):
        day = date_of(row[0], day_first)
        impressions, engagements = integer(_at(row, 1)), integer(_at(row, 2))
        if day is None:
            if impressions is not None or engagements is not None or date_parts(row[0]):
                skips.add(sheet, number, "date not readable")
            continue  # the header row
        reason = _day_problem(day, impressions, engagements, stamp, days)
        if reason or impressions is None or engagements is None:
            skips.add(sheet, number, reason)
            continue
        days[day] = PostDay(day, impressions, engagements, gains.get(day), stamp)
    return tuple(days[d] for d in sorted(days))


def _day_problem(day: dt.date, impressions: int | None, engagements: int | None,
                 stamp: ExportStamp, seen: dict[dt.date, PostDay]) -> str:
    if impressions is None:
        return "impressions not a number"
    if impressions < 0:
        return "impressions below zero"
    if engagements is None:
        return "engagements not a number"
    if not stamp.start <= day <= stamp.end:
        return "day outside the export's window"
    if day in seen:
        return "day listed twice"
    return ""


def _followers(sheet: Sheet | None, day_first: bool,
               skips: Skips) -> tuple[int | None, dict[dt.date, int]]:
    """The follower total (`Total followers on …:`) and new followers by day."""
    total: int | None = None
    gains: dict[dt.date, int] = {}
    if sheet is None:
        return total, gains
    for number, row in _numbered(sheet):
        label, count = row[0], integer(_at(row, 1))
        day = date_of(label, day_first)
        if folded(label).startswith(TOTAL_FOLLOWERS) or (
                number == 1 and day is None and count is not None):
            total = count if count is not None and count >= 0 else None
            if total is None:
                skips.add(sheet, number, "follower total not a number")
            continue
        if day is None:
            if count is not None or date_parts(label):
                skips.add(sheet, number, "date not readable")
        elif count is None or count < 0:
            skips.add(sheet, number, "new followers not a number")
        elif day in gains:
            skips.add(sheet, number, "day listed twice")
        else:
            gains[day] = count
    return total, gains


def _figure(sheet: Sheet | None, row: int, skips: Skips, reason: str) -> int | None:
    if sheet is None or sheet.cell(row, 1) is None:
        return None
    value = integer(sheet.cell(row, 1))
    if value is None or value < 0:
        skips.add(sheet, row, reason)
        return None
    return value


_TABLES = ((0, "engagements"), (4, "impressions"))  # TOP POSTS: A-C and E-G


def _top_posts(sheet: Sheet | None, day_first: bool, skips: Skips) -> tuple[TopPost, ...]:
    """Both tables, one TopPost per URL: the impressions table's order, then posts only in
    the engagements table; a figure is None where the post is not in that figure's table."""
    tables: dict[str, dict[str, tuple[dt.date, int]]] = {"engagements": {}, "impressions": {}}
    if sheet is None:
        return ()
    for number, row in _numbered(sheet):
        for column, figure in _TABLES:
            reason = _top_cell(row, column, figure, day_first, tables[figure])
            if reason:
                skips.add(sheet, number, reason)
    by_eng, by_imp = tables["engagements"], tables["impressions"]
    urls = list(by_imp) + [url for url in by_eng if url not in by_imp]
    return tuple(TopPost(url=url, published=(by_imp.get(url) or by_eng[url])[0],
                         impressions=by_imp[url][1] if url in by_imp else None,
                         engagements=by_eng[url][1] if url in by_eng else None)
                 for url in urls)


def _top_cell(row: Cells, column: int, figure: str, day_first: bool,
              table: dict[str, tuple[dt.date, int]]) -> str:
    """Reads one table's cells of a row into `table`; the reason it could not, or ""."""
    url = _at(row, column)
    if not (isinstance(url, str) and url.strip().lower().startswith("http")):
        if url is not None and integer(_at(row, column + 2)) is not None:
            return f"post link missing (top posts by {figure})"
        return ""  # the note, the header, or a shorter table's end
    published = date_of(_at(row, column + 1), day_first)
    value = integer(_at(row, column + 2))
    if published is None:
        return f"publish date not readable (top posts by {figure})"
    if value is None or value < 0:
        return f"{figure} not a number (top posts by {figure})"
    table.setdefault(url.strip(), (published, value))
    return ""


def demographics(sheet: Sheet | None, skips: Skips, first_row: int = 1) -> tuple[Share, ...]:
    """`category | value | percentage` rows (a header row may come first)."""
    shares: list[Share] = []
    if sheet is None:
        return ()
    for number, row in _numbered(sheet):
        if number < first_row:
            continue
        key = category_key(row[0])
        if key is None:
            if folded(row[0]) not in DEMOGRAPHICS_HEADERS:
                skips.add(sheet, number, "category not recognised")
            continue
        value, (readable, percent) = text_of(_at(row, 1)), share(_at(row, 2))
        if not value:
            skips.add(sheet, number, "value missing")
        elif not readable:
            skips.add(sheet, number, "percentage not readable")
        else:
            shares.append(Share(key, value, percent))
    return tuple(shares)


# ---- what the report says about the file -------------------------------------------------


def _era(name: str, roles: dict[str, Sheet]) -> str:
    """How the counts were typed: numbers (before 2026) or text (2026)."""
    engagement = roles.get(ENGAGEMENT)
    kinds = [isinstance(_at(row, 1), str) for row in (engagement.rows[1:] if engagement else ())
             if isinstance(_at(row, 1), (str, int, float))]
    if kinds:
        return NEW_ERA if sum(kinds) * 2 > len(kinds) else OLD_ERA
    if CONTENT in roles or name.lower().startswith("aggregateanalytics"):
        return NEW_ERA
    return OLD_ERA


def _notes(book: Book, days: tuple[PostDay, ...], stamp: ExportStamp, day_first: bool,
           roles: dict[str, Sheet]) -> tuple[str, ...]:
    notes = []
    if day_first and any(date_parts(v) for v in _date_texts(roles)):
        notes.append("dates read as day/month/year")
    notes += resaved_notes(book)
    if days and days[-1].day == stamp.end:
        notes.append(f"the last day ({stamp.end.isoformat()}) is partial: the export was made "
                     "during it, so a later export will have its full figures")
    return tuple(notes)


def resaved_notes(book: Book) -> list[str]:
    application = book.application
    if application and "apache poi" not in application.lower():
        return [f"re-saved by a spreadsheet program ({_program(application)})"]
    return []


def _program(application: str) -> str:
    return "openpyxl" if "openpyxl" in application.lower() else application[:40]

