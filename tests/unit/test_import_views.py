"""The import report and network panel as the member reads them, from real plans."""

from __future__ import annotations

import dataclasses
import datetime as dt

from shell import import_views
from ssi_coach.activity.export_merge import export_merge
from ssi_coach.importers.linkedin.types import ExportReading, FileReport, Progress
from ssi_coach.model import Checklist, Document, NetworkSummary, Problem, WeekLog
from ssi_coach.network.insights import network_insights

TODAY = dt.date(2026, 11, 22)
MONDAY = dt.date(2026, 11, 16)
HOSTILE = '<img src=x onerror="alert(1)">'


def _reading(**changes: object) -> ExportReading:
    reading = ExportReading(
        files=(FileReport("Export.zip › Shares_123.csv", "shares", 40, 1),
               FileReport("Export.zip › Connections.csv", "connections", 300, 0)),
        ignored=("Export.zip › Ad_Targeting.csv",),
        errors=(Problem("Export.zip › Shares_123.csv", 17, "Date", "not a date"),),
        problems=(Problem("Export.zip › Skills.csv", 0, "", "no recognisable header"),),
        weeks=(WeekLog(MONDAY - dt.timedelta(weeks=1), {"posts": 2}),
               WeekLog(MONDAY, {"posts": 1, "comments_written": 5})),
        first_day=dt.date(2026, 11, 10), last_day=dt.date(2026, 11, 20),
        checklist={"skills": True}, checklist_evidence={"skills": "Skills.csv: 12 skills"},
        network=NetworkSummary(invitations_sent=3),
    )
    return dataclasses.replace(reading, **changes)  # type: ignore[arg-type]


def test_the_report_says_what_was_read_and_what_will_change() -> None:
    reading = _reading()
    html = import_views.report(reading, export_merge(Document(), reading, today=TODAY))
    assert "Read 2 files: 340 rows, 1 row skipped." in html
    assert "Activity from 10 Nov 2026 to 20 Nov 2026." in html
    assert "2 new weeks of activity" in html
    assert "Export.zip › Shares_123.csv, line 17</span>: Date: not a date" in html
    assert "1 file not used" in html and "Ad_Targeting.csv" in html
    assert "Export.zip › Skills.csv: no recognisable header" in html
    assert 'data-item="skills"' in html and "not answered → <strong>done</strong>" in html
    assert 'data-action="export-confirm"' in html and 'data-action="export-cancel"' in html


def test_a_typed_week_is_a_choice_defaulting_to_typed() -> None:
    reading = _reading()
    document = Document(weeks=(WeekLog(MONDAY, {"posts": 3}),))
    html = import_views.report(reading, export_merge(document, reading, today=TODAY))
    assert "Weeks you also typed by hand (1)" in html
    assert "Posts published: typed 3, export 1" in html
    assert f'<select id="source-{MONDAY}" data-week="{MONDAY}">' in html
    assert '<option value="typed" selected>What I typed</option>' in html


def test_nothing_new_offers_only_close() -> None:
    reading = _reading(network=NetworkSummary())
    document = Document(imported=reading.weeks, checklist=Checklist({"skills": True}))
    html = import_views.report(reading, export_merge(document, reading, today=TODAY))
    assert "Nothing new" in html
    assert 'data-action="export-confirm"' not in html and 'data-action="export-close"' in html


def test_file_names_and_row_text_are_never_markup() -> None:
    reading = _reading(
        files=(FileReport(HOSTILE, "shares", 1, 0),), ignored=(HOSTILE,),
        errors=(Problem(HOSTILE, 2, HOSTILE, HOSTILE),),
        problems=(Problem(HOSTILE, 0, "", HOSTILE),))
    html = import_views.report(reading, export_merge(Document(), reading, today=TODAY))
    assert "<img" not in html and "&lt;img" in html
    assert "<img" not in import_views.refused(HOSTILE)


def test_progress_is_determinate_once_files_are_counted() -> None:
    assert "<progress aria-label" in import_views.progress(None, "Loading")
    html = import_views.progress(Progress(3, 8, "Reading messages.csv"))
    assert 'value="3" max="8"' in html and "Reading messages.csv…" in html


def test_the_network_panel_shows_rates_only_with_enough_behind_them() -> None:
    summary = NetworkSummary(connections_by_month={"2026-10": {"vp": 2, "other": 8}},
                             invitations_sent=20, invitations_accepted=5,
                             conversations_started=2, conversations_replied=1,
                             by_weekday=(1, 0, 0, 4, 0, 0, 0))
    html = import_views.network_panel(network_insights(summary), "", "20 Nov 2026")
    assert '<dd data-fact="size">10</dd>' in html
    assert "2 (20%)" in html
    assert "25% (5 of 20)" in html
    assert "1 of 2 (too few to call it a rate)" in html
    assert "Thursday (4), Monday (1)" in html
    assert 'data-seniority="vp"' in html


def test_files_that_came_more_than_once_are_listed_with_what_was_done() -> None:
    note = ("The same file came twice (Connections.csv and Connections (1).csv): the fullest "
            "copy, Connections.csv, was used; Connections (1).csv holds no row it lacks, so "
            "nothing was counted twice.")
    reading = _reading(duplicates=(note, f"{HOSTILE} came twice"))
    html = import_views.report(reading, export_merge(Document(), reading, today=TODAY))
    assert "Files that came more than once" in html and note in html
    assert HOSTILE not in html and "&lt;img" in html
    plain = _reading()
    assert "more than once" not in import_views.report(
        plain, export_merge(Document(), plain, today=TODAY))


def test_files_read_show_how_a_spreadsheets_dates_were_read() -> None:
    note = ("Connected On: dates as a spreadsheet program writes them, read as day.month.year "
            "(like 31.01.2026)")
    reading = _reading(files=(FileReport("Shares_123.csv", "shares", 40, 1),
                              FileReport("Connections.csv", "connections", 300, 0, (note,))))
    html = import_views.report(reading, export_merge(Document(), reading, today=TODAY))
    table = html.split('<table class="export-files">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">Notes</th>' in table
    assert f'<td class="file-notes">{note}</td>' in table
    rows = table.split("<tbody>", 1)[1].split("</tr>")[:-1]
    assert [row.count("<td") for row in rows] == [4, 4]  # every row has the Notes cell
    plain = _reading()
    assert "Notes</th>" not in import_views.report(plain, export_merge(Document(), plain,
                                                                      today=TODAY))
