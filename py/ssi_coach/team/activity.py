"""What each team member did over a period next to how their SSI moved.

A member may share weekly activity totals in their link (counts per ISO week, never message
content or names; `Person.activity`). For a period (start and end dates, both included) this
module sums each person's shared weeks whose Monday falls in the period, and sets them beside
the person's SSI change over the same period: their last check-in on or before `end` minus
their last on or before `start`. A change needs a check-in on or before `start` and a newer
one by `end`; otherwise it is unknown (None), never 0.

    team_activity(people, start, end) -> tuple[PersonActivity, ...]
    ssi_change(person, start, end) -> float | None
    activity_vs_change(people, start, end) -> ActivityChart

`activity_vs_change` is the team's scatter: one point per person with both shared activity
and a known change (weekly actions against SSI change), a least-squares line and its r.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import StatisticsError, correlation, linear_regression

from ..charts.data import ActivityChart, ScatterPoint
from ..model import CheckIn, Person, WeekLog
from ..text import change, count, long_date, score

# The counts a member may share (keys of model.MEASURES) with the team's short headings, in
# the order the team shows them: four things they do, then two things that come back.
SHARED: tuple[tuple[str, str], ...] = (
    ("posts", "Posts"), ("comments_written", "Comments"), ("requests_sent", "Requests"),
    ("messages_sent", "Messages"), ("replies_received", "Replies"), ("meetings", "Meetings"))
SHARED_KEYS: tuple[str, ...] = tuple(key for key, _ in SHARED)
ACTION_KEYS: tuple[str, ...] = SHARED_KEYS[:4]  # "weekly actions" on the chart
PLACES = 3


@dataclass(frozen=True)
class PersonActivity:
    """One person's shared activity over a period and their SSI change over it."""

    name: str
    weeks: int  # shared weeks in the period
    totals: Mapping[str, int] = field(default_factory=dict)  # per SHARED_KEYS key ever logged
    change: float | None = None

    def actions(self) -> int | None:
        """Posts, comments, requests and messages together; None when none was logged."""
        logged = [self.totals[k] for k in ACTION_KEYS if k in self.totals]
        return sum(logged) if logged else None

    def weekly_actions(self) -> float | None:
        actions = self.actions()
        if actions is None or not self.weeks:
            return None
        return round(actions / self.weeks, PLACES)


def _standing(checkins: Sequence[CheckIn], day: dt.date) -> CheckIn | None:
    """The last check-in on or before `day`."""
    return next((c for c in reversed(checkins) if c.on <= day), None)


def ssi_change(person: Person, start: dt.date, end: dt.date) -> float | None:
    """Last check-in by `end` minus last by `start`; None without both, or when nothing new
    was checked in after `start` (an unmeasured period is not a change of 0)."""
    before, after = _standing(person.checkins, start), _standing(person.checkins, end)
    if before is None or after is None or after is before:
        return None
    return round(after.total - before.total, PLACES)


def period_weeks(person: Person, start: dt.date, end: dt.date) -> tuple[WeekLog, ...]:
    """The person's shared weeks whose Monday falls in the period."""
    return tuple(w for w in person.activity if start <= w.week <= end)


def person_activity(person: Person, start: dt.date, end: dt.date) -> PersonActivity:
    weeks = period_weeks(person, start, end)
    totals = {key: sum(w.counts[key] for w in weeks if key in w.counts)
              for key in SHARED_KEYS if any(key in w.counts for w in weeks)}
    return PersonActivity(person.name, len(weeks), totals, ssi_change(person, start, end))


def team_activity(people: Sequence[Person], start: dt.date,
                  end: dt.date) -> tuple[PersonActivity, ...]:
    """Every person's activity and change over the period, in the team's order."""
    return tuple(person_activity(p, start, end) for p in people)


# ---- activity against change ---------------------------------------------------------------

def activity_vs_change(people: Sequence[Person], start: dt.date, end: dt.date) -> ActivityChart:
    """Weekly actions (x) against SSI change (y), a point per person with both known."""
    found = sorted((a for a in team_activity(people, start, end)
                    if a.weekly_actions() is not None and a.change is not None),
                   key=lambda a: (a.name.casefold(), a.name))
    points = tuple(ScatterPoint(a.name, a.weekly_actions() or 0.0, a.change or 0.0)
                   for a in found)
    slope, intercept, r = _fit(points)
    period = f"{long_date(start)} – {long_date(end)}"
    return ActivityChart(
        title="Activity against SSI change",
        points=points,
        x_label="Actions per week (posts, comments, requests, messages)",
        y_label="SSI change over the period (points)",
        slope=slope, intercept=intercept, r=r,
        people=count(len(points), "person", "people"),
        head=("Person", "Weeks shared", *(label for _, label in SHARED), "Actions per week",
              "SSI change"),
        rows=tuple(_table_row(a) for a in found),
        summary=_summary(points, r, period),
    )


def _fit(points: Sequence[ScatterPoint]) -> tuple[float | None, float | None, float | None]:
    """Least-squares slope and intercept, and Pearson's r; None where the points cannot
    give one (under two people, or everyone at the same x; r also when y never varies)."""
    xs, ys = [p.x for p in points], [p.y for p in points]
    try:
        slope, intercept = linear_regression(xs, ys)
    except StatisticsError:
        return None, None, None
    try:
        r: float | None = correlation(xs, ys)
    except StatisticsError:
        r = None
    return (round(slope, 6), round(intercept, 6),
            None if r is None or math.isnan(r) else round(r, PLACES))


def _table_row(activity: PersonActivity) -> tuple[str, ...]:
    cells = (f"{activity.totals[k]:,}" if k in activity.totals else "–" for k in SHARED_KEYS)
    return (activity.name, str(activity.weeks), *cells,
            score(activity.weekly_actions() or 0.0), change(activity.change, PLACES))


def _summary(points: Sequence[ScatterPoint], r: float | None, period: str) -> str:
    people = count(len(points), "person", "people")
    text = (f"Actions per week against SSI change, {period}, for {people} who shared "
            "activity and checked in before and during the period.")
    if r is None:
        return text + " Too few people (or too little spread) for a trend line."
    strength = ("little or no" if abs(r) < 0.3 else "a moderate" if abs(r) < 0.6
                else "a strong")
    way = "" if abs(r) < 0.3 else " positive" if r > 0 else " negative"
    return text + f" r = {r:.2f}: {strength}{way} link between activity and change."
