"""The figures on the dashboard, computed from check-ins and a given `today`.

Standard library only: this runs before pandas and Matplotlib have loaded, so the numbers
can paint first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import PILLAR_MAX, PILLARS, CheckIn, Pillar, display_total, weakest_pillars
from ..peers.compare import compare_with_peers
from .due import DUE_AFTER_DAYS, next_due


@dataclass(frozen=True)
class PillarFigure:
    pillar: Pillar
    score: float
    change: float | None  # since the previous check-in; None for the first
    weakest: bool  # lowest score, i.e. the most room to grow (ties all count)
    peer_gap: float | None = None  # own minus the peers' mean average; None without peers
    weakest_relative: bool = False  # furthest below the peers (ties all count)
    strongest_relative: bool = False  # furthest above the peers

    @property
    def share(self) -> float:
        return self.score / PILLAR_MAX


@dataclass(frozen=True)
class RankFigure:
    label: str  # "Industry" or "Network"
    rank: int  # "Top N%": lower is better
    previous: int | None  # the rank at the last earlier check-in that had one
    previous_on: dt.date | None

    @property
    def improvement(self) -> int | None:
        """Positive when the member moved up (the N in Top N% went down)."""
        return None if self.previous is None else self.previous - self.rank


@dataclass(frozen=True)
class AverageFigure:
    label: str
    average: float
    difference: float  # the member's total minus the average


@dataclass(frozen=True)
class Dashboard:
    latest: CheckIn
    total: float
    total_shown: int  # as LinkedIn rounds it
    total_change: float | None
    previous_on: dt.date | None
    pillars: tuple[PillarFigure, ...]
    ranks: tuple[RankFigure, ...]
    averages: tuple[AverageFigure, ...]
    days_since: int
    due: bool
    checkin_count: int

    @property
    def due_on(self) -> dt.date:
        return next_due(self.latest.on)


def build_dashboard(checkins: Sequence[CheckIn], today: dt.date) -> Dashboard | None:
    """The dashboard for check-ins in date order, or None when there are none yet."""
    if not checkins:
        return None
    latest = checkins[-1]
    previous = checkins[-2] if len(checkins) > 1 else None
    days_since = (today - latest.on).days
    return Dashboard(
        latest=latest,
        total=latest.total,
        total_shown=display_total(latest.total),
        total_change=None if previous is None else round(latest.total - previous.total, 3),
        previous_on=None if previous is None else previous.on,
        pillars=_pillar_figures(latest, previous),
        ranks=_rank_figures(checkins),
        averages=_average_figures(latest),
        days_since=days_since,
        due=days_since >= DUE_AFTER_DAYS,
        checkin_count=len(checkins),
    )


def _pillar_figures(latest: CheckIn, previous: CheckIn | None) -> tuple[PillarFigure, ...]:
    weakest = weakest_pillars(latest.score_of)
    peers = compare_with_peers(latest)
    return tuple(
        PillarFigure(
            pillar=pillar,
            score=latest.score_of(pillar),
            change=None if previous is None
            else round(latest.score_of(pillar) - previous.score_of(pillar), 3),
            weakest=pillar in weakest,
            peer_gap=None if peers is None else peers.of(pillar).mean_gap,
            weakest_relative=peers is not None and pillar in peers.weakest_relative,
            strongest_relative=peers is not None and pillar in peers.strongest_relative,
        )
        for pillar in PILLARS
    )


def _rank_figures(checkins: Sequence[CheckIn]) -> tuple[RankFigure, ...]:
    figures = []
    for label, attribute in (("Industry", "industry_rank"), ("Network", "network_rank")):
        rank = getattr(checkins[-1], attribute)
        if rank is None:
            continue
        earlier = next((c for c in reversed(checkins[:-1]) if getattr(c, attribute) is not None),
                       None)
        figures.append(RankFigure(
            label=label, rank=rank,
            previous=None if earlier is None else getattr(earlier, attribute),
            previous_on=None if earlier is None else earlier.on,
        ))
    return tuple(figures)


def _average_figures(latest: CheckIn) -> tuple[AverageFigure, ...]:
    pairs = (("Industry", latest.industry_average), ("Network", latest.network_average))
    return tuple(
        AverageFigure(label, average, round(latest.total - average, 3))
        for label, average in pairs
        if average is not None
    )
