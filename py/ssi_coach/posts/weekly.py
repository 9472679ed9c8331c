"""Weekly sums of the merged post days, and the follower total over time.

A week is an ISO week named by its Monday (UTC days, as LinkedIn counts them). A week with
fewer than seven days of data, or holding a day whose export was made during it, is not
complete: it is shown, but flagged, and never read as a trend's last word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import PostAnalytics, PostDay, week_of


@dataclass(frozen=True)
class PostWeek:
    """One ISO week of the member's posts, summed from the merged days."""

    week: dt.date  # its Monday
    impressions: int
    engagements: int  # net, so it may be below zero
    new_followers: int | None  # None when no day of the week had a follower row
    days: int  # days of the week with figures (1-7)
    partial: bool  # holds a day whose figures were still coming in when exported

    @property
    def complete(self) -> bool:
        return self.days == 7 and not self.partial

    def engagement_rate(self) -> float | None:
        """Engagements per impression (0.034 is 3.4 %), or None without impressions."""
        return self.engagements / self.impressions if self.impressions > 0 else None


def weekly(posts: PostAnalytics) -> tuple[PostWeek, ...]:
    """The merged days summed per ISO week, oldest first; weeks without any day are left
    out (a gap in the exports is unknown, not zero)."""
    by_week: dict[dt.date, list[PostDay]] = {}
    for day in posts.days:
        by_week.setdefault(week_of(day.day), []).append(day)
    return tuple(_week(monday, days) for monday, days in sorted(by_week.items()))


def _week(monday: dt.date, days: list[PostDay]) -> PostWeek:
    followers = [d.new_followers for d in days if d.new_followers is not None]
    return PostWeek(
        week=monday,
        impressions=sum(d.impressions for d in days),
        engagements=sum(d.engagements for d in days),
        new_followers=sum(followers) if followers else None,
        days=len(days),
        partial=any(d.partial for d in days),
    )


def follower_totals(posts: PostAnalytics) -> tuple[tuple[dt.date, int], ...]:
    """The follower total each export stated, at its end day, oldest first; of two exports
    ending the same day the newer one's. Totals are net of unfollows and the daily rows
    count gross follows, so totals are kept as dated points and never rebuilt from days."""
    totals: dict[dt.date, tuple[tuple[dt.date, dt.datetime], int]] = {}
    for snapshot in posts.snapshots:
        if snapshot.followers_total is None:
            continue
        end, newness = snapshot.stamp.end, snapshot.stamp.newness()
        if end not in totals or newness > totals[end][0]:
            totals[end] = (newness, snapshot.followers_total)
    return tuple((end, total) for end, (_, total) in sorted(totals.items()))


def totals_of(weeks: Iterable[PostWeek]) -> tuple[int, int, int]:
    """Impressions, engagements and new followers (missing counted as none) of some weeks."""
    listed = list(weeks)
    return (sum(w.impressions for w in listed), sum(w.engagements for w in listed),
            sum(w.new_followers or 0 for w in listed))
