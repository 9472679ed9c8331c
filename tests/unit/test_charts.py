"""Chart data (snapshot) and its drawing: the numbers shown are the numbers stored."""

from __future__ import annotations

import datetime as dt

from ssi_coach.charts.data import PILLAR_COLOURS, Chart, Series, rank_chart, trend_chart
from ssi_coach.charts.draw import lines_svg, outcomes_svg, trend_svg

from .conftest import checkin

A = checkin("2026-09-02", (12.275, 6, 3.1, 1.948), industry_rank=55)
B = checkin("2026-10-01", (10.5, 7.5, 5, 6.2))
C = checkin("2026-11-01", (13.118, 7.5, 5, 6.2), industry_rank=48, network_rank=75)


def test_trend_needs_two_checkins() -> None:
    assert trend_chart([]) is None
    assert trend_chart([A]) is None


def test_trend_chart_data_snapshot() -> None:
    assert trend_chart([A, B, C]) == Chart(
        title="SSI over time",
        dates=(dt.date(2026, 9, 2), dt.date(2026, 10, 1), dt.date(2026, 11, 1)),
        series=(
            Series("Brand", (12.275, 10.5, 13.118), "brand"),
            Series("People", (6.0, 7.5, 7.5), "people"),
            Series("Insights", (3.1, 5.0, 5.0), "insights"),
            Series("Relationships", (1.948, 6.2, 6.2), "relationships"),
            Series("Total", (23.323, 29.2, 31.818)),
        ),
        y_label="Score (pillars 0-25 each, total 0-100)",
        y_max=100,
        summary="Your SSI went from 23 on 2 Sep 2026 to 32 on 1 Nov 2026 over 3 check-ins.",
    )


def test_rank_chart_appears_once_two_checkins_have_ranks() -> None:
    assert rank_chart([A, B]) is None
    chart = rank_chart([A, B, C])
    assert chart is not None
    assert chart.dates == (A.on, C.on)
    assert chart.series == (Series("Industry", (55, 48)), Series("Network", (None, 75)))
    assert chart.lower_is_better
    assert chart.summary == "Ranks over 2 check-ins; latest industry Top 48%, network Top 75%."


def test_trend_svg_is_inline_scalable_and_named_for_screen_readers() -> None:
    chart = trend_chart([A, B, C])
    assert chart is not None
    svg = trend_svg(chart)
    assert svg.startswith("<svg") and "<?xml" not in svg
    assert 'role="img"' in svg and f'aria-label="{chart.summary}"' in svg
    assert 'width="' not in svg.split(">", 1)[0]  # CSS sizes it; the viewBox keeps its shape
    for label in ("Brand", "People", "Insights", "Relationships", "Total", ">32<"):
        assert label in svg


def test_drawing_is_deterministic() -> None:
    chart = rank_chart([A, B, C])
    assert chart is not None
    assert lines_svg(chart) == lines_svg(chart)
    assert "Industry" in lines_svg(chart) and "Network" in lines_svg(chart)


def test_outcomes_svg_names_ssi_and_each_outcome() -> None:
    chart = Chart(
        title="SSI and outcomes", dates=(A.on, B.on, C.on),
        series=(Series("SSI", (23.3, 29.2, 31.8)), Series("Meetings", (1.0, None, 3.0))),
        y_label="SSI", y_max=100, summary="Your SSI and 1 logged outcome over 3 check-ins.")
    svg = outcomes_svg(chart)
    assert svg.startswith("<svg") and 'aria-label="Your SSI and 1 logged outcome' in svg
    assert "Meetings" in svg and "SSI" in svg and "Outcomes (sum of 4 weeks)" in svg


def test_each_pillar_has_its_one_colour_in_the_trend_and_no_other_line_takes_it() -> None:
    assert PILLAR_COLOURS == {"brand": "#0072B2", "people": "#E69F00",
                              "insights": "#009E73", "relationships": "#CC79A7"}
    chart = trend_chart([A, B, C])
    assert chart is not None
    svg = trend_svg(chart).lower()
    for colour in PILLAR_COLOURS.values():
        assert colour.lower() in svg  # each pillar's area, named in the legend (tested above)
    ranks = rank_chart([A, B, C])
    assert ranks is not None
    others = lines_svg(ranks).lower() + outcomes_svg(Chart(
        title="SSI and outcomes", dates=(A.on, B.on, C.on),
        series=(Series("SSI", (23.3, 29.2, 31.8)), Series("Meetings", (1.0, None, 3.0)),
                Series("Deals", (0.0, 1.0, 2.0))),
        y_label="SSI", y_max=100, summary="Outcomes.")).lower()
    for colour in PILLAR_COLOURS.values():
        assert colour.lower() not in others  # a pillar's colour means that pillar only
