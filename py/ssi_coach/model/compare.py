"""Comparing dated records that come in with the ones already kept: one vocabulary for every
import and merge (check-ins from a file or backup, weeks from a LinkedIn export, a team
member's check-ins from a link).

    added      a date (or week) not kept before
    unchanged  a date already holding exactly the incoming record
    updated    a date holding a different record: an `Update(before, after)`
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Update(Generic[T]):
    """A date where the incoming record differs from the kept one."""

    before: T  # as kept now
    after: T  # as it comes in


@dataclass(frozen=True)
class DateComparison(Generic[T]):
    """The incoming records sorted by what they would do, each part oldest first."""

    added: tuple[T, ...]
    unchanged: tuple[T, ...]
    updated: tuple[Update[T], ...]

    @property
    def incoming_count(self) -> int:
        return len(self.added) + len(self.unchanged) + len(self.updated)

    def changes_anything(self, replace_updated: bool = True) -> bool:
        """Whether applying would change anything: added dates always do, updated ones only
        when they replace what is kept."""
        return bool(self.added) or (replace_updated and bool(self.updated))

    def changed_count(self, replace_updated: bool = True) -> int:
        """How many records applying adds or, when chosen, replaces."""
        return len(self.added) + (len(self.updated) if replace_updated else 0)


def compare_by_date(existing: Iterable[T], incoming: Iterable[T],
                    date_of: Callable[[T], dt.date]) -> DateComparison[T]:
    """Sort `incoming` against `existing` (one per date) by date. Should `incoming` hold a
    date twice, its later record is the one compared."""
    kept = {date_of(record): record for record in existing}
    arriving = {date_of(record): record for record in incoming}
    added, unchanged, updated = [], [], []
    for day in sorted(arriving):
        before, after = kept.get(day), arriving[day]
        if before is None:
            added.append(after)
        elif before == after:
            unchanged.append(after)
        else:
            updated.append(Update(before, after))
    return DateComparison(tuple(added), tuple(unchanged), tuple(updated))
