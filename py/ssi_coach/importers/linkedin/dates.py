"""Reading the dates of a LinkedIn export, one value at a time (docs/linkedin-export.md §2.4).

Month names and AM/PM are English in every export, whatever the member's language, so they
are mapped here rather than read with strptime's `%b` and `%p`, which follow the runtime's
locale. The browser runtime has no time zone database either: America/Los_Angeles is
converted with the US daylight saving rules written out below.

Every parser returns None for a value it cannot read (the caller records a RowError), and
instants as tz-aware UTC datetimes.

- parse_connected_on: `09 Jul 2026`, 2018 `1/8/18, 6:14 PM` (Connections `Connected On`)
- parse_utc: `2026-06-06 03:16:20` (Shares, Comments, Reactions, Votes, InstantReposts),
  `2024-12-16 18:24:37 UTC` (messages), `2024/12/07 14:51:07 UTC` (Endorsements,
  SearchQueries, 2018 Shares), `2021-12-20 18:09 UTC` (Learning)
- parse_pacific: `7/8/26, 9:34 PM`, `12/24/23, 05:28 AM` (Invitations, Recommendations,
  2018 messages), America/Los_Angeles
- parse_rich_media: `You uploaded a video on November 12, 2024 at 2:56 AM (GMT)`
- parse_month_year: `Jan 2025`, `2018` (Positions, Education, Certifications)
"""

from __future__ import annotations

import datetime as dt
import re

UTC = dt.UTC
PACIFIC_STANDARD = dt.timedelta(hours=8)  # UTC - local, outside daylight saving time
PACIFIC_DAYLIGHT = dt.timedelta(hours=7)

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {**{name: number for number, name in enumerate(_MONTH_NAMES, 1)},
           **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)},
           "sept": 9}

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})")
_US_DATE_TIME = re.compile(  # %m/%d/%y, %I:%M %p, padded or not; \s also takes U+202F
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2}),?\s*(\d{1,2}):(\d{2})\s*([AaPp])\.?[Mm]\.?")
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
    local = parse_us_local(text)
    if local is None:
        return None
    try:
        return pacific_to_utc(local)
    except OverflowError:  # 31 Dec 9999 plus eight hours
        return None


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
