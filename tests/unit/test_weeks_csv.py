"""The weekly log as CSV: export, the files people bring back, and the preview's plan."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io

from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.week_merge import (
    CountChange,
    apply_weeks_merge,
    count_changes,
    weeks_merge,
)
from ssi_coach.exporters.csv_weeks import weeks_csv, weeks_csv_filename
from ssi_coach.importers.csv_weeks import WeeksRead, read_weeks_csv
from ssi_coach.model import IMPORTED, MEASURES, Document, WeekLog, week_of

from .strategies import week_log_lists, weekly_counts

D = dt.date.fromisoformat
TODAY = D("2026-12-02")  # a Wednesday
ALL_LABELS = [m.label for m in MEASURES]


def read(data: bytes | str, today: dt.date = TODAY) -> WeeksRead:
    return read_weeks_csv(data, file_name="log.csv", today=today)


def problems(result: WeeksRead) -> list[tuple[int, str]]:
    return [(p.line, p.column) for p in result.problems]


# ---- export ----------------------------------------------------------------------------------

def test_export_has_the_monday_then_every_count_blank_where_not_logged() -> None:
    document = Document(weeks=(WeekLog(D("2026-11-23"), {"posts": 2, "meetings": 0}),))
    text = weeks_csv(document)
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    header, row = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    assert header == ["Week (Monday)", *ALL_LABELS]
    assert row[0] == "2026-11-23"
    cells = dict(zip(header, row, strict=True))
    assert cells["Posts published"] == "2" and cells["Meetings"] == "0"
    assert cells["Articles published"] == ""  # not logged: blank, not 0
    assert weeks_csv_filename(TODAY) == "ssi-coach-weekly-log-2026-12-02.csv"


def test_export_holds_the_typed_log_only() -> None:
    document = Document(weeks=(WeekLog(D("2026-11-23"), {"posts": 2}),),
                        imported=(WeekLog(D("2026-11-16"), {"posts": 9}),))
    rows = list(csv.reader(io.StringIO(weeks_csv(document))))
    assert [r[0] for r in rows[1:]] == ["2026-11-23"]


# ---- export -> import is the identity ---------------------------------------------------------

past_mondays = st.dates(D("2014-01-06"), TODAY).map(week_of)
past_logs = week_log_lists(max_size=10, logs=st.builds(WeekLog, week=past_mondays,
                                                      counts=weekly_counts))


@given(past_logs)
def test_export_then_import_gives_back_the_same_weeks(weeks: tuple[WeekLog, ...]) -> None:
    text = weeks_csv(Document(weeks=weeks))
    for data in (text, text.encode("utf-8")):
        result = read(data)
        assert result.problems == () and result.notes == ()
        assert result.weeks == weeks
        assert apply_weeks_merge(Document(), weeks_merge(Document(), result),
                                 replace_changed=False).weeks == weeks


def _resaved_day_first(text: str) -> bytes:
    """What Excel in a European locale writes back: ';', 30/11/2026, a BOM."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([D(row[0]).strftime("%d/%m/%Y"), *row[1:]])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


@given(past_logs)
def test_a_file_resaved_day_first_with_semicolons_reads_the_same(
        weeks: tuple[WeekLog, ...]) -> None:
    result = read(_resaved_day_first(weeks_csv(Document(weeks=weeks))))
    mondays = [w.week for w in weeks]
    # Worked out here, not by the reader: when every day is 12 or less, month first reads
    # each date too; if those are all Mondays as well, nothing tells the two apart.
    both_ways = bool(mondays) and all(
        d.day <= 12 and dt.date(d.year, d.day, d.month).weekday() == 0 for d in mondays)
    if both_ways and any(d.day != d.month for d in mondays):
        assert result.weeks == () and problems(result) == [(0, "Week (Monday)")]
    else:
        assert result.problems == ()
        assert result.weeks == weeks


# ---- the files people bring back ---------------------------------------------------------------

def test_a_messy_excel_file_reads_what_it_can_and_says_where_the_rest_is() -> None:
    lines = [
        "Week;Posts published;Favourite colour;meetings;requests_sent;"
        "Connection requests accepted;;",
        "30/11/2026;3;blue;1;;;;",             # line 2: fine
        "18/11/2026; 2 ;;;10;4;;",             # line 3: a Wednesday, spaces around the 2
        "9/11/2026;x;;;;;;",                   # line 4: not a number
        ";;;;;;;",                             # line 5: an empty row
        "2/11/2026;12000;;;3;5;;",             # line 6: too many, and 5 accepted of 3 sent
        "26/10/2026;4.0;;-1;;;;",              # line 7: 4.0 is 4; -1 is not a count
        "19/10/2026;;;;;;;",                   # line 8: a week logged with nothing in it
    ]
    result = read(codecs.BOM_UTF8 + "\r\n".join(lines).encode("utf-8"))
    assert result.weeks == (WeekLog(D("2026-10-19"), {}),
                            WeekLog(D("2026-11-16"), {"posts": 2, "requests_sent": 10,
                                                      "requests_accepted": 4}),
                            WeekLog(D("2026-11-30"), {"posts": 3, "meetings": 1}))
    assert result.columns == ("posts", "requests_sent", "requests_accepted", "meetings")
    assert problems(result) == [
        (4, "Posts published"),
        (6, "Posts published"), (6, "Connection requests accepted"),
        (7, "Meetings"),
    ]
    notes = " ".join(result.notes)
    assert "Favourite colour" in notes and "ignored" in notes
    assert "day/month/year" in notes
    assert "Line 3: Wednesday 18 Nov 2026 is not a Monday" in notes
    assert "week of Monday 16 Nov 2026" in notes
    too_many = next(p for p in result.problems if p.line == 6 and p.column == "Posts published")
    assert "12,000" in too_many.message and "10,000" in too_many.message
    assert str(result.problems[0]).startswith("log.csv, line 4, Posts published:")


def test_month_first_dates_are_read_month_first() -> None:
    result = read("week,posts\n11/30/2026,3\n11/23/2026,1\n")
    assert [w.week for w in result.weeks] == [D("2026-11-23"), D("2026-11-30")]
    assert any("month/day/year" in note for note in result.notes)


def test_dates_that_read_both_ways_are_read_the_way_that_makes_them_mondays() -> None:
    # 2/11/2026 is Monday 2 November day first, Wednesday 11 February month first.
    result = read("Week (Monday);Posts published\n2/11/2026;3\n9/11/2026;1\n")
    assert [w.week for w in result.weeks] == [D("2026-11-02"), D("2026-11-09")]
    assert result.problems == ()
    assert any("every date is a Monday" in note for note in result.notes)


def test_dates_that_are_mondays_both_ways_are_not_guessed() -> None:
    # 6/1/2020: Monday 6 January month first, Monday 1 June day first.
    result = read("Week (Monday),Posts published\n6/1/2020,3\n")
    assert result.weeks == ()
    assert problems(result) == [(0, "Week (Monday)")]
    assert "2026-11-02" in result.problems[0].message


def test_a_week_twice_and_a_week_to_come_are_set_aside() -> None:
    result = read("Week (Monday),Posts published\n2026-11-30,3\n2026-12-02,4\n"
                  "2026-12-07,1\n")
    assert result.weeks == (WeekLog(D("2026-11-30"), {"posts": 3}),)
    assert problems(result) == [(3, "Week (Monday)"), (4, "Week (Monday)")]
    assert "already on line 2" in result.problems[0].message
    assert "has not started yet" in result.problems[1].message


def test_a_file_without_a_week_column_or_any_count_is_refused_whole() -> None:
    assert problems(read("Posts published,Meetings\n3,1\n")) == [(1, "")]
    assert problems(read("Week,Colour\n2026-11-30,blue\n")) == [(1, "")]
    assert read("\n\n").problems[0].message == "This file is empty."
    assert read(b"Week,Posts\n2026-11-30,\xff\xfe3\n").weeks == ()


def test_utf16_tab_separated_unicode_text_from_excel_reads() -> None:
    text = "Week (Monday)\tPosts published\tDeals won\r\n2026-11-23\t2\t1\r\n"
    result = read(text.encode("utf-16"))
    assert result.weeks == (WeekLog(D("2026-11-23"), {"posts": 2, "deals_won": 1}),)


def test_most_dates_unreadable_refuses_the_file() -> None:
    result = read("Week,Posts\nlast week,3\nthe week before,2\n2026-11-23,1\n")
    assert result.weeks == () and problems(result) == [(0, "Week (Monday)")]


# ---- the plan and applying it -------------------------------------------------------------------

def test_the_plan_sorts_weeks_into_new_changed_and_unchanged_and_names_the_counts() -> None:
    typed = (WeekLog(D("2026-11-09"), {"posts": 1}),
             WeekLog(D("2026-11-16"), {"posts": 2, "meetings": 1, "reactions_given": 30}))
    document = Document(weeks=typed, imported=(WeekLog(D("2026-11-23"), {"posts": 7}),),
                        week_sources={D("2026-11-23"): IMPORTED})
    # The file has no "Reactions given" column: that typed count stays.
    result = read("Week (Monday),Posts published,Meetings\n2026-11-09,1,\n2026-11-16,3,\n"
                  "2026-11-23,4,2\n")
    merge = weeks_merge(document, result)
    assert [w.week for w in merge.added] == [D("2026-11-23")]
    assert merge.unchanged == (WeekLog(D("2026-11-09"), {"posts": 1}),)
    (update,) = merge.updated
    assert update.after == WeekLog(D("2026-11-16"), {"posts": 3, "reactions_given": 30})
    assert count_changes(update) == (
        CountChange("posts", "Posts published", 2, 3),
        CountChange("meetings", "Meetings", 1, None))  # blank in the file: not logged now

    kept = apply_weeks_merge(document, merge, replace_changed=False)
    assert kept.weeks == (typed[0], typed[1], WeekLog(D("2026-11-23"), {"posts": 4,
                                                                        "meetings": 2}))
    replaced = apply_weeks_merge(document, merge, replace_changed=True)
    assert replaced.weeks[1] == update.after
    for after in (kept, replaced):  # the imported log and the sources are not the file's
        assert after.imported == document.imported
        assert after.week_sources == document.week_sources


def test_a_kept_count_that_would_exceed_its_whole_is_dropped() -> None:
    document = Document(weeks=(WeekLog(D("2026-11-16"), {"requests_sent": 5,
                                                         "requests_accepted": 4}),))
    merge = weeks_merge(document, read("Week,Connection requests sent\n2026-11-16,3\n"))
    (update,) = merge.updated
    assert update.after.counts == {"requests_sent": 3}  # 4 accepted of 3 sent cannot be


def test_importing_the_exported_file_into_the_same_document_changes_nothing() -> None:
    document = Document(weeks=(WeekLog(D("2026-11-16"), {"posts": 2, "deals_won": 1}),
                               WeekLog(D("2026-11-23"), {})))
    merge = weeks_merge(document, read(weeks_csv(document)))
    assert not merge.changes_anything() and len(merge.unchanged) == 2


# ---- never a crash --------------------------------------------------------------------------

cells = st.sampled_from(["", "3", "x", "2026-11-30", "30/11/2026", "11/30/2026", "2/11/2026",
                         "-1", "99999", '"', ";", "\r\n", "Week (Monday)", "Posts published",
                         "requests_sent", "Connection requests accepted", "é"])
separators = st.sampled_from([",", ";", "\t"])


@given(st.lists(st.lists(cells, max_size=6), max_size=8), separators)
def test_any_grid_of_cells_reads_without_raising(grid: list[list[str]], separator: str) -> None:
    text = "\n".join(separator.join(row) for row in grid)
    result = read(text)
    assert all(p.line >= 0 and p.message for p in result.problems)
    assert all(w.week.weekday() == 0 and w.week <= TODAY for w in result.weeks)


@given(st.binary(max_size=200))
def test_any_bytes_read_without_raising(data: bytes) -> None:
    read(data)
