"""Pure views of the Data view's spreadsheet tools beyond check-ins: the weekly log CSV
import's preview (what it adds, keeps and changes, count by count) and the workbook
download's progress. No browser imports, so they test on CPython."""

from __future__ import annotations

from collections.abc import Sequence

from ssi_coach import text
from ssi_coach.activity.week_merge import WeeksMerge, count_changes
from ssi_coach.importers.csv_weeks import WeeksRead
from ssi_coach.model import Problem

from .html import Markup, el, join


def _count(value: int | None) -> str:
    return "not logged" if value is None else f"{value:,}"


def weeks_preview(name: str, read: WeeksRead, merge: WeeksMerge) -> Markup:
    """Before a weekly log CSV changes anything: exactly what it would add and change."""
    lines = [f"{text.count(len(merge.added), 'new week')} to add",
             f"{text.count(len(merge.unchanged), 'week')} already logged with the same counts"]
    if merge.updated:
        lines.append(f"{text.count(len(merge.updated), 'week')} you logged with other counts")
    if read.problems:
        lines.append(f"{text.count(len(read.problems), 'row')} that cannot be used (see below)")
    return join([
        el("h3", f"Import “{name}”", tabindex="-1"),
        el("ul", [el("li", line) for line in lines], class_="preview-list"),
        el("ul", [el("li", note) for note in read.notes], class_="muted") if read.notes else None,
        _changed(merge) if merge.updated else None,
        _problems(read.problems) if read.problems else None,
        _buttons(merge),
    ])


def _changed(merge: WeeksMerge) -> Markup:
    rows = []
    for update in merge.updated:
        changes = "; ".join(f"{c.label}: {_count(c.before)} → {_count(c.after)}"
                            for c in count_changes(update))
        rows.append(el("tr", el("th", update.before.week.isoformat(), scope="row"),
                       el("td", changes)))
    head = el("tr", el("th", "Week of", scope="col"), el("th", "What changes", scope="col"))
    choice = el("fieldset",
                el("legend", "Weeks you logged with other counts"),
                el("label", el("input", type="radio", name="weeks-conflicts", value="keep",
                               checked=True), " Keep my weeks as they are", class_="check"),
                el("label", el("input", type="radio", name="weeks-conflicts", value="replace"),
                   " Use the file's counts", class_="check"),
                class_="choice")
    return join([el("div", el("table", el("thead", head), el("tbody", rows),
                              class_="weeks-changes"), class_="table-wrap", tabindex="0"),
                 choice])


def _problems(problems: Sequence[Problem]) -> Markup:
    rows = [el("tr", el("th", str(p.line) if p.line else "—", scope="row"),
               el("td", p.column), el("td", p.message, class_="note")) for p in problems]
    head = el("tr", [el("th", name, scope="col") for name in ("Line", "Column", "Why")])
    return el("details",
              el("summary", f"{text.count(len(problems), 'row')} that cannot be used"),
              el("div", el("table", el("thead", head), el("tbody", rows), class_="weeks-problems"),
                 class_="table-wrap", tabindex="0"),
              open=True)


def _buttons(merge: WeeksMerge) -> Markup:
    buttons: list[Markup] = []
    if merge.added or merge.updated:
        buttons.append(el("button", "Import", type="button", class_="primary",
                          data_action="weeks-confirm"))
    else:
        buttons.append(el("p", "Nothing new to import.", class_="muted"))
    buttons.append(el("button", "Cancel", type="button", data_action="weeks-cancel"))
    return el("div", join(buttons, " "), class_="actions")


def weeks_imported(added: int, changed: int) -> str:
    return (f"Imported the weekly log: {text.count(added, 'week')} added and "
            f"{text.count(changed, 'week')} changed. Everything else is as it was.")
