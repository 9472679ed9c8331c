"""The Peers view, Home's peer badges and streak, and the paste preview's peers, as HTML:
what the member reads, and their own text kept as text."""

from __future__ import annotations

import re
from html import unescape

from shell import peers_views, views
from ssi_coach.charts.data import gap_chart, peers_chart
from ssi_coach.checkins.dashboard import build_dashboard
from ssi_coach.importers.ssi_page import read_ssi_page
from ssi_coach.model import CheckIn, PeerAverages
from ssi_coach.peers.compare import compare_with_peers, gap_trend

from .conftest import TODAY, checkin

HOSTILE = '<img src=x onerror="alert(1)">'
# The real 2026 example: own 20.998 / 6.4 / 10.25 / 15 against both groups.
INDUSTRY = PeerAverages(11.78, 5.38, 2.09, 15.16)
NETWORK = PeerAverages(13.22, 4.36, 2.38, 16.31)


def _text(html: str) -> str:
    """What the page reads, as words: tags out, runs of space as one."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


def _with_peers(on: str = "2026-11-01", **optional: str) -> CheckIn:
    return checkin(on, (20.998, 6.4, 10.25, 15), industry_peers=INDUSTRY,
                   network_peers=NETWORK, **optional)


def test_home_names_both_weakest_pillars_and_says_what_each_means() -> None:
    board = build_dashboard([_with_peers()], TODAY)
    assert board is not None
    html = views.dashboard(board)
    items = {m.group(1): _text(m.group(2)) for m in
             re.finditer(r'<li[^>]*data-pillar="(\w+)"[^>]*>(.*?)</li>', html, re.S)}
    # People is the lowest score yet above both peer groups; relationships is below both.
    assert "Weakest" in items["people"] and "below peers" not in items["people"]
    assert "Furthest below peers" in items["relationships"]
    assert "0.735 below peers" in items["relationships"]
    assert "Furthest above peers" in items["brand"]  # 20.998 against a mean of 12.5
    assert "Weakest relative to peers: furthest below the average" in _text(html)


def test_home_without_peers_says_nothing_about_them() -> None:
    board = build_dashboard([checkin()], TODAY)
    assert board is not None
    assert "peers" not in _text(views.dashboard(board)).lower()


def test_the_streak_on_home_counts_weeks_or_invites_to_start_or_stays_away() -> None:
    board = build_dashboard([checkin()], TODAY)
    assert board is not None
    assert "3 weeks of activity logged in a row" in _text(views.dashboard(board, 3))
    assert "1 week of activity logged in a row" in _text(views.dashboard(board, 1))
    assert "no activity logged last week (log a week)" in _text(views.dashboard(board, 0))
    assert 'data-testid="streak"' not in views.dashboard(board, None)


def test_the_peers_view_shows_the_table_before_any_chart_and_keeps_text_as_text() -> None:
    entry = _with_peers(industry_status=HOSTILE, network_status="No change in the last week")
    found = compare_with_peers(entry)
    assert found is not None
    panel = peers_views.peers_panel(found, entry)
    assert "<img" not in panel and "&lt;img" in panel
    assert "People in your network: No change in the last week" in _text(panel)
    chart = peers_chart(found)
    figure = peers_views.peers_figure(chart, None)
    assert "Drawing the chart" in _text(figure)
    rows = re.findall(r"<tr>(.*?)</tr>", figure.split("<tbody>")[1], re.S)
    cells = re.findall(r"<td>([^<]*)</td>", rows[3])
    assert cells == ["15", "15.16", "16.31", "−0.16", "−1.31"]  # relationships


def test_the_gap_trend_waits_for_two_check_ins_with_peers() -> None:
    checkins = [checkin("2026-10-01"), _with_peers()]
    waiting = peers_views.gap_trend(gap_chart(checkins), None, gap_trend(checkins).known)
    assert "once two check-ins have your peers' averages (1 check-in so far)" in _text(waiting)
    assert "do not have your peers' averages yet" in _text(peers_views.peers_empty(True))
    assert "No check-ins yet" in _text(peers_views.peers_empty(False))


def test_the_paste_preview_lists_the_peers_in_a_table_of_their_own() -> None:
    page = """Current Social Selling Index
Category\tvalue
Establish your professional brand\t12.05
Find the right people\t5
Engage with insights\t10
Build relationships\t5.95
Remaining points\t67
33 out of 100
People in your industry
Category\tvalue
Establish your professional brand\t8
Find the right people\t7
Engage with insights\t9
Build relationships\t7
Remaining points\t69
31 out of 100
People in your network
Category\tvalue
Establish your professional brand\t9
Find the right people\t6
Engage with insights\t8
Build relationships\t7
Remaining points\t70
30 out of 100
"""
    result = read_ssi_page(page)
    assert result.reading is not None
    html = views.paste_preview(result.reading, result.notes)
    table = html.split('id="paste-peers"')[1].split("</table>")[0]
    assert re.findall(r"<td>([^<]*)</td>", table) == ["8", "9", "7", "6", "9", "8", "7", "7"]
    # The member's own list stays as it was: the peers are not mixed into it.
    own = _text(html.split('id="paste-peers"')[0])
    assert "Establish your professional brand: 12.05" in own
    assert "Establish your professional brand: 8" not in own
