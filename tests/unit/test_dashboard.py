"""Dashboard figures for given check-ins and a given today."""

from __future__ import annotations

import datetime as dt

from ssi_coach.checkins.dashboard import build_dashboard

from .conftest import TODAY, checkin

SEPT = checkin("2026-09-02", (12.275, 6, 3.1, 1.948), industry_rank=55, network_rank=72)
OCT = checkin("2026-10-01", (10.5, 7.5, 5, 6.2), industry_average=31, network_average=30)
NOV = checkin("2026-11-01", (13.118, 7.5, 5, 6.2), industry_rank=48, network_rank=75,
              industry_average=31, network_average=33.5)


def test_no_checkins_means_no_dashboard() -> None:
    assert build_dashboard([], TODAY) is None


def test_first_checkin_has_no_changes_yet() -> None:
    board = build_dashboard([SEPT], TODAY)
    assert board is not None
    assert board.total == 23.323 and board.total_shown == 23
    assert board.total_change is None
    assert all(p.change is None for p in board.pillars)
    assert [r.improvement for r in board.ranks] == [None, None]


def test_changes_compare_with_the_previous_checkin() -> None:
    board = build_dashboard([SEPT, OCT, NOV], TODAY)
    assert board is not None
    assert board.total_change == 2.618 and board.previous_on == OCT.on
    assert [p.change for p in board.pillars] == [2.618, 0, 0, 0]


def test_the_weakest_pillar_is_the_lowest_score_and_ties_all_count() -> None:
    board = build_dashboard([NOV], TODAY)
    assert board is not None
    assert [p.pillar.key for p in board.pillars if p.weakest] == ["insights"]
    tied = build_dashboard([checkin(scores=(3, 10, 3, 12))], TODAY)
    assert tied is not None
    assert [p.pillar.key for p in tied.pillars if p.weakest] == ["brand", "insights"]


def test_rank_change_skips_checkins_without_a_rank_and_lower_is_better() -> None:
    board = build_dashboard([SEPT, OCT, NOV], TODAY)
    assert board is not None
    industry, network = board.ranks
    assert (industry.rank, industry.previous, industry.previous_on) == (48, 55, SEPT.on)
    assert industry.improvement == 7  # Top 55% -> Top 48% is a move up
    assert network.improvement == -3  # Top 72% -> Top 75% is a move down


def test_total_against_industry_and_network_average() -> None:
    board = build_dashboard([NOV], TODAY)
    assert board is not None
    assert [(a.label, a.difference) for a in board.averages] == [
        ("Industry", 0.818), ("Network", -1.682)]


def test_due_from_thirty_days_on() -> None:
    last = checkin("2026-10-23")
    day_29 = build_dashboard([last], dt.date(2026, 11, 21))
    day_30 = build_dashboard([last], dt.date(2026, 11, 22))
    assert day_29 is not None and day_30 is not None
    assert (day_29.days_since, day_29.due) == (29, False)
    assert (day_30.days_since, day_30.due) == (30, True)
    assert day_29.due_on == dt.date(2026, 11, 22)
