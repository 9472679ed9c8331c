"""What post analytics keep, so they stay small in the browser's storage.

Days are cheap (about 12 characters each stored) and every day is kept. A window's snapshot
is not: its top posts (up to 50 + 50) and demographics (30 to 60 rows a table) take about
5 KB, and monthly exports of year-long windows mostly repeat each other, so three years of
them would pass the 250 KB budget on their own. `prune` keeps every snapshot and its
headline figures (window, impressions, members reached, follower total: what the charts
read over time), but the top posts and demographics only of the newest `DETAILED_WINDOWS`
exports. A pruned snapshot still stands beside its window, so the days it gave stay theirs.
Single posts are kept whole: one per post the member chose to import.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import PostAnalytics, WindowSnapshot

DETAILED_WINDOWS = 12  # a year of monthly exports keep their top posts and demographics
BUDGET_CHARACTERS = 250_000  # the whole stored posts part, next to localStorage's ~5 MB


def prune(posts: PostAnalytics) -> PostAnalytics:
    """`posts` with top posts and demographics dropped from all but the newest
    DETAILED_WINDOWS snapshots; everything else as it was (the same object when nothing
    needs dropping)."""
    newest = sorted(posts.snapshots, key=lambda s: s.stamp.newness(), reverse=True)
    detailed = {s.stamp for s in newest[:DETAILED_WINDOWS]}
    snapshots = tuple(s if s.stamp in detailed else headline(s) for s in posts.snapshots)
    return posts if snapshots == posts.snapshots else replace(posts, snapshots=snapshots)


def headline(snapshot: WindowSnapshot) -> WindowSnapshot:
    """The snapshot's window and figures, without its top posts and demographics."""
    return WindowSnapshot(snapshot.stamp, snapshot.impressions, snapshot.members_reached,
                          snapshot.followers_total)
