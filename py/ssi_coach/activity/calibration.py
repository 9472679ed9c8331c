"""Calibration: fit the activity estimate to the member's own SSI check-ins.

The estimate's weights are guesses (LinkedIn publishes none). Once the member has logged real
scores with enough activity behind them, each pillar gets a straight-line correction
actual ≈ intercept + slope * raw. With a handful of check-ins such a line is mostly noise,
so the fit is a ridge regression pulled toward "no correction" (intercept 0, slope 1): it
moves away from the raw estimate only as far as the evidence carries it. Its leave-one-out
error before and after is kept, and a pillar's line is used only where it predicts check-ins
it did not see better than the raw estimate does (`PillarFit.used`); elsewhere the standard
model stands, and the page says which.

More activity never lowers the shown estimate. With a fit held fixed that is by design: a
pillar's map is the identity or `intercept + slope * raw` with slope >= 0, clamped to 0-25, so
it is non-decreasing in the raw score, which is itself non-decreasing in every count. Refitting
cannot promise it: a busier past week raises the raw estimate behind a check-in while its real
score stays put, which says "more activity bought less", so any fit that learns from those pairs
lowers its prediction (and it can flip which pillars use the fit). So the fit is held in the
document (`HeldFit`, `with_fit_held`): it is refitted when the check-ins change, never because
a count went up, and saved with the document so that a reload or another tab shows the same.
The records (`PillarFit`, `Calibration`, `HeldFit`) are in `ssi_coach.model`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import fmean

from ..model import (
    PILLAR_MAX,
    PILLARS,
    Calibration,
    CheckIn,
    Checklist,
    Document,
    HeldFit,
    PillarFit,
    WeekLog,
    fitted_on,
    fitted_score,
)
from ..posts.weekly import PostWeek, weekly
from .estimate import WINDOW_DAYS, estimate, inputs_for

MIN_CHECKINS = 3  # with fewer, each leave-one-out line would rest on a single check-in
MIN_WEEKS_BEHIND = 4  # logged weeks in a check-in's window for it to say anything: a month
# How hard the fit is pulled toward intercept 0 and slope 1, in check-ins: the pull weighs
# a tenth of one check-in that agrees with the raw estimate. That holds a line that few or
# clustered check-ins cannot pin down, and lets a dozen spread-out ones speak for themselves.
RIDGE = 0.1
# A slope error is counted as the points it moves a mid-range pillar score. Penalising the
# slope unscaled would make it far cheaper than the intercept, so a member whose activity
# explains little of a high score would get a steep line that exaggerates every what-if.
SLOPE_SCALE = PILLAR_MAX / 2

Line = tuple[float, float]  # (intercept, slope)


@dataclass(frozen=True)
class NotYet:
    """Too few check-ins with activity logged before them to calibrate."""

    have: int
    needed: int
    waiting: bool = False  # enough now, but it starts with the next check-in (`shown_fit`)

    @property
    def more(self) -> int:
        """How many more such check-ins to add."""
        return max(self.needed - self.have, 0)


def apply(calibration: Calibration, pillar_key: str, raw: float) -> float:
    """The pillar score to show: the fitted line's, kept within 0-25, where the fit is used;
    the raw estimate where it is not."""
    return calibration.apply(pillar_key, raw)


def calibrate(checkins: Sequence[CheckIn], weeks: Sequence[WeekLog],
              checklist: Checklist | None, *, window_days: int = WINDOW_DAYS,
              posts: Sequence[PostWeek] = ()) -> Calibration | NotYet:
    """Fit each pillar on the check-ins that have at least MIN_WEEKS_BEHIND logged weeks (or
    complete weeks of post analytics, `posts`) in their trailing window. The checklist keeps
    no history, so its current answers stand for every check-in."""
    pairs = _usable(checkins, weeks, checklist, window_days, posts)
    if len(pairs) < MIN_CHECKINS:
        return NotYet(len(pairs), MIN_CHECKINS)
    fits = {}
    for index, pillar in enumerate(PILLARS):
        raws = [raw[index] for raw, _ in pairs]
        actuals = [actual[index] for _, actual in pairs]
        fits[pillar.key] = _fit(pillar.key, raws, actuals)
    return Calibration(fits, len(pairs))


def shown_fit(document: Document) -> Calibration | NotYet:
    """The fit to show: the document's held fit while the check-ins are the ones it was made
    for, else a new one. A count going up never refits, so it can only raise the shown
    estimate (see the module's docstring); "not yet" is asked again each time, since no fit
    is shown then."""
    held = document.held_fit
    found = None
    if held is not None and held.holds_for(document.checkins):
        if held.calibration is not None:
            return held.calibration
        found = _calibrate(document)
        # Too few when these check-ins came: it starts with the next one, never in between.
        return found if isinstance(found, NotYet) else NotYet(found.based_on, MIN_CHECKINS,
                                                              waiting=True)
    return _calibrate(document)


def _calibrate(document: Document) -> Calibration | NotYet:
    return calibrate(document.checkins, document.activity_weeks(), document.checklist,
                     posts=weekly(document.posts))


def with_fit_held(document: Document) -> Document:
    """The document holding the fit to show (`shown_fit`), or `document` itself when it
    already does; saving the result keeps the fit across reloads and tabs."""
    fit = shown_fit(document)
    held = (HeldFit(fitted_on(document.checkins), fit if isinstance(fit, Calibration) else None)
            if document.checkins else None)
    return document if held == document.held_fit else document.with_held_fit(held)


Scores = tuple[float, ...]  # one per pillar, in PILLARS order


def _usable(checkins: Sequence[CheckIn], weeks: Sequence[WeekLog], checklist: Checklist | None,
            window_days: int, posts: Sequence[PostWeek]) -> list[tuple[Scores, Scores]]:
    """(raw estimates, actual scores) of each check-in with activity logged behind it."""
    pairs = []
    for checkin in checkins:
        inputs = inputs_for(weeks, checklist, end=checkin.on, window_days=window_days,
                            posts=posts)
        if inputs.weeks_logged >= MIN_WEEKS_BEHIND:
            raws = tuple(p.raw for p in estimate(inputs).pillars)
            pairs.append((raws, checkin.pillar_scores()))
    return pairs


def _fit(pillar_key: str, raws: Sequence[float], actuals: Sequence[float]) -> PillarFit:
    intercept, slope = _ridge(raws, actuals)
    before = fmean(abs(y - x) for x, y in zip(raws, actuals, strict=True))
    after = _leave_one_out(raws, actuals, _ridge)
    return PillarFit(pillar_key, intercept, slope, before, after)


def _leave_one_out(xs: Sequence[float], ys: Sequence[float],
                   fit: Callable[[Sequence[float], Sequence[float]], Line]) -> float:
    """Mean absolute error predicting each check-in from a line fitted on all the others."""
    errors = []
    for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
        line = fit([*xs[:i], *xs[i + 1:]], [*ys[:i], *ys[i + 1:]])
        errors.append(abs(y - _predict(line, x)))
    return fmean(errors)


def _ridge(xs: Sequence[float], ys: Sequence[float]) -> Line:
    """Minimise sum (y - a - b x)^2 + RIDGE * (a^2 + (SLOPE_SCALE * (b - 1))^2), b >= 0.

    Its normal equations are 2x2, solved by Cramer's rule; the determinant is positive
    because RIDGE > 0. If the best slope is negative the best allowed one is 0, and then
    a = sum(y) / (n + RIDGE).
    """
    n, sx, sy = len(xs), sum(xs), sum(ys)
    sxx = sum(x * x for x in xs)
    sxy = sum(x * y for x, y in zip(xs, ys, strict=True))
    pull = RIDGE * SLOPE_SCALE**2
    a11, a12, a22 = n + RIDGE, sx, sxx + pull
    b1, b2 = sy, sxy + pull
    det = a11 * a22 - a12 * a12
    slope = (a11 * b2 - a12 * b1) / det
    if slope < 0:
        return sy / (n + RIDGE), 0.0
    return (b1 * a22 - a12 * b2) / det, slope


def _predict(line: Line, raw: float) -> float:
    return fitted_score(*line, raw)
