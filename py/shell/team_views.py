"""HTML for the Team section: pure functions of core results, tested on CPython.

Every name and number comes from people's share links or files, so every view is built with
the element builder (`shell.html`): a name can only ever be text. Pillars carry
`data-pillar="<key>"` for their colour, always beside their name, never instead of it.
"""

from __future__ import annotations

from ssi_coach import text
from ssi_coach.model import PILLARS, FieldError, display_total
from ssi_coach.team.due import DUE_DAYS
from ssi_coach.team.links import BulkAdd
from ssi_coach.team.table import TeamChange, TeamRow, TeamStats, TeamView

from .html import Markup, el, join, trusted
from .html import text as escaped
from .views import chart_figure

_PILLAR_KEYS = frozenset(p.key for p in PILLARS)
# (sort key, header, what the cells hold); the ranks read "Top N%", lower is better.
COLUMNS = (("name", "Person"), ("total", "SSI"), *((p.key, p.short) for p in PILLARS),
           ("industry_rank", "Industry rank"), ("network_rank", "Network rank"),
           ("change", "Change"), ("days_since", "Days since"))


def empty_team() -> Markup:
    return el("p", "No one yet. Ask your team members for a share link (Your data → Share a "
                   "read-only report) or a backup, and add it above. Their check-ins stay in "
                   "this browser, apart from your own.", class_="muted", id="team-empty")


def team_panel(view: TeamView, heat_svg: str | None, trend_svg: str | None) -> Markup:
    """The table, then the charts (or a note while Matplotlib loads), then the focus list."""
    if heat_svg is None:
        charts = el("p", "Drawing the team charts…", class_="muted")
    else:
        trend = None
        if view.trend is not None and trend_svg is not None:
            trend = chart_figure(view.trend, trend_svg, "team-trend-chart")
        charts = join([_heat_figure(view, heat_svg), trend])
    buttons = join([el("button", "Download the team table (CSV)", type="button",
                       data_action="team-csv"),
                    el("button", "Print the team report", type="button",
                       data_action="team-print")], " ")
    return join([team_table(view), charts, coaching_focus(view.rows),
                 el("p", buttons, class_="actions team-actions")])


def team_table(view: TeamView) -> Markup:
    people = f"{len(view.rows)} {'person' if len(view.rows) == 1 else 'people'}"
    head = el("tr", [_header(key, label, view) for key, label in COLUMNS],
              el("th", el("span", "Actions", class_="visually-hidden"), scope="col"))
    return el("div", el(
        "table",
        el("caption", f"Your team: {people}, latest check-in each (select a heading to sort)"),
        el("thead", head),
        el("tbody", [_row(row) for row in view.rows]),
        el("tfoot", _summary_row("Team average", view.average),
           _summary_row("Team median", view.median)),
        id="team-table"), class_="table-wrap", tabindex=0)


def _header(key: str, label: str, view: TeamView) -> Markup:
    sorted_here = view.sort_by == key
    state = ("descending" if view.descending else "ascending") if sorted_here else "none"
    arrow = el("span", " ▼" if view.descending else " ▲", aria_hidden="true")
    button = el("button", label, arrow if sorted_here else None, type="button",
                class_="sort", data_action="team-sort", data_key=key)
    return el("th", button, scope="col", aria_sort=state, data_pillar=_pillar(key))


def _pillar(key: str) -> str | None:
    return key if key in _PILLAR_KEYS else None


def _pillar_cells(scores: tuple[float, ...]) -> list[Markup]:
    return [el("td", text.score(s), data_pillar=p.key) for p, s in zip(PILLARS, scores,
                                                                        strict=True)]


def _row(row: TeamRow) -> Markup:
    return el(
        "tr",
        el("th", row.name, " ", el("br"), el("span", text.long_date(row.latest_on),
                                             class_="muted"),
           el("span", " stale", class_="badge warn",
              title=f"No check-in for {row.days_since} days: ask for a fresh share link")
           if row.days_since >= DUE_DAYS else None, scope="row"),
        el("td", el("strong", display_total(row.total))),
        _pillar_cells(row.scores()),
        el("td", _rank(row.industry_rank)), el("td", _rank(row.network_rank)),
        el("td", _change(row.change)), el("td", row.days_since),
        el("td", join([_person_button("Rename", "team-rename", row.name),
                       _person_button("Remove", "team-remove", row.name, danger=True)], " "),
           class_="row-actions"),
        data_person=row.name,
    )


def _person_button(label: str, action: str, name: str, *, danger: bool = False) -> Markup:
    """A Rename or Remove button, read out with the person's name."""
    return el("button", label, el("span", f" {name}", class_="visually-hidden"), type="button",
              class_="link danger" if danger else "link", data_action=action, data_name=name)


def _summary_row(label: str, stats: TeamStats) -> Markup:
    scores = tuple(float(getattr(stats, p.key)) for p in PILLARS)
    return el("tr", el("th", label, scope="row"), el("td", text.score(stats.total)),
              _pillar_cells(scores),
              el("td", _rank(stats.industry_rank)), el("td", _rank(stats.network_rank)),
              el("td"), el("td"), el("td"))


def _rank(rank: float | None) -> str:
    return "–" if rank is None else f"Top {text.score(rank)}%"


def _change(change: float | None) -> Markup | str:
    if change is None:
        return el("span", "first", class_="muted")
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return f"{sign}{text.score(abs(change))}"


def _heat_figure(view: TeamView, svg: str) -> Markup:
    heat = view.heat_map
    return el("figure", el("h3", heat.title), trusted(svg), el("figcaption", heat.summary),
              class_="chart", id="team-heat-map")


def coaching_focus(rows: tuple[TeamRow, ...]) -> Markup:
    items = [el("li", el("strong", row.name), ": weakest pillar ",
                el("em", row.weakest.label, data_pillar=row.weakest.key),
                f" ({text.score(getattr(row, row.weakest.key))} of 25). First step: {row.action}",
                data_person=row.name)
             for row in rows]
    return join([el("h3", "Coaching focus"), el("ul", items, class_="team-focus")])


def without_checkins(names: list[str]) -> Markup:
    """People kept from a report that held no check-ins: listed, so they can be removed."""
    if not names:
        return escaped("")
    items = [el("li", name, " ", _person_button("Remove", "team-remove", name, danger=True),
                data_person=name) for name in names]
    return join([el("p", "Kept without any check-ins yet:", class_="muted"),
                 el("ul", items, class_="team-empty-people")])


def rename_form(name: str) -> Markup:
    return el(
        "form",
        join([el("label", f"New name for {name}", for_="team-rename-input"),
              el("input", id="team-rename-input", name="name", value=name, maxlength=60,
                 autocomplete="off"),
              el("button", "Save name", type="submit", class_="primary"),
              el("button", "Cancel", type="button", data_action="team-rename-cancel")], " "),
        class_="team-rename", data_name=name)


def added_message(change: TeamChange) -> Markup:
    name = change.name
    if not change.changed:
        return escaped(f"Nothing new: every check-in in it is already in {name}'s history. "
                    "Nothing was changed.")
    weeks = (f", {_count(change.weeks_changed, 'week')} of activity" if change.weeks_changed
             else "")
    if change.is_new:
        return escaped(f"Added {name} to your team: {_count(change.added, 'check-in')}{weeks}.")
    return escaped(f"Updated {name}: {_count(change.added, 'new check-in')}, "
                f"{_count(change.updated, 'updated')}{weeks}.")


def errors_message(errors: list[FieldError]) -> Markup:
    return escaped(" ".join([*(error.message for error in errors), "Nothing was changed."]))


# ---- what the status line says (team_tools calls these instead of writing HTML) ------------

def link_refused(reason: str) -> Markup:
    return escaped(f"This share link cannot be added: {reason} Nothing was changed.")


def file_too_large(file_name: str) -> Markup:
    return escaped(f"“{file_name}” is too large for a backup or CSV file. Nothing was changed.")


def not_a_backup(file_name: str, reason: str) -> Markup:
    return escaped(f"“{file_name}” is not an ssi-coach backup: {reason} Nothing was changed.")


def no_checkins_in(file_name: str, reason: str) -> Markup:
    return escaped(f"“{file_name}” holds no check-ins to add ({reason}). Nothing was changed.")


def renamed(old: str, new: str) -> Markup:
    return escaped(f"Renamed {old} to {new}.")


def removed(name: str) -> Markup:
    """Said after a removal, with the button that brings the person back."""
    return join([f"Removed {name} and all of their check-ins from this browser.",
                 el("button", "Undo", type="button", class_="link", data_action="team-undo")],
                " ")


def cannot_undo(name: str) -> Markup:
    return escaped(f"Cannot undo: {name} is in the team again.")


def back(name: str) -> Markup:
    return escaped(f"{name} is back, with all of their check-ins.")


def _count(number: int, noun: str) -> str:
    if noun == "updated":
        return f"{number} updated"
    return f"{number} {noun}{'' if number == 1 else 's'}"


def bulk_message(bulk: BulkAdd) -> Markup:
    """What adding many links or files did: who was added or refreshed, and what could not be
    read (named by its place, "link 3" or the file, never its content)."""
    parts = []
    if bulk.added:
        parts.append(f"Added {text.people(len(bulk.added))}: {', '.join(bulk.added)}.")
    if bulk.refreshed:
        parts.append(f"Updated {text.people(len(bulk.refreshed))}: "
                     f"{', '.join(bulk.refreshed)}.")
    if bulk.unchanged:
        parts.append(f"Nothing new for {', '.join(bulk.unchanged)}.")
    if bulk.duplicates:
        parts.append(f"{text.count(bulk.duplicates, 'duplicate')} read once.")
    if not parts and not bulk.unreadable:
        parts.append("No share link found in what you pasted.")
    problems = [el("li", f"{u.source}: {u.reason}") for u in bulk.unreadable]
    return el("div", el("p", " ".join(parts)) if parts else None,
              el("p", f"{text.count(len(problems), 'link or file', 'links or files')} could "
                      "not be read:") if problems else None,
              el("ul", problems) if problems else None)
