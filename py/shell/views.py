"""HTML for each part of the page, from core results. Pure functions, no browser imports.

Every view is built with `shell.html.el`, which escapes every text and attribute, so a note
or a name a person typed can never become markup. Adjacent inline elements are separated by
a space or punctuation, so the text reads right when copied or read aloud.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ssi_coach import text
from ssi_coach.activity.actions import Action
from ssi_coach.charts.data import Chart
from ssi_coach.checkins.dashboard import Dashboard, PillarFigure, RankFigure
from ssi_coach.checkins.merge import CheckinMerge, differences
from ssi_coach.model import (
    PEER_GROUPS,
    PILLAR_MAX,
    PILLARS,
    CheckIn,
    Document,
    PeerAverages,
    Pillar,
    Problem,
    display_total,
)
from ssi_coach.peers.compare import WEAKEST_MEANS, WEAKEST_RELATIVE_MEANS
from ssi_coach.routes import View, href
from ssi_coach.storage.backup import AccountsMerged
from ssi_coach.storage.concurrent import Conflict
from ssi_coach.storage.quota import StorageUsage

from .html import Child, Markup, el, join, trusted

if TYPE_CHECKING:  # the paste reader loads on the first paste (see checkins.read_paste)
    from ssi_coach.importers.ssi_page import SsiReading

SSI_PAGE = "https://www.linkedin.com/sales/ssi"
_PILLAR_SHORT = {p.key: p.short for p in PILLARS}


def _external(label: str) -> Markup:
    return el("a", label, href=SSI_PAGE, target="_blank", rel="noopener noreferrer")


# ---- navigation ---------------------------------------------------------------------------

def nav_items(views: Sequence[View]) -> Markup:
    """One link per view, in order, for the navigation list; the shell marks the current one
    with aria-current="page"."""
    return join(el("li", el("a", v.label, href=href(v), data_view=v.key)) for v in views)


# ---- home ---------------------------------------------------------------------------------

def empty_state() -> Markup:
    return el(
        "div",
        el("h2", "Start tracking your SSI"),
        el("p", "LinkedIn's Social Selling Index (SSI) scores how well you build your "
                "professional brand, find the right people, engage with insights and build "
                "relationships, from 0 to 100. LinkedIn shows only today's number, so "
                "ssi-coach keeps the history and shows your trend."),
        el("p", "Open ", _external("your SSI page"),
           ", then add your first check-in: the four pillar scores are enough."),
        el("p", el("button", "Add your first check-in", type="button", class_="primary",
                   data_action="start")),
        class_="empty-state")


def dashboard(board: Dashboard, streak: int | None = None) -> Markup:
    """Home's cards; `streak` is how many weeks in a row have logged activity (None: no
    activity was ever logged, so there is no streak to speak of)."""
    return el("div", _total_card(board), _pillar_card(board), _rank_card(board),
              _due_card(board, streak), class_="cards")


def _change_span(value: float | None, places: int = 2) -> Markup:
    if value is None:
        return Markup()
    shown = round(value, places)
    css = "up" if shown > 0 else "down" if shown < 0 else "same"
    return el("span", text.change(value, places), class_=css)


def _total_card(board: Dashboard) -> Markup:
    since: Child = None
    if board.total_change is None:
        since = el("p", "Your first check-in: changes show from the next one.", class_="muted")
    elif board.previous_on:
        since = el("p", _change_span(board.total_change), " since ",
                   text.long_date(board.previous_on), class_="since")
    averages = [el("li", f"{a.label} average {text.score(a.average)}: you are ",
                   _vs(a.difference)) for a in board.averages]
    compare = (el("ul", averages, class_="compare") if averages else
               el("p", "Add the industry and network averages to compare.", class_="hint"))
    return el(
        "section",
        el("h3", "Social Selling Index", id="total-heading"),
        el("p", str(board.total_shown), el("small", " / 100"), class_="big",
           data_testid="total"),
        since,
        el("p", f"Exact sum of pillars: {text.score(board.total)} · "
                f"{text.long_date(board.latest.on)}", class_="muted"),
        compare,
        class_="card total-card", aria_labelledby="total-heading")


def _vs(difference: float) -> Markup:
    if round(difference, 2) == 0:
        return Markup("level with it")
    word = "above" if difference > 0 else "below"
    return el("span", f"{text.score(abs(difference))} {word}",
              class_="up" if difference > 0 else "down")


def _pillar_card(board: Dashboard) -> Markup:
    with_peers = any(f.peer_gap is not None for f in board.pillars)
    meaning = (el("p", WEAKEST_MEANS, " ", WEAKEST_RELATIVE_MEANS, " ",
                  el("a", "Compare with peers", href="#/peers"), class_="hint")
               if with_peers else None)
    return el("section", el("h3", "Four components", id="pillars-heading"),
              el("ul", [_pillar_item(f) for f in board.pillars], class_="pillar-list"),
              meaning, class_="card pillar-card", aria_labelledby="pillars-heading")


def _pillar_badges(figure: PillarFigure) -> list[Child]:
    badges: list[Child] = []
    if figure.weakest:
        badges.append(el("span", "Weakest", el("span", ": most room to grow", class_="long"),
                         class_="badge"))
    if figure.weakest_relative:
        badges.append(el("span", "Furthest below peers", class_="badge badge-peers"))
    elif figure.strongest_relative:
        badges.append(el("span", "Furthest above peers", class_="badge badge-peers"))
    return [part for badge in badges for part in (" ", badge)]


def _peer_gap(figure: PillarFigure) -> Child:
    gap = figure.peer_gap
    if gap is None:
        return None
    if round(gap, 2) == 0:
        return el("span", " · level with peers", class_="peer-gap")
    return el("span", " · ", _vs(gap), " peers", class_="peer-gap")


def _pillar_item(figure: PillarFigure) -> Markup:
    label = figure.pillar.label
    return el(
        "li",
        el("span", label, _pillar_badges(figure), class_="pillar-name"),
        el("span", el("strong", text.score(figure.score)),
           el("span", f" / {PILLAR_MAX}", class_="muted"), " ", _change_span(figure.change),
           _peer_gap(figure), class_="pillar-score"),
        el("meter", min="0", max=str(PILLAR_MAX), value=str(figure.score),
           aria_label=f"{label}: {text.score(figure.score)} out of {PILLAR_MAX}"),
        class_="weakest" if figure.weakest else None, data_pillar=figure.pillar.key)


def _rank_card(board: Dashboard) -> Markup:
    if not board.ranks:
        body = el("p", "No ranks in your latest check-in. LinkedIn shows your industry and "
                       "network rank as “Top N%” at the top of the SSI page.", class_="hint")
    else:
        body = el("dl", [_rank_row(r) for r in board.ranks])
    return el("section", el("h3", "SSI rank", id="ranks-heading"), body,
              el("p", "Lower is better: Top 1% is the best rank.", class_="hint"),
              class_="card rank-card", aria_labelledby="ranks-heading")


def _rank_row(rank: RankFigure) -> Markup:
    move: list[Child] = []
    if rank.improvement is not None and rank.previous_on is not None:
        css = "up" if rank.improvement > 0 else "down" if rank.improvement < 0 else "same"
        move = [" ", el("span", text.rank_change(rank.improvement), class_=css),
                el("span", f" since {text.long_date(rank.previous_on)} (Top {rank.previous}%)",
                   class_="muted")]
    return join([el("dt", f"{rank.label} SSI rank"),
                 el("dd", el("strong", f"Top {rank.rank}%"), move,
                    data_rank=rank.label.lower())])


def _streak(weeks: int | None) -> Child:
    """After the check-in count, on the same line: the weeks of activity logged in a row."""
    if weeks is None:
        return None
    if weeks == 0:
        return el("span", " · no activity logged last week (",
                  el("a", "log a week", href="#/activity"), ")", data_testid="streak")
    return el("span", " · ", el("strong", text.count(weeks, "week")),
              " of activity logged in a row", class_="streak", data_testid="streak")


def _due_card(board: Dashboard, streak: int | None) -> Markup:
    last = f"Last check-in {text.long_date(board.latest.on)} ({text.days_ago(board.days_since)})."
    if board.due:
        state = el("p", el("span", "Due", class_="badge due"),
                   " It has been a month or more: ", _external("check your SSI on LinkedIn"),
                   " and add a check-in.")
    else:
        state = el("p", f"Next check-in due {text.long_date(board.due_on)}.")
    count = board.checkin_count
    return el("section", el("h3", "Check-in rhythm", id="due-heading"), el("p", last), state,
              el("p", f"{text.count(count, 'check-in')} logged", _streak(streak), ".",
                 class_="muted"),
              class_="card due-card" + (" is-due" if board.due else ""),
              aria_labelledby="due-heading", data_testid="due")


def top_actions(actions: Sequence[Action], *, has_activity: bool) -> Markup:
    """This week's few best actions on Home, each with its pillar, and the way to the Coach."""
    if not actions:
        message = ("You already do everything we would suggest. Keep it up and check your "
                   "SSI monthly." if has_activity else
                   "Log a few weeks of activity to get suggestions.")
        return el("p", message, " ", el("a", "Log a week", href="#/activity"), class_="muted")
    items = [el("li", el("span", _PILLAR_SHORT.get(action.pillar, action.pillar),
                         class_="badge pillar-badge", title="The pillar it moves"), " ",
                el("span", action.title, class_="action-title"),
                data_pillar=action.pillar, data_action_key=action.key)
             for action in actions]
    return join([el("ol", items, class_="top-actions"),
                 el("p", el("a", "All suggestions, and why, in the Coach",
                            href="#/coach"), class_="more")])


# ---- check-ins ------------------------------------------------------------------------------

def history(checkins: Sequence[CheckIn], *, readonly: bool = False) -> Markup:
    if not checkins:
        return el("p", "No check-ins yet.", class_="muted")
    actions = None if readonly else el("th", el("span", "Actions", class_="visually-hidden"),
                                       scope="col", class_="row-actions")
    head = el("tr", el("th", "Date", scope="col"), actions, el("th", "Total", scope="col"),
              [el("th", p.short, scope="col") for p in PILLARS],
              [el("th", name, scope="col") for name in
               ("Industry rank", "Network rank", "Industry", "Note")])
    rows = [_history_row(c, readonly) for c in reversed(checkins)]
    return el("div", el("table",
                        el("caption", "Your check-ins, newest first", class_="visually-hidden"),
                        el("thead", head), el("tbody", rows), id="history-table"),
              class_="table-wrap", tabindex="0")


def _history_row(checkin: CheckIn, readonly: bool = False) -> Markup:
    day = checkin.on.isoformat()
    nice = text.long_date(checkin.on)
    actions = None if readonly else el(
        "td",
        el("button", "Edit", type="button", class_="link", data_action="edit", data_date=day,
           aria_label=f"Edit the check-in of {nice}"), " ",
        el("button", "Delete", type="button", class_="link danger", data_action="delete",
           data_date=day, aria_label=f"Delete the check-in of {nice}"),
        class_="row-actions")
    return el(
        "tr", el("th", day, scope="row"), actions,
        el("td", el("strong", str(display_total(checkin.total)))),
        [el("td", text.score(s)) for s in checkin.pillar_scores()],
        el("td", _top(checkin.industry_rank)), el("td", _top(checkin.network_rank)),
        el("td", checkin.industry, class_="note"), el("td", checkin.note, class_="note"),
        data_date=day)


def _top(rank: int | None) -> str:
    return "" if rank is None else f"Top {rank}%"


# ---- charts ---------------------------------------------------------------------------------

def chart_figure(chart: Chart, svg: str, figure_id: str) -> Markup:
    """A drawn chart (Matplotlib's SVG) with its caption and, folded away, the same numbers
    as a table."""
    return el("figure", el("h3", chart.title), trusted(svg), el("figcaption", chart.summary),
              el("details", el("summary", "Show the numbers as a table"), chart_table(chart)),
              class_="chart", id=figure_id)


def chart_table(chart: Chart) -> Markup:
    head = el("tr", el("th", "Date", scope="col"),
              [el("th", s.label, scope="col") for s in chart.series])
    rows = [el("tr", el("th", day.isoformat(), scope="row"),
               [el("td", _cell(s.values[i])) for s in chart.series])
            for i, day in enumerate(chart.dates)]
    return el("div", el("table", el("caption", chart.title, class_="visually-hidden"),
                        el("thead", head), el("tbody", rows)),
              class_="table-wrap", tabindex="0")


def _cell(value: float | None) -> str:
    return "" if value is None else text.score(value)


def charts_waiting(count: int) -> Markup:
    if count == 0:
        return el("p", "Your trend chart appears here after your second check-in: a trend "
                       "needs two points.", class_="muted")
    return el("p", "Your trend chart appears after your second check-in: one point is not a "
                   "trend yet.", class_="muted")


def table_figure(title: str, svg: str | None, summary: str, head: Sequence[str],
                 rows: Sequence[Sequence[str]], figure_id: str, *, heading: str = "h3",
                 table_id: str | None = None, folded: bool = True) -> Markup:
    """A chart (Matplotlib's SVG, or "Drawing the chart…" until it is drawn) with its caption
    and the same numbers as a table, whose first column heads each row: folded away, or
    shown at once (`folded=False`)."""
    drawn: Child = chart_drawing() if svg is None else trusted(svg)
    table = el("div", el("table", el("caption", title, class_="visually-hidden"),
                         el("thead", el("tr", [el("th", h, scope="col") for h in head])),
                         el("tbody", [el("tr", el("th", row[0], scope="row"),
                                         [el("td", cell) for cell in row[1:]])
                                      for row in rows]),
                         id=table_id),
               class_="table-wrap", tabindex="0")
    return el("figure", el(heading, title), drawn, el("figcaption", summary),
              el("details", el("summary", "Show the numbers as a table"), table)
              if folded else table,
              class_="chart", id=figure_id)


def chart_drawing() -> Markup:
    """Where one chart goes while Matplotlib loads."""
    return el("p", "Drawing the chart…", class_="muted")


def charts_failed(reason: str) -> Markup:
    return el("p", f"The charts could not be drawn ({reason}). Your numbers are safe; the "
                   "history table shows all of them.", class_="status error")


# ---- stored data ----------------------------------------------------------------------------

def problem(message: str, raw: str) -> Markup:
    preview = raw[:600] + ("…" if len(raw) > 600 else "")
    return join([
        el("h2", "Your saved data could not be read"),
        el("p", message),
        el("p", "It has ", el("strong", "not"), " been changed or deleted. Download a copy to "
                "keep it, then set it aside to start fresh (the copy stays in this browser "
                "too)."),
        el("details", el("summary", f"What is stored ({len(raw):,} characters)"),
           el("pre", preview)),
        el("p", el("button", "Download the stored data", type="button", class_="primary",
                   data_action="download-raw"), " ",
           el("button", "Set it aside and start fresh", type="button",
              data_action="set-aside"), class_="actions"),
    ])


def recovered(reason: str, damaged_key: str) -> Markup:
    """Start-up found the saved data damaged and loaded the last good copy instead."""
    return join([f"Your saved data was damaged ({reason}), so ssi-coach loaded the last good "
                 "copy it keeps. The damaged text is kept as it was: ",
                 el("button", "download it", type="button", class_="link",
                    data_action="download-aside", data_key=damaged_key), "."])


CONFLICT_WHAT = {"checkins": "the check-in of {}", "weeks": "the week of {}",
                 "imported": "the imported week of {}", "week_sources": "the source of week {}",
                 "people": "a kept report ({})", "checklist": "the profile checklist",
                 "plan": "the plan", "goal": "the goal", "network": "the network summary",
                 "imported_on": "the import date", "accounts": "the account {}"}


def merged_note(conflicts: Sequence[Conflict]) -> Markup:
    """After a save merged with another tab's changes: say so, and what was replaced."""
    if not conflicts:
        return Markup("Changes saved in another tab were kept too.")
    what = ", ".join(CONFLICT_WHAT.get(c.field, c.field).format(_conflict_key(c))
                     for c in conflicts)
    return join([f"Another tab had also changed {what}; this tab saved last, so its version "
                 "was kept and the other tab's change to it was replaced."])


def _conflict_key(conflict: Conflict) -> str:
    try:
        return text.long_date(dt.date.fromisoformat(conflict.key))
    except ValueError:
        return str(conflict.key).split("|")[0]


def copy_stale_note() -> Markup:
    return join(["Storage is nearly full: the safety copy of your data could not be updated. "
                 "Download a backup to be safe."])


def kept_copies(copies: Sequence[tuple[str, str]]) -> Markup:
    items = [el("li", description, " (", el("code", key), ") ",
                el("button", "Download", type="button", class_="link",
                   data_action="download-aside", data_key=key))
             for key, description in copies]
    return join([el("p", "Copies are kept here exactly as they were, so nothing is lost. "
                         "Download one to keep it elsewhere or to restore it."),
                 el("ul", items)])


# ---- data in and out -----------------------------------------------------------------

def _items(lines: Sequence[Child]) -> Markup:
    return join(el("li", line) for line in lines)


def paste_preview(reading: SsiReading, notes: Sequence[str]) -> Markup:
    """What was read from a pasted SSI page, before anything is saved."""
    pillars = [join([f"{p.label}: ", el("strong", text.score(reading.pillars[p.key]))])
               for p in PILLARS]
    total = sum(reading.pillars.values())
    shown = (join(["SSI ", el("strong", str(reading.total)),
                   f" (pillars add up to {text.score(total)})"])
             if reading.total is not None else f"Total (sum of pillars): {text.score(total)}")
    extra: list[Child] = [f"{label}: Top {rank}%" for label, rank in
                          (("Industry SSI rank", reading.industry_rank),
                           ("Network SSI rank", reading.network_rank)) if rank is not None]
    extra += [f"{label}: {text.score(avg)}" for label, avg in
              (("Industry average", reading.industry_average),
               ("Network average", reading.network_average)) if avg is not None]
    if reading.industry:
        extra.append(f"Industry: {reading.industry}")
    return join([
        el("h3", "Read from your SSI page"),
        el("ul", _items([shown, *pillars, *extra]), class_="preview-list"),
        _paste_peers(reading),
        [el("p", n, class_="notice") for n in notes],
        el("p", "The numbers are now in the form below. Check them, correct anything, and "
                "press ", el("strong", "Save check-in"), ". Nothing is saved until then."),
    ])


def _paste_peers(reading: SsiReading) -> Child:
    """The peers' averages read, pillar by pillar, as a table (nothing when none were); a
    reading in page order comes with the reader's own note saying so."""
    groups = [g for g in PEER_GROUPS if reading.peers(g) is not None]
    if not groups:
        return None
    head = el("tr", el("th", "Pillar", scope="col"),
              [el("th", g.label, scope="col") for g in groups])
    rows = [el("tr", el("th", p.short, scope="row", title=p.label),
               [el("td", text.score(_score(reading.peers(g), p))) for g in groups])
            for p in PILLARS]
    statuses = [el("li", f"{g.heading}: {reading.status(g)}")
                for g in PEER_GROUPS if reading.status(g)]
    return join([
        el("h4", "Your peers' averages"),
        el("div", el("table", el("caption", "Your peers' averages per pillar",
                                 class_="visually-hidden"),
                     el("thead", head), el("tbody", rows), id="paste-peers"),
           class_="table-wrap", tabindex="0"),
        el("ul", statuses, class_="preview-list") if statuses else None,
    ])


def _score(peers: PeerAverages | None, pillar: Pillar) -> float:
    assert peers is not None  # only groups that were read are shown
    return peers.score_of(pillar)


def paste_problems(problems: Sequence[str]) -> Markup:
    return el("div", el("p", el("strong", "Nothing was read, and nothing was saved.")),
              el("ul", _items(problems), class_="preview-list"), class_="error-box")



def import_preview(title: str, plan: CheckinMerge, rejected: Sequence[Problem],
                   *, extra: str = "", restore: bool = False) -> Markup:
    """The preview before an import: exactly what would be added, kept or replaced.
    `extra` is markup from another view (the backup summary)."""
    lines = [f"{text.count(len(plan.added), 'new check-in')} to add",
             f"{text.count(len(plan.unchanged), 'check-in')} already here with the same numbers"]
    if plan.updated:
        lines.append(f"{text.count(len(plan.updated), 'date')} already here with different "
                     "details")
    if rejected:
        lines.append(f"{text.count(len(rejected), 'row')} that cannot be used (see below)")
    return join([
        el("h3", title), el("ul", _items(lines), class_="preview-list"),
        extra,
        _conflict_choice(plan) if plan.updated else None,
        _rejected_rows(rejected) if rejected else None,
        el("div", join([*_import_buttons(plan, restore),
                        el("button", "Cancel", type="button", data_action="import-cancel")],
                       " "), class_="actions"),
    ])


def _import_buttons(plan: CheckinMerge, restore: bool) -> list[Markup]:
    buttons = []
    if plan.added or plan.updated:
        buttons.append(el("button", "Merge into my data" if restore else "Import",
                          type="button", class_="primary", data_action="import-confirm"))
    elif not restore:
        buttons.append(el("p", "Nothing new to import.", class_="muted"))
    if restore:
        buttons.append(el("button", "Replace all my data with the backup", type="button",
                          data_action="restore-replace"))
    return buttons


def _conflict_choice(plan: CheckinMerge) -> Markup:
    rows = [el("tr", el("th", u.before.on.isoformat(), scope="row"),
               el("td", ", ".join(differences(u))),
               el("td", text.score(u.before.total)), el("td", text.score(u.after.total)))
            for u in plan.updated]
    head = el("tr", [el("th", name, scope="col") for name in
                     ("Date", "What differs", "My total", "File's total")])
    return el(
        "fieldset",
        el("legend", "For dates that differ"),
        el("label", el("input", type="radio", name="conflicts", value="keep", checked=True),
           " Keep mine", class_="check"),
        el("label", el("input", type="radio", name="conflicts", value="replace"),
           " Use the file's", class_="check"),
        el("div", el("table", el("thead", head), el("tbody", rows)), class_="table-wrap",
           tabindex="0"),
        class_="conflicts")


def _rejected_rows(rejected: Sequence[Problem]) -> Markup:
    rows = [el("tr", el("th", str(p.line), scope="row"), el("td", p.column),
               el("td", p.message, class_="note")) for p in rejected]
    head = el("tr", [el("th", name, scope="col") for name in ("Line", "Column", "Why")])
    return el("details",
              el("summary", f"{text.count(len(rejected), 'row')} that cannot be used"),
              el("div", el("table", el("thead", head), el("tbody", rows)),
                 class_="table-wrap", tabindex="0"),
              open=True)


def backup_summary(backup: Document, current: Document) -> Markup:
    def span(checkins: Sequence[CheckIn]) -> str:
        if not checkins:
            return "no check-ins"
        return (f"{text.count(len(checkins), 'check-in')}, {text.long_date(checkins[0].on)} to "
                f"{text.long_date(checkins[-1].on)}")

    people = f" and {text.count(len(backup.people), 'shared report')}" if backup.people else ""
    days = len(backup.posts.days)
    posts = (f" It also holds post analytics ({text.count(days, 'day')}); merging adds them to "
             "yours, the newer export winning each day." if not backup.posts.is_empty() else "")
    return join([
        el("p", f"The backup holds {span(backup.checkins)}{people}. "
                f"Your data now: {span(current.checkins)}.{posts}"
                f"{_backup_accounts(backup, current)}"),
        el("p", "Replacing keeps your current data as a copy in this browser (and offers it "
                "as a download) first.", class_="muted"),
    ])


def _backup_accounts(backup: Document, current: Document) -> str:
    """What the restore preview says about the backup's target accounts, if it holds any."""
    if not backup.accounts:
        return ""
    people = sum(len(a.people) for a in backup.accounts)
    said = (f" It includes {text.count(len(backup.accounts), 'account')} with "
            f"{text.count(people, 'person', 'people')}")
    both = [a.company for a in backup.accounts if current.account(a.company) is not None]
    if not both:
        return f"{said}; merging adds {'it' if len(backup.accounts) == 1 else 'them'} to yours."
    new = len(backup.accounts) - len(both)
    others = f" and adds the other {text.count(new, 'account')}" if new else ""
    return (f"{said}; {', '.join(both)} {'is' if len(both) == 1 else 'are'} already here: "
            f"merging keeps yours as {'it is' if len(both) == 1 else 'they are'}{others}.")


def accounts_merged(merged: AccountsMerged) -> str:
    """After merging a backup: the accounts it added, and those kept as they were here."""
    added = (f" Accounts added from the backup: {', '.join(merged.added)}."
             if merged.added else "")
    kept = (f" Kept your own {', '.join(merged.kept)} rather than the backup's different "
            f"version." if merged.kept else "")
    return added + kept


def share_result(url: str) -> Markup:
    return join([
        el("label", "Your link", for_="share-url"),
        el("input", id="share-url", class_="share-url", type="text", readonly=True, value=url),
        el("p", f"{len(url):,} characters. The report is inside the link after the #, a part "
                "browsers never send to any server. Anyone with the link can read it.",
           class_="muted"),
        el("div", el("button", "Copy link", type="button", class_="primary",
                     data_action="share-copy"), " ",
           el("a", "Open it", href=url, target="_blank", rel="noopener"), class_="actions"),
    ])


def report_banner(name: str, created: str, count: int) -> Markup:
    who = f"{name}'s" if name else "A shared"
    return join([
        el("h2", f"{who} SSI report (read-only)"),
        el("p", f"Shared on {created} with {text.count(count, 'check-in')}. This is not your "
                "data: nothing here is saved in this browser unless you choose to keep it, "
                "and your own data is not read or changed."),
        el("div", el("button", "Keep it in this browser as a separate person", type="button",
                     class_="primary", data_action="keep-report"), " ",
           el("a", "Open my own ssi-coach", href="./", data_action="own-data"),
           class_="actions"),
    ])


def report_error(message: str) -> Markup:
    return join([
        el("h2", "This share link cannot be opened"),
        el("p", message),
        el("p", "Ask the person who shared it for a new link. Links must be copied whole; a "
                "missing or changed character breaks them."),
        el("p", el("a", "Open my own ssi-coach", href="./")),
    ])


def storage_usage(found: StorageUsage) -> str:
    """'ssi-coach keeps 1.3 MB in this browser: about 26% of what it allows.' And what to do
    when that is close to full."""
    line = (f"This browser holds {found.used_chars / 1_000_000:.1f} MB of ssi-coach data: "
            f"about {found.share:.0%} of what it allows.")
    if found.share >= 0.8:
        line += (" That is close to full: a save that would not fit is refused with a "
                 "message and changes nothing. Download a backup, then remove people or "
                 "accounts you no longer need.")
    return line
