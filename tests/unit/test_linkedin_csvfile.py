"""Reading one LinkedIn CSV (docs/linkedin-export.md §1 rules 4-8, 11-12; §2.3; §3): the
header found by name, the dialect per kind, and every quoting and encoding variant seen in
real exports. People, links and texts are fictional; header rows and date formats are real."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from shell import import_views
from ssi_coach.activity.export_merge import export_merge
from ssi_coach.importers.linkedin import archive, read_export
from ssi_coach.importers.linkedin.csvfile import decode_share_commentary, read_table
from ssi_coach.importers.linkedin.parsers import parse
from ssi_coach.importers.linkedin.types import ExportReading, SourceFile, Table, Upload
from ssi_coach.model import Document, Problem

FIXTURES = Path(__file__).parent.parent / "fixtures" / "linkedin"

PREAMBLE = (
    'Notes:\n'
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing. You will only see email addresses for connections who have allowed their '
    'connections to see or download their email address using this setting '
    'https://www.linkedin.com/psettings/privacy/email. You can learn more here '
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    '\n'
)


def read(kind: str, text: str | bytes, name: str = "") -> Table:
    data = text.encode() if isinstance(text, str) else text
    table = read_table(SourceFile(kind, name or f"{kind}.csv", data))
    assert isinstance(table, Table), table
    return table


def problem(kind: str, text: str | bytes) -> Problem:
    data = text.encode() if isinstance(text, str) else text
    result = read_table(SourceFile(kind, f"{kind}.csv", data))
    assert isinstance(result, Problem), result
    return result


def rows(table: Table) -> list[tuple[str, ...]]:
    return list(zip(*table.columns.values(), strict=True))


# ---- Connections: preamble or not, date-only rows, no final newline ---------------------------

def test_connections_with_the_notes_preamble() -> None:
    text = (PREAMBLE
            + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + "Ada,Example,https://www.linkedin.com/in/ada-example,,\"Example, Inc.\","
              "Data Science Intern\t,09 Jul 2026\n"
            + ",,,,,,14 Sep 2024\n"
            + " Bob,\"Sample, MA\",https://www.linkedin.com/in/zoë-exämple-a1b2c3,,,,08 Jul 2014")
    table = read("connections", text)
    assert list(table.columns) == ["first name", "last name", "url", "email address",
                                   "company", "position", "connected on"]
    assert table.columns["company"][0] == "Example, Inc."
    assert table.columns["position"][0] == "Data Science Intern"  # trailing tab trimmed
    assert table.columns["first name"] == ["Ada", "", "Bob"]  # the date-only row is kept
    assert table.columns["last name"][2] == "Sample, MA"
    assert table.columns["connected on"] == ["09 Jul 2026", "14 Sep 2024", "08 Jul 2014"]
    assert table.lines == [5, 6, 7]  # the three preamble lines are counted
    assert table.errors == ()


def test_connections_of_2018_without_preamble() -> None:
    text = ("First Name,Last Name,Email Address,Company,Position,Connected On\n"
            'Carol,Demo,,Example Corp,CTO,"1/8/18, 6:14 PM"\n')
    table = read("connections", text)
    assert table.columns["connected on"] == ["1/8/18, 6:14 PM"]
    assert table.lines == [2]


def test_a_csv_from_another_service_has_no_header() -> None:
    found = problem("connections", "Name,Phone,Birthday\nAda Example,555-0100,1990-01-01\n")
    assert "no recognisable header" in found.message
    assert found.file == "connections.csv"


# ---- encodings and line endings ---------------------------------------------------------------

def test_utf16_tab_separated_shares_of_2018() -> None:
    text = ('"Date"\t"Share Title"\t"Share Description"\t"Share Link"\t"Share Commentary"\t'
            '"Shared URL"\t"Media URL"\t"Type"\t"Visibility"\r\n'
            '"2017/06/08 08:15:44 UTC"\t""\t""\t"https://www.linkedin.com/updates?topic=1"\t'
            '"Café talk, part 2 ☕"\t""\t""\t""\t"Connections"\r\n')
    table = read("shares", b"\xff\xfe" + text.encode("utf-16-le"), "Shares.csv")
    assert table.columns["date"] == ["2017/06/08 08:15:44 UTC"]
    assert table.columns["share commentary"] == ["Café talk, part 2 ☕"]
    assert table.columns["visibility"] == ["Connections"]
    assert (table.encoding, table.delimiter) == ("utf-16-le", "\t")


def test_utf8_bom_is_dropped_and_bad_bytes_do_not_fail_the_file() -> None:
    data = b"\xef\xbb\xbfName\nPython\nCaf\xe9\n"
    table = read("skills", data)
    assert table.columns["name"] == ["Python", "Caf\ufffd"]  # the BOM says UTF-8
    assert table.encoding == "utf-8-sig"


def test_crlf_file_with_a_quoted_line_break() -> None:
    text = ("Date,Link,Message\r\n"
            "2024-03-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1,"
            "\"First line\r\nsecond line\"\r\n"
            "2024-03-02 11:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A2,"
            "Plain\r\n")
    table = read("comments", text)
    assert table.columns["message"] == ["First line\nsecond line", "Plain"]
    assert table.lines == [2, 4]


def test_blank_lines_and_a_missing_final_newline() -> None:
    table = read("skills", "Name\n\nPython\n , \n\nSQL")
    assert table.columns["name"] == ["Python", "SQL"]
    assert table.lines == [3, 6]


def test_a_very_long_field_is_read() -> None:
    long_post = "word " * 60_000  # 300 kB, over csv's default field size limit
    table = read("comments", f'Date,Link,Message\n2026-01-01 00:00:00,x,"{long_post}"\n')
    assert table.columns["message"] == [long_post.strip()]


# ---- quoting per kind -------------------------------------------------------------------------

def test_comments_with_backslash_escaped_quotes() -> None:
    text = ('Date,Link,Message\n'
            '2026-04-06 15:43:56,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7,'
            '"Someone called this a \\"cold pitch\\" and I think it\'s so accurate."\n'
            '2026-04-07 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A8,'
            '"Ada Example I agree, \\"fully\\" agree.\\""\n')
    table = read("comments", text)
    assert table.columns["message"] == [
        'Someone called this a "cold pitch" and I think it\'s so accurate.',
        'Ada Example I agree, "fully" agree."']
    assert table.errors == ()


def test_comments_with_doubled_quotes_of_2024() -> None:
    text = ('Date,Link,Message\n'
            '2024-03-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A9,'
            '"Try count(id) from t where Team= ""T1"""\n')
    table = read("comments", text)
    assert table.columns["message"] == ['Try count(id) from t where Team= "T1"']


def test_votes_keep_a_literal_backslash_before_a_doubled_quote() -> None:
    text = ('Date,Link,OptionText\n'
            '2024-03-01 10:00:00,https://www.linkedin.com/feed/update/urn:li:ugcPost:1,'
            '" print(""Hi"",""\\"")"\n'
            '2024-03-02 10:00:00,https://www.linkedin.com/feed/update/urn:li:ugcPost:2,'
            '" Power Automate"\n')
    table = read("votes", text)
    assert table.columns["optiontext"] == ['print("Hi","\\")', "Power Automate"]
    assert table.errors == ()


SHARE_HEADER = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"


def test_shares_multi_line_commentary_is_unwrapped() -> None:
    text = (SHARE_HEADER
            + '2024-06-11 09:51:14,https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A72,'
              '"🎉 Big News! 🎉 A Short Story""\n'
              '""""\n'
              '""I am happy to share that I have started a new role at Example Corp!""\n'
              '""""\n'
              '""#newjob #data #example","","",MEMBER_NETWORK\n'
            + "2024-06-12 08:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A73,"
              "Hire Bob Sample! 👇  He's so talented!,\"\",\"\",MEMBER_NETWORK\n")
    table = read("shares", text)
    assert table.columns["sharecommentary"] == [
        "🎉 Big News! 🎉 A Short Story\n\nI am happy to share that I have started a new role "
        "at Example Corp!\n\n#newjob #data #example",
        "Hire Bob Sample! 👇  He's so talented!"]
    assert table.columns["visibility"] == ["MEMBER_NETWORK", "MEMBER_NETWORK"]
    assert table.lines == [2, 7]


def test_shares_quote_at_a_line_end() -> None:
    text = (SHARE_HEADER
            + '2025-07-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,'
              '"She said ""premium clients only.""""\n""Then she left.","","",MEMBER_NETWORK\n')
    table = read("shares", text)
    assert table.columns["sharecommentary"] == [
        'She said "premium clients only."\nThen she left.']


def test_share_commentary_is_left_alone_when_not_wrapped() -> None:
    assert decode_share_commentary("one line") == "one line"
    assert decode_share_commentary('not "wrapped\nat all') == 'not "wrapped\nat all'
    assert decode_share_commentary('a"\n"b"\n"c') == "a\nb\nc"


def test_shares_of_other_kinds_keep_their_quotes() -> None:
    text = 'Date,Link,Message\n2026-01-01 00:00:00,x,"line one""\n""line two"\n'
    table = read("comments", text)
    assert table.columns["message"] == ['line one"\n"line two']


def test_fully_quoted_messages_with_line_feeds_in_content() -> None:
    header = ('"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
              '"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS"\n')
    first = ('"2-QUJD","","Ada Example","https://www.linkedin.com/in/ada-example",'
             '"Bob Sample,Carol Demo, MSc","https://www.linkedin.com/in/bob-sample",'
             '"2026-04-06 16:35:35 UTC","","Hi Bob,\nthanks for the intro.\n\nAda","INBOX",""\n')
    second = ('"2-QUJD","","Bob Sample","https://www.linkedin.com/in/bob-sample","Ada Example",'
              '"https://www.linkedin.com/in/ada-example","2026-04-06 17:00:00 UTC","",'
              '"You\'re welcome","INBOX",""\n')
    table = read("messages", header + first + second, "messages.csv")
    assert table.columns["content"] == ["Hi Bob,\nthanks for the intro.\n\nAda",
                                        "You're welcome"]
    assert table.columns["to"][0] == "Bob Sample,Carol Demo, MSc"
    assert table.lines == [2, 6]


# ---- headers ----------------------------------------------------------------------------------

def test_trailing_comma_in_the_header_is_not_a_column() -> None:
    text = ("Content Title,Content Description,Content Type,Content Last Watched Date (if "
            "viewed),Content Completed At (if completed),Content Saved,Notes taken on videos "
            "(if taken),\n"
            "Excel Basics,\"Learn\nExcel\",Course,2021-12-20 18:09 UTC,N/A,false,N/A,\n")
    result = read_table(SourceFile("learning", "Learning.csv", text.encode()),
                        ["Content Title", "Content Type"])
    assert isinstance(result, Table)
    assert "" not in result.columns
    assert len(result.columns) == 7
    assert result.columns["content description"] == ["Learn\nExcel"]
    assert result.errors == ()


def test_duplicate_header_names_are_numbered() -> None:
    text = ("Company Names,Company Names,Job Titles,Company Names\n"
            "Example Corp,Sample Ltd,Analyst,Demo GmbH\n")
    result = read_table(SourceFile("ad_targeting", "Ad_Targeting.csv", text.encode()))
    assert isinstance(result, Table)
    assert result.columns == {"company names": ["Example Corp"],
                              "company names_2": ["Sample Ltd"],
                              "job titles": ["Analyst"],
                              "company names_3": ["Demo GmbH"]}


def test_header_names_are_matched_trimmed_and_in_any_case() -> None:
    table = read("invitations", " FROM , to ,Sent At,Message,Direction\n"
                                'Ada Example, Bob Sample,"12/15/24, 7:47 AM",,OUTGOING\n')
    assert table.columns["from"] == ["Ada Example"]
    assert table.columns["to"] == ["Bob Sample"]  # the leading space of the value is trimmed


def test_a_header_only_file_is_an_empty_table() -> None:
    table = read("profile_summary", "Profile Summary\n\n")
    assert table.columns == {"profile summary": []}
    assert len(table) == 0
    assert len(read("comments", "Date,Link,Message\n")) == 0


def test_a_file_without_a_header_is_a_problem() -> None:
    found = problem("messages", "No conversations found\n")
    assert "no recognisable header" in found.message


def test_an_empty_file_is_a_problem() -> None:
    assert "empty" in problem("shares", b"").message
    assert "empty" in problem("shares", "\n\n").message


def test_both_rich_media_schemas_are_recognised() -> None:
    new = read("rich_media", 'Date/Time,Media Description,Media Link\n'
                             '"You uploaded a video on November 12, 2024 at 2:56 AM (GMT)", -,\n')
    old = read("rich_media", "Type,Link\nVideo content can be downloaded at,"
                             "https://www.linkedin.com/psettings/member-data/videos\n")
    assert new.columns["media description"] == ["-"]
    assert new.columns["media link"] == [""]
    assert old.columns["type"] == ["Video content can be downloaded at"]


# ---- rows of the wrong width ------------------------------------------------------------------

def test_rows_of_the_wrong_width_are_reported_with_their_line() -> None:
    text = (PREAMBLE
            + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + "Ada,Example,,,,,09 Jul 2026\n"
            + 'Bob,Sample,"a quoted\nline break",,,,08 Jul 2026\n'
            + "Carol,Demo,extra,,,,,,07 Jul 2026," + "x" * 200 + "\n"
            + "Dan,Short,06 Jul 2026\n"
            + "Eve,Example,,,,,05 Jul 2026\n")
    table = read("connections", text, "Connections.csv")
    assert table.columns["first name"] == ["Ada", "Bob", "Eve"]
    assert table.lines == [5, 6, 10]
    assert [(e.file, e.line, e.column) for e in table.errors] == [
        ("Connections.csv", 8, ""), ("Connections.csv", 9, "")]
    assert "10 fields where the header has 7" in table.errors[0].message
    assert not any(name in str(error) for error in table.errors for name in ("Carol", "Dan"))


def test_extra_empty_fields_are_not_an_error() -> None:
    table = read("skills", "Name\nPython,,\nSQL\n")
    assert table.columns["name"] == ["Python", "SQL"]
    assert table.errors == ()


def test_many_misread_rows_are_read_again_with_the_other_dialect() -> None:
    # Backslash-escaped quotes in a file whose kind keeps backslashes literal: read with
    # the default dialect almost every row splits in two, so the file is read again.
    rows_ = [f'2025-07-0{day} 10:00:00,https://example.com/{day},'
             f'"a \\"quoted, with a comma\\" option"' for day in range(1, 6)]
    table = read("votes", "Date,Link,OptionText\n" + "\n".join(rows_) + "\n")
    assert table.errors == ()
    assert table.columns["optiontext"] == ['a "quoted, with a comma" option'] * 5


def test_a_few_bad_rows_do_not_change_the_dialect() -> None:
    good = [f"2025-07-0{day} 10:00:00,https://example.com/{day},Yes" for day in range(1, 9)]
    bad = '2025-07-09 10:00:00,https://example.com/9,"a \\"b, c\\" d"'
    table = read("votes", "Date,Link,OptionText\n" + "\n".join([*good, bad]) + "\n")
    assert len(table) == 8
    assert [error.line for error in table.errors] == [10]


def test_sixty_thousand_messages() -> None:
    header = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
              "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n")
    row = ("2-QUJD,,Ada Example,https://www.linkedin.com/in/ada-example,Bob Sample,"
           "https://www.linkedin.com/in/bob-sample,2024-12-16 18:24:37 UTC,,"
           "\"Hello, Bob\",INBOX\n")
    table = read("messages", header + row * 60_000)
    assert len(table) == 60_000
    assert table.lines[-1] == 60_001
    assert table.columns["content"][-1] == "Hello, Bob"


@pytest.mark.parametrize("kind", ["connections", "comments", "shares", "messages", "skills"])
def test_garbage_is_a_problem_or_a_table_never_an_exception(kind: str) -> None:
    for data in (b"\x00\x01\x02", b'"unterminated\n', b"\xff\xfe\x00", b"\\", b'"\\'):
        assert isinstance(read_table(SourceFile(kind, "x.csv", data)), Table | Problem)


# ---- files re-saved by a spreadsheet ----------------------------------------------------------

HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
          "Connected On")
PEOPLE = (
    ("Renée", "Müller", "https://www.linkedin.com/in/renee-muller-a1b2c3", "",
     "Exámple, S.A.", "Directora de Ventas", "6-Feb-26"),
    ("Íñigo", "Peña", "https://www.linkedin.com/in/inigo-pena", "", "Sample GmbH",
     'Jefe de "Producto"', "2/6/2026"),
    ("Siobhán", "O’Brien", "https://www.linkedin.com/in/siobhan-obrien", "", "", "",
     "06.02.2026"),
    ("", "", "", "", "", "", "2026-02-06"),  # a hidden profile: the date only
)
NOTES = PREAMBLE.splitlines()[:2]


def resaved(*, encoding: str, delimiter: str, newline: str, bom: bytes = b"",
            quote_all: bool = False, notes: bool = False, pad: int = 0) -> bytes:
    """Connections.csv as a spreadsheet saves it: every row as wide as the widest (plus `pad`
    empty cells where the member touched a column further right), a field quoted when it
    holds the separator, a quote or a line break (or always), its own line ends and
    encoding."""
    rows: list[Sequence[str]] = [*([cell] for cell in NOTES), [""]] if notes else []
    rows += [HEADER, *PEOPLE]
    width = max(len(row) for row in rows) + pad

    def cell(value: str) -> str:
        if quote_all or any(c in value for c in (delimiter, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = "".join(delimiter.join(cell(v) for v in [*row, *[""] * (width - len(row))])
                   + newline for row in rows)
    return bom + text.encode(encoding)


RESAVED = {
    "excel-cp1252-semicolon": (resaved(encoding="cp1252", delimiter=";", newline="\r\n"),
                               "windows-1252", ";", [2, 3, 4, 5]),
    "excel-utf8-bom-comma": (resaved(encoding="utf-8", delimiter=",", newline="\r\n",
                                     bom=b"\xef\xbb\xbf"), "utf-8-sig", ",", [2, 3, 4, 5]),
    "sheets-utf8-no-preamble": (resaved(encoding="utf-8", delimiter=",", newline="\n"),
                                "utf-8", ",", [2, 3, 4, 5]),
    "all-quoted-crlf": (resaved(encoding="utf-8", delimiter=",", newline="\r\n",
                                quote_all=True), "utf-8", ",", [2, 3, 4, 5]),
    "excel-padded-with-notes": (resaved(encoding="cp1252", delimiter=";", newline="\r\n",
                                        notes=True, pad=2), "windows-1252", ";", [5, 6, 7, 8]),
    "excel-cp1252-tab": (resaved(encoding="cp1252", delimiter="\t", newline="\r\n"),
                         "windows-1252", "\t", [2, 3, 4, 5]),
}


@pytest.mark.parametrize("name", RESAVED)
def test_connections_re_saved_by_a_spreadsheet(name: str) -> None:
    data, encoding, delimiter, lines = RESAVED[name]
    table = read("connections", data, f"Connections.{name}.csv")
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert list(table.columns) == [name.lower() for name in HEADER]
    for index, name_ in enumerate(HEADER):
        assert table.columns[name_.lower()] == [person[index] for person in PEOPLE]
    assert table.lines == lines
    assert table.errors == ()


def test_the_excel_semicolon_bytes_as_written() -> None:
    data = resaved(encoding="cp1252", delimiter=";", newline="\r\n", notes=True, pad=1)
    assert data.startswith(b"Notes:;;;;;;;\r\n")
    assert b"\r\n;;;;;;;\r\nFirst Name;Last Name;" in data
    assert b"\r\nRen\xe9e;M\xfcller;https://www.linkedin.com/in/renee-muller-a1b2c3;;" \
           b"Ex\xe1mple, S.A.;Directora de Ventas;6-Feb-26;\r\n" in data
    assert b"\r\nSiobh\xe1n;O\x92Brien;" in data  # ’ is 0x92 in Windows-1252, not Latin-1
    table = read("connections", data)
    assert table.columns["last name"] == ["Müller", "Peña", "O’Brien", ""]
    assert table.columns["position"][1] == 'Jefe de "Producto"'


def test_utf8_with_a_few_bad_bytes_stays_utf8() -> None:
    table = read("skills", "Name\nZoë\nRenée\n".encode() + b"Caf\xff\n")
    assert table.encoding == "utf-8"
    assert table.columns["name"] == ["Zoë", "Renée", "Caf\ufffd"]


def test_a_character_cut_off_at_the_end_is_still_utf8() -> None:
    table = read("skills", b"Name\nPython\nZo\xc3")
    assert table.encoding == "utf-8"
    assert table.columns["name"] == ["Python", "Zo\ufffd"]


def test_bytes_that_are_not_utf8_are_windows_1252() -> None:
    table = read("skills", b"Name\nCaf\xe9\nNa\xefve \x80 \x81\n")
    assert table.encoding == "windows-1252"
    assert table.columns["name"] == ["Café", "Naïve € \ufffd"]  # 0x81 has no character


def test_semicolons_in_the_values_of_a_comma_file_do_not_change_the_separator() -> None:
    rows = "".join(f"2026-01-0{day} 10:00:00,https://example.com/{day},one; two; three\n"
                   for day in range(1, 6))
    table = read("comments", "Date,Link,Message\n" + rows)
    assert table.delimiter == ","
    assert table.columns["message"] == ["one; two; three"] * 5


# ---- continuation lines -----------------------------------------------------------------------

def test_comments_of_2024_with_unquoted_continuation_lines() -> None:
    """A Mar 2024 file (CRLF): comments that run over unquoted lines, some with commas, a
    blank one, one like a date, next to quoted multi-line comments and doubled quotes."""
    path = FIXTURES / "continued" / "Comments_2024.csv"
    table = read("comments", path.read_bytes(), path.name)
    parsed = parse(table)
    got = {"kind": table.kind, "encoding": table.encoding, "delimiter": table.delimiter,
           "rows_read": parsed.rows_read, "lines": table.lines,
           "errors": [[e.line, e.column, e.message] for e in parsed.errors]}
    assert got == json.loads(path.with_suffix(".expected.json").read_text())
    assert table.columns["message"] == [
        "Congratulations Ada!",
        "Bob Sample Great summary.\nThree things stood out for me:\n"
        "1. the pilot, which ran for 6 weeks\n2. the budget, 12.5% under plan\n\n"
        "Thanks for sharing!",
        'Try count(id) from t where Team= "T1"',
        'Carol Demo Agreed.\n\nThe "second wave" is the hard part.',
        "Our meetup moves to a new date:\n2024-04-02 at 6 pm, same room\n"
        "See you there, everyone.",
        "Well, that was fast, wasn't it?",
        "Dan Example Thank you!\n12/03 was the kickoff, 15/03 the review, 18/03 the launch",
        "Short and sweet."]
    assert table.columns["date"][4] == "2024-03-20 19:05:57"


def test_a_blank_comment_date_before_a_link_starts_a_record() -> None:
    table = read("comments", "Date,Link,Message\n"
                             "2026-06-29 08:00:00,https://www.linkedin.com/feed/update/1,Hi\n"
                             ",https://www.linkedin.com/feed/update/2,No date here\n"
                             ",and so on\n")
    assert table.columns["message"] == ["Hi", "No date here\n,and so on"]
    assert table.lines == [2, 3]


def test_continuation_lines_of_a_skipped_comment_are_not_more_errors() -> None:
    table = read("comments", "Date,Link,Message\n"
                             "2024-03-01 10:00:00,https://www.linkedin.com/feed/update/1\n"
                             "a second line, with a comma\n"
                             "\n"
                             "2024-03-02 10:00:00,https://www.linkedin.com/feed/update/2,Yes\n")
    assert [(e.line, e.message) for e in table.errors] == [
        (2, "2 fields where the header has 3; the row was left out")]
    assert table.columns["message"] == ["Yes"]
    assert table.lines == [5]


def test_a_continuation_line_opening_a_quote_does_not_swallow_the_next_comments() -> None:
    table = read("comments", "Date,Link,Message\r\n"
                             "2024-03-01 10:00:00,https://www.linkedin.com/feed/update/1,Agreed\r\n"
                             '"Less is more, they say\r\n'
                             "2024-03-02 10:00:00,https://www.linkedin.com/feed/update/2,Two\r\n"
                             '2024-03-03 10:00:00,https://www.linkedin.com/feed/update/3,"x"\r\n')
    assert table.columns["message"] == ['Agreed\n"Less is more, they say', "Two", "x"]
    assert table.lines == [2, 4, 5]
    assert table.errors == ()


def test_comments_re_saved_with_semicolons_keep_their_continuations() -> None:
    table = read("comments", "Date;Link;Message;;\r\n"
                             "2024-03-01 10:00:00;https://www.linkedin.com/feed/update/1;Hi;;\r\n"
                             "more; and more;;;\r\n"
                             "2024-03-02 10:00:00;https://www.linkedin.com/feed/update/2;a;b;\r\n")
    assert table.delimiter == ";"
    assert table.columns["message"] == ["Hi\nmore; and more;;;", "a;b"]
    assert table.lines == [2, 4]


@pytest.mark.parametrize(("kind", "text"), [
    ("votes", "Date,Link,OptionText\n2024-03-01 10:00:00,https://x,Yes\nsecond line\n"
              "2024-03-02 10:00:00,https://y,No\n"),
    ("volunteering", "Company Name,Role,Cause,Started On,Finished On,Description\n"
                     "Example Org,Mentor,Education,Jan 2020,,Weekly sessions\n"
                     "with students\nSample Club,Treasurer,,Mar 2021,,Books\n"),
])
def test_only_comments_have_continuation_lines(kind: str, text: str) -> None:
    table = read(kind, text)
    assert len(table) == 2
    assert [error.line for error in table.errors] == [3]


# ---- privacy: a report names file and line, never the text ------------------------------------

SECRET_WORDS = ("zanzibarite", "quillophone", "marmotique", "velvetine")
DAMAGED = {
    "Comments_2024.csv": (
        "Date,Link,Message\r\n"
        "zanzibarite plans for spring,https://www.linkedin.com/feed/update/1,and more\r\n"
        "2024-03-01 10:00:00,https://www.linkedin.com/feed/update/2,fine\r\n"
        "2024-03-02 10:00:00,quillophone at last\r\n"),
    "messages.csv": (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
        "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        "2-QUJD,,Ada Example,https://www.linkedin.com/in/ada-example,Bob Sample,"
        "https://www.linkedin.com/in/bob-sample,2026-04-06 16:35:35 UTC,,Hello,INBOX\n"
        "2-QUJD,,Bob Sample,https://www.linkedin.com/in/bob-sample,Ada Example,"
        "https://www.linkedin.com/in/ada-example,2026-04-06 17:00:00 UTC,,"
        "quillophone, at last, velvetine,INBOX\n"),
    "Shares.csv": (
        "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        "2024-06-11 09:51:14,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,"
        "marmotique rises, again,,,MEMBER_NETWORK\n"
        "velvetine day,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A2,x,,,"
        "MEMBER_NETWORK\n"
        "2024-06-12 09:51:14,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A3,"
        "Fine,,,MEMBER_NETWORK\n"),
    "Invitations.csv": "quillophone, zanzibarite\n",
}


def test_reports_never_quote_a_message_comment_or_post() -> None:
    reading = read_export([Upload(name, text.encode()) for name, text in DAMAGED.items()])
    assert isinstance(reading, ExportReading)
    assert {(error.file, error.line) for error in reading.errors} == {
        ("Comments_2024.csv", 2), ("Comments_2024.csv", 4), ("messages.csv", 3),
        ("Shares.csv", 2), ("Shares.csv", 3)}
    assert [problem.file for problem in reading.problems] == ["Invitations.csv"]
    html = import_views.report(reading, export_merge(Document(), reading,
                                                    today=dt.date(2026, 11, 22)))
    shown = [html, *map(str, reading.errors), *map(str, reading.problems)]
    for name, text in DAMAGED.items():
        table = read_table(SourceFile(archive.kind_of(name) or "", name, text.encode()))
        shown += map(str, table.errors) if isinstance(table, Table) else [str(table)]
    assert "Comments_2024.csv, line 4" in html and "Shares.csv, line 3" in html
    assert not [word for word in SECRET_WORDS for text in shown if word in text]
