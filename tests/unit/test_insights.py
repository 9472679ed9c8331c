"""Network insights from an import's summary: sizes, shares, weekdays and the growth chart."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_coach.model import NetworkSummary
from ssi_coach.network.insights import MIN_FOR_RATE, Share, network_insights

SUMMARY = NetworkSummary(
    connections_by_month={
        "2026-09": {"other": 10, "director": 2},
        "2026-07": {"other": 5, "c_suite": 1, "unknown": 2},
        "2026-10": {"vp": 3, "owner": 1, "head": 1},
    },
    undated_connections=1,
    invitations_sent=20, invitations_accepted=7,
    conversations_started=10, conversations_replied=4,
    by_weekday=(5, 9, 0, 2, 9, 0, 1),
)


def test_size_seniority_and_decision_makers_add_up() -> None:
    found = network_insights(SUMMARY)
    assert found.size == 26
    assert found.decision_makers == 1 + 2 + 3 + 1 + 1
    assert [r.key for r in found.seniority] == [
        "c_suite", "vp", "owner", "director", "head", "other", "unknown"]
    unknown = found.seniority[-1]
    assert unknown.count == 3  # two undisclosed titles and one undated connection
    assert sum(r.share for r in found.seniority) == pytest.approx(1.0)


def test_rates_need_enough_to_say_anything() -> None:
    found = network_insights(SUMMARY)
    assert found.acceptance.rate == pytest.approx(0.35)
    assert found.replies.rate == pytest.approx(0.4)
    assert Share(1, MIN_FOR_RATE - 1).rate is None
    assert Share(0, 0).rate is None


def test_busiest_weekdays_first_and_idle_days_left_out() -> None:
    days = network_insights(SUMMARY).weekdays
    assert days[:2] == (("Tuesday", 9), ("Friday", 9))  # ties keep the week's order
    assert ("Wednesday", 0) not in days and len(days) == 5


def test_growth_is_cumulative_at_each_month_end() -> None:
    chart = network_insights(SUMMARY).growth
    assert chart is not None
    assert chart.dates == (dt.date(2026, 7, 31), dt.date(2026, 9, 30), dt.date(2026, 10, 31))
    sizes, senior = chart.series
    assert sizes.values == (8.0, 20.0, 25.0)  # undated connections have no month
    assert senior.values == (1.0, 3.0, 8.0)
    assert "From 8 connections at the end of Jul 2026 to 25" in chart.summary


def test_one_month_is_not_a_trend_and_an_empty_summary_is_empty() -> None:
    one = NetworkSummary(connections_by_month={"2026-10": {"other": 4}})
    assert network_insights(one).growth is None
    empty = network_insights(NetworkSummary())
    assert empty.size == 0 and empty.seniority == () and empty.weekdays == ()
