"""The import report and network panel as the member reads them, from real plans."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shell import import_views, views
from shell.html import trusted
from ssi_coach.activity.export_merge import export_merge
from ssi_coach.importers.linkedin.types import ExportReading, FileReport, Progress
from ssi_coach.model import Checklist, Document, NetworkSummary, Problem, WeekLog
from ssi_coach.network.insights import network_insights

from .parsed_html import Node, parse

TODAY = dt.date(2026, 11, 22)
MONDAY = dt.date(2026, 11, 16)
HOSTILE = '<img src=x onerror="alert(1)">'
HOSTILE_TEXTS = (HOSTILE, '"><script>alert(1)</script>', "</td></tr></table><b>", "a & b &amp;",
                 "'single' \"double\" `back`", "<!-- open", "]]><![CDATA[x", "{name} %s")


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


def _report(reading: ExportReading, document: Document | None = None) -> Node:
    plan = export_merge(document or Document(), reading, today=TODAY)
    return parse(import_views.report(reading, plan))


def _texts(nodes: list[Node]) -> list[str]:
    return [node.text for node in nodes]


def test_the_report_says_what_was_read_and_what_will_change() -> None:
    found = _report(_reading())
    assert found.one(id="export-report-heading").text == (
        "Your LinkedIn export: check before saving")
    assert found.one(class_="export-summary").text == (
        "Read 2 files: 340 rows, 1 row skipped. Activity from 10 Nov 2026 to 20 Nov 2026.")
    assert "2 new weeks of activity" in _texts(found.one(class_="export-changes").all("li"))
    error = found.one(class_="export-row-errors").one("li")
    assert error.text == "Export.zip › Shares_123.csv, line 17: Date: not a date"
    assert error.one(class_="where").text == "Export.zip › Shares_123.csv, line 17"
    assert found.one(class_="export-row-errors").one("summary").text == (
        "1 row skipped, with the reason")
    ignored = found.one(class_="export-ignored")
    assert _texts(ignored.all("li")) == ["Export.zip › Ad_Targeting.csv"]
    assert "1 file not used" in _texts(found.all("summary"))
    assert _texts(found.one(class_="export-problems").all("li")) == [
        "Export.zip › Skills.csv: no recognisable header"]
    skills = found.one("li", data_item="skills")
    assert skills.text == "At least five skills: not answered → done (Skills.csv: 12 skills)"
    assert skills.one("strong").text == "done"
    assert found.one("button", data_action="export-confirm").text == "Save this import"
    assert found.one("button", data_action="export-cancel").text == "Cancel"
    assert found.one(class_="actions").text == "Save this import Cancel"  # not run together


def test_a_typed_week_is_a_choice_defaulting_to_typed() -> None:
    reading = _reading()
    found = _report(reading, Document(weeks=(WeekLog(MONDAY, {"posts": 3}),)))
    assert "Weeks you also typed by hand (1)" in _texts(found.all("h4"))
    row = found.one("table", class_="export-conflicts").one("tr", data_week=str(MONDAY))
    assert row.all("td")[0].text == "Posts published: typed 3, export 1"
    select = row.one("select", id=f"source-{MONDAY}", data_week=str(MONDAY))
    assert row.one("label", for_=f"source-{MONDAY}").text == (
        "Source for the week of 16 Nov 2026")
    options = {o.attrs["value"]: (o.text, "selected" in o.attrs) for o in select.all("option")}
    assert options == {"typed": ("What I typed", True), "imported": ("The export", False)}


def test_nothing_new_offers_only_close() -> None:
    reading = _reading(network=NetworkSummary())
    document = Document(imported=reading.weeks, checklist=Checklist({"skills": True}))
    found = _report(reading, document)
    assert found.one(class_="export-nothing").text.startswith("Nothing new")
    assert not found.all(data_action="export-confirm")
    assert found.one("button", data_action="export-close").text == "Close"


def test_file_names_and_row_text_are_never_markup() -> None:
    reading = _reading(
        files=(FileReport(HOSTILE, "shares", 1, 0),), ignored=(HOSTILE,),
        errors=(Problem(HOSTILE, 2, HOSTILE, HOSTILE),),
        problems=(Problem(HOSTILE, 0, "", HOSTILE),))
    html = import_views.report(reading, export_merge(Document(), reading, today=TODAY))
    assert "<img" not in html and "&lt;img" in html
    assert "img" not in parse(html).tags()
    assert "<img" not in import_views.refused(HOSTILE)


def test_a_refusal_says_nothing_was_imported_and_why() -> None:
    found = parse(import_views.refused("The file is 301 MB."))
    refusal = found.one(class_="export-refused", role="alert")
    assert refusal.all("p")[0].text == "Nothing was imported. The file is 301 MB."
    assert refusal.one(class_="muted").text == "Your saved data is unchanged."
    assert refusal.one("button", data_action="export-close").text == "Close"


def test_progress_is_determinate_once_files_are_counted() -> None:
    waiting = parse(import_views.progress(None, "Loading"))
    assert waiting.one("progress", aria_label="Import progress").attrs.keys() == {"aria-label"}
    assert waiting.one("p").text == "Loading…"
    found = parse(import_views.progress(Progress(3, 8, "Reading messages.csv")))
    bar = found.one("progress", aria_label="Import progress")
    assert (bar.attrs["value"], bar.attrs["max"]) == ("3", "8")
    assert found.one("p").text == "Reading messages.csv…"


def test_the_network_panel_shows_rates_only_with_enough_behind_them() -> None:
    summary = NetworkSummary(connections_by_month={"2026-10": {"vp": 2, "other": 8}},
                             invitations_sent=20, invitations_accepted=5,
                             conversations_started=2, conversations_replied=1,
                             by_weekday=(1, 0, 0, 4, 0, 0, 0))
    found = parse(import_views.network_panel(network_insights(summary), None, "20 Nov 2026"))
    assert found.one("p", class_="muted").text == "From your LinkedIn export of 20 Nov 2026."
    facts = {dd.attrs["data-fact"]: dd.text for dd in found.all("dd")}
    assert facts == {"size": "10", "decision-makers": "2 (20%)", "acceptance": "25% (5 of 20)",
                     "replies": "1 of 2 (too few to call it a rate)"}
    assert found.one(class_="busiest").words == (
        "Your busiest weekdays on LinkedIn: Thursday (4), Monday (1) (posts, comments, "
        "reactions, votes, reposts, messages and invitations you sent)")
    vp = found.one("table", class_="seniority").one("tr", data_seniority="vp")
    assert vp.all("td")[0].text == "2"


def test_the_network_panel_keeps_the_drawn_chart() -> None:
    chart = trusted('<figure class="chart" id="network-chart"><svg role="img"></svg></figure>')
    found = parse(import_views.network_panel(network_insights(NetworkSummary()), chart, "x"))
    assert found.one("figure", id="network-chart").one("svg", role="img")
    waiting = views.chart_drawing()
    found = parse(import_views.network_panel(network_insights(NetworkSummary()), waiting, "x"))
    assert "Drawing the chart…" in [p.text for p in found.all("p", class_="muted")]


def test_files_that_came_more_than_once_are_listed_with_what_was_done() -> None:
    note = ("The same file came twice (Connections.csv and Connections (1).csv): the fullest "
            "copy, Connections.csv, was used; Connections (1).csv holds no row it lacks, so "
            "nothing was counted twice.")
    found = _report(_reading(duplicates=(note, f"{HOSTILE} came twice")))
    assert "Files that came more than once" in _texts(found.all("h4"))
    assert _texts(found.one(class_="export-duplicates").all("li")) == [
        note, f"{HOSTILE} came twice"]  # shown as text, never as an image
    assert "img" not in found.tags()
    assert not _report(_reading()).all(class_="export-duplicates")
    assert "Files that came more than once" not in _report(_reading()).text


def _files_table(found: Node) -> Node:
    return found.one("table", class_="export-files")


def test_files_read_show_how_a_spreadsheets_dates_were_read() -> None:
    note = ("Connected On: dates as a spreadsheet program writes them, read as day.month.year "
            "(like 31.01.2026)")
    found = _report(_reading(files=(FileReport("Shares_123.csv", "shares", 40, 1),
                                    FileReport("Connections.csv", "connections", 300, 0,
                                               (note,)))))
    table = _files_table(found)
    assert _texts(table.one("thead").all("th")) == [
        "File", "Holds", "Rows read", "Rows skipped", "Notes"]
    rows = table.one("tbody").all("tr")
    assert [len(row.all("td")) for row in rows] == [4, 4]  # every row has the Notes cell
    assert rows[1].one("td", class_="file-notes").text == note
    assert "Notes" not in _texts(_files_table(_report(_reading())).all("th"))


def test_several_notes_on_a_file_read_as_a_list_and_as_one_sentence() -> None:
    notes = ("text encoded as Windows-1252 (saved by a spreadsheet program)",
             "fields separated by semicolons (saved by a spreadsheet program)",
             "Connected On: dates as a spreadsheet program writes them")
    found = _report(_reading(files=(FileReport("Connections.csv", "connections", 3, 0, notes),)))
    cell = _files_table(found).one("td", class_="file-notes")
    assert [item.text.rstrip(";") for item in cell.one("ul").all("li")] == list(notes)
    assert cell.words == "; ".join(notes)  # what a screen reader or a copy reads


def _views_of(word: str) -> list[str]:
    """Every public view, with `word` wherever a file, a member or a message can put text."""
    reading = _reading(
        files=(FileReport(word, "shares", 1, 0, (word, word)), FileReport(word, word, 2, 0)),
        ignored=(word,), errors=(Problem(word, 2, word, word),),
        problems=(Problem(word, 0, "", word),), duplicates=(word,),
        checklist_evidence={"skills": word})
    plan = export_merge(Document(weeks=(WeekLog(MONDAY, {"posts": 3}),)), reading, today=TODAY)
    summary = NetworkSummary(connections_by_month={"2026-10": {"vp": 2}}, by_weekday=(1,) * 7)
    return [import_views.report(reading, plan), import_views.refused(word),
            import_views.progress(None, word), import_views.progress(Progress(1, 2, word)),
            import_views.network_panel(network_insights(summary), None, word)]


def _shows_as_text(word: str) -> None:
    for html, plain in zip(_views_of(word), _views_of("plain"), strict=True):
        found = parse(html)
        assert found.tags() == parse(plain).tags()  # the same elements, whatever the text
        assert any(word in value for value in found.values())  # and the text shown as typed


@pytest.mark.parametrize("word", HOSTILE_TEXTS)
def test_hostile_text_from_a_file_is_shown_as_text(word: str) -> None:
    _shows_as_text(word)


@given(st.text(max_size=30))
def test_any_text_from_a_file_is_shown_as_text(word: str) -> None:
    _shows_as_text(word)
