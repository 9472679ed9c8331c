"""Weekly sums of post days: ISO weeks in UTC, partial weeks flagged, totals kept as points."""

from __future__ import annotations

import datetime as dt

from ssi_coach.model import ExportStamp, PostAnalytics, PostDay, WindowSnapshot
from ssi_coach.posts.weekly import follower_totals, totals_of, weekly

D = dt.date.fromisoformat
STAMP = ExportStamp(D("2026-06-01"), D("2026-06-10"), dt.datetime(2026, 6, 10, 4, tzinfo=dt.UTC))


def _days(start: str, rows: list[tuple[int, int, int | None]],
          stamp: ExportStamp = STAMP) -> tuple[PostDay, ...]:
    first = D(start)
    return tuple(PostDay(first + dt.timedelta(days=i), imp, eng, fol, stamp)
                 for i, (imp, eng, fol) in enumerate(rows))


def test_days_sum_into_monday_weeks_and_the_export_day_makes_its_week_partial() -> None:
    # 2026-06-01 is a Monday; the window runs to Wednesday 10 June, the export day.
    rows = [(100, 5, 1), (200, -2, 0), (0, 0, 0), (50, 3, 2), (10, 1, None), (0, 0, 0),
            (40, 4, 1), (300, 9, 3), (20, 2, 0), (7, 0, 0)]
    posts = PostAnalytics(days=_days("2026-06-01", rows), snapshots=(WindowSnapshot(STAMP),))
    first, second = weekly(posts)
    assert (first.week, first.impressions, first.engagements, first.new_followers) == (
        D("2026-06-01"), 400, 11, 4)
    assert first.complete and first.engagement_rate() == 11 / 400
    assert (second.week, second.impressions, second.days) == (D("2026-06-08"), 327, 3)
    assert second.partial and not second.complete


def test_a_week_without_follower_rows_has_unknown_followers_and_no_impressions_no_rate() -> None:
    posts = PostAnalytics(days=_days("2026-06-08", [(0, 0, None)] * 3),
                          snapshots=(WindowSnapshot(STAMP),))
    (week,) = weekly(posts)
    assert week.new_followers is None and week.engagement_rate() is None
    assert totals_of([week]) == (0, 0, 0)


def test_follower_totals_are_the_stated_points_the_newer_export_winning_a_shared_end_day() -> None:
    year = (D("2025-06-10"), D("2026-06-10"))
    early = ExportStamp(*year, dt.datetime(2026, 6, 10, 1, tzinfo=dt.UTC))
    late = ExportStamp(*year, dt.datetime(2026, 6, 10, 9, tzinfo=dt.UTC))
    older = ExportStamp(D("2025-05-01"), D("2026-05-01"))
    posts = PostAnalytics(snapshots=(WindowSnapshot(late, followers_total=1210),
                                     WindowSnapshot(older, followers_total=1100),
                                     WindowSnapshot(early, followers_total=1200),
                                     WindowSnapshot(ExportStamp(D("2026-06-11"), D("2026-06-11")))))
    assert follower_totals(posts) == ((D("2026-05-01"), 1100), (D("2026-06-10"), 1210))
