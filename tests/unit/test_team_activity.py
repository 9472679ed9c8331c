"""Team activity over a period beside each person's SSI change, and the scatter across the
team: every figure below worked out by hand."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ssi_coach.charts.draw import activity_svg
from ssi_coach.model import MEASURE_KEYS, Person, WeekLog
from ssi_coach.team.activity import (
    SHARED_KEYS,
    activity_vs_change,
    ssi_change,
    team_activity,
)

from .conftest import checkin

START, END = dt.date(2026, 10, 1), dt.date(2026, 10, 31)  # Oct 2026: Mondays 5, 12, 19, 26


def week(iso: str, **counts: int) -> WeekLog:
    return WeekLog(dt.date.fromisoformat(iso), counts)


def person(name: str, checkins: tuple[tuple[str, float], ...],
           weeks: tuple[WeekLog, ...] = ()) -> Person:
    """A person whose check-ins have the given totals (spread over the four pillars)."""
    return Person(name, tuple(checkin(on, (total / 4,) * 4) for on, total in checkins),
                  dt.date(2026, 11, 1), activity=weeks)


FULL = {"posts": 1, "comments_written": 2, "requests_sent": 3, "messages_sent": 4,
        "replies_received": 1}
# Ann: 10 actions in each of four October weeks (10 a week), +6 (40 on 15 Sep -> 46 on 20 Oct).
# Her week of 28 Sep starts before the period and is left out, whatever it holds.
ANN = person("Ann", (("2026-09-15", 40), ("2026-10-20", 46)),
             (week("2026-09-28", posts=100), week("2026-10-05", **FULL),
              week("2026-10-12", **FULL), week("2026-10-19", **FULL, meetings=2),
              week("2026-10-26", **FULL)))
# Bo: one post in each of two weeks (1 a week), −2 (50 on 1 Sep -> 48 on 10 Oct).
BO = person("Bo", (("2026-09-01", 50), ("2026-10-10", 48)),
            (week("2026-10-05", posts=1), week("2026-10-12", posts=1)))
# Fay: 5 actions in one week, +2 (30 on 30 Sep -> 32 on 31 Oct: the period's last day counts).
FAY = person("Fay", (("2026-09-30", 30), ("2026-10-31", 32)),
             (week("2026-10-05", comments_written=4, messages_sent=1),))
# Cy shared activity but first checked in during October: no change to set it beside.
CY = person("Cy", (("2026-10-03", 20), ("2026-10-25", 25)), (week("2026-10-05", posts=3),))
# Di checked in before October only: her change over October is unknown, not 0.
DI = person("Di", (("2026-08-01", 60), ("2026-09-01", 61)), (week("2026-10-05", posts=2),))
# Eve's SSI moved but she shared no activity.
EVE = person("Eve", (("2026-09-01", 10), ("2026-10-01", 11), ("2026-10-15", 15)))
TEAM = (EVE, DI, CY, FAY, BO, ANN)


def test_shared_counts_are_measures_the_activity_log_knows() -> None:
    assert set(SHARED_KEYS) <= set(MEASURE_KEYS)


def test_change_is_last_by_the_end_minus_last_by_the_start() -> None:
    assert ssi_change(ANN, START, END) == 6
    assert ssi_change(FAY, START, END) == 2
    assert ssi_change(EVE, START, END) == 4  # 11 on 1 Oct (the start day) -> 15


def test_change_is_unknown_without_a_check_in_on_both_sides() -> None:
    assert ssi_change(CY, START, END) is None  # nothing on or before 1 Oct
    assert ssi_change(DI, START, END) is None  # nothing new in October
    assert ssi_change(person("New", ()), START, END) is None


def test_activity_sums_the_weeks_starting_in_the_period() -> None:
    found = {a.name: a for a in team_activity(TEAM, START, END)}
    ann = found["Ann"]
    assert ann.weeks == 4
    assert dict(ann.totals) == {"posts": 4, "comments_written": 8, "requests_sent": 12,
                                "messages_sent": 16, "replies_received": 4, "meetings": 2}
    assert ann.actions() == 40 and ann.weekly_actions() == 10
    assert dict(found["Bo"].totals) == {"posts": 2}  # never-logged counts stay absent, not 0
    assert found["Eve"].weeks == 0 and found["Eve"].weekly_actions() is None
    assert [a.name for a in team_activity(TEAM, START, END)] == [p.name for p in TEAM]


def test_scatter_has_a_point_per_person_with_both_and_the_least_squares_line() -> None:
    chart = activity_vs_change(TEAM, START, END)
    assert [(p.label, p.x, p.y) for p in chart.points] == [
        ("Ann", 10, 6), ("Bo", 1, -2), ("Fay", 5, 2)]
    # By hand: x̄ = 16/3, ȳ = 2; Sxx = 122/3, Sxy = 36, Syy = 32.
    assert chart.slope == pytest.approx(36 / (122 / 3), abs=1e-5)
    assert chart.intercept == pytest.approx(2 - 36 / (122 / 3) * 16 / 3, abs=1e-5)
    assert chart.r == pytest.approx(36 / (122 / 3 * 32) ** 0.5, abs=1e-3)
    assert chart.people == "3 people"
    assert chart.rows[0] == ("Ann", "4", "4", "8", "12", "16", "4", "2", "10", "+6")
    assert chart.rows[1][2:] == ("2", "–", "–", "–", "–", "–", "1", "−2")
    assert "3 people" in chart.summary and "r = 1.00" in chart.summary
    assert "strong positive" in chart.summary


def test_scatter_without_spread_has_no_line_and_says_why() -> None:
    chart = activity_vs_change((ANN,), START, END)
    assert len(chart.points) == 1 and chart.slope is None and chart.r is None
    assert "Too few people" in chart.summary
    assert activity_vs_change((), START, END).people == "0 people"


def test_drawing_names_the_chart_and_shows_r() -> None:
    svg = activity_svg(activity_vs_change(TEAM, START, END))
    assert svg.startswith("<svg") and 'role="img"' in svg
    label = re.search(r'aria-label="([^"]*)"', svg)
    assert label is not None and "3 people" in label.group(1)
    assert "r = 1.00" in svg and "Actions per week" in svg
