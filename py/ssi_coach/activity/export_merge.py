"""Bringing a LinkedIn export's reading into the document: compare first, apply on confirmation.

The `ExportMerge` is what the report shows before anything is saved: imported weeks that are
added, updated or unchanged (compared week by week with `ssi_coach.model.compare_by_date`),
weeks the member also typed (they choose which source wins), checklist items the export has
evidence for, and the network summary. Applying only carries it out, so applying it twice
gives the same document.

Imported counts live in `Document.imported`, never in the typed `weeks`. Importing again
replaces, count by count, what the new export knows and keeps what it does not (a newer
export holds only recent invitations, a Basic export has no messages): counts are replaced,
never added, so re-importing an overlapping export cannot double anything.

Standard library only: this runs after the reading, with no pandas needed.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..importers.linkedin.types import ExportReading
from ..model import (
    CHECKLIST_KEYS,
    IMPORTED,
    SOURCES,
    TYPED,
    Checklist,
    Document,
    NetworkSummary,
    WeekLog,
    compare_by_date,
    fill_in,
)
from ..storage.activity_codec import NETWORK_COUNTS, network_problem
from .log import check_counts


@dataclass(frozen=True)
class WeekUpdate:
    """An imported week the new export changes."""

    before: WeekLog  # as stored now
    after: WeekLog  # as it will be

    @property
    def week(self) -> dt.date:
        return self.after.week

    def differences(self) -> tuple[str, ...]:
        """Measure keys whose count changes (or appears), in the order of the new log."""
        return tuple(k for k, n in self.after.counts.items() if self.before.count(k) != n)


@dataclass(frozen=True)
class WeekConflict:
    """A week with both typed and imported counts that disagree: the member picks a winner."""

    typed: WeekLog
    imported: WeekLog  # as it will be after this import
    source: str  # the winner unless the member picks now: their earlier choice, else typed

    @property
    def week(self) -> dt.date:
        return self.typed.week

    def differences(self) -> tuple[str, ...]:
        """Keys both sources hold with different counts; other keys merge without a choice."""
        return tuple(k for k, n in self.typed.counts.items()
                     if self.imported.count(k) not in (None, n))


@dataclass(frozen=True)
class ChecklistChange:
    item: str  # a CHECKLIST_KEYS key
    before: bool | None  # None: not answered
    after: bool
    evidence: str  # what in the export says so ("Skills.csv: 12 skills")

    @property
    def unticks(self) -> bool:
        """An item the member had ticked that the export says is not done: shown apart."""
        return self.before is True and not self.after


@dataclass(frozen=True)
class ExportMerge:
    """What importing an export's reading would change, for the report and for applying."""

    today: dt.date
    added: tuple[WeekLog, ...]  # weeks with no imported log before
    updated: tuple[WeekUpdate, ...]
    unchanged: tuple[WeekLog, ...]
    conflicts: tuple[WeekConflict, ...]
    checklist: tuple[ChecklistChange, ...]
    network_before: NetworkSummary | None
    network: NetworkSummary | None  # what the document will hold
    first_day: dt.date | None  # the activity the export covers
    last_day: dt.date | None
    skipped: tuple[str, ...] = ()  # what the reading held that cannot be stored, and why

    @property
    def replaces_network(self) -> bool:
        return self.network != self.network_before

    def changes_anything(self) -> bool:
        return bool(self.added or self.updated or self.checklist or self.replaces_network)


# ---- comparing --------------------------------------------------------------------------------

def export_merge(document: Document, reading: ExportReading, *, today: dt.date) -> ExportMerge:
    """What importing `reading` into `document` would change; nothing is changed here."""
    weeks, skipped = _storable_weeks(reading.weeks)
    network, network_skipped = _storable_network(reading.network)
    stored = {w.week: w for w in document.imported}
    incoming = [_replaced(stored.get(w.week), w) for w in weeks]
    compared = compare_by_date(document.imported, incoming, _monday)
    updated = tuple(WeekUpdate(u.before, u.after) for u in compared.updated)
    return ExportMerge(
        today=today, added=compared.added, updated=updated, unchanged=compared.unchanged,
        conflicts=_conflicts(document, incoming),
        checklist=_checklist_changes(document.checklist, reading),
        network_before=document.network,
        network=document.network if network in (None, NetworkSummary()) else network,
        first_day=reading.first_day, last_day=reading.last_day,
        skipped=(*skipped, *network_skipped),
    )


def _monday(log: WeekLog) -> dt.date:
    return log.week


def _replaced(before: WeekLog | None, incoming: WeekLog) -> WeekLog:
    """The new export's counts over the stored ones; counts it does not know are kept."""
    if before is None:
        return incoming
    return WeekLog(incoming.week, fill_in(incoming.counts, before.counts))


def _storable_weeks(logs: tuple[WeekLog, ...]) -> tuple[list[WeekLog], list[str]]:
    """The reading's weeks as plain ints, checked as the codec checks stored ones: a week the
    next load would refuse must never be saved."""
    kept: dict[dt.date, WeekLog] = {}
    skipped = []
    for log in logs:
        try:
            counts = {str(k): operator.index(n) for k, n in log.counts.items()}
        except TypeError:
            counts = dict(log.counts)  # check_counts names the count that is not whole
        problems = check_counts(counts)
        if log.week in kept or problems:
            why = problems[0].message if problems else "read twice; the first is kept."
            skipped.append(f"Week of {log.week.isoformat()}: {why}")
        else:
            kept[log.week] = WeekLog(log.week, counts)
    return sorted(kept.values(), key=lambda w: w.week), skipped


def _storable_network(summary: NetworkSummary) -> tuple[NetworkSummary | None, list[str]]:
    """The summary with plain ints (JSON cannot hold numpy's), if the codec would load it."""
    try:
        weekdays: Any = tuple(operator.index(n) for n in summary.by_weekday)
        plain = NetworkSummary(
            {str(m): {str(k): operator.index(n) for k, n in by.items()}
             for m, by in summary.connections_by_month.items()},
            **{name: operator.index(getattr(summary, name)) for name in NETWORK_COUNTS},
            by_weekday=weekdays,
        )
    except (TypeError, AttributeError):
        return None, ["Network summary: a count is not a whole number."]
    problem = network_problem(plain)
    return (None, [f"Network summary: {problem}"]) if problem else (plain, [])


def _conflicts(document: Document, logs: list[WeekLog]) -> tuple[WeekConflict, ...]:
    typed = {w.week: w for w in document.weeks}
    found = (WeekConflict(typed[w.week], w, document.week_sources.get(w.week, TYPED))
             for w in sorted(logs, key=lambda w: w.week) if w.week in typed)
    return tuple(c for c in found if c.differences())


def _checklist_changes(current: Checklist | None,
                       reading: ExportReading) -> tuple[ChecklistChange, ...]:
    """Only items the export has evidence for; an un-tick also needs its evidence named."""
    items = current.items if current else {}
    changes = []
    for key in CHECKLIST_KEYS:
        if key not in reading.checklist:
            continue  # the export says nothing: the member's answer stands
        after, evidence = bool(reading.checklist[key]), reading.checklist_evidence.get(key, "")
        before = items.get(key)
        if before != after and (after or before is not True or evidence):
            changes.append(ChecklistChange(key, before, after, evidence))
    return tuple(changes)


# ---- applying ---------------------------------------------------------------------------------

def apply_export_merge(document: Document, merge: ExportMerge,
                 choices: Mapping[dt.date, str] | None = None) -> Document:
    """The document after the import. `choices` maps a conflict's Monday to the source that
    wins there ("typed" or "imported"); conflicts left out keep `WeekConflict.source`."""
    return replace(
        document,
        imported=_with_logs(document.imported, [*merge.added, *(u.after for u in merge.updated)]),
        week_sources=_sources(document.week_sources, merge.conflicts, choices or {}),
        checklist=_checklist(document.checklist, merge),
        network=merge.network,
        imported_on=merge.last_day or document.imported_on,
    )


def _with_logs(stored: tuple[WeekLog, ...], logs: list[WeekLog]) -> tuple[WeekLog, ...]:
    by_week = {w.week: w for w in stored} | {w.week: w for w in logs}
    return tuple(by_week[day] for day in sorted(by_week))


def _sources(current: Mapping[dt.date, str], conflicts: tuple[WeekConflict, ...],
             choices: Mapping[dt.date, str]) -> dict[dt.date, str]:
    """The choices kept canonical: only weeks where the import wins are stored, since absent
    means typed, so choosing typed removes the entry."""
    weeks = {c.week for c in conflicts}
    for day, source in choices.items():
        if source not in SOURCES or day not in weeks:  # built by code: a bug, not input
            raise ValueError(f"no choice {source!r} for the week of {day}")
    sources = dict(current)
    for day, source in choices.items():
        if source == IMPORTED:
            sources[day] = IMPORTED
        else:
            sources.pop(day, None)
    return sources


def _checklist(current: Checklist | None, merge: ExportMerge) -> Checklist | None:
    if not merge.checklist:
        return current  # untouched, not even its date
    items = {**(current.items if current else {}), **{c.item: c.after for c in merge.checklist}}
    return Checklist(items, merge.today)
