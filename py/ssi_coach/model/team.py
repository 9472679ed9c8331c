"""Team records: what a coach keeps about each team member beyond their check-ins (a target,
segment tags, the weekly activity totals they chose to share) and the team's own target.

A target is an SSI total to reach by a date, or per-pillar scores by a date (or both). Tags
are short labels the coach gives people ("EMEA", "Executives", "Team North"), optionally as
"kind: value" ("region: EMEA") so segments of one kind can be compared. Shared activity is
counts per ISO week only, never message content or names. The Person record itself is in
`checkins.py`; reading the team's numbers is in `ssi_coach.team`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .checkins import PILLAR_KEYS, PILLAR_MAX, TOTAL_MAX

MAX_TAGS = 12  # per person
MAX_TAG = 40  # characters of one tag


@dataclass(frozen=True)
class Target:
    """Reach `total` (0-100) and/or each pillar in `pillars` (0-25) by `by`."""

    by: dt.date
    total: float | None = None
    pillars: Mapping[str, float] = field(default_factory=dict)
    set_on: dt.date | None = None

    def __post_init__(self) -> None:
        if self.total is None and not self.pillars:
            raise ValueError("a target needs a total or a pillar score")
        if self.total is not None and not 0 <= self.total <= TOTAL_MAX:
            raise ValueError("a total target is 0-100")
        for key, value in self.pillars.items():
            if key not in PILLAR_KEYS or not 0 <= value <= PILLAR_MAX:
                raise ValueError("a pillar target is one of the four pillars, 0-25")


def tag_kind(tag: str) -> str:
    """'region: EMEA' -> 'region'; a tag without a kind -> ''."""
    kind, sep, _ = tag.partition(":")
    return kind.strip().casefold() if sep else ""


def tidy_tag(tag: str) -> str:
    """One spelling per tag: spaces squeezed, 'Region :EMEA' -> 'Region: EMEA'."""
    kind, sep, value = tag.partition(":")
    if sep:
        return f"{' '.join(kind.split())}: {' '.join(value.split())}"
    return " ".join(tag.split())
