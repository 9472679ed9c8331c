"""Periods: the month, quarter or custom range a review covers, and what the team did in it.

    Period(start, end, label)  # both days included
    month_of(day), quarter_of(day), last_12_months(today) -> Period
    periods_for(today) -> tuple[Period, ...]
    custom(start, end) -> Period | list[FieldError]
    period_stats(people, period, *, top=5) -> PeriodStats

A person's change over a period is their last check-in on or before its end minus their last
on or before its start (or, with none that early, their first inside the period). It is None
when those are one and the same check-in: a single reading shows no change. A person is
*active* in a period when they have a check-in inside it. The team's averages of latest
totals read each person's last check-in on or before the period's end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from ..checkins.validation import parse_date
from ..errors import InvalidText
from ..model import PILLAR_KEYS, CheckIn, FieldError, Person
from ..text import long_date

PLACES = 3  # changes and averages, to the pillars' own precision
TOP = 5  # movers shown each way


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both included."""

    start: dt.date
    end: dt.date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def _month_name(day: dt.date) -> str:
    return f"{day.strftime('%B')} {day.year}"


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def month_of(day: dt.date) -> Period:
    """The calendar month `day` is in, labelled like "November 2026"."""
    return Period(day.replace(day=1), _month_end(day.year, day.month), _month_name(day))


def quarter_of(day: dt.date) -> Period:
    """The calendar quarter `day` is in, labelled like "Q4 2026"."""
    first = (day.month - 1) // 3 * 3 + 1
    return Period(dt.date(day.year, first, 1), _month_end(day.year, first + 2),
                  f"Q{(first + 2) // 3} {day.year}")


def last_12_months(today: dt.date) -> Period:
    """The year up to and including `today`: from the day after the same date a year before."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = dt.date(today.year - 1, 2, 28)
    return Period(year_ago + dt.timedelta(days=1), today, "Last 12 months")


def periods_for(today: dt.date) -> tuple[Period, ...]:
    """The periods a coach picks from: this month, last month, this quarter, last quarter and
    the last 12 months."""
    this_month = month_of(today)
    last_month = month_of(this_month.start - dt.timedelta(days=1))
    this_quarter = quarter_of(today)
    last_quarter = quarter_of(this_quarter.start - dt.timedelta(days=1))
    return (
        Period(this_month.start, this_month.end, f"This month ({this_month.label})"),
        Period(last_month.start, last_month.end, f"Last month ({last_month.label})"),
        Period(this_quarter.start, this_quarter.end, f"This quarter ({this_quarter.label})"),
        Period(last_quarter.start, last_quarter.end, f"Last quarter ({last_quarter.label})"),
        last_12_months(today),
    )


def custom(start: str | dt.date, end: str | dt.date) -> Period | list[FieldError]:
    """A range the coach typed ("start" and "end", YYYY-MM-DD, both days included)."""
    errors: list[FieldError] = []
    first = _read_day("start", start, "the first day", errors)
    last = _read_day("end", end, "the last day", errors)
    if first is None or last is None:
        return errors
    if last < first:
        return [FieldError("end", f"The period ends before it starts; pick an end on or after "
                                  f"{first.isoformat()}.")]
    return Period(first, last, f"{long_date(first)} – {long_date(last)}")


def _read_day(field: str, value: str | dt.date, what: str,
              errors: list[FieldError]) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value.strip():
        errors.append(FieldError(field, f"Enter {what} of the period, e.g. 2026-09-01."))
        return None
    try:
        return parse_date(value)
    except InvalidText as invalid:
        errors.append(FieldError(field, str(invalid)))
        return None


# ---- statistics -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonChange:
    """One person over a period."""

    name: str
    latest_total: float | None  # the last check-in on or before the end; None: none yet
    latest_on: dt.date | None
    change: float | None  # in total; None when not computable
    pillar_changes: tuple[float | None, ...]  # in PILLAR_KEYS order
    checkins: int  # inside the period

    @property
    def active(self) -> bool:
        return self.checkins > 0

    def pillar_change(self, key: str) -> float | None:
        return self.pillar_changes[PILLAR_KEYS.index(key)]


@dataclass(frozen=True)
class PeriodStats:
    """The team over a period. Averages are None when there is nothing to average."""

    period: Period
    people: tuple[PersonChange, ...]  # in the order given
    average_latest: float | None  # over everyone with a check-in by the end
    average_latest_active: float | None  # over the active members only
    average_change: float | None  # over everyone whose change is known
    average_pillar_changes: tuple[float | None, ...]  # in PILLAR_KEYS order
    movers_up: tuple[PersonChange, ...]  # the largest rises first, ties by name
    movers_down: tuple[PersonChange, ...]  # the largest falls first, ties by name

    @property
    def count(self) -> int:
        return len(self.people)

    @property
    def active(self) -> int:
        return sum(p.active for p in self.people)

    @property
    def with_data(self) -> int:
        return sum(p.latest_total is not None for p in self.people)

    @property
    def with_change(self) -> int:
        return sum(p.change is not None for p in self.people)


def _last_on_or_before(checkins: Sequence[CheckIn], day: dt.date) -> CheckIn | None:
    return next((c for c in reversed(checkins) if c.on <= day), None)


def _person_change(person: Person, period: Period) -> PersonChange:
    inside = [c for c in person.checkins if c.on in period]
    end = _last_on_or_before(person.checkins, period.end)
    base = _last_on_or_before(person.checkins, period.start) or (inside[0] if inside else None)
    if end is None or base is None or base is end:
        changes: tuple[float | None, ...] = (None,) * (1 + len(PILLAR_KEYS))
    else:
        changes = (round(end.total - base.total, PLACES),
                   *(round(float(getattr(end, k)) - float(getattr(base, k)), PLACES)
                     for k in PILLAR_KEYS))
    return PersonChange(person.name, None if end is None else end.total,
                        None if end is None else end.on, changes[0], changes[1:], len(inside))


def _average(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(fmean(present), PLACES) if present else None


def _by_name(change: PersonChange) -> tuple[str, str]:
    return change.name.casefold(), change.name


def period_stats(people: Sequence[Person], period: Period, *, top: int = TOP) -> PeriodStats:
    """Each person's change over `period`, the team's averages, and the `top` movers each way
    (only real rises and falls: a change of 0 is no move)."""
    changes = tuple(_person_change(p, period) for p in people)
    by_name = sorted(changes, key=_by_name)
    up = sorted((c for c in by_name if c.change is not None and c.change > 0),
                key=lambda c: -(c.change or 0.0))
    down = sorted((c for c in by_name if c.change is not None and c.change < 0),
                  key=lambda c: c.change or 0.0)
    return PeriodStats(
        period=period,
        people=changes,
        average_latest=_average([c.latest_total for c in changes]),
        average_latest_active=_average([c.latest_total for c in changes if c.active]),
        average_change=_average([c.change for c in changes]),
        average_pillar_changes=tuple(_average([c.pillar_changes[i] for c in changes])
                                     for i in range(len(PILLAR_KEYS))),
        movers_up=tuple(up[:top]),
        movers_down=tuple(down[:top]),
    )
