"""The analytics workbook reader on generated workbooks of each kind, era and language, the
re-saved variant, damaged and foreign files: what it reads sheet by sheet equals what the
generator wrote (tests/analytics_workbooks.py), computed while generating."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest

from ssi_coach.importers.analytics import Progress, Upload, read_all, read_workbooks
from ssi_coach.importers.analytics import book as book_stage
from ssi_coach.importers.analytics.cells import date_of, integer, share
from ssi_coach.importers.analytics.types import AggregateFile, SinglePostFile
from ssi_coach.model import PostAnalytics
from tests.analytics_workbooks import (
    NEW,
    OLD,
    AggregateSpec,
    ExpectedAggregate,
    ExpectedSinglePost,
    GeneratedWorkbook,
    SinglePostSpec,
    make_aggregate,
    make_single_post,
    overlapping_pair,
)

AGGREGATES = {
    "old-en": AggregateSpec(seed=11),
    "2026-en-5": AggregateSpec(seed=12, era=NEW, end=dt.date(2026, 5, 3)),
    "2026-en-6": AggregateSpec(seed=13, era=NEW, six_sheets=True, end=dt.date(2026, 9, 1)),
    "2026-pt-6": AggregateSpec(seed=14, era=NEW, language="pt", six_sheets=True,
                               end=dt.date(2026, 10, 2)),
    "2026-pt-5": AggregateSpec(seed=15, era=NEW, language="pt", days=90),
    "old-resaved": AggregateSpec(seed=16, resaved=True, days=120),
    "2026-pt-resaved": AggregateSpec(seed=17, era=NEW, language="pt", six_sheets=True,
                                     resaved=True, days=60),
    "barely-posts": AggregateSpec(seed=18, era=NEW, barely_posts=True, days=30),
    "one-day": AggregateSpec(seed=19, days=1),
}


def read_one(made: GeneratedWorkbook, name: str | None = None
             ) -> AggregateFile | SinglePostFile:
    reading = read_all([Upload(name or made.name, made.data)])
    assert reading.refused == ()
    (only,) = reading.files
    return only


def read_aggregate(spec: AggregateSpec) -> tuple[AggregateFile, ExpectedAggregate]:
    made = make_aggregate(spec)
    found = read_one(made)
    assert isinstance(found, AggregateFile) and isinstance(made.expected, ExpectedAggregate)
    return found, made.expected


def refused(name: str, data: bytes) -> str:
    reading = read_all([Upload(name, data)])
    assert reading.files == ()
    (problem,) = reading.refused
    assert (problem.file, problem.line, problem.column) == (name, 0, "")
    return problem.message


@pytest.mark.parametrize("key", AGGREGATES)
def test_engagement_days_window_and_creation_time(key: str) -> None:
    found, expected = read_aggregate(AGGREGATES[key])
    stamp = found.snapshot.stamp
    assert (stamp.start, stamp.end, stamp.created) == (expected.start, expected.end,
                                                       expected.created)
    assert [(d.day, d.impressions, d.engagements, d.new_followers) for d in found.days] == [
        (d.day, d.impressions, d.engagements, d.new_followers) for d in expected.days]
    assert all(d.source == stamp for d in found.days)
    assert found.days[-1].partial and found.skipped == ()
    assert found.era == ("2025 (Content_)" if expected.era == OLD
                         else "2026 (AggregateAnalytics_)")
    assert found.language == expected.language


@pytest.mark.parametrize("key", AGGREGATES)
def test_discovery_followers_and_top_posts(key: str) -> None:
    found, expected = read_aggregate(AGGREGATES[key])
    snapshot = found.snapshot
    assert snapshot.impressions == expected.impressions_total == sum(
        d.impressions for d in found.days)
    assert snapshot.members_reached == expected.members_reached
    assert snapshot.followers_total == expected.followers_total
    assert {p.url: p for p in snapshot.top_posts} == {p.url: p for p in expected.top_posts}


@pytest.mark.parametrize("key", AGGREGATES)
def test_demographics(key: str) -> None:
    found, expected = read_aggregate(AGGREGATES[key])
    for got, want in ((found.snapshot.audience, expected.audience),
                      (found.snapshot.content_audience, expected.content_audience)):
        assert [(s.category, s.value) for s in got] == [(s.category, s.value) for s in want]
        for s, w in zip(got, want, strict=True):
            assert s.percent == (None if w.percent is None else pytest.approx(w.percent))


def test_notes_say_what_was_unusual() -> None:
    english, _ = read_aggregate(AGGREGATES["old-en"])
    assert english.notes == ("the last day (2025-11-10) is partial: the export was made during "
                             "it, so a later export will have its full figures",)
    portuguese, _ = read_aggregate(AGGREGATES["2026-pt-resaved"])
    assert portuguese.notes[:2] == ("dates read as day/month/year",
                                    "re-saved by a spreadsheet program (openpyxl)")


def test_the_date_order_comes_from_the_file_name_when_every_day_is_ambiguous() -> None:
    # 3/3/2025 … 3/7/2025: no field over 12, so only the name's ISO dates decide
    made = make_aggregate(AggregateSpec(days=5, end=dt.date(2025, 3, 7)))
    found = read_one(made)
    assert isinstance(found, AggregateFile)
    assert (found.snapshot.stamp.start, found.snapshot.stamp.end) == (dt.date(2025, 3, 3),
                                                                      dt.date(2025, 3, 7))
    # renamed, an ambiguous Portuguese file falls back on its language: day first
    pt = make_aggregate(AggregateSpec(days=5, end=dt.date(2025, 3, 7), era=NEW, language="pt"))
    renamed = read_one(pt, "analytics (1).xlsx")
    assert isinstance(renamed, AggregateFile)
    assert renamed.days[0].day == dt.date(2025, 3, 3)


def test_overlapping_exports_each_read_with_their_own_stamp() -> None:
    older, newer = overlapping_pair(21, gap_days=8, days=90)
    reading = read_all([Upload(newer.name, newer.data), Upload(older.name, older.data)])
    new_file, old_file = reading.files
    assert isinstance(new_file, AggregateFile) and isinstance(old_file, AggregateFile)
    assert new_file.snapshot.stamp.newness() > old_file.snapshot.stamp.newness()
    assert isinstance(newer.expected, ExpectedAggregate)
    assert [d.impressions for d in new_file.days] == [d.impressions for d in
                                                      newer.expected.days]


def test_progress_comes_before_each_file_then_one_reading() -> None:
    a = make_aggregate(AggregateSpec(days=10))
    b = make_single_post(SinglePostSpec())
    steps = list(read_workbooks([Upload(a.name, a.data), Upload("notes.txt", b"hello"),
                                 Upload(b.name, b.data)]))
    assert steps[:3] == [Progress(0, 3, f"Reading {a.name}"),
                         Progress(1, 3, "Reading notes.txt"), Progress(2, 3, f"Reading {b.name}")]
    reading = steps[3]
    assert len(steps) == 4 and not isinstance(reading, Progress)
    assert [f.name for f in reading.files] == [a.name, b.name]
    assert [p.file for p in reading.refused] == ["notes.txt"]


def test_the_reading_fits_the_document_records() -> None:
    found, _ = read_aggregate(AGGREGATES["2026-en-6"])
    PostAnalytics(days=found.days, snapshots=(found.snapshot,))  # its invariants hold


# ---- sheets found by name (any case) or by shape -------------------------------------------


def rewrite(data: bytes, change) -> bytes:
    """The workbook with each part's text passed through change(path, text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                body = change(info.filename, body.decode()).encode()
            dst.writestr(info, body)
    return out.getvalue()


def test_sheets_are_found_in_any_case_or_by_shape_and_unknown_sheets_ignored() -> None:
    made = make_aggregate(AggregateSpec(seed=31, days=40))
    expected = read_one(made)
    lower = rewrite(made.data, lambda path, text: re.sub(
        r'name="([^"]+)"', lambda m: f'name="{m.group(1).lower()}"', text)
        if path == "xl/workbook.xml" else text)
    assert read_one(GeneratedWorkbook(made.name, lower, made.expected)) == expected
    counter = iter(range(1, 10))
    renamed = rewrite(made.data, lambda path, text: re.sub(
        r'name="[^"]+"', lambda m: f'name="Sheet{next(counter)}"', text)
        if path == "xl/workbook.xml" else text)
    by_shape = read_one(GeneratedWorkbook(made.name, renamed, made.expected))
    assert isinstance(by_shape, AggregateFile) and isinstance(expected, AggregateFile)
    assert by_shape.days == expected.days
    assert by_shape.snapshot.top_posts == expected.snapshot.top_posts
    assert by_shape.snapshot.audience == expected.snapshot.audience
    assert by_shape.snapshot.followers_total == expected.snapshot.followers_total


def test_an_extra_sheet_is_ignored() -> None:
    made = make_aggregate(AggregateSpec(seed=32, days=15, resaved=True))
    wb = openpyxl.load_workbook(io.BytesIO(made.data))
    wb.create_sheet("My notes")["A1"] = "12/31/2025"
    out = io.BytesIO()
    wb.save(out)
    found = read_one(GeneratedWorkbook(made.name, out.getvalue(), made.expected))
    assert isinstance(found, AggregateFile) and found.skipped == ()
    assert len(found.days) == 15


# ---- skipped rows -------------------------------------------------------------------------


def test_unreadable_rows_are_skipped_with_sheet_row_and_reason_only() -> None:
    made = make_aggregate(AggregateSpec(seed=33, days=20, resaved=True))
    wb = openpyxl.load_workbook(io.BytesIO(made.data))
    wb["ENGAGEMENT"]["A5"] = "my secret post"
    wb["ENGAGEMENT"]["B7"] = "lots of views"
    wb["DEMOGRAPHICS"]["C3"] = "about half"
    out = io.BytesIO()
    wb.save(out)
    found = read_one(GeneratedWorkbook(made.name, out.getvalue(), made.expected))
    assert isinstance(found, AggregateFile) and isinstance(made.expected, ExpectedAggregate)
    assert [(p.column, p.line, p.message) for p in found.skipped] == [
        ("ENGAGEMENT", 5, "date not readable"),
        ("ENGAGEMENT", 7, "impressions not a number"),
        ("DEMOGRAPHICS", 3, "percentage not readable"),
    ]
    assert all(p.file == made.name and p.raw == "" for p in found.skipped)
    assert not any("secret" in str(p) or "lots" in str(p) for p in found.skipped)
    lost = {made.expected.days[3].day, made.expected.days[5].day}
    assert [d.day for d in found.days] == [d.day for d in made.expected.days
                                           if d.day not in lost]
    assert len(found.snapshot.audience) == len(made.expected.audience) - 1


# ---- single posts -------------------------------------------------------------------------

SINGLES = {
    "2026-en": SinglePostSpec(seed=41),
    "2026-en-kind": SinglePostSpec(seed=42, with_kind=True, published=dt.date(2026, 3, 4)),
    "2026-pt": SinglePostSpec(seed=43, language="pt", with_kind=True),
    "2026-old-labels": SinglePostSpec(seed=44, old_labels=True),
    "old-en": SinglePostSpec(seed=45, era=OLD, published=dt.date(2024, 6, 18)),
    "2026-resaved": SinglePostSpec(seed=46, resaved=True, language="pt"),
}


@pytest.mark.parametrize("key", SINGLES)
def test_single_post_figures_and_viewers(key: str) -> None:
    made = make_single_post(SINGLES[key])
    found = read_one(made)
    expected = made.expected
    assert isinstance(found, SinglePostFile) and isinstance(expected, ExpectedSinglePost)
    post = found.post
    assert (post.url, post.published, post.published_time) == (
        expected.url, expected.published, expected.published_time)
    assert dict(post.metrics) == expected.metrics
    assert post.kind == expected.kind and post.created == expected.created
    assert [(s.category, s.value) for s in post.viewers] == [
        (s.category, s.value) for s in expected.viewers]
    for s, w in zip(post.viewers, expected.viewers, strict=True):
        assert s.percent == (None if w.percent is None else pytest.approx(w.percent))
    assert found.language == expected.language and found.skipped == ()


def test_a_single_post_without_its_url_is_refused() -> None:
    made = make_single_post(SinglePostSpec(seed=47, resaved=True))
    wb = openpyxl.load_workbook(io.BytesIO(made.data))
    wb.active["B1"] = None
    out = io.BytesIO()
    wb.save(out)
    assert "names no post" in refused(made.name, out.getvalue())


# ---- refusals -----------------------------------------------------------------------------


def test_a_file_that_is_not_a_workbook_is_refused() -> None:
    assert refused("notes.xlsx", b"just some text") == (
        "notes.xlsx is not an Excel workbook (.xlsx).")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert refused("archive.xlsx", out.getvalue()) == (
        "archive.xlsx is not an Excel workbook (.xlsx).")


def test_a_workbook_that_is_not_linkedins_analytics_is_refused() -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Amount"])
    wb.active.append(["Ada", 12])
    out = io.BytesIO()
    wb.save(out)
    assert refused("budget.xlsx", out.getvalue()) == (
        "budget.xlsx has none of the sheets of LinkedIn's post analytics export "
        "(DISCOVERY, ENGAGEMENT, TOP POSTS, FOLLOWERS, DEMOGRAPHICS).")


def test_a_damaged_workbook_is_refused() -> None:
    made = make_aggregate(AggregateSpec(days=10))
    broken = rewrite(made.data, lambda path, text: text[: len(text) // 2]
                     if path == "xl/worksheets/sheet2.xml" else text)
    assert "is damaged" in refused(made.name, broken)
    assert refused(made.name, made.data[:-200]) == (
        f"{made.name} is damaged and cannot be read; download it again from LinkedIn.")


def test_size_limits_are_checked_before_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    made = make_aggregate(AggregateSpec(days=10))
    monkeypatch.setattr(book_stage, "MAX_WORKBOOK_BYTES", len(made.data) - 1)
    assert "is over 0 MB" in refused(made.name, made.data)
    monkeypatch.undo()
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 * 2**20))
    monkeypatch.setattr(book_stage, "MAX_UNPACKED_BYTES", 2**20)
    assert refused("bomb.xlsx", bomb.getvalue()) == (
        "bomb.xlsx unpacks to over 1 MB, far more than any LinkedIn workbook; it was not read.")


# ---- cells --------------------------------------------------------------------------------


def test_numbers_percentages_and_dates_in_every_cell_type() -> None:
    assert [integer(v) for v in (1253.0, "1253", " -2 ", "1,234", "1.234", "1 234", "1253.0",
                                 "12.5", "", None, True, 3)] == [
        1253, 1253, -2, 1234, 1234, 1234, 1253, None, None, None, None, 3]
    assert share("7%") == (True, 7.0) and share("< 1%") == (True, None)
    assert share("menos de 1%") == (True, None) and share(0.25) == (True, 25.0)
    assert share("seven") == (False, None) and share(-1.0) == (False, None)
    assert date_of("3/4/2026", day_first=False) == dt.date(2026, 3, 4)
    assert date_of("03/04/2026", day_first=True) == dt.date(2026, 4, 3)
    assert date_of(46115.0, day_first=False) == dt.date(2026, 4, 3)  # an Excel serial
    assert date_of(dt.datetime(2026, 4, 3, 0, 0), day_first=True) == dt.date(2026, 4, 3)
    assert date_of("13/13/2026", day_first=True) is None


def test_the_package_loads_without_openpyxl() -> None:
    """The browser loads openpyxl only when a workbook is imported."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, ssi_coach.importers.analytics, ssi_coach.importers.analytics.types;"
            "print('openpyxl' in sys.modules)")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=root / "py", check=True)
    assert result.stdout.strip() == "False"
