"""HTML for the LinkedIn export import: progress, the report shown before anything is saved,
and the network insights the import makes possible. Pure functions, no browser imports.

File names and reasons come from the member's files: every one goes through `escape`, so a
hostile export can never become markup. No text of a row is ever shown (a report may be
screenshotted): skipped rows are named by file, line and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ssi_coach import text
from ssi_coach.activity.export_merge import ExportMerge, WeekConflict
from ssi_coach.importers.linkedin.types import ExportReading, Progress
from ssi_coach.model import IMPORTED, MEASURES, PROFILE_CHECKLIST, TYPED, Problem
from ssi_coach.network.insights import NetworkInsights

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


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


# ---- progress -------------------------------------------------------------------------------

def progress(step: Progress | None, message: str = "") -> str:
    """A progress bar: determinate once the files are counted, indeterminate before."""
    if step is None:
        bar = '<progress aria-label="Import progress"></progress>'
    else:
        bar = (f'<progress aria-label="Import progress" value="{step.done}" '
               f'max="{step.total}"></progress>')
        message = message or step.message
    return f'<div class="export-progress">{bar}<p>{escape(message)}…</p></div>'


def refused(message: str) -> str:
    return (f'<div class="export-refused" role="alert"><p><strong>Nothing was imported.'
            f"</strong> {escape(message)}</p><p class=\"muted\">Your saved data is unchanged."
            '</p><div class="actions"><button type="button" data-action="export-close">'
            "Close</button></div></div>")


# ---- the report -----------------------------------------------------------------------------

def report(reading: ExportReading, plan: ExportMerge) -> str:
    """Everything read and everything that would change, with Confirm and Cancel."""
    return (
        '<div class="export-report"><h3 id="export-report-heading" tabindex="-1">'
        "Your LinkedIn export: check before saving</h3>"
        f"{_summary(reading)}{_changes(plan)}"
        # With nothing to save, weeks both sources logged are picked in the log itself.
        f"{_conflicts(plan.conflicts) if plan.changes_anything() else ''}"
        f"{_checklist(plan)}{_files(reading)}{_duplicates(reading)}{_problems(reading)}{_row_errors(reading.errors)}"
        f"{_buttons(plan)}</div>"
    )


def _summary(reading: ExportReading) -> str:
    read = sum(f.rows_read for f in reading.files)
    skipped = sum(f.rows_skipped for f in reading.files)
    span = ""
    if reading.first_day and reading.last_day:
        span = (f" Activity from {text.long_date(reading.first_day)} to "
                f"{text.long_date(reading.last_day)}.")
    return (f'<p class="export-summary">Read {_count(len(reading.files), "file")}: '
            f"{_count(read, 'row')}, {_count(skipped, 'row')} skipped.{span}</p>")


def _changes(plan: ExportMerge) -> str:
    if not plan.changes_anything():
        return ('<p class="export-nothing">Nothing new: everything in this export is already '
                "in your activity log.</p>")
    lines = [f"{_count(len(plan.added), 'new week')} of activity",
             f"{_count(len(plan.updated), 'week')} updated from a newer export",
             f"{_count(len(plan.unchanged), 'week')} already up to date"]
    if plan.replaces_network:
        lines.append("your network summary (size, seniority, acceptance and reply rates)")
    lines += [f"skipped: {escape(reason)}" for reason in plan.skipped]
    items = "".join(f"<li>{line}</li>" for line in lines)
    return f'<h4>What will be saved</h4><ul class="export-changes">{items}</ul>'


def _conflicts(conflicts: Sequence[WeekConflict]) -> str:
    if not conflicts:
        return ""
    rows = "".join(_conflict_row(c) for c in conflicts)
    return (
        f"<h4>Weeks you also typed by hand ({len(conflicts)})</h4>"
        '<p class="muted">Your typed counts are kept either way. Pick which source counts '
        "for each week; counts only one source has are always used.</p>"
        '<div class="table-wrap" tabindex="0"><table class="export-conflicts"><thead><tr>'
        '<th scope="col">Week of</th><th scope="col">Differs in</th>'
        '<th scope="col">Use</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _conflict_row(conflict: WeekConflict) -> str:
    monday = conflict.week.isoformat()
    differs = ", ".join(
        f"{_MEASURE_LABELS.get(k, k)}: typed {conflict.typed.count(k)}, "
        f"export {conflict.imported.count(k)}" for k in conflict.differences())
    options = "".join(
        f'<option value="{value}"{" selected" if conflict.source == value else ""}>{label}'
        "</option>" for value, label in ((TYPED, "What I typed"), (IMPORTED, "The export")))
    return (f'<tr data-week="{monday}"><th scope="row">{text.long_date(conflict.week)}</th>'
            f"<td>{escape(differs)}</td><td><label class=\"visually-hidden\" "
            f'for="source-{monday}">Source for the week of {text.long_date(conflict.week)}'
            f'</label><select id="source-{monday}" data-week="{monday}">{options}</select>'
            "</td></tr>")


def _checklist(plan: ExportMerge) -> str:
    if not plan.checklist:
        return ""
    items = "".join(
        f'<li data-item="{escape(c.item)}"{_UNTICKS if c.unticks else ""}>'
        f"{escape(_ITEM_LABELS.get(c.item, c.item))}: {_answer(c.before)} → "
        f"<strong>{_answer(c.after)}</strong> <span class=\"muted\">({escape(c.evidence)})"
        "</span></li>" for c in plan.checklist)
    return f'<h4>Profile checklist</h4><ul class="export-checklist">{items}</ul>'


_UNTICKS = ' class="unticks"'


def _answer(value: bool | None) -> str:
    return "not answered" if value is None else "done" if value else "not done"


def _files(reading: ExportReading) -> str:
    """The files read, with a Notes column when a file was read in an unusual way (dates
    a spreadsheet program rewrote): only then, so an untouched export's table stays short."""
    noted = any(f.notes for f in reading.files)
    rows = "".join(
        f"<tr><th scope=\"row\">{escape(f.name)}</th><td>{escape(KIND_LABELS.get(f.kind, f.kind))}"
        f"</td><td>{f.rows_read:,}</td><td>{f.rows_skipped:,}</td>"
        f"{_file_notes(f.notes) if noted else ''}</tr>" for f in reading.files)
    ignored = ""
    if reading.ignored:
        names = "".join(f"<li>{escape(name)}</li>" for name in reading.ignored)
        ignored = (f"<details><summary>{_count(len(reading.ignored), 'file')} not used"
                   f'</summary><ul class="export-ignored">{names}</ul></details>')
    return (
        f"<h4>Files read ({len(reading.files)})</h4>"
        '<div class="table-wrap" tabindex="0"><table class="export-files"><thead><tr>'
        '<th scope="col">File</th><th scope="col">Holds</th><th scope="col">Rows read</th>'
        f'<th scope="col">Rows skipped</th>{_NOTES_HEADER if noted else ""}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>{ignored}"
    )


_NOTES_HEADER = '<th scope="col">Notes</th>'


def _file_notes(notes: Sequence[str]) -> str:
    return f'<td class="file-notes">{"; ".join(escape(note) for note in notes)}</td>'


def _duplicates(reading: ExportReading) -> str:
    if not reading.duplicates:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in reading.duplicates)
    return f'<h4>Files that came more than once</h4><ul class="export-duplicates">{items}</ul>'


def _problems(reading: ExportReading) -> str:
    if not reading.problems:
        return ""
    items = "".join(f"<li>{escape(str(p))}</li>" for p in reading.problems)
    return f'<h4>Files that could not be used</h4><ul class="export-problems">{items}</ul>'


def _row_errors(errors: Sequence[Problem]) -> str:
    if not errors:
        return ""
    shown = "".join(
        f'<li><span class="where">{escape(e.file)}, line {e.line}</span>: '
        f"{escape(e.column + ': ' if e.column else '')}{escape(e.message)}</li>"
        for e in errors[:SHOWN_ROW_ERRORS])
    more = len(errors) - SHOWN_ROW_ERRORS
    tail = f'<p class="muted">…and {_count(more, "more row")}.</p>' if more > 0 else ""
    return (f"<details class=\"export-row-errors\"><summary>{_count(len(errors), 'row')} "
            f"skipped, with the reason</summary><ul>{shown}</ul>{tail}</details>")


def _buttons(plan: ExportMerge) -> str:
    if not plan.changes_anything():
        return ('<div class="actions"><button type="button" data-action="export-close">Close'
                "</button></div>")
    return ('<div class="actions"><button type="button" class="primary" '
            'data-action="export-confirm">Save this import</button>'
            '<button type="button" data-action="export-cancel">Cancel</button></div>')


# ---- insights -------------------------------------------------------------------------------

def network_panel(found: NetworkInsights, chart_html: str, imported_on: str) -> str:
    """What the last import says about the network; the chart (or its wait) comes drawn."""
    return (
        f'<p class="muted">From your LinkedIn export of {escape(imported_on)}.</p>'
        f'<dl class="network-facts">'
        f"<dt>Connections</dt><dd data-fact=\"size\">{found.size:,}</dd>"
        f"<dt>Decision-makers among them</dt><dd data-fact=\"decision-makers\">"
        f"{found.decision_makers:,}{_percent(found.decision_makers, found.size)}</dd>"
        f"<dt>Invitations accepted</dt><dd data-fact=\"acceptance\">"
        f"{_rate(found.acceptance.part, found.acceptance.whole, found.acceptance.rate)}</dd>"
        f"<dt>Conversations you started that got a reply</dt><dd data-fact=\"replies\">"
        f"{_rate(found.replies.part, found.replies.whole, found.replies.rate)}</dd>"
        f"</dl>{_seniority(found)}{_weekdays(found)}{chart_html}"
    )


def _percent(part: int, whole: int) -> str:
    return f" ({part / whole:.0%})" if whole else ""


def _rate(part: int, whole: int, rate: float | None) -> str:
    if rate is None:
        return f"{part:,} of {whole:,} (too few to call it a rate)"
    return f"{rate:.0%} ({part:,} of {whole:,})"


def _seniority(found: NetworkInsights) -> str:
    if not found.seniority:
        return ""
    rows = "".join(f'<tr data-seniority="{r.key}"><th scope="row">{escape(r.label)}</th>'
                   f"<td>{r.count:,}</td><td>{r.share:.0%}</td></tr>" for r in found.seniority)
    return ('<div class="table-wrap" tabindex="0"><table class="seniority"><caption>Seniority mix'
            '</caption><thead><tr><th scope="col">Titles</th><th scope="col">Connections</th>'
            f'<th scope="col">Share</th></tr></thead><tbody>{rows}</tbody></table></div>')


def _weekdays(found: NetworkInsights) -> str:
    if not found.weekdays:
        return ""
    days = ", ".join(f"{day} ({count:,})" for day, count in found.weekdays[:3])
    return (f'<p class="busiest">Your busiest weekdays on LinkedIn: {escape(days)} '
            '<span class="muted">(posts, comments, reactions, votes, reposts, messages and '
            "invitations you sent)</span></p>")
