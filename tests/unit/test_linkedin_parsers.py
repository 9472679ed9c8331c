"""Parsers of the LinkedIn export, one kind of file at a time.

Two sorts of tests:

- per-parser tests on hand-made `Table`s (the shape `csvfile.read_table` returns);
- golden-file tests: each CSV in `tests/fixtures/linkedin/` (named as in a real export,
  `Shares_1234567.csv`) is read through `csvfile.read_table` and its kind's parser, and a
  summary of the result (rows read and skipped, errors with their lines, events per ISO
  week and flag) must equal the `.expected.json` of the same name next to it.

After a deliberate change, rewrite the expected files with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_linkedin_parsers.py` and review the diff
before committing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from ssi_coach.importers.linkedin import archive, csvfile
from ssi_coach.importers.linkedin.parsers import PARSERS, Parsed, member_url, parse
from ssi_coach.importers.linkedin.types import SourceFile, Table
from ssi_coach.importers.linkedin.urls import normalize_profile_url
from ssi_coach.model import Problem

FIXTURES = Path(__file__).parent.parent / "fixtures" / "linkedin"


def table(kind: str, rows: Sequence[Mapping[str, str]], *, file: str = "",
          first_line: int = 2) -> Table:
    """A Table as csvfile builds it: lower-case header names, one line per record."""
    names = list(dict.fromkeys(name for row in rows for name in row))
    columns = {name.lower(): [row.get(name, "") for row in rows] for name in names}
    return Table(file or f"{kind}.csv", kind, columns,
                 list(range(first_line, first_line + len(rows))))


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


# ---- dates ---------------------------------------------------------------------------------

def test_activity_dates_are_utc() -> None:
    parsed = parse(table("reactions", [{"Date": "2026-06-06 03:16:20", "Type": "LIKE"}]))
    assert parsed.events["at"].tolist() == [utc("2026-06-06 03:16:20")]


@pytest.mark.parametrize(("sent_at", "expected"), [
    ("12/30/23, 2:24 AM", "2023-12-30 10:24"),  # winter: +8 h (§2.4's own example)
    ("7/8/26, 9:27 PM", "2026-07-09 04:27"),  # summer: +7 h
    ("12/15/24, 12:05 AM", "2024-12-15 08:05"),  # 12 AM is midnight
    ("12/15/24, 12:05 PM", "2024-12-15 20:05"),  # 12 PM is noon
    ("3/9/25, 1:59 AM", "2025-03-09 09:59"),  # just before the spring change: PST
    ("3/9/25, 2:30 AM", "2025-03-09 10:30"),  # the missing hour reads as PST, no error
    ("3/9/25, 3:00 AM", "2025-03-09 10:00"),  # PDT
    ("11/2/25, 1:30 AM", "2025-11-02 08:30"),  # the repeated hour: its first (PDT) time
    ("11/2/25, 2:00 AM", "2025-11-02 10:00"),  # PST again
    ("4/1/06, 3:00 AM", "2006-04-01 11:00"),  # before 2007: DST began in April
    ("4/2/06, 3:00 AM", "2006-04-02 10:00"),
])
def test_invitations_are_pacific_time(sent_at: str, expected: str) -> None:
    parsed = parse(table("invitations", [{"Sent At": sent_at, "Direction": "OUTGOING"}]))
    assert parsed.events["at"].tolist() == [utc(expected)]


def test_connections_dates_are_plain_dates_in_english() -> None:
    parsed = parse(table("connections", [
        {"URL": "", "Connected On": "09 Jul 2026"},
        {"URL": "", "Connected On": "1/8/18, 6:14 PM"},  # 2018
        {"URL": "", "Connected On": "31 Sept 2024"},  # no such day
    ]))
    assert parsed.events["on"].tolist()[:2] == [pd.Timestamp("2026-07-09"),
                                                 pd.Timestamp("2018-01-08")]
    assert [(e.line, e.column, e.message) for e in parsed.errors] == [
        (4, "Connected On", "unreadable date")]


def test_unreadable_dates_are_row_errors_and_left_out() -> None:
    parsed = parse(table("shares", [
        {"Date": "2026-04-02 22:25:49", "ShareCommentary": "x"},
        {"Date": "02/04/2026", "ShareCommentary": "x"},
        {"Date": "", "ShareCommentary": "x"},
    ], file="Shares_123.csv", first_line=2))
    assert len(parsed.events) == 1 and parsed.rows_read == 1 and parsed.rows_skipped == 2
    assert [str(e) for e in parsed.errors] == [
        "Shares_123.csv, line 3, Date: unreadable date",
        "Shares_123.csv, line 4, Date: no date"]


def test_blank_comment_dates_are_kept_but_not_errors() -> None:
    parsed = parse(table("comments", [{"Date": "", "Link": "x", "Message": "m"},
                                      {"Date": "2026-06-30 20:24:32", "Link": "x"}]))
    assert parsed.errors == () and parsed.rows_read == 2
    assert parsed.events["at"].isna().tolist() == [True, False]


def test_table_errors_pass_through() -> None:
    base = table("votes", [{"Date": "2026-06-30 20:24:32"}])
    error = Problem("Votes.csv", 9, "", "wrong number of fields")
    parsed = parse(Table(base.file, base.kind, base.columns, base.lines, (error,)))
    assert parsed.errors == (error,) and parsed.rows_read == 1 and parsed.rows_skipped == 1


def test_a_missing_date_column_is_a_file_problem() -> None:
    parsed = parse(table("reactions", [{"Type": "LIKE", "Link": "x"}]))
    assert parsed.problem is not None and "Date" in parsed.problem.message
    assert parsed.events.empty and parsed.rows_read == 0


def test_other_date_formats_of_older_exports() -> None:
    shares = parse(table("shares", [{"Date": "2017/06/08 08:15:44 UTC"}]))  # 2018
    searches = parse(table("search_queries", [{"Time": "2024/07/26 11:46:20 UTC"}]))
    messages = parse(table("messages", [{"Date": "2024-12-16 18:24:37 UTC"}]))
    recommendation = parse(table("recommendations_received",
                                 [{"Creation Date": "04/15/24, 09:25 PM"}]))
    assert shares.events["at"][0] == utc("2017-06-08 08:15:44")
    assert searches.events["at"][0] == utc("2024-07-26 11:46:20")
    assert messages.events["at"][0] == utc("2024-12-16 18:24:37")
    assert recommendation.events["at"][0] == utc("2024-04-16 04:25")


# ---- per kind --------------------------------------------------------------------------------

def test_shares_flags() -> None:
    link = "https://www.linkedin.com/feed/update/urn%3Ali%3A{}%3A7201234567890123456"
    parsed = parse(table("shares", [
        {"Date": "2026-04-02 22:25:49", "ShareLink": link.format("share"),
         "ShareCommentary": "Hello", "MediaUrl": ""},  # a post
        {"Date": "2026-04-02 22:25:49", "ShareLink": link.format("ugcPost"),
         "ShareCommentary": "", "MediaUrl": ""},  # a bare repost
        {"Date": "2026-04-02 22:25:49", "ShareLink": link.format("ugcPost"),
         "ShareCommentary": "", "MediaUrl": "https://media.licdn.com/x"},  # image only
        {"Date": "2026-04-02 22:25:49", "ShareLink": link.format("groupPost"),
         "ShareCommentary": "In the group", "MediaUrl": ""},
    ]))
    assert parsed.events["is_bare_repost"].tolist() == [False, True, False, False]
    assert parsed.events["is_group"].tolist() == [False, False, False, True]
    assert set(parsed.events.columns) == {"at", "line", "is_group", "is_bare_repost"}


def test_shares_2018_headers_with_spaces() -> None:
    parsed = parse(table("shares", [{"Date": "2017/06/08 08:15:44 UTC", "Share Link": "x",
                                     "Share Commentary": "", "Media URL": ""}]))
    assert parsed.events["is_bare_repost"].tolist() == [True]


def test_comments_on_group_posts() -> None:
    parsed = parse(table("comments", [
        {"Date": "2026-06-30 20:24:32",
         "Link": "https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A1-72"},
        {"Date": "2026-06-30 20:24:32",
         "Link": "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A747"},
    ]))
    assert parsed.events["is_group"].tolist() == [True, False]


def test_invitations() -> None:
    parsed = parse(table("invitations", [
        {"From": "Me", "To": " Bob", "Sent At": "7/8/26, 9:34 PM", "Direction": "OUTGOING",
         "inviterProfileUrl": "https://www.linkedin.com/in/me",
         "inviteeProfileUrl": "https://www.linkedin.com/in/bob-sample/"},
        {"From": "Ada", "To": "Me", "Sent At": "7/8/26, 9:34 PM", "Direction": "INCOMING",
         "inviterProfileUrl": "https://www.linkedin.com/in/ada",
         "inviteeProfileUrl": "https://www.linkedin.com/in/me"},
    ]))
    events = parsed.events
    assert events["outgoing"].tolist() == [True, False]
    assert events["invitee"].tolist() == ["https://www.linkedin.com/in/bob-sample",
                                          "https://www.linkedin.com/in/me"]
    assert "From" not in events and "from" not in events  # names stay behind


def test_invitations_without_url_columns_have_no_url_columns() -> None:
    parsed = parse(table("invitations", [{"Sent At": "7/8/26, 9:34 PM",
                                          "Direction": "OUTGOING"}]))
    assert "invitee" not in parsed.events and "inviter" not in parsed.events


def test_connections() -> None:
    parsed = parse(table("connections", [
        {"First Name": "Ada", "URL": "https://www.linkedin.com/in/ada", "Position": "CEO",
         "Connected On": "09 Jul 2026"},
        {"First Name": "", "URL": "", "Position": "", "Connected On": "14 Sep 2024"},
        {"First Name": "Bob", "URL": "https://www.linkedin.com/in/bob",
         "Position": "Data Science Intern\t", "Connected On": "soon"},
    ]))
    events = parsed.events
    assert events["seniority"].tolist() == ["c_suite", "unknown", "other"]
    assert events["url"].tolist()[2] == "https://www.linkedin.com/in/bob"  # kept for matching
    assert events["on"].isna().tolist() == [False, False, True]
    assert parsed.rows_read == 2 and parsed.rows_skipped == 1


def test_messages() -> None:
    me = "https://www.linkedin.com/in/me"
    parsed = parse(table("messages", [
        {"CONVERSATION ID": "2-a", "SENDER PROFILE URL": me,
         "DATE": "2026-04-06 16:35:35 UTC", "FOLDER": "INBOX", "IS MESSAGE DRAFT": "No"},
        {"CONVERSATION ID": "2-a", "SENDER PROFILE URL": me,
         "DATE": "2026-04-06 16:35:35 UTC", "FOLDER": "INBOX", "IS MESSAGE DRAFT": "Yes"},
        {"CONVERSATION ID": "2-b", "SENDER PROFILE URL": "", "FROM": "LinkedIn Member",
         "CONVERSATION TITLE": "Sponsored Conversation",
         "DATE": "2026-04-06 16:35:35 UTC", "FOLDER": "INBOX"},
        {"CONVERSATION ID": "2-c", "SENDER PROFILE URL": "https://www.linkedin.com/in/x",
         "DATE": "2026-04-06 16:35:35 UTC", "FOLDER": "SPAM", "CONTENT": "Buy"},
    ]))
    events = parsed.events
    assert events["is_countable"].tolist() == [True, False, False, False]
    assert events["conversation"].tolist() == [0, 0, 1, 2]
    assert events["sender"].tolist()[:3] == [me, me, ""]
    # names are kept for the export's people; what anyone wrote never is
    assert set(events.columns) == {"at", "line", "conversation", "sender", "is_countable",
                                   "sender_name", "to_names"}
    assert "Buy" not in events.astype(str).to_numpy().ravel().tolist()


def test_profile_positions_and_named_rows() -> None:
    profile = parse(table("profile", [{"First Name": "Ada", "Headline": "Helping X",
                                       "Summary": ""}]))
    assert profile.events[["has_headline", "has_summary"]].values.tolist() == [[True, False]]
    positions = parse(table("positions", [
        {"Company Name": "A", "Description": "Leads", "Started On": "Nov 2022",
         "Finished On": ""},
        {"Company Name": "B", "Description": "", "Started On": "2024",
         "Finished On": "Nov 2024"},
    ]))
    assert positions.events["is_current"].tolist() == [True, False]
    assert positions.events["has_description"].tolist() == [True, False]
    skills = parse(table("skills", [{"Name": "Python"}, {"Name": ""}, {"Name": "SQL"}]))
    assert len(skills.events) == 2


def test_rich_media_uploads() -> None:
    parsed = parse(table("rich_media", [
        {"Date/Time": "You uploaded a profile photo on June 6, 2026 at 3:16 AM (GMT)"},
        {"Date/Time": "You uploaded a profile background photo on June 6, 2026 at 3:16 AM "
                      "(GMT)"},
        {"Date/Time": "You uploaded a video on November 12, 2024 at 2:56 AM (GMT)"},
        {"Type": "Video content can be downloaded at"},
    ]))
    assert parsed.events["upload"].tolist() == ["profile photo", "profile background photo",
                                                "video", ""]


def test_every_kind_has_a_parser() -> None:
    assert {kind for kind, _ in archive.KINDS} == set(PARSERS)


# ---- values ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.linkedin.com/in/ada-example", "https://www.linkedin.com/in/ada-example"),
    ("www.linkedin.com/in/ada-example-1a2b3c4d5",
     "https://www.linkedin.com/in/ada-example-1a2b3c4d5"),
    ("http://WWW.LinkedIn.com/in/ada/", "https://www.linkedin.com/in/ada"),
    ("https://www.linkedin.com/in/ada?trk=x#top", "https://www.linkedin.com/in/ada"),
    ("https://www.linkedin.com/in/zo%C3%AB-ex%C3%A4mple-a1b2c3",
     "https://www.linkedin.com/in/zoë-exämple-a1b2c3"),
    (" ", ""),
])
def test_normalize_profile_url(url: str, expected: str) -> None:
    assert normalize_profile_url(url) == expected


def test_member_url_from_outgoing_invitations_first() -> None:
    invitations = pd.DataFrame({"outgoing": [False, True], "inviter": ["a", "me"]})
    messages = pd.DataFrame({"sender": ["b"], "conversation": [0]})
    assert member_url(invitations, messages) == "me"


def test_member_url_from_the_most_conversations() -> None:
    messages = pd.DataFrame({"sender": ["me", "me", "x", "x", "x", "y", ""],
                             "conversation": [0, 1, 0, 0, 0, 1, 2]})
    assert member_url(pd.DataFrame(), messages) == "me"
    assert member_url(pd.DataFrame(), pd.DataFrame({"line": []})) == ""


# ---- golden files ------------------------------------------------------------------------------

def summarize(parsed: Parsed) -> dict[str, Any]:
    """What a golden file pins down: counts, errors, and events per ISO week (or in all, for
    kinds without dates) overall and per flag and category."""
    events = parsed.events
    weeks = _week_keys(events)
    summary: dict[str, Any] = {
        "kind": parsed.kind, "rows_read": parsed.rows_read,
        "rows_skipped": parsed.rows_skipped,
        "errors": [[e.line, e.column, e.message] for e in parsed.errors],
        "problem": parsed.problem.message if parsed.problem else None,
        "columns": sorted(events.columns),
        "events": _count(weeks, events.index)}
    for name in sorted(events.columns):
        if events[name].dtype == bool:
            summary[name] = _count(weeks, events.index[events[name]])
        elif name in ("seniority", "upload"):
            summary[name] = {str(k): int(n) for k, n in
                             sorted(events[name].value_counts().items())}
    return summary


def _week_keys(events: pd.DataFrame) -> list[str]:
    """The Monday of each row's UTC day ("no date" when blank, "all" for undated kinds)."""
    when = events["at"].dt.tz_localize(None) if "at" in events else events.get("on")
    if when is None:
        return ["all"] * len(events)
    return ["no date" if pd.isna(t) else
            (t.date() - dt.timedelta(days=t.weekday())).isoformat() for t in when]


def _count(weeks: list[str], rows: pd.Index) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in rows:
        counts[weeks[i]] = counts.get(weeks[i], 0) + 1
    return dict(sorted(counts.items()))


GOLDEN = sorted(FIXTURES.glob("*.csv")) if FIXTURES.exists() else []


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_files(path: Path) -> None:
    kind = archive.kind_of(path.name)
    assert kind is not None, path.name
    read = csvfile.read_table(SourceFile(kind, path.name, path.read_bytes()))
    assert isinstance(read, Table), read
    got = summarize(parse(read))
    expected_path = path.with_suffix(".expected.json")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    assert got == json.loads(expected_path.read_text())


# ---- Connections re-saved by a spreadsheet program -------------------------------------------

RESAVED = sorted((FIXTURES / "resaved").glob("Connections.dates-*.csv"))


@pytest.mark.parametrize("path", RESAVED, ids=[p.stem.split(".", 1)[1] for p in RESAVED])
def test_connections_resaved_by_a_spreadsheet(path: Path) -> None:
    """Each `resaved/Connections.dates-<format>.csv` is a Connections.csv as a spreadsheet
    program writes it back (one date format per file); its `.expected.json` holds the golden
    summary plus the notes for the report and the day read on each line. The files in one
    format hold the same people on the same days, so their weekly counts are equal."""
    read = csvfile.read_table(SourceFile("connections", path.name, path.read_bytes()))
    assert isinstance(read, Table), read
    parsed = parse(read)
    got = {**summarize(parsed), "notes": list(parsed.notes), "days": _days_by_line(parsed)}
    expected_path = path.with_suffix(".expected.json")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    assert got == json.loads(expected_path.read_text())


def _days_by_line(parsed: Parsed) -> dict[str, str]:
    if "on" not in parsed.events:
        return {}
    return {str(line): "no date" if pd.isna(on) else on.date().isoformat()
            for line, on in zip(parsed.events["line"], parsed.events["on"], strict=True)}


def test_every_readable_resaved_connections_file_reads_the_same_days() -> None:
    readable = [p for p in RESAVED if "ambiguous" not in p.name and "one-bad" not in p.name]
    days = {p.name: json.loads(p.with_suffix(".expected.json").read_text()) for p in readable}
    assert len(days) == 7
    first = days[readable[0].name]
    for name, expected in days.items():
        assert list(expected["days"].values()) == list(first["days"].values()), name
        assert expected["events"] == first["events"] and not expected["errors"], name
        assert len(expected["notes"]) == 1, name


def test_an_ambiguous_column_is_one_file_problem_and_no_row_errors() -> None:
    path = FIXTURES / "resaved" / "Connections.dates-ambiguous.csv"
    read = csvfile.read_table(SourceFile("connections", path.name, path.read_bytes()))
    assert isinstance(read, Table)
    parsed = parse(read)
    assert parsed.errors == () and parsed.rows_read == 0 and parsed.events.empty
    assert parsed.problem is not None
    assert str(parsed.problem).startswith(
        "Connections.dates-ambiguous.csv: the dates in the Connected On column were "
        "changed by a spreadsheet program")
    assert "2/6/2026 could be 2 June or 6 February" in parsed.problem.message
    assert "Download your data export again" in parsed.problem.message


def _connections(days: Sequence[str]) -> Table:
    return table("connections", [{"URL": f"https://www.linkedin.com/in/p{i}",
                                  "Connected On": day} for i, day in enumerate(days)])


def test_one_bad_date_in_200_linkedin_dates_is_one_row_error_as_before() -> None:
    days = [f"{1 + i % 28:02d} Mar 2026" for i in range(200)]
    days[120] = "31 Feb 2026"
    parsed = parse(_connections(days))
    assert [(e.line, e.message) for e in parsed.errors] == [(122, "unreadable date")]
    assert parsed.problem is None and parsed.notes == () and parsed.rows_read == 199


def test_day_first_and_month_first_in_one_column_cannot_be_read() -> None:
    parsed = parse(_connections(["13/2/2026", "2/13/2026", "3/4/2026", "5/6/2026"]))
    assert parsed.problem is not None and parsed.errors == ()
    assert "some are written month first and others day first" in parsed.problem.message


def test_mostly_unreadable_dates_are_one_file_problem() -> None:
    parsed = parse(table("reactions", [{"Date": "soon"}, {"Date": "later"},
                                       {"Date": "2026-06-06 03:16:20"}], file="Reactions.csv"))
    assert parsed.problem is not None and parsed.errors == () and parsed.events.empty
    assert parsed.problem.message.startswith("most dates in the Date column cannot be read")


def test_linkedin_dates_read_by_half_keep_row_errors() -> None:
    parsed = parse(table("reactions", [{"Date": "soon"}, {"Date": "2026-06-06 03:16:20"}]))
    assert parsed.problem is None and len(parsed.errors) == 1 and parsed.notes == ()


def test_activity_resaved_by_a_spreadsheet_keeps_utc_wall_clock() -> None:
    parsed = parse(table("shares", [{"Date": "6/6/2026 3:16", "ShareCommentary": "x"},
                                    {"Date": "6/13/2026 23:59", "ShareCommentary": "x"},
                                    {"Date": "", "ShareCommentary": "x"}]))
    assert parsed.events["at"].tolist() == [utc("2026-06-06 03:16"), utc("2026-06-13 23:59")]
    assert [e.message for e in parsed.errors] == ["no date"]
    assert parsed.notes == ("Date: dates as a spreadsheet program writes them, read as "
                            "month/day/year (like 1/31/2026)",)


def test_invitations_resaved_by_a_spreadsheet_are_still_pacific_time() -> None:
    parsed = parse(table("invitations", [
        {"Sent At": "08.07.2026 21:34", "Direction": "OUTGOING"},  # summer: +7 h
        {"Sent At": "30.12.2023 02:24", "Direction": "OUTGOING"},  # winter: +8 h
    ]))
    assert parsed.events["at"].tolist() == [utc("2026-07-09 04:34"), utc("2023-12-30 10:24")]
    assert parsed.notes and "day.month.year" in parsed.notes[0]


def test_messages_resaved_by_a_spreadsheet_with_seconds_and_am_pm() -> None:
    parsed = parse(table("messages", [
        {"CONVERSATION ID": "a", "DATE": "12/16/2024 6:24:37 PM", "FOLDER": "INBOX"},
        {"CONVERSATION ID": "a", "DATE": "12/17/2024 9:05:00 AM", "FOLDER": "INBOX"}]))
    assert parsed.events["at"].tolist() == [utc("2024-12-16 18:24:37"),
                                            utc("2024-12-17 09:05")]


def test_comments_with_blank_dates_resaved_by_a_spreadsheet() -> None:
    parsed = parse(table("comments", [{"Date": "", "Link": "x"}, {"Date": "", "Link": "x"},
                                      {"Date": "30.06.2026 20:24", "Link": "x"}]))
    assert parsed.errors == () and parsed.problem is None and parsed.rows_read == 3
    assert parsed.events["at"].tolist()[2] == utc("2026-06-30 20:24")
