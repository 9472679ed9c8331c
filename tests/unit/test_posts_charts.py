"""Posts charts: weekly impressions and engagements (with the rate), new followers and the
follower total; their data, their tables and their drawing."""

from __future__ import annotations

import datetime as dt

from ssi_coach.charts.data import PILLAR_COLOURS, Series, followers_chart, post_weeks_chart
from ssi_coach.charts.draw import weeks_svg
from ssi_coach.posts.weekly import PostWeek

D = dt.date.fromisoformat
WEEKS = (
    PostWeek(D("2026-05-25"), 900, 27, 2, days=4, partial=False),  # the window began Thursday
    PostWeek(D("2026-06-01"), 2000, -3, 5, days=7, partial=False),
    PostWeek(D("2026-06-08"), 1500, 60, None, days=7, partial=False),
    PostWeek(D("2026-06-15"), 300, 9, 0, days=3, partial=True),  # holds the export day
)
TOTALS = ((D("2026-05-31"), 1180), (D("2026-06-17"), 1191))


def test_the_weekly_chart_has_a_bar_and_a_table_row_per_week_with_the_same_numbers() -> None:
    chart = post_weeks_chart(WEEKS)
    assert chart is not None
    assert chart.weeks == (D("2026-05-25"), D("2026-06-01"), D("2026-06-08"), D("2026-06-15"))
    assert chart.bars == Series("Impressions", (900, 2000, 1500, 300))
    assert chart.line == Series("Engagements", (27, -3, 60, 9))
    # Weeks not complete have no rate point (the table still gives their rate).
    assert chart.rate == Series("Engagement rate (%)", (None, -0.15, 4.0, None))
    assert chart.complete == (False, True, True, False)
    assert chart.rows == (
        ("25 May 2026", "900", "27", "3%", "no: 4 days"),
        ("1 Jun 2026", "2,000", "\u22123", "\u22120.1%", "yes"),  # net engagements below 0
        ("8 Jun 2026", "1,500", "60", "4%", "yes"),
        ("15 Jun 2026", "300", "9", "3%", "no: holds an export day"),
    )
    assert chart.summary == (
        "4,700 impressions and 93 engagements over 4 weeks, 2 of them complete. Last complete "
        "week, of 8 Jun 2026: 1,500 impressions, 60 engagements (4%).")


def test_no_weeks_no_weekly_chart() -> None:
    assert post_weeks_chart(()) is None
    assert followers_chart((), ()) is None


def test_the_followers_chart_puts_weekly_gains_and_stated_totals_in_one_dated_table() -> None:
    chart = followers_chart(WEEKS, TOTALS)
    assert chart is not None
    # The week without follower rows is left out of the bars: unknown, not 0.
    assert chart.weeks == (D("2026-05-25"), D("2026-06-01"), D("2026-06-15"))
    assert chart.bars.values == (2, 5, 0)
    assert (chart.line_dates, chart.line.values) == ((D("2026-05-31"), D("2026-06-17")),
                                                    (1180, 1191))
    assert [row[0] for row in chart.rows] == ["Week of 25 May 2026", "31 May 2026",
                                              "Week of 1 Jun 2026", "Week of 15 Jun 2026",
                                              "17 Jun 2026"]
    assert chart.rows[1] == ("31 May 2026", "", "1,180", "")
    assert chart.summary == ("7 new followers over 3 weeks. Follower total 1,191 on "
                             "17 Jun 2026, from 1,180 on 31 May 2026.")


def test_a_follower_total_alone_still_makes_a_chart() -> None:
    chart = followers_chart((), TOTALS[:1])
    assert chart is not None and chart.weeks == ()
    assert chart.summary == "Follower total 1,180 on 31 May 2026."


def _svg_ok(svg: str, summary: str) -> None:
    assert svg.startswith("<svg") and "<?xml" not in svg and 'role="img"' in svg
    assert f'aria-label="{summary}"' in svg.replace("&#x27;", "'")
    assert 'width="' not in svg.split(">", 1)[0]  # CSS sizes it


def test_the_weekly_svg_names_its_series_and_tells_partial_weeks_apart() -> None:
    chart = post_weeks_chart(WEEKS)
    assert chart is not None
    svg = weeks_svg(chart)
    _svg_ok(svg, chart.summary)
    for label in ("Impressions", "Engagements", "Engagement rate (%)", "Rate (%)",
                  "Week not complete", "Impressions per week"):
        assert label in svg, label
    assert "<pattern" in svg  # incomplete weeks hatched: not colour alone
    assert "#56b4e9" in svg.lower()  # sky blue: a colour no pillar uses
    assert not any(colour.lower() in svg.lower() for colour in PILLAR_COLOURS.values())
    assert weeks_svg(chart) == svg


def test_complete_weeks_only_draw_no_partial_key() -> None:
    chart = post_weeks_chart(WEEKS[1:3])
    assert chart is not None
    svg = weeks_svg(chart)
    assert "Week not complete" not in svg and "<pattern" not in svg


def test_the_followers_svg_draws_new_followers_and_the_total() -> None:
    chart = followers_chart(WEEKS, TOTALS)
    assert chart is not None
    svg = weeks_svg(chart)
    _svg_ok(svg, chart.summary)
    for label in ("New followers", "Follower total", "New followers per week"):
        assert label in svg, label
    assert "Rate (%)" not in svg
