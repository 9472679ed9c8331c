"""Review periods: months, quarters, custom ranges, and the team's change over a period."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.model import CheckIn, FieldError, Person
from ssi_coach.team.periods import (
    Period,
    custom,
    last_12_months,
    month_of,
    period_stats,
    periods_for,
    quarter_of,
)

from .conftest import TODAY, checkin

D = dt.date


def test_a_month_runs_from_its_first_to_its_last_day() -> None:
    assert month_of(D(2026, 11, 22)) == Period(D(2026, 11, 1), D(2026, 11, 30), "November 2026")
    assert month_of(D(2026, 12, 31)) == Period(D(2026, 12, 1), D(2026, 12, 31), "December 2026")
    assert month_of(D(2028, 2, 3)).end == D(2028, 2, 29)  # a leap year


def test_a_quarter_is_three_calendar_months() -> None:
    assert quarter_of(D(2026, 11, 22)) == Period(D(2026, 10, 1), D(2026, 12, 31), "Q4 2026")
    assert quarter_of(D(2027, 1, 1)) == Period(D(2027, 1, 1), D(2027, 3, 31), "Q1 2027")
    assert quarter_of(D(2027, 6, 30)) == Period(D(2027, 4, 1), D(2027, 6, 30), "Q2 2027")


def test_the_periods_to_pick_from_cross_the_new_year() -> None:
    assert periods_for(D(2026, 1, 15)) == (
        Period(D(2026, 1, 1), D(2026, 1, 31), "This month (January 2026)"),
        Period(D(2025, 12, 1), D(2025, 12, 31), "Last month (December 2025)"),
        Period(D(2026, 1, 1), D(2026, 3, 31), "This quarter (Q1 2026)"),
        Period(D(2025, 10, 1), D(2025, 12, 31), "Last quarter (Q4 2025)"),
        Period(D(2025, 1, 16), D(2026, 1, 15), "Last 12 months"),
    )


def test_the_last_12_months_from_a_leap_day() -> None:
    assert last_12_months(D(2028, 2, 29)) == Period(D(2027, 3, 1), D(2028, 2, 29),
                                                   "Last 12 months")


def test_a_custom_range_reads_typed_dates() -> None:
    assert custom(" 2026-09-01", "2026-11-30") == Period(D(2026, 9, 1), D(2026, 11, 30),
                                                       "1 Sep 2026 – 30 Nov 2026")
    assert custom(D(2026, 9, 1), D(2026, 9, 1)).end == D(2026, 9, 1)  # type: ignore[union-attr]


@pytest.mark.parametrize(("start", "end", "fields", "words"), [
    ("", "2026-11-30", ["start"], "Enter the first day"),
    ("2026-09-01", "30.11.2026", ["end"], "YYYY-MM-DD"),
    ("", "", ["start", "end"], "Enter"),
    ("2026-11-30", "2026-09-01", ["end"], "ends before it starts"),
])
def test_a_wrong_range_says_what_to_fix(start: str, end: str, fields: list[str],
                                        words: str) -> None:
    result = custom(start, end)
    assert isinstance(result, list)
    assert [e.field for e in result] == fields
    assert words in result[0].message


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Period(D(2026, 2, 1), D(2026, 1, 1), "backwards")


# ---- the team over Q4 2026 (1 Oct - 31 Dec), every figure worked out by hand ----------------

Q4 = Period(D(2026, 10, 1), D(2026, 12, 31), "Q4 2026")


def person(name: str, *checkins: CheckIn) -> Person:
    return Person(name, checkins, saved_on=TODAY)


TEAM = (
    # 31 before the quarter, 34.5 in it: +3.5; pillars +2.5, 0, -1, +2
    person("Ann", checkin("2026-09-10", (10, 8, 6, 7)), checkin("2026-11-02", (12.5, 8, 5, 9))),
    person("Bob", checkin("2026-11-15", (9, 9, 9, 9))),  # 36, a single reading: no change
    person("Cara", checkin("2026-06-20", (20, 4, 4, 10)),  # 38 -> 39: +1
           checkin("2026-10-20", (20, 4.25, 6, 8.75))),
    # 40, then 30, both before the quarter: not active, no change, latest 30
    person("Dan", checkin("2026-08-01", (10, 10, 10, 10)), checkin("2026-09-01", (5, 5, 10, 10))),
    # 45 -> 41 inside the quarter: -4; the 2027 check-in is after it
    person("Eve", checkin("2026-10-05", (15, 10, 10, 10)), checkin("2026-12-20", (11, 10, 10, 10)),
           checkin("2027-01-10", (20, 10, 10, 10))),
    person("Fay"),  # nothing at all
    # 20 on the quarter's first day is the base; 22 at its end: +2
    person("Gus", checkin("2026-10-01", (5, 5, 5, 5)), checkin("2026-10-31", (6, 6, 5, 5))),
)


def test_each_persons_change_over_the_period() -> None:
    stats = period_stats(TEAM, Q4)
    assert [(p.name, p.change, p.latest_total, p.active) for p in stats.people] == [
        ("Ann", 3.5, 34.5, True), ("Bob", None, 36, True), ("Cara", 1, 39, True),
        ("Dan", None, 30, False), ("Eve", -4, 41, True), ("Fay", None, None, False),
        ("Gus", 2, 22, True)]
    assert stats.people[0].pillar_changes == (2.5, 0, -1, 2)
    assert stats.people[0].pillar_change("relationships") == 2


def test_averages_plain_and_per_active_member() -> None:
    stats = period_stats(TEAM, Q4)
    assert stats.average_latest == (34.5 + 36 + 39 + 30 + 41 + 22) / 6  # 33.75
    assert stats.average_latest_active == (34.5 + 36 + 39 + 41 + 22) / 5  # 34.5, Dan left out
    assert stats.average_change == (3.5 + 1 - 4 + 2) / 4
    # Brand: Ann +2.5, Cara 0, Eve -4, Gus +1
    assert stats.average_pillar_changes[0] == pytest.approx((2.5 + 0 - 4 + 1) / 4)


def test_movers_up_and_down_with_counts() -> None:
    stats = period_stats(TEAM, Q4, top=2)
    assert [p.name for p in stats.movers_up] == ["Ann", "Gus"]
    assert [p.name for p in stats.movers_down] == ["Eve"]
    assert (stats.count, stats.active, stats.with_data, stats.with_change) == (7, 5, 6, 4)


def test_equal_moves_go_by_name_and_no_move_is_not_a_mover() -> None:
    team = (
        person("zed", checkin("2026-09-01", (5, 5, 5, 5)), checkin("2026-10-10", (6, 5, 5, 5))),
        person("Amy", checkin("2026-09-01", (5, 5, 5, 5)), checkin("2026-10-10", (6, 5, 5, 5))),
        person("Mo", checkin("2026-09-01", (5, 5, 5, 5)), checkin("2026-10-10", (5, 5, 5, 5))),
    )
    stats = period_stats(team, Q4)
    assert [p.name for p in stats.movers_up] == ["Amy", "zed"]
    assert stats.movers_down == ()
    assert stats.people[2].change == 0


def test_an_empty_team_has_no_averages() -> None:
    stats = period_stats((), Q4)
    assert (stats.average_latest, stats.average_latest_active, stats.average_change) == (
        None, None, None)
    assert stats.movers_up == stats.movers_down == ()


# ---- properties ------------------------------------------------------------------------------

small_scores = st.sampled_from([0.0, 2.5, 5.0, 7.25, 10.0, 12.5, 18.0, 25.0])
days_2026 = st.dates(D(2026, 1, 1), D(2026, 12, 31))
some_checkins = st.lists(
    st.builds(CheckIn, on=days_2026, brand=small_scores, people=small_scores,
              insights=small_scores, relationships=small_scores),
    max_size=6, unique_by=lambda c: c.on).map(lambda cs: tuple(sorted(cs, key=lambda c: c.on)))
teams = st.lists(st.tuples(st.text(min_size=1, max_size=5), some_checkins), max_size=8).map(
    lambda rows: tuple(Person(f"{name}{i}", cs, TODAY) for i, (name, cs) in enumerate(rows)))
periods = st.tuples(days_2026, days_2026).map(
    lambda ds: Period(min(ds), max(ds), "a period"))


@given(teams, periods, st.integers(1, 5))
def test_averages_lie_within_the_values_they_average(team: tuple[Person, ...], period: Period,
                                                     top: int) -> None:
    stats = period_stats(team, period, top=top)
    for average, values in (
        (stats.average_latest, [p.latest_total for p in stats.people]),
        (stats.average_latest_active, [p.latest_total for p in stats.people if p.active]),
        (stats.average_change, [p.change for p in stats.people]),
    ):
        present = [v for v in values if v is not None]
        if not present:
            assert average is None
        else:
            assert average is not None
            assert min(present) - 1e-9 <= average <= max(present) + 1e-9


@given(teams, periods, st.integers(1, 5))
def test_movers_are_sorted_and_only_real_moves(team: tuple[Person, ...], period: Period,
                                               top: int) -> None:
    stats = period_stats(team, period, top=top)
    up = [(-(p.change or 0), p.name.casefold(), p.name) for p in stats.movers_up]
    down = [((p.change or 0), p.name.casefold(), p.name) for p in stats.movers_down]
    assert up == sorted(up) and down == sorted(down)
    assert all(p.change is not None and p.change > 0 for p in stats.movers_up)
    assert all(p.change is not None and p.change < 0 for p in stats.movers_down)
    assert len(stats.movers_up) == min(top, sum(1 for p in stats.people if (p.change or 0) > 0))
    assert stats.active <= stats.with_data
    if stats.active:
        assert stats.average_latest_active is not None


def test_field_errors_are_records() -> None:
    assert custom("x", "2026-01-01") == [FieldError("start",
                                                    "Enter the date as YYYY-MM-DD, "
                                                    "e.g. 2026-11-03.")]
