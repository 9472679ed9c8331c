"""Calendar reminders as iCalendar (.ics) files for any calendar app: monthly, to check one's
SSI, and weekly, every Monday, to log the past week's activity.

The monthly reminder starts on the day `checkins.due.first_reminder_day` gives; the weekly
one on the first Monday on or after the day given (`first_weekly_day`).

The file is written by hand to RFC 5545 rather than with a library, because the browser
build carries only the standard library: one VCALENDAR with one all-day VEVENT that repeats
(monthly, or weekly on Mondays) and a display alarm at 9:00 that day. Text is escaped, lines
end in CRLF and are folded at 75 octets without splitting a UTF-8 character. The result
depends only on the arguments (the UID comes from the app's URL, the cadence and the first
day; the clock is never read), so the same reminder downloaded twice replaces itself in a
calendar instead of doubling up, and the weekly and monthly ones live side by side.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

LINKEDIN_SSI_URL = "https://www.linkedin.com/sales/ssi"
PRODID = "-//ssi-coach//Monthly SSI reminder//EN"
SUMMARY = "Check your SSI"
WEEKLY_PRODID = "-//ssi-coach//Weekly activity reminder//EN"
WEEKLY_SUMMARY = "Log your LinkedIn activity"
ALARM_AFTER_START = "PT9H"  # an all-day event starts at 00:00 local time, so this is 9:00
MAX_LINE_OCTETS = 75


def escape_text(text: str) -> str:
    """A TEXT value per RFC 5545 3.3.11: backslash, ';', ',' and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> Iterator[str]:
    """A content line as physical lines of at most 75 octets (RFC 5545 3.1), without CRLF.

    Continuation lines start with one space, which counts towards their 75 octets; a
    character is never split, since calendar apps would show a broken one.
    """
    limit = MAX_LINE_OCTETS
    piece: list[str] = []
    size = 0
    for ch in line:
        octets = len(ch.encode("utf-8"))
        if size + octets > limit:
            yield "".join(piece)
            piece, size, limit = [" "], 1, MAX_LINE_OCTETS
        piece.append(ch)
        size += octets
    yield "".join(piece)


def _recurrence(first_day: dt.date) -> str:
    # A plain monthly rule from the 29th-31st skips the months that lack that day
    # (RFC 5545 drops invalid dates), so the reminder would go silent for a month. Asking
    # for the latest of the days up to first_day that the month has keeps it monthly.
    if first_day.day <= 28:
        return "FREQ=MONTHLY"
    days = ",".join(str(day) for day in range(28, first_day.day + 1))
    return f"FREQ=MONTHLY;BYMONTHDAY={days};BYSETPOS=-1"


def _utc_stamp(stamp: dt.datetime) -> str:
    # A naive stamp is taken to be UTC already: DTSTAMP must be UTC, and guessing the local
    # zone would make the output depend on the machine it runs on.
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC)
    return stamp.strftime("%Y%m%dT%H%M%SZ")


def first_weekly_day(day: dt.date) -> dt.date:
    """The Monday on or after `day`: where a weekly reminder asked for on `day` starts."""
    return day + dt.timedelta(days=-day.weekday() % 7)


def _monthly_description(app_url: str) -> str:
    return (
        f"Open {LINKEDIN_SSI_URL} and read your Social Selling Index: the total, the four "
        f"pillars and, if shown, your industry and network ranks.\n"
        f"Then open ssi-coach at {app_url} and add today's check-in, so you can see how your "
        f"SSI moves month by month."
    )


def _weekly_description(app_url: str) -> str:
    return (
        f"Open ssi-coach at {app_url} and log last week under “Log a week”: posts, comments, "
        f"connection requests, messages, and any meetings or deals.\n"
        f"A minute a week keeps your activity estimate current and your weekly streak going."
    )


@dataclass(frozen=True)
class Cadence:
    """How often a reminder repeats, and what it says."""

    key: str  # "monthly" or "weekly"
    prodid: str
    summary: str
    description: Callable[[str], str]  # from the app's URL
    rule: Callable[[dt.date], str]  # RRULE value from the first day
    first: Callable[[dt.date], dt.date]  # the first day from the day asked for
    uid_key: str  # part of the UID, so the two reminders never replace each other


MONTHLY = Cadence("monthly", PRODID, SUMMARY, _monthly_description, _recurrence,
                  lambda day: day, "")
WEEKLY = Cadence("weekly", WEEKLY_PRODID, WEEKLY_SUMMARY, _weekly_description,
                 lambda _: "FREQ=WEEKLY;BYDAY=MO", first_weekly_day, "weekly#")
CADENCES = (MONTHLY, WEEKLY)


def monthly_reminder_ics(*, app_url: str, first_day: dt.date, stamp: dt.datetime) -> str:
    """The .ics text of a monthly all-day reminder starting on `first_day`."""
    return reminder_ics(MONTHLY, app_url=app_url, first_day=first_day, stamp=stamp)


def weekly_reminder_ics(*, app_url: str, first_day: dt.date, stamp: dt.datetime) -> str:
    """The .ics text of an all-day reminder every Monday, from the first on or after
    `first_day`."""
    return reminder_ics(WEEKLY, app_url=app_url, first_day=first_day, stamp=stamp)


def reminder_ics(cadence: Cadence, *, app_url: str, first_day: dt.date,
                 stamp: dt.datetime) -> str:
    """The .ics text of an all-day reminder repeating at `cadence`, from `first_day` (moved
    to the cadence's first day on or after it).

    `app_url` is the app's own address (not something a person typed); one with control
    characters would break the file's lines, so it raises ValueError.
    """
    if not app_url or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in app_url):
        raise ValueError("app_url must be a URL without control characters")
    first_day = cadence.first(first_day)
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"{app_url}#{cadence.uid_key}{first_day.isoformat()}")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{cadence.prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}@ssi-coach",
        f"DTSTAMP:{_utc_stamp(stamp)}",
        f"DTSTART;VALUE=DATE:{first_day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{first_day + dt.timedelta(days=1):%Y%m%d}",
        f"RRULE:{cadence.rule(first_day)}",
        f"SUMMARY:{escape_text(cadence.summary)}",
        f"DESCRIPTION:{escape_text(cadence.description(app_url))}",
        f"URL:{app_url}",  # a URI value: RFC 5545 does not backslash-escape those
        "TRANSP:TRANSPARENT",  # a reminder, not a meeting: the day stays free
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(cadence.summary)}",
        f"TRIGGER;RELATED=START:{ALARM_AFTER_START}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(f"{physical}\r\n" for line in lines for physical in fold_line(line))
