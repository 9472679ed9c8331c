"""Import LinkedIn's post analytics workbooks (.xlsx): the aggregate export of the creator
analytics page and one post's export in, an `AnalyticsReading` out (see `types`). The reader
stages load openpyxl, so they are imported when an import starts, not with this package; the
rules they follow are in README.md next to this file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...model import Problem
from ..linkedin.types import Progress, Upload
from .types import AggregateFile, AnalyticsReading, SinglePostFile

__all__ = ["AnalyticsReading", "Progress", "Upload", "read_all", "read_workbooks"]


def read_workbooks(uploads: Sequence[Upload]) -> Iterator[Progress | AnalyticsReading]:
    """The import, one file at a time, for a page that must stay responsive: a Progress
    before each file, then exactly one AnalyticsReading."""
    files: list[AggregateFile | SinglePostFile] = []
    refused: list[Problem] = []
    for done, upload in enumerate(uploads):
        yield Progress(done, len(uploads), f"Reading {upload.name}")
        result = read_one(upload)
        if isinstance(result, Problem):
            refused.append(result)
        else:
            files.append(result)
    yield AnalyticsReading(tuple(files), tuple(refused))


def read_all(uploads: Sequence[Upload]) -> AnalyticsReading:
    """Every workbook at once (tests, CPython): the last step of `read_workbooks`."""
    reading = AnalyticsReading(())
    for step in read_workbooks(uploads):
        if isinstance(step, AnalyticsReading):
            reading = step
    return reading


def read_one(upload: Upload) -> AggregateFile | SinglePostFile | Problem:
    """One workbook read, or the reason it is refused."""
    from .aggregate import not_analytics, read_aggregate
    from .book import open_book
    from .sheets import find_sheets
    from .single import read_single
    from .types import AGGREGATE, SINGLE_POST

    book = open_book(upload)
    if isinstance(book, Problem):
        return book
    found = find_sheets(book)
    if found.kind == AGGREGATE:
        return read_aggregate(book, found)
    if found.kind == SINGLE_POST:
        return read_single(book, found)
    return not_analytics(upload.name)
