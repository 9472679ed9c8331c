"""The monthly .ics reminder: read back by the maintained `icalendar` library, line by line."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.checkins.dashboard import build_dashboard
from ssi_coach.checkins.due import first_reminder_day, next_due
from ssi_coach.exporters.reminder import (
    LINKEDIN_SSI_URL,
    escape_text,
    fold_line,
    monthly_reminder_ics,
)

from .conftest import checkin

APP_URL = "https://ssi-coach.example.org/app/"
FIRST_DAY = dt.date(2026, 12, 1)
STAMP = dt.datetime(2026, 11, 22, 9, 30, 5, tzinfo=dt.UTC)


def ics(app_url: str = APP_URL, first_day: dt.date = FIRST_DAY,
        stamp: dt.datetime = STAMP) -> str:
    return monthly_reminder_ics(app_url=app_url, first_day=first_day, stamp=stamp)


def event(text: str) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def test_icalendar_reads_a_monthly_all_day_event() -> None:
    text = ics()
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert "ssi-coach" in str(calendar["PRODID"])
    found = event(text)
    assert str(found["SUMMARY"]) == "Check your SSI"
    assert found["RRULE"]["FREQ"] == ["MONTHLY"]
    assert found["DTSTART"].dt == FIRST_DAY
    assert not isinstance(found["DTSTART"].dt, dt.datetime)  # all day: a DATE, no time
    assert found["DTEND"].dt == dt.date(2026, 12, 2)
    assert str(found["URL"]) == APP_URL
    assert found["DTSTAMP"].dt == STAMP
    assert str(found["UID"]).endswith("@ssi-coach")


def test_the_description_says_where_to_read_the_score_and_where_to_add_it() -> None:
    description = str(event(ics())["DESCRIPTION"])
    assert LINKEDIN_SSI_URL in description
    assert APP_URL in description
    assert "\n" in description  # two steps, on two lines


def test_an_alarm_shows_at_nine_on_the_day() -> None:
    alarms = event(ics()).walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0]["TRIGGER"].dt == dt.timedelta(hours=9)  # after the day's 00:00 start
    assert str(alarms[0]["DESCRIPTION"]) == "Check your SSI"


def test_the_raw_lines_are_the_rfc_5545_ones() -> None:
    lines = ics().split("\r\n")
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    assert lines[-2:] == ["END:VCALENDAR", ""]
    for expected in ("DTSTART;VALUE=DATE:20261201", "DTEND;VALUE=DATE:20261202",
                     "RRULE:FREQ=MONTHLY", "DTSTAMP:20261122T093005Z", "SUMMARY:Check your SSI",
                     f"URL:{APP_URL}", "TRIGGER;RELATED=START:PT9H", "ACTION:DISPLAY"):
        assert expected in lines


@pytest.mark.parametrize("app_url", [
    APP_URL,
    "https://example.org/" + "very-long-path/" * 30 + "?utm=reminder",
    "https://例え.jp/ssi-coach/アプリ/" + "é" * 80,
])
def test_every_line_ends_in_crlf_and_has_at_most_75_octets(app_url: str) -> None:
    text = ics(app_url)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line


def test_a_long_app_url_is_folded_and_unfolds_to_the_same_value() -> None:
    long_url = "https://example.org/" + "a-very-long-path-segment/" * 12 + "?from=reminder"
    text = ics(long_url)
    assert f"URL:{long_url}" not in text.split("\r\n")  # too long for one line
    assert f"URL:{long_url}\r\n" in unfold(text)
    found = event(text)
    assert str(found["URL"]) == long_url
    assert long_url in str(found["DESCRIPTION"])


def test_commas_semicolons_and_backslashes_are_escaped_in_text() -> None:
    url = "https://example.org/app?a=1,2;b=\\x"
    text = ics(url)
    assert "?a=1\\,2\\;b=\\\\x" in unfold(text)  # escaped in DESCRIPTION (TEXT)
    assert f"URL:{url}\r\n" in unfold(text)  # not in URL (a URI value)
    found = event(text)
    assert url in str(found["DESCRIPTION"])
    assert str(found["URL"]) == url


@pytest.mark.parametrize(("text", "escaped"), [
    ("plain", "plain"),
    ("a, b; c", "a\\, b\\; c"),
    ("back\\slash", "back\\\\slash"),
    ("two\nlines", "two\\nlines"),
    ("crlf\r\nline", "crlf\\nline"),
    ("\\n is not a line break", "\\\\n is not a line break"),
])
def test_text_escaping(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=400))
def test_folding_never_splits_a_character_and_unfolds_to_the_line(line: str) -> None:
    pieces = list(fold_line(line))
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert pieces[0] + "".join(piece[1:] for piece in pieces[1:]) == line


def test_folding_uses_the_whole_75_octets() -> None:
    assert [len(p) for p in fold_line("x" * 200)] == [75, 75, 52]
    assert [len(p.encode()) for p in fold_line("é" * 40)] == [74, 7]  # 2 octets each, never split


def test_the_uid_depends_only_on_the_app_url_and_the_first_day() -> None:
    def uid(text: str) -> str:
        return str(event(text)["UID"])

    later = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    assert uid(ics()) == uid(ics(stamp=later))
    assert uid(ics()) != uid(ics(first_day=dt.date(2026, 12, 2)))
    assert uid(ics()) != uid(ics(app_url=APP_URL + "x"))
    assert ics() == ics()  # nothing else changes it: the clock is never read


@pytest.mark.parametrize(("stamp", "written"), [
    (dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
     "DTSTAMP:20261122T090000Z"),
    (dt.datetime(2026, 11, 22, 9, 0), "DTSTAMP:20261122T090000Z"),  # naive is taken as UTC
])
def test_dtstamp_is_utc(stamp: dt.datetime, written: str) -> None:
    assert written in ics(stamp=stamp).split("\r\n")


@pytest.mark.parametrize("day", [1, 15, 28, 29, 30, 31])
def test_the_reminder_comes_every_month_whatever_the_first_day(day: int) -> None:
    first_day = dt.date(2027, 1, day)
    found = event(ics(first_day=first_day))
    rule = rrulestr(found["RRULE"].to_ical().decode(),
                    dtstart=dt.datetime.combine(first_day, dt.time()))
    dates = [d.date() for d in rule[:24]]
    assert dates[0] == first_day
    assert [(d.year, d.month) for d in dates] == [
        (2027 + m // 12, m % 12 + 1) for m in range(24)]
    # The set day when the month has it, else the month's last day.
    assert all(d.day == day or (d + dt.timedelta(days=1)).day == 1 for d in dates)


@pytest.mark.parametrize("app_url", ["", "https://example.org/\r\nBEGIN:VEVENT", "a\tb"])
def test_an_app_url_that_would_break_the_file_is_a_programming_error(app_url: str) -> None:
    with pytest.raises(ValueError, match="app_url"):
        ics(app_url)


# ---- when the next check-in is due -------------------------------------------------------

def test_a_checkin_is_due_thirty_days_after_the_last_one() -> None:
    assert next_due(dt.date(2026, 11, 1)) == dt.date(2026, 12, 1)
    assert next_due(dt.date(2026, 12, 15)) == dt.date(2027, 1, 14)


@pytest.mark.parametrize(("last", "today", "first"), [
    ("2026-11-01", dt.date(2026, 11, 22), dt.date(2026, 12, 1)),  # due later: wait for it
    ("2026-10-01", dt.date(2026, 11, 22), dt.date(2026, 11, 22)),  # overdue: from today
    ("2026-10-23", dt.date(2026, 11, 22), dt.date(2026, 11, 22)),  # due today
])
def test_the_reminder_starts_when_the_next_checkin_is_due_never_in_the_past(
        last: str, today: dt.date, first: dt.date) -> None:
    checkins = (checkin("2026-06-01"), checkin(last))
    assert first_reminder_day(checkins, today) == first


def test_without_checkins_the_reminder_starts_today() -> None:
    assert first_reminder_day((), dt.date(2026, 11, 22)) == dt.date(2026, 11, 22)


@given(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
       st.integers(min_value=0, max_value=400))
def test_the_reminder_starts_on_the_day_the_dashboard_calls_due(
        last: dt.date, days_later: int) -> None:
    today = last + dt.timedelta(days=days_later)
    board = build_dashboard([checkin(last.isoformat())], today)
    assert board is not None
    first = first_reminder_day([checkin(last.isoformat())], today)
    assert first == (today if board.due else board.due_on)
