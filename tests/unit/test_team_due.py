"""Who is due for a check-in, stale data, and the reminder a coach copies."""

from __future__ import annotations

import datetime as dt

from ssi_coach.model import CheckIn, Person
from ssi_coach.team.due import (
    DueRow,
    days_since,
    due_people,
    is_stale,
    latest_text,
    reminder_message,
)
from ssi_coach.team.periods import Period

from .conftest import TODAY, checkin

NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30), "November 2026")  # TODAY: 22nd


def person(name: str, *days: str) -> Person:
    checkins: tuple[CheckIn, ...] = tuple(checkin(day) for day in days)
    return Person(name, checkins, saved_on=TODAY)


TEAM = (
    person("Ann", "2026-09-01", "2026-11-02"),  # 20 days, in November: not due
    person("Bob", "2026-10-20"),  # 33 days, none in November
    person("Cara", "2026-10-25"),  # 28 days: fresh enough, but none in November
    person("Dan"),  # never
    person("Eve", "2026-10-23"),  # exactly 30 days
)


def test_the_due_list_longest_wait_first_with_reasons() -> None:
    assert due_people(TEAM, TODAY, NOVEMBER) == (
        DueRow("Dan", None, None, True, True, "No check-in yet."),
        DueRow("Bob", dt.date(2026, 10, 20), 33, True, True,
               "No check-in for 33 days, none in November 2026."),
        DueRow("Eve", dt.date(2026, 10, 23), 30, True, True,
               "No check-in for 30 days, none in November 2026."),
        DueRow("Cara", dt.date(2026, 10, 25), 28, False, True,
               "No check-in in November 2026; the latest is 28 days old."),
    )


def test_someone_stale_but_checked_in_during_a_long_period_is_still_due() -> None:
    year = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31), "2026")
    rows = due_people(TEAM, TODAY, year)
    assert [(r.name, r.reason) for r in rows] == [
        ("Dan", "No check-in yet."), ("Bob", "No check-in for 33 days."),
        ("Eve", "No check-in for 30 days.")]


def test_equal_waits_go_by_name() -> None:
    team = (person("zoe", "2026-09-01"), person("Al", "2026-09-01"))
    assert [r.name for r in due_people(team, TODAY, NOVEMBER)] == ["Al", "zoe"]


def test_stale_from_thirty_days() -> None:
    assert not is_stale(person("A", "2026-10-24"), TODAY)  # 29 days
    assert is_stale(person("A", "2026-10-23"), TODAY)  # 30 days
    assert is_stale(person("A"), TODAY)
    # A check-in dated after today is not the latest yet.
    assert days_since(person("A", "2026-10-01", "2026-12-01"), TODAY) == 52


def test_the_latest_date_is_marked_when_stale() -> None:
    assert latest_text(person("A", "2026-11-02"), TODAY) == "2 Nov 2026"
    assert latest_text(person("A", "2026-10-04"), TODAY) == "4 Oct 2026 (stale: 49 days)"
    assert latest_text(person("A"), TODAY) == "no check-in yet"


def test_the_reminder_explains_how_to_send_a_fresh_link() -> None:
    text = reminder_message("Ann  Lee", "Chris Coach", "https://example.org/ssi/")
    assert text.startswith("Hi Ann,\n")
    assert text.endswith("Thanks!\nChris Coach")
    steps = ["https://example.org/ssi/", "Data → Share a read-only report",
             "Include my weekly activity totals", "Create link", "send it back"]
    positions = [text.find(step) for step in steps]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "<" not in text and "&" not in text  # plain text, ready to paste anywhere


def test_the_reminder_without_names_or_address_still_reads() -> None:
    text = reminder_message(" ", "", "")
    assert text.startswith("Hi,\n") and text.endswith("Thanks!")
    assert "Open ssi-coach (ssi-coach)" not in text
