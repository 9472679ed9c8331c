"""Calibration records: a pillar's fitted line, the four of them, and the fit the document holds.

Fitting is `ssi_coach.activity.calibration`'s business; these are what it makes and what the
document keeps. The document holds the fit the Coach shows (`HeldFit`) together with the
check-ins it was fitted on, so that it is refitted when those check-ins change and never
because activity changed: a held line maps more activity to a higher or equal score, while a
refit may not (see the activity module).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .checkins import PILLAR_MAX, CheckIn


def fitted_score(intercept: float, slope: float, raw: float) -> float:
    """A line's pillar score for a raw estimate, kept within 0-25."""
    return min(max(intercept + slope * raw, 0.0), float(PILLAR_MAX))


@dataclass(frozen=True)
class PillarFit:
    pillar_key: str
    intercept: float
    slope: float  # actual ≈ intercept + slope * raw; never negative
    mae_before: float  # leave-one-out mean absolute error of the raw estimate
    mae_after: float  # leave-one-out mean absolute error of the calibrated estimate

    def __post_init__(self) -> None:
        if not all(math.isfinite(v) for v in (self.intercept, self.slope, self.mae_before,
                                                self.mae_after)):
            raise ValueError("a calibration's numbers must be finite")
        # A negative slope would make more activity lower the calibrated score.
        if self.slope < 0:
            raise ValueError("a calibration slope cannot be negative")

    @property
    def used(self) -> bool:
        """Whether the fit beats the raw estimate on check-ins it did not see; if not, the
        standard model stands for this pillar."""
        return self.mae_after < self.mae_before


@dataclass(frozen=True)
class Calibration:
    fits: Mapping[str, PillarFit]  # by pillar key
    based_on: int  # check-ins used

    def uses(self, pillar_key: str) -> bool:
        """Whether this pillar's shown estimate is calibrated (see PillarFit.used)."""
        fit = self.fits.get(pillar_key)
        return fit is not None and fit.used

    def apply(self, pillar_key: str, raw: float) -> float:
        """The pillar score to show: the fitted line's, kept within 0-25, where the fit is
        used; the raw estimate where it is not."""
        if not self.uses(pillar_key):
            return raw
        fit = self.fits[pillar_key]
        return fitted_score(fit.intercept, fit.slope, raw)


# What a fit depends on in the check-ins: each one's date and pillar scores, oldest first.
# A note or a rank changing is no new evidence, so it does not ask for a refit.
FittedOn = tuple[tuple[dt.date, tuple[float, ...]], ...]


def fitted_on(checkins: Sequence[CheckIn]) -> FittedOn:
    """The check-ins as a fit sees them: dates and pillar scores, in the given order."""
    return tuple((c.on, c.pillar_scores()) for c in checkins)


@dataclass(frozen=True)
class HeldFit:
    """The fit the Coach shows and the check-ins it was fitted on, kept in the document
    while those check-ins stay the same. `calibration` None: these check-ins were too few
    to calibrate on, so calibration waits for the next check-in even if activity logged
    since would allow it (switching it on is a refit, and a refit can lower the estimate)."""

    fitted_on: FittedOn
    calibration: Calibration | None

    def holds_for(self, checkins: Sequence[CheckIn]) -> bool:
        """Whether this fit was made for exactly these check-ins' dates and scores."""
        return self.fitted_on == fitted_on(checkins)
