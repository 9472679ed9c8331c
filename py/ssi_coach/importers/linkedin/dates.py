"""Reading the dates of a LinkedIn export, one value at a time (docs/linkedin-export.md §2.4).

Month names and AM/PM are English in every export, whatever the member's language, so they
are mapped here rather than read with strptime's `%b` and `%p`, which follow the runtime's
locale. The browser runtime has no time zone database either: America/Los_Angeles is
converted with the US daylight saving rules written out below.

Every parser returns None for a value it cannot read (the caller records a Problem), and
instants as tz-aware UTC datetimes.

- parse_connected_on: `09 Jul 2026`, 2018 `1/8/18, 6:14 PM` (Connections `Connected On`)
- parse_utc: `2026-06-06 03:16:20` (Shares, Comments, Reactions, Votes, InstantReposts),
  `2024-12-16 18:24:37 UTC` (messages), `2024/12/07 14:51:07 UTC` (Endorsements,
  SearchQueries, 2018 Shares), `2021-12-20 18:09 UTC` (Learning)
- parse_pacific: `7/8/26, 9:34 PM`, `12/24/23, 05:28 AM` (Invitations, Recommendations,
  2018 messages), America/Los_Angeles
- parse_rich_media: `You uploaded a video on November 12, 2024 at 2:56 AM (GMT)`
- parse_month_year: `Jan 2025`, `2018` (Positions, Education, Certifications)

Members also open a file in a spreadsheet program and save it again, which rewrites every
date in the program's own way (`6-Feb-26`, `2/6/2026`, `06.02.2026 03:16`, `46059`...).
`read_sheet_column` recognises the format of such a column from all its values at once; see
"Dates written by a spreadsheet" below.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

UTC = dt.UTC
PACIFIC_STANDARD = dt.timedelta(hours=8)  # UTC - local, outside daylight saving time
PACIFIC_DAYLIGHT = dt.timedelta(hours=7)

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {**{name: number for number, name in enumerate(_MONTH_NAMES, 1)},
           **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)},
           "sept": 9}

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})")
# %m/%d/%y, %I:%M %p, padded or not; \s also takes U+202F. Exactly LinkedIn's shape (a comma,
# two-digit years): `8/07/2026 9:34 pm` is a spreadsheet's, and may well be day first.
_US_DATE_TIME = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{2}),\s*(\d{1,2}):(\d{2})\s*([AaPp])\.?[Mm]\.?")
_NUMERIC_UTC = re.compile(
    r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*UTC)?",
    re.IGNORECASE)
_RICH_MEDIA = re.compile(
    r"You uploaded an? (.+?) on ([A-Za-z]+) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2})\s*"
    r"([AaPp])[Mm] \(GMT\)")
_MONTH_YEAR = re.compile(r"(?:([A-Za-z]{3,9})\.? )?(\d{4})")


def parse_connected_on(text: str) -> dt.date | None:
    """`09 Jul 2026` as a plain date; 2018's `1/8/18, 6:14 PM` as the date written (its
    zone is unknown, so the time is dropped rather than converted)."""
    text = text.strip()
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match:
        day, month, year = match.groups()
        return _date(int(year), month_number(month), int(day))
    written = parse_us_local(text)
    return None if written is None else written.date()


def parse_utc(text: str) -> dt.datetime | None:
    """A numeric date and time in UTC: `-` or `/` between date parts, seconds optional, the
    ` UTC` suffix optional (activity files write UTC times without it)."""
    match = _NUMERIC_UTC.fullmatch(text.strip())
    if match is None:
        return None
    year, _, month, day, hour, minute, second = match.groups()
    local = _datetime(int(year), int(month), int(day), int(hour), int(minute),
                      int(second or 0))
    return None if local is None else local.replace(tzinfo=UTC)


def parse_pacific(text: str) -> dt.datetime | None:
    """`7/8/26, 9:34 PM` (or zero-padded `04/15/24, 09:25 PM`), America/Los_Angeles wall
    clock, as a UTC instant."""
    local = parse_us_local(text)  # two-digit years: 1969-2068, far from the calendar's end
    return None if local is None else pacific_to_utc(local)


def parse_us_local(text: str) -> dt.datetime | None:
    """`7/8/26, 9:34 PM` as a naive wall-clock datetime, in whatever zone it was written."""
    match = _US_DATE_TIME.fullmatch(text.strip())
    if match is None:
        return None
    month, day, year, hour, minute, am_pm = match.groups()
    hour_24 = _hour_24(int(hour), am_pm)
    if hour_24 is None:
        return None
    return _datetime(_full_year(year), int(month), int(day), hour_24, int(minute))


def parse_rich_media(text: str) -> dt.datetime | None:
    """When `You uploaded a video on November 12, 2024 at 2:56 AM (GMT)` happened, in UTC."""
    match = _RICH_MEDIA.fullmatch(text.strip())
    if match is None:
        return None
    _, month, day, year, hour, minute, am_pm = match.groups()
    hour_24 = _hour_24(int(hour), am_pm)
    if hour_24 is None:
        return None
    local = _datetime(int(year), month_number(month), int(day), hour_24, int(minute))
    return None if local is None else local.replace(tzinfo=UTC)


def rich_media_upload(text: str) -> str | None:
    """What was uploaded, lower-cased (`video`, `profile photo`, `feed photo`...), or None
    when the text is not an upload sentence."""
    match = _RICH_MEDIA.fullmatch(text.strip())
    return match.group(1).lower() if match else None


def parse_month_year(text: str) -> dt.date | None:
    """`Jan 2025` as 2025-01-01, `2018` as 2018-01-01; None when empty or unreadable."""
    match = _MONTH_YEAR.fullmatch(text.strip())
    if match is None:
        return None
    month, year = match.groups()
    return _date(int(year), month_number(month) if month else 1, 1)


def month_number(name: str) -> int:
    """1-12 for an English month name or its abbreviation (`Sep`, `Sept`, `September`), any
    case; 0 for anything else (which no date accepts)."""
    return _MONTHS.get(name.strip().lower(), 0)


# ---- America/Los_Angeles ----------------------------------------------------------------------

def pacific_to_utc(local: dt.datetime) -> dt.datetime:
    """The UTC instant of a naive America/Los_Angeles wall-clock time.

    Like zoneinfo with fold=0: a time in the skipped spring hour (02:00-02:59 on the day
    clocks go forward) reads as standard time, so `3/8/26, 2:30 AM` is 10:30 UTC; a time in
    the repeated autumn hour (01:00-01:59 on the day clocks go back) reads as its first,
    daylight-time occurrence, so `11/1/26, 1:30 AM` is 08:30 UTC. Neither raises."""
    start, end = dst_bounds(local.year)
    offset = PACIFIC_DAYLIGHT if start <= local < end else PACIFIC_STANDARD
    return (local + offset).replace(tzinfo=UTC)


def dst_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    """US daylight saving time of `year` in local wall-clock time, as [start, end): since
    2007 from the second Sunday of March to the first Sunday of November, 1987-2006 from the
    first Sunday of April to the last Sunday of October. Clocks go 02:00 -> 03:00 in spring
    (so daylight time starts at 03:00 on the wall) and 02:00 -> 01:00 in autumn."""
    if year >= 2007:
        start, end = _nth_sunday(year, 3, 2), _nth_sunday(year, 11, 1)
    else:
        start, end = _nth_sunday(year, 4, 1), _nth_sunday(year, 11, 1) - dt.timedelta(days=7)
    return dt.datetime.combine(start, dt.time(3)), dt.datetime.combine(end, dt.time(2))


def _nth_sunday(year: int, month: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


# ---- pieces -----------------------------------------------------------------------------------

def _full_year(digits: str) -> int:
    """Four digits as is; two the way strptime's %y reads them (69-99 -> 1900s)."""
    year = int(digits)
    if len(digits) > 2:
        return year
    return year + (1900 if year >= 69 else 2000)


def _hour_24(hour: int, am_pm: str) -> int | None:
    """12 AM is 0 and 12 PM is 12; None for an hour a 12-hour clock does not show."""
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if am_pm.lower() == "p" else 0)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 Feb, month 0 (an unknown name), year 0...
        return None


def _datetime(year: int, month: int, day: int, hour: int, minute: int,
              second: int = 0) -> dt.datetime | None:
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


# ---- dates written by a spreadsheet -----------------------------------------------------------
#
# A spreadsheet program that opens an export turns each date it recognises into a number and
# writes it back, on saving, in the format of the member's settings: `6-Feb-26`, `2/6/2026`,
# `06.02.2026`, `2026-02-06`, `6-févr.-26`, with a time after it where there was one
# (`6/6/2026 3:16`, `06.06.2026 03:16`, `7/8/2026 9:34 PM`), or as the bare day number
# (`46059`). The wall clock does not move: a time that was UTC (Shares) or Pacific
# (Invitations) still is, and the caller converts it.
#
# One format is read per column, decided from all its values (`read_sheet_column`):
#
# - every format below is tried on every distinct value; a reading counts only when it is a
#   real day from 2003 (LinkedIn opened that year) to 2099, so `1/2/1987` or two-digit years
#   that strptime would put in the 1900s are not read. Nothing here looks at today's date:
#   the same file reads the same on any day;
# - the format that reads the most rows wins, if it reads at least half of them (the rest are
#   the caller's unreadable rows, as with LinkedIn's own format); otherwise UNRECOGNISED;
# - month/day/year and day/month/year (also with `-`) read the same shapes. A value with a
#   first number over 12 can only be day first, one with a second number over 12 only month
#   first. When the other order reads every value the winner reads and gives another day for
#   one of them (all numbers up to 12: is 2/6/2026 2 June or 6 February?) the column is
#   AMBIGUOUS; when each order reads values the other cannot (13/1/2026 and 1/13/2026 in one
#   column) it is MIXED. Either way nothing in it is read: no guess.
# - named months are read in English and in the short and long forms French, German,
#   Spanish, Portuguese, Italian and Dutch spreadsheets write (SHEET_MONTHS), with or without
#   accents and a final dot; no abbreviation means two different months in these languages.
# - dots are always day first (`06.02.2026`, `6.2.26`), four-digit years first are always
#   year-month-day (`2026-02-06`, `2026/02/06`, `2026.02.06`).
# - day numbers (`46059`, `46059.5` with the time as a fraction) count days from 30 Dec 1899,
#   as every spreadsheet program does; five digits from 37622 (1 Jan 2003) are read.

AMBIGUOUS, MIXED, UNRECOGNISED = "ambiguous", "mixed", "unrecognised"
SHEET_EARLIEST = dt.datetime(2003, 1, 1)  # LinkedIn opened in May 2003
SHEET_LATEST = dt.datetime(2099, 12, 31, 23, 59, 59)
SHEET_EPOCH = dt.datetime(1899, 12, 30)  # day 0 of spreadsheet day numbers

SHEET_MONTHS: dict[int, tuple[str, ...]] = {  # English, fr, de, es, pt, it, nl (short, long)
    1: ("jan", "january", "janv", "janvier", "januar", "jän", "jänner", "ene", "enero",
        "janeiro", "gen", "gennaio", "januari"),
    2: ("feb", "february", "févr", "février", "februar", "febrero", "fev", "fevereiro",
        "febbraio", "februari"),
    3: ("mar", "march", "mars", "mär", "mrz", "märz", "marzo", "março", "mrt", "maart"),
    4: ("apr", "april", "avr", "avril", "abr", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maio", "mag", "maggio", "mei"),
    6: ("jun", "june", "juin", "juni", "junio", "junho", "giu", "giugno"),
    7: ("jul", "july", "juil", "juillet", "juli", "julio", "julho", "lug", "luglio"),
    8: ("aug", "august", "août", "ago", "agosto", "augustus"),
    9: ("sep", "sept", "september", "septembre", "septiembre", "setiembre", "set",
        "setembro", "settembre"),
    10: ("oct", "october", "octobre", "okt", "oktober", "octubre", "out", "outubro", "ott",
         "ottobre"),
    11: ("nov", "november", "novembre", "noviembre", "novembro"),
    12: ("dec", "december", "déc", "décembre", "dez", "dezember", "dic", "diciembre",
         "dezembro", "dicembre"),
}


def _plain(name: str) -> str:
    """Lower case, no accents, no final dot: `Févr.` -> `fevr`."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower().rstrip("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_SHEET_MONTHS = {_plain(name): number for number, names in SHEET_MONTHS.items()
                 for name in names}

_CLOCK = (r"(?:(?:,\s*|\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"
          r"(?:\s*([AaPp])\.?\s*[Mm]\.?)?)?")
_SHEET_NUMERIC = re.compile(r"(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})" + _CLOCK)
_SHEET_DAY_NAMED = re.compile(
    r"(\d{1,2})\.?[\s/-]*([^\W\d_]{3,10})\.?[\s/.,-]*(\d{4}|\d{2})" + _CLOCK)
_SHEET_NAMED_DAY = re.compile(r"([^\W\d_]{3,10})\.?[\s-]+(\d{1,2}),?[\s-]+(\d{4})" + _CLOCK)
_SHEET_SERIAL = re.compile(r"(\d{5})(?:[.,](\d{1,12}))?")


@dataclass(frozen=True)
class SheetFormat:
    """One way a spreadsheet program writes dates."""

    key: str
    label: str  # as the report names it: "day.month.year"
    example: str  # 31 January 2026 written this way
    shape: str  # "numeric", "named" or "serial"
    order: str = ""  # numeric: "ymd", "dmy" or "mdy"
    separator: str = ""  # numeric: "-", "/" or "."


SHEET_FORMATS: tuple[SheetFormat, ...] = (
    SheetFormat("named", "day, month name, year", "31-Jan-26", "named"),
    SheetFormat("y-m-d", "year-month-day", "2026-01-31", "numeric", "ymd", "-"),
    SheetFormat("y/m/d", "year/month/day", "2026/01/31", "numeric", "ymd", "/"),
    SheetFormat("y.m.d", "year.month.day", "2026.01.31", "numeric", "ymd", "."),
    SheetFormat("d.m.y", "day.month.year", "31.01.2026", "numeric", "dmy", "."),
    SheetFormat("m/d/y", "month/day/year", "1/31/2026", "numeric", "mdy", "/"),
    SheetFormat("d/m/y", "day/month/year", "31/01/2026", "numeric", "dmy", "/"),
    SheetFormat("m-d-y", "month-day-year", "01-31-2026", "numeric", "mdy", "-"),
    SheetFormat("d-m-y", "day-month-year", "31-01-2026", "numeric", "dmy", "-"),
    SheetFormat("serial", "spreadsheet day numbers", "46053", "serial"),
)


@dataclass(frozen=True)
class _Written:
    """A value cut into its pieces once, to be read by every format of its shape."""

    shape: str
    parts: tuple[str, str, str]  # numeric: the three numbers; named: day, month, year
    separator: str = ""
    clock: dt.time = dt.time()
    serial: float = 0.0


def _split(text: str) -> _Written | None:
    text = text.strip()
    if match := _SHEET_SERIAL.fullmatch(text):
        whole, fraction = match.groups()
        return _Written("serial", ("", "", ""), serial=float(f"{whole}.{fraction or 0}"))
    if match := _SHEET_NUMERIC.fullmatch(text):
        first, separator, second, third, *clock = match.groups()
        return _with_clock(_Written("numeric", (first, second, third), separator), clock)
    if match := _SHEET_DAY_NAMED.fullmatch(text):
        day, month, year, *clock = match.groups()
        return _with_clock(_Written("named", (day, month, year)), clock)
    if match := _SHEET_NAMED_DAY.fullmatch(text):
        month, day, year, *clock = match.groups()
        return _with_clock(_Written("named", (day, month, year)), clock)
    return None


def _with_clock(written: _Written, clock: list[str | None]) -> _Written | None:
    hour, minute, second, am_pm = clock
    if hour is None or minute is None:
        return written
    hour_24: int | None = int(hour)
    if am_pm is not None:
        hour_24 = _hour_24(int(hour), am_pm)
    if hour_24 is None or hour_24 > 23 or int(minute) > 59 or int(second or 0) > 59:
        return None
    return replace(written, clock=dt.time(hour_24, int(minute), int(second or 0)))


def read_sheet_value(fmt: SheetFormat, text: str) -> dt.datetime | None:
    """`text` as `fmt` writes it: a naive wall-clock datetime (midnight when no time is
    written), or None when it is not that format or not a day from 2003 to 2099."""
    written = _split(text)
    return None if written is None else _interpret(fmt, written)


def _interpret(fmt: SheetFormat, written: _Written) -> dt.datetime | None:
    if written.shape != fmt.shape:
        return None
    if fmt.shape == "serial":
        moment = SHEET_EPOCH + dt.timedelta(seconds=round(written.serial * 86400))
        return moment if SHEET_EARLIEST <= moment <= SHEET_LATEST else None
    first, second, third = written.parts
    if fmt.shape == "named":
        year, month, day = _year(third), _SHEET_MONTHS.get(_plain(second), 0), int(first)
    elif written.separator != fmt.separator:
        return None
    elif fmt.order == "ymd":
        if len(first) != 4 or len(third) > 2:
            return None
        year, month, day = int(first), int(second), int(third)
    else:
        if len(first) > 2:
            return None
        year, month, day = _year(third), int(second), int(first)
        if fmt.order == "mdy":
            month, day = day, month
    found = _date(year, month, day)
    if found is None:
        return None
    moment = dt.datetime.combine(found, written.clock)
    return moment if SHEET_EARLIEST <= moment <= SHEET_LATEST else None


def _year(digits: str) -> int:
    """Four digits as is, two the way spreadsheets and strptime read them; 0 otherwise."""
    return _full_year(digits) if len(digits) in (2, 4) else 0


@dataclass(frozen=True)
class SheetReading:
    """What `read_sheet_column` found: the format and each value it reads, or why the
    column cannot be read."""

    format: SheetFormat | None  # None when the column cannot be read
    values: dict[str, dt.datetime] = field(default_factory=dict)  # value -> naive wall clock
    problem: str = ""  # AMBIGUOUS, MIXED or UNRECOGNISED when `format` is None
    separator: str = "/"  # AMBIGUOUS: between the numbers of the column's dates

    def explain(self, column: str) -> str:
        """What happened to the column and what to do, for a file-level message."""
        if self.problem == UNRECOGNISED:
            return (f"most dates in the {column} column cannot be read, neither as LinkedIn "
                    "writes them nor as a spreadsheet program does (the file may have been "
                    f"opened and saved again). Nothing in this file was counted. "
                    f"{DOWNLOAD_AGAIN}")
        if self.problem == AMBIGUOUS:
            example = self.separator.join(("2", "6", "2026"))
            why = (f"dates like {example} could be 2 June or 6 February, and no date in the "
                   "file tells which")
        else:
            why = "some are written month first and others day first"
        return (f"the dates in the {column} column were changed by a spreadsheet program "
                f"(the file was opened and saved again) and cannot be read for sure: {why}. "
                f"Nothing in this file was counted. {DOWNLOAD_AGAIN}")


DOWNLOAD_AGAIN = ("Download your data export again from LinkedIn and choose the new file "
                  "without opening it first.")


def read_sheet_column(counts: Mapping[str, int]) -> SheetReading:
    """The one spreadsheet format of a column, from its distinct non-blank values and how
    many rows hold each (see the rules above this function)."""
    written = {value: _split(value) for value in counts}
    readings: dict[SheetFormat, dict[str, dt.datetime]] = {}
    for fmt in SHEET_FORMATS:
        read = {value: _interpret(fmt, found) for value, found in written.items()
                if found is not None and found.shape == fmt.shape}
        readings[fmt] = {value: moment for value, moment in read.items() if moment}
    rows = {fmt: sum(counts[value] for value in read) for fmt, read in readings.items()}
    best = max(SHEET_FORMATS, key=lambda fmt: rows[fmt])
    if not rows[best] or rows[best] * 2 < sum(counts.values()):
        return SheetReading(None, problem=UNRECOGNISED)
    chosen = readings[best]
    for fmt, other in readings.items():
        if fmt is best or not any(other[v] != chosen[v] for v in other.keys() & chosen.keys()):
            continue
        if other.keys() - chosen.keys():
            return SheetReading(None, problem=MIXED)
        if other.keys() == chosen.keys():
            return SheetReading(None, problem=AMBIGUOUS, separator=best.separator)
    return SheetReading(best, chosen)
