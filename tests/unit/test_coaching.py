"""The Coach's one call: from a stored document and `today` to everything the section shows."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ssi_coach.activity.calibration import Calibration, NotYet
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.model import CheckIn, Checklist, Document, Goal, WeekLog, WeeklyPlan

TODAY = dt.date(2026, 11, 22)  # a Sunday: the week of Monday 16 November


def _weeks(count: int, **counts: int) -> tuple[WeekLog, ...]:
    first = dt.date(2026, 11, 16) - dt.timedelta(weeks=count - 1)
    return tuple(WeekLog(first + dt.timedelta(weeks=k), dict(counts)) for k in range(count))


def test_an_empty_document_shows_an_estimate_and_asks_for_activity() -> None:
    view = coach_view(Document(), TODAY)
    assert not view.has_activity and view.projection is None and not view.planned
    assert isinstance(view.calibration, NotYet) and view.calibration.more == 3
    assert all(0 <= p.score <= 25 for p in view.estimate.pillars)


def test_logged_weeks_count_and_raise_the_estimate() -> None:
    empty = coach_view(Document(), TODAY).estimate
    busy = coach_view(Document(weeks=_weeks(4, posts=3, comments_written=10)), TODAY)
    assert busy.has_activity and busy.estimate.inputs.weeks_logged == 4
    assert busy.estimate.of("brand").score > empty.of("brand").score
    assert busy.estimate.of("insights").score > empty.of("insights").score


def test_a_goal_alone_projects_current_behaviour_against_it() -> None:
    document = Document(weeks=_weeks(4, posts=1), goal=Goal(90.0, dt.date(2027, 2, 1)))
    view = coach_view(document, TODAY)
    assert view.projection is not None and len(view.projection.weeks) == 12
    assert view.projection.goal_status is not None
    assert view.projection.goal_status.startswith("behind by")
    assert not view.planned


def test_a_plan_changes_the_projection_and_the_ranked_actions() -> None:
    document = Document(weeks=_weeks(4, posts=0, comments_written=0), checklist=Checklist())
    before = coach_view(document, TODAY)
    plan = WeeklyPlan({"comments_written": 10, "reactions_given": 20, "posts": 3})
    after = coach_view(dataclasses.replace(document, plan=plan), TODAY)
    assert after.planned and after.projection is not None
    assert after.projection.weeks[-1].total > before.estimate.total
    keys_before = [a.key for a in before.actions]
    keys_after = [a.key for a in after.actions]
    assert "comment_weekdays" in keys_before and "comment_weekdays" not in keys_after
    assert keys_before != keys_after


def test_three_checkins_with_activity_before_them_calibrate() -> None:
    weeks = _weeks(20, posts=2, comments_written=4, requests_sent=5)
    days = (dt.date(2026, 9, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 1))
    checkins = tuple(CheckIn(d, 12.0, 10.0, 8.0, 14.0) for d in days)
    view = coach_view(Document(checkins=checkins, weeks=weeks), TODAY)
    assert isinstance(view.calibration, Calibration)
    one_short = coach_view(Document(checkins=checkins[:2], weeks=weeks), TODAY)
    assert isinstance(one_short.calibration, NotYet) and one_short.calibration.more == 1
