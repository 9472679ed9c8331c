"""The LinkedIn import end to end: weekly counts, missing versus zero, checklist facts and the
network summary; first from hand-made tables through `aggregate`, then from whole synthetic
exports (tests/linkedin_export.py) through `read_export`."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from ssi_coach.importers.linkedin import import_steps, read_export
from ssi_coach.importers.linkedin.aggregate import Summary, aggregate
from ssi_coach.importers.linkedin.parsers import PARSERS, parse
from ssi_coach.importers.linkedin.types import (
    ExportReading,
    ImportRefused,
    Progress,
    Table,
    Upload,
)
from ssi_coach.model import NetworkSummary
from tests import linkedin_export as generator

ME = "https://www.linkedin.com/in/ada-example"


def table(kind: str, rows: Sequence[Mapping[str, str]]) -> Table:
    names = list(dict.fromkeys(name for row in rows for name in row))
    columns = {name.lower(): [row.get(name, "") for row in rows] for name in names}
    return Table(f"{kind}.csv", kind, columns, list(range(2, 2 + len(rows))))


def summarize(*tables: Table) -> Summary:
    return aggregate([parse(t) for t in tables])


def week(summary: Summary, monday: str) -> Mapping[str, int]:
    found = [w.counts for w in summary.weeks if w.week == dt.date.fromisoformat(monday)]
    assert found, f"no week {monday}"
    return found[0]


# ---- weeks, missing versus zero -------------------------------------------------------------

def test_weeks_are_iso_weeks_of_the_utc_instant() -> None:
    summary = summarize(table("reactions", [
        {"Date": "2026-06-07 23:59:59"},  # Sunday
        {"Date": "2026-06-08 00:00:00"},  # Monday
    ]))
    assert [w.week for w in summary.weeks] == [dt.date(2026, 6, 1), dt.date(2026, 6, 8)]
    assert [w.counts for w in summary.weeks] == [{"reactions_given": 1},
                                                 {"reactions_given": 1}]
    assert (summary.first_day, summary.last_day) == (dt.date(2026, 6, 7), dt.date(2026, 6, 8))


def test_known_from_a_files_first_row_to_the_last_day_of_the_export() -> None:
    summary = summarize(
        table("reactions", [{"Date": "2026-06-03 10:00:00"}]),
        table("votes", [{"Date": "2026-06-16 10:00:00"}]))
    assert [(w.week.isoformat(), dict(w.counts)) for w in summary.weeks] == [
        ("2026-06-01", {"reactions_given": 1}),  # before Votes' first row: votes missing
        ("2026-06-08", {"reactions_given": 0}),
        ("2026-06-15", {"reactions_given": 0, "votes": 1})]  # reactions known, zero


def test_shares_measures() -> None:
    summary = summarize(table("shares", [
        {"Date": "2026-06-02 10:00:00", "ShareLink": "urn%3Ali%3Ashare%3A1",
         "ShareCommentary": "Hello", "MediaUrl": ""},
        {"Date": "2026-06-02 10:00:00", "ShareLink": "urn%3Ali%3AugcPost%3A2",
         "ShareCommentary": "", "MediaUrl": ""},
        {"Date": "2026-06-02 10:00:00", "ShareLink": "urn%3Ali%3AgroupPost%3A3-4",
         "ShareCommentary": "Group", "MediaUrl": ""},
    ]), table("instant_reposts", [{"Date": "2026-06-03 10:00:00"}]))
    assert week(summary, "2026-06-01") == {"posts": 1, "reshares": 2, "group_posts": 1}


def test_comments_measures_and_blank_dates() -> None:
    summary = summarize(table("comments", [
        {"Date": "2026-06-02 10:00:00", "Link": "urn%3Ali%3AgroupPost%3A3-4"},
        {"Date": "2026-06-02 10:00:00", "Link": "urn%3Ali%3AugcPost%3A2"},
        {"Date": "", "Link": "urn%3Ali%3AgroupPost%3A3-4"},
    ]))
    assert week(summary, "2026-06-01") == {"comments_written": 1, "group_posts": 1}


GROUP_LINK = "https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A1234567-7201234567890"
FEED_LINK = "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7201234567890123456"
MEDIA = "https://media.licdn.com/dms/image/v2/D4E22AQ1"
# One row per week: (kind, the row without its date, the one measure it must land in).
ONE_EACH: list[tuple[str, dict[str, str], str]] = [
    ("shares", {"ShareLink": GROUP_LINK, "ShareCommentary": "", "MediaUrl": ""}, "group_posts"),
    ("shares", {"ShareLink": GROUP_LINK, "ShareCommentary": "", "MediaUrl": MEDIA},
     "group_posts"),
    ("shares", {"ShareLink": GROUP_LINK, "ShareCommentary": "Hi all", "MediaUrl": ""},
     "group_posts"),
    ("shares", {"ShareLink": FEED_LINK, "ShareCommentary": "", "MediaUrl": ""}, "reshares"),
    ("shares", {"ShareLink": FEED_LINK, "ShareCommentary": "", "MediaUrl": MEDIA}, "posts"),
    ("shares", {"ShareLink": FEED_LINK, "ShareCommentary": "Hello", "MediaUrl": ""}, "posts"),
    ("comments", {"Link": GROUP_LINK, "Message": "Agreed"}, "group_posts"),
    ("comments", {"Link": FEED_LINK, "Message": "Agreed"}, "comments_written"),
    ("instant_reposts", {"Link": FEED_LINK}, "reshares"),
    ("instant_reposts", {"Link": GROUP_LINK}, "reshares"),
]


def test_each_feed_row_lands_in_exactly_one_measure_group_first() -> None:
    """A bare repost into a group is one group post, not a reshare too; a comment on a group
    post is one group post, not a comment written too; an instant repost is a reshare."""
    mondays = [dt.date(2026, 6, 1) + dt.timedelta(weeks=i) for i in range(len(ONE_EACH))]
    by_kind: dict[str, list[dict[str, str]]] = {}
    for monday, (kind, row, _) in zip(mondays, ONE_EACH, strict=True):
        by_kind.setdefault(kind, []).append({"Date": f"{monday} 10:00:00", **row})
    summary = summarize(*(table(kind, rows) for kind, rows in by_kind.items()))
    for monday, (kind, row, measure) in zip(mondays, ONE_EACH, strict=True):
        counted = {k: v for k, v in week(summary, monday.isoformat()).items() if v}
        assert counted == {measure: 1}, (kind, row)


def test_invitations_and_acceptance() -> None:
    summary = summarize(
        table("invitations", [
            {"Sent At": "6/1/26, 9:00 AM", "Direction": "OUTGOING", "inviterProfileUrl": ME,
             "inviteeProfileUrl": "https://www.linkedin.com/in/bob/"},
            {"Sent At": "6/1/26, 9:00 AM", "Direction": "OUTGOING", "inviterProfileUrl": ME,
             "inviteeProfileUrl": "https://www.linkedin.com/in/carol"},
            {"Sent At": "6/2/26, 9:00 AM", "Direction": "INCOMING",
             "inviterProfileUrl": "https://www.linkedin.com/in/dan", "inviteeProfileUrl": ME},
        ]),
        table("connections", [
            {"URL": "https://www.linkedin.com/in/bob", "Position": "Founder",
             "Connected On": "10 Jun 2026"},  # accepted a week later: counted when sent
            {"URL": "https://www.linkedin.com/in/dan", "Position": "Engineer",
             "Connected On": "02 Jun 2026"},
            {"URL": "", "Position": "", "Connected On": "03 Jun 2026"},
        ]))
    assert week(summary, "2026-06-01") == {
        "requests_sent": 2, "invitations_received": 1, "requests_accepted": 1,
        "connections_added": 2, "decision_makers_added": 0}
    assert week(summary, "2026-06-08")["connections_added"] == 1
    assert week(summary, "2026-06-08")["decision_makers_added"] == 1
    assert week(summary, "2026-06-08")["requests_accepted"] == 0
    assert summary.network.invitations_sent == 2
    assert summary.network.invitations_accepted == 1
    assert summary.network.connections_by_month == {"2026-06": {"other": 1, "owner": 1,
                                                                "unknown": 1}}


def test_acceptance_is_missing_without_connections() -> None:
    summary = summarize(table("invitations", [
        {"Sent At": "6/1/26, 9:00 AM", "Direction": "OUTGOING", "inviterProfileUrl": ME,
         "inviteeProfileUrl": "https://www.linkedin.com/in/bob"}]))
    assert "requests_accepted" not in week(summary, "2026-06-01")


def message(conversation: str, sender: str, date: str, **more: str) -> dict[str, str]:
    return {"CONVERSATION ID": conversation, "SENDER PROFILE URL": sender,
            "DATE": f"{date} UTC", "FOLDER": "INBOX", **more}


def test_messages_and_conversations() -> None:
    other = "https://www.linkedin.com/in/bob"
    summary = summarize(table("messages", [
        message("a", other, "2026-06-09 10:00:00"),  # a reply, the week after
        message("a", ME, "2026-06-05 10:00:00"),  # started by the member
        message("b", ME, "2026-06-03 10:00:00"),  # started, never answered
        message("c", other, "2026-06-02 10:00:00"),  # started by someone else
        message("c", ME, "2026-06-02 11:00:00"),
        message("d", "", "2026-06-02 11:00:00", **{"CONVERSATION TITLE":
                                                   "Sponsored Conversation"}),
        message("e", ME, "2026-06-01 09:00:00", **{"IS MESSAGE DRAFT": "Yes"}),
    ]))
    assert week(summary, "2026-06-01") == {
        "messages_sent": 3, "messages_received": 1, "conversations_started": 2,
        "replies_received": 1}
    assert week(summary, "2026-06-08") == {
        "messages_sent": 0, "messages_received": 1, "conversations_started": 0,
        "replies_received": 0}
    assert (summary.network.conversations_started, summary.network.conversations_replied) \
        == (2, 1)


def test_message_measures_missing_without_the_members_url() -> None:
    summary = summarize(table("messages", [message("a", "", "2026-06-05 10:00:00")]))
    assert summary.weeks == ()


def test_recommendations_search_and_weekday() -> None:
    summary = summarize(
        table("recommendations_given", [{"Creation Date": "06/07/26, 11:30 PM"}]),  # Mon UTC
        table("search_queries", [{"Time": "2026/06/07 23:00:00 UTC"}]),  # Sunday
        table("reactions", [{"Date": "2026-06-10 10:00:00"}]))  # Wednesday
    assert week(summary, "2026-06-08")["recommendations_given"] == 1
    assert week(summary, "2026-06-01")["people_searches"] == 1
    assert summary.network.by_weekday == (0, 0, 1, 0, 0, 0, 0)


# ---- checklist ----------------------------------------------------------------------------------

def test_checklist_facts_and_evidence() -> None:
    summary = summarize(
        table("profile", [{"Headline": "I help founders", "Summary": ""}]),
        table("positions", [{"Description": "", "Finished On": ""},
                            {"Description": "x", "Finished On": "Nov 2024"}]),
        table("skills", [{"Name": n} for n in ("a", "b", "c", "d", "e", "f")]),
        table("education", []),
        table("certifications", []),
        table("rich_media", [{"Date/Time": "You uploaded a profile photo on June 6, 2026 at "
                                           "3:16 AM (GMT)"}]),
        table("invitations", [{"Sent At": "6/1/26, 9:00 AM", "Direction": "OUTGOING",
                               "inviterProfileUrl": ME + "-1a2b3c4d5",
                               "inviteeProfileUrl": "x"}]))
    assert summary.checklist == {
        "photo": True, "headline": True, "about": False, "current_role": False,
        "past_roles": True, "skills": True, "education": False, "custom_url": False}
    assert summary.checklist_evidence["skills"] == "skills.csv: 6 skills"
    assert summary.checklist_evidence["photo"] == "rich_media.csv: you uploaded a profile photo"
    assert "certifications" not in summary.checklist  # Courses.csv absent: no verdict


def test_certifications_from_courses_and_custom_url() -> None:
    summary = summarize(
        table("certifications", []), table("courses", [{"Name": "Russian", "Number": "1"}]),
        table("recommendations_received", [{"Creation Date": "06/07/26, 11:30 PM"}] * 3),
        table("endorsements_received", []),
        table("invitations", [{"Sent At": "6/1/26, 9:00 AM", "Direction": "OUTGOING",
                               "inviterProfileUrl": ME, "inviteeProfileUrl": "x"}]))
    assert summary.checklist == {"certifications": True, "three_recommendations": True,
                                 "endorsements": False, "custom_url": True}
    assert summary.checklist_evidence["certifications"] == "courses.csv: 1 course"


# ---- any column may be missing ------------------------------------------------------------------

DATE_OF = {"connections": ("Connected On", "09 Jul 2026"),
           "invitations": ("Sent At", "7/8/26, 9:34 PM"),
           "search_queries": ("Time", "2024/07/26 11:46:20 UTC"),
           "messages": ("Date", "2026-04-06 16:35:35 UTC"),
           "recommendations_received": ("Creation Date", "12/24/23, 05:28 AM"),
           "recommendations_given": ("Creation Date", "12/24/23, 05:28 AM")}


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_files_with_only_a_date_or_nothing_useful_do_not_fail(kind: str) -> None:
    label, value = DATE_OF.get(kind, ("Date", "2026-06-06 03:16:20"))
    dated = parse(table(kind, [{label: value}] * 2))
    assert dated.problem is None and dated.rows_read == 2
    assert isinstance(aggregate([dated]), Summary)
    undated = parse(table(kind, [{"Something Else": "x"}] * 2))
    assert isinstance(aggregate([undated]), Summary)
    header_only = parse(Table(f"{kind}.csv", kind, {label.lower(): []}, []))
    assert header_only.problem is None and header_only.rows_read == 0
    assert aggregate([header_only]).weeks == ()


def test_every_measure_has_its_own_kind_present() -> None:
    """Each measure comes from files of its own: none is known without them."""
    tables = [table(kind, [{"Date": "2026-06-06 03:16:20"}])
              for kind in ("shares", "comments", "reactions")]
    summary = aggregate([parse(t) for t in tables])
    assert set(summary.weeks[0].counts) == {"posts", "reshares", "group_posts",
                                            "comments_written", "reactions_given"}


# ---- the entry point ----------------------------------------------------------------------------

CSV = b"Date,Type,Link\n2026-06-30 20:24:32,LIKE,x\nnot a date,LIKE,y\n"


def test_import_steps_report_progress_then_one_reading() -> None:
    steps = list(import_steps([Upload("Reactions.csv", CSV), Upload("notes.csv", b"a\n")]))
    assert [type(s) for s in steps] == [Progress, Progress, ExportReading]
    assert steps[0] == Progress(0, 2, "Reading Reactions.csv")
    reading = steps[-1]
    assert isinstance(reading, ExportReading)
    assert [(f.name, f.kind, f.rows_read, f.rows_skipped) for f in reading.files] == [
        ("Reactions.csv", "reactions", 1, 1)]
    assert reading.ignored == ("notes.csv",)
    assert [(e.file, e.line, e.column) for e in reading.errors] == [("Reactions.csv", 3, "Date")]
    assert reading.weeks[0].counts == {"reactions_given": 1}


def test_refused_uploads_yield_only_the_refusal() -> None:
    steps = list(import_steps([Upload("photo.png", b"x")]))
    assert len(steps) == 1 and isinstance(steps[0], ImportRefused)
    assert isinstance(read_export([]), ImportRefused)


# ---- the fixture export (tests/fixtures/linkedin) -------------------------------------------

FIXTURES = Path(__file__).parent.parent / "fixtures" / "linkedin"


def fixture_reading() -> ExportReading:
    uploads = [Upload(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.csv"))]
    reading = read_export(uploads)
    assert isinstance(reading, ExportReading), reading
    return reading


def test_fixture_export_files_and_errors() -> None:
    reading = fixture_reading()
    assert len(reading.files) == 22 and reading.ignored == () and reading.problems == ()
    assert [str(e) for e in reading.errors] == [
        "Connections.csv, line 10, Connected On: unreadable date",
        "messages.csv, line 10, Date: unreadable date",
        "Invitations.csv, line 6, Sent At: unreadable date",
        "Shares_1234567.csv, line 10, Date: unreadable date"]
    assert (reading.first_day, reading.last_day) == (dt.date(2023, 12, 24),
                                                    dt.date(2026, 7, 9))


def test_fixture_export_weeks() -> None:
    weeks = {w.week.isoformat(): w.counts for w in fixture_reading().weeks}
    assert min(weeks) == "2023-12-18" and max(weeks) == "2026-07-06"
    assert len(weeks) == 134  # every week in between is known for something
    assert weeks["2023-12-18"] == {"recommendations_received": 1}  # nothing else known yet
    assert {k: v for k, v in weeks["2026-04-06"].items() if v} == {
        "messages_sent": 1, "messages_received": 1, "conversations_started": 1,
        "replies_received": 1}
    assert {k: v for k, v in weeks["2026-06-29"].items() if v} == {
        "reshares": 2, "group_posts": 1, "comments_written": 1, "reactions_given": 2,
        "connections_added": 2, "decision_makers_added": 1}
    assert {k: v for k, v in weeks["2026-07-06"].items() if v} == {
        "requests_sent": 1, "connections_added": 2, "decision_makers_added": 1,
        "requests_accepted": 1}
    assert len(weeks["2026-07-06"]) == 18  # every measure the export knows, most of them 0


def test_fixture_export_checklist_and_network() -> None:
    reading = fixture_reading()
    assert reading.checklist == {
        "photo": True, "headline": True, "about": False, "current_role": True,
        "past_roles": True, "education": True, "skills": False, "volunteering": True,
        "three_recommendations": True, "endorsements": True, "certifications": True,
        "custom_url": False}
    assert reading.checklist_evidence["skills"] == "Skills.csv: 4 skills"
    assert reading.network == NetworkSummary(
        connections_by_month={"2024-09": {"unknown": 1}, "2026-06": {"owner": 1},
                              "2026-07": {"c_suite": 1, "other": 2}},
        undated_connections=1, invitations_sent=3, invitations_accepted=1,
        conversations_started=2, conversations_replied=1, by_weekday=(5, 3, 4, 2, 1, 1, 4))


# ---- whole synthetic exports --------------------------------------------------------------------

def _specs() -> dict[str, generator.ExportSpec]:
    """Every variant in every layout, and the damage and gaps worth a test of their own."""
    spec = generator.ExportSpec
    specs: dict[str, generator.ExportSpec] = {
        f"{variant}-{layout}": spec(variant=variant, layout=layout, seed=i + 1)
        for i, (variant, layout) in enumerate(
            (v, lay) for v in generator.VARIANTS for lay in generator.LAYOUTS)}
    specs.update({
        "split-zips": spec(split=True, macosx=True, seed=11),
        "corrupt-rows": spec(corrupt_rows=8, blank_date_comments=3, seed=12),
        "generated-url": spec(owner_slug=generator.GENERATED_SLUG, seed=13),
        "no-connections": spec(omit=frozenset({"connections"}), seed=14),
        "no-invitations": spec(omit=frozenset({"invitations"}), seed=15),
        "profile-gaps": spec(skills=3, recommendations_received=0, education=0,
                             certifications=0, courses=0, current_role_description=False,
                             past_positions=0, headline=False, about=False,
                             profile_photo=False, volunteering=0, seed=16),
        "2024-omissions": spec(variant="2024-03", omit=frozenset({"shares", "messages"}),
                               seed=17),
        "short-history": spec(weeks=2, seed=18),
    })
    return specs


SPECS = _specs()


def read(spec: generator.ExportSpec) -> tuple[ExportReading, generator.Expected]:
    export = generator.make_export(spec)
    reading = read_export([Upload(name, data) for name, data in export.uploads])
    assert isinstance(reading, ExportReading), reading
    return reading, export.expected


@pytest.mark.parametrize("name", list(SPECS))
def test_synthetic_export_reads_as_expected(name: str) -> None:
    reading, expected = read(SPECS[name])
    assert {w.week: dict(w.counts) for w in reading.weeks} == expected.weeks
    assert [w.week for w in reading.weeks] == sorted(expected.weeks)
    assert (reading.first_day, reading.last_day) == (expected.first_day, expected.last_day)
    assert dict(reading.checklist) == expected.checklist
    assert set(reading.checklist) == set(reading.checklist_evidence)
    assert dataclasses.asdict(reading.network) == dataclasses.asdict(expected.network)


@pytest.mark.parametrize("name", list(SPECS))
def test_synthetic_export_files_rows_and_errors(name: str) -> None:
    reading, expected = read(SPECS[name])
    base = {report.name.split(" › ")[-1].rsplit("/", 1)[-1]: report for report in reading.files}
    assert {name: report.rows_read for name, report in base.items()} == expected.rows_read
    assert reading.problems == ()
    errors = sorted((e.file.split(" › ")[-1].rsplit("/", 1)[-1], e.line) for e in reading.errors)
    assert errors == sorted(expected.bad_rows)
    assert sum(report.rows_skipped for report in reading.files) == len(expected.bad_rows)


def test_reading_is_deterministic() -> None:
    spec = SPECS["corrupt-rows"]
    first, _ = read(spec)
    second, _ = read(spec)
    assert first == second


def test_large_export_is_read_exactly() -> None:
    """Ten years of a very active member, read exactly. How long it takes is measured by
    `make bench` (tests/bench/bench_import.py), never asserted here."""
    export = generator.make_export(generator.ExportSpec.large())
    reading = read_export([Upload(name, data) for name, data in export.uploads])
    assert isinstance(reading, ExportReading)
    assert {w.week: dict(w.counts) for w in reading.weeks} == export.expected.weeks


def _feed_spec(omit: frozenset[str] = frozenset()) -> generator.ExportSpec:
    """A 2026 export with plenty of the overlapping rows: bare reposts into groups (every
    third group post) and comments on group posts."""
    return generator.ExportSpec(seed=21, group_posts=12, bare_reposts=10, comments=60,
                                group_comments=15, blank_date_comments=2, omit=omit)


def _rows_per_week(data: bytes, *, escape: bool = False) -> Counter[dt.date]:
    """A 2026 feed file's dated rows by ISO week, read with Python's csv module."""
    text = io.StringIO(data.decode("utf-8"), newline="")
    reader = csv.DictReader(text, escapechar="\\" if escape else None)
    days = [dt.datetime.strptime(row["Date"], "%Y-%m-%d %H:%M:%S").date()
            for row in reader if row["Date"]]
    return Counter(day - dt.timedelta(days=day.weekday()) for day in days)


def _feed_file(files: Mapping[str, bytes], prefix: str) -> bytes:
    [data] = [data for name, data in files.items() if name.startswith(prefix)]
    return data


def _summed(reading: ExportReading, keys: Sequence[str]) -> dict[dt.date, int]:
    return {w.week: sum(w.counts.get(key, 0) for key in keys) for w in reading.weeks}


def test_shares_rows_per_week_are_posts_reshares_and_group_posts() -> None:
    """Without Comments and InstantReposts, each week's posts + reshares + group posts is
    that week's Shares rows, bare reposts into groups included."""
    spec = _feed_spec(omit=frozenset({"comments", "instant_reposts"}))
    export = generator.make_export(spec)
    shares = _feed_file(export.files, "Shares_")
    assert re.search(rb'groupPost[^,\n]*,"","","",', shares)  # a bare repost into a group
    reading, _ = read(spec)
    rows = _rows_per_week(shares)
    assert sum(rows.values()) == 30 + 12 + 10  # posts, group posts, bare reposts
    assert _summed(reading, ("posts", "reshares", "group_posts")) == {
        w.week: rows.get(w.week, 0) for w in reading.weeks}
    assert set(rows) <= {w.week for w in reading.weeks}


def test_feed_rows_per_week_land_in_exactly_one_measure() -> None:
    """Shares, dated Comments and InstantReposts rows of each week add up to that week's
    posts + reshares + group posts + comments written: no row counted twice or lost."""
    spec = _feed_spec()
    export = generator.make_export(spec)
    comments = _feed_file(export.files, "Comments_")
    assert b"groupPost" in comments
    rows = (_rows_per_week(_feed_file(export.files, "Shares_"))
            + _rows_per_week(comments, escape=True)
            + _rows_per_week(_feed_file(export.files, "InstantReposts_")))
    reading, _ = read(spec)
    assert _summed(reading, ("posts", "reshares", "group_posts", "comments_written")) == {
        w.week: rows.get(w.week, 0) for w in reading.weeks}
    assert set(rows) <= {w.week for w in reading.weeks}
