"""The coaching part of the document as JSON: weekly logs, checklist, plan and goal, imports,
and the calibration fit the Coach holds.

Decoding checks what the forms check (whole counts, parts within their wholes, known keys),
so stored or restored data never holds what the forms would refuse.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from ..activity.estimate import RATE_KEYS
from ..activity.log import check_counts
from ..errors import InvalidRecord
from ..model import (
    CHECKLIST_KEYS,
    PILLAR_KEYS,
    SOURCES,
    Calibration,
    Checklist,
    Document,
    FittedOn,
    Goal,
    HeldFit,
    NetworkSummary,
    PillarFit,
    WeekLog,
    WeeklyPlan,
)

Data = dict[str, Any]
NETWORK_COUNTS = ("undated_connections", "invitations_sent", "invitations_accepted",
                  "conversations_started", "conversations_replied")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def activity_to_data(weeks: tuple[WeekLog, ...], checklist: Checklist | None,
                     plan: WeeklyPlan | None, goal: Goal | None) -> Data:
    return {
        "weeks": [{"week": w.week.isoformat(), "counts": dict(w.counts)} for w in weeks],
        "checklist": None if checklist is None else {
            "items": dict(checklist.items),
            "updated_on": checklist.updated_on.isoformat() if checklist.updated_on else None},
        "plan": None if plan is None else {"weekly": dict(plan.weekly)},
        "goal": None if goal is None else {"target": goal.target, "by": goal.by.isoformat()},
    }


def weeks_from_data(records: Any, what: str = "Activity") -> tuple[WeekLog, ...]:
    """Typed weeks (`what` "Activity") or imported ones ("Imported activity")."""
    if not isinstance(records, list):
        raise InvalidRecord(f"The {what.lower()} log is not a list of weeks.")
    logs = sorted((_week(r, n, what) for n, r in enumerate(records, 1)), key=lambda w: w.week)
    if len({w.week for w in logs}) != len(logs):
        raise InvalidRecord(f"Two {what.lower()} logs are for the same week.")
    return tuple(logs)


def _week(record: Any, number: int, what: str) -> WeekLog:
    try:
        monday = _date(record["week"])
        counts = dict(record["counts"])
    except (KeyError, TypeError, ValueError):
        raise InvalidRecord(f"{what} week {number} has no valid week or counts.") from None
    where = f"{what} week of {monday.isoformat()}"
    problems = check_counts(counts)
    if problems:
        raise InvalidRecord(f"{where}: {problems[0].message}")
    try:
        return WeekLog(monday, counts)
    except ValueError:
        raise InvalidRecord(f"{where}: a week must start on a Monday.") from None


# ---- imports (schema v4) --------------------------------------------------------------------

def imports_to_data(document: Document) -> Data:
    network = document.network
    return {
        "imported": [{"week": w.week.isoformat(), "counts": dict(w.counts)}
                     for w in document.imported],
        "week_sources": {day.isoformat(): source
                         for day, source in sorted(document.week_sources.items())},
        "network": None if network is None else _network_to_data(network),
        "imported_on": document.imported_on.isoformat() if document.imported_on else None,
    }


def _network_to_data(network: NetworkSummary) -> Data:
    return {
        "connections_by_month": {month: dict(by_class) for month, by_class
                                 in sorted(network.connections_by_month.items())},
        **{name: getattr(network, name) for name in NETWORK_COUNTS},
        "by_weekday": list(network.by_weekday),
    }


def week_sources_from_data(record: Any) -> dict[dt.date, str]:
    if not isinstance(record, dict):
        raise InvalidRecord("The choices of source per week are not a mapping of weeks.")
    sources = {}
    for day, source in record.items():
        try:
            monday = _date(day)
        except ValueError:
            raise InvalidRecord(f"The source chosen for week “{day}”: not a date.") from None
        if monday.weekday() != 0:
            raise InvalidRecord(f"The source chosen for week {day}: a week must start on a "
                                "Monday.")
        if source not in SOURCES:
            raise InvalidRecord(f"The source chosen for week {day} must be “typed” or "
                                "“imported”.")
        sources[monday] = source
    return sources


def network_from_data(record: Any) -> NetworkSummary | None:
    if record is None:
        return None
    if not isinstance(record, dict):
        raise InvalidRecord("The network summary is not a record.")
    unknown = sorted(set(record) - {"connections_by_month", "by_weekday", *NETWORK_COUNTS})
    if unknown:
        raise InvalidRecord(f"The network summary has an unknown field “{unknown[0]}”.")
    try:
        by_month = {month: dict(by_class) for month, by_class
                    in dict(record.get("connections_by_month", {})).items()}
        counts = {name: record.get(name, 0) for name in NETWORK_COUNTS}
        weekdays: Any = tuple(record.get("by_weekday", (0,) * 7))  # checked just below
        summary = NetworkSummary(by_month, **counts, by_weekday=weekdays)
    except (TypeError, ValueError):
        raise InvalidRecord("The network summary cannot be read.") from None
    problem = network_problem(summary)
    if problem:
        raise InvalidRecord(f"The network summary: {problem}")
    return summary


def network_problem(summary: NetworkSummary) -> str:
    """Why the summary cannot be stored, naming the field; "" when it can. An import checks
    with this too, so it never saves a summary the next load would refuse."""
    for name in NETWORK_COUNTS:
        if not _is_count(getattr(summary, name)):
            return f"{name} must be a whole number of 0 or more."
    weekdays = summary.by_weekday
    if not isinstance(weekdays, tuple) or len(weekdays) != 7 or not all(
            _is_count(n) for n in weekdays):
        return "by_weekday must be seven whole numbers of 0 or more, Monday first."
    for month, by_class in summary.connections_by_month.items():
        if not isinstance(month, str) or not _MONTH.match(month):
            return f"connections_by_month: “{month}” is not a month like 2026-07."
        if not all(isinstance(k, str) and k and _is_count(n) for k, n in by_class.items()):
            return f"connections_by_month {month}: counts must be whole numbers of 0 or more."
    return ""


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def optional_date_from_data(text: Any, what: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return _date(text)
    except ValueError:
        raise InvalidRecord(f"{what} is not a valid date.") from None


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


def plan_from_data(record: Any) -> WeeklyPlan | None:
    if record is None:
        return None
    try:
        plan = WeeklyPlan(dict(record["weekly"]))
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        raise InvalidRecord("The weekly plan cannot be read.") from None
    if not set(plan.weekly) <= set(RATE_KEYS):  # the estimate could not project it
        raise InvalidRecord("The weekly plan cannot be read.")
    return plan


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


# ---- the held calibration (schema v5) -------------------------------------------------------

_LINE_NUMBERS = ("intercept", "slope", "mae_before", "mae_after")
_HELD_FIT = "The saved calibration"


def held_fit_to_data(held: HeldFit | None) -> Data | None:
    """The fit and what it was fitted on: each check-in as [date, brand, people, insights,
    relationships], and one line per pillar."""
    if held is None:
        return None
    fitted_on = [[on.isoformat(), *scores] for on, scores in held.fitted_on]
    if held.calibration is None:  # too few check-ins: calibration waits for the next one
        return {"fitted_on": fitted_on, "based_on": 0, "fits": None}
    fits = held.calibration.fits
    return {
        "fitted_on": fitted_on,
        "based_on": held.calibration.based_on,
        "fits": {key: {name: getattr(fits[key], name) for name in _LINE_NUMBERS}
                 for key in PILLAR_KEYS if key in fits},
    }


def held_fit_from_data(record: Any) -> HeldFit | None:
    """The stored fit, refused like any other record when it cannot be right: the fit is
    only ever written by the app, so a bad one means the data was damaged."""
    if record is None:
        return None
    if not isinstance(record, dict) or set(record) != {"fitted_on", "based_on", "fits"}:
        raise InvalidRecord(f"{_HELD_FIT} cannot be read.")
    based_on = record["based_on"]
    if record["fits"] is None and based_on == 0 and not isinstance(based_on, bool):
        return HeldFit(_fitted_on(record["fitted_on"]), None)  # calibration waits
    if not _is_count(based_on) or based_on < 1:
        raise InvalidRecord(f"{_HELD_FIT}'s number of check-ins must be a whole number of 1 "
                            "or more.")
    fits = record["fits"]
    if not isinstance(fits, dict) or set(fits) != set(PILLAR_KEYS):
        raise InvalidRecord(f"{_HELD_FIT} must have one line for each of the four pillars.")
    lines = {key: _pillar_fit(key, fits[key]) for key in PILLAR_KEYS}
    return HeldFit(_fitted_on(record["fitted_on"]), Calibration(lines, based_on))


def _fitted_on(records: Any) -> FittedOn:
    where = f"{_HELD_FIT}'s check-ins"
    if not isinstance(records, list):
        raise InvalidRecord(f"{where} are not a list.")
    found = []
    for record in records:
        if not isinstance(record, list) or len(record) != 1 + len(PILLAR_KEYS):
            raise InvalidRecord(f"{where} must each be a date and four pillar scores.")
        try:
            on = _date(record[0])
        except ValueError:
            raise InvalidRecord(f"{where}: “{record[0]}” is not a date.") from None
        scores = tuple(record[1:])
        if not all(_is_finite(v) for v in scores):
            raise InvalidRecord(f"{where}: the scores of {on.isoformat()} must be numbers.")
        found.append((on, scores))
    return tuple(found)


def _pillar_fit(key: str, record: Any) -> PillarFit:
    where = f"{_HELD_FIT}'s {key} line"
    if not isinstance(record, dict) or set(record) != set(_LINE_NUMBERS):
        raise InvalidRecord(f"{where} must have exactly {', '.join(_LINE_NUMBERS)}.")
    numbers = [record[name] for name in _LINE_NUMBERS]
    if not all(_is_finite(v) for v in numbers):
        raise InvalidRecord(f"{where}: each of {', '.join(_LINE_NUMBERS)} must be a number.")
    if record["slope"] < 0:
        raise InvalidRecord(f"{where}: the slope cannot be negative.")
    return PillarFit(key, *numbers)


def _is_finite(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def _date(text: Any) -> dt.date:
    if not isinstance(text, str):
        raise ValueError(text)
    return dt.date.fromisoformat(text)
