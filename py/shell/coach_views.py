"""HTML for the Coach: the activity estimate, next actions, what-if projections, why a score
changed, outcomes, and the weekly log. Pure functions, no browser imports.

Every piece of text that comes from the member or from the core goes through `escape`, so it
can never become markup. Every number built from the activity log is an estimate, and the
words say so. A missing input reads as "missing" or stays blank, never as 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape

from ssi_coach import text
from ssi_coach.activity.actions import Action
from ssi_coach.activity.calibration import MIN_WEEKS_BEHIND, Calibration, NotYet
from ssi_coach.activity.estimate import WINDOW_DAYS, Estimate, PillarEstimate, SignalEstimate
from ssi_coach.activity.explain import ActivityChange, ChangeExplanation, RankMove
from ssi_coach.activity.outcomes import CAVEAT, MIN_POINTS, Correlation
from ssi_coach.activity.whatif import Projection
from ssi_coach.model import (
    IMPORTED,
    MEASURE_KEYS,
    PILLAR_MAX,
    PILLARS,
    TOTAL_MAX,
    TYPED,
    CheckIn,
    Goal,
    WeekLog,
    effective_weeks,
)

_PILLAR_LABELS = {p.key: p.label for p in PILLARS}
# The weekly log's key totals shown in the weeks table: (measure key, column heading).
WEEK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("posts", "Posts"),
    ("comments_written", "Comments written"),
    ("requests_sent", "Requests sent"),
    ("messages_sent", "Messages sent"),
    ("meetings", "Meetings"),
)


# ---- small helpers ------------------------------------------------------------------------

def _one(value: float) -> str:
    """A score to one decimal, LinkedIn style: 12.25 -> '12.3', 6.0 -> '6'."""
    return text.score(round(value, 1))


def _plural(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def _signed_span(value: float | None, places: int) -> str:
    if value is None:
        return ""
    rounded = round(value, places)
    css = "up" if rounded > 0 else "down" if rounded < 0 else "same"
    return f'<span class="{css}">{text.change(value, places)}</span>'


def _gain(low: float, high: float) -> str:
    """'+0.4–1.2', or '+0.4' when both ends round alike."""
    a, b = sorted((round(low, 1), round(high, 1)))
    return f"+{a:.1f}" if a == b else f"+{a:.1f}–{b:.1f}"


def _per_week(value: float | None) -> str:
    return "not logged" if value is None else f"{value:.1f}".removesuffix(".0")


# ---- 1. the estimate ----------------------------------------------------------------------

def estimate_panel(est: Estimate, calibration: Calibration | NotYet,
                   latest: CheckIn | None) -> str:
    """Each pillar's estimated score with its range, confidence, the member's real score to
    compare, and (folded away) the signals behind it; then how well it is calibrated."""
    pillars = "".join(_estimate_item(p, latest) for p in est.pillars)
    inputs = est.inputs
    window = (f"{text.long_date(inputs.window_start)} to {text.long_date(inputs.window_end)}, "
              f"{_plural(inputs.weeks_logged, 'week')} logged")
    return (
        '<section class="card estimate-panel" aria-labelledby="estimate-heading">'
        '<h3 id="estimate-heading">Estimated from your activity</h3>'
        "<p>An estimate of LinkedIn's unpublished formula, from the last "
        f"{WINDOW_DAYS} days of what you logged ({window}).</p>"
        f'<p class="big" data-testid="estimate-total">{_one(est.total)}'
        f"<small> / {TOTAL_MAX} estimated</small></p>"
        f'<ul class="estimate-list">{pillars}</ul>'
        f"{_calibration(calibration)}"
        '<p class="hint">LinkedIn publishes which inputs count, not how much: the weights '
        "are our judgement, so treat every number here as a guide, not a measurement.</p>"
        "</section>"
    )


def _estimate_item(pillar: PillarEstimate, latest: CheckIn | None) -> str:
    label = escape(pillar.pillar.label)
    low, high = _one(pillar.low), _one(pillar.high)
    spread = (f' <span class="muted">(range {low}–{high})</span>' if low != high else "")
    confidence = escape(pillar.confidence)
    actual = ""
    if latest is not None:
        real = text.score(latest.score_of(pillar.pillar))
        actual = (f'<span class="muted actual">Your check-in of {text.long_date(latest.on)}: '
                  f"{real}</span>")
    return (
        f'<li data-pillar="{escape(pillar.pillar.key)}">'
        f'<span class="pillar-name">{label} '
        f'<span class="badge confidence-{confidence}">{confidence} confidence</span></span>'
        f"<span><strong>{_one(pillar.score)}</strong>"
        f'<span class="muted"> / {PILLAR_MAX}</span>{spread}</span>'
        f"{actual}"
        f"<details><summary>Why this number</summary>{_signals_table(pillar)}</details></li>"
    )


def _signals_table(pillar: PillarEstimate) -> str:
    rows = "".join(_signal_row(s) for s in pillar.signals)
    return (
        '<div class="table-wrap" tabindex="0">'
        '<table class="signals"><caption class="visually-hidden">'
        f"The inputs behind {escape(pillar.pillar.label)}</caption><thead><tr>"
        '<th scope="col">Signal</th><th scope="col">LinkedIn input</th>'
        '<th scope="col">Weight (points)</th><th scope="col">Saturation</th>'
        '<th scope="col">Your weekly value</th><th scope="col">Contribution (points)</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
        f'<p class="hint">{round(pillar.known_share * 100)}% of this pillar\'s weight rests on '
        "inputs you logged. A missing input adds nothing, lowers the confidence and widens "
        "the range.</p>"
    )


def _signal_row(item: SignalEstimate) -> str:
    signal = item.signal
    checklist = bool(signal.items)
    if checklist:
        saturation = f"{signal.saturation:.0%} of items done"
    else:
        saturation = f"{text.score(signal.saturation)} a week"
    if item.value is None:
        value = '<td class="missing">missing</td>'
        points = '<td class="missing">missing</td>'
    else:
        shown = f"{item.value:.0%} done" if checklist else f"{item.value:.1f}".removesuffix(".0")
        value = f"<td>{shown}</td>"
        points = f"<td>{item.contribution:.1f}</td>"
    return (
        f'<tr><th scope="row">{escape(signal.label)}</th>'
        f'<td class="note">{escape(signal.source)}</td>'
        f"<td>{text.score(signal.weight)}</td><td>{saturation}</td>{value}{points}</tr>"
    )


def _calibration(calibration: Calibration | NotYet) -> str:
    if isinstance(calibration, NotYet):
        have = calibration.have
        return (
            '<p class="notice calibration">Calibration needs '
            f"{_plural(calibration.more, 'more check-in', 'more check-ins')} with at least "
            f"{MIN_WEEKS_BEHIND} weeks of activity logged before them (you have {have}). "
            "Until then the estimate uses our default weights only.</p>"
        )
    rows = "".join(
        f'<tr><th scope="row">{escape(p.label)}</th>'
        f"<td>{calibration.fits[p.key].mae_before:.1f}</td>"
        f"<td>{calibration.fits[p.key].mae_after:.1f}</td></tr>"
        for p in PILLARS if p.key in calibration.fits
    )
    return (
        f'<p class="calibration">Calibrated on {_plural(calibration.based_on, "check-in")}: '
        "each pillar is corrected toward the scores you logged.</p>"
        '<div class="table-wrap" tabindex="0">'
        '<table class="calibration-table"><caption>Average error in '
        "points, before → after calibrating (each check-in predicted from the others)"
        '</caption><thead><tr><th scope="col">Pillar</th><th scope="col">Before</th>'
        f'<th scope="col">After (leave-one-out)</th></tr></thead><tbody>{rows}</tbody>'
        "</table></div>"
    )


# ---- 2. next actions ----------------------------------------------------------------------

def actions_list(actions: Sequence[Action], has_activity: bool, planned: bool = False) -> str:
    """The suggested actions, best first, each with its expected gain range; with a plan,
    ranked from where the plan leads."""
    plan_note = ('<p class="hint plan-note">Ranked from where your plan leads: what the plan '
                 "already covers is left out, and gains are on top of it.</p>"
                 if planned else "")
    if not actions:
        message = ("Your plan covers everything we would suggest. Keep to it and check your "
                   "SSI monthly." if planned else
                   "You already do everything we would suggest. Keep it up and check your "
                   "SSI monthly." if has_activity else
                   "Log a few weeks of activity to get suggestions.")
        return f'<p class="muted actions-empty">{message}</p>'
    items = "".join(_action_item(a) for a in actions)
    return (
        f'{plan_note}<ol class="actions-list">{items}</ol>'
        '<p class="hint">Gains are estimates from the same model as your estimated score; '
        "a range means some of your inputs are not logged.</p>"
    )


def _action_item(action: Action) -> str:
    pillar = _PILLAR_LABELS.get(action.pillar, action.pillar)
    extras = ""
    if action.principle:
        extras += f'<p class="muted">Principle: {escape(action.principle)}</p>'
    if action.stakeholder:
        extras += f'<p class="muted">Reaches: {escape(action.stakeholder)}</p>'
    return (
        f'<li data-action-key="{escape(action.key)}" data-pillar="{escape(action.pillar)}">'
        f"<strong>{escape(action.title)}</strong>"
        f'<p><span class="badge">{escape(pillar)}</span> '
        f'<span class="muted">Effort: {escape(action.effort)}</span></p>'
        f'<p class="gain">{_gain(*action.gain_4w)} after 4 weeks, '
        f"{_gain(*action.gain_12w)} after 12 weeks</p>"
        f"<p>{escape(action.reason)}</p>{extras}</li>"
    )


# ---- 3. what-if projection ----------------------------------------------------------------

def projection_table(projection: Projection, goal: Goal | None) -> str:
    """The goal's status first, then the projected scores week by week."""
    head = "".join(f'<th scope="col">{escape(p.short)}</th>' for p in PILLARS)
    rows = "".join(
        f'<tr data-week="{w.week.isoformat()}"><th scope="row">{text.long_date(w.week)}</th>'
        + "".join(f"<td>{_one(s)}</td>" for s in w.pillars)
        + f"<td><strong>{_one(w.total)}</strong></td></tr>"
        for w in projection.weeks
    )
    table = (
        '<div class="table-wrap" tabindex="0">'
        '<table class="projection"><caption>A projection from your '
        "activity estimate, if you follow the plan each week (an estimate, not a promise)"
        f'</caption><thead><tr><th scope="col">Week</th>{head}<th scope="col">Total</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
        if projection.weeks else '<p class="muted">No weeks to project.</p>'
    )
    return f"{_goal_status(projection, goal)}{table}"


def _goal_status(projection: Projection, goal: Goal | None) -> str:
    if goal is None:
        return '<p class="hint">Set a goal to see whether this plan reaches it.</p>'
    target = (f"your goal of SSI {text.score(goal.target)} by {text.long_date(goal.by)}")
    status = projection.goal_status
    if status is None:
        return f'<p class="goal-status">Goal: {target}.</p>'
    on_track = status.startswith("on track")
    css = "badge on-track" if on_track else "badge due"
    words = status[0].upper() + status[1:]
    return (f'<p class="goal-status" data-on-track="{"true" if on_track else "false"}">'
            f'<span class="{css}">{escape(words)}</span> for {target}.</p>')


# ---- 4. why the score changed -------------------------------------------------------------

def change_explanation(expl: ChangeExplanation) -> str:
    """The summary, each pillar's change, each rank's move and cause, and the activity behind
    the two check-ins."""
    before, after = expl.before, expl.after
    pillar_rows = "".join(
        f'<tr data-pillar="{escape(p.key)}"><th scope="row">{escape(p.label)}</th>'
        f"<td>{text.score(before.score_of(p))}</td><td>{text.score(after.score_of(p))}</td>"
        f"<td>{_signed_span(delta, 3)}</td></tr>"
        for p, delta in expl.pillar_changes
    )
    pillars = (
        '<div class="table-wrap" tabindex="0">'
        '<table class="pillar-changes"><caption class="visually-hidden">'
        "Pillar changes</caption><thead><tr>"
        f'<th scope="col">Pillar</th><th scope="col">{text.long_date(before.on)}</th>'
        f'<th scope="col">{text.long_date(after.on)}</th><th scope="col">Change</th>'
        f"</tr></thead><tbody>{pillar_rows}"
        f'<tr><th scope="row">Total</th><td>{text.score(before.total)}</td>'
        f"<td>{text.score(after.total)}</td><td>{_signed_span(expl.total_change, 3)}</td>"
        "</tr></tbody></table></div>"
    )
    ranks = "".join(_rank_item(r) for r in expl.ranks)
    return (
        f'<p class="summary">{escape(expl.summary)}</p>{pillars}'
        f'<h4>Ranks</h4><ul class="preview-list rank-moves">{ranks}</ul>'
        f"<h4>Your activity before each check-in</h4>{_activity_table(expl.activity_changes)}"
    )


def _rank_item(move: RankMove) -> str:
    def top(rank: int | None) -> str:
        return "not recorded" if rank is None else f"Top {rank}%"

    return (f'<li data-kind="{escape(move.kind)}"><strong>{escape(move.label)}:</strong> '
            f"{top(move.before)} → {top(move.after)}. {escape(move.cause)}</li>")


def _activity_table(changes: Sequence[ActivityChange]) -> str:
    if not changes:
        return ('<p class="muted">No activity logged in the weeks before these check-ins, '
                "or it did not change.</p>")
    rows = "".join(
        f'<tr><th scope="row">{escape(c.measure.label)}</th>'
        f'<td{_missing_class(c.before)}>{_per_week(c.before)}</td>'
        f'<td{_missing_class(c.after)}>{_per_week(c.after)}</td>'
        f"<td>{_signed_span(c.change, 1)}</td></tr>"
        for c in changes
    )
    return (
        '<div class="table-wrap" tabindex="0">'
        '<table class="activity-changes"><caption>Weekly averages '
        "over the 4 whole weeks before each check-in</caption><thead><tr>"
        '<th scope="col">Activity</th><th scope="col">Before</th><th scope="col">After</th>'
        f'<th scope="col">Change</th></tr></thead><tbody>{rows}</tbody></table></div>'
    )


def _missing_class(value: float | None) -> str:
    return ' class="missing"' if value is None else ""


# ---- 5. outcomes --------------------------------------------------------------------------

def outcome_correlations(items: Sequence[Correlation]) -> str:
    """Each outcome's link with SSI in plain words; too few points say so, not a number."""
    if not items:
        return '<p class="muted">No outcomes to compare yet.</p>'
    rows = "".join(_correlation_item(c) for c in items)
    return (f'<ul class="preview-list correlations">{rows}</ul>'
            f'<p class="notice">{escape(CAVEAT)}</p>')


def _correlation_item(item: Correlation) -> str:
    label = escape(item.measure.label)
    # The caveat is shown once under the list rather than after every verdict.
    verdict = escape(item.verdict.removesuffix(CAVEAT).rstrip())
    points = _plural(item.points, "check-in")
    if item.points < MIN_POINTS:
        return (f'<li class="not-enough" data-measure="{escape(item.measure.key)}">'
                f'<strong>{label}</strong> <span class="badge">Not enough data</span> '
                f'<span class="muted">{points} of the {MIN_POINTS} needed</span></li>')
    if item.r is None:
        number = f'<span class="muted">{points}</span>'
    else:
        r = f"{abs(item.r):.2f}"
        number = (f'<span class="muted">r = {"" if item.r >= 0 else text.MINUS}{r} over '
                  f"{points}</span>")
    return (f'<li data-measure="{escape(item.measure.key)}"><strong>{label}</strong> '
            f"{number}: {verdict}</li>")


# ---- 6. the weekly log --------------------------------------------------------------------

RECENT_WEEKS = 26  # shown at once; years of imported weeks fold away below them


def weeks_table(weeks: Sequence[WeekLog], imported: Sequence[WeekLog] = (),
                sources: Mapping[dt.date, str] | None = None) -> str:
    """The activity log, newest first: typed and imported weeks merged as the member chose,
    each marked with where its counts came from, with an edit button each. Where both
    sources logged a week, a picker says which one counts."""
    logs = effective_weeks(weeks, imported, sources or {})
    if not logs:
        return '<p class="muted">No weeks logged yet.</p>'
    typed = {w.week for w in weeks}
    from_export = {w.week for w in imported}
    chosen = sources or {}
    rows = [_week_row(w, w.week in typed, w.week in from_export, chosen.get(w.week, TYPED))
            for w in sorted(logs, key=lambda w: w.week, reverse=True)]
    older = ""
    if len(rows) > RECENT_WEEKS:
        older = (f"<details class=\"older-weeks\"><summary>{len(rows) - RECENT_WEEKS} older "
                 f"weeks</summary>{_weeks_grid(rows[RECENT_WEEKS:], 'Older weeks')}</details>")
    return (
        _weeks_grid(rows[:RECENT_WEEKS], "Your logged weeks, newest first", "weeks-table")
        + older
        + '<p class="hint">Blank means not logged, which is not the same as 0. '
        "“Export” weeks come from your LinkedIn data export; your typed weeks are never "
        "overwritten by an import.</p>"
    )


def _weeks_grid(rows: Sequence[str], caption: str, table_id: str = "") -> str:
    head = "".join(f'<th scope="col">{escape(label)}</th>' for _, label in WEEK_COLUMNS)
    attribute = f' id="{table_id}"' if table_id else ""
    return (
        f'<div class="table-wrap" tabindex="0"><table{attribute} class="weeks"><caption '
        f'class="visually-hidden">{caption}</caption><thead><tr>'
        '<th scope="col">Week</th><th scope="col"><span class="visually-hidden">Actions'
        '</span></th><th scope="col">Source</th><th scope="col">Measures logged</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _week_row(week: WeekLog, typed: bool = True, imported: bool = False,
              source: str = TYPED) -> str:
    day = week.week.isoformat()
    nice = text.long_date(week.week)
    logged = sum(1 for key in week.counts if key in MEASURE_KEYS)
    cells = "".join(
        f"<td>{'' if (n := week.count(key)) is None else n}</td>" for key, _ in WEEK_COLUMNS)
    return (
        f'<tr data-week="{day}" data-source="{_source_key(typed, imported)}">'
        f'<th scope="row">Week of {nice}</th>'
        '<td class="row-actions">'
        f'<button type="button" class="link" data-action="edit-week" data-week="{day}" '
        f'aria-label="Edit the week of {nice}">Edit</button></td>'
        f"<td>{_source_cell(day, nice, typed, imported, source)}</td>"
        f"<td>{logged}</td>{cells}</tr>"
    )


def _source_key(typed: bool, imported: bool) -> str:
    return "both" if typed and imported else IMPORTED if imported else TYPED


def _source_cell(day: str, nice: str, typed: bool, imported: bool, source: str) -> str:
    if not (typed and imported):
        return "Export" if imported else "Typed"
    options = "".join(
        f'<option value="{value}"{" selected" if value == source else ""}>{label}</option>'
        for value, label in ((TYPED, "Typed wins"), (IMPORTED, "Export wins")))
    return (f'<label class="visually-hidden" for="week-source-{day}">Which counts for the week '
            f'of {nice}</label><select id="week-source-{day}" data-week-source="{day}">'
            f"{options}</select>")
