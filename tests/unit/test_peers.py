"""Peers: each pillar against the industry's and network's averages, weakest in score vs
weakest relative to peers, the gaps over time, and the events noted on check-ins."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.model import PEER_GROUPS, PILLARS, PeerAverages, Pillar
from ssi_coach.peers.compare import (
    STRONGEST_RELATIVE_MEANS,
    WEAKEST_MEANS,
    WEAKEST_RELATIVE_MEANS,
    compare_with_peers,
    gap_trend,
    latest_with_peers,
)
from ssi_coach.peers.events import event_note, notes_between

from .conftest import checkin
from .strategies import scores

BRAND, PEOPLE, INSIGHTS, RELATIONSHIPS = PILLARS
INDUSTRY, NETWORK = PEER_GROUPS
# The real 2026 page of docs/domain.md.
OWN = (20.998, 6.4, 10.25, 15)
IND = PeerAverages(11.78, 5.38, 2.09, 15.16)
NET = PeerAverages(13.22, 4.36, 2.38, 16.31)


def real(on: str = "2026-11-01", **optional: Any) -> Any:
    return checkin(on, OWN, industry_peers=IND, network_peers=NET, **optional)


def test_the_real_page_lowest_pillar_is_above_its_peers_and_relationships_below_both() -> None:
    found = compare_with_peers(real())
    assert found is not None
    assert found.groups == PEER_GROUPS
    assert found.weakest == (PEOPLE,)  # 6.4, the lowest of the four
    people, relationships = found.of(PEOPLE), found.of(RELATIONSHIPS)
    assert (people.industry_gap, people.network_gap) == (1.02, 2.04)  # above both
    assert (relationships.industry_gap, relationships.network_gap) == (-0.16, -1.31)
    assert found.weakest_relative == (RELATIONSHIPS,)
    assert found.weakest_relative != found.weakest
    assert found.strongest_relative == (BRAND,)  # 20.998 vs a mean of 12.5


def test_the_summary_names_both_weakest_pillars_with_their_gaps() -> None:
    found = compare_with_peers(real())
    assert found is not None
    assert found.summary == (
        "On 1 Nov 2026, your weakest pillar, Find the right people, is 1.53 above the average "
        "of your industry and network. Relative to your peers, your weakest is Build "
        "relationships (0.735 below) and your strongest Establish your professional brand "
        "(8.498 above).")


def test_when_the_weakest_is_also_furthest_below_peers_it_is_said_once() -> None:
    low = PeerAverages(10, 10, 10, 10)
    found = compare_with_peers(checkin(scores=(12, 5, 11, 12), industry_peers=low))
    assert found is not None
    assert found.summary == ("On 1 Nov 2026, Find the right people is your weakest pillar, both "
                             "in score and relative to your peers: 5 below your industry's "
                             "average.")


def test_definitions_are_one_plain_line_each() -> None:
    assert WEAKEST_MEANS == "Weakest: lowest score of the four."
    for line in (WEAKEST_MEANS, WEAKEST_RELATIVE_MEANS, STRONGEST_RELATIVE_MEANS):
        assert line.count(".") == 1 and line.endswith(".") and "\n" not in line
    assert "below the average of your industry and network" in WEAKEST_RELATIVE_MEANS


def test_with_one_group_known_the_other_gap_is_none_and_the_mean_is_that_group() -> None:
    found = compare_with_peers(checkin(scores=OWN, network_peers=NET))
    assert found is not None
    assert found.groups == (NETWORK,)
    relationships = found.of(RELATIONSHIPS)
    assert relationships.industry is None and relationships.industry_gap is None
    assert relationships.gap(NETWORK) == relationships.mean_gap == -1.31
    assert "your network's average" in found.summary


def test_a_checkin_without_peers_has_no_comparison() -> None:
    assert compare_with_peers(checkin()) is None


def test_ties_relative_to_peers_all_count_in_pillar_order() -> None:
    peers = PeerAverages(10, 10, 10, 10)
    found = compare_with_peers(checkin(scores=(8, 12, 8, 11), industry_peers=peers))
    assert found is not None
    assert found.weakest_relative == (BRAND, INSIGHTS)
    assert found.strongest_relative == (PEOPLE,)


def test_the_latest_checkin_with_peers_is_found() -> None:
    older, newest = real("2026-09-01"), checkin("2026-11-01")
    found = latest_with_peers([older, real("2026-10-01"), newest])
    assert found is not None and found.on == dt.date(2026, 10, 1)
    assert latest_with_peers([newest]) is None
    assert latest_with_peers([]) is None


def test_the_gap_trend_is_the_gap_to_the_mean_on_each_checkin_none_without_peers() -> None:
    lifted = PeerAverages(11.78, 5.38, 2.09, 14.16)
    trend = gap_trend([real("2026-09-01"), checkin("2026-10-01", OWN),
                       checkin("2026-11-01", OWN, industry_peers=lifted)])
    assert trend.dates == (dt.date(2026, 9, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 1))
    relationships = next(g for g in trend.pillars if g.pillar == RELATIONSHIPS)
    assert relationships.gaps == (-0.735, None, 0.84)
    assert [g.pillar for g in trend.pillars] == list(PILLARS)
    assert trend.known == 2


peer_averages = st.builds(PeerAverages, scores, scores, scores, scores)


@given(st.tuples(scores, scores, scores, scores), st.none() | peer_averages,
       st.none() | peer_averages)
def test_a_gap_is_positive_exactly_when_the_member_is_above(
        own: tuple[float, float, float, float], industry: PeerAverages | None,
        network: PeerAverages | None) -> None:
    found = compare_with_peers(checkin(scores=own, industry_peers=industry,
                                       network_peers=network))
    if industry is None and network is None:
        assert found is None
        return
    assert found is not None
    for pillar in found.pillars:
        gaps = []
        for group in PEER_GROUPS:
            peers = pillar.average(group)
            gap = pillar.gap(group)
            assert (gap is None) == (peers is None)
            if peers is not None and gap is not None:
                assert (gap > 0) == (pillar.own > peers) and (gap < 0) == (pillar.own < peers)
                gaps.append(gap)
        assert pillar.mean_gap is not None
        assert min(gaps) - 1e-3 <= pillar.mean_gap <= max(gaps) + 1e-3
    weakest, strongest = found.weakest_relative[0], found.strongest_relative[0]
    assert (found.of(weakest).mean_gap or 0) <= (found.of(strongest).mean_gap or 0)


@given(st.tuples(scores, scores, scores, scores), peer_averages)
def test_the_relatively_weakest_is_never_above_another_pillar_relative_to_peers(
        own: tuple[float, float, float, float], industry: PeerAverages) -> None:
    found = compare_with_peers(checkin(scores=own, industry_peers=industry))
    assert found is not None
    gaps = {p.pillar: p.own - p.industry for p in found.pillars if p.industry is not None}
    lowest = min(gaps.values())

    def off(pillar: Pillar) -> float:
        return gaps[pillar] - lowest

    assert all(off(p) < 1e-6 for p in found.weakest_relative)
    assert all(off(p) > 1e-6 for p in PILLARS if p not in found.weakest_relative)


# ---- events ---------------------------------------------------------------------------------

def test_an_event_note_lists_known_events_in_their_order() -> None:
    note = event_note(checkin(events=("job_change", "holiday", "not-an-event")))
    assert note is not None
    assert note.words == "1 Nov 2026: Holiday or time off, Job change"
    assert event_note(checkin()) is None


@pytest.mark.parametrize(("before", "after", "dates"), [
    ("2026-09-01", "2026-11-01", ["2026-10-01", "2026-11-01"]),  # the later one and between
    ("2026-10-01", "2026-11-01", ["2026-11-01"]),  # never the earlier check-in's own events
    ("2026-09-01", "2026-10-01", ["2026-10-01"]),
])
def test_notes_between_two_checkins(before: str, after: str, dates: list[str]) -> None:
    checkins = [checkin(day, events=("campaign",))
                for day in ("2026-09-01", "2026-10-01", "2026-11-01")]
    found = notes_between(checkins, dt.date.fromisoformat(before), dt.date.fromisoformat(after))
    assert [n.on.isoformat() for n in found] == dates
