"""Page HTML from core results: what a person sees, and that their text stays text."""

from __future__ import annotations

import re
from html import unescape

from shell import views
from ssi_coach.activity.actions import Action
from ssi_coach.charts.data import trend_chart
from ssi_coach.checkins.dashboard import build_dashboard
from ssi_coach.routes import VIEWS

from .conftest import TODAY, checkin

HOSTILE = '<img src=x onerror="alert(1)">'


def test_typed_text_is_escaped_everywhere_it_is_shown() -> None:
    entry = checkin(note=HOSTILE, industry=HOSTILE)
    html = views.history([entry])
    assert "<img" not in html and "&lt;img src=x" in html
    problem = views.problem("bad", HOSTILE)
    assert "<img" not in problem


def test_history_is_newest_first_with_edit_and_delete_per_row() -> None:
    oldest_first = [checkin("2026-09-01"), checkin("2026-10-01"), checkin("2026-11-01")]
    html = views.history(oldest_first)
    positions = [html.index(f'<tr data-date="2026-{m}-01"') for m in ("11", "10", "09")]
    assert positions == sorted(positions)
    assert html.count('data-action="edit"') == 3 and html.count('data-action="delete"') == 3


def test_dashboard_marks_the_weakest_and_explains_rank_direction() -> None:
    board = build_dashboard([checkin(industry_rank=40, industry_average=31)], TODAY)
    assert board is not None
    html = views.dashboard(board)
    assert _text(html).count("Weakest: most room to grow") == 1
    assert 'data-pillar="relationships"' in html.split("Weakest")[0].rsplit("<li", 1)[1]
    assert "Lower is better" in html and "Top 40%" in html
    assert "Industry average 31" in html


def test_due_card_switches_at_thirty_days() -> None:
    fresh = build_dashboard([checkin("2026-11-01")], TODAY)
    stale = build_dashboard([checkin("2026-10-01")], TODAY)
    assert fresh is not None and stale is not None
    assert "Next check-in due 1 Dec 2026" in views.dashboard(fresh)
    assert "is-due" in views.dashboard(stale) and "Due" in views.dashboard(stale)


def test_chart_table_alternative_lists_every_number() -> None:
    chart = trend_chart([checkin("2026-10-01"), checkin("2026-11-01", (1, 2, 3, 4.5))])
    assert chart is not None
    table = views.chart_table(chart)
    for number in ("12.275", "1.948", "23.323", "4.5", "10.5", "2026-11-01"):
        assert f">{number}<" in table


def test_a_readonly_history_has_no_buttons_and_its_columns_still_line_up() -> None:
    for readonly in (False, True):
        html = views.history([checkin(industry_rank=5)], readonly=readonly)
        head, body = html.split("<tbody>")
        assert head.count("<th ") == body.count("<th ") + body.count("<td")
        assert ('data-action="edit"' in html) is not readonly


def _text(html: str) -> str:
    """What the page reads: the textContent of `html`."""
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_history_reads_as_words_not_run_together() -> None:
    html = views.history([checkin(industry_rank=5)])
    assert "Edit Delete" in _text(html)
    board = build_dashboard([checkin("2026-10-01"), checkin("2026-11-01", (13, 2, 3, 4))], TODAY)
    assert board is not None
    assert "Weakest: most room to grow" in _text(views.dashboard(board))


def test_the_navigation_links_every_view_by_its_address_in_order() -> None:
    html = views.nav_items(VIEWS)
    assert re.findall(r'href="([^"]+)"', html) == [f"#/{v.key}" for v in VIEWS]
    assert [label for label in re.findall(r">([^<>]+)</a>", html)] == [v.label for v in VIEWS]


def _action(key: str, pillar: str, title: str) -> Action:
    return Action(key, title, pillar, {}, "low", "why", "", (0.1, 0.2), (0.3, 0.4))


def test_home_shows_the_top_actions_with_their_pillar_and_the_way_to_the_coach() -> None:
    html = views.top_actions([_action("a", "people", "Send <5> requests"),
                              _action("b", "brand", "Post once")], has_activity=True)
    assert _text(html).count("People Send <5> requests") == 1  # escaped, read in one go
    assert html.count('data-pillar="') == 2 and 'href="#/coach"' in html
    empty = views.top_actions([], has_activity=False)
    assert "Log a few weeks of activity" in empty and 'href="#/activity"' in empty
