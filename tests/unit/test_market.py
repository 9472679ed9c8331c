"""Market-wide moves: each pillar's change split into the market's part and the member's, the
LinkedIn-wide flag at its thresholds, and both in "why my score changed"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.explain import explain_change
from ssi_coach.model import PILLARS, PeerAverages
from ssi_coach.peers.market import (
    LINKEDIN_WIDE_MAX_RATIO,
    LINKEDIN_WIDE_MIN_DROP,
    linkedin_wide,
    market_split,
    split,
)

from .conftest import Scores, checkin
from .strategies import scores

BRAND, PEOPLE, INSIGHTS, RELATIONSHIPS = PILLARS
EVEN: Scores = (10, 10, 10, 10)


def peers(*values: float) -> PeerAverages:
    return PeerAverages(*values)


def pair(before: Scores, after: Scores, old: dict[str, Any], new: dict[str, Any]) -> Any:
    return checkin("2026-10-01", before, **old), checkin("2026-11-01", after, **new)


def both(industry: PeerAverages | None, network: PeerAverages | None) -> dict[str, Any]:
    return {"industry_peers": industry, "network_peers": network}


def test_a_market_that_fell_less_than_the_member_explains_its_own_part() -> None:
    found = market_split(*pair(EVEN, (10, 10, 10, 9), both(peers(*EVEN), peers(*EVEN)),
                               both(peers(10, 10, 10, 9.6), peers(10, 10, 10, 9.2))))
    relationships = found.pillars[3]
    assert relationships.own == -1
    assert relationships.peers == pytest.approx(-0.6)  # the mean of -0.4 and -0.8
    assert relationships.market == pytest.approx(-0.6)
    assert relationships.you == pytest.approx(-0.4)
    assert relationships.words == ("Build relationships −1: the market −0.6 (your peers' "
                                   "averages moved −0.6), you −0.4.")


def test_the_market_part_is_capped_at_the_members_own_change() -> None:
    found = market_split(*pair(EVEN, (11, 10, 10, 10), both(peers(*EVEN), peers(*EVEN)),
                               both(peers(13, 10, 10, 10), peers(12, 10, 10, 10))))
    brand = found.pillars[0]
    assert (brand.own, brand.peers, brand.market, brand.you) == (1, 2.5, 1, 0)
    assert "none of it is clearly yours" in brand.words


def test_a_market_that_moved_the_other_way_leaves_the_whole_change_to_the_member() -> None:
    found = market_split(*pair(EVEN, (12, 10, 10, 10), both(peers(*EVEN), peers(*EVEN)),
                               both(peers(9, 10, 10, 10), peers(9, 10, 10, 10))))
    brand = found.pillars[0]
    assert (brand.market, brand.you) == (0, 2)
    assert "all yours" in brand.words and "the other way" in brand.words


def test_without_peers_on_both_dates_there_is_no_split() -> None:
    found = market_split(*pair(EVEN, (11, 10, 10, 10), both(peers(*EVEN), peers(*EVEN)), {}))
    assert not found.known and found.groups == ()
    assert all(p.market is None and p.you is None and p.peers is None for p in found.pillars)
    assert found.market_total is None and not found.linkedin_wide
    assert found.lines[0].startswith("Not enough information")
    assert found.total_words == ""


def test_one_group_on_both_dates_is_enough_and_is_used_alone() -> None:
    found = market_split(*pair(EVEN, (10, 9, 10, 10),
                               both(peers(*EVEN), peers(*EVEN)),
                               {"industry_peers": peers(10, 9.5, 10, 10)}))
    assert [g.key for g in found.groups] == ["industry"]
    people = found.pillars[1]
    assert (people.peers, people.market, people.you) == (-0.5, -0.5, -0.5)
    assert not found.linkedin_wide  # needs both groups


def test_the_order_of_the_two_checkins_does_not_matter() -> None:
    old, new = pair(EVEN, (12, 9, 10, 10), both(peers(*EVEN), peers(*EVEN)),
                    both(peers(11, 9.5, 10, 10), peers(*EVEN)))
    assert market_split(new, old) == market_split(old, new)


peer_averages = st.builds(PeerAverages, scores, scores, scores, scores)
score_sets = st.tuples(scores, scores, scores, scores)


@given(score_sets, score_sets, st.none() | peer_averages, st.none() | peer_averages,
       st.none() | peer_averages, st.none() | peer_averages)
def test_market_plus_you_is_the_members_own_change(
        before: Scores, after: Scores, ind_old: PeerAverages | None,
        net_old: PeerAverages | None, ind_new: PeerAverages | None,
        net_new: PeerAverages | None) -> None:
    found = market_split(*pair(before, after, both(ind_old, net_old), both(ind_new, net_new)))
    for part in found.pillars:
        if part.market is None or part.you is None:
            assert not found.known
            continue
        assert part.market + part.you == pytest.approx(part.own, abs=1e-3)
        assert abs(part.market) <= abs(part.own) + 1e-9  # capped
        assert part.market * part.own >= 0  # the same direction, or nothing
    if found.market_total is not None and found.you_total is not None:
        assert found.market_total + found.you_total == pytest.approx(found.own_total, abs=2e-3)


@given(st.floats(-25, 25), st.floats(-25, 25))
def test_split_adds_up_and_never_outgrows_the_own_change(own: float, market_move: float) -> None:
    market, you = split(own, market_move)
    assert market + you == pytest.approx(own)
    assert abs(market) <= abs(own)
    assert market * own >= 0 and market * market_move >= 0


# ---- a LinkedIn-wide change ---------------------------------------------------------------

def totals(total: float) -> PeerAverages:
    """Peer averages whose total is `total`, spread evenly."""
    return peers(*(total / 4,) * 4)


def own(total: float) -> Scores:
    return (total / 4,) * 4  # type: ignore[return-value]


@pytest.mark.parametrize(("case", "after_own", "after_industry", "after_network", "flagged"), [
    ("all drop exactly 3%", 97, 33.95, 29.1, True),
    ("the member drops 2.9%", 97.1, 33.95, 29.1, False),
    ("the industry drops 2.9%", 97, 33.985, 29.1, False),
    ("shares 3% and 4.5%: a ratio of exactly 1.5", 97, 33.425, 29.1, True),
    ("shares 3% and 4.53%: just over 1.5", 97, 33.4145, 29.1, False),
    ("everyone down about 7% (10 Feb 2017)", 93, 32.6, 27.8, True),
    ("only the member dropped", 90, 35, 30, False),
    ("everyone rose", 105, 36.5, 31.5, False),
])
def test_the_linkedin_wide_flag_at_its_thresholds(
        case: str, after_own: float, after_industry: float, after_network: float,
        flagged: bool) -> None:
    old, new = pair(own(100), own(after_own), both(totals(35), totals(30)),
                    both(totals(after_industry), totals(after_network)))
    found = market_split(old, new)
    assert found.linkedin_wide is flagged, (case, found.drops)
    assert bool(found.linkedin_words) is flagged


def test_the_thresholds_are_the_documented_ones() -> None:
    assert (LINKEDIN_WIDE_MIN_DROP, LINKEDIN_WIDE_MAX_RATIO) == (0.03, 1.5)
    assert linkedin_wide(0.03, 0.03, 0.045)
    assert not linkedin_wide(0.03, 0.03, 0.0451)
    assert not linkedin_wide(0.029, 0.03, 0.03)
    assert not linkedin_wide()


def test_the_flag_needs_both_groups() -> None:
    old, new = pair(own(100), own(93), {"industry_peers": totals(35)},
                    {"industry_peers": totals(32.6)})
    assert not market_split(old, new).linkedin_wide


def test_the_flag_words_give_the_three_drops() -> None:
    found = market_split(*pair(own(100), own(93), both(totals(35), totals(30)),
                               both(totals(32.6), totals(27.8))))
    assert found.linkedin_words.startswith("Your SSI fell 7%, your industry's average 7% and "
                                           "your network's 7%")
    assert "likely a change LinkedIn made" in found.linkedin_words


# ---- in "why my score changed" -----------------------------------------------------------

def test_the_explanation_carries_the_split_the_flag_and_the_events() -> None:
    first = checkin("2026-09-01", own(100), events=("holiday",), **both(totals(35), totals(30)))
    middle = checkin("2026-10-01", own(98), events=("job_change",))
    last = checkin("2026-11-01", own(93), events=("linkedin_change",),
                   **both(totals(32.6), totals(27.8)))
    found = explain_change(last, first, [], checkins=[first, middle, last])
    assert found.market == market_split(first, last)
    assert found.linkedin_wide
    assert [n.on for n in found.events] == [middle.on, last.on]  # not the earlier one's
    assert found.market.linkedin_words in found.summary
    assert found.market.total_words in found.summary
    assert ("You noted: 1 Oct 2026: Job change; 1 Nov 2026: LinkedIn changed something."
            in found.summary)


def test_the_later_checkins_events_count_without_the_list() -> None:
    found = explain_change(checkin("2026-10-01"), checkin("2026-11-01", events=("campaign",)),
                           [])
    assert [n.words for n in found.events] == ["1 Nov 2026: Campaign or push"]
    assert not found.market.known and not found.linkedin_wide
    assert "market" not in found.summary


def test_a_total_split_reads_as_one_sentence() -> None:
    old, new = pair(EVEN, (10, 10, 10, 9), both(peers(*EVEN), peers(*EVEN)),
                    both(peers(10, 10, 10, 9.6), peers(10, 10, 10, 9.2)))
    found = explain_change(old, new, [])
    assert ("Of your SSI's −1, the market's moves explain −0.6 and yours −0.4."
            in found.summary)
    assert found.market.lines[3] == found.market.pillars[3].words


def test_dates_without_a_group_on_one_side() -> None:
    found = market_split(checkin("2026-10-01", EVEN, network_peers=peers(*EVEN)),
                         checkin("2026-11-01", EVEN, industry_peers=peers(*EVEN)))
    assert not found.known
    assert found.before == dt.date(2026, 10, 1)
