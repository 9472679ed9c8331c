"""What if I did this every week? Project the estimate forward under a weekly plan, and check
it against a goal.

The estimate averages a trailing window of about 13 weeks, so a new habit shows up
gradually: after k weeks the window holds k weeks of the plan and 13 - k of what the member
did before. The projection is the activity estimate of that blend, nothing more: it inherits
every caveat of the estimate, and the UI must call it an estimate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..checkins.validation import parse_date, parse_number
from ..errors import InvalidText
from ..model import (
    MAX_WEEKLY_COUNT,
    MEASURE_KEYS,
    PILLAR_MAX,
    TOTAL_MAX,
    Calibration,
    FieldError,
    Goal,
    WeeklyPlan,
    week_of,
)
from .estimate import SIGNALS, WINDOW_DAYS, Estimate, Inputs, estimate, with_rates

WINDOW_WEEKS = round(WINDOW_DAYS / 7)  # 13: the weeks the estimate's window holds
HORIZON_WEEKS = 12
# Rates read from the weekly log, which a plan sets; checklist shares are one-off changes,
# planned from the checklist itself, not as a weekly number.
PLAN_KEYS: tuple[str, ...] = tuple(
    dict.fromkeys(s.key for s in SIGNALS if s.measures and set(s.measures) <= set(MEASURE_KEYS)))
_IMMEDIATE = frozenset(s.key for s in SIGNALS if s.items)  # checklist: not averaged over weeks


@dataclass(frozen=True)
class ProjectedWeek:
    week: dt.date  # the Monday after this many whole weeks of the plan
    pillars: tuple[float, float, float, float]
    total: float


@dataclass(frozen=True)
class Projection:
    weeks: tuple[ProjectedWeek, ...]
    goal_status: str | None  # "on track" or "behind by N points", None without a goal
    gap: float | None  # target minus projected total at the goal date; <= 0 is on track


def blend(inputs: Inputs, changes: Mapping[str, float], weeks_done: int) -> Inputs:
    """The inputs once `weeks_done` weeks of the window follow `changes` and the rest follow
    current behaviour. A missing current rate counts as 0, as the estimate counts it, so
    planning never looks worse than not logging."""
    share = min(max(weeks_done, 0), WINDOW_WEEKS) / WINDOW_WEEKS
    rates: dict[str, float] = {}
    for key, new in changes.items():
        old = inputs.rates.get(key) or 0.0
        rates[key] = new if key in _IMMEDIATE else old * (1 - share) + new * share
    return with_rates(inputs, rates)


def project(est: Estimate, plan: WeeklyPlan, *, today: dt.date,
            horizon_weeks: int = HORIZON_WEEKS,
            goal: Goal | None = None, calibration: Calibration | None = None) -> Projection:
    """The estimate week by week for `horizon_weeks` weeks of the plan, starting this week."""
    start = week_of(today)
    weeks = tuple(
        _week(start + dt.timedelta(weeks=k),
              estimate(blend(est.inputs, plan.weekly, k), calibration))
        for k in range(1, horizon_weeks + 1)
    )
    if goal is None:
        return Projection(weeks, None, None)
    status, gap = _goal_status(goal, est, weeks, start)
    return Projection(weeks, status, gap)


def _week(monday: dt.date, projected: Estimate) -> ProjectedWeek:
    brand, people, insights, relationships = (
        min(max(p.score, 0.0), float(PILLAR_MAX)) for p in projected.pillars)
    pillars = (brand, people, insights, relationships)
    return ProjectedWeek(monday, pillars, sum(pillars))


def _goal_status(goal: Goal, est: Estimate, weeks: tuple[ProjectedWeek, ...],
                 start: dt.date) -> tuple[str, float]:
    """Compare with the last projected week on or before the goal date; past the horizon,
    with the horizon's last week, and say so rather than extrapolating."""
    done = (week_of(goal.by) - start).days // 7  # whole plan weeks behind the goal date
    later = done > len(weeks)
    total = est.total if done <= 0 or not weeks else weeks[min(done, len(weeks)) - 1].total
    gap = goal.target - total
    status = "on track" if gap < 0.05 else f"behind by {gap:.1f} points"
    if later:
        status += (f" at week {len(weeks)}, the end of the projection; your goal date is "
                   "later")
    return status, gap


# ---- forms ------------------------------------------------------------------------------------

_WHOLE = re.compile(r"^\d+$")


def read_plan_form(form: Mapping[str, str]) -> tuple[WeeklyPlan | None, tuple[FieldError, ...]]:
    """A plan from one field per plan key: whole numbers of 0 or more; blank keeps the
    current rate."""
    weekly: dict[str, float] = {}
    errors: list[FieldError] = []
    for key in PLAN_KEYS:
        text = (form.get(key) or "").strip().replace(" ", "")
        if not text:
            continue
        if not _WHOLE.match(text):
            errors.append(FieldError(key, "Use a whole number of 0 or more, like 3."))
        elif int(text) > MAX_WEEKLY_COUNT:
            errors.append(FieldError(key, f"That is more than {MAX_WEEKLY_COUNT:,} in one "
                                          "week; check for a typo."))
        else:
            weekly[key] = float(int(text))
    if errors:
        return None, tuple(errors)
    return WeeklyPlan(weekly), ()


def read_goal_form(form: Mapping[str, str], *,
                   today: dt.date) -> tuple[Goal | None, tuple[FieldError, ...]]:
    """A goal from "goal_target" (0-100, decimals and a decimal comma allowed) and
    "goal_date" (after today). Both blank means no goal, which is not an error."""
    target_text = (form.get("goal_target") or "").strip()
    date_text = (form.get("goal_date") or "").strip()
    if not target_text and not date_text:
        return None, ()
    errors: list[FieldError] = []
    target = _read_target(target_text, errors)
    by = _read_goal_date(date_text, today, errors)
    if errors or target is None or by is None:
        return None, tuple(errors)
    return Goal(target, by), ()


def _read_target(text: str, errors: list[FieldError]) -> float | None:
    if not text:
        errors.append(FieldError("goal_target", f"Enter the SSI you aim for (0 to {TOTAL_MAX})."))
        return None
    try:
        target = parse_number(text)
    except InvalidText as invalid:
        errors.append(FieldError("goal_target", str(invalid)))
        return None
    if not 0 <= target <= TOTAL_MAX:
        errors.append(FieldError("goal_target", f"SSI runs from 0 to {TOTAL_MAX}; "
                                                f"this is {target:g}."))
        return None
    return target


def _read_goal_date(text: str, today: dt.date, errors: list[FieldError]) -> dt.date | None:
    if not text:
        errors.append(FieldError("goal_date", "Enter the date to reach it by, e.g. "
                                              f"{(today + dt.timedelta(weeks=12)).isoformat()}."))
        return None
    try:
        by = parse_date(text)
    except InvalidText as invalid:
        errors.append(FieldError("goal_date", str(invalid)))
        return None
    if by <= today:
        errors.append(FieldError("goal_date", f"Pick a date after today ({today.isoformat()})."))
        return None
    return by
