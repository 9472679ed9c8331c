"""The activity estimate: the signal table, the curve, the trailing window, and the
properties the UI relies on (0-25, more activity never lowers it, missing is not zero)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.calibration import apply
from ssi_coach.activity.estimate import (
    POST_FIGURES,
    RATE_KEYS,
    SIGNALS,
    WINDOW_DAYS,
    Estimate,
    Inputs,
    Signal,
    confidence,
    contribution,
    estimate,
    inputs_for,
    with_rates,
)
from ssi_coach.model import (
    ACTIVITY,
    CHECKLIST_KEYS,
    MEASURE_KEYS,
    PILLAR_KEYS,
    PILLARS,
    Calibration,
    Checklist,
    PillarFit,
    WeekLog,
)

from .conftest import TODAY  # a Sunday: 2026-11-22

START = TODAY - dt.timedelta(days=WINDOW_DAYS)  # 2026-08-24, a Monday
AT_SATURATION = 1 - math.exp(-3)  # ≈ 0.9502 of a signal's weight
RANK = {"low": 0, "medium": 1, "high": 2}
CHECKLIST_RATES = ("profile", "endorsements")


def only(**rates: float) -> Inputs:
    """Inputs with the given rates known and every other one missing."""
    known: dict[str, float | None] = dict.fromkeys(RATE_KEYS)
    known.update(rates)
    return Inputs(known, 13, START, TODAY)


def week(offset: int, **counts: int) -> WeekLog:
    """The week `offset` weeks after the window's first Monday."""
    return WeekLog(START + dt.timedelta(weeks=offset), counts)


def signal_estimate(result: Estimate, pillar: str, key: str) -> float:
    return next(s.contribution for s in result.of(pillar).signals if s.signal.key == key)


# ---- the table ---------------------------------------------------------------------------

@pytest.mark.parametrize("pillar", PILLAR_KEYS)
def test_the_weights_of_each_pillar_sum_to_25(pillar: str) -> None:
    assert sum(s.weight for s in SIGNALS if s.pillar == pillar) == pytest.approx(25)


@pytest.mark.parametrize("signal", SIGNALS, ids=lambda s: f"{s.pillar}-{s.key}")
def test_every_signal_names_its_source_and_what_it_reads(signal: Signal) -> None:
    assert signal.source.strip() and signal.label.strip()
    assert signal.pillar in PILLAR_KEYS
    assert signal.weight > 0 and signal.saturation > 0
    # The log and/or post analytics, or the checklist alone.
    assert bool(signal.measures or signal.figure) != bool(signal.items)
    assert set(signal.measures) <= set(MEASURE_KEYS)
    assert set(signal.items) <= set(CHECKLIST_KEYS)
    assert not signal.figure or signal.figure in POST_FIGURES
    if signal.figure:  # the member sees where the number comes from
        assert "post analytics workbook" in signal.source


def test_a_key_in_two_pillars_reads_the_same_counts() -> None:
    # One habit, one rate: posting feeds brand and insights, decision-makers people and
    # relationships.
    for key in RATE_KEYS:
        reads = {(s.measures, s.items, s.figure) for s in SIGNALS if s.key == key}
        assert len(reads) == 1, key
    assert len({(s.pillar, s.key) for s in SIGNALS}) == len(SIGNALS)


# Counted by the LinkedIn import and shown in the log, but not weighed by the estimate (yet).
NOT_ESTIMATED = {"votes", "invitations_received", "connections_added", "messages_received"}


def test_every_activity_measure_feeds_some_signal() -> None:
    read = {m for s in SIGNALS for m in s.measures}
    assert {m.key for m in ACTIVITY} - NOT_ESTIMATED <= read
    assert not NOT_ESTIMATED & read  # once a signal reads one, take it off the list


def test_a_measure_no_signal_reads_leaves_the_rates_alone() -> None:
    week = dt.date(2026, 11, 2)
    logged = WeekLog(week, {"posts": 2})
    extra = WeekLog(week, {"posts": 2, **{key: 50 for key in NOT_ESTIMATED}})
    plain = inputs_for([logged], None, end=dt.date(2026, 11, 20))
    assert inputs_for([extra], None, end=dt.date(2026, 11, 20)) == plain


# Expected points worked out by hand from weight * (1 - exp(-3 * rate / saturation)), so a
# change to a weight or saturation in the table shows here.
SIGNAL_TABLE = [
    ("brand", "profile", 0.5, 6.2150),
    ("brand", "endorsements", 1, 1.9004),
    ("brand", "posts", 1, 5.7013),
    ("brand", "engagement_received", 12, 3.4940),
    ("brand", "recommendations", 0.1, 1.3976),
    ("brand", "new_followers", 5, 1.5537),
    ("people", "people_searches", 5, 4.6612),
    ("people", "profiles_viewed", 15, 5.3676),
    ("people", "requests_sent", 4, 4.1928),
    ("people", "decision_makers_added", 1, 4.4248),
    ("insights", "comments_written", 7, 7.0203),
    ("insights", "reactions_given", 10, 3.1075),
    ("insights", "reshares", 1, 2.3306),
    ("insights", "group_posts", 0.5, 1.5829),
    ("insights", "posts", 1, 4.7511),
    ("insights", "engagement_received", 12, 1.3976),
    ("relationships", "requests_accepted", 3, 4.6612),
    ("relationships", "messages_sent", 8, 3.6371),
    ("relationships", "replies_received", 2, 4.8916),
    ("relationships", "conversations_started", 1, 2.5285),
    ("relationships", "decision_makers_added", 1, 2.5285),
]


def test_the_table_covers_every_signal() -> None:
    assert sorted((p, k) for p, k, _, _ in SIGNAL_TABLE) == sorted(
        (s.pillar, s.key) for s in SIGNALS)


@pytest.mark.parametrize(("pillar", "key", "rate", "points"), SIGNAL_TABLE)
def test_each_signal_adds_its_points(pillar: str, key: str, rate: float, points: float) -> None:
    result = estimate(only(**{key: rate}))
    assert signal_estimate(result, pillar, key) == pytest.approx(points, abs=1e-4)
    assert result.of(pillar).raw == pytest.approx(points, abs=1e-4)


TYPICAL = {"profile": 0.5, "endorsements": 1, "posts": 1, "engagement_received": 12,
           "recommendations": 0.1, "people_searches": 5, "profiles_viewed": 15,
           "requests_sent": 4, "decision_makers_added": 1, "comments_written": 7,
           "reactions_given": 10, "reshares": 1, "group_posts": 0.5, "requests_accepted": 3,
           "messages_sent": 8, "replies_received": 2, "conversations_started": 1,
           "new_followers": 5}


@pytest.mark.parametrize(("pillar", "raw"), [
    ("brand", 20.2620), ("people", 18.6465), ("insights", 20.1900), ("relationships", 18.2470),
])
def test_each_pillar_adds_up_its_signals(pillar: str, raw: float) -> None:
    result = estimate(only(**TYPICAL)).of(pillar)
    assert result.raw == result.score == result.low == result.high
    assert result.raw == pytest.approx(raw, abs=1e-4)
    assert (result.known_share, result.confidence) == (1.0, "high")


def test_with_nothing_known_the_score_is_zero_and_the_range_wide() -> None:
    result = estimate(only())
    for pillar in result.pillars:
        assert (pillar.score, pillar.low, pillar.known_share, pillar.confidence) == (
            0, 0, 0, "low")
        assert pillar.high == pytest.approx(25 * AT_SATURATION)  # 23.755
    assert result.total == 0 and result.calibrated_with == 0
    assert [p.pillar for p in result.pillars] == list(PILLARS)


def test_the_curve_saturates() -> None:
    posts = next(s for s in SIGNALS if s.key == "posts")
    assert contribution(posts, 0) == 0
    assert contribution(posts, posts.saturation) == pytest.approx(posts.weight * AT_SATURATION)
    # Concave: the first half of the saturation rate gives more than half the points.
    assert contribution(posts, posts.saturation / 2) > contribution(posts, posts.saturation) / 2
    assert contribution(posts, 1e9) == pytest.approx(posts.weight)


@pytest.mark.parametrize(("share", "weeks", "expected"), [
    (1.0, 13, "high"), (0.8, 8, "high"), (0.79, 13, "medium"), (1.0, 7, "medium"),
    (0.5, 4, "medium"), (0.49, 13, "low"), (1.0, 3, "low"), (0.0, 13, "low"),
])
def test_confidence_needs_known_inputs_and_logged_weeks(share: float, weeks: int,
                                                         expected: str) -> None:
    assert confidence(share, weeks) == expected


# ---- the window -------------------------------------------------------------------------

def test_rates_average_only_the_weeks_that_logged_them() -> None:
    inputs = inputs_for([week(0, posts=2, comments_written=4), week(1, posts=0),
                         week(2, comments_written=8)], None, end=TODAY)
    assert inputs.rates["posts"] == 1.0  # (2 + 0) / 2: week 2 left it blank
    assert inputs.rates["comments_written"] == 6.0  # (4 + 8) / 2: week 1 left it blank
    assert inputs.weeks_logged == 3


def test_a_signal_over_two_measures_sums_what_each_week_logged() -> None:
    inputs = inputs_for([week(0, posts=1, articles=1), week(1, articles=2), week(2, meetings=1)],
                        None, end=TODAY)
    assert inputs.rates["posts"] == 2.0
    assert inputs.weeks_logged == 3  # an outcome alone is a logged week


def test_weeks_outside_the_window_are_ignored() -> None:
    weeks = [week(-1, posts=9), week(0, posts=1), week(13, posts=3), week(14, posts=9)]
    inputs = inputs_for(weeks, None, end=dt.date(2026, 11, 23))  # week 13's Monday
    assert (inputs.window_start, inputs.window_end) == (START + dt.timedelta(days=1),
                                                        dt.date(2026, 11, 23))
    assert inputs.rates["posts"] == 3.0  # week 0 starts the day before the window
    assert inputs_for(weeks, None, end=TODAY).rates["posts"] == 1.0  # week 0 is inside
    assert inputs_for(weeks, None, end=TODAY, window_days=200).rates["posts"] == 5.0


def test_missing_is_not_zero() -> None:
    inputs = inputs_for([week(0, posts=0), week(1)], None, end=TODAY)
    assert inputs.rates["posts"] == 0.0
    assert inputs.rates["reshares"] is None
    assert set(inputs.rates) == set(RATE_KEYS)
    assert inputs.weeks_logged == 1  # an empty log is no log


def test_the_checklist_gives_a_done_share_of_all_its_items() -> None:
    assert inputs_for([], None, end=TODAY).rates["profile"] is None
    assert inputs_for([], Checklist({}), end=TODAY).rates["profile"] is None
    partial = inputs_for([], Checklist({"photo": True, "headline": True, "about": False,
                                        "endorsements": False}), end=TODAY)
    items = len(CHECKLIST_KEYS) - 1  # endorsements is its own signal
    assert partial.rates["profile"] == pytest.approx(2 / items)
    assert partial.unanswered["profile"] == pytest.approx((items - 3) / items)
    assert partial.rates["endorsements"] == 0.0 and "endorsements" not in partial.unanswered
    full = inputs_for([], Checklist(dict.fromkeys(CHECKLIST_KEYS, True)), end=TODAY)
    assert (full.rates["profile"], full.rates["endorsements"], dict(full.unanswered)) == (
        1.0, 1.0, {})


def test_an_unanswered_item_counts_as_not_done_and_widens_the_range() -> None:
    answered = ["photo", "headline"]
    some = inputs_for([], Checklist(dict.fromkeys(answered, True)), end=TODAY)
    rest_no = {key: key in answered for key in CHECKLIST_KEYS if key != "endorsements"}
    every = inputs_for([], Checklist(rest_no), end=TODAY)
    partly, fully = estimate(some).of("brand"), estimate(every).of("brand")
    assert partly.score == fully.score
    assert partly.known_share < fully.known_share
    assert partly.high > fully.high


def test_the_window_must_be_a_day_or_more() -> None:
    with pytest.raises(ValueError):
        inputs_for([], None, end=TODAY, window_days=0)


# ---- what-if and calibration ------------------------------------------------------------

def test_with_rates_sets_rates_and_makes_them_known() -> None:
    inputs = inputs_for([], Checklist({"photo": True}), end=TODAY)
    changed = with_rates(inputs, {"posts": 1, "profile": 0.5})
    assert changed.rates["posts"] == 1 and changed.rates["profile"] == 0.5
    assert "profile" not in changed.unanswered and inputs.unanswered["profile"] > 0
    assert inputs.rates["posts"] is None  # the original is unchanged
    # One habit, one rate: the plan moves both pillars it feeds.
    assert estimate(changed).of("insights").raw > 0
    with pytest.raises(ValueError, match="no signal reads meetings"):
        with_rates(inputs, {"meetings": 1})
    with pytest.raises(ValueError):
        with_rates(inputs, {"posts": -1})


def test_a_calibrated_estimate_applies_the_fit_and_keeps_the_raw() -> None:
    fits = {key: PillarFit(key, 2.0, 0.5, 3.0, 1.0) for key in PILLAR_KEYS}
    calibration = Calibration(fits, 5)
    inputs = only(**TYPICAL)
    plain, fitted = estimate(inputs), estimate(inputs, calibration)
    for before, after in zip(plain.pillars, fitted.pillars, strict=True):
        assert after.raw == before.raw
        assert after.score == apply(calibration, before.pillar.key, before.raw)
        assert after.score == pytest.approx(2 + 0.5 * before.raw)
    assert fitted.total == pytest.approx(sum(p.score for p in fitted.pillars))
    assert fitted.calibrated_with == 5


# ---- properties -------------------------------------------------------------------------

def _rate(key: str) -> st.SearchStrategy[float | None]:
    top = 1.0 if key in CHECKLIST_RATES else 500.0
    return st.none() | st.floats(0, top, allow_nan=False)


rate_maps = st.fixed_dictionaries({key: _rate(key) for key in RATE_KEYS})
all_inputs = st.builds(Inputs, rates=rate_maps, weeks_logged=st.integers(0, 13),
                       window_start=st.just(START), window_end=st.just(TODAY))
# Both errors drawn, so some fits are used (after < before) and some leave the raw estimate.
fits = st.builds(PillarFit, pillar_key=st.just(""), intercept=st.floats(-30, 30),
                 slope=st.floats(0, 3), mae_before=st.floats(0, 5), mae_after=st.floats(0, 5))
calibrations = st.none() | st.builds(
    lambda fit, n: Calibration({k: dataclasses.replace(fit, pillar_key=k)
                                for k in PILLAR_KEYS}, n),
    fits, st.integers(3, 40))
counts = st.dictionaries(st.sampled_from(MEASURE_KEYS), st.integers(0, 60))
week_lists = st.lists(st.tuples(st.integers(-4, 17), counts), max_size=10,
                      unique_by=lambda t: t[0]).map(
    lambda rows: [week(offset, **logged) for offset, logged in rows])
checklists = st.none() | st.builds(
    Checklist, st.dictionaries(st.sampled_from(CHECKLIST_KEYS), st.booleans()))


@given(all_inputs, calibrations)
def test_every_pillar_stays_within_0_25_and_its_range(inputs: Inputs,
                                                      calibration: Calibration | None) -> None:
    result = estimate(inputs, calibration)
    for pillar in result.pillars:
        assert 0 <= pillar.raw <= 25
        assert 0 <= pillar.low <= pillar.score <= pillar.high <= 25
        assert 0 <= pillar.known_share <= 1
    assert result.total == pytest.approx(sum(p.score for p in result.pillars))


@given(week_lists, checklists, calibrations, st.data())
def test_more_of_one_count_in_one_week_never_lowers_the_estimate(
        weeks: list[WeekLog], checklist: Checklist | None, calibration: Calibration | None,
        data: st.DataObject) -> None:
    logged = [(i, key) for i, w in enumerate(weeks) for key in w.counts]
    if not logged:
        return
    i, key = data.draw(st.sampled_from(logged))
    more = {**weeks[i].counts, key: weeks[i].counts[key] + data.draw(st.integers(1, 100))}
    raised = [*weeks[:i], WeekLog(weeks[i].week, more), *weeks[i + 1:]]
    before = estimate(inputs_for(weeks, checklist, end=TODAY), calibration)
    after = estimate(inputs_for(raised, checklist, end=TODAY), calibration)
    assert after.total >= before.total
    for old, new in zip(before.pillars, after.pillars, strict=True):
        assert new.score >= old.score and new.raw >= old.raw and new.high >= old.high


@given(all_inputs, st.sampled_from(RATE_KEYS), st.floats(1e-6, 500), calibrations)
def test_a_missing_input_scores_as_zero_and_lowers_known_share(
        inputs: Inputs, key: str, positive: float, calibration: Calibration | None) -> None:
    if key in CHECKLIST_RATES:
        positive = min(positive, 1.0)
    missing = estimate(dataclasses.replace(inputs, rates={**inputs.rates, key: None}),
                       calibration)
    zero = estimate(with_rates(inputs, {key: 0.0}), calibration)
    some = estimate(with_rates(inputs, {key: positive}), calibration)
    fed = {s.pillar for s in SIGNALS if s.key == key}
    for gone, nought, plus in zip(missing.pillars, zero.pillars, some.pillars, strict=True):
        assert gone.score == nought.score <= plus.score
        assert gone.low == nought.low and gone.high >= nought.high
        if gone.pillar.key in fed:
            assert gone.known_share < nought.known_share
            assert RANK[gone.confidence] <= RANK[nought.confidence]


@given(week_lists, checklists, st.data())
def test_leaving_a_count_blank_scores_at_least_logging_zero(
        weeks: list[WeekLog], checklist: Checklist | None, data: st.DataObject) -> None:
    logged = [(i, key) for i, w in enumerate(weeks) for key in w.counts]
    if not logged:
        return
    i, key = data.draw(st.sampled_from(logged))
    blank = {k: v for k, v in weeks[i].counts.items() if k != key}
    zero = {**weeks[i].counts, key: 0}
    with_blank = [*weeks[:i], WeekLog(weeks[i].week, blank), *weeks[i + 1:]]
    with_zero = [*weeks[:i], WeekLog(weeks[i].week, zero), *weeks[i + 1:]]
    left = estimate(inputs_for(with_blank, checklist, end=TODAY))
    logged_zero = estimate(inputs_for(with_zero, checklist, end=TODAY))
    for gone, nought in zip(left.pillars, logged_zero.pillars, strict=True):
        assert gone.score >= nought.score
        assert gone.known_share <= nought.known_share


def test_rates_must_be_finite_and_not_negative() -> None:
    for bad in (-1.0, math.inf, math.nan):
        with pytest.raises(ValueError):
            only(posts=bad)
