"""The "Download workbook" file: opened with openpyxl, it holds the same numbers, typed."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl

from ssi_coach.exporters.workbook import workbook_bytes, workbook_filename
from ssi_coach.model import (
    ACTIVITY,
    IMPORTED,
    OUTCOMES,
    Document,
    ExportStamp,
    NetworkSummary,
    PeerAverages,
    PostAnalytics,
    PostDay,
    WeekLog,
    WindowSnapshot,
)

from .conftest import checkin

D = dt.date.fromisoformat
TODAY = D("2026-12-02")
PY = Path(__file__).resolve().parents[2] / "py"

STAMP = ExportStamp(D("2026-11-02"), D("2026-11-11"), dt.datetime(2026, 11, 11, 8, tzinfo=dt.UTC))
# Ten days from Monday 2 November: (impressions, engagements, new followers)
POST_ROWS = [(100, 5, 1), (200, -2, 0), (0, 0, None), (50, 3, 2), (10, 1, 0), (0, 0, 0),
             (40, 4, 1), (300, 9, 3), (20, 2, None), (7, 0, 0)]


def _posts() -> PostAnalytics:
    days = tuple(PostDay(D("2026-11-02") + dt.timedelta(days=i), imp, eng, fol, STAMP)
                 for i, (imp, eng, fol) in enumerate(POST_ROWS))
    return PostAnalytics(days=days, snapshots=(WindowSnapshot(STAMP, followers_total=812),))


def full_document() -> Document:
    return Document(
        checkins=(
            checkin("2026-10-01", (10.5, 6, 3.1, 1.948), industry_rank=12, network_rank=40,
                    industry_average=21.5, note="=1+1 not a formula",
                    industry_peers=PeerAverages(6.25, 5, 4, 3.5), events=("holiday",)),
            checkin("2026-11-01", (12.275, 6.5, 4, 2), industry="Software"),
        ),
        weeks=(WeekLog(D("2026-11-16"), {"posts": 2, "requests_sent": 10,
                                         "requests_accepted": 4, "meetings": 1}),
               WeekLog(D("2026-11-23"), {"comments_written": 0, "deals_won": 1})),
        imported=(WeekLog(D("2026-11-16"), {"posts": 3, "messages_sent": 7}),
                  WeekLog(D("2026-11-30"), {"reactions_given": 15})),
        week_sources={D("2026-11-16"): IMPORTED},
        network=NetworkSummary(
            connections_by_month={"2026-09": {"vp": 2, "other": 5},
                                  "2026-10": {"c_suite": 1, "unknown": 3}},
            undated_connections=4, invitations_sent=20, invitations_accepted=9,
            conversations_started=6, conversations_replied=2,
            by_weekday=(5, 4, 3, 2, 1, 0, 7)),
        posts=_posts(),
    )


def opened(document: Document) -> Any:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(document, TODAY)))


def records(sheet: Any) -> list[dict[str, Any]]:
    """The table's rows as header -> value, up to the first blank row."""
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    found = []
    for row in rows:
        if all(cell is None for cell in row):
            break
        found.append(dict(zip(header, row, strict=True)))
    return found


def midnight(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day)


# ---- sheets and their layout ------------------------------------------------------------------

def test_the_file_is_named_by_the_day_it_was_made() -> None:
    assert workbook_filename(TODAY) == "ssi-coach-2026-12-02.xlsx"


def test_every_sheet_has_a_bold_frozen_filtered_header_even_when_the_document_is_empty() -> None:
    book = opened(Document())
    assert book.sheetnames == ["Check-ins", "Weekly activity", "Outcomes", "Posts weekly",
                               "Network", "About"]
    for name in book.sheetnames[:-1]:
        sheet = book[name]
        assert sheet.max_row == 1, name  # the header and nothing else
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.b
        assert sheet.auto_filter.ref.startswith("A1:")
    assert [c.value for c in book["Check-ins"][1]][:6] == [
        "Date", "Total", "Establish your professional brand", "Find the right people",
        "Engage with insights", "Build relationships"]
    activity_header = [c.value for c in book["Weekly activity"][1]]
    assert activity_header == ["Week (Monday)", *(m.label for m in ACTIVITY), "Source"]
    assert [c.value for c in book["Outcomes"][1]] == ["Week (Monday)",
                                                     *(m.label for m in OUTCOMES)]


def test_the_about_sheet_says_whose_figures_and_when() -> None:
    about = dict(opened(Document())["About"].iter_rows(min_row=2, values_only=True))
    assert about["App"] == "ssi-coach"
    assert about["Made on"] == midnight("2026-12-02")
    assert "member's own" in about["Whose figures"]


def test_columns_are_wide_enough_for_their_values_and_never_huge() -> None:
    sheet = opened(full_document())["Check-ins"]
    assert 10 <= sheet.column_dimensions["A"].width <= 16  # a date
    note = sheet.column_dimensions[_column_of(sheet, "Note")].width
    assert note >= len("=1+1 not a formula")
    assert all(d.width <= 62 for d in sheet.column_dimensions.values())


def _column_of(sheet: Any, header: str) -> str:
    return next(c.column_letter for c in sheet[1] if c.value == header)


# ---- the same numbers, typed ---------------------------------------------------------------------

def test_checkins_come_back_with_dates_as_dates_and_numbers_as_numbers() -> None:
    rows = records(opened(full_document())["Check-ins"])
    first, second = rows
    assert first["Date"] == midnight("2026-10-01")
    assert first["Total"] == 21.548  # 10.5 + 6 + 3.1 + 1.948
    assert first["Find the right people"] == 6
    rank = first["Industry SSI rank (Top %)"]
    assert rank == 12 and isinstance(rank, int)
    assert first["Network SSI rank (Top %)"] == 40
    assert first["Industry average SSI"] == 21.5
    assert first["Network average SSI"] is None  # not given: blank
    assert first["Note"] == "=1+1 not a formula"  # text, not a formula
    assert first["Industry avg: Brand"] == 6.25 and first["Industry avg: Relationships"] == 3.5
    assert first["Network avg: Brand"] is None
    assert first["Events"] == "Holiday or time off"
    assert second["Date"] == midnight("2026-11-01") and second["Industry"] == "Software"
    assert second["Total"] == 24.775  # 12.275 + 6.5 + 4 + 2


def test_a_text_cell_is_never_a_formula_cell() -> None:
    sheet = opened(full_document())["Check-ins"]
    cell = sheet[f"{_column_of(sheet, 'Note')}2"]
    assert cell.data_type == "s"


def test_date_cells_carry_a_date_format() -> None:
    book = opened(full_document())
    for name in ("Check-ins", "Weekly activity", "Outcomes", "Posts weekly"):
        cell = book[name]["A2"]
        assert cell.is_date and "yy" in cell.number_format, name
    assert book["Network"]["A2"].is_date


def test_weekly_activity_merges_typed_and_imported_and_leaves_unlogged_counts_blank() -> None:
    sheet = opened(full_document())["Weekly activity"]
    rows = {r["Week (Monday)"].date(): r for r in records(sheet)}
    assert list(rows) == [D("2026-11-16"), D("2026-11-23"), D("2026-11-30")]
    both = rows[D("2026-11-16")]
    # The import wins this week: its 3 posts; the typed requests fill its gaps.
    assert both["Posts published"] == 3 and isinstance(both["Posts published"], int)
    assert both["Connection requests sent"] == 10 and both["Messages sent"] == 7
    assert both["Connection requests accepted"] == 4
    assert both["Reactions given"] is None  # never logged: blank, not 0
    assert both["Source"] == "both, imported counts first"
    typed = rows[D("2026-11-23")]
    assert typed["Comments written"] == 0  # a logged zero stays a zero
    assert typed["Posts published"] is None and typed["Source"] == "typed"
    assert rows[D("2026-11-30")]["Reactions given"] == 15
    assert rows[D("2026-11-30")]["Source"] == "imported"


def test_outcomes_hold_only_weeks_with_an_outcome() -> None:
    rows = records(opened(full_document())["Outcomes"])
    assert [(r["Week (Monday)"], r["Meetings"], r["Deals won"]) for r in rows] == [
        (midnight("2026-11-16"), 1, None), (midnight("2026-11-23"), None, 1)]


def test_posts_weekly_sums_the_days_with_the_rate_as_a_percent() -> None:
    sheet = opened(full_document())["Posts weekly"]
    first, second = records(sheet)
    # Monday 2 to Sunday 8 November: the first seven rows of POST_ROWS.
    assert first["Week (Monday)"] == midnight("2026-11-02")
    assert (first["Impressions"], first["Engagements"], first["New followers"]) == (
        100 + 200 + 50 + 10 + 40, 5 - 2 + 3 + 1 + 4, 1 + 2 + 1)
    assert first["Engagement rate"] == 11 / 400
    assert first["Days with figures"] == 7 and first["Partial (export day inside)"] is False
    # 9 to 11 November, the 11th the export day.
    assert (second["Impressions"], second["Engagements"], second["New followers"]) == (327, 11, 3)
    assert second["Days with figures"] == 3 and second["Partial (export day inside)"] is True
    assert sheet["D2"].number_format == "0.0%"


def test_a_week_without_impressions_has_no_rate_rather_than_zero() -> None:
    stamp = ExportStamp(D("2026-11-09"), D("2026-11-20"))
    posts = PostAnalytics(days=(PostDay(D("2026-11-09"), 0, 0, None, stamp),),
                          snapshots=(WindowSnapshot(stamp),))
    (row,) = records(opened(Document(posts=posts))["Posts weekly"])
    assert row["Impressions"] == 0 and row["Engagement rate"] is None
    assert row["New followers"] is None


def test_network_has_connections_per_month_by_seniority_and_the_counts_below() -> None:
    sheet = opened(full_document())["Network"]
    september, october = records(sheet)
    assert september["Month"] == midnight("2026-09-01")
    assert (september["Vice presidents"], september["Other titles"], september["C-suite"]) == (
        2, 5, 0)
    assert september["All connections added"] == 7
    assert october["C-suite"] == 1 and october["No title shown"] == 3
    below = {row[0]: row[1] for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]}
    assert below["Connections with no date"] == 4
    assert (below["Invitations sent"], below["Invitations accepted"]) == (20, 9)
    assert (below["Conversations you started"], below["Conversations answered"]) == (6, 2)
    assert below["Actions on Sundays"] == 7 and below["Actions on Mondays"] == 5
    assert sheet.auto_filter.ref == "A1:I3"  # the monthly table only


# ---- the same bytes every time -------------------------------------------------------------------

def test_the_same_document_and_day_give_the_same_bytes_in_another_process() -> None:
    here = workbook_bytes(Document(checkins=(checkin(),)), TODAY)
    code = ("import sys, datetime as dt; from ssi_coach.exporters.workbook import workbook_bytes;"
            "from ssi_coach.model import Document, CheckIn;"
            "c = CheckIn(dt.date(2026, 11, 1), 12.275, 6, 3.1, 1.948);"
            "data = workbook_bytes(Document(checkins=(c,)), dt.date(2026, 12, 2));"
            "sys.stdout.buffer.write(data)")
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           cwd=PY).stdout
    assert here == there
    assert workbook_bytes(Document(checkins=(checkin(),)), TODAY + dt.timedelta(days=1)) != here


def test_writing_the_workbook_imports_xlsxwriter_only_when_asked() -> None:
    code = ("import sys; import ssi_coach.exporters.workbook;"
            "print('xlsxwriter' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=PY)
    assert result.stdout.strip() == "False"
