"""Bringing check-ins from elsewhere (a spreadsheet, a backup) into the member's data.

Every import is planned first and applied only when the member confirms: the plan sorts the
incoming check-ins into new dates, dates already holding the same numbers, and dates where
the numbers differ, so the preview can say exactly what would change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import CheckIn, Document
from .validation import FIELD_LABELS, FORM_FIELDS


@dataclass(frozen=True)
class Conflict:
    current: CheckIn
    incoming: CheckIn

    def differences(self) -> list[str]:
        """The labels of the fields that differ, so a preview can say more than "different"."""
        return [FIELD_LABELS[name] for name in FORM_FIELDS if name != "date"
                and getattr(self.current, name) != getattr(self.incoming, name)]


@dataclass(frozen=True)
class ImportPlan:
    new: tuple[CheckIn, ...]
    identical: tuple[CheckIn, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def incoming_count(self) -> int:
        return len(self.new) + len(self.identical) + len(self.conflicts)

    def changes_anything(self, replace_conflicts: bool) -> bool:
        return bool(self.new) or (replace_conflicts and bool(self.conflicts))


def plan_import(current: Document, incoming: Sequence[CheckIn]) -> ImportPlan:
    """Sort incoming check-ins (one per date) against the current document."""
    new, identical, conflicts = [], [], []
    for checkin in sorted(incoming, key=lambda c: c.on):
        existing = current.find(checkin.on)
        if existing is None:
            new.append(checkin)
        elif existing == checkin:
            identical.append(checkin)
        else:
            conflicts.append(Conflict(existing, checkin))
    return ImportPlan(tuple(new), tuple(identical), tuple(conflicts))


def apply_plan(current: Document, plan: ImportPlan, *, replace_conflicts: bool) -> Document:
    """The document after the import: new dates added; differing dates per the choice."""
    result = current
    for checkin in plan.new:
        result = result.put(checkin)
    if replace_conflicts:
        for conflict in plan.conflicts:
            result = result.put(conflict.incoming, replacing=conflict.current.on)
    return result
