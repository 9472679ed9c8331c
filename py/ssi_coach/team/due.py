"""Who is due: team members whose latest check-in is old, and the message that asks for a new one.

    days_since(person, today) -> int | None
    is_stale(person, today) -> bool
    due_people(people, today, period) -> tuple[DueRow, ...]
    reminder_message(name, coach_name, app_url) -> str

A person is due when they have not checked in for DUE_DAYS days or more (or never), or have
no check-in inside the period under review. The same DUE_DAYS rule marks a person's latest
data as stale wherever it is shown, so the table, the leaderboard and the due list agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Person
from ..text import long_date
from .periods import Period

DUE_DAYS = 30


def days_since(person: Person, today: dt.date) -> int | None:
    """Days from the person's latest check-in on or before `today`; None when there is none."""
    latest = next((c for c in reversed(person.checkins) if c.on <= today), None)
    return None if latest is None else (today - latest.on).days


def is_stale(person: Person, today: dt.date) -> bool:
    """True when the person's latest data is DUE_DAYS days old or more, or there is none."""
    days = days_since(person, today)
    return days is None or days >= DUE_DAYS


@dataclass(frozen=True)
class DueRow:
    """Someone to ask for a fresh share link, and why."""

    name: str
    latest_on: dt.date | None  # None: no check-in yet
    days_since: int | None
    stale: bool  # DUE_DAYS days or more since the latest check-in, or none
    none_in_period: bool  # no check-in inside the period under review
    reason: str  # one sentence for the coach


def due_people(people: Sequence[Person], today: dt.date,
               period: Period) -> tuple[DueRow, ...]:
    """The people due for a check-in, those waiting longest first (never checked in before
    anyone), equal waits by name."""
    rows = [row for p in people if (row := _due_row(p, today, period)) is not None]
    return tuple(sorted(rows, key=lambda r: (r.days_since is not None, -(r.days_since or 0),
                                             r.name.casefold(), r.name)))


def _due_row(person: Person, today: dt.date, period: Period) -> DueRow | None:
    days = days_since(person, today)
    stale = days is None or days >= DUE_DAYS
    none_in_period = not any(c.on in period for c in person.checkins)
    if not stale and not none_in_period:
        return None
    latest_on = None if days is None else today - dt.timedelta(days=days)
    return DueRow(person.name, latest_on, days, stale, none_in_period,
                  _reason(days, stale, none_in_period, period))


def _reason(days: int | None, stale: bool, none_in_period: bool, period: Period) -> str:
    if days is None:
        return "No check-in yet."
    since = "1 day" if days == 1 else f"{days} days"
    if stale and none_in_period:
        return f"No check-in for {since}, none in {period.label}."
    if stale:
        return f"No check-in for {since}."
    return f"No check-in in {period.label}; the latest is {since} old."


def reminder_message(name: str, coach_name: str, app_url: str) -> str:
    """A friendly message, ready to copy into chat or email, asking `name` for a fresh share
    link and saying how to make one. Plain text; blank names are left out gracefully."""
    first = name.split()[0] if name.split() else ""
    greeting = f"Hi {first}," if first else "Hi,"
    sign_off = f"Thanks!\n{' '.join(coach_name.split())}" if coach_name.strip() else "Thanks!"
    app = f"ssi-coach ({app_url.strip()})" if app_url.strip() else "ssi-coach"
    return "\n".join((
        greeting,
        "",
        "could you send me a fresh share link with your latest SSI for our review? It takes "
        "a minute:",
        "",
        f"1. Open {app} and add today's SSI if you haven't yet "
        "(linkedin.com/sales/ssi shows it).",
        "2. Go to Data → Share a read-only report and click \"Create a share link…\".",
        "3. If you're happy to share your weekly activity totals too (counts only, never "
        "messages or names), tick \"Include my weekly activity totals\".",
        "4. Click Create link, copy it and send it back to me.",
        "",
        "The link carries the report itself: no server ever sees it, and your data stays "
        "in your browser.",
        "",
        sign_off,
    ))


def latest_text(person: Person, today: dt.date) -> str:
    """The latest check-in's date for display, marked when stale: "3 Nov 2026 (stale: 49
    days)"; "no check-in yet" when there is none."""
    days = days_since(person, today)
    if days is None:
        return "no check-in yet"
    day = long_date(today - dt.timedelta(days=days))
    return f"{day} (stale: {days} days)" if days >= DUE_DAYS else day
