"""Bringing a weekly log CSV into the typed log: compare first, apply on confirmation.

The plan sorts the file's weeks against the weeks the member typed (`Document.weeks`) with
`model.compare_by_date`: new weeks, weeks already holding the same counts, and changed weeks,
each with the counts that change, so the preview can say exactly what an import does. The
weeks read from LinkedIn exports (`Document.imported`) and the choice of source per week are
never touched: the file holds the typed log only.

Within a week the file's columns speak for the counts they name: a count in such a column
replaces the typed one, an empty cell there means "not logged" and removes it. Counts the
file has no column for are kept as typed (unless keeping one would put a part above its
whole, as `model.fill_in` rules), so a hand-made sheet of a few columns changes only those.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeAlias

from ..importers.csv_weeks import WeeksRead
from ..model import MEASURES, DateComparison, Document, Update, WeekLog, compare_by_date, fill_in

WeeksMerge: TypeAlias = DateComparison[WeekLog]


@dataclass(frozen=True)
class CountChange:
    """One count of a changed week: None is "not logged"."""

    key: str  # a MEASURE_KEYS key
    label: str
    before: int | None
    after: int | None


def _monday(log: WeekLog) -> dt.date:
    return log.week


def _over(before: WeekLog | None, incoming: WeekLog, columns: tuple[str, ...]) -> WeekLog:
    """The week as it will be: the file's columns replace, the other typed counts stay."""
    if before is None:
        return incoming
    kept = {key: n for key, n in before.counts.items() if key not in columns}
    counts = fill_in(incoming.counts, kept)
    return WeekLog(incoming.week, {m.key: counts[m.key] for m in MEASURES if m.key in counts})


def weeks_merge(document: Document, read: WeeksRead) -> WeeksMerge:
    """What importing the file's weeks would do to the typed log; nothing is changed here."""
    typed = {w.week: w for w in document.weeks}
    incoming = [_over(typed.get(w.week), w, read.columns) for w in read.weeks]
    return compare_by_date(document.weeks, incoming, _monday)


def count_changes(update: Update[WeekLog]) -> tuple[CountChange, ...]:
    """The counts a changed week gains, loses or changes, in MEASURES order."""
    return tuple(CountChange(m.key, m.label, update.before.count(m.key),
                             update.after.count(m.key))
                 for m in MEASURES if update.before.count(m.key) != update.after.count(m.key))


def apply_weeks_merge(document: Document, merge: WeeksMerge, *,
                      replace_changed: bool) -> Document:
    """The document after the import: new weeks added, changed weeks replaced when the
    member chose so; the imported weeks and the sources as they were."""
    result = document
    for log in merge.added:
        result = result.with_week(log)
    if replace_changed:
        for update in merge.updated:
            result = result.with_week(update.after)
    return result
