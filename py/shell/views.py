"""HTML for each part of the page, from core results. Pure functions, no browser imports.

Every piece of text a person typed goes through `escape`, so a note can never become markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from ssi_coach import text
from ssi_coach.charts.data import Chart
from ssi_coach.checkins.dashboard import Dashboard, PillarFigure, RankFigure
from ssi_coach.checkins.merge import CheckinMerge, differences
from ssi_coach.importers.ssi_page import SsiReading
from ssi_coach.model import PILLAR_MAX, PILLARS, CheckIn, Document, Problem, display_total
from ssi_coach.storage.concurrent import Conflict

SSI_PAGE = "https://www.linkedin.com/sales/ssi"


def empty_state() -> str:
    return (
        '<div class="empty-state">'
        "<h2>Start tracking your SSI</h2>"
        "<p>LinkedIn's Social Selling Index (SSI) scores how well you build your professional "
        "brand, find the right people, engage with insights and build relationships, from 0 to "
        "100. LinkedIn shows only today's number, so ssi-coach keeps the history and shows "
        "your trend.</p>"
        f'<p>Open <a href="{SSI_PAGE}" target="_blank" rel="noopener noreferrer">your SSI page'
        "</a>, then add your first check-in: the four pillar scores are enough.</p>"
        '<p><button type="button" class="primary" data-action="start">Add your first '
        "check-in</button></p></div>"
    )


def dashboard(board: Dashboard) -> str:
    return '<div class="cards">' + "".join(
        (_total_card(board), _pillar_card(board), _rank_card(board), _due_card(board))
    ) + "</div>"


def _change_span(value: float | None, places: int = 2) -> str:
    if value is None:
        return ""
    css = "up" if round(value, places) > 0 else "down" if round(value, places) < 0 else "same"
    return f'<span class="{css}">{text.change(value, places)}</span>'


def _total_card(board: Dashboard) -> str:
    if board.total_change is None:
        since = '<p class="muted">Your first check-in: changes show from the next one.</p>'
    else:
        since = (f"<p>{_change_span(board.total_change)} since "
                 f"{text.long_date(board.previous_on)}</p>") if board.previous_on else ""
    averages = "".join(
        f"<li>{escape(a.label)} average {text.score(a.average)}: you are "
        f"{_vs(a.difference)}</li>"
        for a in board.averages
    )
    averages_block = (f'<ul class="compare">{averages}</ul>' if averages else
                      '<p class="hint">Add the industry and network averages to compare.</p>')
    return (
        '<section class="card total-card" aria-labelledby="total-heading">'
        '<h3 id="total-heading">Social Selling Index</h3>'
        f'<p class="big" data-testid="total">{board.total_shown}<small> / 100</small></p>'
        f'<p class="muted">Exact sum of pillars: {text.score(board.total)} · '
        f"{text.long_date(board.latest.on)}</p>"
        f"{since}{averages_block}</section>"
    )


def _vs(difference: float) -> str:
    if round(difference, 2) == 0:
        return "level with it"
    word = "above" if difference > 0 else "below"
    css = "up" if difference > 0 else "down"
    return f'<span class="{css}">{text.score(abs(difference))} {word}</span>'


def _pillar_card(board: Dashboard) -> str:
    items = "".join(_pillar_item(f) for f in board.pillars)
    return (
        '<section class="card pillar-card" aria-labelledby="pillars-heading">'
        '<h3 id="pillars-heading">Four components</h3>'
        f'<ul class="pillar-list">{items}</ul></section>'
    )


def _pillar_item(figure: PillarFigure) -> str:
    label = escape(figure.pillar.label)
    badge = ' <span class="badge">Weakest: most room to grow</span>' if figure.weakest else ""
    return (
        f'<li class="{"weakest" if figure.weakest else ""}" data-pillar="{figure.pillar.key}">'
        f'<span class="pillar-name">{label}{badge}</span>'
        f"<span><strong>{text.score(figure.score)}</strong>"
        f'<span class="muted"> / {PILLAR_MAX}</span> {_change_span(figure.change)}</span>'
        f'<meter min="0" max="{PILLAR_MAX}" low="{PILLAR_MAX * 0.4}" high="{PILLAR_MAX * 0.7}" '
        f'optimum="{PILLAR_MAX}" value="{figure.score}" aria-label="{label}: '
        f'{text.score(figure.score)} out of {PILLAR_MAX}"></meter></li>'
    )


def _rank_card(board: Dashboard) -> str:
    if not board.ranks:
        body = ('<p class="hint">No ranks in your latest check-in. LinkedIn shows your industry '
                "and network rank as “Top N%” at the top of the SSI page.</p>")
    else:
        body = "<dl>" + "".join(_rank_row(r) for r in board.ranks) + "</dl>"
    return (
        '<section class="card rank-card" aria-labelledby="ranks-heading">'
        '<h3 id="ranks-heading">SSI rank</h3>'
        f'{body}<p class="hint">Lower is better: Top 1% is the best rank.</p></section>'
    )


def _rank_row(rank: RankFigure) -> str:
    move = ""
    if rank.improvement is not None and rank.previous_on is not None:
        css = "up" if rank.improvement > 0 else "down" if rank.improvement < 0 else "same"
        move = (f' <span class="{css}">{text.rank_change(rank.improvement)}</span>'
                f'<span class="muted"> since {text.long_date(rank.previous_on)} '
                f"(Top {rank.previous}%)</span>")
    return (f"<dt>{escape(rank.label)} SSI rank</dt>"
            f'<dd data-rank="{rank.label.lower()}"><strong>Top {rank.rank}%</strong>{move}</dd>')


def _due_card(board: Dashboard) -> str:
    last = f"Last check-in {text.long_date(board.latest.on)} ({text.days_ago(board.days_since)})."
    if board.due:
        state = ('<p><span class="badge due">Due</span> It has been a month or more: '
                 f'<a href="{SSI_PAGE}" target="_blank" rel="noopener noreferrer">check your SSI '
                 "on LinkedIn</a> and add a check-in.</p>")
    else:
        state = f"<p>Next check-in due {text.long_date(board.due_on)}.</p>"
    count = board.checkin_count
    return (
        f'<section class="card due-card{" is-due" if board.due else ""}" '
        'aria-labelledby="due-heading" data-testid="due">'
        '<h3 id="due-heading">Check-in rhythm</h3>'
        f"<p>{last}</p>{state}"
        f'<p class="muted">{count} check-in{"s" if count != 1 else ""} logged.</p></section>'
    )


def history(checkins: Sequence[CheckIn], *, readonly: bool = False) -> str:
    if not checkins:
        return '<p class="muted">No check-ins yet.</p>'
    head = "".join(f'<th scope="col">{escape(p.short)}</th>' for p in PILLARS)
    rows = "".join(_history_row(c, readonly) for c in reversed(checkins))
    actions = ("" if readonly else
               '<th scope="col"><span class="visually-hidden">Actions</span></th>')
    return (
        '<div class="table-wrap" tabindex="0">'
        '<table id="history-table"><caption class="visually-hidden">'
        "Your check-ins, newest first</caption><thead><tr>"
        f'<th scope="col">Date</th>{actions}<th scope="col">Total</th>{head}'
        '<th scope="col">Industry rank</th><th scope="col">Network rank</th>'
        '<th scope="col">Industry</th><th scope="col">Note</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _history_row(checkin: CheckIn, readonly: bool = False) -> str:
    day = checkin.on.isoformat()
    nice = text.long_date(checkin.on)
    pillars = "".join(f"<td>{text.score(s)}</td>" for s in checkin.pillar_scores())
    actions = "" if readonly else (
        '<td class="row-actions">'
        f'<button type="button" class="link" data-action="edit" data-date="{day}" '
        f'aria-label="Edit the check-in of {nice}">Edit</button>'
        f'<button type="button" class="link danger" data-action="delete" data-date="{day}" '
        f'aria-label="Delete the check-in of {nice}">Delete</button></td>'
    )
    return (
        f'<tr data-date="{day}"><th scope="row">{day}</th>{actions}'
        f"<td><strong>{display_total(checkin.total)}</strong></td>{pillars}"
        f"<td>{_top(checkin.industry_rank)}</td><td>{_top(checkin.network_rank)}</td>"
        f'<td class="note">{escape(checkin.industry)}</td>'
        f'<td class="note">{escape(checkin.note)}</td></tr>'
    )


def _top(rank: int | None) -> str:
    return "" if rank is None else f"Top {rank}%"


def chart_figure(chart: Chart, svg: str, figure_id: str) -> str:
    """A drawn chart with its caption and, folded away, the same numbers as a table."""
    return (
        f'<figure class="chart" id="{figure_id}"><h3>{escape(chart.title)}</h3>{svg}'
        f"<figcaption>{escape(chart.summary)}</figcaption>"
        f"<details><summary>Show the numbers as a table</summary>{chart_table(chart)}"
        "</details></figure>"
    )


def chart_table(chart: Chart) -> str:
    head = "".join(f'<th scope="col">{escape(s.label)}</th>' for s in chart.series)
    rows = "".join(
        f'<tr><th scope="row">{day.isoformat()}</th>'
        + "".join(f"<td>{_cell(s.values[i])}</td>" for s in chart.series)
        + "</tr>"
        for i, day in enumerate(chart.dates)
    )
    return (f'<div class="table-wrap" tabindex="0"><table><caption class="visually-hidden">'
            f"{escape(chart.title)}</caption><thead><tr><th scope=\"col\">Date</th>{head}</tr>"
            f"</thead><tbody>{rows}</tbody></table></div>")


def _cell(value: float | None) -> str:
    return "" if value is None else text.score(value)


def charts_waiting(count: int) -> str:
    if count == 0:
        return ('<p class="muted">Your trend chart appears here after your second check-in: '
                "a trend needs two points.</p>")
    return ('<p class="muted">Your trend chart appears after your second check-in: one '
            "point is not a trend yet.</p>")


def charts_failed(reason: str) -> str:
    return (f'<p class="status error">The charts could not be drawn ({escape(reason)}). Your '
            "numbers are safe; the history table below shows all of them.</p>")


def problem(message: str, raw: str) -> str:
    preview = raw[:600] + ("…" if len(raw) > 600 else "")
    return (
        "<h2>Your saved data could not be read</h2>"
        f"<p>{escape(message)}</p>"
        "<p>It has <strong>not</strong> been changed or deleted. Download a copy to keep it, "
        "then set it aside to start fresh (the copy stays in this browser too).</p>"
        f"<details><summary>What is stored ({len(raw):,} characters)</summary>"
        f"<pre>{escape(preview)}</pre></details>"
        '<p class="actions"><button type="button" class="primary" data-action="download-raw">'
        'Download the stored data</button><button type="button" data-action="set-aside">'
        "Set it aside and start fresh</button></p>"
    )


def recovered(reason: str, damaged_key: str) -> str:
    """Start-up found the saved data damaged and loaded the last good copy instead."""
    return (f"Your saved data was damaged ({escape(reason)}), so ssi-coach loaded the last "
            "good copy it keeps. The damaged text is kept as it was: "
            f'<button type="button" class="link" data-action="download-aside" '
            f'data-key="{escape(damaged_key)}">download it</button>.')


CONFLICT_WHAT = {"checkins": "the check-in of {}", "weeks": "the week of {}",
                 "imported": "the imported week of {}", "week_sources": "the source of week {}",
                 "people": "a kept report ({})", "checklist": "the profile checklist",
                 "plan": "the plan", "goal": "the goal", "network": "the network summary",
                 "imported_on": "the import date"}


def merged_note(conflicts: Sequence[Conflict]) -> str:
    """After a save merged with another tab's changes: say so, and what was replaced."""
    if not conflicts:
        return "Changes saved in another tab were kept too."
    what = ", ".join(escape(CONFLICT_WHAT.get(c.field, c.field).format(_conflict_key(c)))
                     for c in conflicts)
    return (f"Another tab had also changed {what}; this tab saved last, so its version "
            "was kept and the other tab's change to it was replaced.")


def _conflict_key(conflict: Conflict) -> str:
    try:
        return text.long_date(dt.date.fromisoformat(conflict.key))
    except ValueError:
        return str(conflict.key).split("|")[0]


def copy_stale_note() -> str:
    return ("Storage is nearly full: the safety copy of your data could not be updated. "
            "Download a backup to be safe.")


def kept_copies(copies: Sequence[tuple[str, str]]) -> str:
    items = "".join(
        f"<li>{escape(description)} (<code>{escape(key)}</code>) "
        f'<button type="button" class="link" data-action="download-aside" '
        f'data-key="{escape(key)}">Download</button></li>'
        for key, description in copies
    )
    return ("<p>Copies are kept here exactly as they were, so nothing is lost. Download one "
            f"to keep it elsewhere or to restore it.</p><ul>{items}</ul>")


# ---- data in and out -----------------------------------------------------------------

def _items(lines: Sequence[str]) -> str:
    return "".join(f"<li>{line}</li>" for line in lines)


def paste_preview(reading: SsiReading, notes: Sequence[str]) -> str:
    """What was read from a pasted SSI page, before anything is saved."""
    pillars = [f"{escape(p.label)}: <strong>{text.score(reading.pillars[p.key])}</strong>"
               for p in PILLARS]
    total = sum(reading.pillars.values())
    shown = (f"SSI <strong>{reading.total}</strong> (pillars add up to {text.score(total)})"
             if reading.total is not None else f"Total (sum of pillars): {text.score(total)}")
    extra = [f"{label}: Top {rank}%" for label, rank in
             (("Industry SSI rank", reading.industry_rank),
              ("Network SSI rank", reading.network_rank)) if rank is not None]
    extra += [f"{label}: {text.score(avg)}" for label, avg in
              (("Industry average", reading.industry_average),
               ("Network average", reading.network_average)) if avg is not None]
    if reading.industry:
        extra.append(f"Industry: {escape(reading.industry)}")
    remarks = "".join(f'<p class="notice">{escape(n)}</p>' for n in notes)
    return (
        "<h3>Read from your SSI page</h3>"
        f'<ul class="preview-list">{_items([shown, *pillars, *extra])}</ul>{remarks}'
        "<p>The numbers are now in the form below. Check them, correct anything, and press "
        "<strong>Save check-in</strong>. Nothing is saved until then.</p>"
    )


def paste_problems(problems: Sequence[str]) -> str:
    return ('<div class="error-box"><p><strong>Nothing was read, and nothing was saved.'
            f'</strong></p><ul class="preview-list">{_items([escape(p) for p in problems])}'
            "</ul></div>")


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def import_preview(title: str, plan: CheckinMerge, rejected: Sequence[Problem],
                   *, extra: str = "", restore: bool = False) -> str:
    """The preview before an import: exactly what would be added, kept or replaced."""
    lines = [f"{_count(len(plan.added), 'new check-in')} to add",
             f"{_count(len(plan.unchanged), 'check-in')} already here with the same numbers"]
    if plan.updated:
        lines.append(f"{_count(len(plan.updated), 'date')} already here with different "
                     "details")
    if rejected:
        lines.append(f"{_count(len(rejected), 'row')} that cannot be used (see below)")
    return (
        f'<h3>{escape(title)}</h3><ul class="preview-list">{_items(lines)}</ul>{extra}'
        f"{_conflict_choice(plan) if plan.updated else ''}"
        f"{_rejected_rows(rejected) if rejected else ''}"
        f'<div class="actions">{_import_buttons(plan, restore)}'
        '<button type="button" data-action="import-cancel">Cancel</button></div>'
    )


def _import_buttons(plan: CheckinMerge, restore: bool) -> str:
    buttons = ""
    if plan.added or plan.updated:
        label = "Merge into my data" if restore else "Import"
        buttons += (f'<button type="button" class="primary" data-action="import-confirm">'
                    f"{label}</button>")
    elif not restore:
        buttons += '<p class="muted">Nothing new to import.</p>'
    if restore:
        buttons += ('<button type="button" data-action="restore-replace">Replace all my data '
                    "with the backup</button>")
    return buttons


def _conflict_choice(plan: CheckinMerge) -> str:
    rows = "".join(
        f'<tr><th scope="row">{u.before.on.isoformat()}</th>'
        f"<td>{escape(', '.join(differences(u)))}</td>"
        f"<td>{text.score(u.before.total)}</td><td>{text.score(u.after.total)}</td></tr>"
        for u in plan.updated
    )
    return (
        '<fieldset class="conflicts"><legend>For dates that differ</legend>'
        '<label class="check"><input type="radio" name="conflicts" value="keep" checked> '
        "Keep mine</label>"
        '<label class="check"><input type="radio" name="conflicts" value="replace"> '
        "Use the file's</label>"
        '<div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Date</th>'
        '<th scope="col">What differs</th><th scope="col">My total</th>'
        '<th scope="col">File\'s total</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></fieldset>"
    )


def _rejected_rows(rejected: Sequence[Problem]) -> str:
    rows = "".join(
        f'<tr><th scope="row">{p.line}</th><td>{escape(p.column)}</td>'
        f'<td class="note">{escape(p.message)}</td></tr>'
        for p in rejected
    )
    return (
        f"<details open><summary>{_count(len(rejected), 'row')} that cannot be used"
        '</summary><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Line</th>'
        '<th scope="col">Column</th><th scope="col">Why</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></details>"
    )


def backup_summary(backup: Document, current: Document) -> str:
    def span(checkins: Sequence[CheckIn]) -> str:
        if not checkins:
            return "no check-ins"
        return (f"{_count(len(checkins), 'check-in')}, {text.long_date(checkins[0].on)} to "
                f"{text.long_date(checkins[-1].on)}")

    people = f" and {_count(len(backup.people), 'shared report')}" if backup.people else ""
    return (f"<p>The backup holds {span(backup.checkins)}{people}. "
            f"Your data now: {span(current.checkins)}.</p>"
            '<p class="muted">Replacing keeps your current data as a copy in this browser '
            "(and offers it as a download) first.</p>")


def share_result(url: str) -> str:
    return (
        '<label for="share-url">Your link</label>'
        f'<input id="share-url" class="share-url" type="text" readonly value="{escape(url)}">'
        f'<p class="muted">{len(url):,} characters. The report is inside the link after the '
        "#, a part browsers never send to any server. Anyone with the link can read it.</p>"
        '<div class="actions"><button type="button" class="primary" data-action="share-copy">'
        "Copy link</button>"
        f'<a href="{escape(url)}" target="_blank" rel="noopener">Open it</a></div>'
    )


def report_banner(name: str, created: str, count: int) -> str:
    who = f"{escape(name)}'s" if name else "A shared"
    return (
        f"<h2>{who} SSI report (read-only)</h2>"
        f"<p>Shared on {escape(created)} with {_count(count, 'check-in')}. This is not your "
        "data: nothing here is saved in this browser unless you choose to keep it, and your "
        "own data is not read or changed.</p>"
        '<div class="actions">'
        '<button type="button" class="primary" data-action="keep-report">Keep it in this '
        "browser as a separate person</button>"
        '<a href="./" data-action="own-data">Open my own ssi-coach</a></div>'
    )


def report_error(message: str) -> str:
    return (
        "<h2>This share link cannot be opened</h2>"
        f"<p>{escape(message)}</p><p>Ask the person who shared it for a new link. Links "
        "must be copied whole; a missing or changed character breaks them.</p>"
        '<p><a href="./">Open my own ssi-coach</a></p>'
    )
