"""Post analytics records: what LinkedIn's post analytics workbooks say about the member's
posts, once read and merged.

An aggregate workbook covers a window of days (`ExportStamp`): one row per day
(`PostDay`: impressions, engagements, new followers) and figures that hold for the window as
a whole (`WindowSnapshot`: members reached, the follower total at the export moment, the top
posts, the audience's demographics). Days from several exports merge, the newest export
winning each day; snapshots are never summed or merged, only kept beside their window. A
single-post workbook gives one post's totals and its viewers (`SinglePost`). `PostAnalytics`
holds all of it in the document. Reading the workbooks is in `ssi_coach.importers.analytics`,
merging and analysis in `ssi_coach.posts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

# Demographic categories, canonical keys in LinkedIn's order, and how the app names them.
DEMOGRAPHIC_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("job_title", "Job titles"),
    ("location", "Locations"),
    ("industry", "Industries"),
    ("seniority", "Seniority"),
    ("company_size", "Company size"),
    ("company", "Companies"),
)
DEMOGRAPHIC_KEYS = tuple(key for key, _ in DEMOGRAPHIC_CATEGORIES)
# The seniorities that sign or approve purchases: "are the right people seeing my posts?"
DECISION_MAKER_SENIORITIES = ("Director", "VP", "CXO", "Owner", "Partner")

# A single post's figures, in the order its workbook lists them, with the app's labels.
POST_METRICS: tuple[tuple[str, str], ...] = (
    ("impressions", "Impressions"),
    ("members_reached", "Members reached"),
    ("profile_viewers", "Profile viewers from this post"),
    ("followers_gained", "Followers gained from this post"),
    ("social_engagements", "Social engagements"),
    ("reactions", "Reactions"),
    ("comments", "Comments"),
    ("reposts", "Reposts"),
    ("saves", "Saves"),
    ("sends", "Sends on LinkedIn"),
    ("link_engagements", "Link engagements"),
    ("button_engagements", "Premium custom button engagements"),
)
POST_METRIC_KEYS = tuple(key for key, _ in POST_METRICS)

_UNKNOWN_TIME = dt.datetime.min.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class ExportStamp:
    """Which aggregate export a figure came from: its window and when it was made.

    Of two exports the newer is the one whose window ends later, then (same end) the one
    created later; an unknown creation time counts as the oldest."""

    start: dt.date  # first day of the window
    end: dt.date  # last day: the export day, whose figures are partial
    created: dt.datetime | None = None  # the workbook's creation time (UTC), when it says

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("an export window cannot end before it starts")
        if self.created is not None and self.created.tzinfo is None:
            raise ValueError("an export's creation time is in UTC")

    def newness(self) -> tuple[dt.date, dt.datetime]:
        """Sort key: larger is newer (see the class docstring)."""
        return (self.end, self.created or _UNKNOWN_TIME)

    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class PostDay:
    """One UTC day of the member's posts, as the newest export that covers it says."""

    day: dt.date
    impressions: int  # >= 0
    engagements: int  # net: may be negative when reactions or comments were withdrawn
    new_followers: int | None  # gross follows that day; None when the export had no row
    source: ExportStamp  # the export these figures came from

    @property
    def partial(self) -> bool:
        """The export was made during this day, so its figures are still incomplete."""
        return self.day == self.source.end


@dataclass(frozen=True)
class Share:
    """One line of a demographics table: a value and its share of the category."""

    category: str  # one of DEMOGRAPHIC_KEYS
    value: str  # as LinkedIn wrote it: "Director", "10,001+ employees"
    percent: float | None  # 0-100; None when LinkedIn says only "below 1 %"

    @property
    def below_one(self) -> bool:
        return self.percent is None


@dataclass(frozen=True)
class TopPost:
    """A post in a window's top-posts tables. A post absent from one table has an unknown
    value for that table's figure (None), never zero."""

    url: str  # https://www.linkedin.com/feed/update/urn:li:activity:<id>
    published: dt.date  # UTC
    impressions: int | None  # within the window
    engagements: int | None  # within the window


@dataclass(frozen=True)
class WindowSnapshot:
    """What one aggregate export says about its window as a whole. These figures are not
    additive: members reached and demographics count distinct people, the follower total is
    a point in time. They are kept beside their window and never summed."""

    stamp: ExportStamp
    impressions: int | None = None  # the window's total, as the workbook states it
    members_reached: int | None = None
    followers_total: int | None = None  # at the export moment (stamp.end)
    top_posts: tuple[TopPost, ...] = ()
    audience: tuple[Share, ...] = ()  # the member's followers
    content_audience: tuple[Share, ...] = ()  # viewers of the window's posts (2026 files)


@dataclass(frozen=True)
class SinglePost:
    """One post's figures from its own workbook: totals from publication to the export."""

    url: str
    published: dt.date | None = None
    published_time: str = ""  # as the workbook wrote it: "10:00 AM"
    metrics: Mapping[str, int] = field(default_factory=dict)  # POST_METRIC_KEYS it holds
    viewers: tuple[Share, ...] = ()  # the post's viewers
    created: dt.datetime | None = None  # the workbook's creation time (UTC), when it says
    kind: str = ""  # the post's format where the workbook names it ("video"); else ""

    def metric(self, key: str) -> int | None:
        return self.metrics.get(key)


@dataclass(frozen=True)
class PostAnalytics:
    """Everything kept from post analytics workbooks: merged days (oldest first, one per
    day), one snapshot per export window (oldest window end first), single posts (by URL)."""

    days: tuple[PostDay, ...] = ()
    snapshots: tuple[WindowSnapshot, ...] = ()
    posts: tuple[SinglePost, ...] = ()

    def __post_init__(self) -> None:
        days = [d.day for d in self.days]
        if days != sorted(set(days)):
            raise ValueError("post days must be in order with one row per day")
        stamps = {s.stamp for s in self.snapshots}
        if len(stamps) != len(self.snapshots):
            raise ValueError("one snapshot per export")
        if any(d.source not in stamps for d in self.days):
            raise ValueError("every day comes from an export whose snapshot is kept")
        urls = [p.url for p in self.posts]
        if len(urls) != len(set(urls)):
            raise ValueError("one single-post record per post")

    def is_empty(self) -> bool:
        return not (self.days or self.snapshots or self.posts)

    def latest(self) -> WindowSnapshot | None:
        """The newest export's snapshot, or None before any aggregate import."""
        return max(self.snapshots, key=lambda s: s.stamp.newness(), default=None)
