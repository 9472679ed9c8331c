"""Next actions with peers: room to grow and distance below the peers' average together, the
why saying so; without peers (or when above them) the order is exactly as without; the
estimate's why shows the peers' averages."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.actions import next_actions, priority
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.model import PILLARS, Document, PeerAverages, Pillar
from ssi_coach.peers.compare import PeerComparison, compare_with_peers

from .conftest import checkin
from .strategies import scores
from .test_coach import ALL_DONE, PILLAR_RATES, SATURATED, _estimate

BRAND, PEOPLE, INSIGHTS, RELATIONSHIPS = PILLARS
OWN = (20.998, 6.4, 10.25, 15)
IND = PeerAverages(11.78, 5.38, 2.09, 15.16)
NET = PeerAverages(13.22, 4.36, 2.38, 16.31)


def _two_weak(first: str, second: str) -> dict[str, float | None]:
    """Every habit saturated but those of two pillars, at 0: both have all their room."""
    return {k: 0.0 if k in PILLAR_RATES[first] | PILLAR_RATES[second] else v
            for k, v in SATURATED.items()}


def _peers(own: tuple[float, float, float, float], industry: PeerAverages | None,
           network: PeerAverages | None = None) -> PeerComparison:
    found = compare_with_peers(checkin("2026-11-01", own, industry_peers=industry,
                                       network_peers=network))
    assert found is not None
    return found


def test_a_pillar_below_its_peers_moves_ahead_of_one_with_as_much_room() -> None:
    est = _estimate(_two_weak("insights", "relationships"), ALL_DONE)
    assert est.of("insights").score == est.of("relationships").score  # a tie on room
    alone = next_actions(est, ALL_DONE, limit=20)
    assert alone[0].pillar == "insights"  # the catalogue's order breaks the tie
    peers = _peers(OWN, IND, NET)  # relationships 0.735 below the peers, insights far above
    ranked = next_actions(est, ALL_DONE, limit=20, peers=peers)
    assert ranked[0].pillar == "relationships"
    assert {a.key for a in ranked} == {a.key for a in alone}  # the same actions, reordered
    assert ("On your check-in of 1 Nov 2026 it was 0.16 below your industry's average and "
            "1.31 below your network's, which moves it up this list.") in ranked[0].reason


def test_peers_the_member_is_above_everywhere_change_nothing() -> None:
    est = _estimate(_two_weak("people", "relationships"), ALL_DONE)
    low = PeerAverages(1, 1, 1, 1)
    assert next_actions(est, ALL_DONE, limit=20, peers=_peers(OWN, low)) == \
        next_actions(est, ALL_DONE, limit=20)


def test_below_one_group_only_is_said_but_only_the_mean_moves_the_pillar() -> None:
    est = _estimate(_two_weak("insights", "relationships"), ALL_DONE)
    # Relationships 15: 0.5 below the industry, 2 above the network: above their mean.
    peers = _peers(OWN, PeerAverages(11.78, 5.38, 2.09, 15.5),
                   PeerAverages(13.22, 4.36, 2.38, 13))
    ranked = next_actions(est, ALL_DONE, limit=20, peers=peers)
    assert ranked[0].pillar == "insights"
    relationships = next(a for a in ranked if a.pillar == "relationships")
    assert "it was 0.5 below your industry's average." in relationships.reason
    assert "moves it up" not in relationships.reason and "network" not in relationships.reason


peer_averages = st.builds(PeerAverages, scores, scores, scores, scores)


@given(st.tuples(scores, scores, scores, scores), peer_averages, st.none() | peer_averages)
def test_actions_come_in_order_of_room_plus_points_below_peers(
        own: tuple[float, float, float, float], industry: PeerAverages,
        network: PeerAverages | None) -> None:
    est = _estimate({}, None)
    peers = _peers(own, industry, network)
    ranked = next_actions(est, None, limit=100, peers=peers)
    places = [priority(est, a.pillar, peers) for a in ranked]
    assert places == sorted(places, reverse=True)
    for action in ranked:
        below = [g for g in peers.groups if (peers.of(_pillar(action.pillar)).gap(g) or 0) < 0]
        assert ("below your" in action.reason) == bool(below)


def _pillar(key: str) -> Pillar:
    return next(p for p in PILLARS if p.key == key)


# ---- the Coach view -------------------------------------------------------------------------

TODAY = dt.date(2026, 11, 22)


def test_the_coach_view_ranks_with_the_latest_checkins_peers_and_shows_their_averages() -> None:
    document = Document(checkins=(checkin("2026-11-01", OWN, industry_peers=IND,
                                          network_peers=NET),))
    view = coach_view(document, TODAY)
    assert view.peers == compare_with_peers(document.checkins[-1])
    assert view.actions == next_actions(view.estimate, document.checklist, peers=view.peers)
    assert view.peers_line(RELATIONSHIPS) == (
        "On your check-in of 1 Nov 2026, Build relationships was 15; the average was 15.16 "
        "in your industry and 16.31 in your network.")


def test_peers_on_an_older_checkin_only_do_not_rank() -> None:
    document = Document(checkins=(
        checkin("2026-10-01", OWN, industry_peers=IND, network_peers=NET),
        checkin("2026-11-01", OWN)))
    view = coach_view(document, TODAY)
    assert view.peers is None and view.peers_line(BRAND) == ""
    assert view.actions == next_actions(view.estimate, document.checklist)


def test_one_group_on_the_latest_checkin_is_shown_alone() -> None:
    document = Document(checkins=(checkin("2026-11-01", OWN, network_peers=NET),))
    line = coach_view(document, TODAY).peers_line(PEOPLE)
    assert line.endswith("the average was 4.36 in your network.")
