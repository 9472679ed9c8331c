"""HTML for each part of the page, from core results. Pure functions, no browser imports.

Every piece of text a person typed goes through `escape`, so a note can never become markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ssi_coach import text
from ssi_coach.charts.data import Chart
from ssi_coach.dashboard import Dashboard, PillarFigure, RankFigure
from ssi_coach.model import PILLAR_MAX, PILLARS, CheckIn, display_total

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


def history(checkins: Sequence[CheckIn]) -> str:
    if not checkins:
        return '<p class="muted">No check-ins yet.</p>'
    head = "".join(f'<th scope="col">{escape(p.short)}</th>' for p in PILLARS)
    rows = "".join(_history_row(c) for c in reversed(checkins))
    return (
        '<div class="table-wrap"><table id="history-table"><caption class="visually-hidden">'
        "Your check-ins, newest first</caption><thead><tr>"
        '<th scope="col">Date</th><th scope="col"><span class="visually-hidden">Actions</span>'
        f'</th><th scope="col">Total</th>{head}'
        '<th scope="col">Industry rank</th><th scope="col">Network rank</th>'
        '<th scope="col">Industry</th><th scope="col">Note</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _history_row(checkin: CheckIn) -> str:
    day = checkin.on.isoformat()
    nice = text.long_date(checkin.on)
    pillars = "".join(f"<td>{text.score(s)}</td>" for s in checkin.pillar_scores())
    actions = (
        f'<button type="button" class="link" data-action="edit" data-date="{day}" '
        f'aria-label="Edit the check-in of {nice}">Edit</button>'
        f'<button type="button" class="link danger" data-action="delete" data-date="{day}" '
        f'aria-label="Delete the check-in of {nice}">Delete</button>'
    )
    return (
        f'<tr data-date="{day}"><th scope="row">{day}</th>'
        f'<td class="row-actions">{actions}</td>'
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
    return (f'<div class="table-wrap"><table><caption class="visually-hidden">'
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


def set_aside_list(keys: Sequence[str]) -> str:
    items = "".join(
        f'<li><code>{escape(key)}</code> <button type="button" class="link" '
        f'data-action="download-aside" data-key="{escape(key)}">Download</button></li>'
        for key in keys
    )
    return ("<p>Data this browser could not read was kept here, untouched. Download it to "
            f"keep a copy or to send it for help.</p><ul>{items}</ul>")
