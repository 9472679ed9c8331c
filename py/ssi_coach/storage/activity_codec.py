"""The coaching part of the document as JSON: weekly logs, checklist, plan and goal.

Decoding checks what the forms check (whole counts, parts within their wholes, known keys),
so stored or restored data never holds what the forms would refuse.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..activity import (
    CHECKLIST_KEYS,
    MAX_WEEKLY_COUNT,
    MEASURE_KEYS,
    Checklist,
    WeekLog,
    check_parts,
)
from ..errors import InvalidRecord
from ..plan import Goal, Plan

Data = dict[str, Any]


def activity_to_data(weeks: tuple[WeekLog, ...], checklist: Checklist | None,
                     plan: Plan | None, goal: Goal | None) -> Data:
    return {
        "weeks": [{"week": w.week.isoformat(), "counts": dict(w.counts)} for w in weeks],
        "checklist": None if checklist is None else {
            "items": dict(checklist.items),
            "updated_on": checklist.updated_on.isoformat() if checklist.updated_on else None},
        "plan": None if plan is None else {"weekly": dict(plan.weekly)},
        "goal": None if goal is None else {"target": goal.target, "by": goal.by.isoformat()},
    }


def weeks_from_data(records: Any) -> tuple[WeekLog, ...]:
    if not isinstance(records, list):
        raise InvalidRecord("The activity log is not a list of weeks.")
    logs = sorted((_week(r, n) for n, r in enumerate(records, 1)), key=lambda w: w.week)
    if len({w.week for w in logs}) != len(logs):
        raise InvalidRecord("Two activity logs are for the same week.")
    return tuple(logs)


def _week(record: Any, number: int) -> WeekLog:
    try:
        monday = _date(record["week"])
        counts = dict(record["counts"])
    except (KeyError, TypeError, ValueError):
        raise InvalidRecord(f"Activity week {number} has no valid week or counts.") from None
    where = f"Activity week of {monday.isoformat()}"
    for key, count in counts.items():
        if key not in MEASURE_KEYS:
            raise InvalidRecord(f"{where}: unknown count “{key}”.")
        if isinstance(count, bool) or not isinstance(count, int) or not (
                0 <= count <= MAX_WEEKLY_COUNT):
            raise InvalidRecord(f"{where}: {key} must be a whole number from 0 to "
                                f"{MAX_WEEKLY_COUNT}.")
    problems = check_parts(counts)
    if problems:
        raise InvalidRecord(f"{where}: {problems[0].message}")
    try:
        return WeekLog(monday, counts)
    except ValueError:
        raise InvalidRecord(f"{where}: a week must start on a Monday.") from None


def checklist_from_data(record: Any) -> Checklist | None:
    if record is None:
        return None
    try:
        items = dict(record["items"])
        updated = record.get("updated_on")
        updated_on = None if updated is None else _date(updated)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InvalidRecord("The profile checklist cannot be read.") from None
    if any(k not in CHECKLIST_KEYS or not isinstance(v, bool) for k, v in items.items()):
        raise InvalidRecord("The profile checklist has an unknown item or a non-yes/no answer.")
    return Checklist(items, updated_on)


def plan_from_data(record: Any) -> Plan | None:
    if record is None:
        return None
    try:
        return Plan(dict(record["weekly"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InvalidRecord("The weekly plan cannot be read.") from None


def goal_from_data(record: Any) -> Goal | None:
    if record is None:
        return None
    try:
        target, by = record["target"], _date(record["by"])
    except (KeyError, TypeError, ValueError):
        raise InvalidRecord("The goal cannot be read.") from None
    if isinstance(target, bool) or not isinstance(target, (int, float)) or not 0 <= target <= 100:
        raise InvalidRecord("The goal's target must be an SSI from 0 to 100.")
    return Goal(float(target), by)


def _date(text: Any) -> dt.date:
    if not isinstance(text, str):
        raise ValueError(text)
    return dt.date.fromisoformat(text)
