"""What-if plans: the projection blends the plan into the 13-week window week by week, a goal
is "on track" or "behind by N points", and the forms return errors instead of raising."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_coach.activity.estimate import Estimate, Inputs, estimate, inputs_for, with_rates
from ssi_coach.activity.whatif import (
    PLAN_KEYS,
    WINDOW_WEEKS,
    project,
    read_goal_form,
    read_plan_form,
)
from ssi_coach.model import PILLAR_KEYS, PILLAR_MAX, Calibration, Goal, PillarFit, WeeklyPlan

from .conftest import TODAY  # a Sunday: 2026-11-22

MONDAY = dt.date(2026, 11, 16)  # the week TODAY falls in


def _estimate(**rates: float | None) -> Estimate:
    read = inputs_for((), None, end=TODAY)
    return estimate(Inputs({**read.rates, **rates}, 10, read.window_start, TODAY))


def test_window_weeks_match_the_estimates_window() -> None:
    assert WINDOW_WEEKS == 13


def test_weeks_are_the_mondays_after_each_plan_week() -> None:
    projection = project(_estimate(posts=0), WeeklyPlan({"posts": 1}), today=TODAY)
    assert len(projection.weeks) == 12
    assert projection.weeks[0].week == MONDAY + dt.timedelta(weeks=1)
    assert projection.weeks[-1].week == MONDAY + dt.timedelta(weeks=12)
    assert (projection.goal_status, projection.gap) == (None, None)


def test_an_empty_plan_projects_the_current_estimate() -> None:
    est = _estimate(comments_written=4, messages_sent=2)
    projection = project(est, WeeklyPlan(), today=TODAY, horizon_weeks=5)
    assert {round(w.total, 9) for w in projection.weeks} == {round(est.total, 9)}


def test_week_k_blends_k_weeks_of_the_plan_into_the_window() -> None:
    est = _estimate(comments_written=2)
    projection = project(est, WeeklyPlan({"comments_written": 15}), today=TODAY, horizon_weeks=14)
    for k in (1, 4, 13, 14):
        rate = 2 * (13 - min(k, 13)) / 13 + 15 * min(k, 13) / 13
        expected = estimate(with_rates(est.inputs, {"comments_written": rate}))
        assert projection.weeks[k - 1].total == pytest.approx(expected.total)


def test_a_missing_current_rate_blends_from_zero() -> None:
    est = _estimate()
    week_1 = project(est, WeeklyPlan({"posts": 13}), today=TODAY, horizon_weeks=1).weeks[0]
    assert week_1.total == pytest.approx(estimate(with_rates(est.inputs, {"posts": 1})).total)


def test_projected_pillars_stay_within_0_and_25() -> None:
    fits = {k: PillarFit(k, 30.0, 1.0, 1.0, 0.5) for k in PILLAR_KEYS}  # absurdly high
    projection = project(_estimate(), WeeklyPlan({"posts": 5}), today=TODAY, horizon_weeks=2,
                         calibration=Calibration(fits, 3))
    assert all(p == PILLAR_MAX for w in projection.weeks for p in w.pillars)
    assert projection.weeks[0].total == 100


def test_the_calibration_is_applied() -> None:
    fits = {k: PillarFit(k, 1.0, 1.0, 1.0, 0.5) for k in PILLAR_KEYS}  # used: after < before
    plain = project(_estimate(), WeeklyPlan(), today=TODAY, horizon_weeks=1)
    calibrated = project(_estimate(), WeeklyPlan(), today=TODAY, horizon_weeks=1,
                         calibration=Calibration(fits, 3))
    assert calibrated.weeks[0].total == pytest.approx(plain.weeks[0].total + 4)


def test_a_plan_with_an_unknown_key_is_a_bug() -> None:
    with pytest.raises(ValueError):
        project(_estimate(), WeeklyPlan({"no_such_signal": 1}), today=TODAY)
    with pytest.raises(ValueError):
        WeeklyPlan({"posts": -1})


current_rates = st.fixed_dictionaries({k: st.floats(0, 30) for k in PLAN_KEYS})
raises = st.dictionaries(st.sampled_from(PLAN_KEYS), st.floats(0, 30))


@settings(max_examples=60, deadline=None)
@given(current_rates, raises)
def test_a_plan_that_does_no_less_never_projects_a_drop(current: dict[str, float],
                                                       more: dict[str, float]) -> None:
    est = _estimate(**current)
    plan = WeeklyPlan({k: current[k] + extra for k, extra in more.items()})
    weeks = project(est, plan, today=TODAY, horizon_weeks=14).weeks
    totals = [est.total] + [w.total for w in weeks]
    assert all(b >= a - 1e-9 for a, b in pairwise(totals))
    for i in range(4):
        column = [w.pillars[i] for w in weeks]
        assert all(b >= a - 1e-9 for a, b in pairwise(column))


# ---- goals ------------------------------------------------------------------------------------

def _goal(target: float, weeks_after_monday: int, weekday: int = 2) -> Goal:
    return Goal(target, MONDAY + dt.timedelta(weeks=weeks_after_monday, days=weekday))


@pytest.mark.parametrize(("target", "weeks", "status_start"), [
    (10, 4, "on track"),
    (90, 4, "behind by "),
    (10, 30, "on track at week 12, the end of the projection; your goal date is later"),
    (90, 30, "behind by "),
])
def test_goal_status(target: float, weeks: int, status_start: str) -> None:
    est = _estimate(comments_written=2, posts=0.5)
    projection = project(est, WeeklyPlan({"comments_written": 10}), today=TODAY,
                         goal=_goal(target, weeks))
    assert projection.goal_status is not None and projection.gap is not None
    assert projection.goal_status.startswith(status_start)
    at = projection.weeks[min(weeks, 12) - 1].total
    assert projection.gap == pytest.approx(target - at)
    if status_start == "behind by ":
        assert projection.goal_status.startswith(f"behind by {target - at:.1f} points")
    assert ("your goal date is later" in projection.goal_status) is (weeks > 12)


def test_the_goal_is_read_at_the_last_week_on_or_before_its_date() -> None:
    est = _estimate(comments_written=0)
    projection = project(est, WeeklyPlan({"comments_written": 10}), today=TODAY,
                         goal=Goal(100, MONDAY + dt.timedelta(weeks=3, days=6)))
    assert projection.gap == pytest.approx(100 - projection.weeks[2].total)


def test_a_goal_this_week_is_judged_on_the_current_estimate() -> None:
    est = _estimate(comments_written=0)
    projection = project(est, WeeklyPlan({"comments_written": 10}), today=dt.date(2026, 11, 18),
                         goal=Goal(est.total + 1.04, dt.date(2026, 11, 21)))
    assert projection.goal_status == "behind by 1.0 points"


def test_a_gap_under_a_twentieth_is_on_track() -> None:
    est = _estimate()
    flat = project(est, WeeklyPlan(), today=TODAY, goal=_goal(est.total + 0.04, 2))
    assert flat.goal_status == "on track"


# ---- forms ------------------------------------------------------------------------------------

def test_the_plan_form_reads_whole_numbers_and_keeps_blanks() -> None:
    plan, errors = read_plan_form({"posts": "2", "comments_written": " 10 ",
                                   "messages_sent": "", "unrelated": "x"})
    assert errors == () and plan is not None
    assert dict(plan.weekly) == {"posts": 2, "comments_written": 10}


def test_an_empty_plan_form_keeps_everything() -> None:
    assert read_plan_form({}) == (WeeklyPlan(), ())


@pytest.mark.parametrize(("typed", "says"), [
    ("-1", "whole number"), ("1.5", "whole number"), ("abc", "whole number"),
    ("20000", "typo")])
def test_bad_plan_numbers_are_errors_naming_the_field(typed: str, says: str) -> None:
    plan, errors = read_plan_form({"posts": "1", "reshares": typed})
    assert plan is None
    assert [(e.field, says in e.message) for e in errors] == [("reshares", True)]


def test_every_plan_key_is_a_weekly_rate() -> None:
    assert "comments_written" in PLAN_KEYS and "profile" not in PLAN_KEYS


@pytest.mark.parametrize(("target", "expected"), [
    ("55", 55.0), ("55.5", 55.5), ("55,5", 55.5), (" 0 ", 0.0), ("100", 100.0)])
def test_the_goal_form_reads_decimals_and_commas(target: str, expected: float) -> None:
    goal, errors = read_goal_form({"goal_target": target, "goal_date": "2027-03-01"},
                                  today=TODAY)
    assert errors == () and goal == Goal(expected, dt.date(2027, 3, 1))


def test_no_goal_is_not_an_error() -> None:
    assert read_goal_form({"goal_target": " ", "goal_date": ""}, today=TODAY) == (None, ())


@pytest.mark.parametrize(("form", "fields"), [
    ({"goal_target": "101", "goal_date": "2027-01-01"}, ["goal_target"]),
    ({"goal_target": "-1", "goal_date": "2027-01-01"}, ["goal_target"]),
    ({"goal_target": "abc", "goal_date": "2027-01-01"}, ["goal_target"]),
    ({"goal_target": "", "goal_date": "2027-01-01"}, ["goal_target"]),
    ({"goal_target": "60", "goal_date": ""}, ["goal_date"]),
    ({"goal_target": "60", "goal_date": "2026-11-22"}, ["goal_date"]),  # today
    ({"goal_target": "60", "goal_date": "2026-01-01"}, ["goal_date"]),
    ({"goal_target": "60", "goal_date": "next spring"}, ["goal_date"]),
    ({"goal_target": "x", "goal_date": "y"}, ["goal_target", "goal_date"]),
])
def test_bad_goals_are_errors_naming_their_field(form: dict[str, str],
                                                 fields: list[str]) -> None:
    goal, errors = read_goal_form(form, today=TODAY)
    assert goal is None
    assert [e.field for e in errors] == fields
    assert all(e.message for e in errors)
