"""The weekly habit: the streak of logged weeks, and the weekly .ics reminder beside the
monthly one (read back by the maintained `icalendar` library)."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.log import weekly_streak
from ssi_coach.exporters.reminder import (
    MONTHLY,
    WEEKLY,
    first_weekly_day,
    monthly_reminder_ics,
    reminder_ics,
    weekly_reminder_ics,
)
from ssi_coach.model import WeekLog, week_of

from .strategies import week_log_lists

TODAY = dt.date(2026, 11, 25)  # a Wednesday
THIS = week_of(TODAY)


def logs(*weeks_ago: int, counts: dict[str, int] | None = None) -> list[WeekLog]:
    return [WeekLog(THIS - dt.timedelta(weeks=n), {"posts": 1} if counts is None else counts)
            for n in weeks_ago]


@pytest.mark.parametrize(("case", "weeks", "streak"), [
    ("nothing logged", [], 0),
    ("this week only", logs(0), 1),
    ("this week and the two before", logs(0, 1, 2), 3),
    ("this week not logged yet: the streak ends last week", logs(1, 2, 3), 3),
    ("a gap breaks it", logs(0, 1, 3, 4), 2),
    ("last logged two weeks ago: broken", logs(2, 3), 0),
    ("a week logged with zeros is logged", logs(0, 1, counts={"posts": 0}), 2),
    ("an empty log is not", logs(0, counts={}) + logs(1, 2), 2),
    ("a week after today does not count", logs(-1, 1), 1),
])
def test_weekly_streak(case: str, weeks: list[WeekLog], streak: int) -> None:
    assert weekly_streak(weeks, TODAY) == streak, case


def test_the_streak_crosses_new_year_by_iso_weeks() -> None:
    weeks = [WeekLog(dt.date(2026, 12, 28), {"posts": 1}),  # ISO week 53 of 2026
             WeekLog(dt.date(2027, 1, 4), {"posts": 1})]
    assert weekly_streak(weeks, dt.date(2027, 1, 10)) == 2  # a Sunday: its own week counts


@given(week_log_lists(max_size=10), st.dates(dt.date(2014, 1, 1), dt.date(2100, 1, 1)))
def test_the_streak_is_a_run_of_logged_weeks_ending_this_week_or_last(
        weeks: tuple[WeekLog, ...], today: dt.date) -> None:
    streak = weekly_streak(weeks, today)
    logged = {w.week for w in weeks if w.counts}
    end = week_of(today) if week_of(today) in logged else week_of(today) - dt.timedelta(weeks=1)
    run = [end - dt.timedelta(weeks=n) for n in range(streak)]
    assert set(run) <= logged
    assert end - dt.timedelta(weeks=streak) not in logged
    assert 0 <= streak <= len(logged)


# ---- the weekly reminder -------------------------------------------------------------------

APP_URL = "https://ssi-coach.example.org/app/"
STAMP = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)


def weekly(first_day: dt.date = TODAY, app_url: str = APP_URL) -> str:
    return weekly_reminder_ics(app_url=app_url, first_day=first_day, stamp=STAMP)


def event(text: str) -> icalendar.Event:
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 1
    return events[0]


@pytest.mark.parametrize("offset", range(7))
def test_the_weekly_reminder_comes_every_monday_from_the_next_one(offset: int) -> None:
    asked = dt.date(2026, 11, 23) + dt.timedelta(days=offset)  # Monday 23 Nov to Sunday 29
    found = event(weekly(asked))
    first = dt.date(2026, 11, 23) if offset == 0 else dt.date(2026, 11, 30)
    assert found["DTSTART"].dt == first == first_weekly_day(asked)
    assert not isinstance(found["DTSTART"].dt, dt.datetime)  # all day
    assert found["DTEND"].dt == first + dt.timedelta(days=1)
    rule = rrulestr(found["RRULE"].to_ical().decode(),
                    dtstart=dt.datetime.combine(first, dt.time()))
    dates = [d.date() for d in rule[:60]]
    assert dates == [first + dt.timedelta(weeks=n) for n in range(60)]  # every Monday


def test_the_weekly_reminder_says_to_log_the_week_and_rings_at_nine() -> None:
    text = weekly()
    found = event(text)
    assert str(found["SUMMARY"]) == "Log your LinkedIn activity"
    assert "Log a week" in str(found["DESCRIPTION"]) and APP_URL in str(found["DESCRIPTION"])
    assert str(found["URL"]) == APP_URL
    alarm = found.walk("VALARM")[0]
    assert alarm["TRIGGER"].dt == dt.timedelta(hours=9)
    assert str(alarm["DESCRIPTION"]) == "Log your LinkedIn activity"
    lines = text.split("\r\n")
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO" in lines and "DTSTART;VALUE=DATE:20261130" in lines
    assert "Weekly" in str(icalendar.Calendar.from_ical(text)["PRODID"])


@pytest.mark.parametrize("app_url", [APP_URL, "https://例え.jp/" + "é" * 80])
def test_the_weekly_file_keeps_rfc_5545_lines(app_url: str) -> None:
    text = weekly(app_url=app_url)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_weekly_and_monthly_reminders_live_side_by_side() -> None:
    monday = dt.date(2026, 11, 30)
    week = event(weekly(monday))
    month = event(monthly_reminder_ics(app_url=APP_URL, first_day=monday, stamp=STAMP))
    assert str(week["UID"]) != str(month["UID"])  # neither replaces the other
    assert weekly(monday) == weekly(monday)  # the same file twice: the clock is never read
    assert str(event(weekly(TODAY))["UID"]) == str(week["UID"])  # same Monday, same event


def test_one_builder_serves_both_cadences() -> None:
    first = dt.date(2026, 12, 1)
    assert reminder_ics(MONTHLY, app_url=APP_URL, first_day=first, stamp=STAMP) == \
        monthly_reminder_ics(app_url=APP_URL, first_day=first, stamp=STAMP)
    assert reminder_ics(WEEKLY, app_url=APP_URL, first_day=first, stamp=STAMP) == weekly(first)
    with pytest.raises(ValueError, match="app_url"):
        weekly(app_url="https://example.org/\r\nBEGIN:VEVENT")
