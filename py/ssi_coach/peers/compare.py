"""The member's pillars beside their industry's and network's averages on one check-in, and
the gaps to them over all check-ins.

A gap is own minus peers, in points of the pillar's 0-25: positive is above the peers. The
absolutely weakest pillar (lowest score, `model.weakest_pillars`) and the weakest relative
to peers (furthest below the mean of the known groups' averages) often differ: a pillar
everyone scores low on can be the lowest and still be ahead of the peers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import PEER_GROUPS, PILLARS, CheckIn, PeerGroup, Pillar, weakest_pillars
from ..text import long_date, score

WEAKEST_MEANS = "Weakest: lowest score of the four."
WEAKEST_RELATIVE_MEANS = ("Weakest relative to peers: furthest below the average of your "
                          "industry and network.")
STRONGEST_RELATIVE_MEANS = ("Strongest relative to peers: furthest above the average of your "
                            "industry and network.")
# Scores and averages have up to 3 decimals; the mean of two has up to 4, so gaps to it are
# kept to 4: exact, and two pillars equally far from their peers stay a tie.
MEAN_GAP_PLACES = 4


@dataclass(frozen=True)
class PillarPeers:
    """One pillar on one check-in: the member's score and each group's average of it."""

    pillar: Pillar
    own: float
    industry: float | None  # None: this group's averages were not recorded on the check-in
    network: float | None

    def average(self, group: PeerGroup) -> float | None:
        peers: float | None = getattr(self, group.key)
        return peers

    def gap(self, group: PeerGroup) -> float | None:
        """Own minus the group's average; None when the group is unknown."""
        peers = self.average(group)
        return None if peers is None else round(self.own - peers, 3)

    @property
    def industry_gap(self) -> float | None:
        return self.gap(PEER_GROUPS[0])

    @property
    def network_gap(self) -> float | None:
        return self.gap(PEER_GROUPS[1])

    @property
    def peer_mean(self) -> float | None:
        """The mean of the known groups' averages."""
        known = [v for v in (self.industry, self.network) if v is not None]
        return sum(known) / len(known) if known else None

    @property
    def mean_gap(self) -> float | None:
        """Own minus `peer_mean`: what "relative to peers" measures."""
        mean = self.peer_mean
        return None if mean is None else round(self.own - mean, MEAN_GAP_PLACES)


@dataclass(frozen=True)
class PeerComparison:
    """A check-in with peers, pillar by pillar (in PILLARS order)."""

    on: dt.date
    pillars: tuple[PillarPeers, ...]
    groups: tuple[PeerGroup, ...]  # the groups recorded on the check-in, PEER_GROUPS order

    def of(self, pillar: Pillar) -> PillarPeers:
        return next(p for p in self.pillars if p.pillar == pillar)

    @property
    def weakest(self) -> tuple[Pillar, ...]:
        """The lowest score of the four (ties all count, as in `model.weakest_pillars`)."""
        return weakest_pillars(lambda p: self.of(p).own)

    @property
    def weakest_relative(self) -> tuple[Pillar, ...]:
        """Furthest below (or least above) the peers' mean average; ties all count."""
        return weakest_pillars(lambda p: self.of(p).mean_gap or 0.0)

    @property
    def strongest_relative(self) -> tuple[Pillar, ...]:
        """Furthest above (or least below) the peers' mean average; ties all count."""
        return weakest_pillars(lambda p: -(self.of(p).mean_gap or 0.0))

    @property
    def summary(self) -> str:
        return comparison_summary(self)


def compare_with_peers(checkin: CheckIn) -> PeerComparison | None:
    """The check-in against its peers; None when it carries no group's averages."""
    groups = tuple(g for g in PEER_GROUPS if checkin.peers(g) is not None)
    if not groups:
        return None
    industry, network = (checkin.peers(g) for g in PEER_GROUPS)
    pillars = tuple(
        PillarPeers(p, checkin.score_of(p),
                    None if industry is None else industry.score_of(p),
                    None if network is None else network.score_of(p))
        for p in PILLARS)
    return PeerComparison(checkin.on, pillars, groups)


def has_peers(checkin: CheckIn) -> bool:
    return any(checkin.peers(g) is not None for g in PEER_GROUPS)


def latest_with_peers(checkins: Sequence[CheckIn]) -> PeerComparison | None:
    """The latest check-in (of check-ins in date order) that has peers, compared; or None."""
    found = next((c for c in reversed(checkins) if has_peers(c)), None)
    return None if found is None else compare_with_peers(found)


# ---- the gaps over time -----------------------------------------------------------------------

@dataclass(frozen=True)
class PillarGaps:
    pillar: Pillar
    gaps: tuple[float | None, ...]  # mean_gap on each check-in; None where it had no peers


@dataclass(frozen=True)
class GapTrend:
    dates: tuple[dt.date, ...]  # every check-in given, in order
    pillars: tuple[PillarGaps, ...]  # in PILLARS order

    @property
    def known(self) -> int:
        """How many check-ins carry peers."""
        return sum(1 for i in range(len(self.dates)) if self.pillars[0].gaps[i] is not None)


def gap_trend(checkins: Sequence[CheckIn]) -> GapTrend:
    """Per pillar, the gap to the peers' mean average on each check-in (None without peers)."""
    compared = [compare_with_peers(c) for c in checkins]
    return GapTrend(
        dates=tuple(c.on for c in checkins),
        pillars=tuple(PillarGaps(p, tuple(None if found is None else found.of(p).mean_gap
                                          for found in compared))
                      for p in PILLARS))


# ---- words ------------------------------------------------------------------------------------

def peers_phrase(groups: Sequence[PeerGroup]) -> str:
    """Whose average a relative gap is measured against, in words."""
    if len(groups) == 1:
        return f"your {groups[0].key}'s average"
    return "the average of your industry and network"


def gap_words(gap: float) -> str:
    """'1.53 above', '0.735 below', 'level with' (to the pillars' own 3 decimals)."""
    shown = round(abs(gap), 3)
    if shown == 0:
        return "level with"
    return f"{score(shown)} {'above' if gap > 0 else 'below'}"


def comparison_summary(found: PeerComparison) -> str:
    """One or two sentences: the weakest pillar, and the weakest and strongest relative to
    peers, each with its gap."""
    against = peers_phrase(found.groups)
    weakest, below, above = (found.weakest[0], found.weakest_relative[0],
                             found.strongest_relative[0])
    head = f"On {long_date(found.on)},"
    if weakest == below:
        return (f"{head} {weakest.label} is your weakest pillar, both in score and relative "
                f"to your peers: {_gap(found, weakest)} {against}.")
    return (f"{head} your weakest pillar, {weakest.label}, is {_gap(found, weakest)} "
            f"{against}. Relative to your peers, your weakest is {below.label} "
            f"({_gap(found, below)}) and your strongest {above.label} "
            f"({_gap(found, above)}).")


def _gap(found: PeerComparison, pillar: Pillar) -> str:
    return gap_words(found.of(pillar).mean_gap or 0.0)


def averages_line(pillar: PillarPeers, on: dt.date) -> str:
    """The peers' averages of one pillar, for an estimate's "why this number"; '' if none."""
    parts = [f"{score(v)} in your {g.key}" for g in PEER_GROUPS
             if (v := pillar.average(g)) is not None]
    if not parts:
        return ""
    return (f"On your check-in of {long_date(on)}, {pillar.pillar.label} was "
            f"{score(pillar.own)}; the average was {' and '.join(parts)}.")
