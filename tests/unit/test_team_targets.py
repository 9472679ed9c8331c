"""Team targets: a member's and the team's progress to the SSI the coach set, and the form."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from ssi_coach.model import CheckIn, Document, FieldError, Person, Target
from ssi_coach.team.targets import (
    BEHIND,
    NO_DATA,
    ON_TRACK,
    REACHED,
    TargetStatus,
    on_track,
    read_target_form,
    set_everyone,
    set_target,
    set_team_target,
    team_status,
)

from .conftest import TODAY, checkin

# Totals 50, 53, 56, thirty days apart: a straight line rising 0.1 a day. Brand and People
# rise 1 per 30 days, Insights stays at 10. TODAY is 2026-11-22.
RISING = (
    checkin("2026-09-22", (20, 10, 10, 10)),
    checkin("2026-10-22", (21, 11, 10, 11)),
    checkin("2026-11-21", (22, 12, 10, 12)),
)
BY = dt.date(2027, 1, 20)  # 60 days after the latest check-in: total 62, Brand 24, People 14


def person(checkins: tuple[CheckIn, ...] = RISING, target: Target | None = None,
           name: str = "Ann") -> Person:
    return Person(name, checkins, saved_on=TODAY, target=target)


def status_of(total: float | None = None, by: dt.date = BY, checkins: tuple[CheckIn, ...] = RISING,
              **pillars: float) -> TargetStatus:
    result = on_track(person(checkins, Target(by, total, pillars)), TODAY)
    assert result is not None
    return result


@pytest.mark.parametrize(("goal", "status", "text"), [
    (55, REACHED, "reached"),  # the latest, 56, is there already
    (60, ON_TRACK, "on track"),  # projected 62 by the date
    (62, ON_TRACK, "on track"),
    (65, BEHIND, "behind by 3.0"),
])
def test_the_total_is_read_from_the_persons_own_trend(goal: float, status: str,
                                                       text: str) -> None:
    result = status_of(goal)
    assert result.status == status
    assert result.text == text


def test_the_projection_is_the_line_read_on_the_target_date() -> None:
    result = status_of(65)
    assert result.total is not None
    assert result.total.projected == pytest.approx(62)
    assert result.total.latest == 56


def test_each_targeted_pillar_gets_its_own_status_and_the_weakest_decides() -> None:
    result = status_of(60, brand=24, insights=12)
    parts = {p.key: p.text for p in result.parts}
    assert parts == {"total": "on track", "brand": "on track", "insights": "behind by 2.0"}
    assert result.text == "behind by 2.0"


def test_a_pillar_only_target_needs_no_total() -> None:
    result = status_of(people=13)
    assert result.total is None
    assert result.text == "on track"


def test_with_one_recent_check_in_the_latest_value_is_carried_flat() -> None:
    old_rise = (checkin("2025-01-10", (5, 5, 5, 5)),
                checkin("2026-11-01", (12.5, 12.5, 12.5, 12.5)))
    # The 2025 check-in is outside the 180 days: no line, 50 stays 50.
    assert status_of(55, checkins=old_rise).text == "behind by 5.0"
    single = (checkin("2026-11-01", (15, 15, 15, 14.96)),)  # 59.96
    assert status_of(62, checkins=single).text == "behind by 2.0"


def test_a_gap_that_rounds_to_nothing_is_on_track() -> None:
    single = (checkin("2026-11-01", (15, 15, 15, 14.96)),)  # 59.96, 0.04 short
    assert status_of(60, checkins=single).status == ON_TRACK


def test_a_falling_trend_can_leave_someone_behind_who_is_close_today() -> None:
    falling = tuple(reversed([replace(c, on=d) for c, d in zip(
        RISING, (dt.date(2026, 11, 21), dt.date(2026, 10, 22), dt.date(2026, 9, 22)),
        strict=True)]))  # 56, 53, 50: falling 0.1 a day
    assert status_of(52, checkins=falling).text == "behind by 8.0"


def test_a_passed_date_projects_nothing_further() -> None:
    assert status_of(60, by=dt.date(2026, 11, 1)).text == "behind by 4.0"


def test_the_projection_stays_within_the_scale() -> None:
    steep = (checkin("2026-10-22", (10, 10, 10, 10)), checkin("2026-11-21", (25, 25, 25, 25)))
    result = status_of(100, by=dt.date(2027, 6, 30), checkins=steep)
    assert result.total is not None
    assert result.total.projected == 100


def test_no_check_in_is_no_data_and_no_target_is_none() -> None:
    assert status_of(60, checkins=()).status == NO_DATA
    assert on_track(person(), TODAY) is None


def test_check_ins_after_today_are_not_read() -> None:
    later = (*RISING, checkin("2026-12-01", (25, 25, 25, 25)))
    assert status_of(65, checkins=later).text == "behind by 3.0"


# ---- the team ---------------------------------------------------------------------------

def team(target: Target | None) -> Document:
    flat = (checkin("2026-11-01", (10, 10, 10, 10)),)  # 40, carried flat
    return Document(people=(person(), person(flat, name="Bob"),
                            Person("Cy", (), saved_on=TODAY)), team_target=target)


@pytest.mark.parametrize(("goal", "text"), [
    (45, "reached"),  # average latest (56 + 40) / 2 = 48
    (51, "on track"),  # average projection (62 + 40) / 2 = 51
    (52, "behind by 1.0"),
])
def test_the_team_target_reads_the_teams_averages(goal: float, text: str) -> None:
    result = team_status(team(Target(BY, goal)), TODAY)
    assert result is not None
    assert result.text == text


def test_no_team_target_is_none_and_an_empty_team_is_no_data() -> None:
    assert team_status(team(None), TODAY) is None
    result = team_status(Document(team_target=Target(BY, 50)), TODAY)
    assert result is not None and result.status == NO_DATA


# ---- setting targets ------------------------------------------------------------------------

def test_set_everyone_gives_every_member_the_same_target() -> None:
    target = Target(dt.date(2027, 6, 30), 70, set_on=TODAY)
    document = set_everyone(team(None), target)
    assert [p.target for p in document.people] == [target] * 3
    assert [p.name for p in document.people] == ["Ann", "Bob", "Cy"]


def test_set_target_finds_the_person_ignoring_case_and_none_clears() -> None:
    target = Target(BY, 60)
    document = set_target(team(None), "  bob ", target)
    assert isinstance(document, Document)
    assert [p.target for p in document.people] == [None, target, None]
    cleared = set_target(document, "BOB", None)
    assert isinstance(cleared, Document)
    assert all(p.target is None for p in cleared.people)


def test_set_target_for_someone_not_in_the_team_is_a_field_error() -> None:
    assert set_target(team(None), "Zoe", Target(BY, 60)) == FieldError(
        "person", "There is no “Zoe” in the team.")


def test_the_team_target_is_set_and_cleared() -> None:
    target = Target(BY, 60)
    assert set_team_target(team(None), target).team_target == target
    assert set_team_target(team(target), None).team_target is None


# ---- the form -------------------------------------------------------------------------------

def test_the_form_reads_a_total_and_a_date() -> None:
    assert read_target_form({"total": "70", "by": "2027-06-30"}, TODAY) == Target(
        dt.date(2027, 6, 30), 70.0, {}, set_on=TODAY)


def test_the_form_reads_comma_decimals_and_pillars() -> None:
    result = read_target_form({"total": " 70,5 ", "brand": "20,25", "people": "",
                               "relationships": "18", "by": "2027-01-31"}, TODAY)
    assert result == Target(dt.date(2027, 1, 31), 70.5, {"brand": 20.25, "relationships": 18},
                            set_on=TODAY)


def test_pillars_alone_make_a_target() -> None:
    result = read_target_form({"insights": "15", "by": "2027-01-31"}, TODAY)
    assert isinstance(result, Target) and result.total is None


def errors(fields: dict[str, str]) -> dict[str, str]:
    result = read_target_form(fields, TODAY)
    assert isinstance(result, list)
    return {e.field: e.message for e in result}


def test_an_empty_form_asks_for_a_score_and_a_date() -> None:
    found = errors({})
    assert set(found) == {"total", "by"}
    assert "0 to 100" in found["total"] and "e.g. 2027-02-21" in found["by"]


@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"total": "120", "by": "2027-06-30"}, "total", "runs from 0 to 100; this is 120"),
    ({"total": "seventy", "by": "2027-06-30"}, "total", "is not a number"),
    ({"brand": "30", "by": "2027-06-30"}, "brand", "runs from 0 to 25; this is 30"),
    ({"total": "70", "by": "30/06/2027"}, "by", "YYYY-MM-DD"),
    ({"total": "70", "by": "2026-11-22"}, "by", "after today (2026-11-22)"),
])
def test_a_wrong_field_says_what_to_fix(fields: dict[str, str], field: str, words: str) -> None:
    found = errors(fields)
    assert list(found) == [field]
    assert words in found[field]
