"""The Coach's one call: from a stored document and `today` to everything the section shows."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ssi_coach.activity.calibration import NotYet, with_fit_held
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.model import (
    CHECKLIST_KEYS,
    MEASURE_KEYS,
    PART_OF,
    Calibration,
    CheckIn,
    Checklist,
    Document,
    Goal,
    WeekLog,
    WeeklyPlan,
)
from ssi_coach.storage import MemoryStorage, Store

TODAY = dt.date(2026, 11, 22)  # a Sunday: the week of Monday 16 November


def _weeks(count: int, **counts: int) -> tuple[WeekLog, ...]:
    first = dt.date(2026, 11, 16) - dt.timedelta(weeks=count - 1)
    return tuple(WeekLog(first + dt.timedelta(weeks=k), dict(counts)) for k in range(count))


def test_an_empty_document_shows_an_estimate_and_asks_for_activity() -> None:
    view = coach_view(Document(), TODAY)
    assert not view.has_activity and view.projection is None and not view.planned
    assert isinstance(view.calibration, NotYet) and view.calibration.more == 3
    assert all(0 <= p.score <= 25 for p in view.estimate.pillars)


def test_logged_weeks_count_and_raise_the_estimate() -> None:
    empty = coach_view(Document(), TODAY).estimate
    busy = coach_view(Document(weeks=_weeks(4, posts=3, comments_written=10)), TODAY)
    assert busy.has_activity and busy.estimate.inputs.weeks_logged == 4
    assert busy.estimate.of("brand").score > empty.of("brand").score
    assert busy.estimate.of("insights").score > empty.of("insights").score


def test_a_goal_alone_projects_current_behaviour_against_it() -> None:
    document = Document(weeks=_weeks(4, posts=1), goal=Goal(90.0, dt.date(2027, 2, 1)))
    view = coach_view(document, TODAY)
    assert view.projection is not None and len(view.projection.weeks) == 12
    assert view.projection.goal_status is not None
    assert view.projection.goal_status.startswith("behind by")
    assert not view.planned


def test_a_plan_changes_the_projection_and_the_ranked_actions() -> None:
    document = Document(weeks=_weeks(4, posts=0, comments_written=0), checklist=Checklist())
    before = coach_view(document, TODAY)
    plan = WeeklyPlan({"comments_written": 10, "reactions_given": 20, "posts": 3})
    after = coach_view(dataclasses.replace(document, plan=plan), TODAY)
    assert after.planned and after.projection is not None
    assert after.projection.weeks[-1].total > before.estimate.total
    keys_before = [a.key for a in before.actions]
    keys_after = [a.key for a in after.actions]
    assert "comment_weekdays" in keys_before and "comment_weekdays" not in keys_after
    assert keys_before != keys_after


def test_three_checkins_with_activity_before_them_calibrate() -> None:
    weeks = _weeks(20, posts=2, comments_written=4, requests_sent=5)
    days = (dt.date(2026, 9, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 1))
    checkins = tuple(CheckIn(d, 12.0, 10.0, 8.0, 14.0) for d in days)
    view = coach_view(Document(checkins=checkins, weeks=weeks), TODAY)
    assert isinstance(view.calibration, Calibration)
    one_short = coach_view(Document(checkins=checkins[:2], weeks=weeks), TODAY)
    assert isinstance(one_short.calibration, NotYet) and one_short.calibration.more == 1


# ---- more activity never lowers the shown estimate, calibrated ----------------------------

MONDAY = dt.date(2026, 11, 16)
STEADY = {"people_searches": 4, "requests_sent": 5, "comments_written": 5}


def _steady_document() -> Document:
    """30 weeks of the same habits; four check-ins whose real scores sit well above them."""
    weeks = tuple(WeekLog(MONDAY - dt.timedelta(weeks=k), dict(STEADY))
                  for k in reversed(range(30)))
    checkins = tuple(CheckIn(MONDAY - dt.timedelta(weeks=k, days=-3), 12, 15, 10, 8)
                     for k in (20, 14, 9, 4))
    return Document(checkins=checkins, weeks=weeks)


def _raised(document: Document, index: int, key: str, more: int) -> Document:
    log = document.weeks[index]
    counts = {**log.counts, key: log.counts[key] + more}
    weeks = (*document.weeks[:index], WeekLog(log.week, counts), *document.weeks[index + 1:])
    return dataclasses.replace(document, weeks=weeks)


def test_a_busier_past_week_would_lower_a_refitted_estimate_so_the_fit_is_held() -> None:
    document = with_fit_held(_steady_document())
    before = coach_view(document, TODAY)
    assert isinstance(before.calibration, Calibration) and before.calibration.uses("people")
    assert document.held_fit is not None and document.held_fit.calibration == before.calibration
    # The week of 27 Jul is behind two check-ins but outside today's 90 days: making it
    # busier says "the same real score took more activity", and a refit believes it.
    busier = _raised(document, 29 - 16, "requests_sent", 35)
    refitted = coach_view(busier.with_held_fit(None), TODAY)
    assert refitted.estimate.of("people").score < before.estimate.of("people").score - 0.5
    held = coach_view(busier, TODAY)
    assert held.calibration == before.calibration
    assert held.estimate.of("people").score == before.estimate.of("people").score
    assert with_fit_held(busier) is busier, "nothing new to save"
    # A new check-in is new evidence: then the fit is made again.
    checkin = CheckIn(TODAY, 13, 16, 11, 9)
    added = with_fit_held(busier.put(checkin))
    again = coach_view(added, TODAY)
    assert isinstance(again.calibration, Calibration) and again.calibration.based_on == 5
    assert added.held_fit is not None and added.held_fit.calibration == again.calibration


def test_a_changed_note_is_no_new_evidence_and_keeps_the_fit() -> None:
    document = with_fit_held(_steady_document())
    first = document.checkins[0]
    noted = document.put(dataclasses.replace(first, note="Nouvelle photo ✅", industry_rank=12),
                         replacing=first.on)
    assert with_fit_held(noted) is noted
    rescored = document.put(dataclasses.replace(first, people=first.people + 1),
                            replacing=first.on)
    refitted = with_fit_held(rescored)
    assert refitted.held_fit is not None and refitted.held_fit != document.held_fit


def test_a_busier_week_saved_in_one_tab_while_another_saved_keeps_the_estimate() -> None:
    backend = MemoryStorage()
    Store(backend).save(with_fit_held(_steady_document()))  # the Coach saved the fit it shows
    first, second = Store(backend), Store(backend)
    shown = first.load().document
    second.load()
    before = coach_view(shown, TODAY)
    first.save(shown.with_plan(WeeklyPlan({"posts": 2}), None))  # tab 1 sets a plan
    busier = _raised(shown, 29 - 16, "requests_sent", 35)  # tab 2, not reloaded, a busier week
    assert second.save(busier).merged
    after = coach_view(Store(backend).load().document, TODAY)
    assert after.calibration == before.calibration
    assert after.estimate.of("people").score == before.estimate.of("people").score


def test_not_yet_is_held_too_so_calibration_starts_with_the_next_checkin() -> None:
    document = _steady_document()
    early = with_fit_held(dataclasses.replace(document, weeks=document.weeks[:3]))
    assert early.held_fit is not None and early.held_fit.calibration is None
    assert isinstance(coach_view(early, TODAY).calibration, NotYet)
    # Logging the weeks that would allow calibrating switches nothing on by itself: a
    # switch is a refit, and a refit can lower what the member sees.
    later = dataclasses.replace(early, weeks=document.weeks)
    waiting = coach_view(later, TODAY).calibration
    assert isinstance(waiting, NotYet) and waiting.waiting and waiting.more == 0
    assert with_fit_held(later) is later, "nothing new to save"
    # The next check-in is new evidence: calibration starts.
    started = with_fit_held(later.put(CheckIn(TODAY, 13, 16, 11, 9)))
    assert started.held_fit is not None and started.held_fit.calibration is not None
    assert isinstance(coach_view(started, TODAY).calibration, Calibration)


def test_an_empty_document_holds_nothing() -> None:
    empty = Document()
    assert with_fit_held(empty) is empty


_MEASURES = ("posts", "reactions_received", "people_searches", "requests_sent",
             "decision_makers_added", "comments_written", "reactions_given",
             "requests_accepted", "messages_sent", "replies_received")
assert set(_MEASURES) <= set(MEASURE_KEYS)
_week_counts = st.dictionaries(st.sampled_from(_MEASURES), st.integers(0, 30), min_size=1).map(
    lambda counts: counts | {part: min(counts[part], counts[whole]) for part, whole in PART_OF
                             if part in counts and whole in counts})  # as the form allows
_scores = st.tuples(*(st.floats(0, 25, allow_nan=False).map(lambda v: round(v, 2))
                      for _ in range(4)))


@st.composite
def calibrated_documents(draw: st.DrawFn) -> Document:
    """16-30 logged weeks up to this week, 3-6 check-ins each with 4+ logged weeks behind
    it, random real scores and checklist: documents the Coach calibrates."""
    count = draw(st.integers(16, 30))
    weeks = tuple(WeekLog(MONDAY - dt.timedelta(weeks=count - 1 - k), draw(_week_counts))
                  for k in range(count))
    ages = draw(st.lists(st.integers(0, count - 5), min_size=3, max_size=6, unique=True))
    checkins = tuple(CheckIn(MONDAY - dt.timedelta(weeks=age, days=-3), *draw(_scores))
                     for age in sorted(ages, reverse=True))
    checklist = draw(st.none() | st.builds(
        Checklist, st.dictionaries(st.sampled_from(CHECKLIST_KEYS), st.booleans())))
    return Document(checkins=checkins, weeks=weeks, checklist=checklist)


def _busier_week(document: Document, data: st.DataObject) -> Document:
    """The document with one count of one logged week raised, as the week form saves it."""
    log = document.weeks[data.draw(st.integers(0, len(document.weeks) - 1))]
    key = data.draw(st.sampled_from(sorted(log.counts)))
    more = data.draw(st.integers(1, 50))
    counts = {**log.counts, key: log.counts[key] + more}
    for part, whole in PART_OF:  # a part never above its whole: that grows too
        if key == part and whole in counts:
            counts[whole] += more
    return document.with_week(WeekLog(log.week, counts))


def _saved_and_loaded(document: Document, backend: MemoryStorage) -> Document:
    """Save from one page, then load as a reload (or another tab) does."""
    Store(backend).save(document)
    loaded = Store(backend).load()
    assert loaded.problem is None
    return loaded.document


@settings(max_examples=60)
@given(calibrated_documents(), st.data())
def test_after_a_reload_more_of_one_count_in_any_week_never_lowers_the_calibrated_estimate(
        document: Document, data: st.DataObject) -> None:
    # The Coach shows the estimate and saves the fit it shows; the page is reloaded; the
    # member makes a past week busier and saves; the page is reloaded again.
    backend = MemoryStorage()
    shown = _saved_and_loaded(with_fit_held(document), backend)
    before = coach_view(shown, TODAY)
    assume(isinstance(before.calibration, Calibration))
    busier = _saved_and_loaded(_busier_week(shown, data), backend)
    assert with_fit_held(busier) is busier, "more activity asks for no refit"
    after = coach_view(busier, TODAY)
    assert after.calibration == before.calibration
    assert after.estimate.total >= before.estimate.total
    for old, new in zip(before.estimate.pillars, after.estimate.pillars, strict=True):
        assert new.score >= old.score and new.high >= old.high


@settings(max_examples=40)
@given(calibrated_documents(), st.data())
def test_before_calibration_more_of_one_count_never_lowers_the_estimate(
        document: Document, data: st.DataObject) -> None:
    # Calibration not started when the check-ins came (too few weeks logged then), then
    # enough weeks logged, then a busier week: the default-weights estimate only grows.
    backend = MemoryStorage()
    sparse = dataclasses.replace(document, weeks=document.weeks[-2:])
    shown = _saved_and_loaded(with_fit_held(sparse), backend)
    assert shown.held_fit is not None and shown.held_fit.calibration is None
    filled = _saved_and_loaded(with_fit_held(dataclasses.replace(shown, weeks=document.weeks)),
                               backend)
    before = coach_view(filled, TODAY)
    assert isinstance(before.calibration, NotYet)
    busier = _saved_and_loaded(_busier_week(filled, data), backend)
    assert with_fit_held(busier) is busier
    after = coach_view(busier, TODAY)
    assert after.estimate.total >= before.estimate.total
    for old, new in zip(before.estimate.pillars, after.estimate.pillars, strict=True):
        assert new.score >= old.score and new.high >= old.high


def test_a_fit_held_for_other_checkins_gives_way_to_not_yet_for_fewer() -> None:
    document = with_fit_held(_steady_document())
    assert document.held_fit is not None
    fewer = with_fit_held(dataclasses.replace(document, checkins=document.checkins[:2]))
    assert fewer.held_fit is not None and fewer.held_fit.calibration is None
    assert isinstance(coach_view(fewer, TODAY).calibration, NotYet)
