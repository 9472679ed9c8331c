"""What did best in the member's own posts: the weekday they published on, and the format.

Both answers come from the member's history only and say how much of it they rest on. The
posts are the top posts of every export (one per post, the newest export's figure where it
has one) and the single posts the member imported. A post's impressions are what its
workbook says: within the export's window for a top post, up to the export for a single
post. Too little data gives no answer (None), never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import PostAnalytics, SinglePost, week_of

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LEAST_PER_WEEKDAY = 3  # posts on a weekday for its median to be compared at all
LEAST_GROUPS = 2  # weekdays (or formats) to compare: one alone is not "best"
LEAST_POSTS = 8  # posts in all: fewer are anecdotes
LEAST_WITH_KIND = 3  # single posts naming their format
# The activity id in a post's link; /posts/ links may carry a share id instead, which differs.
_ACTIVITY = re.compile(r"activity[:-](\d{15,})")
_LONG_AGO = dt.datetime.min.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Published:
    """One post as this module reads it: when it was published and its impressions."""

    key: str  # its activity id where the link shows one, else its link
    published: dt.date
    impressions: int
    kind: str = ""  # its format, where its workbook names it


@dataclass(frozen=True)
class Group:
    """The posts of one weekday or one format: how many, and their median impressions."""

    name: str  # "Tuesday", or a format as the workbook names it ("video")
    posts: int
    median: float


@dataclass(frozen=True)
class Advice:
    """The best group against the others, and how much data that rests on."""

    best: Group
    others_median: float  # the median of the other compared groups' medians
    compared: tuple[Group, ...]  # every group that qualified, best first
    groups: tuple[Group, ...]  # every group with a post, Monday (or A) first
    posts: int  # posts read in all (including groups too small to compare)
    weeks: int  # ISO weeks from the first post to the last

    @property
    def lift(self) -> float | None:
        """How much better than the others, as a share (0.6 is 60 % more); None when the
        others' median is 0."""
        return self.best.median / self.others_median - 1 if self.others_median > 0 else None

    def better(self) -> str:
        """'60 % more than' or, against a median of 0, '1,200 more impressions than'."""
        lift = self.lift
        if lift is not None:
            return f"{lift:.0%} more than"
        return f"{self.best.median:,.0f} more impressions than"

    def rests_on(self, what: str) -> str:
        """'Based on 23 posts over 31 weeks, comparing 4 weekdays'."""
        return (f"Based on {_count(self.posts, 'post')} over {_count(self.weeks, 'week')}, "
                f"comparing {len(self.compared)} {what}")


@dataclass(frozen=True)
class WeekdayAdvice(Advice):
    """Which weekday the member's posts did best on."""

    def words(self) -> str:
        return (f"Your posts published on a {self.best.name} did best: a median of "
                f"{self.best.median:,.0f} impressions over {_count(self.best.posts, 'post')}, "
                f"{self.better()} the median of your other weekdays "
                f"({self.others_median:,.0f}). {self.rests_on('weekdays')} with at least "
                f"{LEAST_PER_WEEKDAY} posts each.")


@dataclass(frozen=True)
class FormatAdvice(Advice):
    """Which format (as the single-post workbooks name it) did best."""

    def words(self) -> str:
        return (f"Your {self.best.name} posts did best: a median of {self.best.median:,.0f} "
                f"impressions over {_count(self.best.posts, 'post')}, {self.better()} the "
                f"median of your other formats ({self.others_median:,.0f}). "
                f"{self.rests_on('formats')}: {_groups(self.compared)}.")


def best_weekday(posts: PostAnalytics) -> WeekdayAdvice | None:
    """The weekday (of the UTC publish date) whose posts had the highest median impressions,
    among weekdays with LEAST_PER_WEEKDAY posts or more; None with fewer than LEAST_POSTS
    posts or LEAST_WEEKDAYS such weekdays. Ties go to the weekday with more posts, then the
    earlier in the week."""
    read = published(posts)
    if len(read) < LEAST_POSTS:
        return None
    by_day: dict[str, list[int]] = {}
    for post in sorted(read, key=lambda p: p.published.weekday()):
        by_day.setdefault(WEEKDAYS[post.published.weekday()], []).append(post.impressions)
    found = _compare(by_day, LEAST_PER_WEEKDAY)
    if found is None:
        return None
    best, others, compared = found
    return WeekdayAdvice(best, others, compared, _all(by_day), len(read), _weeks(read))


def best_format(posts: PostAnalytics) -> FormatAdvice | None:
    """The format whose single posts had the highest median impressions, when at least
    LEAST_WITH_KIND single posts name one and at least two formats can be compared (a
    format with one post can be compared; a single format cannot). None otherwise: a format
    is never guessed."""
    named = [p for p in _singles(posts.posts) if p.kind]
    if len(named) < LEAST_WITH_KIND:
        return None
    by_kind: dict[str, list[int]] = {}
    for post in sorted(named, key=lambda p: p.kind):
        by_kind.setdefault(post.kind, []).append(post.impressions)
    found = _compare(by_kind, 1)
    if found is None:
        return None
    best, others, compared = found
    return FormatAdvice(best, others, compared, _all(by_kind), len(named), _weeks(named))


def published(posts: PostAnalytics) -> tuple[Published, ...]:
    """Every post with a publish date and known impressions, once: the top posts of all
    exports (per post the newest export that states its impressions) and the single posts.
    A single post's own workbook wins over its top-post rows. Where a single post's link
    cannot be matched to a top post (it names a share id) and a top post was published the
    same day, it is left out rather than risk counting one post twice."""
    tops = _tops(posts)
    singles = _singles(posts.posts)
    matched = {p.key for p in singles if p.key in tops}
    top_days = {p.published for key, p in tops.items() if key not in matched}
    # An activity id (all digits) that matches no top post is another post; a link may not be.
    kept = [p for p in singles if p.key in matched or p.key.isdigit()
            or p.published not in top_days]
    kept_keys = {p.key for p in kept}
    return tuple(sorted([*kept, *(p for key, p in tops.items() if key not in kept_keys)],
                        key=lambda p: (p.published, p.key)))


def _tops(posts: PostAnalytics) -> dict[str, Published]:
    found: dict[str, Published] = {}
    for snapshot in sorted(posts.snapshots, key=lambda s: s.stamp.newness()):
        for top in snapshot.top_posts:
            if top.impressions is not None:  # a newer export's figure replaces an older one
                key = _key(top.url)
                found[key] = Published(key, top.published, top.impressions)
    return found


def _singles(singles: Iterable[SinglePost]) -> list[Published]:
    """The single posts with a date and impressions, one per post: of two workbooks of the
    same post (two links naming one activity id) the later created."""
    newest: dict[str, tuple[dt.datetime, Published]] = {}
    for post in singles:
        impressions = post.metric("impressions")
        if post.published is None or impressions is None:
            continue
        read = Published(_key(post.url), post.published, impressions, post.kind.strip())
        created = post.created or _LONG_AGO
        if read.key not in newest or created >= newest[read.key][0]:
            newest[read.key] = (created, read)
    return [read for _, read in newest.values()]


def _key(url: str) -> str:
    found = _ACTIVITY.search(url)
    return found.group(1) if found else url


def _compare(groups: dict[str, list[int]],
             least: int) -> tuple[Group, float, tuple[Group, ...]] | None:
    """(best group, median of the others' medians, compared groups best first), or None with
    fewer than LEAST_GROUPS groups of `least` posts or more, or when the best does no better
    than the others' median. `groups` in a stable order that breaks the last ties."""
    compared = [Group(name, len(values), statistics.median(values))
                for name, values in groups.items() if len(values) >= least]
    if len(compared) < LEAST_GROUPS:
        return None
    compared.sort(key=lambda g: (-g.median, -g.posts))  # stable: ties keep `groups`' order
    best, *others = compared
    others_median = statistics.median(g.median for g in others)
    if best.median <= others_median:
        return None  # nothing stands out
    return best, others_median, tuple(compared)


def _all(groups: dict[str, list[int]]) -> tuple[Group, ...]:
    return tuple(Group(name, len(values), statistics.median(values))
                 for name, values in groups.items())


def _groups(groups: Iterable[Group]) -> str:
    """The groups in words: 'video 4 posts, median 2,100; text 3 posts, median 640'."""
    return "; ".join(f"{g.name} {_count(g.posts, 'post')}, median {g.median:,.0f}"
                     for g in groups)


def _weeks(posts: Sequence[Published]) -> int:
    days = [p.published for p in posts]
    return (week_of(max(days)) - week_of(min(days))).days // 7 + 1


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
