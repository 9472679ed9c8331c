"""Bringing check-ins from elsewhere into a list of check-ins, compared date by date.

Two uses, one comparison (`ssi_coach.model.compare_by_date`):
- the member's own import from a spreadsheet or a backup is compared first and applied only
  when they confirm: `checkin_merge` sorts the incoming check-ins into added dates, dates
  already holding the same numbers (unchanged) and dates where the numbers differ (updated,
  which the member chooses to replace or keep), so the preview can say exactly what changes;
- a team member's check-ins from a newer link or file are merged at once by
  `merge_checkins`: on a date both hold, the incoming one wins, since it is a correction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from ..model import CheckIn, DateComparison, Document, Update, compare_by_date
from .validation import EVENTS_FIELD, FORM_FIELDS, PEER_FIELDS, RECORD_LABELS, peers_label

CheckinMerge: TypeAlias = DateComparison[CheckIn]


def _on(checkin: CheckIn) -> dt.date:
    return checkin.on


def checkin_merge(current: Document, incoming: Sequence[CheckIn]) -> CheckinMerge:
    """Sort incoming check-ins (one per date) against the current document."""
    return compare_by_date(current.checkins, incoming, _on)


def _compared(name: str) -> tuple[str, str]:
    """The CheckIn attribute a form field shows, and its label in a list of differences: a
    peer group's four fields are one attribute, named once ("Industry pillar averages")."""
    if name in PEER_FIELDS:
        group, _pillar = PEER_FIELDS[name]
        return f"{group.key}_peers", peers_label(group)
    return name, RECORD_LABELS[name]


def differences(update: Update[CheckIn]) -> list[str]:
    """The labels of the fields that differ, so a preview can say more than "different"."""
    labels: list[str] = []
    for name in (*FORM_FIELDS, EVENTS_FIELD):
        attribute, label = _compared(name)
        if (name != "date" and label not in labels
                and getattr(update.before, attribute) != getattr(update.after, attribute)):
            labels.append(label)
    return labels


def apply_checkin_merge(current: Document, merge: CheckinMerge, *,
                        replace_updated: bool) -> Document:
    """The document after the import: added dates added; updated dates per the choice."""
    result = current
    for checkin in merge.added:
        result = result.put(checkin)
    if replace_updated:
        for update in merge.updated:
            result = result.put(update.after, replacing=update.before.on)
    return result


@dataclass(frozen=True)
class MergedCheckins:
    """The check-ins after a merge (oldest first, one per date) and what the incoming ones did."""

    checkins: tuple[CheckIn, ...]
    added: int  # dates that were not there
    updated: int  # dates whose numbers the incoming check-in replaced
    unchanged: int  # dates already holding exactly the incoming check-in

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def merge_checkins(existing: Sequence[CheckIn], incoming: Sequence[CheckIn]) -> MergedCheckins:
    """`existing` (one per date) with `incoming` merged in by date. On a date both hold, the
    incoming check-in wins: a newer link or file from the same person is a correction.
    Should `incoming` hold a date twice, its later check-in is the one counted."""
    compared = compare_by_date(existing, incoming, _on)
    by_date = {c.on: c for c in existing} | {c.on: c for c in incoming}
    return MergedCheckins(tuple(by_date[on] for on in sorted(by_date)), len(compared.added),
                          len(compared.updated), len(compared.unchanged))
