"""Targets: whether a team member, or the whole team, is on track to reach the SSI set.

    on_track(person, today) -> TargetStatus | None
    team_status(document, today) -> TargetStatus | None
    set_target(document, name, target | None) -> Document | FieldError
    set_everyone(document, target) -> Document
    set_team_target(document, target | None) -> Document
    read_target_form(fields, today) -> Target | list[FieldError]

A person's trend is the least-squares line through their check-ins of the last TREND_DAYS
days (at least two of them); with fewer, their latest value is carried flat. The line is read
on the target's date to give the projection. Each targeted figure (the total, each targeted
pillar) is then "reached" (the latest value is at the target already), "on track" (the
projection gets there), "behind by N" (N = target - projection, to 0.1; a gap that rounds to
0.0 counts as on track) or "no data" (no check-in yet). A date already past projects nothing
further: the latest value stands. The whole target reads as its weakest figure. The team's
target is read the same way against the team's average: the average of the latest values and
the average of each person's own projection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from statistics import fmean

from ..checkins.validation import parse_date, parse_number
from ..errors import InvalidText
from ..model import (
    PILLAR_KEYS,
    PILLAR_MAX,
    PILLARS,
    TOTAL_MAX,
    CheckIn,
    Document,
    FieldError,
    Person,
    Target,
)
from .table import find_person

TREND_DAYS = 180
REACHED = "reached"
ON_TRACK = "on track"
BEHIND = "behind"
NO_DATA = "no data"
# The weakest first: the whole target reads as its weakest figure.
_ORDER = (NO_DATA, BEHIND, ON_TRACK, REACHED)
TOTAL = "total"
FORM_FIELDS = (TOTAL, *PILLAR_KEYS, "by")


@dataclass(frozen=True)
class Progress:
    """One targeted figure: the total (key "total") or a pillar (its PILLAR_KEYS key)."""

    key: str
    goal: float
    latest: float | None  # None: no check-in yet
    projected: float | None  # on the target's date
    status: str  # REACHED, ON_TRACK, BEHIND or NO_DATA
    behind_by: float | None = None  # to 0.1, when BEHIND

    @property
    def text(self) -> str:
        return f"behind by {self.behind_by:.1f}" if self.status == BEHIND else self.status


@dataclass(frozen=True)
class TargetStatus:
    """A target and how each of its figures stands; `status` is the weakest of them."""

    target: Target
    total: Progress | None  # None when the target has no total
    pillars: tuple[Progress, ...]  # the targeted pillars, in PILLARS order

    @property
    def parts(self) -> tuple[Progress, ...]:
        return (*((self.total,) if self.total else ()), *self.pillars)

    @property
    def status(self) -> str:
        return min((p.status for p in self.parts), key=_ORDER.index)

    @property
    def behind_by(self) -> float | None:
        """The largest gap among the figures behind; None when none is."""
        gaps = [p.behind_by for p in self.parts if p.behind_by is not None]
        return max(gaps) if gaps else None

    @property
    def text(self) -> str:
        return f"behind by {self.behind_by:.1f}" if self.status == BEHIND else self.status


# ---- reading a trend --------------------------------------------------------------------

def _value(checkin: CheckIn, key: str) -> float:
    return checkin.total if key == TOTAL else float(getattr(checkin, key))


def _known(person: Person, today: dt.date) -> tuple[CheckIn, ...]:
    return tuple(c for c in person.checkins if c.on <= today)


def project(checkins: Sequence[CheckIn], key: str, by: dt.date, today: dt.date) -> float | None:
    """`key`'s value on `by` from the least-squares line through the check-ins of the last
    TREND_DAYS days before `today` (at least two), else the latest value; kept within the
    figure's range. None without a check-in."""
    if not checkins:
        return None
    latest = _value(checkins[-1], key)
    recent = [c for c in checkins if (today - c.on).days <= TREND_DAYS]
    if len(recent) < 2 or by <= today:
        return latest
    xs = [float(c.on.toordinal()) for c in recent]
    ys = [_value(c, key) for c in recent]
    mean_x, mean_y = fmean(xs), fmean(ys)
    slope = (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
             / sum((x - mean_x) ** 2 for x in xs))
    value = mean_y + slope * (by.toordinal() - mean_x)
    return min(max(value, 0.0), float(TOTAL_MAX if key == TOTAL else PILLAR_MAX))


def _progress(key: str, goal: float, latest: float | None,
              projected: float | None) -> Progress:
    if latest is None or projected is None:
        return Progress(key, goal, None, None, NO_DATA)
    if latest >= goal:
        return Progress(key, goal, latest, projected, REACHED)
    gap = round(goal - projected, 1)
    if gap <= 0:
        return Progress(key, goal, latest, projected, ON_TRACK)
    return Progress(key, goal, latest, projected, BEHIND, gap)


def _status(target: Target, latest: Mapping[str, float | None],
            projected: Mapping[str, float | None]) -> TargetStatus:
    total = (None if target.total is None
             else _progress(TOTAL, target.total, latest[TOTAL], projected[TOTAL]))
    pillars = tuple(_progress(p.key, target.pillars[p.key], latest[p.key], projected[p.key])
                    for p in PILLARS if p.key in target.pillars)
    return TargetStatus(target, total, pillars)


def on_track(person: Person, today: dt.date) -> TargetStatus | None:
    """How `person` stands against their target; None when they have none."""
    if person.target is None:
        return None
    known = _known(person, today)
    keys = (TOTAL, *PILLAR_KEYS)
    latest = {k: _value(known[-1], k) if known else None for k in keys}
    projected = {k: project(known, k, person.target.by, today) for k in keys}
    return _status(person.target, latest, projected)


def team_status(document: Document, today: dt.date) -> TargetStatus | None:
    """How the team stands against `document.team_target`, on the average of the latest
    values of everyone with a check-in and the average of their own projections; None when
    the team has no target."""
    target = document.team_target
    if target is None:
        return None
    known = [k for p in document.people if (k := _known(p, today))]
    keys = (TOTAL, *PILLAR_KEYS)
    latest = {k: _mean([_value(c[-1], k) for c in known]) for k in keys}
    projected = {k: _mean([project(c, k, target.by, today) for c in known]) for k in keys}
    return _status(target, latest, projected)


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


# ---- setting targets ------------------------------------------------------------------------

def set_target(document: Document, name: str, target: Target | None) -> Document | FieldError:
    """The document with `name`'s target (found ignoring case) set, or cleared with None."""
    index = find_person(document.people, name)
    if index is None:
        return FieldError("person", f"There is no “{' '.join(name.split())}” in the team.")
    person = replace(document.people[index], target=target)
    return replace(document, people=(*document.people[:index], person,
                                     *document.people[index + 1:]))


def set_everyone(document: Document, target: Target) -> Document:
    """The document with every team member's target set to `target` (the bulk "everyone to
    70 by 30 June"), replacing the targets they had."""
    return replace(document, people=tuple(replace(p, target=target) for p in document.people))


def set_team_target(document: Document, target: Target | None) -> Document:
    """The document with the team's own target set, or cleared with None."""
    return replace(document, team_target=target)


# ---- the form -------------------------------------------------------------------------------

def read_target_form(fields: Mapping[str, str], today: dt.date) -> Target | list[FieldError]:
    """A target from the form's fields: "total" (0-100), optional pillar fields named as
    PILLAR_KEYS (0-25 each), and "by" (YYYY-MM-DD, after today). Decimals with a point or a
    comma. At least a total or one pillar is needed. Set on `today`."""
    errors: list[FieldError] = []
    total = _read_score(fields, TOTAL, TOTAL_MAX, errors)
    pillars = {p.key: value for p in PILLARS
               if (value := _read_score(fields, p.key, PILLAR_MAX, errors)) is not None}
    by = _read_date(fields.get("by") or "", today, errors)
    if total is None and not pillars and not any(e.field in (TOTAL, *PILLAR_KEYS)
                                                 for e in errors):
        errors.insert(0, FieldError(TOTAL, f"Enter the SSI to reach (0 to {TOTAL_MAX}), or a "
                                           f"score for one or more pillars (0 to {PILLAR_MAX})."))
    if errors or by is None:
        return errors
    return Target(by, total, pillars, set_on=today)


def _read_score(fields: Mapping[str, str], key: str, top: int,
                errors: list[FieldError]) -> float | None:
    text = (fields.get(key) or "").strip()
    if not text:
        return None
    name = "The total" if key == TOTAL else next(p.label for p in PILLARS if p.key == key)
    try:
        value = parse_number(text)
    except InvalidText as invalid:
        errors.append(FieldError(key, str(invalid)))
        return None
    if not 0 <= value <= top:
        errors.append(FieldError(key, f"{name} runs from 0 to {top}; this is {value:g}."))
        return None
    return value


def _read_date(text: str, today: dt.date, errors: list[FieldError]) -> dt.date | None:
    example = (today + dt.timedelta(weeks=13)).isoformat()
    if not text.strip():
        errors.append(FieldError("by", f"Enter the date to reach it by, e.g. {example}."))
        return None
    try:
        by = parse_date(text)
    except InvalidText:
        errors.append(FieldError("by", f"Enter the date as YYYY-MM-DD, e.g. {example}."))
        return None
    if by <= today:
        errors.append(FieldError("by", f"Pick a date after today ({today.isoformat()})."))
        return None
    return by
