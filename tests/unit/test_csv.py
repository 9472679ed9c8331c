"""CSV export and import: round trips, the files people really have, and rows set aside."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.exporters.csv_checkins import CSV_COLUMNS, checkins_to_csv
from ssi_coach.importers.csv_checkins import LABELS, CsvRead, read_checkins_csv
from ssi_coach.model import CheckIn, PeerAverages, Problem

from .conftest import TODAY, checkin
from .strategies import checkins


def read(data: bytes | str, today: dt.date = TODAY) -> CsvRead:
    return read_checkins_csv(data, file_name="ssi.csv", today=today)


FIELD_OF = {label: field for field, label in LABELS.items()} | {"": ""}  # a Problem's column
COLUMN_HEADERS = dict(CSV_COLUMNS)


def where(result: CsvRead) -> list[tuple[int, str]]:
    return [(p.line, FIELD_OF[p.column]) for p in result.rejected]


# ---- export -> import is the identity ---------------------------------------------------

any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)  # Cs: no UTF-8
# Spreadsheet trouble on purpose: separators, quotes, line breaks, and formula starts.
tricky = st.sampled_from(["=", "+", "-", "@", "'", "'=", "''+", " =", "\t", "\r", ",", ";",
                          '"', "\n", "\r\n", "é", "日本", "🙂", "\x00"])
notes = st.one_of(any_text, st.builds(lambda a, b, c: a + b + c, tricky, any_text, tricky))
# The import trims the industry and the status lines (a hand-typed " Software" means
# "Software"); notes stay exactly as they are.
trimmed = st.one_of(any_text, st.builds(str.__add__, tricky, any_text)).map(str.strip)
csv_checkins = checkins(last_day=TODAY, note=notes, industry=trimmed, status=trimmed)
checkin_lists = st.lists(csv_checkins, max_size=12, unique_by=lambda c: c.on)


@given(checkin_lists)
def test_export_then_import_gives_back_the_same_checkins(items: list[CheckIn]) -> None:
    text = checkins_to_csv(items)
    expected = tuple(sorted(items, key=lambda c: c.on))
    for data in (text, text.encode("utf-8")):
        result = read(data)
        assert result.rejected == ()
        assert result.checkins == expected


def test_export_is_what_excel_opens_as_utf8() -> None:
    text = checkins_to_csv([
        checkin("2026-10-01", industry_rank=5, network_average=30.5, industry="Software",
                note="=HYPERLINK(\"x\"), then a line\nbreak"),
        checkin("2026-09-01", (12, 6, 3, 1.5)),
    ])
    assert text.encode("utf-8").startswith(codecs.BOM_UTF8)
    assert text.startswith("\ufeffDate,Total,Establish your professional brand,")
    assert text.replace("\r\n", "").count("\n") == 1  # only the one inside the quoted note
    assert text.endswith("\r\n")
    no_peers = "," * 11  # the peers' averages, statuses and events columns, all empty
    assert text.split("\r\n")[1:] == [
        "2026-09-01,22.5,12,6,3,1.5,,,,,," + no_peers,
        "2026-10-01,23.323,12.275,6,3.1,1.948,5,,,30.5,Software,"
        "\"'=HYPERLINK(\"\"x\"\"), then a line\nbreak\"" + no_peers,
        "",
    ]


def test_export_headers_are_the_readable_column_names() -> None:
    header = checkins_to_csv([]).removeprefix("\ufeff").split("\r\n")[0]
    assert header.split(",") == [h for _, h in CSV_COLUMNS]
    assert header == (
        "Date,Total,Establish your professional brand,Find the right people,"
        "Engage with insights,Build relationships,Industry SSI rank (Top %),"
        "Network SSI rank (Top %),Industry average SSI,Network average SSI,Industry,Note,"
        "Industry avg: Brand,Industry avg: People,Industry avg: Insights,"
        "Industry avg: Relationships,Network avg: Brand,Network avg: People,"
        "Network avg: Insights,Network avg: Relationships,Industry status,Network status,Events"
    )


@pytest.mark.parametrize(("note", "cell"), [
    ("=1+2", "'=1+2"),
    ("+33 6 12", "'+33 6 12"),
    ("-5 after a quiet month", "'-5 after a quiet month"),
    ("@someone", "'@someone"),
    ("  =SUM(A1)", "'  =SUM(A1)"),
    ("'=1+2", "''=1+2"),  # so the import, which strips one apostrophe, gives it back
    ("'quoted'", "'quoted'"),
    ("a = b", "a = b"),
])
def test_cells_that_could_run_as_formulas_get_an_apostrophe(note: str, cell: str) -> None:
    for field in ("note", "industry_status", "network_status"):
        typed: dict[str, Any] = {field: note}
        text = checkins_to_csv([replace(checkin(), **typed)])
        header, row = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
        assert row[header.index(COLUMN_HEADERS[field])] == cell
        expected = note if field == "note" else note.strip()  # statuses are trimmed, as typed
        assert getattr(read(text).checkins[0], field) == expected


# ---- the peers' averages, status lines and events ----------------------------------------

PEERED = checkin("2026-10-01", industry_peers=PeerAverages(7.45, 6.1, 4.95, 6.2),
                 network_peers=PeerAverages(9.3, 7.85, 6.75, 7),
                 industry_status="No change in the last week", network_status="-2% this week",
                 events=("holiday", "campaign"))


def test_peers_statuses_and_events_are_columns_after_the_old_ones() -> None:
    header, row = csv.reader(io.StringIO(checkins_to_csv([PEERED]).removeprefix("\ufeff")))
    assert header[:12] == [h for _, h in CSV_COLUMNS[:12]]  # old readers find theirs as before
    assert dict(zip(header[12:], row[12:], strict=True)) == {
        "Industry avg: Brand": "7.45", "Industry avg: People": "6.1",
        "Industry avg: Insights": "4.95", "Industry avg: Relationships": "6.2",
        "Network avg: Brand": "9.3", "Network avg: People": "7.85",
        "Network avg: Insights": "6.75", "Network avg: Relationships": "7",
        "Industry status": "No change in the last week",
        "Network status": "'-2% this week",  # a cell that starts with - gets its apostrophe
        "Events": "Holiday or time off; Campaign or push",
    }
    assert read(checkins_to_csv([PEERED])).checkins == (PEERED,)


# Written by ssi-coach before peers and events existed, never to be regenerated: an old file
# reads as it always did, the new fields at their defaults.
OLD_EXPORT = (
    "\ufeffDate,Total,Establish your professional brand,Find the right people,"
    "Engage with insights,Build relationships,Industry SSI rank (Top %),"
    "Network SSI rank (Top %),Industry average SSI,Network average SSI,Industry,Note\r\n"
    "2026-09-01,55.45,15.2,13.75,12.4,14.1,,,,,,\r\n"
    "2026-10-06,56.87,15.6,14.02,12.9,14.35,5,3,24.6,30.01,Logiciels & SaaS,"
    "\"Après mon coaching — merci !\n=2 posts\"\r\n"
)


def test_a_file_exported_before_peers_existed_reads_as_before() -> None:
    assert read(OLD_EXPORT) == CsvRead((
        CheckIn(dt.date(2026, 9, 1), 15.2, 13.75, 12.4, 14.1),
        CheckIn(dt.date(2026, 10, 6), 15.6, 14.02, 12.9, 14.35, industry_rank=5, network_rank=3,
                industry_average=24.6, network_average=30.01, industry="Logiciels & SaaS",
                note="Après mon coaching — merci !\n=2 posts"),
    ), ())


HAND_MADE_PEERS = (
    "Date;Brand;People;Insights;Relationships;Industry average brand;industry avg people;"
    "Industry Insights average;INDUSTRY_PEERS_RELATIONSHIPS;Network status;Event\n"
    "2026-10-01;12,275;6;3,1;1,948;7,45;6,1;4,95;6,2;  Up 2% ;job change, Holiday\n"
    "2026-10-08;12,275;6;3,1;1,948;;;;;;\n"
)


def test_hand_made_peer_and_event_columns_are_read_under_other_names() -> None:
    result = read(HAND_MADE_PEERS)
    assert result.rejected == ()
    assert result.checkins == (
        checkin("2026-10-01", industry_peers=PeerAverages(7.45, 6.1, 4.95, 6.2),
                network_status="Up 2%", events=("holiday", "job_change")),
        checkin("2026-10-08"))


def test_a_partly_filled_group_or_an_unknown_event_sets_the_row_aside() -> None:
    data = ("Date,Brand,People,Insights,Relationships,Network avg: Brand,Network avg: People,"
            "Network avg: Insights,Network avg: Relationships,Events\n"
            "2026-10-01,1,2,3,4,9.3,,6.75,30,\n"
            "2026-10-02,1,2,3,4,,,,,Holiday or time off; Party\n"
            "2026-10-03,1,2,3,4,9.3,7.85,6.75,7.65,campaign\n")
    result = read(data)
    assert [c.on.day for c in result.checkins] == [3]
    assert where(result) == [(2, "network_peers_people"), (2, "network_peers_relationships"),
                             (3, "events")]
    messages = [p.message for p in result.rejected]
    assert messages[0] == "Fill in all four network averages or none of them; this one is empty."
    assert "between 0 and 25; this is 30" in messages[1]
    assert messages[2].startswith("“Party” is not an event ssi-coach knows; use: Holiday or "
                                  "time off; Job change;")
    assert result.rejected[0].column == "Network average: Find the right people"
    assert result.rejected[2].column == "Events"


# ---- the files people really have --------------------------------------------------------

EXPECTED = (
    checkin("2026-09-01", (12.5, 6, 3.1, 1.948), industry_rank=5, network_average=30.5,
            industry="Software", note="first, with a comma"),
    checkin("2026-10-01", (13, 6.25, 3, 2)),
)
STANDARD = (
    "Date,Establish your professional brand,Find the right people,Engage with insights,"
    "Build relationships,Industry SSI rank (Top %),Network average SSI,Industry,Note\n"
    '2026-09-01,12.5,6,3.1,1.948,5,30.5,Software,"first, with a comma"\n'
    "2026-10-01,13,6.25,3,2,,,,\n"
)
REORDERED = (
    "Note,Industry,Network average SSI,Relationships,Insights,People,Brand,Industry rank,Date\n"
    '"first, with a comma",Software,30.5,1.948,3.1,6,12.5,5,2026-09-01\n'
    ",,,2,3,6.25,13,,2026-10-01\n"
)
EXTRA_COLUMNS = (
    "Profile views,Date,Brand,People,Insights,Relationships,Industry rank,Network average,"
    "Industry,Note,Mood\n"
    '310,2026-09-01,12.5,6,3.1,1.948,5,30.5,Software,"first, with a comma",good\n'
    "12,2026-10-01,13,6.25,3,2,,,,,\n"
)
HEADER_SPELLINGS = (
    " DATE ,brand, PEOPLE,Engage With Insights,build_relationships,industry_rank,"
    "network-average-ssi,INDUSTRY,notes\n"
    '2026-09-01,12.5,6,3.1,1.948,5,30.5,Software,"first, with a comma"\n'
    "2026-10-01,13,6.25,3,2,,,,\n"
)
SEMICOLONS = (
    "Date;Brand;People;Insights;Relationships;Industry rank;Network average SSI;Industry;Note\n"
    "2026-09-01;12,5;6;3,1;1,948;Top 5%;30,5;Software;first, with a comma\n"
    "2026-10-01;13;6,25;3;2;;;;\n"
)
QUOTED_COMMA_DECIMALS = (
    "Date,Brand,People,Insights,Relationships,Industry rank,Network average SSI,Industry,Note\n"
    '2026-09-01,"12,5",6,"3,1","1,948",Top 5%,"30,5",Software,"first, with a comma"\n'
    '2026-10-01,13,"6,25",3,2,,,,\n'
)
TABS = STANDARD.replace(",", "\t").replace('"first\t with a comma"', "first, with a comma")
BLANK_LINES = (
    "\n" + STANDARD.replace("\n2026-10-01", "\n\n,,,,,,,,\n   \n\t\n2026-10-01") + "\n\n"
)
EXCEL_SEP_LINE = "sep=;\n" + SEMICOLONS
EXTRA_TOTAL = STANDARD.replace("Date,", "Date,Total,").replace("-01,", "-01,~,").replace(
    "2026-09-01,~", "2026-09-01,23.548").replace("2026-10-01,~", "2026-10-01,24.25")


@pytest.mark.parametrize("data", [
    pytest.param(STANDARD, id="standard"),
    pytest.param(STANDARD.encode("utf-8"), id="utf8-no-bom"),
    pytest.param(codecs.BOM_UTF8 + STANDARD.encode("utf-8"), id="utf8-bom"),
    pytest.param("\ufeff" + STANDARD, id="text-with-bom"),
    pytest.param(STANDARD.encode("utf-16"), id="utf16-bom"),
    pytest.param(codecs.BOM_UTF16_BE + STANDARD.encode("utf-16-be"), id="utf16-be-bom"),
    pytest.param(STANDARD.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(STANDARD.replace("\n", "\r").encode(), id="cr"),
    pytest.param(REORDERED, id="reordered"),
    pytest.param(EXTRA_COLUMNS, id="extra-columns"),
    pytest.param(HEADER_SPELLINGS, id="header-case-spacing-punctuation"),
    pytest.param(SEMICOLONS, id="semicolons-comma-decimals"),
    pytest.param(SEMICOLONS.replace("\n", "\r\n").encode("utf-16"), id="semicolons-utf16"),
    pytest.param(QUOTED_COMMA_DECIMALS, id="quoted-comma-decimals"),
    pytest.param(TABS, id="tabs"),
    pytest.param(BLANK_LINES, id="blank-lines-and-empty-rows"),
    pytest.param(EXCEL_SEP_LINE, id="excel-sep-line"),
    pytest.param(EXTRA_TOTAL, id="matching-total"),
    pytest.param("\n".join(reversed(STANDARD.strip().split("\n")[1:])).join(
        [STANDARD.split("\n")[0] + "\n", "\n"]), id="newest-first"),
])
def test_tolerated_files_read_as_the_same_checkins(data: bytes | str) -> None:
    result = read(data)
    assert result.rejected == ()
    assert result.checkins == EXPECTED


@pytest.mark.parametrize(("typed", "read_as"), [
    ("2026-09-01", "2026-09-01"),
    ("2026/09/01", "2026-09-01"),
    ("2026.9.1", "2026-09-01"),
    ("1.9.2026", "2026-09-01"),  # dotted dates are day first wherever they are used
    ("2026-09-01 00:00:00", "2026-09-01"),
    ("2026-09-01T00:00", "2026-09-01"),
])
def test_dates_a_spreadsheet_rewrote_still_read(typed: str, read_as: str) -> None:
    result = read(f"Date,Brand,People,Insights,Relationships\n{typed},1,2,3,4\n")
    assert [c.on.isoformat() for c in result.checkins] == [read_as]


@pytest.mark.parametrize("typed", ["01/09/2026", "9/1/2026", "2026-02-30", "1.13.2026", "soon"])
def test_ambiguous_or_impossible_dates_are_refused(typed: str) -> None:
    result = read(f"Date,Brand,People,Insights,Relationships\n{typed},1,2,3,4\n")
    assert result.checkins == ()
    assert where(result) == [(2, "date")]
    assert "YYYY-MM-DD" in result.rejected[0].message


# ---- rows set aside, with the line they are on -------------------------------------------

def test_rejected_rows_name_their_physical_line_and_field() -> None:
    data = (
        "Date,Total,Brand,People,Insights,Relationships,Industry rank,Note\r\n"   # 1
        "2026-08-01,10,4,3,2,1,,fine\r\n"                                          # 2
        '2026-09-01,10,4,3,2,1,,"a note\r\nover\r\nthree lines"\r\n'               # 3-5
        "2026-09-15,10,four,3,2,1,,\r\n"                                           # 6
        "\r\n"                                                                      # 7
        "2026-08-01,10,4,3,2,1,,\r\n"                                              # 8
        "2026-12-01,10,4,3,2,1,,\r\n"                                              # 9
        "2026-10-01,40,4,3,2,30.5,,\r\n"                                           # 10
        "2026-10-15,,26,3,2,1,0,\r\n"                                              # 11
        '2026-11-01,10,4,3,2,1,Top 5%,"ok"\r\n'                                    # 12
    )
    result = read(data.encode("utf-8"))
    assert [c.on.isoformat() for c in result.checkins] == ["2026-08-01", "2026-09-01",
                                                           "2026-11-01"]
    assert result.checkins[1].note == "a note\r\nover\r\nthree lines"
    assert result.checkins[2].industry_rank == 5
    assert where(result) == [(6, "brand"), (8, "date"), (9, "date"), (10, "total"),
                             (10, "relationships"), (11, "brand"), (11, "industry_rank")]
    messages = {(p.line, FIELD_OF[p.column]): p.message for p in result.rejected}
    assert messages[8, "date"] == "Date 2026-08-01 appears twice in this file (line 2)."
    assert messages[9, "date"] == "Date 2026-12-01 is in the future; today is 2026-11-22."
    assert messages[10, "total"] == "Total 40 does not match the pillars' sum 39.5."
    assert "“four” is not a number" in messages[6, "brand"]
    assert "between 0 and 25" in messages[11, "brand"]
    assert "1 to 100" in messages[11, "industry_rank"]
    problem = result.rejected[0]
    assert problem.file == "ssi.csv"
    assert problem.column == "Establish your professional brand"
    assert problem.raw == "2026-09-15,10,four,3,2,1,,"
    assert str(problem) == ("ssi.csv, line 6, Establish your professional brand: "
                                  "“four” is not a number. Use digits, like 12.5 or 12,5.")


def test_a_row_with_several_problems_reports_each_field_once_in_column_order() -> None:
    result = read("Date,Brand,People,Insights,Relationships\n2030-01-01,x,,-1,99\n")
    assert where(result) == [(2, "date"), (2, "brand"), (2, "people"), (2, "insights"),
                             (2, "relationships")]
    assert "empty" in result.rejected[2].message


def test_a_raw_row_spanning_lines_is_shown_whole_and_long_rows_are_shortened() -> None:
    result = read('Date,Brand,People,Insights,Relationships,Note\n'
                  '2026-09-01,x,1,1,1,"two\nlines"\n'
                  f'2026-09-02,x,1,1,1,{"n" * 500}\n')
    assert result.rejected[0].raw == '2026-09-01,x,1,1,1,"two\nlines"'
    assert len(result.rejected[1].raw) == 200
    assert result.rejected[1].raw.endswith("…")


def test_the_total_may_be_left_out_or_off_by_rounding() -> None:
    result = read("Date,Total,Brand,People,Insights,Relationships\n"
                  "2026-09-01,,1,2,3,4\n2026-09-02,10.005,1,2,3,4\n2026-09-03,10.02,1,2,3,4\n")
    assert [c.on.day for c in result.checkins] == [1, 2]
    assert where(result) == [(4, "total")]


# ---- files that cannot be used at all ----------------------------------------------------

@pytest.mark.parametrize(("header", "missing"), [
    ("Brand,People,Insights,Relationships", "Date"),
    ("Date,Brand,People,Insights", "Build relationships"),
    ("Date,Total,Industry,Note", "Establish your professional brand, Find the right people, "
                                 "Engage with insights, Build relationships"),
    ("Datum;Marke;Leute;Einblicke;Beziehungen", "Date, Establish your professional brand"),
])
def test_missing_columns_give_one_problem_at_line_1(header: str, missing: str) -> None:
    result = read(f"{header}\n2026-09-01,1,2,3,4\n")
    assert result.checkins == ()
    assert len(result.rejected) == 1
    problem = result.rejected[0]
    assert (problem.line, problem.column, problem.raw) == (1, "", header)
    assert f"no column for: {missing}" in problem.message


@pytest.mark.parametrize("data", [
    pytest.param(b"", id="empty"),
    pytest.param(b"\r\n\n  \n", id="only-blank-lines"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", id="png"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb2", id="xlsx-zip"),
    pytest.param(b"Date,Brand\n\xff\xfe\xfd", id="bad-utf8-on-line-2"),
    pytest.param(codecs.BOM_UTF16_LE + b"D\x00a\x00\x00\xd8", id="bad-utf16"),
    pytest.param(b"\x00" * 64, id="nuls"),
    pytest.param(b'Date,Brand,People,Insights,Relationships\n"' + b"x" * 200_000, id="huge-cell"),
    pytest.param(b"x" * 5_000_001, id="too-large"),
])
def test_junk_gives_problems_and_never_raises(data: bytes) -> None:
    result = read(data)
    assert result.checkins == ()
    assert result.rejected
    assert all(isinstance(p, Problem) and p.message for p in result.rejected)


def test_undecodable_bytes_name_the_line_where_text_stops() -> None:
    result = read(b"Date,Brand,People,Insights,Relationships\n2026-09-01,1,2,3,4\n\xff\n")
    assert where(result) == [(3, "")]
    assert "CSV UTF-8" in result.rejected[0].message


def test_a_file_with_only_a_header_has_nothing_and_no_problems() -> None:
    assert read(checkins_to_csv([])) == CsvRead((), ())


@given(st.binary(max_size=400))
def test_any_bytes_are_read_without_raising(data: bytes) -> None:
    result = read(data)
    assert isinstance(result, CsvRead)


@given(st.text(max_size=400))
def test_any_text_after_a_valid_header_is_read_without_raising(text: str) -> None:
    header = checkins_to_csv([]).removeprefix("\ufeff")
    result = read(header + text)
    assert all(p.line >= 2 for p in result.rejected)
