"""What the member plans: a weekly plan of activity (the what-if) and a goal for the SSI.

Built by code from forms that already checked them (ssi_coach.activity.whatif), so a bad
value is a bug and raises. Which keys a plan may name is the estimate's business: an unknown
key raises when the plan is projected, and storage refuses it on load.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class WeeklyPlan:
    """Planned weekly rates by signal key; keys left out keep the member's current rate."""

    weekly: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Built by code, not typed: a bad rate is a bug, so it raises (forms return errors
        # instead, see activity.whatif.read_plan_form).
        if any(not (math.isfinite(r) and r >= 0) for r in self.weekly.values()):
            raise ValueError("a planned rate must be a finite number of 0 or more")


@dataclass(frozen=True)
class Goal:
    """The total SSI the member aims for, and the day to reach it by."""

    target: float  # total SSI, 0-100
    by: dt.date
