"""Merging post analytics imports: the newest export wins each day in both directions, older
days are kept, re-importing changes nothing, the order of the files does not matter, window
snapshots are kept apart and single posts are kept one per URL."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from random import Random

from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.importers.analytics.types import (
    AGGREGATE,
    SINGLE_POST,
    AggregateFile,
    AnalyticsReading,
    SinglePostFile,
)
from ssi_coach.model import (
    ExportStamp,
    PostAnalytics,
    PostDay,
    Problem,
    SinglePost,
    WindowSnapshot,
)
from ssi_coach.posts.merge import (
    KEPT,
    NEW,
    SUPERSEDED,
    UNCHANGED,
    UPDATED,
    AggregateReport,
    SinglePostReport,
    plan_merge,
)
from ssi_coach.posts.weekly import follower_totals

D = dt.date.fromisoformat
Row = tuple[int, int, int | None]


def _at(day: str, hour: int = 4) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC)


def export(start: str, end: str, rows: list[Row], *, hour: int = 4, reached: int | None = None,
           followers: int | None = None, name: str = "") -> AggregateFile:
    stamp = ExportStamp(D(start), D(end), _at(end, hour))
    assert len(rows) == stamp.days()
    days = tuple(PostDay(stamp.start + dt.timedelta(days=i), *row, stamp)
                 for i, row in enumerate(rows))
    snapshot = WindowSnapshot(stamp, impressions=sum(r[0] for r in rows),
                              members_reached=reached, followers_total=followers)
    return AggregateFile(name or f"Content_{start}_{end}_Member.xlsx", "2025 (Content_)", "en",
                         snapshot, days)


def save(*files: AggregateFile | SinglePostFile) -> PostAnalytics:
    """What the document holds after importing `files` at once into an empty one."""
    return plan_merge(PostAnalytics(), AnalyticsReading(files)).result


def figures(posts: PostAnalytics) -> dict[str, Row]:
    return {d.day.isoformat(): (d.impressions, d.engagements, d.new_followers)
            for d in posts.days}


# Window 1-10 June, exported on the 10th; the next export (5-15 June) revises 6-9 June both
# ways and completes the partial 10 June.
JUNE = [(100, 5, 1), (200, -2, 0), (0, 0, 0), (50, 3, 2), (10, 1, None),
        (300, 9, 3), (40, 4, 1), (120, 6, 0), (80, 2, 1), (7, 0, 0)]
LATER = [(10, 1, None), (310, 9, 3), (38, 4, 1), (120, 6, 0), (80, 1, 1), (95, 4, 2),
         (60, 2, 0), (70, 3, 1), (20, 0, 0), (5, 1, 0), (9, 0, 0)]
FIRST = export("2026-06-01", "2026-06-10", JUNE, reached=420, followers=1000)
SECOND = export("2026-06-05", "2026-06-15", LATER, reached=510, followers=1004)


def test_a_newer_export_revises_the_days_it_shares_up_and_down_and_older_days_stay() -> None:
    stored = save(FIRST)
    merge = plan_merge(stored, AnalyticsReading((SECOND,)))
    got = figures(merge.result)
    assert got["2026-06-01"] == (100, 5, 1)  # only the older export has 1-4 June: kept
    assert got["2026-06-04"] == (50, 3, 2)
    assert got["2026-06-06"] == (310, 9, 3)  # revised up
    assert got["2026-06-07"] == (38, 4, 1)  # revised down: newest wins, not the maximum
    assert got["2026-06-09"] == (80, 1, 1)  # engagements fell on a settled day
    assert got["2026-06-10"] == (95, 4, 2)  # the old partial day, now complete
    assert got["2026-06-15"] == (9, 0, 0)
    assert len(got) == 15
    (report,) = merge.files
    assert isinstance(report, AggregateReport) and report.kind == AGGREGATE
    # 5-10 June are shared: 6, 7, 9 and 10 June differ; 5 and 8 June are the same.
    assert (report.days_read, report.days_new, report.days_revised, report.days_unchanged,
            report.days_kept, report.days_superseded) == (11, 5, 4, 2, 0, 0)
    assert (merge.days_added, merge.days_changed, merge.snapshots_added) == (5, 4, 1)
    assert not merge.changes_nothing


def test_an_older_export_imported_later_only_fills_the_days_the_newer_one_lacks() -> None:
    stored = save(SECOND)
    merge = plan_merge(stored, AnalyticsReading((FIRST,)))
    got = figures(merge.result)
    assert got["2026-06-06"] == (310, 9, 3) and got["2026-06-10"] == (95, 4, 2)  # kept
    assert got["2026-06-02"] == (200, -2, 0)  # negative engagements are real: not clamped
    (report,) = merge.files
    assert isinstance(report, AggregateReport)
    assert (report.days_new, report.days_revised, report.days_kept) == (4, 0, 6)
    assert (merge.days_added, merge.days_changed) == (4, 0)
    assert "6 where a newer saved export wins (kept as is)" in report.sentence()
    assert merge.result == save(FIRST, SECOND)


def test_re_importing_the_same_files_changes_nothing() -> None:
    stored = save(FIRST, SECOND)
    for again in ((FIRST,), (SECOND, FIRST), (SECOND, SECOND)):
        merge = plan_merge(stored, AnalyticsReading(again))
        assert merge.changes_nothing and merge.result == stored
        assert (merge.days_added, merge.days_changed, merge.snapshots_added) == (0, 0, 0)
        assert merge.summary_lines()[-1] == (
            "Nothing to save: everything these files hold is already saved.")


def test_the_same_file_dropped_twice_is_read_once() -> None:
    merge = plan_merge(PostAnalytics(), AnalyticsReading((FIRST, FIRST)))
    first, second = merge.files
    assert isinstance(first, AggregateReport) and isinstance(second, AggregateReport)
    assert first.days_new == 10 and second.duplicate_of == FIRST.name
    assert "the same export as Content_2026-06-01_2026-06-10_Member.xlsx" in second.sentence()
    assert merge.result == save(FIRST)


def test_on_the_same_end_day_the_later_export_time_wins_even_with_lower_figures() -> None:
    morning = export("2026-06-10", "2026-06-11", [(50, 2, 0), (30, 1, 0)], hour=1)
    evening = export("2026-06-10", "2026-06-11", [(49, 2, 0), (90, 3, 1)], hour=20)
    merge = plan_merge(save(evening), AnalyticsReading((morning,)))
    assert figures(merge.result) == {"2026-06-10": (49, 2, 0), "2026-06-11": (90, 3, 1)}
    (report,) = merge.files
    assert isinstance(report, AggregateReport) and report.days_kept == 2
    assert len(merge.result.snapshots) == 2  # both windows' snapshots are kept


def test_a_newer_file_in_the_same_import_wins_whatever_the_order() -> None:
    for files in ((FIRST, SECOND), (SECOND, FIRST)):
        merge = plan_merge(PostAnalytics(), AnalyticsReading(files))
        reports = {r.name: r for r in merge.files if isinstance(r, AggregateReport)}
        older = reports[FIRST.name]
        assert (older.days_new, older.days_superseded) == (4, 6)
        assert "6 where a newer file of this import wins" in older.sentence()
        assert merge.result == save(FIRST, SECOND)


def test_snapshots_are_kept_per_window_and_never_summed() -> None:
    posts = save(FIRST, SECOND)
    assert [(s.stamp.end, s.members_reached, s.followers_total) for s in posts.snapshots] == [
        (D("2026-06-10"), 420, 1000), (D("2026-06-15"), 510, 1004)]
    assert follower_totals(posts) == ((D("2026-06-10"), 1000), (D("2026-06-15"), 1004))
    # Each day names the export its figures came from, and that export's snapshot is kept.
    sources = {d.day.isoformat(): d.source.end.isoformat() for d in posts.days}
    assert sources["2026-06-04"] == "2026-06-10" and sources["2026-06-05"] == "2026-06-15"


def test_a_reread_of_the_same_export_replaces_its_stored_copy() -> None:
    fixed = export("2026-06-01", "2026-06-10", [*JUNE[:9], (8, 0, 0)], reached=421,
                   followers=1000)
    merge = plan_merge(save(FIRST), AnalyticsReading((fixed,)))
    (report,) = merge.files
    assert isinstance(report, AggregateReport)
    assert (report.days_revised, report.days_unchanged, report.snapshot) == (1, 9, UPDATED)
    assert merge.result.snapshots[0].members_reached == 421
    assert (merge.snapshots_added, merge.days_changed) == (0, 1)


# ---- single posts -----------------------------------------------------------------------------

URL = "https://www.linkedin.com/posts/member_slug-share-7485567442413494273-DJ8g"


def single(impressions: int, created: dt.datetime | None, name: str = "",
           url: str = URL) -> SinglePostFile:
    post = SinglePost(url, D("2026-07-22"), "10:00 AM", {"impressions": impressions},
                      created=created)
    return SinglePostFile(name or f"SinglePostAnalytics_Member_{impressions}.xlsx", "en", post)


def test_a_single_post_is_kept_once_per_url_the_later_export_winning() -> None:
    early, late = single(900, _at("2026-07-25")), single(1500, _at("2026-08-01"))
    merge = plan_merge(save(early), AnalyticsReading((late,)))
    (post,) = merge.result.posts
    assert post.metric("impressions") == 1500
    (report,) = merge.files
    assert isinstance(report, SinglePostReport) and report.kind == SINGLE_POST
    assert (report.status, report.url, report.published) == (UPDATED, URL, D("2026-07-22"))
    assert (merge.posts_added, merge.posts_updated) == (0, 1)
    assert "single post published 22 Jul 2026, " + URL in report.sentence()
    back = plan_merge(merge.result, AnalyticsReading((early,)))
    assert back.changes_nothing and back.files[0].status == KEPT  # type: ignore[union-attr]


def test_without_export_times_the_post_read_later_wins() -> None:
    merge = plan_merge(save(single(900, None)), AnalyticsReading((single(800, None),)))
    assert merge.result.posts[0].metric("impressions") == 800
    # A known time beats an unknown one, whatever was read last.
    merge = plan_merge(save(single(900, _at("2026-07-25"))),
                       AnalyticsReading((single(800, None),)))
    assert merge.changes_nothing


def test_single_posts_new_unchanged_and_beaten_in_one_import() -> None:
    other = single(40, _at("2026-07-30"), url=URL.replace("7485", "7486"))
    stored = save(other)
    a, b = single(900, _at("2026-07-25")), single(1500, _at("2026-08-01"))
    merge = plan_merge(stored, AnalyticsReading((a, other, b)))
    assert [r.status for r in merge.files] == [SUPERSEDED, UNCHANGED, NEW]  # type: ignore
    assert (merge.posts_added, merge.posts_updated) == (1, 0)
    assert [p.metric("impressions") for p in merge.result.posts] == [40, 1500]


def test_refused_files_are_reported_and_change_nothing() -> None:
    refused = Problem("notes.xlsx", 0, "", "This is not a LinkedIn analytics workbook.")
    merge = plan_merge(save(FIRST), AnalyticsReading((), (refused,)))
    assert merge.changes_nothing
    assert merge.summary_lines() == (
        "notes.xlsx: not imported. This is not a LinkedIn analytics workbook.",
        "Nothing to save: no file could be read.")


def test_the_report_says_what_will_be_saved() -> None:
    merge = plan_merge(save(FIRST), AnalyticsReading((SECOND, single(5, None))))
    assert merge.summary_lines()[0] == (
        "Content_2026-06-05_2026-06-15_Member.xlsx: aggregate export, 5 Jun 2026 to "
        "15 Jun 2026 (11 days); 11 days read: 5 new, 4 revised by this newer export, "
        "2 unchanged.")
    assert merge.summary_lines()[-1] == ("Will be saved: 5 days added, 4 days changed, "
                                         "1 export window added, 1 post added, 0 posts updated.")


# ---- any order --------------------------------------------------------------------------------

BASE = D("2026-01-01")
rows = st.tuples(st.integers(0, 500), st.integers(-5, 40), st.none() | st.integers(0, 9))


@st.composite
def exports(draw: st.DrawFn) -> AggregateFile:
    start = draw(st.integers(0, 30))
    length = draw(st.integers(1, 20))
    hour = draw(st.integers(0, 23))
    values = draw(st.lists(rows, min_size=length, max_size=length))
    first = BASE + dt.timedelta(days=start)
    end = first + dt.timedelta(days=length - 1)
    return export(first.isoformat(), end.isoformat(), values, hour=hour,
                  reached=draw(st.none() | st.integers(0, 999)))


@st.composite
def posts(draw: st.DrawFn) -> SinglePostFile:
    created = draw(st.none() | st.integers(0, 3).map(lambda d: _at(f"2026-08-0{d + 1}")))
    return single(draw(st.integers(0, 99)), created, url=URL[:-1] + draw(st.sampled_from("abc")))


files = st.lists(st.one_of(exports(), posts()), min_size=1, max_size=6)


@given(files, st.randoms(use_true_random=False), st.lists(exports(), max_size=2))
def test_the_result_does_not_depend_on_the_order_of_the_files(
        chosen: list[AggregateFile | SinglePostFile], random: Random,
        earlier: list[AggregateFile]) -> None:
    stored = save(*earlier)
    shuffled = list(chosen)
    random.shuffle(shuffled)
    one = plan_merge(stored, AnalyticsReading(tuple(chosen)))
    other = plan_merge(stored, AnalyticsReading(tuple(shuffled)))
    assert one.result == other.result
    again = plan_merge(one.result, AnalyticsReading(tuple(shuffled)))
    assert again.changes_nothing  # re-importing the same files changes nothing
    for report in one.files:
        if isinstance(report, AggregateReport):
            assert report.days_read == (report.days_new + report.days_revised
                                        + report.days_unchanged + report.days_kept
                                        + report.days_superseded)


@given(st.lists(exports(), min_size=1, max_size=5, unique_by=lambda f: f.snapshot.stamp))
def test_each_day_holds_the_newest_export_covering_it_however_they_were_imported(
        chosen: list[AggregateFile]) -> None:
    # Independently of the merge: for each day, the covering export that ends last, then
    # was made last.
    expected: dict[dt.date, tuple[int, int, int | None]] = {}
    for file in sorted(chosen, key=lambda f: (f.snapshot.stamp.end, f.snapshot.stamp.created,
                                              f.snapshot.stamp.start)):
        expected.update({d.day: (d.impressions, d.engagements, d.new_followers)
                         for d in file.days})
    at_once = save(*chosen)
    one_by_one = PostAnalytics()
    for file in chosen:
        one_by_one = plan_merge(one_by_one, AnalyticsReading((file,))).result
    assert at_once == one_by_one
    assert {d.day: (d.impressions, d.engagements, d.new_followers)
            for d in at_once.days} == expected
    assert len(at_once.snapshots) == len(chosen)  # one per export, never merged


def test_old_windows_keep_headline_figures_only_and_importing_one_again_changes_nothing() -> None:
    """Fourteen monthly exports: the newest DETAILED_WINDOWS keep their top posts, the older
    ones only their figures (the storage budget), and re-importing an old file is a no-op."""
    from ssi_coach.model import TopPost
    from ssi_coach.posts.budget import DETAILED_WINDOWS

    url = "https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000000"
    files = []
    for month in range(1, 15):
        end = dt.date(2025, 1, 10) + dt.timedelta(days=30 * month)
        base = export((end - dt.timedelta(days=2)).isoformat(), end.isoformat(),
                      [(10, 1, 0)] * 3, followers=1000 + month)
        top = (TopPost(url, end, 50 + month, 5),)
        files.append(AggregateFile(base.name, base.era, base.language,
                                   replace(base.snapshot, top_posts=top), base.days))
    stored = save(*files)
    detailed = [s for s in stored.snapshots if s.top_posts]
    assert len(stored.snapshots) == 14 and len(detailed) == DETAILED_WINDOWS
    oldest = min(stored.snapshots, key=lambda s: s.stamp.newness())
    assert oldest.top_posts == () and oldest.followers_total == 1001
    again = plan_merge(stored, AnalyticsReading((files[0],)))
    assert again.changes_nothing and again.result == stored


def test_in_one_import_the_older_file_says_how_many_of_its_days_the_newer_one_revises() -> None:
    merge = plan_merge(PostAnalytics(), AnalyticsReading((SECOND, FIRST)))
    older = merge.files[1]
    assert isinstance(older, AggregateReport)
    # 5-10 June are in both; the newer file differs on 6, 7, 9 and 10 June.
    assert (older.days_new, older.days_superseded, older.days_superseded_revised) == (4, 6, 4)
    assert "6 where a newer file of this import wins (4 of them revised by it)" in (
        older.sentence())
