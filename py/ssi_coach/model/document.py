"""Records: what a check-in is and the document that holds them all.

Everything here is a frozen dataclass; changing a document returns a new one, so a failed
save can never leave half-changed state behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # these modules build on this one; the document only holds their records
    from .activity import Checklist, WeekLog
    from .importers.linkedin.types import NetworkSummary
    from .plan import Goal, Plan

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


def _require_date_order(checkins: tuple[CheckIn, ...]) -> None:
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
        _require_date_order(self.checkins)


@dataclass(frozen=True)
class Document:
    """Everything the app stores: the member's own check-ins (oldest first, one per date)
    and other people's shared reports the member chose to keep."""

    checkins: tuple[CheckIn, ...] = field(default=())
    people: tuple[Person, ...] = field(default=())
    weeks: tuple[WeekLog, ...] = field(default=())  # activity typed by hand, oldest first
    checklist: Checklist | None = None
    plan: Plan | None = None
    goal: Goal | None = None
    # Weekly counts read from LinkedIn exports, oldest first; kept apart from `weeks` so an
    # import never overwrites what the member typed, and a new import can replace its own.
    imported: tuple[WeekLog, ...] = field(default=())
    # Monday -> "typed" or "imported": which source wins in a week both logged. Absent means
    # typed: the member typed it deliberately.
    week_sources: Mapping[dt.date, str] = field(default_factory=dict)
    network: NetworkSummary | None = None  # from the last import
    imported_on: dt.date | None = None  # the last import's export ends on this day

    def __post_init__(self) -> None:
        _require_date_order(self.checkins)
        for logs in (self.weeks, self.imported):
            mondays = [w.week for w in logs]
            if mondays != sorted(set(mondays)):
                raise ValueError("weeks must be in order with one log per week")
        if any(day.weekday() != 0 or source not in ("typed", "imported")
               for day, source in self.week_sources.items()):
            raise ValueError("a week's source is a Monday mapped to typed or imported")

    def activity_weeks(self) -> tuple[WeekLog, ...]:
        """The activity the estimate, explanations and outcomes read: one log per week,
        typed and imported merged as `week_sources` says (see activity.effective_weeks)."""
        from .activity import effective_weeks  # activity builds on this module

        return effective_weeks(self.weeks, self.imported, self.week_sources)

    def with_week(self, log: WeekLog) -> Document:
        """A document with `log` added, or standing in for the same week's earlier log."""
        others = [w for w in self.weeks if w.week != log.week]
        return replace(self, weeks=tuple(sorted([*others, log], key=lambda w: w.week)))

    def with_person(self, person: Person) -> Document:
        """Keep `person`, replacing an earlier copy under the same name."""
        others = tuple(p for p in self.people if p.name != person.name)
        return replace(self, people=(*others, person))

    def find(self, on: dt.date) -> CheckIn | None:
        return next((c for c in self.checkins if c.on == on), None)

    def put(self, checkin: CheckIn, replacing: dt.date | None = None) -> Document:
        """A document with `checkin` added, or standing in for the one dated `replacing`."""
        kept = [c for c in self.checkins if c.on != replacing]
        if any(c.on == checkin.on for c in kept):
            raise ValueError(f"there is already a check-in on {checkin.on}")
        return replace(self, checkins=tuple(sorted([*kept, checkin], key=lambda c: c.on)))

    def without(self, on: dt.date) -> Document:
        return replace(self, checkins=tuple(c for c in self.checkins if c.on != on))
