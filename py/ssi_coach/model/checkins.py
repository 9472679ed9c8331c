"""Check-in records: the four pillars, one reading of the member's SSI, someone else's kept
report, and the weakest pillar of a set of scores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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


@dataclass(frozen=True)
class CheckIn:
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

    @property
    def total(self) -> float:
        # Rounded to the pillars' own precision so 12.1 + 6.2 is 18.3, not 18.299999999999997.
        return round(sum(self.pillar_scores()), 3)

    def pillar_scores(self) -> tuple[float, ...]:
        return tuple(getattr(self, key) for key in PILLAR_KEYS)

    def score_of(self, pillar: Pillar) -> float:
        return float(getattr(self, pillar.key))


def display_total(total: float) -> int:
    """The total as LinkedIn shows it: rounded half up to a whole number (19.5 -> 20)."""
    return int(Decimal(repr(total)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def require_date_order(checkins: tuple[CheckIn, ...]) -> None:
    dates = [c.on for c in checkins]
    if dates != sorted(set(dates)):
        raise ValueError("check-ins must be in date order with one per date")


@dataclass(frozen=True)
class Person:
    """Someone else's check-ins, kept from a report they shared (read-only to the member)."""

    name: str
    checkins: tuple[CheckIn, ...]
    saved_on: dt.date

    def __post_init__(self) -> None:
        require_date_order(self.checkins)




def weakest_pillars(score_of: Callable[[Pillar], float]) -> tuple[Pillar, ...]:
    """The pillars with the lowest score, the most room to grow, in PILLARS order: ties all
    count, and the first of them is the one to name when only one is wanted."""
    lowest = min(score_of(pillar) for pillar in PILLARS)
    return tuple(pillar for pillar in PILLARS if score_of(pillar) == lowest)
