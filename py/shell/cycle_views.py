"""Pure views of the Team view's review cycle: the period and segment pickers, the period's
leaderboard (change, targets, staleness), movers, who is due with a reminder to copy, the
segments compared, and the target and tag forms. No browser imports.

Names and tags are the coach's or their team's words, so everything is built with the
element builder: they can only ever be text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ssi_coach import text
from ssi_coach.charts.data import ActivityChart
from ssi_coach.model import PILLARS, Person, Target
from ssi_coach.team.cycle import CUSTOM, CycleView, period_key
from ssi_coach.team.due import DueRow
from ssi_coach.team.periods import PersonChange
from ssi_coach.team.targets import TargetStatus

from .html import Child, Markup, el, join
from .views import table_figure


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{text.score(abs(value))}"


def controls_options(cycle: CycleView) -> tuple[Markup, Markup, Markup]:
    """The <option>s of the period, segment and compare pickers, the current one selected."""
    current = cycle.controls
    chosen = period_key(current.period)
    keys = [period_key(p) for p in cycle.choices]
    periods = [el("option", p.label, value=period_key(p), selected=period_key(p) == chosen)
               for p in cycle.choices]
    periods.append(el("option", "Custom range…" if chosen in keys else current.period.label,
                      value=CUSTOM, selected=chosen not in keys))
    tags = [el("option", "Everyone", value="", selected=not current.segment)]
    for kind, values in sorted(cycle.segments.items()):
        for value in values:
            tag = f"{kind}: {value}" if kind else value
            tags.append(el("option", tag, value=tag,
                           selected=tag.casefold() == current.segment.casefold()))
    kinds = [el("option", "Nothing", value="", selected=not current.compare)]
    kinds += [el("option", kind or "plain tags", value=kind or "-",
                 selected=(kind or "-") == current.compare)
              for kind in sorted(cycle.segments)]
    return join(periods), join(tags), join(kinds)


def cycle_summary(cycle: CycleView) -> Markup:
    stats = cycle.stats
    parts = [f"{cycle.controls.period.label}: {text.people(stats.count)}, "
             f"{stats.active:,} with a check-in in the period"]
    if stats.average_latest is not None:
        parts.append(f"average SSI {text.score(stats.average_latest)}")
    if stats.average_latest_active is not None:
        parts.append(f"{text.score(stats.average_latest_active)} for the active members")
    if stats.average_change is not None:
        parts.append(f"average change {_signed(stats.average_change)}")
    team = cycle.team
    return el("div",
              el("p", "; ".join(parts) + ".", id="team-period-summary"),
              el("p", "Team target: ", _target_text(team), class_="muted",
                 id="team-target-status") if team is not None else None)


def _target_text(status: TargetStatus | None) -> Child:
    if status is None:
        return el("span", "—", class_="muted")
    goal = status.target
    what = (f"{text.score(goal.total)}" if goal.total is not None else
            ", ".join(f"{k} {text.score(v)}" for k, v in goal.pillars.items()))
    return el("span", f"{what} by {text.long_date(goal.by)}: {status.text}",
              class_="target-" + status.status.replace(" ", "-"))


def leaderboard(cycle: CycleView, activity: Mapping[str, Sequence[str]],
                activity_head: Sequence[str]) -> Markup:
    """The period's table, biggest rise first: change in total and per pillar, target,
    check-ins in the period, and the shared activity when there is any."""
    rows = sorted(cycle.stats.people, key=lambda c: (c.change is None, -(c.change or 0.0),
                                                    c.name.casefold()))
    head = el("tr", el("th", "Person", scope="col"), el("th", "Change", scope="col"),
              [el("th", p.short, scope="col", data_pillar=p.key) for p in PILLARS],
              el("th", "Check-ins", scope="col"), el("th", "Target", scope="col"),
              [el("th", h, scope="col") for h in activity_head],
              el("th", el("span", "Actions", class_="visually-hidden"), scope="col"))
    body = [_leader_row(c, cycle.statuses.get(c.name), activity.get(c.name, ()),
                        len(activity_head))
            for c in rows]
    return el("div", el("table",
                        el("caption", f"Leaderboard, {cycle.controls.period.label}"),
                        el("thead", head), el("tbody", body), id="team-leaderboard"),
              class_="table-wrap", tabindex="0")


def _leader_row(change: PersonChange, status: TargetStatus | None, activity: Sequence[str],
                columns: int) -> Markup:
    cells = list(activity) or ["—"] * columns
    return el("tr",
              el("th", change.name, scope="row"),
              el("td", el("strong", _signed(change.change))),
              [el("td", _signed(v), data_pillar=p.key)
               for p, v in zip(PILLARS, change.pillar_changes, strict=True)],
              el("td", change.checkins),
              el("td", _target_text(status)),
              [el("td", cell) for cell in cells[:columns]],
              el("td", el("button", "Target", el("span", f" for {change.name}",
                                                 class_="visually-hidden"),
                          type="button", class_="link", data_action="team-target",
                          data_name=change.name), " ",
                 el("button", "Tags", el("span", f" of {change.name}",
                                         class_="visually-hidden"),
                    type="button", class_="link", data_action="team-tags",
                    data_name=change.name), class_="row-actions"),
              data_person=change.name)


def movers(cycle: CycleView) -> Markup | None:
    stats = cycle.stats
    if not (stats.movers_up or stats.movers_down):
        return None

    def items(found: Sequence[PersonChange]) -> Markup:
        return el("ol", [el("li", f"{c.name} {_signed(c.change)}") for c in found])

    return el("div",
              el("div", el("h4", "Biggest rises"), items(stats.movers_up) if stats.movers_up
                 else el("p", "No one rose.", class_="muted")),
              el("div", el("h4", "Biggest falls"), items(stats.movers_down)
                 if stats.movers_down else el("p", "No one fell.", class_="muted")),
              class_="movers", id="team-movers")


def due_list(rows: Sequence[DueRow], messages: Mapping[str, str]) -> Markup:
    """People to chase, each with the reminder to copy and send."""
    if not rows:
        return el("p", "Everyone has a recent check-in in this period.", class_="muted",
                  id="team-due")
    items = [el("li",
                el("strong", row.name), " — ", row.reason, " ",
                el("button", "Copy reminder", el("span", f" for {row.name}",
                                                 class_="visually-hidden"),
                   type="button", data_action="team-copy-reminder", data_name=row.name),
                el("details", el("summary", "Show the message"),
                   el("pre", messages.get(row.name, ""), class_="reminder-text")),
                data_person=row.name)
             for row in rows]
    return el("div", el("ul", items), id="team-due")


def comparison(cycle: CycleView) -> Markup | None:
    if not cycle.comparison:
        return None
    head = el("tr", [el("th", h, scope="col") for h in (
        "Segment", "People", "Active", "Average SSI", "Average change", "Best mover")])
    rows = [el("tr", el("th", row.label, scope="row"), el("td", row.count),
               el("td", row.active),
               el("td", "—" if row.average_latest is None else text.score(row.average_latest)),
               el("td", _signed(row.average_change)),
               el("td", "—" if row.best_mover is None else
                  f"{row.best_mover.name} {_signed(row.best_mover.change)}"))
            for row in cycle.comparison]
    return el("div", el("table", el("caption", "Segments compared"), el("thead", head),
                        el("tbody", rows), id="team-segments"),
              class_="table-wrap", tabindex="0")


def target_form(person: Person | None, target: Target | None) -> Markup:
    """A target for one person (`person`), or for everyone / the team (None)."""
    prefix = "person-target" if person is not None else "team-target"
    fields = [("total", "Target SSI (0-100)", "" if target is None or target.total is None
               else text.score(target.total), "decimal"),
              ("by", "By", "" if target is None else target.by.isoformat(), None)]
    inputs = [el("div", el("label", label, for_=f"{prefix}-{name}"),
                 el("input", id=f"{prefix}-{name}", name=name, value=value,
                    type="date" if name == "by" else "text", inputmode=mode),
                 el("p", "", class_="field-error", id=f"{prefix}err-{name}"),
                 class_="field")
              for name, label, value, mode in fields]
    pillars = el("details", el("summary", "Per pillar (optional)"),
                 el("div", [el("div", el("label", f"{p.label} (0-25)",
                                         for_=f"{prefix}-{p.key}"),
                                  el("input", id=f"{prefix}-{p.key}", name=p.key,
                                     inputmode="decimal",
                                     value="" if target is None or p.key not in target.pillars
                                     else text.score(target.pillars[p.key])),
                                  el("p", "", class_="field-error",
                                     id=f"{prefix}err-{p.key}"),
                                  class_="field") for p in PILLARS], class_="pillar-targets"))
    if person is not None:
        buttons = [el("button", "Save target", type="submit", class_="primary",
                      data_scope="person"),
                   el("button", "Remove target", type="button", data_action="team-target-clear",
                      data_name=person.name),
                   el("button", "Cancel", type="button", data_action="team-edit-cancel")]
        heading = el("h3", f"Target for {person.name}")
    else:
        buttons = [el("button", "Set for everyone", type="submit", class_="primary",
                      data_scope="everyone"),
                   el("button", "Set as the team's target", type="submit", data_scope="team")]
        heading = None
    return el("form", heading, inputs, pillars, el("div", join(buttons, " "), class_="actions"),
              id=f"{prefix}-form", novalidate=True, autocomplete="off",
              data_name=person.name if person is not None else None)


def tags_form(person: Person) -> Markup:
    return el("form",
              el("h3", f"Tags for {person.name}"),
              el("div", el("label", "Tags, separated by commas (e.g. region: EMEA, team: "
                                    "North, Executives)", for_="person-tags"),
                 el("input", id="person-tags", name="tags", value=", ".join(person.tags)),
                 el("p", "", class_="field-error", id="personerr-tags"),
                 class_="field"),
              el("div", el("button", "Save tags", type="submit", class_="primary"), " ",
                 el("button", "Cancel", type="button", data_action="team-edit-cancel"),
                 class_="actions"),
              id="person-tags-form", novalidate=True, autocomplete="off",
              data_name=person.name)


def activity_figure(chart: ActivityChart, svg: str | None) -> Markup:
    """Activity against SSI change across the team: the chart once drawn, the table folded."""
    return table_figure(chart.title, svg, chart.summary, chart.head, chart.rows,
                        "team-activity-chart", heading="h4")
