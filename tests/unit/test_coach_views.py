"""Coach HTML from real core results: the numbers a member needs, missing shown as missing,
and text from anywhere staying text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html import escape

from shell import coach_views
from ssi_coach import text
from ssi_coach.activity.actions import next_actions
from ssi_coach.activity.calibration import NotYet, calibrate
from ssi_coach.activity.estimate import RATE_KEYS, Estimate, Inputs, estimate, inputs_for
from ssi_coach.activity.explain import explain_change
from ssi_coach.activity.outcomes import CAVEAT, Correlation, correlations, outcome_points
from ssi_coach.activity.whatif import project
from ssi_coach.model import OUTCOMES, PILLARS, Calibration, Checklist, Goal, WeekLog, WeeklyPlan

from .conftest import TODAY, checkin

HOSTILE = '<img src=x onerror="alert(1)">'
MONDAY = dt.date(2026, 11, 16)  # the week TODAY falls in
USUAL = {"posts": 1, "reactions_received": 15, "comments_received": 4, "people_searches": 6,
         "profiles_viewed": 15, "requests_sent": 6, "decision_makers_added": 2,
         "comments_written": 7, "reactions_given": 12, "reshares": 1, "group_posts": 1,
         "requests_accepted": 3, "messages_sent": 8, "replies_received": 3,
         "conversations_started": 2}


def _estimate(**rates: float | None) -> Estimate:
    """A real estimate from the given weekly rates; every other rate missing."""
    known: dict[str, float | None] = dict.fromkeys(RATE_KEYS)
    known.update(rates)
    read = inputs_for((), None, end=TODAY)
    return estimate(Inputs(known, 10, read.window_start, TODAY))


def _ramp(weeks: int = 40) -> list[WeekLog]:
    first = MONDAY - dt.timedelta(weeks=weeks - 1)
    return [WeekLog(first + dt.timedelta(weeks=i),
                    {k: round(v * (i + 1) / weeks * 1.5) for k, v in USUAL.items()})
            for i in range(weeks)]


def _no_tags_from(html: str) -> None:
    assert "<img" not in html and "&lt;img src=x" in html


# ---- estimate panel ---------------------------------------------------------------------

def test_missing_inputs_read_as_missing_never_as_zero() -> None:
    est = _estimate(comments_written=5.0)  # everything else missing
    html = coach_views.estimate_panel(est, NotYet(0, 3), None)
    assert "Estimated from your activity" in html
    assert "LinkedIn's unpublished formula, from the last 90 days" in html
    insights = _item(html, "insights")
    comments_row = _row(insights, "Comments written per week")
    assert "<td>5</td>" in comments_row and "missing" not in comments_row
    reshares_row = _row(insights, "Reshares per week")
    assert reshares_row.count('<td class="missing">missing</td>') == 2
    assert "<td>0</td>" not in reshares_row and "0.0" not in reshares_row
    assert "Reshares" in reshares_row  # the LinkedIn input is named


def test_each_pillar_shows_score_range_confidence_and_the_real_score() -> None:
    est = _estimate(posts=1.0, comments_written=10.0)
    latest = checkin("2026-11-01", (12.275, 6, 3.1, 1.948))
    html = coach_views.estimate_panel(est, NotYet(1, 3), latest)
    for pillar in PILLARS:
        item = _item(html, pillar.key)
        figure = est.of(pillar.key)
        assert f"<strong>{_one(figure.score)}</strong>" in item
        assert f"{figure.confidence} confidence" in item
        assert "Why this number" in item and "<details>" in item
        if _one(figure.low) != _one(figure.high):
            assert f"{_one(figure.low)}–{_one(figure.high)}" in item
    assert "12.275" in _item(html, "brand") and "1 Nov 2026" in _item(html, "brand")


def test_not_yet_says_how_many_more_check_ins_and_how_many_there_are() -> None:
    html = coach_views.estimate_panel(_estimate(), NotYet(1, 3), None)
    assert ("Calibration needs 2 more check-ins with at least 4 weeks of activity logged "
            "before them (you have 1)") in html
    one = coach_views.estimate_panel(_estimate(), NotYet(2, 3), None)
    assert "needs 1 more check-in with" in one and "(you have 2)" in one


def test_a_real_calibration_shows_its_errors_before_and_after() -> None:
    weeks = _ramp()
    checkins = [checkin(day, scores) for day, scores in (
        ("2026-08-02", (8, 6, 5, 4)), ("2026-09-06", (11, 9, 8, 7)),
        ("2026-10-04", (13, 11, 10, 9)), ("2026-11-01", (15, 13, 12, 11)))]
    checklist = Checklist({"photo": True})
    calibration = calibrate(checkins, weeks, checklist)
    assert isinstance(calibration, Calibration)
    est = estimate(inputs_for(weeks, checklist, end=TODAY), calibration)
    html = coach_views.estimate_panel(est, calibration, checkins[-1])
    assert "Calibrated on 4 check-ins" in html and "leave-one-out" in html
    for pillar in PILLARS:
        fit = calibration.fits[pillar.key]
        assert f"<td>{fit.mae_before:.1f}</td><td>{fit.mae_after:.1f}</td>" in html


def test_before_any_week_is_logged_it_says_what_to_do_first_not_zero() -> None:
    read = inputs_for((), None, end=TODAY)
    html = coach_views.estimate_panel(estimate(read), NotYet(0, 3), None)
    words = _text(html)
    assert "No estimate yet" in words and "Start by logging last week's activity" in words
    assert "estimated" not in words.replace("Estimated from your activity", "")
    assert "/ 100" not in words and "estimate-list" not in html and "0 / 25" not in words
    assert "Calibration needs 3 more check-ins" in words


def test_the_estimate_reads_as_sentences_not_run_together() -> None:
    est = _estimate(posts=1.0, comments_written=10.0)
    latest = checkin("2026-11-01", (12.275, 6, 3.1, 1.948))
    words = _text(_item(coach_views.estimate_panel(est, NotYet(1, 3), latest), "insights"))
    insights = est.of("insights")
    assert (f"{_one(insights.score)} / 25 (range {_one(insights.low)}–{_one(insights.high)})."
            " Your check-in of 1 Nov 2026: 3.1. Why this number") in words
    assert "Engage with insights medium confidence " in words


def test_each_pillar_says_whether_it_is_calibrated_with_both_errors() -> None:
    weeks = _ramp()
    checklist = Checklist({"photo": True})
    fitted = calibrate([checkin(day, scores) for day, scores in (
        ("2026-08-02", (8, 6, 5, 4)), ("2026-09-06", (11, 9, 8, 7)),
        ("2026-10-04", (13, 11, 10, 9)), ("2026-11-01", (15, 13, 12, 11)))], weeks, checklist)
    assert isinstance(fitted, Calibration)
    helps = dataclasses.replace(fitted.fits["brand"], mae_before=3.0, mae_after=1.3)
    hurts = dataclasses.replace(fitted.fits["people"], mae_before=1.0, mae_after=2.5)
    calibration = dataclasses.replace(fitted, fits={**fitted.fits, "brand": helps,
                                                    "people": hurts})
    est = estimate(inputs_for(weeks, checklist, end=TODAY), calibration)
    html = coach_views.estimate_panel(est, calibration, None)
    assert "· calibrated to your check-ins." in _text(_item(html, "brand"))
    assert "· standard model." in _text(_item(html, "people"))
    assert est.of("people").score == est.of("people").raw
    table = html[html.index('<table class="calibration-table">'):]
    brand_row = _row(table, "Establish your professional brand")
    people_row = _row(table, "Find the right people")
    cells = re.compile(r"<td[^>]*>([^<]*)</td>")
    assert cells.findall(brand_row) == ["3.0", "1.3", "Calibrated to your check-ins"]
    assert cells.findall(people_row) == ["1.0", "2.5", "Standard model"]


def test_pillar_elements_carry_their_pillar_for_the_colour() -> None:
    est = _estimate(posts=0.0, comments_written=1.0)
    html = coach_views.estimate_panel(est, NotYet(0, 3), None)
    for pillar in PILLARS:
        assert f'<li data-pillar="{pillar.key}" class="pillar-{pillar.key}">' in html
    actions = coach_views.actions_list(next_actions(est, Checklist()), True)
    assert re.search(r'<span class="badge pillar-(brand|people|insights|relationships)">',
                     actions)


def test_estimate_text_is_escaped() -> None:
    est = _estimate(posts=1.0)
    pillar = est.pillars[0]
    signal = dataclasses.replace(pillar.signals[0].signal, label=HOSTILE, source=HOSTILE)
    first = dataclasses.replace(pillar.signals[0], signal=signal)
    hostile = dataclasses.replace(pillar, signals=(first, *pillar.signals[1:]))
    html = coach_views.estimate_panel(
        dataclasses.replace(est, pillars=(hostile, *est.pillars[1:])), NotYet(0, 3), None)
    _no_tags_from(html)


# ---- actions ------------------------------------------------------------------------------

def test_actions_show_title_pillar_effort_and_gain_ranges() -> None:
    est = _estimate(posts=0.0, comments_written=1.0, messages_sent=1.0)
    actions = next_actions(est, Checklist())
    assert actions
    html = coach_views.actions_list(actions, True)
    assert html.startswith("<ol") and html.count("<li ") == len(actions)
    for action in actions:
        assert action.title in html and action.effort in html
        label = next(p.label for p in PILLARS if p.key == action.pillar)
        assert label in html
        low, high = sorted(round(g, 1) for g in action.gain_12w)
        gain = f"+{low:.1f}" if low == high else f"+{low:.1f}–{high:.1f}"
        assert f"{gain} after 12 weeks" in html
    assert any(a.principle for a in actions) and "Principle: " in html


def test_a_single_value_gain_and_a_stakeholder() -> None:
    action = next_actions(_estimate(posts=0.0), Checklist())[0]
    fixed = dataclasses.replace(action, gain_4w=(0.42, 0.44), gain_12w=(1.0, 2.26),
                                stakeholder="decision-maker", principle="reciprocity")
    html = coach_views.actions_list([fixed], True)
    assert "+0.4 after 4 weeks, +1.0–2.3 after 12 weeks" in html
    assert "Principle: reciprocity" in html and "decision-maker" in html


def test_before_any_activity_the_actions_say_what_to_do_first_without_gains() -> None:
    actions = next_actions(_estimate(), Checklist())
    assert actions
    html = coach_views.actions_list(actions, False)
    assert "First, log a week of activity" in html
    assert "after 4 weeks" not in html and "after 12 weeks" not in html and "+0" not in html
    for action in actions:
        assert action.title in html


def test_no_actions_says_why() -> None:
    assert "Log a few weeks of activity" in coach_views.actions_list([], False)
    assert "You already do everything" in coach_views.actions_list([], True)
    assert "Your plan covers everything" in coach_views.actions_list([], True, planned=True)


def test_with_a_plan_the_list_says_it_is_ranked_from_the_plan() -> None:
    actions = next_actions(_estimate(posts=0.0), Checklist())
    assert "where your plan leads" not in coach_views.actions_list(actions, True)
    assert "where your plan leads" in coach_views.actions_list(actions, True, planned=True)


def test_action_text_is_escaped() -> None:
    action = next_actions(_estimate(posts=0.0), Checklist())[0]
    hostile = dataclasses.replace(action, title=HOSTILE, reason=HOSTILE, effort=HOSTILE,
                                  principle=HOSTILE, stakeholder=HOSTILE)
    _no_tags_from(coach_views.actions_list([hostile], True))


# ---- projection -------------------------------------------------------------------------

def test_projection_puts_the_goal_status_first_then_each_week() -> None:
    est = _estimate(comments_written=2.0)
    goal = Goal(99, dt.date(2027, 1, 31))
    projection = project(est, WeeklyPlan({"comments_written": 10}), today=TODAY, goal=goal)
    html = coach_views.projection_table(projection, goal)
    assert projection.gap is not None
    assert f"Behind by {projection.gap:.1f} points" in html
    assert html.index("Behind by") < html.index("<table")
    assert "SSI 99 by 31 Jan 2027" in html
    assert "projection from your activity estimate" in html
    assert html.count("<tr data-week=") == len(projection.weeks) == 12
    last = projection.weeks[-1]
    row = _row(html, text.long_date(last.week))
    assert f"<strong>{_one(last.total)}</strong>" in row
    for value in last.pillars:
        assert f"<td>{_one(value)}</td>" in row


def test_projection_on_track_and_without_a_goal() -> None:
    est = _estimate(comments_written=2.0)
    goal = Goal(1, dt.date(2027, 1, 31))
    on_track = project(est, WeeklyPlan(), today=TODAY, goal=goal)
    html = coach_views.projection_table(on_track, goal)
    assert "On track" in html and 'data-on-track="true"' in html
    free = coach_views.projection_table(project(est, WeeklyPlan(), today=TODAY), None)
    assert "Set a goal" in free and "On track" not in free


# ---- why it changed -----------------------------------------------------------------------

def test_change_explanation_shows_pillars_ranks_and_activity() -> None:
    weeks = [WeekLog(dt.date(2026, 9, 7) + dt.timedelta(weeks=i), {"posts": 0})
             for i in range(4)]
    weeks += [WeekLog(dt.date(2026, 10, 5) + dt.timedelta(weeks=i),
                      {"posts": 2, "comments_written": 6}) for i in range(4)]
    before = checkin("2026-10-04", (10, 10, 10, 10), industry_rank=20, industry_average=31)
    after = checkin("2026-11-01", (12, 11, 10, 10.5), industry_rank=15, industry_average=31)
    expl = explain_change(before, after, weeks)
    html = coach_views.change_explanation(expl)
    assert escape(expl.summary) in html
    assert '<span class="up">+2</span>' in html and '<span class="same">±0</span>' in html
    assert '<span class="up">+3.5</span>' in html  # the total
    assert "Top 20% → Top 15%" in html and "That is your doing" in html
    assert "not recorded → not recorded" in html  # the network rank
    posts = _row(html, "Posts published")
    assert "<td>0</td><td>2</td>" in posts
    comments = _row(html, "Comments written")
    assert '<td class="missing">not logged</td><td>6</td>' in comments


def test_change_explanation_escapes_its_words() -> None:
    expl = explain_change(checkin("2026-10-04"), checkin("2026-11-01"), [])
    hostile = dataclasses.replace(expl, summary=HOSTILE, ranks=(
        dataclasses.replace(expl.ranks[0], cause=HOSTILE),))
    _no_tags_from(coach_views.change_explanation(hostile))


# ---- outcomes -----------------------------------------------------------------------------

def test_correlations_show_r_points_and_mark_not_enough_data() -> None:
    real = correlations(outcome_points([checkin("2026-11-01")], []))
    meetings = next(m for m in OUTCOMES if m.key == "meetings")
    found = Correlation(meetings, -0.456, 8, f"r = -0.46 over 8 check-ins: a moderate "
                        f"negative link: higher SSI went with fewer meetings. {CAVEAT}")
    html = coach_views.outcome_correlations([*real, found])
    assert html.count("Not enough data") == len(real) == len(OUTCOMES)
    assert "r = \u22120.46 over 8 check-ins" in html
    assert html.count(CAVEAT) == 1  # once, under the list


def test_correlation_text_is_escaped() -> None:
    measure = dataclasses.replace(OUTCOMES[0], label=HOSTILE)
    html = coach_views.outcome_correlations([Correlation(measure, 0.5, 7, HOSTILE)])
    _no_tags_from(html)
    assert "r = 0.50 over 7 check-ins" in html


# ---- weekly log ---------------------------------------------------------------------------

def test_weeks_table_is_newest_first_with_an_edit_button_per_week() -> None:
    weeks = [WeekLog(dt.date(2026, 11, 2), {"posts": 1, "meetings": 0}),
             WeekLog(dt.date(2026, 11, 9), {}),
             WeekLog(MONDAY, {"posts": 2, "comments_written": 7, "messages_sent": 3})]
    html = coach_views.weeks_table(weeks)
    positions = [html.index(f'<tr data-week="2026-11-{d}"') for d in ("16", "09", "02")]
    assert positions == sorted(positions)
    assert "Week of 16 Nov 2026" in html
    for day in ("2026-11-16", "2026-11-09", "2026-11-02"):
        assert (f'<button type="button" class="link" data-action="edit-week" '
                f'data-week="{day}"') in html
    newest = _row(html, "Week of 16 Nov 2026")
    assert _cells(newest) == ["Typed", "3", "2", "7", "", "3", ""]
    oldest = _row(html, "Week of 2 Nov 2026")
    assert _cells(oldest) == ["Typed", "2", "1", "", "", "", "0"]  # a logged 0 stays 0
    assert _cells(_row(html, "Week of 9 Nov 2026")) == ["Typed", "0", "", "", "", "", ""]


def test_imported_weeks_are_marked_and_a_week_with_both_offers_a_choice() -> None:
    typed = [WeekLog(MONDAY, {"posts": 2, "meetings": 1})]
    imported = [WeekLog(dt.date(2026, 11, 9), {"posts": 1}),
                WeekLog(MONDAY, {"posts": 5, "comments_written": 4})]
    html = coach_views.weeks_table(typed, imported, {MONDAY: "imported"})
    assert _cells(_row(html, "Week of 9 Nov 2026"))[0] == "Export"
    both = _row(html, "Week of 16 Nov 2026")
    assert 'data-week-source="2026-11-16"' in both
    assert '<option value="imported" selected>Export wins</option>' in both
    # The export wins posts; the typed meeting and the imported comments both count.
    assert _cells(both) == ["3", "5", "4", "", "", "1"]  # the picker cell is not plain
    typed_wins = _row(coach_views.weeks_table(typed, imported, {}), "Week of 16 Nov 2026")
    assert '<option value="typed" selected>Typed wins</option>' in typed_wins
    assert _cells(typed_wins)[1] == "2"


def test_years_of_weeks_fold_the_older_ones_away() -> None:
    imported = [WeekLog(MONDAY - dt.timedelta(weeks=k), {"posts": 1}) for k in range(100)]
    html = coach_views.weeks_table([], imported)
    recent = html[:html.index('<details class="older-weeks">')]
    assert recent.count("<tr data-week=") == coach_views.RECENT_WEEKS
    assert f"{100 - coach_views.RECENT_WEEKS} older weeks" in html
    assert html.count("<tr data-week=") == 100


def test_no_weeks_yet() -> None:
    assert "No weeks logged yet." in coach_views.weeks_table([])


# ---- helpers ----------------------------------------------------------------------------

def _one(value: float) -> str:
    return text.score(round(value, 1))


def _item(html: str, pillar: str) -> str:
    start = html.index(f'<li data-pillar="{pillar}"')
    return html[start:html.index("</li>", start)]


def _row(html: str, heading: str) -> str:
    start = html.index(f">{heading}</th>")
    return html[start:html.index("</tr>", start)]


def _text(html: str) -> str:
    """What a reader gets (the textContent), entities decoded."""
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html))


def _cells(row: str) -> list[str]:
    """The plain <td> cells of a row, skipping the actions cell."""
    return re.findall(r"<td>([^<]*)</td>", row)

