"""Why did my score change: rank causes (you, the average, or not enough information), pillar
and activity changes between two check-ins."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.explain import activity_changes, explain_change, window_weeks
from ssi_coach.model import PILLARS, WeekLog

from .conftest import Scores, checkin
from .strategies import checkins

FLAT_40: Scores = (10, 10, 10, 10)
UP_45: Scores = (12, 11, 11, 11)
DOWN_38: Scores = (10, 10, 9, 9)
LEVEL_40_2: Scores = (10.2, 10, 10, 10)


def _pair(before: Scores, after: Scores, old: dict[str, Any], new: dict[str, Any]) -> Any:
    return explain_change(checkin("2026-10-04", before, **old),
                          checkin("2026-11-01", after, **new), [])


def _industry(rank: int | None, average: float | None) -> dict[str, Any]:
    return {"industry_rank": rank, "industry_average": average}


@pytest.mark.parametrize(("case", "before", "after", "old", "new", "kind", "says"), [
    ("member improved", FLAT_40, UP_45, _industry(20, 31), _industry(15, 31), "you",
     ["That is your doing", "rose 5.0 points", "Top 20% to Top 15%", "stayed at 31"]),
    ("member improved, average up", FLAT_40, UP_45, _industry(20, 31), _industry(15, 32),
     "you", ["your doing", "went from 31 to 32"]),
    ("member improved and average fell", FLAT_40, UP_45, _industry(20, 33), _industry(15, 30),
     "both", ["both helped", "from 33 to 30"]),
    ("average moved, member flat", FLAT_40, LEVEL_40_2, _industry(20, 33), _industry(15, 30),
     "average", ["because others moved", "held about level", "from 33 to 30"]),
    ("average moved against the member", FLAT_40, DOWN_38, _industry(20, 33),
     _industry(15, 30), "average", ["fell 2.0 points", "from 33 to 30", "because others moved"]),
    ("slipped while the average rose", FLAT_40, LEVEL_40_2, _industry(10, 30),
     _industry(14, 34), "average", ["slipped from Top 10% to Top 14%", "from 30 to 34"]),
    ("nothing visible moved", FLAT_40, LEVEL_40_2, _industry(20, 31), _industry(18, 31),
     "others", ["does not show"]),
    ("missing averages", FLAT_40, LEVEL_40_2, _industry(20, None), _industry(15, None),
     "unknown", ["Not enough information to say why", "not recorded"]),
    ("one average missing", FLAT_40, UP_45, _industry(20, 31), _industry(15, None),
     "unknown", ["Not enough information", "which fits the move"]),
    ("rank missing", FLAT_40, UP_45, _industry(None, 31), _industry(15, 31), "unknown",
     ["Not enough information", "rank was not recorded"]),
    ("rank unchanged", FLAT_40, UP_45, _industry(15, 31), _industry(15, 33), "unchanged",
     ["stayed at Top 15%"]),
])
def test_industry_rank_causes(case: str, before: Scores, after: Scores, old: dict[str, Any],
                              new: dict[str, Any], kind: str, says: list[str]) -> None:
    industry = _pair(before, after, old, new).ranks[0]
    assert industry.label == "Industry"
    assert (industry.before, industry.after) == (old["industry_rank"], new["industry_rank"])
    assert industry.kind == kind, case
    for words in says:
        assert words in industry.cause, (case, industry.cause)


def test_network_rank_uses_the_network_average() -> None:
    old = {"network_rank": 5, "network_average": 30.0}
    new = {"network_rank": 3, "network_average": 27.0}
    network = _pair(FLAT_40, LEVEL_40_2, old, new).ranks[1]
    assert (network.label, network.kind) == ("Network", "average")
    assert "network average went from 30 to 27" in network.cause


def test_pillar_and_total_changes() -> None:
    explanation = _pair(FLAT_40, UP_45, {}, {})
    assert explanation.total_change == 5
    assert [(p.key, d) for p, d in explanation.pillar_changes] == [
        ("brand", 2), ("people", 1), ("insights", 1), ("relationships", 1)]
    assert "went up (40 to 45, +5)" in explanation.summary
    assert "Establish your professional brand (+2)" in explanation.summary


def test_check_ins_given_in_either_order_tell_the_same_story() -> None:
    old, new = checkin("2026-10-04", FLAT_40), checkin("2026-11-01", UP_45)
    assert explain_change(new, old, []) == explain_change(old, new, [])


@pytest.mark.parametrize(("on", "first", "last"), [
    ("2026-11-22", "2026-10-26", "2026-11-16"),  # a Sunday: its own week is complete
    ("2026-11-18", "2026-10-19", "2026-11-09"),  # a Wednesday: only whole weeks before it
    ("2026-11-16", "2026-10-19", "2026-11-09"),  # a Monday
])
def test_the_window_is_the_four_whole_weeks_before(on: str, first: str, last: str) -> None:
    weeks = window_weeks(dt.date.fromisoformat(on))
    assert len(weeks) == 4
    assert (weeks[0], weeks[-1]) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def _logs(start: str, *counts: dict[str, int]) -> list[WeekLog]:
    monday = dt.date.fromisoformat(start)
    return [WeekLog(monday + dt.timedelta(weeks=n), c) for n, c in enumerate(counts)]


def test_activity_changes_are_weekly_averages_biggest_first() -> None:
    before_weeks = _logs("2026-09-07", {"posts": 0, "comments_written": 1},
                         {"posts": 0, "comments_written": 1}, {"posts": 1}, {"posts": 1})
    after_weeks = _logs("2026-10-05", {"posts": 1, "comments_written": 8, "reshares": 2},
                        {"posts": 1, "comments_written": 10}, {}, {"posts": 1})
    rows = activity_changes(dt.date(2026, 10, 4), dt.date(2026, 11, 1),
                            before_weeks + after_weeks)
    summary = [(r.measure.key, r.before, r.after) for r in rows]
    # Missing weeks are skipped, not counted as zero: comments average 9, not 4.5.
    assert summary == [("comments_written", 1, 9), ("posts", 0.5, 1), ("reshares", None, 2)]
    assert rows[0].change == 8 and rows[-1].change is None


def test_the_summary_names_the_biggest_activity_change() -> None:
    weeks = _logs("2026-09-07", *[{"comments_written": 1}] * 4) + \
        _logs("2026-10-05", *[{"comments_written": 6}] * 4)
    text = explain_change(checkin("2026-10-04", FLAT_40), checkin("2026-11-01", UP_45),
                          weeks).summary
    assert "comments written: 1 a week before, 6 now" in text


def test_nothing_logged_means_no_activity_changes() -> None:
    assert _pair(FLAT_40, UP_45, {}, {}).activity_changes == ()


KINDS = {"you", "average", "both", "others", "unchanged", "unknown"}


@given(checkins(), checkins())
def test_any_two_check_ins_are_explained(a: Any, b: Any) -> None:
    explanation = explain_change(a, b, [])
    assert explanation.before.on <= explanation.after.on
    total = sum(d for _, d in explanation.pillar_changes)
    assert explanation.total_change == pytest.approx(total, abs=0.01)
    assert [p for p, _ in explanation.pillar_changes] == list(PILLARS)
    assert {r.kind for r in explanation.ranks} <= KINDS
    assert all(r.cause for r in explanation.ranks) and explanation.summary


@given(st.integers(1, 100), st.integers(1, 100))
def test_a_rank_without_averages_is_never_attributed(old: int, new: int) -> None:
    move = _pair(FLAT_40, UP_45, _industry(old, None), _industry(new, None)).ranks[0]
    assert move.kind == ("unchanged" if old == new else "unknown")


def test_post_analytics_add_what_the_posts_did_after_the_logged_measures() -> None:
    from ssi_coach.posts.weekly import PostWeek

    def post_week(monday: str, impressions: int, followers: int | None,
                  days: int = 7) -> PostWeek:
        return PostWeek(dt.date.fromisoformat(monday), impressions, impressions // 20,
                        followers, days, partial=False)

    posts = [post_week("2026-09-07", 1000, 2), post_week("2026-09-14", 1200, 2),
             post_week("2026-09-21", 900, None), post_week("2026-09-28", 900, 4),
             post_week("2026-10-05", 3000, 6), post_week("2026-10-12", 2600, 6),
             post_week("2026-10-19", 9999, 9, days=3),  # not complete: left out
             post_week("2026-10-26", 3400, 9)]
    weeks = _logs("2026-09-07", *[{"comments_written": 1}] * 4) + \
        _logs("2026-10-05", *[{"comments_written": 6}] * 4)
    found = explain_change(checkin("2026-10-04", FLAT_40), checkin("2026-11-01", UP_45),
                           weeks, posts=posts)
    rows = {r.measure.key: (r.before, r.after) for r in found.activity_changes}
    assert found.activity_changes[0].measure.key == "comments_written"  # logged first
    assert rows["post_impressions"] == (1000, 3000)  # the partial-data week is not read
    assert rows["post_new_followers"] == (8 / 3, 7)  # a week without follower rows: missing
    assert "comments written: 1 a week before, 6 now" in found.summary
    alone = explain_change(checkin("2026-10-04", FLAT_40), checkin("2026-11-01", UP_45), [],
                           posts=posts)
    assert "impressions of your posts (post analytics): 1,000 a week before, 3,000 now" in (
        alone.summary)
