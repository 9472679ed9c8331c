"""The records the post analytics import passes on: one per workbook read, and the reading of
everything the member chose at once.

    uploads (name, bytes) --read--> AnalyticsReading: AggregateFile / SinglePostFile per
                                    usable workbook, and the refused ones with a reason
    AnalyticsReading + PostAnalytics --posts.merge--> what will change, then the new records

Nothing here is saved; a workbook's posts' text is never read (only URLs, dates, numbers and
demographic labels), so reports can be shown and screenshotted safely.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import PostDay, Problem, SinglePost, WindowSnapshot

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024  # one file; LinkedIn's workbooks are well under 1 MB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # one workbook's parts once unzipped (zip bombs)
AGGREGATE, SINGLE_POST = "aggregate", "single post"  # the kinds of workbook


@dataclass(frozen=True)
class AggregateFile:
    """One aggregate workbook (`Content_…` or `AggregateAnalytics_…`), read."""

    name: str  # the file's name as the member chose it
    era: str  # "2025 (Content_)" or "2026 (AggregateAnalytics_)": how the cells were typed
    language: str  # "en", "pt", ...: the sheet names' language
    snapshot: WindowSnapshot  # the window and its figures; snapshot.stamp is the export
    days: tuple[PostDay, ...]  # one per day of the window read, oldest first
    skipped: tuple[Problem, ...] = ()  # rows left out: sheet as `column`, row as `line`
    notes: tuple[str, ...] = ()  # one sentence each: "dates read as day/month/year"


@dataclass(frozen=True)
class SinglePostFile:
    """One post's workbook (`SinglePostAnalytics_…` or `PostAnalytics_…`), read."""

    name: str
    language: str
    post: SinglePost
    skipped: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnalyticsReading:
    """Every workbook of one import: the usable ones in the order given, and the refused ones
    (one whole-file Problem each: not a workbook, not LinkedIn's, damaged, too large)."""

    files: tuple[AggregateFile | SinglePostFile, ...]
    refused: tuple[Problem, ...] = ()


def too_large(name: str, size: int) -> Problem:
    """The refusal of a file over MAX_WORKBOOK_BYTES, decided before a byte of it is read."""
    megabytes = size / (1024 * 1024)
    return Problem(name, 0, "", f"is {megabytes:,.1f} MB; LinkedIn's analytics workbooks are "
                                "well under 1 MB, so this is not one. Nothing was read from it.")


def with_refused(reading: AnalyticsReading, refused: tuple[Problem, ...]) -> AnalyticsReading:
    """The reading with more refused files (those refused before reading), listed first."""
    return AnalyticsReading(reading.files, refused + reading.refused)
