"""The review cycle as the Team view shows it, from one call: the period picked, the segment
the coach filters to, and for those people the period's statistics and movers, each one's
target status, who is due, and the segments compared.

    read_controls(fields, today) -> Controls | list[FieldError]
    cycle_view(document, controls, today) -> CycleView
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Document, FieldError, Person
from .due import DueRow, due_people
from .periods import Period, PeriodStats, custom, period_stats, periods_for
from .segments import SegmentRow, compare_segments, members, segments
from .targets import TargetStatus, on_track, team_status

CUSTOM = "custom"


def period_key(period: Period) -> str:
    """How the period picker names a period: '2026-10-01_2026-12-31'."""
    return f"{period.start.isoformat()}_{period.end.isoformat()}"


@dataclass(frozen=True)
class Controls:
    """What the coach picked: a period, a tag to filter to ("" everyone), a kind of tag to
    compare segments by ("" none)."""

    period: Period
    segment: str = ""
    compare: str = ""


def default_controls(today: dt.date) -> Controls:
    """This quarter, everyone, no comparison."""
    return Controls(periods_for(today)[2])


def read_controls(fields: Mapping[str, str], today: dt.date) -> Controls | list[FieldError]:
    """The picker's fields: `period` (a period_key, or CUSTOM with `start` and `end`),
    `segment` and `compare`."""
    chosen = fields.get("period", "")
    if chosen == CUSTOM:
        found = custom(fields.get("start", ""), fields.get("end", ""))
        if isinstance(found, list):
            return found
        period = found
    else:
        period = next((p for p in periods_for(today) if period_key(p) == chosen),
                      default_controls(today).period)
    return Controls(period, fields.get("segment", "").strip(),
                    fields.get("compare", "").strip().casefold())


@dataclass(frozen=True)
class CycleView:
    controls: Controls
    choices: tuple[Period, ...]  # the periods the picker offers
    segments: Mapping[str, tuple[str, ...]]  # kind -> values, for the filter and comparison
    people: tuple[Person, ...]  # the ones the segment filter keeps, in the team's order
    stats: PeriodStats
    statuses: Mapping[str, TargetStatus]  # by name, people with a target
    team: TargetStatus | None  # the team's own target
    due: tuple[DueRow, ...]
    comparison: tuple[SegmentRow, ...]  # by controls.compare; () when none picked


def cycle_view(document: Document, controls: Controls, today: dt.date) -> CycleView:
    people = (members(document.people, controls.segment) if controls.segment
              else document.people)
    statuses = {p.name: s for p in people if (s := on_track(p, today)) is not None}
    return CycleView(
        controls=controls,
        choices=periods_for(today),
        segments=segments(document.people),
        people=tuple(people),
        stats=period_stats(people, controls.period),
        statuses=statuses,
        team=team_status(document, today),
        due=due_people(people, today, controls.period),
        comparison=(compare_segments(people, controls.compare, controls.period)
                    if controls.compare else ()),
    )
