"""Cell values to numbers, dates and shares, whatever type the cell has: LinkedIn wrote counts
as numbers (`1253.0`) before 2026 and as text (`1253`) after, dates as text in the file's
order, percentages as fractions or `7%`; a spreadsheet that re-saved the file may have turned
dates into date cells. Standard library only; no cell's text is ever kept in a message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .locales import BELOW_ONE

_SERIAL_ZERO = dt.date(1899, 12, 30)  # Excel's day 0 (1900 system, after its leap-year bug)
_FIRST_YEAR, _LAST_YEAR = 2003, 2099  # LinkedIn's lifetime, for serials and text dates
_PLAIN = re.compile(r"-?\d+")
_POINT_ZERO = re.compile(r"(-?\d+)\.0+")  # "1253.0" as text
_GROUPED = re.compile(r"-?\d{1,3}(?:[,. \u00a0\u202f]\d{3})+")  # "1,234" "1.234" "1 234"
_DATE_TEXT = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def integer(value: object) -> int | None:
    """A whole number from a numeric or text cell (`1253.0`, `"1253"`, `"-2"`, `"1,234"`),
    or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if not isinstance(value, str):
        return None
    text = value.strip().replace("\u2212", "-")
    if _PLAIN.fullmatch(text):
        return int(text)
    point = _POINT_ZERO.fullmatch(text)
    if point:
        return int(point.group(1))
    if _GROUPED.fullmatch(text):
        return int(re.sub(r"[,. \u00a0\u202f]", "", text))
    return None


def date_parts(value: object) -> tuple[int, int, int, bool] | None:
    """The numbers of a text date `a/b/yyyy` before the file's order is known, and whether it
    was ISO `yyyy-mm-dd` (then a, b are month and day)."""
    if not isinstance(value, str):
        return None
    found = _DATE_TEXT.fullmatch(value.strip())
    if not found:
        return None
    a, b, c = (int(g) for g in found.groups())
    if len(found.group(1)) == 4:
        return (b, c, a, True)
    return (a, b, c, False)


def day_first_evidence(values: Iterable[object]) -> bool | None:
    """What text dates say about their order: True when a first field is over 12 (day
    first), False when a second one is, None when neither (or both) happens."""
    first = second = False
    for value in values:
        parts = date_parts(value)
        if parts is None or parts[3]:
            continue
        first = first or parts[0] > 12
        second = second or parts[1] > 12
    if first == second:
        return None
    return first


def date_of(value: object, day_first: bool) -> dt.date | None:
    """A date from a text cell in the file's order, a date cell or an Excel serial."""
    if isinstance(value, dt.datetime):
        return _plausible(value.date())
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 1 <= value < 80000:
            return None
        return _plausible(_SERIAL_ZERO + dt.timedelta(days=int(value)))
    parts = date_parts(value)
    if parts is None:
        return None
    a, b, year, iso = parts
    month, day = (b, a) if day_first and not iso else (a, b)
    try:
        return _plausible(dt.date(year, month, day))
    except ValueError:
        return None


def _plausible(day: dt.date) -> dt.date | None:
    return day if _FIRST_YEAR <= day.year <= _LAST_YEAR else None


def share(value: object) -> tuple[bool, float | None]:
    """Whether the cell is a percentage, and its value 0-100 from `7%`, `0.068` (a fraction)
    or `7` (a re-saved number over 1); None for "below 1 %"."""
    if isinstance(value, bool):
        return False, None
    if isinstance(value, (int, float)):
        number = float(value)
        if not 0 <= number <= 100:
            return False, None
        return True, number * 100 if number <= 1 else number
    if not isinstance(value, str):
        return False, None
    text = value.strip().lower()
    if text in BELOW_ONE or text.startswith("<") or text.startswith("menos de"):
        return True, None
    found = _NUMBER.fullmatch(text.rstrip("%").strip())
    if not found or not text.endswith("%"):
        return False, None
    number = float(found.group().replace(",", "."))
    return (True, number) if 0 <= number <= 100 else (False, None)


def text_of(value: object) -> str:
    """A label or value cell as text ("" for an empty cell); numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.time):
        return value.strftime("%I:%M %p").lstrip("0")
    return str(value).strip()
