"""Check-in records: the four pillars, one reading of the member's SSI (with the pillar
averages of their industry and network peers, and the events around it), someone else's kept
report, and the weakest pillar of a set of scores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from .activity import WeekLog

if TYPE_CHECKING:  # team.py builds on this module's pillar constants
    from .team import Target

PILLAR_MAX = 25
TOTAL_MAX = 100


@dataclass(frozen=True)
class Pillar:
    """One of the four components of SSI, in LinkedIn's page order."""

    key: str  # attribute name on CheckIn
    label: str  # exactly as on linkedin.com/sales/ssi
    short: str  # for tight spaces: chart legends, table headers
    api_key: str  # the pillar id in the page's JSON


PILLARS: tuple[Pillar, ...] = (
    Pillar("brand", "Establish your professional brand", "Brand", "PROFESSIONAL_BRAND"),
    Pillar("people", "Find the right people", "People", "FIND_RIGHT_PEOPLE"),
    Pillar("insights", "Engage with insights", "Insights", "INSIGHT_ENGAGEMENT"),
    Pillar("relationships", "Build relationships", "Relationships", "STRONG_RELATIONSHIP"),
)
PILLAR_KEYS = tuple(p.key for p in PILLARS)


class FourPillars:
    """What a set of four pillar scores (`brand`, `people`, `insights`, `relationships`
    attributes) answers: each score, in PILLARS order, and their total."""

    __slots__ = ()

    @property
    def total(self) -> float:
        # Rounded to the pillars' own precision so 12.1 + 6.2 is 18.3, not 18.299999999999997.
        return round(sum(self.pillar_scores()), 3)

    def pillar_scores(self) -> tuple[float, ...]:
        return tuple(getattr(self, key) for key in PILLAR_KEYS)

    def score_of(self, pillar: Pillar) -> float:
        return float(getattr(self, pillar.key))


@dataclass(frozen=True)
class PeerAverages(FourPillars):
    """The average of each pillar among one group of peers (the member's industry, or their
    network) as the SSI page shows it beside the member's own: 0-25, up to 3 decimals."""

    brand: float
    people: float
    insights: float
    relationships: float


@dataclass(frozen=True)
class PeerGroup:
    """A group of peers the SSI page compares the member with."""

    key: str  # "industry" or "network": CheckIn's `<key>_peers` and `<key>_status`
    label: str  # for headings and table columns
    heading: str  # exactly as on the page

    def field_name(self, pillar: Pillar) -> str:
        """The check-in form's field for this group's average of `pillar`."""
        return f"{self.key}_peers_{pillar.key}"


PEER_GROUPS: tuple[PeerGroup, ...] = (
    PeerGroup("industry", "Industry", "People in your industry"),
    PeerGroup("network", "Network", "People in your network"),
)


@dataclass(frozen=True)
class Event:
    """Something that happened around a check-in and may explain a change in the score."""

    key: str  # stored in CheckIn.events
    label: str


EVENTS: tuple[Event, ...] = (
    Event("holiday", "Holiday or time off"),
    Event("job_change", "Job change"),
    Event("linkedin_change", "LinkedIn changed something"),
    Event("campaign", "Campaign or push"),
)
EVENT_KEYS = tuple(e.key for e in EVENTS)


@dataclass(frozen=True)
class CheckIn(FourPillars):
    """The member's SSI as read on one day. Pillars are stored exactly as given."""

    on: dt.date
    brand: float
    people: float
    insights: float
    relationships: float
    industry_rank: int | None = None  # "Top N%": 1 is best
    network_rank: int | None = None
    industry_average: float | None = None  # average SSI of the member's industry
    network_average: float | None = None
    industry: str = ""
    note: str = ""
    industry_peers: PeerAverages | None = None  # the pillars' averages among these peers
    network_peers: PeerAverages | None = None
    industry_status: str = ""  # the page's weekly line, e.g. "No change in the last week"
    network_status: str = ""
    events: tuple[str, ...] = ()  # EVENT_KEYS, in EVENTS order

    def peers(self, group: PeerGroup) -> PeerAverages | None:
        peers: PeerAverages | None = getattr(self, f"{group.key}_peers")
        return peers

    def status(self, group: PeerGroup) -> str:
        return str(getattr(self, f"{group.key}_status"))



def display_total(total: float) -> int:
    """The total as LinkedIn shows it: rounded half up to a whole number (19.5 -> 20)."""
    return int(Decimal(repr(total)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def require_date_order(checkins: tuple[CheckIn, ...]) -> None:
    dates = [c.on for c in checkins]
    if dates != sorted(set(dates)):
        raise ValueError("check-ins must be in date order with one per date")


@dataclass(frozen=True)
class Person:
    """Someone else's check-ins, kept from a report they shared (read-only to the member),
    and what a coach keeps about them: a target, segment tags, and the weekly activity
    totals they chose to share (counts per ISO week, oldest first; see model.team)."""

    name: str
    checkins: tuple[CheckIn, ...]
    saved_on: dt.date
    target: Target | None = None
    tags: tuple[str, ...] = ()
    activity: tuple[WeekLog, ...] = ()

    def __post_init__(self) -> None:
        require_date_order(self.checkins)
        if len(set(t.casefold() for t in self.tags)) != len(self.tags):
            raise ValueError("a tag is given once")
        weeks = [w.week for w in self.activity]
        if weeks != sorted(set(weeks)):
            raise ValueError("shared weeks must be in order, one per week")

    def latest(self) -> CheckIn | None:
        return self.checkins[-1] if self.checkins else None




def weakest_pillars(score_of: Callable[[Pillar], float]) -> tuple[Pillar, ...]:
    """The pillars with the lowest score, the most room to grow, in PILLARS order: ties all
    count, and the first of them is the one to name when only one is wanted."""
    lowest = min(score_of(pillar) for pillar in PILLARS)
    return tuple(pillar for pillar in PILLARS if score_of(pillar) == lowest)
