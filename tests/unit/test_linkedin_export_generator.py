"""The synthetic LinkedIn export generator (tests/linkedin_export.py), on its own: the files
look like the real ones of each variant, and the expected results agree with what Python's
csv module reads back from them. Nothing here uses the importer."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from tests.linkedin_export import (
    BASIC_KINDS,
    C_SUITE,
    CONNECTIONS,
    COURSES,
    DIRECTOR,
    FOLDER,
    GENERATED_SLUG,
    HEAD,
    KINDS,
    LOOSE,
    MEASURE_SOURCES,
    MESSAGES,
    OWNER,
    SEARCH_QUERIES,
    SENIORITY_CLASSES,
    TITLES,
    V2018,
    V2024_03,
    V2026,
    VARIANTS,
    VP,
    ExportSpec,
    GeneratedExport,
    has_generated_suffix,
    make_export,
    week_of,
)

PACIFIC = ZoneInfo("America/Los_Angeles")
SMALL = ExportSpec()


def rows(data: bytes, *, escape: bool = False) -> list[dict[str, str]]:
    """A UTF-8 or UTF-16 CSV as dicts, the header found by name (Connections' preamble)."""
    if data.startswith(b"\xff\xfe"):
        text, delimiter = data[2:].decode("utf-16-le"), "\t"
    else:
        text, delimiter = data.decode("utf-8"), ","
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                            escapechar="\\" if escape else None))
    start = next(i for i, line in enumerate(lines) if len(line) > 1)
    header = [name.strip() for name in lines[start]]
    out = []
    for line in lines[start + 1:]:
        if any(line):
            assert len(line) == len(header), line
            out.append(dict(zip(header, line, strict=True)))
    return out


def file(export: GeneratedExport, pattern: str) -> tuple[str, bytes]:
    found = [(name, data) for name, data in export.files.items() if re.fullmatch(pattern, name)]
    assert len(found) == 1, (pattern, sorted(export.files))
    return found[0]


def zip_names(export: GeneratedExport) -> list[str]:
    names = []
    for _, data in export.uploads:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            names += archive.namelist()
    return names


@pytest.fixture(scope="module", params=VARIANTS)
def export(request: pytest.FixtureRequest) -> GeneratedExport:
    return make_export(ExportSpec(variant=request.param, seed=7, corrupt_rows=4))


# ---- archive layout and names -------------------------------------------------------------

def test_names_follow_each_variant() -> None:
    names = {v: set(zip_names(make_export(ExportSpec(variant=v)))) for v in VARIANTS}
    new, mar24, old = names[V2026], names[V2024_03], names[V2018]
    for kind in ("Shares", "Comments", "Reactions", "Votes", "InstantReposts",
                 "Member_Follows"):
        assert any(re.fullmatch(kind + r"_\d{8,10}\.csv", name) for name in new), kind
    assert {"messages.csv", "Rich_Media.csv", "SearchQueries.csv", "Volunteering.csv",
            "Connections.csv", "Invitations.csv", "Positions.csv"} <= new
    assert {"Shares.csv", "Comments.csv", "Reactions.csv", "Votes.csv", "Rich Media.csv",
            "messages.csv", "SearchQueries.csv"} <= mar24
    assert not any(name.startswith("InstantReposts") for name in mar24)
    assert {"Shares.csv", "Search Queries.csv", "Messages.csv", "Connections.csv",
            "Invitations.csv", "Profile.csv"} <= old
    assert not any(name.startswith(("Comments", "Reactions", "Votes", "Rich")) for name in old)


def test_folder_layout_with_mac_junk() -> None:
    export = make_export(ExportSpec(layout=FOLDER, macosx=True))
    (zip_name, _), = export.uploads
    assert zip_name == "Complete_LinkedInDataExport_11-20-2026.zip"
    names = zip_names(export)
    folder = "Complete_LinkedInDataExport_11-20-2026/"
    junk = [n for n in names if n.startswith("__MACOSX/") or n == ".DS_Store"]
    assert junk and any(n.startswith(f"__MACOSX/{folder}._") for n in junk)
    assert all(n.startswith(folder) for n in names if n not in junk)
    assert f"{folder}Connections.csv" in names


def test_basic_and_complete_split_the_files() -> None:
    whole = make_export(ExportSpec(seed=3))
    split = make_export(ExportSpec(seed=3, split=True))
    (basic_name, basic), (complete_name, complete) = split.uploads
    assert basic_name.startswith("Basic_LinkedInDataExport_")
    assert complete_name.startswith("Complete_LinkedInDataExport_")
    basic_names = set(zipfile.ZipFile(io.BytesIO(basic)).namelist())
    assert basic_names == {"Connections.csv", "Positions.csv", "Invitations.csv"}
    assert len(BASIC_KINDS) == len(basic_names)
    complete_names = set(zipfile.ZipFile(io.BytesIO(complete)).namelist())
    assert not basic_names & complete_names
    assert basic_names | complete_names == set(zip_names(whole))
    assert split.expected == whole.expected


def test_loose_files_are_the_csvs_themselves() -> None:
    export = make_export(ExportSpec(layout=LOOSE))
    assert export.uploads
    assert all(name.endswith(".csv") and "/" not in name for name, _ in export.uploads)
    assert all(export.files[name] == data for name, data in export.uploads)
    assert {name for name, _ in export.uploads} >= set(export.expected.rows_read)


# ---- bytes of the files ---------------------------------------------------------------------

def test_2018_utf16_files_are_tab_separated_and_fully_quoted() -> None:
    export = make_export(ExportSpec(variant=V2018))
    for name in ("Shares.csv", "Search Queries.csv"):
        data = export.files[name]
        assert data.startswith(b"\xff\xfe")
        text = data[2:].decode("utf-16-le")
        assert text.startswith('"Date"\t' if name == "Shares.csv" else '"Time"\t')
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))
        assert len({len(r) for r in records if r}) == 1
        starts = [line for line in text.split("\n") if line and not line.startswith('"')]
        assert starts == []  # every record and continuation line opens with a quote
    for name in ("Messages.csv", "Connections.csv", "Invitations.csv"):
        assert not export.files[name].startswith((b"\xff\xfe", b"\xef\xbb\xbf"))
    assert export.files["Messages.csv"].startswith(
        b"From,To,Date,Subject,Content,Direction,Folder\n")
    connections = rows(export.files["Connections.csv"])
    assert export.files["Connections.csv"].startswith(b"First Name,Last Name,Email Address,")
    assert all(re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M", r["Connected On"])
               for r in connections)


def test_2026_comments_escape_quotes_with_backslashes() -> None:
    export = make_export(ExportSpec(variant=V2026))
    _, data = file(export, r"Comments_\d+\.csv")
    assert b'\\"' in data and b'""' not in data.replace(b'\\""', b"")
    assert b'.\\""' in data  # a value ending with an escaped quote (…agree.\")
    comments = rows(data, escape=True)
    assert len(comments) == SMALL.comments
    assert any("\n" in r["Message"] for r in comments)
    assert any('"cold pitch"' in r["Message"] for r in comments)
    _, old = file(make_export(ExportSpec(variant=V2024_03)), r"Comments\.csv")
    assert b'""cold pitch""' in old and b'\\"' not in old


def test_shares_multiline_rows_follow_the_per_line_wrapping() -> None:
    for variant in VARIANTS:
        export = make_export(ExportSpec(variant=variant, posts=60))
        _, data = file(export, r"Shares(_\d+)?\.csv")
        column = "Share Commentary" if variant == V2018 else "ShareCommentary"
        values = [r[column] for r in rows(data)]
        multi = [v for v in values if "\n" in v]
        assert multi, variant
        for value in multi:
            lines = value.split("\n")
            assert all(line.endswith('"') for line in lines[:-1]), value
            assert all(line.startswith('"') for line in lines[1:]), value
        if variant != V2018:
            assert b'only.""""' in data  # an inner quote at a line end plus the wrapper
            assert b'\n""""' in data  # an empty line


def test_2026_messages_are_fully_quoted_with_raw_line_feeds() -> None:
    export = make_export(ExportSpec(variant=V2026))
    data = export.files["messages.csv"]
    assert data.startswith(b'"CONVERSATION ID","CONVERSATION TITLE","FROM"')
    messages = rows(data)
    assert any("\n" in r["CONTENT"] for r in messages)
    assert all(r["CONVERSATION ID"].startswith("2-") for r in messages)
    assert {r["IS MESSAGE DRAFT"] for r in messages} == {"Yes", "No"}
    sponsored = [r for r in messages if r["CONVERSATION TITLE"] == "Sponsored Conversation"]
    assert sponsored and all(r["FROM"] == "LinkedIn Member" and r["SENDER PROFILE URL"] == ""
                             for r in sponsored)
    assert any(r["FOLDER"] == "SPAM" for r in messages)
    group = [r for r in messages if r["RECIPIENT PROFILE URLS"].count(",") >= 1]
    assert group
    records = list(csv.reader(io.StringIO(data.decode(), newline="")))
    again = io.StringIO(newline="")
    csv.writer(again, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(records)
    assert again.getvalue().encode() == data  # every field quoted, header included


def test_2024_03_messages_are_minimally_quoted_without_line_breaks() -> None:
    data = make_export(ExportSpec(variant=V2024_03)).files["messages.csv"]
    assert data.startswith(b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
                           b"RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n")
    messages = rows(data)
    assert not any("\n" in r["CONTENT"] for r in messages)
    assert b"\n2-" in data  # unquoted ids


def test_connections_preamble_no_final_newline_and_date_only_rows() -> None:
    data = make_export(ExportSpec(variant=V2026)).files["Connections.csv"]
    assert data.startswith(b'Notes:\n"When exporting your connection data')
    assert b"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n" in data
    assert not data.endswith(b"\n")
    assert re.search(rb"\n,,,,,,\d\d [A-Z][a-z]{2} \d{4}(\n|$)", data)
    connections = rows(data)
    assert len(connections) == SMALL.connections
    assert all(re.fullmatch(r"\d\d [A-Z][a-z]{2} \d{4}", r["Connected On"]) for r in connections)


def test_mar_2024_activity_files_use_crlf_and_the_rest_lf() -> None:
    export = make_export(ExportSpec(variant=V2024_03))
    for name in ("Shares.csv", "Comments.csv", "Reactions.csv", "Votes.csv"):
        data = export.files[name]
        assert data.count(b"\r\n") >= 2 and data.split(b"\n")[0].endswith(b"\r"), name
    for name in ("messages.csv", "Invitations.csv", "Connections.csv", "SearchQueries.csv"):
        assert b"\r\n" not in export.files[name], name
    assert b"Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\r\n" in (
        export.files["Shares.csv"])
    assert export.files["Rich Media.csv"].startswith(b"Type,Link\n")


def test_quirky_values_are_there(export: GeneratedExport) -> None:
    v = export.spec.variant
    invitations = export.files["Invitations.csv"].decode()
    assert re.search(r'"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M"', invitations)
    if v == V2018:
        return
    _, reactions = file(export, r"Reactions(_\d+)?\.csv")
    assert b"?commentUrn=urn%3Ali%3Acomment%3A%28" in reactions
    assert b"FUNNY_V2" in reactions  # a type nobody documented
    _, votes = file(export, r"Votes(_\d+)?\.csv")
    assert b"urn:li:groupPost:" in votes and b"%3A" not in votes
    assert b'" Power Automate"' in votes
    recommendations = export.files["Recommendations_Received.csv"].decode()
    assert re.search(r'"\d\d/\d\d/\d\d, \d\d:\d\d [AP]M"', recommendations)
    endorsements = rows(export.files["Endorsement_Received_Info.csv"])
    assert all(r["Endorser Public Url"].startswith("www.linkedin.com/in/") for r in endorsements)
    positions = rows(export.files["Positions.csv"])
    assert any(r["Title"] != r["Title"].rstrip(" \t,") for r in positions)


# ---- expected results against the files, read with the csv module -------------------------

def test_invitations_and_connections_agree_with_the_files(export: GeneratedExport) -> None:
    expected, v = export.expected, export.spec.variant
    invitations = rows(export.files["Invitations.csv"])
    outgoing = [r for r in invitations if r["Direction"] == "OUTGOING"]
    incoming = [r for r in invitations if r["Direction"] == "INCOMING"]
    assert len(outgoing) == expected.total("requests_sent") == expected.network.invitations_sent
    assert len(incoming) == expected.total("invitations_received")
    connections = rows(export.files["Connections.csv"])
    assert len(connections) == expected.total("connections_added")
    by_month = expected.network.connections_by_month
    assert sum(sum(classes.values()) for classes in by_month.values()) == len(connections)
    decision_makers = sum(n for classes in by_month.values()
                          for cls, n in classes.items() if cls in (C_SUITE, VP, OWNER,
                                                                   DIRECTOR, HEAD))
    assert decision_makers == expected.total("decision_makers_added")
    if v == V2018:
        assert "requests_accepted" not in expected.known_from
        assert expected.network.invitations_accepted == 0
        return
    urls = {r["URL"] for r in connections if r["URL"]}
    accepted = [r for r in outgoing if r["inviteeProfileUrl"] in urls]
    assert len(accepted) == expected.total("requests_accepted") == export.spec.invitations_accepted
    assert expected.network.invitations_accepted == len(accepted)
    assert {r["inviterProfileUrl"] for r in outgoing} == {expected.owner_url}


def test_invitation_weeks_use_the_utc_instant_across_dst() -> None:
    export = make_export(ExportSpec(seed=5, weeks=160, invitations_out=80,
                                    invitations_accepted=10))
    utc_weeks: Counter[dt.date] = Counter()
    moved = 0
    for r in rows(export.files["Invitations.csv"]):
        if r["Direction"] != "OUTGOING":
            continue
        local = dt.datetime.strptime(r["Sent At"], "%m/%d/%y, %I:%M %p")
        utc = local.replace(tzinfo=PACIFIC).astimezone(dt.UTC)
        utc_weeks[week_of(utc.date())] += 1
        moved += week_of(utc.date()) != week_of(local.date())
    assert moved >= 2  # Sunday-evening invitations that belong to the next ISO week
    weeks = export.expected.weeks
    assert {w: c["requests_sent"] for w, c in weeks.items() if c.get("requests_sent")} == dict(
        utc_weeks)


def test_activity_counts_agree_with_the_files(export: GeneratedExport) -> None:
    expected, spec, v = export.expected, export.spec, export.spec.variant
    _, shares_data = file(export, r"Shares(_\d+)?\.csv")
    shares = rows(shares_data)
    link, text, media = (("Share Link", "Share Commentary", "Media URL") if v == V2018
                         else ("ShareLink", "ShareCommentary",
                               "MediaURL" if v == V2024_03 else "MediaUrl"))
    group = [r for r in shares if re.search("groupPost", r[link].replace("%3A", ":"))]
    bare = [r for r in shares if not r[text] and not r[media] and r not in group]
    assert len(group) == spec.group_posts and len(bare) == spec.bare_reposts
    assert any(not r[text] and not r[media] for r in group)  # a bare repost into a group
    assert expected.total("posts") == len(shares) - len(group) - len(bare) == spec.posts
    reposts = spec.instant_reposts if v == V2026 else 0
    assert expected.total("reshares") == len(bare) + reposts
    _, searches = file(export, r"(Search ?Queries)\.csv")
    assert expected.total("people_searches") == len(rows(searches)) == spec.searches
    if v == V2018:
        assert expected.total("group_posts") == len(group)
        assert "comments_written" not in expected.known_from
        return
    _, comments_data = file(export, r"Comments(_\d+)?\.csv")
    comments = rows(comments_data, escape=True)
    group_comments = [r for r in comments if "groupPost" in r["Link"]]
    assert len(comments) == spec.comments and len(group_comments) == spec.group_comments > 0
    assert expected.total("comments_written") == len(comments) - len(group_comments)
    assert expected.total("group_posts") == len(group) + len(group_comments)
    name, reactions = file(export, r"Reactions(_\d+)?\.csv")
    good = [line for line in reactions.decode().splitlines()[1:]
            if re.fullmatch(r"\d{4}-\d\d-\d\d [0-2]\d:[0-5]\d:[0-5]\d,[A-Z_0-9]+,[^,]+", line)]
    assert expected.total("reactions_given") == len(good) == spec.reactions
    assert expected.rows_read[name] == spec.reactions


def test_messages_agree_with_the_files(export: GeneratedExport) -> None:
    expected, v = export.expected, export.spec.variant
    name = "Messages.csv" if v == V2018 else "messages.csv"
    messages = rows(export.files[name])
    assert expected.rows_read[name] == len(messages)
    if v == V2018:
        countable = [r for r in messages if r["Folder"] != "SPAM"]
        sent = [r for r in countable if r["Direction"] == "OUTGOING"]
        assert expected.total("messages_sent") == len(sent)
        assert expected.total("messages_received") == len(countable) - len(sent)
        assert "conversations_started" not in expected.known_from
        return
    countable = [r for r in messages
                 if r["FOLDER"] != "SPAM" and r.get("IS MESSAGE DRAFT", "No") != "Yes"
                 and r["CONVERSATION TITLE"] != "Sponsored Conversation"]
    sent = [r for r in countable if r["SENDER PROFILE URL"] == expected.owner_url]
    assert expected.total("messages_sent") == len(sent)
    assert expected.total("messages_received") == len(countable) - len(sent)
    by_conversation: dict[str, list[tuple[str, bool]]] = {}
    for r in countable:
        by_conversation.setdefault(r["CONVERSATION ID"], []).append(
            (r["DATE"], r["SENDER PROFILE URL"] == expected.owner_url))
    started = replied = 0
    for items in by_conversation.values():
        items.sort()
        if items[0][1]:
            started += 1
            replied += any(not mine for when, mine in items[1:] if when > items[0][0])
    assert expected.total("conversations_started") == started
    assert expected.network.conversations_started == started
    assert expected.total("replies_received") == replied == expected.network.conversations_replied
    assert 0 < replied < started


def test_by_weekday_counts_the_member_activity(export: GeneratedExport) -> None:
    expected = export.expected
    total = sum(expected.total(key) for key in (  # one row in one measure: no overlap
        "posts", "reshares", "group_posts", "comments_written", "reactions_given", "votes",
        "messages_sent", "requests_sent"))
    assert sum(expected.network.by_weekday) == total


def test_corrupt_rows_are_listed_and_left_out() -> None:
    export = make_export(ExportSpec(corrupt_rows=6, reactions=50))
    name, data = file(export, r"Reactions_\d+\.csv")
    lines = data.decode().split("\n")
    bad = export.expected.bad_rows
    assert len(bad) == 6 and {file_name for file_name, _ in bad} == {name}
    for _, line in bad:
        text = lines[line - 1]
        fields = text.split(",")
        readable = re.fullmatch(r"\d{4}-\d\d-\d\d [01]\d:[0-5]\d:[0-5]\d|2[0-3]:[0-5]\d:[0-5]\d",
                                fields[0])
        assert len(fields) != 3 or not readable, text
    assert len(lines) - 2 == 50 + 6  # header and the final newline
    assert export.expected.rows_read[name] == 50 == export.expected.total("reactions_given")


# ---- expected results: rules and invariants --------------------------------------------------

@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_parts_never_exceed_their_whole(variant: str, seed: int) -> None:
    expected = make_export(ExportSpec(variant=variant, seed=seed)).expected
    for counts in expected.weeks.values():
        assert counts.get("requests_accepted", 0) <= counts.get("requests_sent", 0)
        assert counts.get("replies_received", 0) <= counts.get("conversations_started", 0)
        assert counts.get("conversations_started", 0) <= counts.get("messages_sent", 0)


def test_missing_versus_zero(export: GeneratedExport) -> None:
    expected = export.expected
    assert expected.first_day is not None and expected.last_day == export.spec.last_day
    mondays = list(expected.weeks)
    assert mondays[0] == week_of(expected.first_day)
    assert mondays[-1] == week_of(expected.last_day)
    assert all(b - a == dt.timedelta(days=7) for a, b in itertools.pairwise(mondays))
    for key, start in expected.known_from.items():
        assert key in MEASURE_SOURCES
        for monday, counts in expected.weeks.items():
            assert (key in counts) == (monday >= start), (key, monday)
    assert any(0 in counts.values() for counts in expected.weeks.values())
    assert min(expected.known_from.values()) == mondays[0]
    assert len(set(expected.known_from.values())) > 1  # files start at different times


def test_a_missing_file_leaves_its_measures_missing() -> None:
    full = make_export(ExportSpec(seed=4)).expected
    export = make_export(ExportSpec(seed=4, omit=frozenset({MESSAGES, CONNECTIONS})))
    expected = export.expected
    assert "messages.csv" not in export.files and "Connections.csv" not in export.files
    gone = {"messages_sent", "messages_received", "conversations_started", "replies_received",
            "connections_added", "decision_makers_added", "requests_accepted"}
    assert not gone & set(expected.known_from)
    assert all(not gone & set(counts) for counts in expected.weeks.values())
    assert expected.total("requests_sent") == full.total("requests_sent")
    assert expected.network.invitations_accepted == 0
    assert expected.network.connections_by_month == {}


def test_checklist_facts() -> None:
    full = make_export(ExportSpec()).expected.checklist
    assert full == dict.fromkeys(
        ("photo", "background_photo", "headline", "about", "current_role", "past_roles",
         "education", "skills", "certifications", "volunteering", "three_recommendations",
         "endorsements", "custom_url"), True)
    sparse = make_export(ExportSpec(
        owner_slug=GENERATED_SLUG, skills=3, certifications=0, recommendations_received=2,
        current_role_description=False, past_positions=0, headline=False, about=False,
        profile_photo=False, volunteering=0)).expected.checklist
    assert sparse == {"background_photo": True, "headline": False, "about": False,
                      "current_role": False, "past_roles": False, "education": True,
                      "skills": False, "certifications": False, "volunteering": False,
                      "three_recommendations": False, "endorsements": True,
                      "custom_url": False}
    no_courses = make_export(ExportSpec(certifications=0, omit=frozenset({COURSES})))
    assert "certifications" not in no_courses.expected.checklist  # only one of the two
    old = make_export(ExportSpec(variant=V2018)).expected
    assert set(old.checklist) == {"headline", "about", "current_role", "past_roles",
                                  "education", "skills"}
    assert old.owner_url is None
    mar24 = make_export(ExportSpec(variant=V2024_03)).expected.checklist
    assert "photo" not in mar24 and "volunteering" not in mar24


def test_generated_slug_rule() -> None:
    assert has_generated_suffix(GENERATED_SLUG)
    assert has_generated_suffix("zoë-exämple-a1b2c3")
    assert not has_generated_suffix("ada-example")
    assert not has_generated_suffix("ada-example-consulting")  # no digit
    assert not has_generated_suffix("ada-example-2")  # too short


def test_title_table_is_sane() -> None:
    decision = {C_SUITE, VP, OWNER, DIRECTOR, HEAD}
    classes = set()
    for title, (cls, is_decision_maker) in TITLES.items():
        assert cls in SENIORITY_CLASSES
        assert is_decision_maker == (cls in decision), title
        classes.add(cls)
    assert classes == set(SENIORITY_CLASSES)
    assert TITLES["Vice President, Marketing"][0] == VP
    assert TITLES["Partner Manager"] == ("other", False)


def test_same_seed_same_export_and_another_seed_another() -> None:
    a, b = make_export(ExportSpec(seed=11)), make_export(ExportSpec(seed=11))
    assert a.expected == b.expected and a.uploads == b.uploads
    c = make_export(ExportSpec(seed=12))
    assert c.expected != a.expected and c.uploads != a.uploads


def test_specs_that_cannot_be_generated_are_refused() -> None:
    with pytest.raises(ValueError, match="invitations_accepted"):
        ExportSpec(invitations_out=3, invitations_accepted=4)
    with pytest.raises(ValueError, match="variant"):
        ExportSpec(variant="2019")
    with pytest.raises(ValueError, match="omit"):
        ExportSpec(omit=frozenset({"groups"}))
    assert set(KINDS) >= {MESSAGES, SEARCH_QUERIES}


def test_large_export_has_the_asked_sizes() -> None:
    spec = ExportSpec.large()
    export = make_export(spec)  # how long it takes is for `make bench`, not a test
    expected = export.expected
    assert spec.weeks >= 500 and len(expected.weeks) >= 500
    assert expected.total("connections_added") == spec.connections == 8000
    assert expected.total("messages_sent") + expected.total("messages_received") == 60000
    assert expected.total("posts") == spec.posts == 1500
    assert expected.total("reactions_given") == 6000
    assert expected.total("comments_written") == 2500 - spec.group_comments
    assert expected.total("group_posts") == spec.group_posts + spec.group_comments
    invitations = rows(export.files["Invitations.csv"])
    assert len(invitations) == 3000
    name, _ = file(export, r"Shares_\d+\.csv")
    assert expected.rows_read[name] == 1500 + spec.group_posts + spec.bare_reposts
