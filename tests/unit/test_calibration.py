"""Calibration: a ridge line per pillar from raw estimate to the member's real scores, used
only when enough check-ins have activity logged behind them."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from ssi_coach.activity.calibration import (
    MIN_CHECKINS,
    NotYet,
    apply,
    calibrate,
)
from ssi_coach.activity.estimate import estimate, inputs_for
from ssi_coach.model import PILLAR_KEYS, Calibration, CheckIn, Checklist, PillarFit, WeekLog

FIRST = dt.date(2025, 1, 6)  # a Monday
CHECKLIST = Checklist({"photo": True, "headline": True, "about": False})
# A member's usual week; the synthetic weeks ramp from none of it to one and a half times it,
# so the check-ins' raw estimates spread over most of 0-25.
USUAL = {"posts": 1, "articles": 0, "reactions_received": 15, "comments_received": 4,
         "recommendations_given": 0, "recommendations_received": 0, "people_searches": 6,
         "profiles_viewed": 15, "requests_sent": 6, "decision_makers_added": 2,
         "comments_written": 7, "reactions_given": 12, "reshares": 1, "group_posts": 1,
         "requests_accepted": 3, "messages_sent": 8, "replies_received": 3,
         "conversations_started": 2}


def ramp(weeks: int = 60) -> list[WeekLog]:
    return [WeekLog(FIRST + dt.timedelta(weeks=i),
                    {key: round(usual * i / 40) for key, usual in USUAL.items()})
            for i in range(weeks)]


def raws(weeks: list[WeekLog], on: dt.date) -> list[float]:
    return [p.raw for p in estimate(inputs_for(weeks, CHECKLIST, end=on)).pillars]


def monthly(count: int, first_week: int = 6) -> list[dt.date]:
    """Check-in days four weeks apart, each a Thursday."""
    return [FIRST + dt.timedelta(weeks=first_week + 4 * j, days=3) for j in range(count)]


def checkins_from(weeks: list[WeekLog], days: list[dt.date], intercept: float, slope: float,
                  noise: float = 0.0, seed: int = 2026) -> list[CheckIn]:
    """Check-ins whose pillars are intercept + slope * raw, plus uniform noise."""
    rng = random.Random(seed)
    result = []
    for on in days:
        brand, people, insights, relationships = (
            round(intercept + slope * raw + rng.uniform(-noise, noise), 3)
            for raw in raws(weeks, on))
        result.append(CheckIn(on, brand, people, insights, relationships))
    return result


def test_calibration_recovers_a_known_line() -> None:
    weeks = ramp()
    checkins = checkins_from(weeks, monthly(12), intercept=2.0, slope=0.8, noise=0.3)
    result = calibrate(checkins, weeks, CHECKLIST)
    assert isinstance(result, Calibration)
    assert result.based_on == 12
    observed = [raws(weeks, c.on) for c in checkins]
    for index, key in enumerate(PILLAR_KEYS):
        fit = result.fits[key]
        # Tolerance: the ridge pull toward (0, 1) and ±0.3 of noise leave the intercept
        # within 0.5 point of 2 and the slope within 0.05 of 0.8 ...
        assert fit.intercept == pytest.approx(2.0, abs=0.5), key
        assert fit.slope == pytest.approx(0.8, abs=0.05), key
        # ... and the fitted line within 0.3 point of the true one over the observed raws.
        for raw in (pillars[index] for pillars in observed):
            assert apply(result, key, raw) == pytest.approx(2.0 + 0.8 * raw, abs=0.3), key
        # Leave-one-out, calibrating beats the raw estimate on such data.
        assert fit.mae_after < fit.mae_before, key


def test_data_that_agrees_with_the_raw_estimate_keeps_it() -> None:
    weeks = ramp()
    result = calibrate(checkins_from(weeks, monthly(4), 0.0, 1.0), weeks, CHECKLIST)
    assert isinstance(result, Calibration)
    for fit in result.fits.values():
        assert fit.intercept == pytest.approx(0.0, abs=1e-2)  # check-ins keep 3 decimals
        assert fit.slope == pytest.approx(1.0, abs=1e-3)
        assert fit.mae_before == pytest.approx(0.0, abs=1e-3)
        assert fit.mae_after == pytest.approx(0.0, abs=1e-2)


def test_the_slope_is_never_negative() -> None:
    # Scores that fall as activity grows must not teach the estimate that activity hurts.
    weeks = ramp()
    result = calibrate(checkins_from(weeks, monthly(6), 24.0, -1.0), weeks, CHECKLIST)
    assert isinstance(result, Calibration)
    assert all(fit.slope >= 0 for fit in result.fits.values())
    with pytest.raises(ValueError):
        PillarFit("brand", 0.0, -0.1, 0.0, 0.0)


def test_too_few_checkins_say_how_many_more() -> None:
    weeks = ramp()
    result = calibrate(checkins_from(weeks, monthly(2), 2.0, 0.8), weeks, CHECKLIST)
    assert result == NotYet(have=2, needed=MIN_CHECKINS)
    assert isinstance(result, NotYet) and result.more == 1
    assert calibrate([], weeks, None) == NotYet(0, 3)


def test_checkins_without_four_logged_weeks_behind_them_are_not_used() -> None:
    logged = [WeekLog(FIRST + dt.timedelta(weeks=i), {"posts": 1, "comments_written": i})
              for i in range(8)]
    thursday_of = [FIRST + dt.timedelta(weeks=i, days=3) for i in range(30)]
    too_soon = checkins_from(logged, thursday_of[:3], 2.0, 0.8)  # 1-3 weeks behind
    enough = checkins_from(logged, thursday_of[3:6], 2.0, 0.8)  # 4-6 weeks behind
    too_late = checkins_from(logged, thursday_of[22:24], 2.0, 0.8)  # window past the logs
    assert inputs_for(logged, None, end=thursday_of[3]).weeks_logged == 4
    result = calibrate([*too_soon, *enough, *too_late], logged, None)
    assert isinstance(result, Calibration) and result.based_on == 3
    assert calibrate([*too_soon, *enough[:2], *too_late], logged, None) == NotYet(2, 3)


def test_apply_keeps_scores_within_0_25() -> None:
    fits = {"brand": PillarFit("brand", -5.0, 1.0, 2.0, 1.0),
            "people": PillarFit("people", 10.0, 2.0, 2.0, 1.0)}
    calibration = Calibration(fits, 3)
    assert apply(calibration, "brand", 2.0) == 0.0
    assert apply(calibration, "brand", 12.0) == 7.0
    assert apply(calibration, "people", 20.0) == 25.0


def test_a_calibrated_estimate_says_what_it_rests_on() -> None:
    weeks = ramp()
    calibration = calibrate(checkins_from(weeks, monthly(5), 1.0, 0.9), weeks, CHECKLIST)
    assert isinstance(calibration, Calibration)
    result = estimate(inputs_for(weeks, CHECKLIST, end=monthly(5)[-1]), calibration)
    assert result.calibrated_with == 5
    for pillar in result.pillars:
        assert pillar.score == apply(calibration, pillar.pillar.key, pillar.raw)


def test_each_pillar_uses_the_fit_only_where_it_beats_the_raw_estimate() -> None:
    # Brand: real scores on a line away from the raw estimate, so the fit predicts unseen
    # check-ins better. People: real scores scattered ±3 around the raw estimate, so a line
    # fitted to the others chases the noise and predicts worse than the raw estimate.
    weeks, rng = ramp(), random.Random(1)
    checkins = []
    for on in monthly(8):
        brand, people, insights, relationships = raws(weeks, on)
        checkins.append(CheckIn(on, round(2 + 0.8 * brand + rng.uniform(-0.3, 0.3), 3),
                                round(max(people + rng.choice((-3, 3)), 0), 3),
                                round(insights, 3), round(relationships, 3)))
    result = calibrate(checkins, weeks, CHECKLIST)
    assert isinstance(result, Calibration)
    brand_fit, people_fit = result.fits["brand"], result.fits["people"]
    assert brand_fit.mae_after < brand_fit.mae_before and brand_fit.used
    assert result.uses("brand")
    assert people_fit.mae_after > people_fit.mae_before and not people_fit.used
    assert not result.uses("people")
    now = estimate(inputs_for(weeks, CHECKLIST, end=monthly(8)[-1]), result)
    assert now.of("brand").score == pytest.approx(brand_fit.intercept + brand_fit.slope
                                                  * now.of("brand").raw)
    assert now.of("brand").score != pytest.approx(now.of("brand").raw, abs=0.1)
    assert now.of("people").score == now.of("people").raw  # the standard model stands
