"""The monthly team report: leaderboard, movers, who is due, segments and shared activity,
and the same report as CSV and as a workbook (read back with openpyxl). Every figure below
is worked out by hand from the team described here."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from ssi_coach.model import Document, Person, Target, WeekLog
from ssi_coach.team.report import (
    LeaderRow,
    Mover,
    SegmentRow,
    team_report,
    team_report_csv,
    team_report_xlsx,
)

from .conftest import checkin

START, END, TODAY = dt.date(2026, 10, 1), dt.date(2026, 10, 31), dt.date(2026, 11, 5)
FULL = {"posts": 1, "comments_written": 2, "requests_sent": 3, "messages_sent": 4,
        "replies_received": 1}


def person(name: str, checkins: tuple[tuple[str, float], ...], *, tags: tuple[str, ...] = (),
           target: Target | None = None, weeks: tuple[WeekLog, ...] = ()) -> Person:
    """A person whose check-ins have the given totals (spread over the four pillars)."""
    return Person(name, tuple(checkin(on, (total / 4,) * 4) for on, total in checkins),
                  dt.date(2026, 11, 1), target=target, tags=tags, activity=weeks)


def week(iso: str, **counts: int) -> WeekLog:
    return WeekLog(dt.date.fromisoformat(iso), counts)


TEAM = (
    # 40 -> 46 in October (+6); last check-in 16 days before today.
    person("Ann", (("2026-09-15", 40), ("2026-10-20", 46)), tags=("region: EMEA", "Executives"),
           target=Target(dt.date(2027, 6, 30), 70),
           weeks=(week("2026-10-05", **FULL), week("2026-10-12", **FULL, meetings=2),
                  week("2026-10-19", **FULL), week("2026-10-26", **FULL))),
    # 50 -> 48 (−2); "Region :emea" is the same segment as Ann's "region: EMEA".
    person("Bo", (("2026-09-01", 50), ("2026-10-10", 48)), tags=("Region :emea", "team: North"),
           weeks=(week("2026-10-05", posts=1),)),
    # Nothing in October, 65 days since 1 Sep: due for both reasons; change unknown.
    person("Cy", (("2026-08-01", 30), ("2026-09-01", 33)), tags=("region: US",)),
    # 60 on 20 Sep -> 61 on 2 Oct (+1); the 70 of 3 Nov is after the period and left out.
    person("Di", (("2026-09-20", 60), ("2026-10-02", 61), ("2026-11-03", 70)),
           tags=("region: US", "Executives")),
    person("Eve", ()),  # never checked in
    # 42 -> 46 (+4): level with Ann, so they share third place.
    person("Fay", (("2026-09-30", 42), ("2026-10-31", 46)),
           target=Target(dt.date(2027, 3, 31), pillars={"brand": 20, "people": 18})),
    # 40 -> 30 (−10), 31 days before today: due, though they checked in during the period.
    person("Gus", (("2026-09-01", 40), ("2026-10-05", 30))),
)
REPORT = team_report(Document((), TEAM), START, END, TODAY)


def test_leaderboard_ranks_the_latest_ssi_by_the_periods_end() -> None:
    from ssi_coach.team.targets import on_track

    fay = on_track(next(p for p in TEAM if p.name == "Fay"), TODAY)
    assert fay is not None and fay.text.startswith("behind by")  # as the page's board says
    assert REPORT.leaderboard == (
        LeaderRow(1, "Di", dt.date(2026, 10, 2), 61, 1, "—"),
        LeaderRow(2, "Bo", dt.date(2026, 10, 10), 48, -2, "—"),
        LeaderRow(3, "Ann", dt.date(2026, 10, 20), 46, 6, "70 by 30 Jun 2027: on track"),
        LeaderRow(3, "Fay", dt.date(2026, 10, 31), 46, 4,
                  f"Brand 20, People 18 by 31 Mar 2027: {fay.text}"),
        LeaderRow(5, "Cy", dt.date(2026, 9, 1), 33, None, "—"),
        LeaderRow(6, "Gus", dt.date(2026, 10, 5), 30, -10, "—"),
    )
    assert REPORT.people == 7  # Eve is in the team but has no SSI to rank
    assert REPORT.title == "Team report, 1 Oct 2026 – 31 Oct 2026"


def test_movers_are_the_biggest_rises_and_falls() -> None:
    assert REPORT.movers_up == (Mover("Ann", 6, 46), Mover("Fay", 4, 46), Mover("Di", 1, 61))
    assert REPORT.movers_down == (Mover("Gus", -10, 30), Mover("Bo", -2, 48))


def test_movers_lists_stop_at_five() -> None:
    risers = tuple(person(f"P{n}", (("2026-09-01", 30), ("2026-10-15", 30 + n)))
                   for n in range(1, 8))
    report = team_report(Document((), risers), START, END, TODAY)
    assert [m.name for m in report.movers_up] == ["P7", "P6", "P5", "P4", "P3"]
    assert report.movers_down == ()


def test_due_lists_who_has_no_recent_check_in_or_none_in_the_period() -> None:
    assert [(r.name, r.latest_on, r.days_since, r.reason) for r in REPORT.due] == [
        ("Eve", None, None, "No check-in yet."),
        ("Cy", dt.date(2026, 9, 1), 65, "No check-in for 65 days, none in the period."),
        ("Gus", dt.date(2026, 10, 5), 31, "No check-in for 31 days."),
    ]


def test_segments_group_tags_by_kind_and_compare_them() -> None:
    assert REPORT.segments == (
        SegmentRow("region", "EMEA", 2, 47, 2, 2),  # Ann 46/+6, Bo 48/−2
        SegmentRow("region", "US", 2, 47, 1, 1),  # Cy 33/unknown, Di 61/+1
        SegmentRow("team", "North", 1, 48, -2, 1),
        SegmentRow("", "Executives", 2, 53.5, 3.5, 2),  # Ann, Di: tags without a kind last
    )


def test_activity_totals_add_up_what_people_shared() -> None:
    assert [a.name for a in REPORT.activity] == ["Ann", "Bo"]
    totals = REPORT.activity_totals
    assert (totals.people, totals.weeks) == (2, 5)
    assert dict(totals.totals) == {"posts": 5, "comments_written": 8, "requests_sent": 12,
                                   "messages_sent": 16, "replies_received": 4, "meetings": 2}


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        team_report(Document((), TEAM), END, START, TODAY)


# ---- files --------------------------------------------------------------------------------

def _csv_sections(text: str) -> dict[str, list[list[str]]]:
    """Title -> header and rows, from the blank-line-separated sections."""
    assert text.startswith("\ufeff")
    lines = list(csv.reader(io.StringIO(text[1:])))
    found: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for before, line in zip([[], *lines], lines, strict=False):
        if not before and line:
            current = found.setdefault(line[0], [])
        elif line:
            current.append(line)
    return found


def test_csv_holds_every_section_in_order() -> None:
    text = team_report_csv(REPORT)
    assert "\r\n" in text
    found = _csv_sections(text)
    assert list(found) == ["Team report, 1 Oct 2026 – 31 Oct 2026", "Leaderboard",
                           "Biggest movers",
                           "Due for a check-in (none for 30+ days, or none in the period)",
                           "Segments", "Shared activity", "About"]
    board = found["Leaderboard"]
    assert board[0] == ["Place", "Name", "Latest check-in", "Latest SSI",
                        "Change over the period", "Target"]
    assert board[1] == ["1", "Di", "2026-10-02", "61", "1", "—"]
    assert board[5] == ["5", "Cy", "2026-09-01", "33", "", "—"]  # unknown change: blank
    assert found["Biggest movers"][1:] == [["Up", "Ann", "6", "46"], ["Up", "Fay", "4", "46"],
                                           ["Up", "Di", "1", "61"], ["Down", "Gus", "-10", "30"],
                                           ["Down", "Bo", "-2", "48"]]
    due = next(rows for title, rows in found.items() if title.startswith("Due"))
    assert [r[0] for r in due[1:]] == ["Eve", "Cy", "Gus"]
    assert found["Segments"][4] == ["(no kind)", "Executives", "2", "53.5", "3.5", "2"]
    activity = found["Shared activity"]
    assert activity[1] == ["Ann", "4", "4", "8", "12", "16", "4", "2", "10", "6"]
    assert ["Posts, team total", "5"] in activity


def test_csv_of_a_quiet_period_says_none_and_escapes_formula_like_names() -> None:
    team = (person("=HYPERLINK(1)", (("2026-05-01", 20),)),)
    found = _csv_sections(team_report_csv(team_report(Document((), team), START, END, TODAY)))
    assert found["Leaderboard"][1][1] == "'=HYPERLINK(1)"
    assert found["Biggest movers"][1:] == [["(none)"]]


def test_workbook_has_a_typed_sheet_per_section() -> None:
    book = openpyxl.load_workbook(io.BytesIO(team_report_xlsx(REPORT)))
    assert book.sheetnames == ["Leaderboard", "Movers", "Due", "Segments", "Activity", "About"]
    board = book["Leaderboard"]
    assert board.freeze_panes == "A2"
    assert [c.value for c in board[1]] == ["Place", "Name", "Latest check-in", "Latest SSI",
                                           "Change over the period", "Target"]
    assert [c.value for c in board[2]] == [1, "Di", dt.datetime(2026, 10, 2), 61, 1, "—"]
    assert board["C2"].number_format == "yyyy-mm-dd"
    assert board["E6"].value is None  # Cy's unknown change is an empty cell, not 0
    assert board.max_row == 7
    due = book["Due"]
    assert [c.value for c in due[2]] == ["Eve", None, None, "No check-in yet."]
    assert due["C3"].value == 65
    about = {row[0].value: row[1].value for row in book["About"].iter_rows(min_row=2)}
    assert about["People in the team"] == 7
    assert about["Period starts"] == dt.datetime(2026, 10, 1)
    activity = book["Activity"]
    assert [c.value for c in activity[3]] == ["Bo", 1, 1, None, None, None, None, None, 1, -2]


def test_workbook_writes_a_formula_like_name_as_text() -> None:
    team = (person("=1+1", (("2026-10-05", 20),)),)
    book = openpyxl.load_workbook(io.BytesIO(team_report_xlsx(
        team_report(Document((), team), START, END, TODAY))))
    cell = book["Leaderboard"]["B2"]
    assert cell.value == "=1+1" and cell.data_type == "s"
