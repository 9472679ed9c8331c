"""HTML for the Coach: the activity estimate, next actions, what-if projections, why a score
changed, outcomes, and the weekly log. Pure functions, no browser imports.

Built with the element builder (`shell.html`): every piece of text that comes from the member
or from the core is escaped on the way in, so it can never become markup. Every number built
from the activity log is an estimate, and the words say so. A missing input reads as
"missing" or stays blank, never as 0; before anything is logged the panels say what to do
first instead of showing zeros. Pillar elements carry `data-pillar` and a `pillar-<key>`
class, so the stylesheet can give each pillar its one colour (never the only signal: the
pillar's name is always there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ssi_coach import text
from ssi_coach.accounts.steps import AccountStep
from ssi_coach.activity.actions import Action
from ssi_coach.activity.calibration import MIN_WEEKS_BEHIND, NotYet
from ssi_coach.activity.estimate import WINDOW_DAYS, Estimate, PillarEstimate, SignalEstimate
from ssi_coach.activity.explain import ActivityChange, ChangeExplanation, RankMove
from ssi_coach.activity.outcomes import CAVEAT, MIN_POINTS, Correlation, DealMonth, DealOutcomes
from ssi_coach.activity.whatif import Projection
from ssi_coach.model import (
    IMPORTED,
    MEASURE_KEYS,
    PILLAR_MAX,
    PILLARS,
    TOTAL_MAX,
    TYPED,
    Calibration,
    CheckIn,
    Goal,
    WeekLog,
    effective_weeks,
)
from ssi_coach.peers.compare import PeerComparison, averages_line

from .html import Child, Markup, el, join
from .html import text as text_of

_PILLAR_LABELS = {p.key: p.label for p in PILLARS}
# The weekly log's key totals shown in the weeks table: (measure key, column heading).
WEEK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("posts", "Posts"),
    ("comments_written", "Comments written"),
    ("requests_sent", "Requests sent"),
    ("messages_sent", "Messages sent"),
    ("meetings", "Meetings"),
)
CALIBRATED = "calibrated to your check-ins"
STANDARD = "standard model"


# ---- small helpers ------------------------------------------------------------------------

def _one(value: float) -> str:
    """A score to one decimal, LinkedIn style: 12.25 -> '12.3', 6.0 -> '6'."""
    return text.score(round(value, 1))


def _plural(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def pillar_class(key: str, *others: str) -> str:
    """The class list of an element that stands for one pillar (coloured by the stylesheet)."""
    return " ".join((*others, f"pillar-{key}"))


def _signed_span(value: float | None, places: int) -> Markup | None:
    if value is None:
        return None
    rounded = round(value, places)
    css = "up" if rounded > 0 else "down" if rounded < 0 else "same"
    return el("span", text.change(value, places), class_=css)


def _gain(low: float, high: float) -> str:
    """'+0.4–1.2', or '+0.4' when both ends round alike."""
    a, b = sorted((round(low, 1), round(high, 1)))
    return f"+{a:.1f}" if a == b else f"+{a:.1f}–{b:.1f}"


def _per_week(value: float | None) -> str:
    return "not logged" if value is None else f"{value:.1f}".removesuffix(".0")


def _table(class_: str, caption: Child, head: Sequence[Child], rows: Child, *,
           hidden_caption: bool = False, table_id: str | None = None) -> Markup:
    """A scrollable table with a caption and one header row of column headings."""
    return el("div", el(
        "table",
        el("caption", caption, class_="visually-hidden" if hidden_caption else None),
        el("thead", el("tr", [el("th", h, scope="col") for h in head])),
        el("tbody", rows),
        id=table_id, class_=class_), class_="table-wrap", tabindex="0")


# ---- 1. the estimate ----------------------------------------------------------------------

def estimate_panel(est: Estimate, calibration: Calibration | NotYet,
                   latest: CheckIn | None, peers: PeerComparison | None = None) -> Markup:
    """Each pillar's estimated score with its range, confidence, the member's real score to
    compare, and (folded away) the signals behind it; then how well it is calibrated. Before
    any week is logged: what to do first, not a score of 0."""
    inputs = est.inputs
    heading = el("h3", "Estimated from your activity", id="estimate-heading")
    if inputs.weeks_logged == 0:
        return el(
            "section", heading,
            el("p", "No estimate yet: nothing is logged in the last ", str(WINDOW_DAYS),
               " days. Start by logging last week's activity (posts, comments, requests, "
               "messages) under “Log a week”, and answer the profile checklist. The "
               "estimate appears as soon as one week is logged.", class_="notice empty-state"),
            _calibration(calibration),
            class_="card estimate-panel", aria_labelledby="estimate-heading")
    window = (f"{text.long_date(inputs.window_start)} to {text.long_date(inputs.window_end)}, "
              f"{_plural(inputs.weeks_logged, 'week')} logged")
    used = calibration if isinstance(calibration, Calibration) else None
    return el(
        "section", heading,
        el("p", "An estimate of LinkedIn's unpublished formula, from the last "
           f"{WINDOW_DAYS} days of what you logged ({window})."),
        el("p", _one(est.total), el("small", f" / {TOTAL_MAX} estimated"),
           class_="big", data_testid="estimate-total"),
        el("ul", [_estimate_item(p, latest, used, peers) for p in est.pillars],
           class_="estimate-list"),
        _calibration(calibration),
        el("p", "LinkedIn publishes which inputs count, not how much: the weights are our "
           "judgement, so treat every number here as a guide, not a measurement.",
           class_="hint"),
        class_="card estimate-panel", aria_labelledby="estimate-heading")


def _estimate_item(pillar: PillarEstimate, latest: CheckIn | None,
                   calibration: Calibration | None, peers: PeerComparison | None) -> Markup:
    key = pillar.pillar.key
    low, high = _one(pillar.low), _one(pillar.high)
    spread = el("span", f" (range {low}–{high})", class_="muted") if low != high else None
    model = None
    if calibration is not None:
        model = el("span", " · ", CALIBRATED if calibration.uses(key) else STANDARD,
                   class_="muted model", data_calibrated=str(calibration.uses(key)).lower())
    actual = None
    if latest is not None:
        real = text.score(latest.score_of(pillar.pillar))
        actual = el("span", f"Your check-in of {text.long_date(latest.on)}: {real}.",
                    class_="muted actual")
    return el(
        "li",
        el("span", pillar.pillar.label, " ",
           el("span", f"{pillar.confidence} confidence",
              class_=f"badge confidence-{pillar.confidence}"),
           class_="pillar-name"),
        " ",
        el("span", el("strong", _one(pillar.score)), el("span", f" / {PILLAR_MAX}",
                                                         class_="muted"), spread, model, "."),
        " ", actual, " " if actual else None,
        el("details", el("summary", "Why this number"), _signals_table(pillar),
           _peers_line(pillar, peers)),
        data_pillar=key, class_=pillar_class(key))


def _peers_line(pillar: PillarEstimate, peers: PeerComparison | None) -> Child:
    """The peers' averages of the pillar on the latest check-in that has them."""
    if peers is None:
        return None
    line = averages_line(peers.of(pillar.pillar), peers.on)
    return el("p", line, class_="muted peers-line") if line else None


def _signals_table(pillar: PillarEstimate) -> Markup:
    head = ("Signal", "LinkedIn input", "Weight (points)", "Saturation", "Your weekly value",
            "Contribution (points)")
    return join((
        _table("signals", f"The inputs behind {pillar.pillar.label}", head,
               [_signal_row(s) for s in pillar.signals], hidden_caption=True),
        el("p", f"{round(pillar.known_share * 100)}% of this pillar's weight rests on inputs "
           "you logged. A missing input adds nothing, lowers the confidence and widens the "
           "range.", class_="hint"),
    ))


def _signal_row(item: SignalEstimate) -> Markup:
    signal = item.signal
    checklist = bool(signal.items)
    if checklist:
        saturation = f"{signal.saturation:.0%} of items done"
    else:
        saturation = f"{text.score(signal.saturation)} a week"
    if item.value is None:
        value = points = el("td", "missing", class_="missing")
    else:
        shown = f"{item.value:.0%} done" if checklist else f"{item.value:.1f}".removesuffix(".0")
        value, points = el("td", shown), el("td", f"{item.contribution:.1f}")
    return el("tr", el("th", signal.label, scope="row"),
              el("td", signal.source, class_="note"),
              el("td", text.score(signal.weight)), el("td", saturation), value, points)


def _calibration(calibration: Calibration | NotYet) -> Markup:
    if isinstance(calibration, NotYet) and calibration.waiting:
        return el(
            "p", "Calibration can start now: it starts with your next check-in. The fit "
            "changes only when your check-ins do, so logging more activity never lowers "
            "your estimate. Until then the estimate uses our default weights only.",
            class_="notice calibration")
    if isinstance(calibration, NotYet):
        return el(
            "p", "Calibration needs "
            f"{_plural(calibration.more, 'more check-in', 'more check-ins')} with at least "
            f"{MIN_WEEKS_BEHIND} weeks of activity logged before them (you have "
            f"{calibration.have}). Until then the estimate uses our default weights only.",
            class_="notice calibration")
    rows = [_calibration_row(calibration, p.key, p.label)
            for p in PILLARS if p.key in calibration.fits]
    return join((
        el("p", f"Calibrated on {_plural(calibration.based_on, 'check-in')}: each pillar is "
           "corrected toward the scores you logged where that predicts the check-ins it did "
           "not see better than the standard model; elsewhere the standard model stands. The "
           "fit is made again when your check-ins change, so logging more activity never "
           "lowers the estimate.", class_="calibration"),
        _table("calibration-table",
               "Average error in points, before → after calibrating (each check-in predicted "
               "from the others)",
               ("Pillar", "Before", "After (leave-one-out)", "Shown"), rows),
    ))


def _calibration_row(calibration: Calibration, key: str, label: str) -> Markup:
    fit = calibration.fits[key]
    used = calibration.uses(key)
    return el("tr", el("th", label, scope="row"), el("td", f"{fit.mae_before:.1f}"),
              el("td", f"{fit.mae_after:.1f}"),
              el("td", CALIBRATED.capitalize() if used else STANDARD.capitalize(),
                 class_="model", data_calibrated=str(used).lower()),
              data_pillar=key, class_=pillar_class(key))


# ---- 2. next actions ----------------------------------------------------------------------

def actions_list(actions: Sequence[Action], has_activity: bool, planned: bool = False) -> Markup:
    """The suggested actions, best first, each with its expected gain range; with a plan,
    ranked from where the plan leads. Before any activity is logged there is nothing to
    measure a gain from: the list says what to do first and shows no gains."""
    if not actions:
        message = ("Your plan covers everything we would suggest. Keep to it and check your "
                   "SSI monthly." if planned else
                   "You already do everything we would suggest. Keep it up and check your "
                   "SSI monthly." if has_activity else
                   "Log a few weeks of activity to get suggestions.")
        return el("p", message, class_="muted actions-empty")
    if not has_activity:
        return join((
            el("p", "First, log a week of activity: until then there is nothing to measure "
               "a gain from. These are the habits to start with; each one's expected gain "
               "appears once a week is logged.", class_="notice actions-first"),
            el("ol", [_action_item(a, with_gain=False) for a in actions],
               class_="actions-list"),
        ))
    plan_note = (el("p", "Ranked from where your plan leads: what the plan already covers is "
                    "left out, and gains are on top of it.", class_="hint plan-note")
                 if planned else None)
    return join((
        plan_note,
        el("ol", [_action_item(a) for a in actions], class_="actions-list"),
        el("p", "Gains are estimates from the same model as your estimated score; a range "
           "means some of your inputs are not logged.", class_="hint"),
    ))


def _action_item(action: Action, with_gain: bool = True) -> Markup:
    pillar = _PILLAR_LABELS.get(action.pillar, action.pillar)
    gain = (el("p", f"{_gain(*action.gain_4w)} after 4 weeks, "
               f"{_gain(*action.gain_12w)} after 12 weeks.", class_="gain")
            if with_gain else None)
    if with_gain and action.own_data and action.gain_12w == (0.0, 0.0):
        gain = el("p", "No modelled gain: the estimate reads how much you do, not when or how, "
                  "so there is no number to show. The evidence is your own posts.",
                  class_="gain")
    return el(
        "li",
        el("strong", action.title), " ",
        el("p", el("span", pillar, class_=pillar_class(action.pillar, "badge")), " ",
           el("span", f"Effort: {action.effort}.", class_="muted")),
        gain,
        el("p", action.reason),
        el("p", f"Principle: {action.principle}.", class_="muted") if action.principle else None,
        el("p", f"Reaches: {action.stakeholder}.", class_="muted")
        if action.stakeholder else None,
        data_action_key=action.key, data_pillar=action.pillar)


def account_steps_list(steps: Sequence[AccountStep]) -> Markup:
    """The next steps with people in the open deals most at risk, beside the weekly actions:
    account, person, step, principle and pillar. Nothing at all without a step."""
    if not steps:
        return join(())
    return el(
        "section",
        el("h3", "Next steps in your accounts", id="account-steps-heading"),
        el("ol", [_account_step_item(s) for s in steps], class_="actions-list account-steps"),
        class_="card account-steps-panel", aria_labelledby="account-steps-heading")


def _account_step_item(item: AccountStep) -> Markup:
    step = item.step
    pillar = _PILLAR_LABELS.get(step.pillar, step.pillar)
    return el(
        "li",
        el("p", el("strong", item.company), " · ", step.name, " ",
           el("span", item.risk, class_="badge risk")),
        el("p", step.text),
        el("p", el("span", pillar, class_=pillar_class(step.pillar, "badge")), " ",
           el("span", f"Principle: {', '.join(step.principles).lower()}.", class_="muted")),
        el("p", step.why, class_="muted"),
        data_account=item.company, data_pillar=step.pillar)


# ---- 3. what-if projection ----------------------------------------------------------------

def projection_table(projection: Projection, goal: Goal | None) -> Markup:
    """The goal's status first, then the projected scores week by week."""
    head: list[Child] = ["Week"]
    head += [el("span", p.short, class_=pillar_class(p.key)) for p in PILLARS]
    head.append("Total")
    rows = [
        el("tr", el("th", text.long_date(w.week), scope="row"),
           [el("td", _one(s)) for s in w.pillars], el("td", el("strong", _one(w.total))),
           data_week=w.week.isoformat())
        for w in projection.weeks
    ]
    table = (_table("projection", "A projection from your activity estimate, if you follow "
                    "the plan each week (an estimate, not a promise)", head, rows)
             if projection.weeks else el("p", "No weeks to project.", class_="muted"))
    return join((_goal_status(projection, goal), table))


def _goal_status(projection: Projection, goal: Goal | None) -> Markup:
    if goal is None:
        return el("p", "Set a goal to see whether this plan reaches it.", class_="hint")
    target = f"your goal of SSI {text.score(goal.target)} by {text.long_date(goal.by)}"
    status = projection.goal_status
    if status is None:
        return el("p", f"Goal: {target}.", class_="goal-status")
    on_track = status.startswith("on track")
    words = status[0].upper() + status[1:]
    return el("p", el("span", words, class_="badge on-track" if on_track else "badge due"),
              f" for {target}.", class_="goal-status",
              data_on_track="true" if on_track else "false")


# ---- 4. why the score changed -------------------------------------------------------------

def change_explanation(expl: ChangeExplanation) -> Markup:
    """The summary, each pillar's change, each rank's move and cause, and the activity behind
    the two check-ins."""
    before, after = expl.before, expl.after
    rows = [
        el("tr", el("th", p.label, scope="row"), el("td", text.score(before.score_of(p))),
           el("td", text.score(after.score_of(p))), el("td", _signed_span(delta, 3)),
           data_pillar=p.key, class_=pillar_class(p.key))
        for p, delta in expl.pillar_changes
    ]
    rows.append(el("tr", el("th", "Total", scope="row"), el("td", text.score(before.total)),
                   el("td", text.score(after.total)),
                   el("td", _signed_span(expl.total_change, 3))))
    head = ("Pillar", text.long_date(before.on), text.long_date(after.on), "Change")
    return join((
        el("p", expl.summary, class_="summary"),
        _table("pillar-changes", "Pillar changes", head, rows, hidden_caption=True),
        _market(expl),
        el("h4", "Ranks"),
        el("ul", [_rank_item(r) for r in expl.ranks], class_="preview-list rank-moves"),
        el("h4", "Your activity before each check-in"),
        _activity_table(expl.activity_changes),
    ))


def _market(expl: ChangeExplanation) -> Markup:
    """The market's part and the member's part of each pillar's change, a likely
    LinkedIn-wide change, and the events noted around the two check-ins."""
    market = expl.market
    return join((
        el("h4", "You or the market?"),
        el("ul", [el("li", line) for line in market.lines], class_="preview-list market"),
        el("p", market.linkedin_words, class_="notice linkedin-wide")
        if market.linkedin_words else None,
        el("h4", "Events you noted") if expl.events else None,
        el("ul", [el("li", note.words) for note in expl.events], class_="preview-list events")
        if expl.events else None,
    ))


def _rank_item(move: RankMove) -> Markup:
    def top(rank: int | None) -> str:
        return "not recorded" if rank is None else f"Top {rank}%"

    return el("li", el("strong", f"{move.label}:"),
              f" {top(move.before)} → {top(move.after)}. {move.cause}", data_kind=move.kind)


def _activity_table(changes: Sequence[ActivityChange]) -> Markup:
    if not changes:
        return el("p", "No activity logged in the weeks before these check-ins, or it did not "
                  "change.", class_="muted")
    rows = [
        el("tr", el("th", c.measure.label, scope="row"),
           el("td", _per_week(c.before), class_=_missing_class(c.before)),
           el("td", _per_week(c.after), class_=_missing_class(c.after)),
           el("td", _signed_span(c.change, 1)))
        for c in changes
    ]
    return _table("activity-changes",
                  "Weekly averages over the 4 whole weeks before each check-in",
                  ("Activity", "Before", "After", "Change"), rows)


def _missing_class(value: float | None) -> str | None:
    return "missing" if value is None else None


# ---- 5. outcomes --------------------------------------------------------------------------

def outcome_correlations(items: Sequence[Correlation]) -> Markup:
    """Each outcome's link with SSI in plain words; too few points say so, not a number."""
    if not items:
        return el("p", "No outcomes to compare yet.", class_="muted")
    return join((el("ul", [_correlation_item(c) for c in items],
                    class_="preview-list correlations"),
                 el("p", CAVEAT, class_="notice")))


def _correlation_item(item: Correlation) -> Markup:
    label = el("strong", item.measure.label)
    # The caveat is shown once under the list rather than after every verdict.
    verdict = item.verdict.removesuffix(CAVEAT).rstrip()
    points = _plural(item.points, "check-in")
    if item.points < MIN_POINTS:
        return el("li", label, " ", el("span", "Not enough data", class_="badge"), " ",
                  el("span", f"{points} of the {MIN_POINTS} needed.", class_="muted"),
                  class_="not-enough", data_measure=item.measure.key)
    if item.r is None:
        number = el("span", points, class_="muted")
    else:
        sign = "" if item.r >= 0 else text.MINUS
        number = el("span", f"r = {sign}{abs(item.r):.2f} over {points}", class_="muted")
    return el("li", label, " ", number, f": {verdict}", data_measure=item.measure.key)


def deals_table(deals: DealOutcomes | None) -> Markup:
    """Won and lost accounts per month of their close date, with their value, next to the
    month's SSI; nothing until an account is won or lost."""
    if deals is None:
        return join(())
    undated = (el("p", f"{_plural(deals.undated, 'won or lost account')} without a close "
                  "date: not in any month. Give "
                  f"{'it' if deals.undated == 1 else 'them'} a date to count "
                  f"{'it' if deals.undated == 1 else 'them'}.", class_="hint deals-undated")
               if deals.undated else None)
    table = (_table("deals", "Deals won and lost per month, next to your SSI",
                    ("Month", "SSI", "Won", "Value won", "Lost", "Value lost"),
                    [_deal_row(m) for m in deals.months])
             if deals.months else None)
    return join((el("h4", "Deals won and lost"), table, undated))


def _deal_row(month: DealMonth) -> Markup:
    return el(
        "tr", el("th", f"{month.month.strftime('%b')} {month.month.year}", scope="row"),
        el("td", "no check-in" if month.ssi is None else text.score(round(month.ssi, 1)),
           class_="missing" if month.ssi is None else None),
        el("td", month.won), el("td", _money(month.won_value)),
        el("td", month.lost), el("td", _money(month.lost_value)),
        data_month=month.month.isoformat()[:7])


def _money(value: float | None) -> str:
    """12500.0 -> '12,500'; blank when no value was given."""
    return "" if value is None else f"{value:,.2f}".removesuffix(".00")


# ---- 6. the weekly log --------------------------------------------------------------------

RECENT_WEEKS = 26  # shown at once; years of imported weeks fold away below them


def weeks_table(weeks: Sequence[WeekLog], imported: Sequence[WeekLog] = (),
                sources: Mapping[dt.date, str] | None = None) -> Markup:
    """The activity log, newest first: typed and imported weeks merged as the member chose,
    each marked with where its counts came from, with an edit button each. Where both
    sources logged a week, a picker says which one counts."""
    logs = effective_weeks(weeks, imported, sources or {})
    if not logs:
        return el("p", "No weeks logged yet.", class_="muted")
    typed = {w.week for w in weeks}
    from_export = {w.week for w in imported}
    chosen = sources or {}
    rows = [_week_row(w, w.week in typed, w.week in from_export, chosen.get(w.week, TYPED))
            for w in sorted(logs, key=lambda w: w.week, reverse=True)]
    older = None
    if len(rows) > RECENT_WEEKS:
        older = el("details", el("summary", f"{len(rows) - RECENT_WEEKS} older weeks"),
                   _weeks_grid(rows[RECENT_WEEKS:], "Older weeks"), class_="older-weeks")
    return join((
        _weeks_grid(rows[:RECENT_WEEKS], "Your logged weeks, newest first", "weeks-table"),
        older,
        el("p", "Blank means not logged, which is not the same as 0. “Export” weeks come "
           "from your LinkedIn data export; your typed weeks are never overwritten by an "
           "import.", class_="hint"),
    ))


def _weeks_grid(rows: Sequence[Markup], caption: str, table_id: str | None = None) -> Markup:
    head: list[Child] = ["Week", el("span", "Actions", class_="visually-hidden"), "Source",
                         "Measures logged"]
    head += [label for _, label in WEEK_COLUMNS]
    return _table("weeks", caption, head, rows, hidden_caption=True, table_id=table_id)


def _week_row(week: WeekLog, typed: bool = True, imported: bool = False,
              source: str = TYPED) -> Markup:
    day = week.week.isoformat()
    nice = text.long_date(week.week)
    logged = sum(1 for key in week.counts if key in MEASURE_KEYS)
    cells = [el("td", week.count(key)) for key, _ in WEEK_COLUMNS]
    return el(
        "tr", el("th", f"Week of {nice}", scope="row"),
        el("td", el("button", "Edit", type="button", class_="link", data_action="edit-week",
                    data_week=day, aria_label=f"Edit the week of {nice}"),
           class_="row-actions"),
        el("td", _source_cell(day, nice, typed, imported, source)),
        el("td", logged), cells,
        data_week=day, data_source=_source_key(typed, imported))


def _source_key(typed: bool, imported: bool) -> str:
    return "both" if typed and imported else IMPORTED if imported else TYPED


def _source_cell(day: str, nice: str, typed: bool, imported: bool, source: str) -> Markup:
    if not (typed and imported):
        return text_of("Export" if imported else "Typed")
    options = [el("option", label, value=value, selected=value == source)
               for value, label in ((TYPED, "Typed wins"), (IMPORTED, "Export wins"))]
    return join((
        el("label", f"Which counts for the week of {nice}", class_="visually-hidden",
           for_=f"week-source-{day}"),
        el("select", options, id=f"week-source-{day}", data_week_source=day),
    ))


def outcomes_not_logged() -> Markup:
    """Instead of the outcomes chart, until outcomes are logged around check-ins."""
    return el("p", "Log outcomes (meetings, opportunities...) in the weeks before your "
                   "check-ins to see them against your SSI.", class_="muted")
