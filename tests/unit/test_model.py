"""Records: totals, LinkedIn's rounding, and the one-check-in-per-date invariant."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_coach.model import (
    Checklist,
    Document,
    Goal,
    Problem,
    WeeklyPlan,
    compare_by_date,
    display_total,
    weakest_pillars,
)

from .conftest import checkin


@pytest.mark.parametrize(("total", "shown"), [
    (19.705751, 20), (19.5, 20), (20.5, 21), (19.499, 19), (0, 0), (100, 100),
])
def test_total_is_shown_rounded_half_up_like_linkedin(total: float, shown: int) -> None:
    assert display_total(total) == shown


def test_total_is_the_exact_pillar_sum() -> None:
    assert checkin(scores=(12.1, 6.2, 0.1, 0.2)).total == 18.6
    assert checkin(scores=(13.118, 3.68, 0.3, 2.608)).total == 19.706


def test_put_keeps_date_order_and_replaces_by_date() -> None:
    document = Document().put(checkin("2026-11-01")).put(checkin("2026-09-01"))
    assert [c.on.month for c in document.checkins] == [9, 11]
    edited = document.put(checkin("2026-10-01", note="moved"), replacing=dt.date(2026, 11, 1))
    assert [c.on.month for c in edited.checkins] == [9, 10]
    assert document.checkins[1].note == ""  # the original document is unchanged


def test_put_refuses_a_second_checkin_on_a_date() -> None:
    with pytest.raises(ValueError, match="already"):
        Document((checkin("2026-11-01"),)).put(checkin("2026-11-01"))


def test_without_removes_only_that_date() -> None:
    document = Document((checkin("2026-10-01"), checkin("2026-11-01")))
    assert [c.on.month for c in document.without(dt.date(2026, 10, 1)).checkins] == [11]


# ---- the Document.with_* updates handlers use --------------------------------------------

MINE = Document((checkin("2026-10-01"), checkin("2026-11-01")))
MONDAY = dt.date(2026, 11, 16)


def test_with_checklist_changes_the_checklist_and_nothing_else() -> None:
    answered = Checklist({"photo": True, "headline": False}, dt.date(2026, 11, 22))
    updated = MINE.with_checklist(answered)
    assert updated.checklist == answered
    assert updated.checkins == MINE.checkins
    assert MINE.checklist is None  # the original is untouched


def test_with_plan_sets_plan_and_goal_together_and_none_clears_them() -> None:
    plan, goal = WeeklyPlan({"posts": 2}), Goal(70, dt.date(2027, 6, 1))
    updated = MINE.with_plan(plan, goal)
    assert (updated.plan, updated.goal, updated.checkins) == (plan, goal, MINE.checkins)
    assert updated.with_plan(None, None) == MINE


def test_with_week_source_chooses_per_week_and_keeps_the_other_weeks() -> None:
    earlier = MONDAY - dt.timedelta(days=7)
    updated = MINE.with_week_source(earlier, "imported").with_week_source(MONDAY, "imported")
    assert updated.with_week_source(MONDAY, "typed").week_sources == {
        earlier: "imported", MONDAY: "typed"}
    assert MINE.week_sources == {}


@pytest.mark.parametrize(("day", "source"), [
    (MONDAY + dt.timedelta(days=1), "typed"), (MONDAY, "both"),
])
def test_with_week_source_refuses_a_day_that_is_no_monday_or_an_unknown_source(
        day: dt.date, source: str) -> None:
    with pytest.raises(ValueError, match="source"):
        MINE.with_week_source(day, source)
# ---- shared rules of the records layer -------------------------------------------------------

def test_the_weakest_pillars_are_all_the_lowest_in_pillar_order() -> None:
    scores = {"brand": 9.0, "people": 4.5, "insights": 4.5, "relationships": 12.0}
    weakest = weakest_pillars(lambda p: scores[p.key])
    assert [p.key for p in weakest] == ["people", "insights"]


def test_comparing_by_date_says_added_unchanged_and_updated_oldest_first() -> None:
    kept = [checkin("2026-09-01"), checkin("2026-10-01")]
    incoming = [checkin("2026-11-01"), checkin("2026-10-01", (20, 20, 20, 20)),
                checkin("2026-09-01"), checkin("2026-08-01")]
    compared = compare_by_date(kept, incoming, lambda c: c.on)
    assert [c.on.month for c in compared.added] == [8, 11]
    assert [c.on.month for c in compared.unchanged] == [9]
    assert [(u.before, u.after) for u in compared.updated] == [(kept[1], incoming[1])]
    assert compared.incoming_count == 4
    assert compared.changes_anything() and compared.changes_anything(replace_updated=False)


def test_a_date_given_twice_is_compared_once_the_later_counting() -> None:
    twice = [checkin("2026-09-01", (1, 1, 1, 1)), checkin("2026-09-01")]
    compared = compare_by_date([checkin("2026-09-01")], twice, lambda c: c.on)
    assert (compared.added, compared.updated) == ((), ())
    assert len(compared.unchanged) == 1


def test_a_problem_names_file_line_and_column_only_where_known() -> None:
    assert str(Problem("a.csv", 3, "Date", "not a date")) == "a.csv, line 3, Date: not a date"
    assert str(Problem("a.csv", 3, "", "too short")) == "a.csv, line 3: too short"
    assert str(Problem("a.csv", 0, "", "no header")) == "a.csv: no header"
