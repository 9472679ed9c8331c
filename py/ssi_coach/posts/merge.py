"""Bringing one import's workbooks into the stored post analytics: what will change, then the
new records (`PostsMerge.result`, saved only once the member confirms).

Rules (format spec §1 and §4): per day the NEWEST export wins (`ExportStamp.newness`), not the
larger figure, since LinkedIn revises days both ways; days only an older export has are kept;
window snapshots are kept one per export (`ExportStamp`), never summed; single posts are kept
one per URL, the copy with the later creation time winning (unknown counts as oldest, then the
copy read later: this import over what is stored). The files of one import may come in any
order: the result never depends on it. Where two files are the same export (equal stamps),
the file read now wins over the stored copy, and between files of this import a fixed order
of their contents decides, so dropping the same file twice changes nothing.

The report says, per file in reading order, what it brings: days read, new, revised (the
value differs from what was kept and this export is newer), unchanged, kept because a newer
stored export wins, and left because a newer file of this import wins; rows skipped (the
Problems themselves are in the reading); for a single post which post and whether it is new.
It never quotes a post's text (the reader never reads it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..importers.analytics.types import (
    AGGREGATE,
    SINGLE_POST,
    AggregateFile,
    AnalyticsReading,
    SinglePostFile,
)
from ..model import ExportStamp, PostAnalytics, PostDay, Problem, SinglePost, WindowSnapshot
from ..text import count, long_date
from .budget import prune

# What a file does to one post it holds (SinglePostReport.status).
NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"
KEPT = "kept"  # a newer copy is already stored: kept as is
SUPERSEDED = "superseded"  # a newer file of this import holds the same post

_OLDEST = dt.datetime.min.replace(tzinfo=dt.UTC)
_STORED = -1  # the origin of what is already stored; files are 0, 1, ... in reading order

# A total order on copies of the same thing: newer first by time, then this import over the
# stored copy, then (same export twice) a fixed order of the contents.
Rank = tuple[dt.date, dt.datetime, dt.date, int, str]
PostRank = tuple[dt.datetime, int, int, str]


@dataclass(frozen=True)
class AggregateReport:
    """What one aggregate workbook brings. The day counts add up to `days_read`."""

    name: str
    stamp: ExportStamp  # its window and export time
    era: str
    days_read: int
    days_new: int  # no day stored before
    days_revised: int  # stored with other figures; this newer export's figures replace them
    days_unchanged: int  # stored with the same figures
    days_kept: int  # a newer stored export wins: kept as is
    days_superseded: int  # a newer file of this import wins
    rows_skipped: int
    snapshot: str  # NEW, UPDATED or UNCHANGED: the window's figures as stored after saving
    # of the superseded days, those the newer file revises (its figures differ from these)
    days_superseded_revised: int = 0
    duplicate_of: str = ""  # the earlier file of this import that is the same export
    notes: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return AGGREGATE

    def sentence(self) -> str:
        window = (f"{long_date(self.stamp.start)} to {long_date(self.stamp.end)} "
                  f"({count(self.stamp.days(), 'day')})")
        head = f"{self.name}: aggregate export, {window}"
        if self.duplicate_of:
            return f"{head}; the same export as {self.duplicate_of}, read once.{_skipped(self)}"
        parts = [f"{self.days_new:,} new", f"{self.days_revised:,} revised by this newer export",
                 f"{self.days_unchanged:,} unchanged"]
        if self.days_kept:
            parts.append(f"{self.days_kept:,} where a newer saved export wins (kept as is)")
        if self.days_superseded:
            revised = (f" ({self.days_superseded_revised:,} of them revised by it)"
                       if self.days_superseded_revised else "")
            parts.append(f"{self.days_superseded:,} where a newer file of this import wins"
                         f"{revised}")
        return f"{head}; {count(self.days_read, 'day')} read: {', '.join(parts)}.{_skipped(self)}"


@dataclass(frozen=True)
class SinglePostReport:
    """What one single-post workbook brings."""

    name: str
    url: str
    published: dt.date | None
    status: str  # NEW, UPDATED, UNCHANGED, KEPT or SUPERSEDED
    rows_skipped: int
    duplicate_of: str = ""
    notes: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return SINGLE_POST

    def sentence(self) -> str:
        when = f"published {long_date(self.published)}" if self.published else "date unknown"
        what = {NEW: "new", UPDATED: "updated with these newer figures",
                UNCHANGED: "already saved with the same figures",
                KEPT: "a newer export of this post is saved (kept as is)",
                SUPERSEDED: "a newer file of this import holds this post"}[self.status]
        if self.duplicate_of:
            what = f"the same export as {self.duplicate_of}, read once"
        return f"{self.name}: single post {when}, {self.url}: {what}.{_skipped(self)}"


FileReport = AggregateReport | SinglePostReport


def _skipped(report: FileReport) -> str:
    if not report.rows_skipped:
        return ""
    return f" {count(report.rows_skipped, 'row')} skipped (listed below)."


@dataclass(frozen=True)
class PostsMerge:
    """What saving this import would do: the report, and the records it would store."""

    current: PostAnalytics
    result: PostAnalytics
    files: tuple[FileReport, ...]  # in reading order
    refused: tuple[Problem, ...]  # whole files not read, with the reason

    @property
    def days_added(self) -> int:
        stored = {d.day for d in self.current.days}
        return sum(d.day not in stored for d in self.result.days)

    @property
    def days_changed(self) -> int:
        """Days stored before whose figures change (a newer export's revision)."""
        stored = {d.day: _figures(d) for d in self.current.days}
        return sum(d.day in stored and stored[d.day] != _figures(d) for d in self.result.days)

    @property
    def snapshots_added(self) -> int:
        stored = {s.stamp for s in self.current.snapshots}
        return sum(s.stamp not in stored for s in self.result.snapshots)

    @property
    def posts_added(self) -> int:
        stored = {p.url for p in self.current.posts}
        return sum(p.url not in stored for p in self.result.posts)

    @property
    def posts_updated(self) -> int:
        stored = {p.url: p for p in self.current.posts}
        return sum(p.url in stored and stored[p.url] != p for p in self.result.posts)

    @property
    def changes_nothing(self) -> bool:
        return self.result == self.current

    def summary_lines(self) -> tuple[str, ...]:
        """Plain sentences for the import panel: each file, each refused file, then what
        will be saved."""
        lines = [f.sentence() for f in self.files]
        lines += [f"{p.file}: not imported. {p.message}" for p in self.refused]
        lines.append(self.saved_sentence())
        return tuple(lines)

    def saved_sentence(self) -> str:
        if self.changes_nothing:
            if not self.files:
                return "Nothing to save: no file could be read."
            return "Nothing to save: everything these files hold is already saved."
        parts = [count(self.days_added, "day") + " added",
                 count(self.days_changed, "day") + " changed",
                 count(self.snapshots_added, "export window") + " added",
                 count(self.posts_added, "post") + " added",
                 count(self.posts_updated, "post") + " updated"]
        return f"Will be saved: {', '.join(parts)}."


# ---- merging ----------------------------------------------------------------------------------

def plan_merge(current: PostAnalytics, reading: AnalyticsReading) -> PostsMerge:
    """What importing `reading` over `current` would store, and the report; nothing is saved
    here. The result does not depend on the order of the reading's files."""
    aggregates = [(i, f) for i, f in enumerate(reading.files) if isinstance(f, AggregateFile)]
    singles = [(i, f) for i, f in enumerate(reading.files) if isinstance(f, SinglePostFile)]
    days, day_winners = _merged_days(current, aggregates)
    snapshots = _merged_snapshots(current, aggregates)
    posts, post_winners = _merged_posts(current, singles)
    # Within the storage budget: older windows keep their headline figures only (budget.py).
    result = prune(PostAnalytics(days=days, snapshots=snapshots, posts=posts))
    reports: list[FileReport] = []
    for index, file in enumerate(reading.files):
        if isinstance(file, AggregateFile):
            reports.append(_aggregate_report(index, file, reading, current, result,
                                             day_winners))
        else:
            reports.append(_post_report(index, file, reading, current, post_winners))
    return PostsMerge(current=current, result=result, files=tuple(reports),
                      refused=reading.refused)


def _figures(day: PostDay) -> tuple[int, int, int | None]:
    return (day.impressions, day.engagements, day.new_followers)


def _rank(stamp: ExportStamp, origin: int, contents: str) -> Rank:
    return (stamp.end, stamp.created or _OLDEST, stamp.start, int(origin != _STORED), contents)


def _contents(file: AggregateFile | SinglePostFile) -> str:
    """A fixed order between files that are the same export read twice (their records'
    text): only decides between equal stamps, never between different exports."""
    if isinstance(file, AggregateFile):
        return repr((file.snapshot, file.days))
    return repr(file.post)


def _file_days(file: AggregateFile) -> dict[dt.date, PostDay]:
    """The file's days, each carrying the file's export stamp (one per day)."""
    stamp = file.snapshot.stamp
    return {d.day: d if d.source == stamp else replace(d, source=stamp) for d in file.days}


def _merged_days(current: PostAnalytics, aggregates: list[tuple[int, AggregateFile]]
                 ) -> tuple[tuple[PostDay, ...], dict[dt.date, int]]:
    """Per day the newest copy, and where each day's winner came from (_STORED or a file)."""
    best: dict[dt.date, tuple[Rank, int, PostDay]] = {
        d.day: (_rank(d.source, _STORED, ""), _STORED, d) for d in current.days}
    for index, file in aggregates:
        rank = _rank(file.snapshot.stamp, index, _contents(file))
        for day, row in _file_days(file).items():
            if day not in best or rank > best[day][0]:
                best[day] = (rank, index, row)
    ordered = sorted(best.items())
    return tuple(row for _, (_, _, row) in ordered), {d: o for d, (_, o, _) in ordered}


def _merged_snapshots(current: PostAnalytics, aggregates: list[tuple[int, AggregateFile]]
                      ) -> tuple[WindowSnapshot, ...]:
    """One snapshot per export: the stored ones, replaced by this import's copy of the same
    export (equal stamps), oldest window end first."""
    kept = {s.stamp: s for s in current.snapshots}
    ranked = sorted(aggregates, key=lambda f: _rank(f[1].snapshot.stamp, f[0], _contents(f[1])))
    for _, file in ranked:
        kept[file.snapshot.stamp] = file.snapshot
    return tuple(sorted(kept.values(), key=lambda s: _rank(s.stamp, _STORED, "")))


def _post_rank(post: SinglePost, origin: int, contents: str) -> PostRank:
    impressions = post.metric("impressions")
    return (post.created or _OLDEST, int(origin != _STORED),
            -1 if impressions is None else impressions, contents)


def _merged_posts(current: PostAnalytics, singles: list[tuple[int, SinglePostFile]]
                  ) -> tuple[tuple[SinglePost, ...], dict[str, int]]:
    """One post per URL: the later-created copy; unknown times count as oldest, then this
    import over the stored copy, then the copy with more impressions (totals only grow)."""
    best: dict[str, tuple[PostRank, int, SinglePost]] = {
        p.url: (_post_rank(p, _STORED, ""), _STORED, p) for p in current.posts}
    for index, file in singles:
        rank = _post_rank(file.post, index, _contents(file))
        url = file.post.url
        if url not in best or rank > best[url][0]:
            best[url] = (rank, index, file.post)
    stored_order = [p.url for p in current.posts]
    new = sorted(best.keys() - set(stored_order),
                 key=lambda u: (best[u][2].published or dt.date.min, u))
    order = [*stored_order, *new]
    return tuple(best[u][2] for u in order), {u: best[u][1] for u in order}


# ---- reporting --------------------------------------------------------------------------------

def _duplicate_of(index: int, file: AggregateFile | SinglePostFile,
                  reading: AnalyticsReading) -> str:
    """The name of an earlier file of this import with the very same contents, or ''."""
    for other in reading.files[:index]:
        if type(other) is type(file) and _contents(other) == _contents(file):
            return other.name
    return ""


def _aggregate_report(index: int, file: AggregateFile, reading: AnalyticsReading,
                      current: PostAnalytics, result: PostAnalytics,
                      winners: dict[dt.date, int]) -> AggregateReport:
    stored = {d.day: _figures(d) for d in current.days}
    counts = {"new": 0, "revised": 0, "unchanged": 0, "kept": 0, "superseded": 0,
              "superseded_revised": 0}
    rows = _file_days(file)
    kept = {d.day: _figures(d) for d in result.days}
    for day, row in rows.items():
        winner = winners[day]
        if winner == _STORED:
            counts["kept"] += 1
        elif winner != index:
            counts["superseded"] += 1
            counts["superseded_revised"] += kept.get(day) != _figures(row)
        elif day not in stored:
            counts["new"] += 1
        else:
            counts["revised" if stored[day] != _figures(row) else "unchanged"] += 1
    stamp = file.snapshot.stamp
    before = next((s for s in current.snapshots if s.stamp == stamp), None)
    after = next(s for s in result.snapshots if s.stamp == stamp)
    snapshot = NEW if before is None else UNCHANGED if before == after else UPDATED
    return AggregateReport(
        name=file.name, stamp=stamp, era=file.era, days_read=len(rows),
        days_new=counts["new"], days_revised=counts["revised"],
        days_unchanged=counts["unchanged"], days_kept=counts["kept"],
        days_superseded=counts["superseded"],
        days_superseded_revised=counts["superseded_revised"], rows_skipped=len(file.skipped),
        snapshot=snapshot, duplicate_of=_duplicate_of(index, file, reading), notes=file.notes)


def _post_report(index: int, file: SinglePostFile, reading: AnalyticsReading,
                 current: PostAnalytics, winners: dict[str, int]) -> SinglePostReport:
    post = file.post
    stored = next((p for p in current.posts if p.url == post.url), None)
    winner = winners[post.url]
    if winner == _STORED:
        status = KEPT
    elif winner != index:
        status = SUPERSEDED
    else:
        status = NEW if stored is None else UNCHANGED if stored == post else UPDATED
    return SinglePostReport(name=file.name, url=post.url, published=post.published,
                            status=status, rows_skipped=len(file.skipped),
                            duplicate_of=_duplicate_of(index, file, reading), notes=file.notes)
