"""HTML for the Team section: pure functions of core results, tested on CPython.

Every name and number comes from people's share links or files, so every string is escaped.
"""

from __future__ import annotations

from html import escape

from ssi_coach import text
from ssi_coach.model import PILLARS, FieldError, display_total
from ssi_coach.team.table import TeamChange, TeamRow, TeamStats, TeamView

from .views import chart_figure

# (sort key, header, what the cells hold); the ranks read "Top N%", lower is better.
COLUMNS = (("name", "Person"), ("total", "SSI"), *((p.key, p.short) for p in PILLARS),
           ("industry_rank", "Industry rank"), ("network_rank", "Network rank"),
           ("change", "Change"), ("days_since", "Days since"))


def empty_team() -> str:
    return ('<p class="muted" id="team-empty">No one yet. Ask your team members for a share '
            "link (Your data → Share a read-only report) or a backup, and add it above. Their "
            "check-ins stay in this browser, apart from your own.</p>")


def team_panel(view: TeamView, heat_svg: str | None, trend_svg: str | None) -> str:
    """The table, then the charts (or a note while Matplotlib loads), then the focus list."""
    charts = ('<p class="muted">Drawing the team charts…</p>' if heat_svg is None else
              _heat_figure(view, heat_svg)
              + (chart_figure(view.trend, trend_svg, "team-trend-chart")
                 if view.trend is not None and trend_svg is not None else ""))
    return (team_table(view) + charts + coaching_focus(view.rows)
            + '<p class="actions team-actions">'
            '<button type="button" data-action="team-csv">Download the team table (CSV)'
            '</button><button type="button" data-action="team-print">Print the team report'
            "</button></p>")


def team_table(view: TeamView) -> str:
    head = "".join(_header(key, label, view) for key, label in COLUMNS)
    rows = "".join(_row(row) for row in view.rows)
    return (
        '<div class="table-wrap" tabindex="0"><table id="team-table"><caption>'
        f"Your team: {len(view.rows)} {'person' if len(view.rows) == 1 else 'people'}, "
        "latest check-in each (select a heading to sort)</caption>"
        f'<thead><tr>{head}<th scope="col"><span class="visually-hidden">Actions</span></th>'
        f"</tr></thead><tbody>{rows}</tbody><tfoot>"
        f"{_summary_row('Team average', view.average)}{_summary_row('Team median', view.median)}"
        "</tfoot></table></div>"
    )


def _header(key: str, label: str, view: TeamView) -> str:
    sorted_here = view.sort_by == key
    state = ("descending" if view.descending else "ascending") if sorted_here else "none"
    arrow = ("▼" if view.descending else "▲") if sorted_here else ""
    return (f'<th scope="col" aria-sort="{state}"><button type="button" class="sort" '
            f'data-action="team-sort" data-key="{key}">{escape(label)}'
            f'<span aria-hidden="true"> {arrow}</span></button></th>')


def _row(row: TeamRow) -> str:
    name = escape(row.name)
    pillars = "".join(f"<td>{text.score(s)}</td>" for s in row.scores())
    return (
        f'<tr data-person="{name}"><th scope="row">{name}'
        f'<br><span class="muted">{text.long_date(row.latest_on)}</span></th>'
        f"<td><strong>{display_total(row.total)}</strong></td>{pillars}"
        f"<td>{_rank(row.industry_rank)}</td><td>{_rank(row.network_rank)}</td>"
        f"<td>{_change(row.change)}</td><td>{row.days_since}</td>"
        '<td class="row-actions">'
        f'<button type="button" class="link" data-action="team-rename" data-name="{name}">'
        f'Rename<span class="visually-hidden"> {name}</span></button> '
        f'<button type="button" class="link danger" data-action="team-remove" data-name="{name}">'
        f'Remove<span class="visually-hidden"> {name}</span></button></td></tr>'
    )


def _summary_row(label: str, stats: TeamStats) -> str:
    pillars = "".join(f"<td>{text.score(getattr(stats, p.key))}</td>" for p in PILLARS)
    return (f'<tr><th scope="row">{label}</th><td>{text.score(stats.total)}</td>{pillars}'
            f"<td>{_rank(stats.industry_rank)}</td><td>{_rank(stats.network_rank)}</td>"
            "<td></td><td></td><td></td></tr>")


def _rank(rank: float | None) -> str:
    return "–" if rank is None else f"Top {text.score(rank)}%"


def _change(change: float | None) -> str:
    if change is None:
        return '<span class="muted">first</span>'
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return f"{sign}{text.score(abs(change))}"


def _heat_figure(view: TeamView, svg: str) -> str:
    heat = view.heat_map
    return (f'<figure class="chart" id="team-heat-map"><h3>{escape(heat.title)}</h3>{svg}'
            f"<figcaption>{escape(heat.summary)}</figcaption></figure>")


def coaching_focus(rows: tuple[TeamRow, ...]) -> str:
    items = "".join(
        f'<li data-person="{escape(row.name)}"><strong>{escape(row.name)}</strong>: weakest '
        f"pillar <em>{escape(row.weakest.label)}</em> ({text.score(getattr(row, row.weakest.key))}"
        f" of 25). First step: {escape(row.action)}</li>"
        for row in rows)
    return f'<h3>Coaching focus</h3><ul class="team-focus">{items}</ul>'


def without_checkins(names: list[str]) -> str:
    """People kept from a report that held no check-ins: listed, so they can be removed."""
    if not names:
        return ""
    items = "".join(
        f'<li data-person="{escape(name)}">{escape(name)} '
        f'<button type="button" class="link danger" data-action="team-remove" '
        f'data-name="{escape(name)}">Remove<span class="visually-hidden"> {escape(name)}'
        "</span></button></li>" for name in names)
    return ('<p class="muted">Kept without any check-ins yet:</p>'
            f'<ul class="team-empty-people">{items}</ul>')


def rename_form(name: str) -> str:
    return (f'<form class="team-rename" data-name="{escape(name)}">'
            f'<label for="team-rename-input">New name for {escape(name)}</label> '
            f'<input id="team-rename-input" name="name" value="{escape(name)}" maxlength="60" '
            'autocomplete="off"> <button type="submit" class="primary">Save name</button> '
            '<button type="button" data-action="team-rename-cancel">Cancel</button></form>')


def added_message(change: TeamChange) -> str:
    name = escape(change.name)
    if not change.changed:
        return (f"Nothing new: every check-in in it is already in {name}'s history. "
                "Nothing was changed.")
    counts = f"{_count(change.added, 'new check-in')}, {_count(change.updated, 'updated')}"
    if change.is_new:
        return f"Added {name} to your team: {_count(change.added, 'check-in')}."
    return f"Updated {name}: {counts}."


def errors_message(errors: list[FieldError]) -> str:
    return " ".join(escape(error.message) for error in errors) + " Nothing was changed."


def _count(number: int, noun: str) -> str:
    if noun == "updated":
        return f"{number} updated"
    return f"{number} {noun}{'' if number == 1 else 's'}"
