"""Does SSI pay off: outcome sums per check-in, correlations with honest verdicts, chart data."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.outcomes import (
    MIN_POINTS,
    Correlation,
    OutcomePoint,
    correlations,
    outcome_points,
    outcomes_chart,
)
from ssi_coach.model import OUTCOMES, WeekLog
from ssi_coach.posts.weekly import PostWeek

from .conftest import checkin

FIRST = dt.date(2026, 1, 4)  # a Sunday


def _points(ssi: list[float], meetings: list[int | None]) -> list[OutcomePoint]:
    return [OutcomePoint(FIRST + dt.timedelta(weeks=4 * n), s, {"meetings": m})
            for n, (s, m) in enumerate(zip(ssi, meetings, strict=True))]


def _meetings(points: list[OutcomePoint]) -> Correlation:
    return next(c for c in correlations(points) if c.measure.key == "meetings")


@pytest.mark.parametrize("count", range(MIN_POINTS))
def test_fewer_than_six_points_is_not_enough_data(count: int) -> None:
    result = _meetings(_points([10.0 * n for n in range(count)], list(range(count))))
    assert result.r is None and result.points == count
    assert result.verdict == f"not enough data ({count} of 6 points)"


def test_unlogged_outcomes_do_not_count_as_points() -> None:
    result = _meetings(_points([10, 20, 30, 40, 50, 60, 70], [1, 2, None, 4, 5, 6, None]))
    assert (result.r, result.points) == (None, 5)
    assert "5 of 6" in result.verdict


def test_a_perfect_line_gives_r_one() -> None:
    result = _meetings(_points([10, 20, 30, 40, 50, 60], [1, 2, 3, 4, 5, 6]))
    assert result.r == pytest.approx(1.0)
    assert "a strong positive link" in result.verdict
    assert "not proof" in result.verdict


def test_a_known_r_for_a_constructed_series() -> None:
    # By hand: deviations of x and y each square-sum to 17.5, their products sum to 14.5.
    result = _meetings(_points([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]))
    assert result.r == pytest.approx(14.5 / 17.5)
    assert result.verdict.startswith("r = 0.83 over 6 check-ins: a strong positive link")


@pytest.mark.parametrize(("meetings", "says"), [
    ([6, 5, 4, 3, 2, 1], "a strong negative link: higher SSI went with fewer meetings"),
    ([1, 0, 0, 1, 1, 0], "no clear link"),
    ([2, 1, 2, 3, 1, 3], "a moderate positive link"),
])
def test_verdicts_say_strength_and_direction(meetings: list[int], says: str) -> None:
    result = _meetings(_points([1, 2, 3, 4, 5, 6], list(meetings)))
    assert says in result.verdict and "not proof" in result.verdict


def test_zero_variance_in_the_outcome_is_handled() -> None:
    result = _meetings(_points([10, 20, 30, 40, 50, 60], [2] * 6))
    assert result.r is None
    assert "Meetings stayed at 2 at every point" in result.verdict


def test_zero_variance_in_ssi_is_handled() -> None:
    result = _meetings(_points([40] * 6, [1, 2, 3, 4, 5, 6]))
    assert result.r is None and "SSI was the same at every point" in result.verdict


def test_every_outcome_gets_a_verdict() -> None:
    assert [c.measure for c in correlations([])] == list(OUTCOMES)


@given(st.lists(st.tuples(st.floats(0, 100), st.none() | st.integers(0, 50)), max_size=12))
def test_r_is_a_number_in_range_or_none_with_a_reason(rows: list[tuple[float, int | None]]) -> None:
    result = _meetings(_points([s for s, _ in rows], [m for _, m in rows]))
    if result.r is None:
        assert result.verdict
    else:
        assert result.points >= MIN_POINTS and -1.0 - 1e-9 <= result.r <= 1.0 + 1e-9


def _week(monday: str, **counts: int) -> WeekLog:
    return WeekLog(dt.date.fromisoformat(monday), counts)


def test_outcome_points_sum_the_four_whole_weeks_before_each_check_in() -> None:
    weeks = [_week("2026-10-26", meetings=1, deals_won=0),
             _week("2026-11-02", meetings=2, deals_won=1),
             _week("2026-11-09", meetings=0),
             _week("2026-11-16", meetings=3, deals_won=0),
             _week("2026-11-23", meetings=9)]  # after the check-in: not counted
    (point,) = outcome_points([checkin("2026-11-22", (10, 10, 10, 10))], weeks)
    assert point.on == dt.date(2026, 11, 22) and point.ssi == 40
    # Deals were not logged one week: a three-week sum would read as a drop, so it is None.
    assert dict(point.outcomes) == {"prospect_conversations": None, "meetings": 6,
                                    "opportunities": None, "deals_won": None,
                                    "posts": None, "impressions": None}


def _post_week(monday: str, impressions: int, *, days: int = 7) -> PostWeek:
    return PostWeek(dt.date.fromisoformat(monday), impressions, impressions // 25, 2, days,
                    partial=False)


def test_posts_and_impressions_are_summed_over_the_same_weeks() -> None:
    weeks = [_week("2026-10-26", posts=1), _week("2026-11-02", posts=2),
             _week("2026-11-09", posts=0), _week("2026-11-16", posts=1)]
    analysed = [_post_week("2026-10-19", 9000),  # before the window: not counted
                _post_week("2026-10-26", 1200), _post_week("2026-11-02", 3400),
                _post_week("2026-11-09", 800), _post_week("2026-11-16", 1000)]
    (point,) = outcome_points([checkin("2026-11-22", (10, 10, 10, 10))], weeks, analysed)
    assert (point.outcomes["posts"], point.outcomes["impressions"]) == (4, 6400)
    # A week of post analytics short of days would read as fewer impressions: no sum then.
    short = [*analysed[:4], _post_week("2026-11-16", 1000, days=5)]
    (point,) = outcome_points([checkin("2026-11-22", (10, 10, 10, 10))], weeks, short)
    assert point.outcomes["impressions"] is None and point.outcomes["posts"] == 4


def test_the_chart_shows_impressions_in_thousands_next_to_ssi_and_outcomes() -> None:
    points = [OutcomePoint(FIRST + dt.timedelta(weeks=4 * n), s,
                           {"meetings": m, "impressions": i, "posts": p})
              for n, (s, m, i, p) in enumerate([(30, 2, 4500, 3), (35, None, 12000, 4)])]
    chart = outcomes_chart(points)
    assert chart is not None
    assert [s.label for s in chart.series] == [
        "SSI", "Meetings", "Posts published", "Impressions of your posts (thousands)"]
    assert chart.series[3].values == (4.5, 12.0)
    assert chart.y_max == 100
    assert ("Your SSI and 1 logged outcome, with posts published and impressions of your "
            "posts, over 2 check-ins") in chart.summary


def test_impressions_get_a_verdict_once_a_check_in_has_them() -> None:
    points = _points([10, 20, 30, 40, 50, 60], [1, 2, 3, 4, 5, 6])
    assert [c.measure.key for c in correlations(points)] == [m.key for m in OUTCOMES]
    seen = [OutcomePoint(p.on, p.ssi, {**p.outcomes, "impressions": 1000 * (n + 1)})
            for n, p in enumerate(points)]
    found = {c.measure.key: c for c in correlations(seen)}
    assert found["impressions"].r == pytest.approx(1.0)
    assert "higher SSI went with more impressions of your posts" in found["impressions"].verdict


def test_the_chart_shows_ssi_and_logged_outcomes() -> None:
    points = _points([30, 35, 41], [2, None, 4])
    chart = outcomes_chart(points)
    assert chart is not None
    assert [s.label for s in chart.series] == ["SSI", "Meetings"]
    assert chart.series[1].values == (2.0, None, 4.0)
    assert chart.dates == tuple(p.on for p in points)
    assert chart.y_max == 100
    assert "1 logged outcome over 3 check-ins" in chart.summary


def test_no_chart_without_a_trend() -> None:
    assert outcomes_chart(_points([30], [1])) is None
