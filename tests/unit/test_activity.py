"""The weekly activity form and the profile checklist: missing stays missing, bad values
are refused per field."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.log import (
    iso_week,
    new_week_form,
    read_checklist_form,
    read_week_form,
    week_to_form,
)
from ssi_coach.model import CHECKLIST_KEYS, MEASURE_KEYS, WeekLog, week_of

from .conftest import TODAY  # a Sunday: 2026-11-22
from .strategies import week_logs


def test_weeks_are_named_by_their_monday() -> None:
    assert week_of(dt.date(2026, 11, 22)) == dt.date(2026, 11, 16)
    assert week_of(dt.date(2026, 11, 16)) == dt.date(2026, 11, 16)
    with pytest.raises(ValueError):
        WeekLog(dt.date(2026, 11, 17))


@pytest.mark.parametrize("week", ["2026-11-18", "2026-W47", " 2026-11-16 "])
def test_any_day_or_iso_week_names_the_week(week: str) -> None:
    result = read_week_form({"week": week, "posts": "1"}, today=TODAY)
    assert result.week is not None and result.week.week == dt.date(2026, 11, 16)


@pytest.mark.parametrize(("day", "shown"), [
    (dt.date(2026, 11, 16), "2026-W47"), (dt.date(2026, 11, 22), "2026-W47"),
    (dt.date(2026, 1, 1), "2026-W01"),  # a Thursday: week 1 of its own year
    (dt.date(2027, 1, 1), "2026-W53"),  # a Friday: the last week of the year before
    (dt.date(2024, 12, 30), "2025-W01"),  # a Monday in December opening the next year
])
def test_the_week_field_shows_the_iso_week(day: dt.date, shown: str) -> None:
    assert iso_week(day) == shown


def test_a_new_week_form_starts_on_this_week_with_blank_counts() -> None:
    assert new_week_form(TODAY) == {"week": "2026-W47"}
    result = read_week_form(new_week_form(TODAY), today=TODAY)
    assert result.week == WeekLog(dt.date(2026, 11, 16), {})


@given(week_logs, st.dates(dt.date(2014, 1, 1), dt.date(2100, 1, 1)))
def test_editing_a_week_opens_the_form_that_reads_back_as_that_week(
        log: WeekLog, day: dt.date) -> None:
    today = max(day, log.week)
    assert read_week_form(week_to_form(log), today=today).week == log
    year, week = iso_week(day).split("-W")
    assert week_of(dt.date.fromisocalendar(int(year), int(week), 1)) == week_of(day)


def test_blank_fields_are_missing_not_zero() -> None:
    result = read_week_form({"week": "2026-W47", "posts": "2", "comments_written": "0",
                             "messages_sent": ""}, today=TODAY)
    assert result.week is not None
    assert dict(result.week.counts) == {"posts": 2, "comments_written": 0}
    assert result.week.count("messages_sent") is None


def test_an_empty_week_is_allowed() -> None:
    result = read_week_form({"week": "2026-W46"}, today=TODAY)
    assert result.week is not None and dict(result.week.counts) == {}


@pytest.mark.parametrize(("field", "typed", "says"), [
    ("posts", "-1", "whole number"),
    ("posts", "1.5", "whole number"),
    ("posts", "abc", "whole number"),
    ("meetings", "20000", "typo"),
])
def test_bad_counts_are_refused_per_field(field: str, typed: str, says: str) -> None:
    result = read_week_form({"week": "2026-W47", field: typed}, today=TODAY)
    assert result.week is None
    assert [(e.field, says in e.message) for e in result.errors] == [(field, True)]


@pytest.mark.parametrize(("part", "whole"), [("requests_accepted", "requests_sent"),
                                             ("replies_received", "messages_sent")])
def test_a_part_cannot_exceed_its_whole(part: str, whole: str) -> None:
    refused = read_week_form({"week": "2026-W47", part: "6", whole: "5"}, today=TODAY)
    assert [e.field for e in refused.errors] == [part]
    assert "cannot be more" in refused.errors[0].message
    assert read_week_form({"week": "2026-W47", part: "5", whole: "5"}, today=TODAY).week


@pytest.mark.parametrize("week", ["", "next week", "2026-W54", "2026-11-23"])
def test_a_missing_bad_or_future_week_is_refused(week: str) -> None:
    result = read_week_form({"week": week}, today=TODAY)
    assert result.week is None and result.errors[0].field == "week"


def test_checklist_keeps_unanswered_items_apart_from_no() -> None:
    checklist = read_checklist_form({"photo": "yes", "headline": "no", "about": ""}, TODAY)
    assert dict(checklist.items) == {"photo": True, "headline": False}
    assert (checklist.answered(), checklist.done()) == (2, 1)
    assert len(CHECKLIST_KEYS) == 14 and len(MEASURE_KEYS) == 26
