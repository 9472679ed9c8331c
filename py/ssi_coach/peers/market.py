"""Did the member move, or did the market? Each pillar's change between two check-ins, split.

The market part is the mean change of the peer groups' averages known on both dates, counted
only when it went the same way as the member's own change and capped at it: a market that
rose 2 while the member rose 1 explains the whole point, not two. "You" is the rest, so the
two parts always add up to the member's own change.

A change LinkedIn makes to its formula moves everyone at once (a ~7% drop for many members
on 10 Feb 2017, docs/domain.md): when the member's total and both groups' totals fall
together by a similar share, it is flagged as likely LinkedIn-wide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import PEER_GROUPS, PILLARS, CheckIn, PeerAverages, PeerGroup, Pillar
from ..text import change, long_date

# A LinkedIn-wide change: the member's total and each group's total fell by at least this
# share...
LINKEDIN_WIDE_MIN_DROP = 0.03
# ...and the largest of the three drops is at most this many times the smallest.
LINKEDIN_WIDE_MAX_RATIO = 1.5
SHARE_PLACES = 6  # shares compared at this precision, so 3% of 100 is exactly 3%


@dataclass(frozen=True)
class PillarSplit:
    """One pillar's change from one check-in to the next, split into market and member."""

    pillar: Pillar
    own: float  # the member's change, points
    peers: float | None  # the mean change of the known groups' averages; None: not known
    market: float | None  # the part of `own` the market explains (same sign, never larger)
    you: float | None  # own - market

    @property
    def words(self) -> str:
        return split_words(self)


@dataclass(frozen=True)
class MarketSplit:
    before: dt.date
    after: dt.date
    groups: tuple[PeerGroup, ...]  # the groups recorded on both check-ins
    pillars: tuple[PillarSplit, ...]  # in PILLARS order
    own_total: float
    market_total: float | None
    you_total: float | None
    drops: tuple[float, ...] | None  # (own, industry, network) share the totals fell by
    linkedin_wide: bool

    @property
    def known(self) -> bool:
        return bool(self.groups)

    @property
    def linkedin_words(self) -> str:
        """A sentence when the change looks LinkedIn-wide; '' otherwise."""
        if not self.linkedin_wide or self.drops is None:
            return ""
        own, industry, network = (f"{share:.0%}" for share in self.drops)
        return (f"Your SSI fell {own}, your industry's average {industry} and your "
                f"network's {network}: a drop this similar for everyone is likely a change "
                "LinkedIn made, not something you did.")

    @property
    def total_words(self) -> str:
        """The total's split in one sentence; '' when unknown or nothing moved."""
        if self.market_total is None or self.you_total is None or self.own_total == 0:
            return ""
        return (f"Of your SSI's {change(self.own_total, 3)}, the market's moves explain "
                f"{change(self.market_total, 3)} and yours {change(self.you_total, 3)}.")

    @property
    def lines(self) -> tuple[str, ...]:
        """What the UI shows as is: one line per pillar, or why there is none."""
        if not self.known:
            return ("Not enough information to tell your moves from the market's: your "
                    "industry's or network's pillar averages were not recorded on both "
                    f"{long_date(self.before)} and {long_date(self.after)}.",)
        return tuple(p.words for p in self.pillars)


def market_split(before: CheckIn, after: CheckIn) -> MarketSplit:
    """The split from `before` to `after` (given in either order)."""
    if after.on < before.on:
        before, after = after, before
    known = _known(before, after)
    groups = tuple(group for group, _, _ in known)
    pillars = tuple(_pillar_split(p, before, after, known) for p in PILLARS)
    own_total = round(after.total - before.total, 3)
    market = None if not groups else round(sum(p.market or 0.0 for p in pillars), 3)
    you = None if market is None else round(own_total - market, 3)
    drops = _drops(before, after, known)
    return MarketSplit(before.on, after.on, groups, pillars, own_total, market, you, drops,
                       drops is not None and linkedin_wide(*drops))


def split(own: float, peers: float) -> tuple[float, float]:
    """(market, you) for an own change and the peers' mean change: see the module docstring."""
    if own * peers <= 0:
        return 0.0, own  # the market stood still or went the other way: it explains nothing
    market = min(abs(peers), abs(own)) * (1 if own > 0 else -1)
    return market, own - market


Known = tuple[tuple[PeerGroup, PeerAverages, PeerAverages], ...]


def _known(before: CheckIn, after: CheckIn) -> Known:
    """(group, its averages before, after) for each group recorded on both check-ins."""
    return tuple((g, old, new) for g in PEER_GROUPS
                 if (old := before.peers(g)) is not None and (new := after.peers(g)) is not None)


def _pillar_split(pillar: Pillar, before: CheckIn, after: CheckIn, known: Known) -> PillarSplit:
    own = round(after.score_of(pillar) - before.score_of(pillar), 3)
    if not known:
        return PillarSplit(pillar, own, None, None, None)
    moves = [new.score_of(pillar) - old.score_of(pillar) for _, old, new in known]
    peers = round(sum(moves) / len(moves), 4)
    market, you = split(own, peers)
    return PillarSplit(pillar, own, peers, round(market, 4), round(you, 4))


# ---- a LinkedIn-wide change ---------------------------------------------------------------

def drop_share(before: float, after: float) -> float | None:
    """The share a total fell by (negative when it rose); None from a total of 0."""
    if before <= 0:
        return None
    return round((before - after) / before, SHARE_PLACES)


def linkedin_wide(*drops: float) -> bool:
    """All fell by at least LINKEDIN_WIDE_MIN_DROP, within LINKEDIN_WIDE_MAX_RATIO of each
    other."""
    if not drops or min(drops) < LINKEDIN_WIDE_MIN_DROP:
        return False
    return round(max(drops) / min(drops), SHARE_PLACES) <= LINKEDIN_WIDE_MAX_RATIO


def _drops(before: CheckIn, after: CheckIn, known: Known) -> tuple[float, ...] | None:
    """(own, industry, network) drop shares; None unless all three are known."""
    if len(known) < len(PEER_GROUPS):
        return None
    pairs = [(before.total, after.total), *((old.total, new.total) for _, old, new in known)]
    shares = [drop_share(old_total, new_total) for old_total, new_total in pairs]
    if any(s is None for s in shares):
        return None
    return tuple(s for s in shares if s is not None)


# ---- words ----------------------------------------------------------------------------------

def split_words(found: PillarSplit) -> str:
    """'Build relationships −1.2: the market −0.8, you −0.4.' and the like."""
    head = f"{found.pillar.label} {change(found.own, 3)}"
    if found.market is None or found.you is None or found.peers is None:
        return f"{head}: your peers' averages were not recorded on both dates."
    if found.own == 0:
        return f"{head}; your peers' averages moved {change(found.peers, 3)} on average."
    if found.peers == 0:
        return f"{head}: all yours (your peers' averages did not move)."
    if found.market == 0:
        return (f"{head}: all yours (your peers' averages moved the other way, "
                f"{change(found.peers, 3)}).")
    if found.you == 0:
        return (f"{head}: the market moved the same way (your peers' averages "
                f"{change(found.peers, 3)}), so none of it is clearly yours.")
    return (f"{head}: the market {change(found.market, 3)} (your peers' averages moved "
            f"{change(found.peers, 3)}), you {change(found.you, 3)}.")
