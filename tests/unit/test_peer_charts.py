"""Peer charts: you vs industry vs network per pillar (with its table), the gap trend, and
event markers on the trend charts; their data and their drawing."""

from __future__ import annotations

import datetime as dt

from ssi_coach.charts.data import (
    PILLAR_COLOURS,
    Marker,
    Series,
    gap_chart,
    peers_chart,
    trend_chart,
)
from ssi_coach.charts.draw import gaps_svg, peers_svg, trend_svg
from ssi_coach.model import PILLARS, PeerAverages
from ssi_coach.peers.compare import compare_with_peers, latest_with_peers

from .conftest import checkin

OWN = (20.998, 6.4, 10.25, 15)
IND = PeerAverages(11.78, 5.38, 2.09, 15.16)
NET = PeerAverages(13.22, 4.36, 2.38, 16.31)
AUG = checkin("2026-08-01", (19, 5.9, 9, 14.5), industry_peers=PeerAverages(11.5, 5.2, 2, 15),
              network_peers=PeerAverages(13, 4.2, 2.3, 16))
SEP = checkin("2026-09-01", (20, 6.1, 9.5, 14.9), events=("holiday",))
OCT = checkin("2026-10-01", (20.5, 6.2, 10, 15.2), network_peers=NET,
              events=("job_change", "campaign"))
NOV = checkin("2026-11-01", OWN, industry_peers=IND, network_peers=NET)
ALL = (AUG, SEP, OCT, NOV)


def test_the_peers_chart_shows_you_industry_and_network_and_its_table_the_same_numbers() -> None:
    found = latest_with_peers(ALL)
    assert found is not None
    chart = peers_chart(found)
    assert chart.pillars == PILLARS
    assert chart.series == (Series("You", OWN), Series("Industry", (11.78, 5.38, 2.09, 15.16)),
                            Series("Network", (13.22, 4.36, 2.38, 16.31)))
    assert chart.head == ("Pillar", "You", "Industry", "Network", "You − industry",
                          "You − network")
    assert chart.rows[1] == ("Find the right people", "6.4", "5.38", "4.36", "+1.02", "+2.04")
    assert chart.rows[3] == ("Build relationships", "15", "15.16", "16.31", "\u22120.16",
                             "\u22121.31")
    assert chart.summary.startswith("Your four pillars beside the average of your industry "
                                    "and your network.")
    assert found.summary in chart.summary


def test_a_group_not_recorded_is_neither_drawn_nor_tabled() -> None:
    found = compare_with_peers(OCT)
    assert found is not None
    chart = peers_chart(found)
    assert [s.label for s in chart.series] == ["You", "Network"]
    assert chart.head == ("Pillar", "You", "Network", "You − network")
    assert all(len(row) == len(chart.head) for row in chart.rows)


def test_the_gap_chart_needs_two_checkins_with_peers() -> None:
    assert gap_chart([NOV]) is None
    assert gap_chart([SEP, NOV]) is None
    assert gap_chart([OCT, NOV]) is not None


def test_the_gap_chart_follows_each_pillar_with_gaps_where_peers_are_missing() -> None:
    chart = gap_chart(ALL)
    assert chart is not None
    assert chart.dates == tuple(c.on for c in ALL)
    relationships = chart.series[3]
    assert relationships.pillar == "relationships"
    assert relationships.values == (-1, None, -1.11, -0.735)  # Oct: the network only
    assert "over 3 check-ins with peers; latest Brand +8.498" in chart.summary
    assert "Relationships \u22120.735" in chart.summary


def test_events_become_markers_named_in_the_summary() -> None:
    expected = (Marker(SEP.on, "Holiday or time off"),
                Marker(OCT.on, "Job change, Campaign or push"))
    words = ("Events noted: 1 Sep 2026, Holiday or time off; 1 Oct 2026, Job change, "
             "Campaign or push.")
    for chart in (gap_chart(ALL), trend_chart(ALL)):
        assert chart is not None
        assert chart.markers == expected
        assert chart.summary.endswith(words)


def test_without_events_there_are_no_markers_and_nothing_about_them() -> None:
    chart = trend_chart([AUG, NOV])
    assert chart is not None
    assert chart.markers == () and "Events" not in chart.summary


def _svg_ok(svg: str, summary: str) -> None:
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert f'aria-label="{summary}"' in svg.replace("&#x27;", "'")


def test_the_peers_svg_names_pillars_and_groups_and_labels_every_bar() -> None:
    found = latest_with_peers(ALL)
    assert found is not None
    chart = peers_chart(found)
    svg = peers_svg(chart)
    _svg_ok(svg, chart.summary)
    for label in ("Brand", "People", "Insights", "Relationships", "You", "Industry",
                  "Network", ">21.0<", ">5.4<", ">16.3<"):
        assert label in svg, label
    for colour in PILLAR_COLOURS.values():
        assert colour.lower() in svg.lower()
    assert "<pattern" in svg  # the peer groups' hatches: not colour alone
    assert peers_svg(chart) == svg


def test_the_gaps_svg_draws_every_pillar_and_the_event_lines() -> None:
    chart = gap_chart(ALL)
    assert chart is not None
    svg = gaps_svg(chart)
    _svg_ok(svg, chart.summary)
    for label in ("Brand", "People", "Insights", "Relationships", "Events noted"):
        assert label in svg
    assert gaps_svg(chart) == svg


def test_the_trend_svg_draws_event_lines_only_when_there_are_events() -> None:
    with_events, without = trend_chart(ALL), trend_chart([AUG, NOV])
    assert with_events is not None and without is not None
    assert "Events noted" in trend_svg(with_events)
    assert "Events noted" not in trend_svg(without)
    assert with_events.dates[1] == dt.date(2026, 9, 1)
