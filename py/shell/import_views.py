"""HTML for the LinkedIn export import: progress, the report shown before anything is saved,
and the network insights the import makes possible. Pure functions, no browser imports.

File names, notes and reasons come from the member's files, so every view is built with the
element builder (`shell.html`): their text can only ever be text, never markup. No text of a
row is ever shown (a report may be screenshotted): skipped rows are named by file, line and
column.
"""

from __future__ import annotations

from collections.abc import Sequence

from ssi_coach import text
from ssi_coach.activity.export_merge import ExportMerge, WeekConflict
from ssi_coach.importers.linkedin.types import ExportReading, FileReport, Progress
from ssi_coach.model import IMPORTED, MEASURES, PROFILE_CHECKLIST, TYPED, Problem
from ssi_coach.network.insights import NetworkInsights

from .html import Markup, el, join

SHOWN_ROW_ERRORS = 50  # more would bury the report; the count says how many in all
_MEASURE_LABELS = {m.key: m.label for m in MEASURES}
_ITEM_LABELS = {i.key: i.label for i in PROFILE_CHECKLIST}
KIND_LABELS = {
    "connections": "connections", "messages": "messages", "invitations": "invitations",
    "shares": "posts and reposts", "comments": "comments", "reactions": "reactions",
    "votes": "poll votes", "instant_reposts": "instant reposts", "search_queries": "searches",
    "recommendations_received": "recommendations received",
    "recommendations_given": "recommendations given",
    "endorsements_received": "endorsements received", "endorsements_given": "endorsements given",
    "profile": "profile", "positions": "positions", "education": "education",
    "certifications": "certifications", "courses": "courses", "volunteering": "volunteering",
    "skills": "skills", "languages": "languages", "rich_media": "uploaded media",
}



def _table(class_: str, headings: Sequence[str], rows: Sequence[Markup],
           caption: str | None = None) -> Markup:
    """A scrollable table with column headings; each row comes built."""
    head = el("tr", [el("th", heading, scope="col") for heading in headings])
    return el("div", el("table", el("caption", caption) if caption else None,
                        el("thead", head), el("tbody", rows), class_=class_),
              class_="table-wrap", tabindex=0)


def _actions(*buttons: Markup) -> Markup:
    """Buttons in a row, spaced so their texts never run together."""
    return el("div", join(buttons, " "), class_="actions")


def _button(label: str, action: str, *, primary: bool = False) -> Markup:
    return el("button", label, type="button", class_="primary" if primary else None,
              data_action=action)


# ---- progress -------------------------------------------------------------------------------

def progress(step: Progress | None, message: str = "") -> Markup:
    """A progress bar: determinate once the files are counted, indeterminate before."""
    if step is None:
        bar = el("progress", aria_label="Import progress")
    else:
        bar = el("progress", aria_label="Import progress", value=step.done, max=step.total)
        message = message or step.message
    return el("div", bar, el("p", message, "…"), class_="export-progress")


def refused(message: str) -> Markup:
    return el("div",
              el("p", el("strong", "Nothing was imported."), " ", message),
              el("p", "Your saved data is unchanged.", class_="muted"),
              _actions(_button("Close", "export-close")),
              class_="export-refused", role="alert")


# ---- the report -----------------------------------------------------------------------------

def report(reading: ExportReading, plan: ExportMerge) -> Markup:
    """Everything read and everything that would change, with Confirm and Cancel."""
    return el(
        "div",
        el("h3", "Your LinkedIn export: check before saving", id="export-report-heading",
           tabindex=-1),
        _summary(reading), _changes(plan),
        # With nothing to save, weeks both sources logged are picked in the log itself.
        _conflicts(plan.conflicts) if plan.changes_anything() else None,
        _checklist(plan), _files(reading), _duplicates(reading), _problems(reading),
        _row_errors(reading.errors), _buttons(plan),
        class_="export-report",
    )


def _summary(reading: ExportReading) -> Markup:
    read = sum(f.rows_read for f in reading.files)
    skipped = sum(f.rows_skipped for f in reading.files)
    span = ""
    if reading.first_day and reading.last_day:
        span = (f" Activity from {text.long_date(reading.first_day)} to "
                f"{text.long_date(reading.last_day)}.")
    return el("p", f"Read {text.count(len(reading.files), 'file')}: {text.count(read, 'row')}, "
                   f"{text.count(skipped, 'row')} skipped.{span}", class_="export-summary")


def _changes(plan: ExportMerge) -> Markup:
    if not plan.changes_anything():
        return el("p", "Nothing new: everything in this export is already in your activity "
                       "log.", class_="export-nothing")
    lines = [f"{text.count(len(plan.added), 'new week')} of activity",
             f"{text.count(len(plan.updated), 'week')} updated from a newer export",
             f"{text.count(len(plan.unchanged), 'week')} already up to date"]
    if plan.replaces_network:
        lines.append("your network summary (size, seniority, acceptance and reply rates)")
    lines += [f"skipped: {reason}" for reason in plan.skipped]
    return join([el("h4", "What will be saved"),
                 el("ul", [el("li", line) for line in lines], class_="export-changes")])


def _conflicts(conflicts: Sequence[WeekConflict]) -> Markup | None:
    if not conflicts:
        return None
    return join([
        el("h4", f"Weeks you also typed by hand ({len(conflicts)})"),
        el("p", "Your typed counts are kept either way. Pick which source counts for each "
                "week; counts only one source has are always used.", class_="muted"),
        _table("export-conflicts", ("Week of", "Differs in", "Use"),
               [_conflict_row(c) for c in conflicts]),
    ])


_SOURCES = ((TYPED, "What I typed"), (IMPORTED, "The export"))


def _conflict_row(conflict: WeekConflict) -> Markup:
    monday = conflict.week.isoformat()
    differs = ", ".join(
        f"{_MEASURE_LABELS.get(k, k)}: typed {conflict.typed.count(k)}, "
        f"export {conflict.imported.count(k)}" for k in conflict.differences())
    options = [el("option", label, value=value, selected=conflict.source == value)
               for value, label in _SOURCES]
    choice = join([
        el("label", f"Source for the week of {text.long_date(conflict.week)}",
           class_="visually-hidden", for_=f"source-{monday}"),
        el("select", options, id=f"source-{monday}", data_week=monday),
    ])
    return el("tr", el("th", text.long_date(conflict.week), scope="row"), el("td", differs),
              el("td", choice), data_week=monday)


def _checklist(plan: ExportMerge) -> Markup | None:
    if not plan.checklist:
        return None
    items = [el("li", f"{_ITEM_LABELS.get(c.item, c.item)}: {_answer(c.before)} → ",
                el("strong", _answer(c.after)), " ",
                el("span", f"({c.evidence})", class_="muted"),
                data_item=c.item, class_="unticks" if c.unticks else None)
             for c in plan.checklist]
    return join([el("h4", "Profile checklist"), el("ul", items, class_="export-checklist")])


def _answer(value: bool | None) -> str:
    return "not answered" if value is None else "done" if value else "not done"


def _files(reading: ExportReading) -> Markup:
    """The files read, with a Notes column when a file was read in an unusual way (dates
    a spreadsheet program rewrote): only then, so an untouched export's table stays short."""
    noted = any(f.notes for f in reading.files)
    headings = ("File", "Holds", "Rows read", "Rows skipped", *(("Notes",) if noted else ()))
    ignored = None
    if reading.ignored:
        ignored = el("details",
                     el("summary", f"{text.count(len(reading.ignored), 'file')} not used"),
                     el("ul", [el("li", name) for name in reading.ignored],
                        class_="export-ignored"))
    return join([el("h4", f"Files read ({len(reading.files)})"),
                 _table("export-files", headings, [_file_row(f, noted) for f in reading.files]),
                 ignored])


def _file_row(file: FileReport, noted: bool) -> Markup:
    return el("tr", el("th", file.name, scope="row"),
              el("td", KIND_LABELS.get(file.kind, file.kind)),
              el("td", f"{file.rows_read:,}"), el("td", f"{file.rows_skipped:,}"),
              _file_notes(file.notes) if noted else None)


def _file_notes(notes: Sequence[str]) -> Markup:
    """One note as a sentence; several as a list, each but the last ending in a semicolon so
    the cell reads as one sentence too (aloud, copied, or printed without bullets)."""
    if len(notes) < 2:
        return el("td", notes, class_="file-notes")
    items = [el("li", note, ";" if i < len(notes) - 1 else "") for i, note in enumerate(notes)]
    return el("td", el("ul", join(items, " ")), class_="file-notes")


def _list(heading: str, class_: str, items: Sequence[str]) -> Markup | None:
    if not items:
        return None
    return join([el("h4", heading), el("ul", [el("li", item) for item in items], class_=class_)])


def _duplicates(reading: ExportReading) -> Markup | None:
    return _list("Files that came more than once", "export-duplicates", reading.duplicates)


def _problems(reading: ExportReading) -> Markup | None:
    return _list("Files that could not be used", "export-problems",
                 [str(p) for p in reading.problems])


def _row_errors(errors: Sequence[Problem]) -> Markup | None:
    if not errors:
        return None
    shown = [el("li", el("span", f"{e.file}, line {e.line}", class_="where"), ": ",
                f"{e.column}: " if e.column else "", e.message)
             for e in errors[:SHOWN_ROW_ERRORS]]
    more = len(errors) - SHOWN_ROW_ERRORS
    return el("details",
              el("summary", f"{text.count(len(errors), 'row')} skipped, with the reason"),
              el("ul", shown),
              el("p", f"…and {text.count(more, 'more row')}.", class_="muted")
              if more > 0 else None,
              class_="export-row-errors")


def _buttons(plan: ExportMerge) -> Markup:
    if not plan.changes_anything():
        return _actions(_button("Close", "export-close"))
    return _actions(_button("Save this import", "export-confirm", primary=True),
                    _button("Cancel", "export-cancel"))


# ---- insights -------------------------------------------------------------------------------

def network_panel(found: NetworkInsights, chart_html: Markup | None,
                  imported_on: str) -> Markup:
    """What the last import says about the network; the chart (or its wait) comes drawn."""
    facts = (
        ("Connections", "size", f"{found.size:,}"),
        ("Decision-makers among them", "decision-makers",
         f"{found.decision_makers:,}{_percent(found.decision_makers, found.size)}"),
        ("Invitations accepted", "acceptance",
         _rate(found.acceptance.part, found.acceptance.whole, found.acceptance.rate)),
        ("Conversations you started that got a reply", "replies",
         _rate(found.replies.part, found.replies.whole, found.replies.rate)),
    )
    return join([
        el("p", f"From your LinkedIn export of {imported_on}.", class_="muted"),
        el("dl", [join([el("dt", term), el("dd", value, data_fact=fact)])
                  for term, fact, value in facts], class_="network-facts"),
        _seniority(found), _weekdays(found), chart_html,
    ])


def _percent(part: int, whole: int) -> str:
    return f" ({part / whole:.0%})" if whole else ""


def _rate(part: int, whole: int, rate: float | None) -> str:
    if rate is None:
        return f"{part:,} of {whole:,} (too few to call it a rate)"
    return f"{rate:.0%} ({part:,} of {whole:,})"


def _seniority(found: NetworkInsights) -> Markup | None:
    if not found.seniority:
        return None
    rows = [el("tr", el("th", r.label, scope="row"), el("td", f"{r.count:,}"),
               el("td", f"{r.share:.0%}"), data_seniority=r.key) for r in found.seniority]
    return _table("seniority", ("Titles", "Connections", "Share"), rows,
                  caption="Seniority mix")


def _weekdays(found: NetworkInsights) -> Markup | None:
    if not found.weekdays:
        return None
    days = ", ".join(f"{day} ({count:,})" for day, count in found.weekdays[:3])
    return el("p", f"Your busiest weekdays on LinkedIn: {days} ",
              el("span", "(posts, comments, reactions, votes, reposts, messages and invitations "
                         "you sent)", class_="muted"), class_="busiest")
