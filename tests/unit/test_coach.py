"""Next actions: only pillars with room, weakest first, nothing already done, gains from the
real estimate (non-negative, and no smaller at 12 weeks than at 4)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_coach.activity import actions as actions_module
from ssi_coach.activity.actions import (
    ACTIONS,
    FULL_WITHIN,
    MAX_ONE_OFFS,
    Action,
    Idea,
    next_actions,
)
from ssi_coach.activity.estimate import RATE_KEYS, SIGNALS, Estimate, Inputs, estimate, inputs_for
from ssi_coach.model import (
    CHECKLIST_KEYS,
    PILLAR_KEYS,
    PILLAR_MAX,
    Calibration,
    Checklist,
    PillarFit,
)

END = dt.date(2026, 11, 22)
ALL_DONE = Checklist(dict.fromkeys(CHECKLIST_KEYS, True))
PRINCIPLES = {"", "liking", "reciprocity", "social proof", "consistency", "authority",
              "scarcity"}
PILLAR_RATES = {p: {s.key for s in SIGNALS if s.pillar == p} for p in PILLAR_KEYS}
CHECKLIST_RATES = {s.key for s in SIGNALS if s.items}
SATURATED = {s.key: 3.0 * s.saturation for s in SIGNALS if not s.items}


def _estimate(rates: Mapping[str, float | None], checklist: Checklist | None = None,
              calibration: Calibration | None = None) -> Estimate:
    """A real estimate from weekly rates (the rest missing) and a checklist."""
    read = inputs_for((), checklist, end=END)  # the checklist, exactly as the app reads it
    every = {**read.rates, **rates}
    return estimate(Inputs(every, 12, read.window_start, END, read.unanswered), calibration)


def _keys(actions: tuple[Action, ...]) -> list[str]:
    return [a.key for a in actions]


def _all_but(pillar: str) -> dict[str, float | None]:
    """Every weekly habit at saturation except the ones feeding `pillar`, which are 0."""
    return {k: 0.0 if k in PILLAR_RATES[pillar] else v for k, v in SATURATED.items()}


# ---- the catalogue ----------------------------------------------------------------------------

def test_the_catalogue_covers_every_pillar_and_checklist_item() -> None:
    assert {idea.pillar for idea in ACTIONS} == set(PILLAR_KEYS)
    assert {idea.item for idea in ACTIONS if idea.item} == set(CHECKLIST_KEYS)
    assert len({idea.key for idea in ACTIONS}) == len(ACTIONS)


@pytest.mark.parametrize("idea", ACTIONS, ids=lambda idea: idea.key)
def test_each_idea_is_complete_and_reads_real_signals(idea: Idea) -> None:
    assert idea.title and idea.effort and idea.why
    assert idea.principle in PRINCIPLES
    assert set(idea.rates) <= set(RATE_KEYS)  # drift from the estimate's table shows here
    assert bool(idea.rates) != bool(idea.item)  # a weekly habit or a one-off, never both


# ---- ranking ----------------------------------------------------------------------------------

@pytest.mark.parametrize("pillar", PILLAR_KEYS)
def test_the_weakest_pillars_action_comes_first(pillar: str) -> None:
    est = _estimate(_all_but(pillar), ALL_DONE if pillar != "brand" else Checklist())
    weakest = max(est.pillars, key=lambda p: PILLAR_MAX - p.score).pillar.key
    assert weakest == pillar
    actions = next_actions(est, ALL_DONE if pillar != "brand" else Checklist())
    assert actions and actions[0].pillar == pillar


def test_within_a_pillar_the_bigger_gain_comes_first() -> None:
    actions = next_actions(_estimate(_all_but("insights"), ALL_DONE), None, limit=20)
    insights = [a for a in actions if a.pillar == "insights"]
    assert len(insights) >= 2
    gains = [a.gain_12w[1] for a in insights]
    assert gains == sorted(gains, reverse=True)


def test_a_member_who_does_everything_gets_no_actions() -> None:
    est = _estimate(dict(SATURATED), ALL_DONE)
    assert next_actions(est, ALL_DONE) == ()


def test_a_pillar_within_half_a_point_of_25_gets_nothing() -> None:
    est = _estimate({}, None)  # nothing logged: every pillar has room in the model
    full = dataclasses.replace(est.of("insights"), score=PILLAR_MAX - 0.4)
    est = dataclasses.replace(est, pillars=tuple(
        full if p.pillar.key == "insights" else p for p in est.pillars))
    pillars = {a.pillar for a in next_actions(est, None, limit=100)}
    assert "insights" not in pillars and pillars == {"brand", "people", "relationships"}


@pytest.mark.parametrize("limit", [0, 1, 3])
def test_the_limit_is_kept(limit: int) -> None:
    assert len(next_actions(_estimate({}, None), None, limit=limit)) == limit


def test_at_most_two_one_offs_at_a_time() -> None:
    actions = next_actions(_estimate(dict(SATURATED), Checklist()), Checklist(), limit=100)
    one_offs = [a for a in actions if a.key.startswith("profile_")]
    assert len(one_offs) == MAX_ONE_OFFS
    # Endorsements (a signal of their own) gain most; then the catalogue's order decides.
    assert _keys(actions)[:2] == ["profile_endorsements", "profile_photo"]


# ---- with a plan -------------------------------------------------------------------------------

def test_an_action_the_plan_already_covers_is_not_suggested() -> None:
    est = _estimate({"comments_written": 2}, None)
    assert "comment_weekdays" in _keys(next_actions(est, None, limit=100))
    planned = next_actions(est, None, limit=100, plan={"comments_written": 10})
    assert "comment_weekdays" not in _keys(planned)


def test_the_pillar_the_plan_leaves_weakest_comes_first() -> None:
    est = _estimate(_all_but("insights"), ALL_DONE)
    assert next_actions(est, ALL_DONE)[0].pillar == "insights"
    # A plan that fills insights and drops people: people is now the one to work on.
    plan = {**{k: SATURATED[k] for k in PILLAR_RATES["insights"] if k in SATURATED},
            **{k: 0.0 for k in PILLAR_RATES["people"] if k in SATURATED}}
    actions = next_actions(est, ALL_DONE, plan=plan)
    assert actions and actions[0].pillar == "people"


def test_gains_on_top_of_a_plan_are_smaller_and_the_reason_says_so() -> None:
    est = _estimate({"comments_written": 0}, None)
    alone = {a.key: a for a in next_actions(est, None, limit=100)}["comment_weekdays"]
    planned = {a.key: a for a in next_actions(est, None, limit=100,
                                              plan={"comments_written": 6})}
    with_plan = planned["comment_weekdays"]
    assert with_plan.gain_12w[1] < alone.gain_12w[1]
    assert "with your plan" in with_plan.reason and "6 a week in your plan" in with_plan.reason


# ---- not repeating what is done ------------------------------------------------------------

@pytest.mark.parametrize(("comments", "recommended"), [
    (None, True), (0, True), (9.5, True), (10, False), (25, False)])
def test_actions_already_done_are_not_repeated(comments: float | None,
                                               recommended: bool) -> None:
    est = _estimate({"comments_written": comments}, None)
    actions = next_actions(est, None, limit=100)
    assert ("comment_weekdays" in _keys(actions)) is recommended


def test_an_action_never_asks_for_less_than_the_member_does() -> None:
    est = _estimate({"people_searches": 8, "requests_sent": 20}, None)
    (action,) = [a for a in next_actions(est, None, limit=100)
                 if a.key == "connect_decision_makers"]
    assert dict(action.rates) == {"people_searches": 8, "requests_sent": 20,
                                  "decision_makers_added": 2}


def test_checklist_items_already_done_are_not_repeated() -> None:
    almost = Checklist({**ALL_DONE.items, "featured": False})
    est = _estimate(dict(SATURATED), almost)
    one_offs = [a for a in next_actions(est, almost, limit=100) if a.key.startswith("profile_")]
    assert _keys(tuple(one_offs)) == ["profile_featured"]
    assert "Featured items: not done yet" in one_offs[0].reason
    assert one_offs[0].gain_4w == one_offs[0].gain_12w  # a one-off counts at once


# ---- outreach that goes unanswered ------------------------------------------------------------

@pytest.mark.parametrize(("messages", "replies", "follow_up"), [
    (10, 1, True),  # 10%: low
    (5, 0, True),
    (10, 2, False),  # 20% is not below the line
    (4, 0, False),  # too few messages to judge
    (None, None, False),
])
def test_a_low_reply_rate_brings_a_follow_up_action(messages: float | None,
                                                    replies: float | None,
                                                    follow_up: bool) -> None:
    est = _estimate({"messages_sent": messages, "replies_received": replies}, None)
    keys = _keys(next_actions(est, None, limit=100))
    assert ("follow_up" in keys) is follow_up
    assert ("message_weekly" in keys) is not follow_up


def test_the_follow_up_action_explains_with_the_members_numbers() -> None:
    est = _estimate({"messages_sent": 12, "replies_received": 1}, None)
    (action,) = [a for a in next_actions(est, None, limit=100) if a.key == "follow_up"]
    assert action.pillar == "relationships"
    assert "You send 12 messages a week and 8% get a reply" in action.reason
    assert action.rates["replies_received"] == pytest.approx(3.6)


def test_a_low_acceptance_rate_brings_personal_invites() -> None:
    est = _estimate({"requests_sent": 10, "requests_accepted": 1}, None)
    keys = _keys(next_actions(est, None, limit=100))
    assert "personal_invites" in keys and "connect_with_note" not in keys


# ---- gains ----------------------------------------------------------------------------------

def test_gains_come_from_the_estimate_with_the_window_blended() -> None:
    known = {k: 0.0 for k in PILLAR_RATES["insights"]} | {"comments_written": 1.0}
    est = _estimate(known, None)
    (action,) = [a for a in next_actions(est, None, limit=100) if a.key == "comment_weekdays"]

    def points(rate: float) -> float:
        return 8 * (1 - math.exp(-3 * rate / 10))  # the comments signal: weight 8, saturation 10

    after_4 = 1 * 9 / 13 + 10 * 4 / 13
    assert action.gain_12w == pytest.approx((points(10) - points(1),) * 2)
    assert action.gain_4w == pytest.approx((points(after_4) - points(1),) * 2)
    assert "Comments written: 1 a week now, 10 with this" in action.reason
    assert action.reason.startswith("Engage with insights is at ")


def test_an_unlogged_rate_gives_a_range_from_zero() -> None:
    (action,) = [a for a in next_actions(_estimate({}, None), None, limit=100)
                 if a.key == "comment_weekdays"]
    assert action.gain_12w[0] == 0 < action.gain_12w[1]
    assert "not logged yet, aim for 10 a week" in action.reason


def test_a_signal_the_estimate_does_not_read_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    ghost = Idea("ghost", "insights", "Haunt", {"no_such_signal": 3}, "none", "", "why")
    mixed = Idea("mixed", "insights", "Mixed", {"no_such_signal": 3, "reshares": 9}, "x", "", "y")
    monkeypatch.setattr(actions_module, "ACTIONS", (*ACTIONS, ghost, mixed))
    actions = next_actions(_estimate({}, None), None, limit=100)
    assert "ghost" not in _keys(actions)
    (kept,) = [a for a in actions if a.key == "mixed"]
    assert dict(kept.rates) == {"reshares": 9}


# ---- properties over random members -------------------------------------------------------

rates = st.fixed_dictionaries({k: st.none() | st.floats(0, 60) for k in SATURATED})
checklists = st.none() | st.builds(
    Checklist, st.dictionaries(st.sampled_from(CHECKLIST_KEYS), st.booleans()))
# Both errors drawn, so some pillars use their fit and some keep the raw estimate.
fits = st.builds(PillarFit, st.just("x"), st.floats(-5, 5), st.floats(0, 2), st.floats(0, 3),
                 st.floats(0, 3))
calibrations = st.none() | st.lists(fits, min_size=4, max_size=4).map(
    lambda f: Calibration({k: dataclasses.replace(fit, pillar_key=k)
                           for k, fit in zip(PILLAR_KEYS, f, strict=True)}, 5))


@settings(max_examples=60, deadline=None)
@given(rates, checklists, calibrations)
def test_recommendations_hold_for_any_member(weekly: dict[str, float | None],
                                             checklist: Checklist | None,
                                             calibration: Calibration | None) -> None:
    est = _estimate(dict(weekly), checklist, calibration)
    actions = next_actions(est, checklist, limit=100, calibration=calibration)
    rooms = [PILLAR_MAX - est.of(a.pillar).score for a in actions]
    assert all(room > FULL_WITHIN for room in rooms)  # always a pillar with room to grow
    assert rooms == sorted(rooms, reverse=True)  # the weakest pillar first
    for action in actions:
        (low_4, high_4), (low_12, high_12) = action.gain_4w, action.gain_12w
        assert 0 <= low_4 <= high_4 and 0 <= low_12 <= high_12
        assert low_12 >= low_4 - 1e-9 and high_12 >= high_4 - 1e-9
        weekly_keys = set(action.rates) - CHECKLIST_RATES
        current = est.inputs.rates
        assert not weekly_keys or not all(
            (current.get(k) or 0) >= v and current.get(k) is not None
            for k, v in action.rates.items())
    done = {k for k, v in (checklist.items if checklist else {}).items() if v}
    assert not {a.key.removeprefix("profile_") for a in actions if a.key.startswith("profile_")
                } & done
