"""Dates of a LinkedIn export (docs/linkedin-export.md §2.4): every format, English names
under any locale, and America/Los_Angeles daylight saving time without a time zone database."""

from __future__ import annotations

import datetime as dt
import locale
from collections.abc import Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.importers.linkedin.dates import (
    AMBIGUOUS,
    MIXED,
    SHEET_FORMATS,
    SHEET_MONTHS,
    UNRECOGNISED,
    SheetFormat,
    dst_bounds,
    month_number,
    pacific_to_utc,
    parse_connected_on,
    parse_month_year,
    parse_pacific,
    parse_rich_media,
    parse_us_local,
    parse_utc,
    read_sheet_column,
    read_sheet_value,
    rich_media_upload,
)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
        second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)


# ---- Connections ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("09 Jul 2026", dt.date(2026, 7, 9)),
    ("16 Dec 2024", dt.date(2024, 12, 16)),
    ("08 Jul 2014", dt.date(2014, 7, 8)),
    ("14 Sep 2024", dt.date(2024, 9, 14)),
    (" 9 jul 2026 ", dt.date(2026, 7, 9)),
    ("1/8/18, 6:14 PM", dt.date(2018, 1, 8)),  # 2018: the date as written, time dropped
    ("10/16/18, 8:36 AM", dt.date(2018, 10, 16)),
])
def test_connected_on_is_a_plain_date(text: str, day: dt.date) -> None:
    assert parse_connected_on(text) == day


# ---- UTC formats ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "instant"), [
    ("2026-06-06 03:16:20", utc(2026, 6, 6, 3, 16, 20)),  # activity files
    ("2024-12-16 18:24:37 UTC", utc(2024, 12, 16, 18, 24, 37)),  # messages
    ("2024/12/07 14:51:07 UTC", utc(2024, 12, 7, 14, 51, 7)),  # Endorsements, SearchQueries
    ("2017/06/08 08:15:44 UTC", utc(2017, 6, 8, 8, 15, 44)),  # 2018 Shares
    ("2021-12-20 18:09 UTC", utc(2021, 12, 20, 18, 9)),  # Learning
])
def test_numeric_dates_are_utc_instants(text: str, instant: dt.datetime) -> None:
    parsed = parse_utc(text)
    assert parsed == instant
    assert parsed is not None and parsed.utcoffset() == dt.timedelta(0)


# ---- America/Los_Angeles ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "instant"), [
    ("12/30/23, 2:24 AM", utc(2023, 12, 30, 10, 24)),  # winter: +8 h (§2.4's evidence)
    ("7/8/26, 9:27 PM", utc(2026, 7, 9, 4, 27)),  # summer: +7 h, the next UTC day
    ("12/15/24, 7:47 AM", utc(2024, 12, 15, 15, 47)),
    ("12/24/23, 05:28 AM", utc(2023, 12, 24, 13, 28)),  # Recommendations: zero-padded
    ("04/15/24, 09:25 PM", utc(2024, 4, 16, 4, 25)),
    ("11/27/24, 09:51 AM", utc(2024, 11, 27, 17, 51)),
    ("1/1/26, 12:00 AM", utc(2026, 1, 1, 8, 0)),  # midnight
    ("1/1/26, 12:30 PM", utc(2026, 1, 1, 20, 30)),  # noon
])
def test_pacific_times_become_utc(text: str, instant: dt.datetime) -> None:
    assert parse_pacific(text) == instant


@pytest.mark.parametrize(("text", "instant"), [
    ("3/8/26, 1:59 AM", utc(2026, 3, 8, 9, 59)),  # last standard minute
    ("3/8/26, 2:30 AM", utc(2026, 3, 8, 10, 30)),  # skipped hour: read as standard time
    ("3/8/26, 3:00 AM", utc(2026, 3, 8, 10, 0)),  # first daylight minute
    ("11/1/26, 12:59 AM", utc(2026, 11, 1, 7, 59)),
    ("11/1/26, 1:30 AM", utc(2026, 11, 1, 8, 30)),  # repeated hour: its first (daylight) time
    ("11/1/26, 2:00 AM", utc(2026, 11, 1, 10, 0)),  # standard again
    ("4/2/06, 2:30 AM", utc(2006, 4, 2, 10, 30)),  # before 2007: first Sunday of April
    ("10/29/06, 1:30 AM", utc(2006, 10, 29, 8, 30)),  # ... to the last Sunday of October
])
def test_daylight_saving_boundaries_never_raise(text: str, instant: dt.datetime) -> None:
    assert parse_pacific(text) == instant


def test_daylight_saving_bounds_follow_the_us_rules() -> None:
    assert dst_bounds(2026) == (dt.datetime(2026, 3, 8, 3), dt.datetime(2026, 11, 1, 2))
    assert dst_bounds(2024) == (dt.datetime(2024, 3, 10, 3), dt.datetime(2024, 11, 3, 2))
    assert dst_bounds(2006) == (dt.datetime(2006, 4, 2, 3), dt.datetime(2006, 10, 29, 2))


def _pacific_zone() -> dt.tzinfo:
    """The real zone, to check the hand-written rules against (tests only: the browser
    runtime has no time zone database)."""
    try:
        return ZoneInfo("America/Los_Angeles")
    except ZoneInfoNotFoundError:
        pytest.skip("no time zone database on this machine")


@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2037, 12, 31)))
def test_pacific_conversion_agrees_with_the_tz_database(local: dt.datetime) -> None:
    zone = _pacific_zone()
    expected = local.replace(tzinfo=zone, fold=0).astimezone(dt.UTC)
    assert pacific_to_utc(local) == expected


def test_us_local_time_keeps_the_wall_clock() -> None:
    assert parse_us_local("7/8/26, 9:34 PM") == dt.datetime(2026, 7, 8, 21, 34)


# ---- Rich_Media prose -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "what", "instant"), [
    ("You uploaded a video on November 12, 2024 at 2:56 AM (GMT)", "video",
     utc(2024, 11, 12, 2, 56)),
    ("You uploaded a document on February 7, 2025 at 7:01 AM (GMT)", "document",
     utc(2025, 2, 7, 7, 1)),
    ("You uploaded a feed photo on June 6, 2026 at 3:16 AM (GMT)", "feed photo",
     utc(2026, 6, 6, 3, 16)),
    ("You uploaded a profile background photo on April 29, 2026 at 4:47 PM (GMT)",
     "profile background photo", utc(2026, 4, 29, 16, 47)),
    ("You uploaded an image on May 1, 2026 at 12:05 AM (GMT)", "image", utc(2026, 5, 1, 0, 5)),
])
def test_rich_media_sentences(text: str, what: str, instant: dt.datetime) -> None:
    assert parse_rich_media(text) == instant
    assert rich_media_upload(text) == what


def test_rich_media_without_a_sentence() -> None:
    assert parse_rich_media("Video content can be downloaded at") is None
    assert rich_media_upload(" -") is None


# ---- profile dates ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("Jan 2025", dt.date(2025, 1, 1)),
    ("Nov 2022", dt.date(2022, 11, 1)),
    ("2018", dt.date(2018, 1, 1)),
    ("", None),
    ("Present", None),
])
def test_month_year(text: str, day: dt.date | None) -> None:
    assert parse_month_year(text) == day


# ---- English names in every locale ------------------------------------------------------------

@pytest.fixture
def foreign_locale() -> Iterator[str]:
    """A non-English LC_TIME when the machine has one (strptime's %b would then want
    `juil.` or `Jul.`); the parsers must not care either way."""
    saved = locale.setlocale(locale.LC_TIME)
    chosen = "C"
    for name in ("fr_FR.UTF-8", "de_DE.UTF-8", "ru_RU.UTF-8", "fr_FR", "de_DE"):
        try:
            chosen = locale.setlocale(locale.LC_TIME, name)
            break
        except locale.Error:
            continue
    yield chosen
    locale.setlocale(locale.LC_TIME, saved)


@pytest.mark.usefixtures("foreign_locale")
def test_month_names_and_am_pm_are_english_whatever_the_locale() -> None:
    assert parse_connected_on("09 Jul 2026") == dt.date(2026, 7, 9)
    assert parse_connected_on("01 Dec 2025") == dt.date(2025, 12, 1)
    assert parse_pacific("7/8/26, 9:34 PM") == utc(2026, 7, 9, 4, 34)
    assert parse_rich_media("You uploaded a video on March 3, 2026 at 1:00 PM (GMT)") == utc(
        2026, 3, 3, 13, 0)


def test_every_english_month() -> None:
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert [month_number(name) for name in names] == list(range(1, 13))
    assert month_number("September") == month_number("Sept") == month_number("SEP") == 9
    assert month_number("juil.") == 0


# ---- unreadable values ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "", "   ", "N/A", "Not Available", "yesterday", "31 Feb 2024", "09 Juil 2026",
    "2026-13-01 00:00:00", "2026-02-30 10:00:00 UTC", "2024-12-16 25:00:00 UTC",
    "13/1/26, 9:34 PM", "7/8/26, 13:34 PM", "7/8/26, 0:34 AM", "7/8/26, 9:34", "7/8/26",
    "2026-06-06T03:16:20Z", "You uploaded a video on Smarch 3, 2026 at 1:00 PM (GMT)",
])
def test_unreadable_values_are_none(text: str) -> None:
    assert parse_connected_on(text) is None
    assert parse_utc(text) is None
    assert parse_pacific(text) is None
    assert parse_rich_media(text) is None


def test_only_linkedins_own_us_shape_is_read_as_pacific() -> None:
    assert parse_pacific("12/31/9999, 11:00 PM") is None  # LinkedIn writes two-digit years
    assert parse_us_local("8/07/2026 9:34 pm") is None  # a spreadsheet's: may be day first
    assert parse_us_local("7/8/26 9:34 PM") is None  # no comma: not LinkedIn's either


@given(st.text(max_size=40))
def test_no_string_makes_a_parser_raise(text: str) -> None:
    for parse in (parse_connected_on, parse_utc, parse_pacific, parse_rich_media,
                  parse_month_year):
        parse(text)


# ---- dates written by a spreadsheet -----------------------------------------------------------

FORMATS = {fmt.key: fmt for fmt in SHEET_FORMATS}


def sheet(key: str) -> SheetFormat:
    return FORMATS[key]


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
       second: int = 0) -> dt.datetime:
    """A naive wall-clock time: the zone is the caller's to apply."""
    return dt.datetime(year, month, day, hour, minute, second)


@pytest.mark.parametrize(("key", "text", "moment"), [
    ("named", "6-Feb-26", at(2026, 2, 6)),  # Excel, English
    ("named", "06-Feb-2026", at(2026, 2, 6)),
    ("named", "6 Feb 2026", at(2026, 2, 6)),
    ("named", "Feb 6, 2026", at(2026, 2, 6)),  # Sheets, month first
    ("named", "6-févr.-26", at(2026, 2, 6)),  # Excel, French
    ("named", "6-fevr-26", at(2026, 2, 6)),
    ("named", "6. Mär. 2026", at(2026, 3, 6)),  # German
    ("named", "14-dic-25", at(2025, 12, 14)),  # Spanish, Italian
    ("named", "1-out-24", at(2024, 10, 1)),  # Portuguese
    ("named", "3-mrt-26", at(2026, 3, 3)),  # Dutch
    ("named", "9-août-26 21:34", at(2026, 8, 9, 21, 34)),
    ("y-m-d", "2026-02-06", at(2026, 2, 6)),
    ("y-m-d", "2026-06-06 03:16", at(2026, 6, 6, 3, 16)),
    ("y-m-d", "2026-06-06T03:16:20", at(2026, 6, 6, 3, 16, 20)),
    ("y/m/d", "2026/2/6", at(2026, 2, 6)),
    ("y.m.d", "2026.02.06", at(2026, 2, 6)),
    ("d.m.y", "06.02.2026", at(2026, 2, 6)),
    ("d.m.y", "6.2.26", at(2026, 2, 6)),
    ("d.m.y", "06.06.2026 03:16", at(2026, 6, 6, 3, 16)),
    ("m/d/y", "2/6/2026", at(2026, 2, 6)),
    ("m/d/y", "6/6/2026 3:16", at(2026, 6, 6, 3, 16)),  # Excel drops the seconds
    ("m/d/y", "7/8/2026 9:34 PM", at(2026, 7, 8, 21, 34)),
    ("m/d/y", "7/8/26, 12:05 a.m.", at(2026, 7, 8, 0, 5)),
    ("m/d/y", "12/16/2024 6:24:37\u202fPM", at(2024, 12, 16, 18, 24, 37)),
    ("d/m/y", "06/02/2026", at(2026, 2, 6)),
    ("d/m/y", "8/07/2026 9:34 pm", at(2026, 7, 8, 21, 34)),
    ("m-d-y", "02-06-2026", at(2026, 2, 6)),
    ("d-m-y", "06-02-2026", at(2026, 2, 6)),
    ("d-m-y", "6-2-26", at(2026, 2, 6)),
    ("serial", "46059", at(2026, 2, 6)),
    ("serial", "46059.5", at(2026, 2, 6, 12)),
    ("serial", "46059,75", at(2026, 2, 6, 18)),
    ("serial", "37622", at(2003, 1, 1)),
])
def test_each_spreadsheet_format(key: str, text: str, moment: dt.datetime) -> None:
    assert read_sheet_value(sheet(key), text) == moment


@pytest.mark.parametrize(("key", "text"), [
    ("named", "6-Smarch-26"),  # no such month
    ("named", "31-Feb-26"),
    ("named", "6-Feb-1987"),  # before LinkedIn: not a LinkedIn date
    ("named", "6-Feb-98"),  # 1998, the way strptime reads two-digit years
    ("m/d/y", "13/6/2026"),
    ("d/m/y", "6/13/2026"),
    ("m/d/y", "2/6/2026 25:00"),
    ("m/d/y", "2/6/2026 0:30 PM"),
    ("m/d/y", "2/6/202"),
    ("m/d/y", "2-6-2026"),  # a separator is part of the format
    ("d.m.y", "2026.02.06"),  # four digits first: year first
    ("y-m-d", "26-02-06"),
    ("y-m-d", "2100-01-01"),  # after 2099
    ("serial", "12345"),  # 1933
    ("serial", "460590"),
    ("d.m.y", "06.02.2026 UTC"),
    ("named", ""),
])
def test_what_a_spreadsheet_format_does_not_read(key: str, text: str) -> None:
    assert read_sheet_value(sheet(key), text) is None


def test_every_localized_month_name_means_one_month() -> None:
    names = [name for month in SHEET_MONTHS.values() for name in month]
    assert len(names) == len(set(names))
    for number, month in SHEET_MONTHS.items():
        for name in month:
            assert read_sheet_value(sheet("named"), f"3-{name}-2026") == at(2026, number, 3), name
            assert read_sheet_value(sheet("named"), f"3 {name.upper()}. 2026") == at(
                2026, number, 3), name


def _column(*values: str, rows: int = 1) -> dict[str, int]:
    return {value: rows for value in values}


def test_a_day_over_12_decides_the_order() -> None:
    us = read_sheet_column(_column("2/6/2026", "3/7/2026", "1/13/2026"))
    assert us.format is not None and us.format.key == "m/d/y"
    assert us.values["2/6/2026"] == at(2026, 2, 6)
    uk = read_sheet_column(_column("2/6/2026", "3/7/2026", "13/1/2026"))
    assert uk.format is not None and uk.format.key == "d/m/y"
    assert uk.values["2/6/2026"] == at(2026, 6, 2)


def test_without_a_day_over_12_the_order_is_ambiguous() -> None:
    found = read_sheet_column(_column("2/6/2026", "3/7/2026", "12/11/2025", rows=50))
    assert (found.format, found.problem, found.values) == (None, AMBIGUOUS, {})
    assert "dates like 2/6/2026 could be 2 June or 6 February" in found.explain("Sent At")
    dashes = read_sheet_column(_column("02-06-2026", "03-07-2026"))
    assert dashes.problem == AMBIGUOUS and "2-6-2026" in dashes.explain("Date")


def test_the_same_day_either_way_is_not_ambiguous() -> None:
    found = read_sheet_column(_column("1/1/2026", "2/2/2026", "12/12/2025"))
    assert found.format is not None and found.values["12/12/2025"] == at(2025, 12, 12)


def test_both_orders_in_one_column_cannot_be_read() -> None:
    found = read_sheet_column(_column("2/6/2026", "13/1/2026", "1/13/2026"))
    assert (found.format, found.problem) == (None, MIXED)


def test_the_format_must_read_at_least_half_of_the_rows() -> None:
    half = read_sheet_column({"06.02.2026": 5, "garbage": 5})
    assert half.format is not None and half.format.key == "d.m.y"
    assert set(half.values) == {"06.02.2026"}
    less = read_sheet_column({"06.02.2026": 4, "garbage": 5})
    assert (less.format, less.problem) == (None, UNRECOGNISED)
    assert "most dates in the Date column cannot be read" in less.explain("Date")


def test_the_format_reading_the_most_rows_wins() -> None:
    found = read_sheet_column({"06.02.2026": 10, "2026-02-07": 3, "7.2.26": 2})
    assert found.format is not None and found.format.key == "d.m.y"
    assert set(found.values) == {"06.02.2026", "7.2.26"}  # the ISO value is left unread


def test_implausible_years_do_not_count() -> None:
    found = read_sheet_column(_column("1/13/1987", "2/6/1987"))
    assert found.problem == UNRECOGNISED
    serials = read_sheet_column(_column("46059", "46060", "12345"))
    assert serials.format is not None and "12345" not in serials.values


def test_every_example_is_31_january_2026_in_its_own_format() -> None:
    for fmt in SHEET_FORMATS:
        assert read_sheet_value(fmt, fmt.example) == at(2026, 1, 31), fmt.key


@given(st.lists(st.text(alphabet="0123456789/.-: ,APMapmTfévrJanDez\u202f", max_size=24),
                max_size=8))
def test_no_column_makes_the_spreadsheet_reader_raise(values: list[str]) -> None:
    found = read_sheet_column({value: 1 for value in values})
    assert (found.format is None) == bool(found.problem)
    assert all(2003 <= moment.year <= 2099 for moment in found.values.values())
    for fmt in SHEET_FORMATS:
        for value in values:
            read_sheet_value(fmt, value)
